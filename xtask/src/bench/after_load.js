// What a page looks like once loaded: DOM rows, how many fit the window, memory, and the
// probe's figures. The body of a function WebDriver runs (`execute`): it returns its result.
const rows = document.querySelectorAll('li.event');
let min = Infinity;
for (let i = 0; i < Math.min(rows.length, 200); i++) {
  const h = rows[i].getBoundingClientRect().height;
  if (h > 0 && h < min) min = h;
}
if (window.gc) window.gc();
const wb = window.wasmBindings || {};
const nav = performance.getEntriesByType('navigation')[0] || {};
const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
return {
  phases: {
    html: nav.responseEnd,
    dom_content_loaded: nav.domContentLoadedEventEnd,
    wasm_fetched: wasm ? wasm.responseEnd : null,
    app_started: __bench.appStarted || null,
  },
  rows: rows.length,
  fit: min === Infinity ? null : Math.ceil(window.innerHeight / min),
  heap: performance.memory ? performance.memory.usedJSHeapSize : null,
  wasm: typeof wb.wasm_memory_bytes === 'function' ? wb.wasm_memory_bytes() : null,
  firstPaint: __bench.firstPaint,
  interactive: __bench.interactive,
  wordsReady: __bench.wordsReady,
  // The longest task that began before the page was ready and its search words decoded.
  longestTask: __bench.longest(0, Math.max(__bench.interactive || 0, __bench.wordsReady || 0) || Infinity),
};
