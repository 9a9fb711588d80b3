//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts into a real
//! DOM and shows the embedded corpus. Run by `cargo xtask test`, or by
//! `cargo test --target wasm32-unknown-unknown --test browser` with CHROMEDRIVER set.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use chronicle::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh element at the given URL fragment and lets Yew render.
async fn mount_at(fragment: &str) -> Element {
    gloo::utils::window().location().set_hash(fragment).unwrap();
    mount().await
}

/// Mounts the app into a fresh element and lets Yew render.
async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

#[wasm_bindgen_test]
async fn shows_one_list_item_per_embedded_article_newest_first() {
    let corpus = chronicle::corpus::corpus().expect("embedded corpus decodes");
    assert!(!corpus.articles.is_empty());
    let root = mount_at("#view=articles").await;
    let titles = texts(&root, "li.article h2");
    let expected: Vec<String> = corpus.newest_first().iter().map(|a| a.title.to_string()).collect();
    assert_eq!(titles, expected);
}

#[wasm_bindgen_test]
async fn toggling_an_article_shows_and_hides_its_full_text() {
    let corpus = chronicle::corpus::corpus().unwrap();
    let article = corpus.newest_first()[0];
    let root = mount_at("#view=articles").await;
    let item = root.query_selector("li.article").unwrap().expect("an article item");
    let button: HtmlElement = item.query_selector("button.toggle").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(texts(&item, ".body p").len(), 0);

    button.click();
    settle().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(texts(&item, ".body p"), article.paragraphs);

    button.click();
    settle().await;
    assert_eq!(texts(&item, ".body p").len(), 0);
    let opening = article.opening(chronicle::components::article_item::OPENING_CHARS);
    assert_eq!(texts(&item, ".lead"), [opening.trim()]);
}

#[wasm_bindgen_test]
async fn article_text_is_inserted_as_text_not_markup() {
    let root = mount_at("#view=articles").await;
    // Whatever the corpus holds, the list renders no elements that article text could
    // have introduced: only the component's own tags appear inside an item.
    let stray = root.query_selector_all("li.article script, li.article img, li.article iframe").unwrap();
    assert_eq!(stray.length(), 0);
}

#[wasm_bindgen_test]
async fn timeline_shows_every_event_and_search_narrows_it() {
    let corpus = chronicle::corpus::corpus().unwrap();
    let root = mount_at("#").await;
    let total = |root: &web_sys::Element| {
        root.query_selector(".timeline").unwrap().unwrap().get_attribute("data-total").unwrap()
    };
    assert_eq!(total(&root), corpus.events.len().to_string());
    assert!(root.query_selector_all("li.event").unwrap().length() > 0);
    // A fragment with a query shows only matching events, with the words marked.
    let word = corpus.events[0]
        .summary
        .split_whitespace()
        .find(|w| w.len() > 5)
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let root = mount_at(&format!("#q={word}")).await;
    let shown: usize = total(&root).parse().unwrap();
    assert!(shown >= 1 && shown <= corpus.events.len());
    let marks = texts(&root, "li.event mark");
    assert!(!marks.is_empty() && marks.iter().all(|m| model::query::fold(m) == word), "{marks:?}");
}

#[wasm_bindgen_test]
async fn entity_link_opens_its_card_and_unknown_entity_says_so() {
    let corpus = chronicle::corpus::corpus().unwrap();
    let entity = corpus.entities.iter().find(|e| !e.mentions.is_empty()).unwrap();
    let root = mount_at(&format!("#entity={}", entity.id)).await;
    assert_eq!(texts(&root, ".card h2"), std::slice::from_ref(&entity.name));
    let root = mount_at("#entity=person:nobody-at-all").await;
    assert_eq!(texts(&root, ".card.missing h2"), ["No such entity"]);
    let root = mount_at("#k=nonsense&from=2022-99-01").await;
    assert_eq!(root.query_selector_all(".problems li").unwrap().length(), 2);
    assert!(root.query_selector_all("li.event").unwrap().length() > 0, "the rest of the page still renders");
}

