// From an idle task to the end of the next frame, 30 times: what a frame costs in this browser
// when the app has nothing to do (the floor under every "next paint" figure). The body of a
// function WebDriver runs asynchronously (`execute_async`): its last argument is the callback.
const done = arguments[arguments.length - 1];
const out = [];
const one = () => {
  const t0 = performance.now();
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      out.push(performance.now() - t0);
      if (out.length < 30) setTimeout(one, (7 * out.length) % 17); else done(out);
    };
    channel.port2.postMessage(null);
  });
};
one();
