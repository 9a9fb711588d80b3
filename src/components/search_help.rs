//! Help beside a search's results: a query that reads as a date is offered as the date
//! filter, and a query that finds nothing is offered the indexed spelling nearest to it
//! (`model::suggest`). Both are links, so they are a history entry like any view.

use model::Corpus;
use model::query::{Index, State, View, fold};
use model::suggest::{date_query, near_query};
use yew::prelude::*;

/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes. `found_nothing` says the query left no events.
pub fn search_help(corpus: &Corpus, index: &Index, state: &State, found_nothing: bool) -> Html {
    let text = state.filter.text.trim();
    if text.is_empty() {
        return html! {};
    }
    let date = date_query(text).map(|q| {
        let mut next = State { view: View::Timeline, ..state.clone() };
        next.filter.text.clear();
        next.choose_dates(Some(q.from), Some(q.to));
        html! {
            <p class="search-help">
                { "Looking for a time? " }
                <a href={next.to_fragment()}>{ format!("Show the events dated {}", q.label) }</a>
            </p>
        }
    });
    let near = found_nothing.then(|| near_query(index.text_index(), text)).flatten().map(|near| {
        // The spelling the articles use, when the suggestion is a name they hold.
        let shown = corpus.entities.iter().find(|e| fold(&e.name) == near).map_or(near, |e| e.name.clone());
        let mut next = state.clone();
        next.filter.text = shown.clone();
        html! {
            <p class="search-help">
                { "Did you mean " }<a href={next.to_fragment()}>{ shown }</a>{ "?" }
            </p>
        }
    });
    html! { <>{ for date }{ for near }</> }
}
