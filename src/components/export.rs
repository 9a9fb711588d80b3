//! Downloads of the current view: JSON in the pipeline's schema (filtered to the
//! events shown) and the timeline as CSV.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlAnchorElement;
use yew::prelude::*;

use crate::bodies;

/// Offers `text` as a file download.
fn download(name: &str, mime: &str, text: &str) {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let Some(anchor) = document.create_element("a").ok().and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok()) else {
        return;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
}

/// Shows on the JSON button that its download waits for a split corpus's chunks
/// ("Preparing JSON…", `aria-busy`), or that it waits no more. Set on the element: the
/// markup Yew renders stays the same, so no render undoes it.
fn preparing(on: bool) {
    let Ok(Some(button)) = gloo::utils::document().query_selector("button.download-json") else { return };
    button.set_text_content(Some(if on { "Preparing JSON…" } else { "Download JSON" }));
    let _ = if on { button.set_attribute("aria-busy", "true") } else { button.remove_attribute("aria-busy") };
}

/// Offers the events of `rows` as JSON. A split corpus's articles are whole in it: the
/// download waits for every chunk (`bodies::all`), for the entities' mentions may be in
/// any article; the button says so meanwhile.
fn json(corpus: &'static model::Corpus, rows: std::rc::Rc<model::query::Rows>) {
    let events = rows.iter().collect::<Vec<_>>();
    let whole: Vec<model::Article>;
    let view = if bodies::split() {
        let again = rows.clone();
        let bodies = match bodies::all(Callback::from(move |_| json(corpus, again.clone()))) {
            Ok(bodies) => bodies,
            Err(bodies::Whole::Failed(why)) => {
                preparing(false);
                let _ = gloo::utils::window()
                    .alert_with_message(&format!("The download needs every article's text. {why}"));
                return;
            }
            Err(_) => {
                preparing(true);
                return;
            }
        };
        preparing(false);
        whole = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| bodies.get(i).and_then(Option::as_ref).map_or_else(|| a.clone(), |b| b.fill(a)))
            .collect();
        model::export::export_view_in(corpus, &events, &|i| whole.get(i as usize))
    } else {
        model::export::export_view(corpus, &events)
    };
    // The schema crosses to JavaScript as a value; the browser writes the JSON.
    let Ok(value) = serde_wasm_bindgen::to_value(&view) else { return };
    let text = js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    download("chronicle-view.json", "application/json", &text);
}

/// Offers the events of `rows` of `corpus` as JSON and as CSV.
/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
pub fn export(corpus: &'static model::Corpus, rows: &std::rc::Rc<model::query::Rows>) -> Html {
    let on_json = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| json(corpus, rows.clone()))
    };
    let on_csv = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            download(
                "chronicle-timeline.csv",
                "text/csv",
                &model::export::timeline_csv(corpus, &rows.iter().collect::<Vec<_>>()),
            );
        })
    };
    html! {
        <div class="export">
            <button type="button" class="download-json" onclick={on_json}>{ "Download JSON" }</button>
            <button type="button" class="download-csv" onclick={on_csv}>{ "Download CSV" }</button>
        </div>
    }
}
