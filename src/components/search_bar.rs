//! The search box: filters as you type; `/` anywhere focuses it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `value` is the query shown; `on_input` gets each edit of it.
/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
pub fn search_bar(value: &str, on_input: Callback<String>) -> Html {
    let on_input = {
        let cb = on_input;
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <div class="search" role="search">
            <label for="search">{ "Search" }</label>
            <input id="search" type="search" value={value.to_owned()} oninput={on_input}
                placeholder="Search events and articles" autocomplete="off" />
            // The key's hint, for keyboards only (the stylesheet hides it on touch screens).
            <kbd class="key-hint" title="Press / to search">{ "/" }</kbd>
        </div>
    }
}
