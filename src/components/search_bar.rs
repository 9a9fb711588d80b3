//! The search box: filters as you type; `/` anywhere focuses it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    pub value: AttrValue,
    pub on_input: Callback<String>,
}

/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
pub fn search_bar(props: &SearchBarProps) -> Html {
    let on_input = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <div class="search" role="search">
            <label for="search">{ "Search" }</label>
            <input id="search" type="search" value={props.value.clone()} oninput={on_input}
                placeholder="Search events and articles" autocomplete="off" />
            // The key's hint, for keyboards only (the stylesheet hides it on touch screens).
            <kbd class="key-hint" title="Press / to search">{ "/" }</kbd>
        </div>
    }
}
