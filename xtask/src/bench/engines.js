// Times the engines on the same texts and queries: Chronicle's (the app's filter path through
// `wasmBindings.engine_query`), MiniSearch and FlexSearch (prefix search, every word required,
// no result limit), each query repeated for at least `arguments[1]` ms. The body of a function
// WebDriver runs asynchronously (`execute_async`): arguments are the queries, the time budget
// per query in ms, and the callback.
const done = arguments[arguments.length - 1];
const queries = arguments[0], budget = arguments[1];
const wb = window.wasmBindings;
// A split corpus's chunks are fetched first: the engines index the whole texts, as
// Chronicle's index covers them.
const whole = () => {
  let state;
  try {
    state = wb.engine_bodies();
  } catch (e) {
    done({ error: String((e && e.stack) || e) });
    return;
  }
  if (state === 'ready') setTimeout(measure, 0);
  else if (state === 'waiting') setTimeout(whole, 100);
  else done({ error: 'engine texts: ' + state });
};
const measure = () => {
  try {
    let t = performance.now();
    const texts = wb.engine_texts();
    const textsMs = performance.now() - t;
    const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    t = performance.now();
    const mini = new MiniSearch({ fields: ['text'], processTerm: (term) => fold(term) });
    mini.addAll(texts.map((text, id) => ({ id, text })));
    const miniBuild = performance.now() - t;
    t = performance.now();
    const flex = new FlexSearch.Index({ tokenize: 'forward' });
    for (let i = 0; i < texts.length; i++) flex.add(i, texts[i]);
    const flexBuild = performance.now() - t;
    const limit = Math.max(texts.length, 1);
    const engines = [
      ['chronicle', (q) => wb.engine_query(q)],
      ['chronicle_kept', (q) => wb.engine_query_kept(q)],
      ['minisearch', (q) => mini.search(q, { prefix: true, combineWith: 'AND' }).length],
      ['flexsearch', (q) => flex.search(q, { limit }).length],
    ];
    const perQuery = [];
    for (const q of queries) {
      const row = { q };
      for (const [name, run] of engines) {
        const hits = run(q);
        let n = 0, spent = 0;
        const start = performance.now();
        do { run(q); n++; spent = performance.now() - start; } while (spent < budget && n < 10000);
        row[name] = { ms: spent / n, hits, runs: n };
      }
      perQuery.push(row);
    }
    let chars = 0;
    for (const s of texts) chars += s.length;
    done({ documents: texts.length, chars, textsMs, miniBuild, flexBuild, perQuery });
  } catch (e) {
    done({ error: String((e && e.stack) || e) });
  }
};
setTimeout(whole, 0);
