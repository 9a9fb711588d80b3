//! Text with the words of the search query highlighted (`<mark>`), inserted as text.

use yew::prelude::*;

/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
pub fn marked(text: &str, query: &str) -> Html {
    let ranges = model::query::highlights(text, query);
    if ranges.is_empty() {
        return html! { { text } };
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for (s, e) in ranges {
        parts.push(html! { { &text[at..s] } });
        parts.push(html! { <mark>{ &text[s..e] }</mark> });
        at = e;
    }
    parts.push(html! { { &text[at..] } });
    html! { <>{ for parts }</> }
}
