//! Hooks for `cargo xtask bench`, exported to JavaScript (Trunk's loader puts them on
//! `window.wasmBindings`): the wasm memory size, and the search engine without the DOM,
//! so the bench can time it beside other engines on the same texts in the same page.
//! The app itself never calls these.

use model::query::Filter;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

/// Bytes of the wasm linear memory (the decoded corpus, the index, the UI's heap).
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
        .unwrap_or(0.0)
}

/// Whether the engines' texts can be had whole: "ready" once every article's body is at
/// hand (a split corpus's chunks are asked for on the first call), "waiting" meanwhile,
/// else why not. Chronicle's index covers the whole corpus, so the engines timed beside
/// it must index the whole texts too, not the core's leads.
#[wasm_bindgen]
pub fn engine_bodies() -> String {
    if !crate::bodies::split() {
        return "ready".into();
    }
    match crate::bodies::all(yew::Callback::noop()) {
        Ok(_) => "ready".into(),
        Err(crate::bodies::Whole::Failed(why)) => why.to_string(),
        Err(_) => "waiting".into(),
    }
}

/// For each event, the text the search box matches: its summary and source sentences,
/// and for an article's publication the article's title and text, as `model::query::Index`
/// reads them (the index keeps its folded copies private, so this rebuilds them unfolded;
/// the other engines fold on their own). A split corpus's articles are read whole once
/// [`engine_bodies`] is "ready"; before, what the core holds.
#[wasm_bindgen]
pub fn engine_texts() -> Vec<String> {
    let Ok(corpus) = crate::corpus::corpus() else { return Vec::new() };
    let bodies =
        if crate::bodies::split() { crate::bodies::all(yew::Callback::noop()).unwrap_or_default() } else { Vec::new() };
    let paragraphs = |a: u32| -> &[model::Text] {
        match bodies.get(a as usize).and_then(Option::as_ref) {
            Some(body) => &body.paragraphs,
            None => corpus.articles.get(a as usize).map_or(&[], |a| &a.paragraphs[..]),
        }
    };
    corpus
        .events
        .iter()
        .map(|e| {
            let mut text = e.summary.to_string();
            for s in &e.sources {
                text.push('\n');
                match (e.kind, corpus.articles.get(s.article as usize)) {
                    (model::EventKind::Publication, Some(a)) => {
                        text.push_str(&a.title);
                        for p in paragraphs(s.article) {
                            text.push('\n');
                            text.push_str(p);
                        }
                    }
                    _ => text.push_str(s.sentence_in(paragraphs(s.article))),
                }
            }
            text
        })
        .collect()
}

/// How many timeline rows the app's own filter path gives for the search text `q` (the
/// rows as the timeline reads them: the set, counted, each row found by position),
/// every word looked up afresh: the index keeps the latest words' matches for typing,
/// and a query repeated for timing would otherwise time that cache.
#[wasm_bindgen]
pub fn engine_query(q: &str) -> u32 {
    query(q, false)
}

/// [`engine_query`] with the words of `q` kept from the call before, as while the user
/// types on (the bench reports this beside the figure with every word looked up).
#[wasm_bindgen]
pub fn engine_query_kept(q: &str) -> u32 {
    query(q, true)
}

thread_local! {
    /// The filter the queries are put in, as the app keeps its own (not made per query).
    static FILTER: std::cell::RefCell<Filter> = std::cell::RefCell::new(Filter::default());
}

fn query(q: &str, keep_words: bool) -> u32 {
    match (crate::corpus::corpus(), crate::corpus::index()) {
        (Ok(corpus), Some(index)) => FILTER.with_borrow_mut(|filter| {
            filter.text.clear();
            filter.text.push_str(q);
            // The engine as the app has it once ready: every word's events decoded
            // (the app decodes them in slices after the page is ready).
            index.prepare_words(|| false);
            if !keep_words {
                index.forget_words();
            }
            index.timeline(corpus, filter, false).len() as u32
        }),
        _ => 0,
    }
}
