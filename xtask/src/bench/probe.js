// The bench's probe: runs before the app in every page the bench loads (CDP
// `Page.addScriptToEvaluateOnNewDocument`, which the page's Content-Security-Policy does not
// apply to), and records in `window.__bench` when the timeline first paints, when the page is
// ready, every keystroke's and fragment change's time to the next paint, long tasks and errors.
// "After paint" is the end of a frame: a `requestAnimationFrame` callback, then a
// MessageChannel task, which runs once that frame has been produced.
(() => {
  if (window.__bench) return;
  const b = window.__bench = { firstPaint: null, interactive: null, wordsReady: null, keys: [], hashes: [], errors: [], longTasks: [] };
  // Main-thread tasks of 50 ms and more (the "no task over 50 ms").
  try {
    new PerformanceObserver((list) => { for (const t of list.getEntries()) b.longTasks.push({ start: t.startTime, ms: t.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { b.longTasks = null; }
  // The longest of them that began in [from, to) (0: none; null: no observer).
  b.longest = (from, to) => b.longTasks === null ? null
    : Math.max(0, ...b.longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.ms));
  const endOfFrame = (done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  };
  const afterPaint = (done) => requestAnimationFrame(() => endOfFrame(done));
  window.addEventListener('TrunkApplicationStarted', () => { b.appStarted = performance.now(); });
  window.addEventListener('error', (e) => b.errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => b.errors.push(String(e.reason)));
  // Polled once a frame rather than observed, so the probe adds no work per DOM node.
  let rowSeen = false, readySeen = false, wordsSeen = false;
  const frame = () => {
    if (!rowSeen && document.querySelector('li.event')) { rowSeen = true; endOfFrame((t) => { b.firstPaint = t; }); }
    if (!readySeen && document.documentElement.hasAttribute('data-ready')) {
      readySeen = true; endOfFrame((t) => { b.interactive = t; });
    }
    if (!wordsSeen && document.documentElement.hasAttribute('data-words-ready')) { wordsSeen = true; b.wordsReady = performance.now(); }
    if (document.querySelector('.failure')) b.errors.push('the app shows a failure: ' + document.querySelector('.failure').textContent);
    if (!(rowSeen && readySeen && wordsSeen) && b.errors.length === 0) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('keydown', (e) => {
    if (e.target && e.target.id === 'search') { const t0 = e.timeStamp; afterPaint((t) => b.keys.push(t - t0)); }
  }, true);
  window.addEventListener('hashchange', (e) => {
    const t0 = e.timeStamp, hash = location.hash;
    afterPaint((t) => b.hashes.push({ hash, ms: t - t0 }));
  }, true);
})();
