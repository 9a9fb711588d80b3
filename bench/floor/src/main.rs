//! The app shell's floor: the least a Yew app that does Chronicle's work can weigh. One
//! counter, and with the `model` feature every call the app makes into `model` (decode,
//! search and filters, facets, options, density and the time axis, link fragments,
//! exports, highlights) on bytes the optimiser cannot see through, so none of it is
//! left out. No view.

use yew::prelude::*;

#[cfg(feature = "model")]
fn work(fragment: &str) -> String {
    use model::query::{IndexBuilder, State};
    static BYTES: &[u8] = &[];
    let Ok((corpus, search, recycled)) = model::decode_static(std::hint::black_box(BYTES)) else { return String::new() };
    let corpus: &'static model::Corpus = Box::leak(Box::new(corpus));
    // As the app builds it: a slice of events at a time.
    let repeats = model::query::repeated_publications(corpus);
    let mut builder = IndexBuilder::new(corpus, search, recycled, repeats);
    while !builder.step(corpus, 1024) {}
    let index = builder.finish(corpus);
    while !index.prepare_words(&mut || false) {}
    let (mut state, problems) = State::from_fragment(fragment);
    let unknown = index.drop_unknown(corpus, &mut state);
    let found = index.evaluate(corpus, &state.filter, state.oldest_first);
    let rows = index.timeline(corpus, &state.filter, state.oldest_first);
    let per_entity = index.entity_counts(corpus, &found.rows);
    let options = model::query::entity_options(corpus, &per_entity, &state.filter, 12);
    let density = model::query::density(corpus, &rows, 60);
    // The strip's time axis: its opening span, a zoom and a pan, its bars, marks and ticks.
    let axis = model::query::full_span(corpus).zip(model::query::dense_span(corpus)).map(|(full, dense)| {
        use model::query::{density_within, outliers, pan, strip_span, ticks, zoom};
        let (span, _) = strip_span(&state, full, dense);
        let span = pan(zoom(span, full, 0.5, 0.5), full, 0.5);
        let (before, after) = outliers(corpus, &rows, span);
        let bars = density_within(corpus, &rows, span.0, span.1, 60);
        let labels: Vec<String> = ticks(span.0, span.1, 6).into_iter().map(|t| t.label).collect();
        format!("{bars:?} {:?} {labels:?}", before.iter().chain(&after).map(|o| o.label()).collect::<Vec<_>>())
    });
    let listed: Vec<usize> = rows.iter().collect();
    let csv = model::export::timeline_csv(corpus, &listed);
    let json = serde_wasm_bindgen::to_value(&model::export::export_view(corpus, &listed)).ok().and_then(|v| v.as_string());
    let marks = model::query::highlights(&csv, &state.filter.text);
    let articles = index.articles(corpus, corpus.newest_first(), &state.filter.text);
    index.forget_words();
    format!(
        "{} {} {} {options:?} {} {axis:?} {} {} {} {} {json:?}",
        state.to_fragment(),
        problems.len(),
        unknown.len(),
        density.map_or(0, |d| d.2.len()),
        csv.len(),
        marks.len(),
        found.credits.len(),
        articles.len()
    )
}

#[cfg(not(feature = "model"))]
fn work(fragment: &str) -> String {
    fragment.to_owned()
}

#[component]
fn App() -> Html {
    let n = use_state(|| 0);
    let onclick = {
        let n = n.clone();
        Callback::from(move |_| n.set(*n + 1))
    };
    html! { <main><button {onclick}>{ "+1" }</button><p>{ work(&format!("#q={}", *n)) }</p></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