#[wasm_bindgen_test]
async fn typed_state_reaches_the_url_once_typing_pauses_unless_a_navigation_comes_first() {
    use chronicle::state::{TYPING_PAUSE_MS, replace_when_paused};
    let pause = || yew::platform::time::sleep(Duration::from_millis(TYPING_PAUSE_MS as u64 + 200));
    let window = gloo::utils::window();
    let location = window.location();
    location.set_hash("#q=before").unwrap();
    settle().await;
    let entries = window.history().unwrap().length().unwrap();
    replace_when_paused("#q=one".to_owned());
    assert_eq!(location.hash().unwrap(), "#q=before", "not written while the keystroke is handled");
    // Keys a frame or two apart: frames are painted, but typing has not paused.
    yew::platform::time::sleep(Duration::from_millis(100)).await;
    replace_when_paused("#q=two".to_owned());
    yew::platform::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(location.hash().unwrap(), "#q=before", "not written while typing goes on");
    pause().await;
    assert_eq!(location.hash().unwrap(), "#q=two", "the latest, once typing pauses");
    // The search paused on is a history entry of its own, so Back returns to "#q=before";
    // the keys typed before the pause made no entries.
    assert_eq!(window.history().unwrap().length().unwrap(), entries + 1, "one entry for the paused search");
    // Keys typed after the pause refine that entry instead of adding another.
    replace_when_paused("#q=twos".to_owned());
    pause().await;
    assert_eq!(location.hash().unwrap(), "#q=twos", "the refined search");
    assert_eq!(window.history().unwrap().length().unwrap(), entries + 1, "refining adds no entry");
    // A navigation before the pause (a link set in code, Back) is not overwritten.
    replace_when_paused("#q=three".to_owned());
    location.set_hash("#view=entities").unwrap();
    pause().await;
    assert_eq!(location.hash().unwrap(), "#view=entities");
    // Typing in the app's search box: the timeline narrows, then the URL follows.
    let corpus = chronicle::corpus::corpus().unwrap();
    let root = mount_at("#").await;
    let word = corpus.events[0]
        .summary
        .split_whitespace()
        .find(|w| w.len() > 5)
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let input: web_sys::HtmlInputElement = root.query_selector("#search").unwrap().unwrap().dyn_into().unwrap();
    input.set_value(&word);
    let bubbles = web_sys::EventInit::new();
    bubbles.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &bubbles).unwrap()).unwrap();
    yew::platform::time::sleep(Duration::from_millis(200)).await;
    let shown: usize =
        root.query_selector(".timeline").unwrap().unwrap().get_attribute("data-total").unwrap().parse().unwrap();
    assert!(
        shown >= 1 && shown < corpus.events.len() || corpus.events.len() == 1,
        "{shown} of {}",
        corpus.events.len()
    );
    pause().await;
    assert_eq!(location.hash().unwrap(), format!("#q={word}"));
    // A link followed while the typed state waits: the state is written first, so it
    // is the entry Back returns to.
    let shorter: String = word.chars().take(word.chars().count() - 1).collect();
    input.set_value(&shorter);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &bubbles).unwrap()).unwrap();
    settle().await;
    assert_eq!(location.hash().unwrap(), format!("#q={word}"), "still waiting for the pause");
    let link: web_sys::HtmlElement = root.query_selector("a.tab:not(.current)").unwrap().unwrap().dyn_into().unwrap();
    let target = link.get_attribute("href").unwrap();
    link.click();
    settle().await;
    assert_eq!(location.hash().unwrap(), target);
    window.history().unwrap().back().unwrap();
    pause().await;
    assert_eq!(location.hash().unwrap(), format!("#q={shorter}"), "Back returns to what was typed");
}

#[wasm_bindgen_test]
fn a_failure_is_shown_at_the_top_as_an_alert_in_plain_text() {
    // What the panic hook shows instead of a blank page (the hook itself stays unreached).
    let message = "Chronicle stopped <img src=x onerror=alert(1)> (test)";
    chronicle::show_failure(message);
    let panel = gloo::utils::body().first_element_child().expect("an element at the top of the page");
    assert_eq!(panel.class_name(), "failure");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(panel.text_content().as_deref(), Some(message));
    assert_eq!(panel.child_element_count(), 0, "the message is text, not markup");
    panel.remove();
}
