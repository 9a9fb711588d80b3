//! The timeline: events grouped by year and month, each with its date as precisely as
//! it is known, its summary (search words marked), its entities and its sources.
//!
//! Virtualised ([`use_virtual_window`]): only the rows on screen and a few beyond are
//! in the DOM; printing renders every row.
//!
//! Before the corpus is decoded, the app's [`Data`](crate::components::Data) is the preview (the newest events,
//! a corpus of their own), shown as the opening screen.

use model::Corpus;
use model::query::{SHOWN_ENTITIES, SHOWN_SOURCES, State, View, and_more, folds};
use yew::prelude::*;

use crate::components::marked::marked;
use crate::components::use_data;
use crate::hooks::virtual_window::{VirtualWindow, use_virtual_window};

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub rows: std::rc::Rc<model::query::Rows>,
    pub state: State,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    // The rows are of the app's corpus, or of the preview while that is decoded.
    let data = use_data();
    let total = props.rows.len();
    let VirtualWindow { list, top_spacer, bottom_spacer, start, end } = use_virtual_window(total);
    // The long summaries unfolded by the reader, by event id (kept while they scroll
    // out of the window and back). A list, not a set: the reader unfolds a few, and a
    // `BTreeSet<String>` cost the wasm a few kilobytes of its own.
    let unfolded = use_state_eq(Vec::<String>::new);
    let on_fold = {
        let unfolded = unfolded.clone();
        Callback::from(move |id: String| {
            let mut next = (*unfolded).clone();
            match next.iter().position(|u| *u == id) {
                Some(at) => drop(next.swap_remove(at)),
                None => next.push(id),
            }
            unfolded.set(next);
        })
    };

    let Some(data) = data else { return html! {} };
    let corpus = data.corpus;
    if props.rows.is_empty() {
        return html! { <p class="empty" role="status">{ "No events match these filters." }</p> };
    }
    // Years, each with its months, each with its rows (of the window only).
    type Month = (String, Vec<(usize, usize)>);
    let mut years: Vec<(i16, Vec<Month>)> = Vec::new();
    for (position, i) in (start..end).filter_map(|p| Some((p, props.rows.get(p)?))) {
        let d = corpus.events[i].when.start;
        let label = format!("{} {}", model::month_name(d.month), d.year);
        if years.last().is_none_or(|(y, _)| *y != d.year) {
            years.push((d.year, Vec::new()));
        }
        let Some((_, months)) = years.last_mut() else { continue };
        match months.last_mut() {
            Some((l, items)) if *l == label => items.push((position, i)),
            _ => months.push((label, vec![(position, i)])),
        }
    }
    html! {
        <section class="timeline" aria-label="Timeline" data-total={total.to_string()} ref={list}>
            <p class="result-count" role="status">
                { if data.is_preview() { "The newest events; loading the rest…".to_owned() } else { crate::components::count(total, "event", "events") } }
            </p>
            <div class="spacer" aria-hidden="true" ref={top_spacer}></div>
            <div class="years">
            { for years.into_iter().map(|(year, months)| html! {
                <section class="year" key={year.to_string()}>
                    <h3>{ year }</h3>
                    { for months.into_iter().map(|(label, items)| html! {
                        <section class="month" key={label.clone()}>
                            <h4>{ label }</h4>
                            <ol class="events">
                                { for items.into_iter().map(|(position, i)| {
                                    let open = unfolded.contains(&corpus.events[i].id);
                                    event_row(corpus, i, position, total, &props.state, open, &on_fold)
                                }) }
                            </ol>
                        </section>
                    }) }
                </section>
            }) }
            </div>
            <div class="spacer" aria-hidden="true" ref={bottom_spacer}></div>
        </section>
    }
}

/// One row. A long summary (`model::query::folds`) is folded to its first two lines
/// (`folded` on the row, clamped by the stylesheet) with a button that unfolds it:
/// the whole statement is in the page either way. `pipeline::opening` writes the same
/// markup, folded.
fn event_row(
    corpus: &'static Corpus,
    i: usize,
    position: usize,
    total: usize,
    state: &State,
    open: bool,
    on_fold: &Callback<String>,
) -> Html {
    let e = &corpus.events[i];
    let precision = e.when.precision.as_str();
    let link = |view: View| State { view, ..state.clone() }.to_fragment();
    let sources = e.sources.len();
    let long = folds(&e.summary);
    let summary_id = format!("summary-{}", position + 1);
    let classes = format!("event kind-{}{}", e.kind.as_str(), if long && !open { " folded" } else { "" });
    let toggle = {
        let (id, on_fold) = (e.id.clone(), on_fold.clone());
        Callback::from(move |_: MouseEvent| on_fold.emit(id.clone()))
    };
    html! {
        <li key={e.id.clone()} class={classes} data-id={e.id.clone()} tabindex="-1" aria-posinset={(position + 1).to_string()} aria-setsize={total.to_string()}>
            <time class={format!("when when-{precision}")} datetime={e.when.start.iso()}
                title={format!("{} ({})", e.when.evidence, precision)}>{ e.when.label() }</time>
            <span class="kind">{ e.kind.as_str() }</span>
            <p class="summary" id={summary_id.clone()}>{ marked(&e.summary, &state.filter.text) }</p>
            if long {
                <button type="button" class="unfold" aria-expanded={open.to_string()} aria-controls={summary_id} onclick={toggle}>
                    { if open { "Show less" } else { "Show all" } }
                </button>
            }
            if !e.entities.is_empty() {
                <ul class="chips" aria-label="Entities">
                    { for e.entities.iter().take(SHOWN_ENTITIES).filter_map(|&x| corpus.entities.get(x as usize)).map(|en| html! {
                        <li><a class={format!("chip chip-{}", en.kind.as_str())}
                            href={link(View::Entity(en.id.clone()))}>{ &en.name }</a></li>
                    }) }
                    if let Some(more) = and_more(e.entities.len(), SHOWN_ENTITIES) {
                        <li class="more">{ more }</li>
                    }
                </ul>
            }
            <p class="sources">
                { if sources == 1 { "Source: ".to_owned() } else { format!("Reported by {sources} articles: ") } }
                { for e.sources.iter().take(SHOWN_SOURCES).filter_map(|s| corpus.articles.get(s.article as usize)).map(|a| html! {
                    <a class="source" href={link(View::source(e, &a.id))}>{ &*a.title }</a>
                }) }
                if let Some(more) = and_more(sources, SHOWN_SOURCES) {
                    <span class="more">{ more }</span>
                }
            </p>
        </li>
    }
}
