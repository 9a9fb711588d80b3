//! Chronicle's Yew app: the explorer over the embedded corpus. It never parses raw
//! article text; everything it shows comes from [`corpus::corpus`], decoded once from
//! the bytes `build.rs` embedded, which [`App`] gives its views as a context
//! ([`components::Data`]). The view and filters live in the URL fragment
//! ([`state`]), so every view is a link.

mod bench;
pub mod bodies;
pub mod components;
pub mod corpus;
mod hooks;
mod shell;
pub mod state;

pub use shell::show_failure;

use gloo::events::{EventListener, EventListenerOptions};
use model::query::{State, View};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::article_list::article_list;
use crate::components::density::Density;
use crate::components::entity_card::entity_card;
use crate::components::entity_list::EntityList;
use crate::components::export::export;
use crate::components::filters::filters;
use crate::components::graph::graph;
use crate::components::map::PlacesMap;
use crate::components::reader::Reader;
use crate::components::search_bar::search_bar;
use crate::components::search_help::search_help;
use crate::components::timeline::Timeline;
use crate::components::{Data, use_data};
use crate::hooks::lagging::Shared;
use crate::hooks::{no_cleanup, use_effect_on};
use crate::state::{Action, Ui};

/// How long one slice of the deferred decode may run before it lets the browser have
/// the main thread (the rule is no task over 50 ms; a slice's last step, and
/// the index built after the last slice, run over).
const SLICE_MS: f64 = 20.0;

/// Runs `step` a slice per task, each slice told to stop once it has run [`SLICE_MS`],
/// until `step` says it is done; then runs `then`.
fn in_slices(step: fn(&mut dyn FnMut() -> bool) -> bool, then: impl FnOnce() + 'static) {
    let start = js_sys::Date::now();
    if step(&mut || js_sys::Date::now() - start >= SLICE_MS) {
        then();
    } else {
        shell::next_task(move || in_slices(step, then));
    }
}

/// Decodes the corpus a slice per task, then runs `then` in a task of its own (the
/// full view's first render is long enough without the last slice before it).
fn decode_in_slices(then: impl FnOnce() + 'static) {
    in_slices(|enough| corpus::decode_some(enough), move || shell::next_task(then));
}

/// Once the page is ready, decodes every word's events for search a slice per task
/// (`model::query::Index::prepare_words`): until then a new query word is looked up in
/// the postings, after it in the decoded sets. Marks `<html>` `data-words-ready` when done.
fn prepare_words_in_slices() {
    if corpus::index().is_none() {
        return;
    }
    in_slices(
        |enough| corpus::index().is_none_or(|index| index.prepare_words(enough)),
        || {
            if let Some(html) = gloo::utils::document().document_element() {
                let _ = html.set_attribute("data-words-ready", "true");
            }
        },
    );
}

/// The whole app: a corpus that decoded shows the explorer; one that did not shows
/// why, instead of a blank page.
#[component]
pub fn App() -> Html {
    let ui = use_reducer(|| {
        let (state, problems) = state::read(&state::current_fragment());
        Ui { state, problems }
    });
    // On the opening view, until the corpus is decoded, the timeline shows the preview
    // (its newest events, a few kilobytes): painted first, then the corpus is decoded a
    // slice per task, so the page answers input meanwhile (input that needs the corpus
    // has the rest decoded at once). Any other view needs the corpus, and decodes it at
    // once.
    let rerender = use_force_update();
    let preview =
        (!corpus::decoded() && ui.state == State::default() && ui.problems.is_empty()).then(corpus::preview).flatten();
    // The full view's first render leaves out the side panel (filters, downloads,
    // graph), which joins in a task after that frame: one render of everything was the
    // longest task of start-up. The page is ready once the side panel is in.
    let side_shown = use_state_eq(|| false);
    {
        let side_shown = side_shown.clone();
        use_effect_on((preview.is_some(), *side_shown), move |&(showing, side)| {
            if showing {
                shell::after_next_paint(move || decode_in_slices(move || rerender.force_update()));
            } else if !side {
                shell::after_next_paint(move || side_shown.set(true));
            } else {
                shell::mark_ready();
                shell::next_task(prepare_words_in_slices);
            }
            no_cleanup()
        });
    }
    {
        let ui = ui.clone();
        use_effect_on((), move |_| {
            let window = gloo::utils::window();
            let on_hash = EventListener::new(&window, "hashchange", move |_| {
                ui.dispatch(Action::FromUrl(state::current_fragment()));
            });
            let on_leave = state::write_before_leaving();
            Box::new(move || drop((on_hash, on_leave)))
        });
    }
    // The filters drawer (phones) and the shortcuts overlay: UI state no link needs.
    // The key listener reads them through `flags`, as it reads the state.
    let drawer = use_state_eq(|| false);
    let overlay = use_state_eq(|| false);
    let flags = use_mut_ref(Flags::default);
    {
        let mut f = flags.borrow_mut();
        f.drawer = Some(drawer.clone());
        f.overlay = Some(overlay.clone());
    }
    // The state of the latest render, for what runs outside a render: the key listener
    // and the side panel's catching up.
    let current = use_mut_ref(State::default);
    current.borrow_mut().clone_from(&ui.state);
    {
        // One listener for the app's life, reading the state of the latest render (not
        // one per state: that was a listener removed and added on every keystroke).
        let (current, flags) = (current.clone(), flags.clone());
        use_effect_on((), move |_| {
            // Not passive: `/` and the arrow keys call prevent_default, which a passive
            // listener (gloo's default) ignores, so "/" would land in the search box.
            let options = EventListenerOptions::enable_prevent_default();
            let on_key = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
                if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                    let state = current.borrow().clone();
                    keyboard(key, &state, &flags.borrow());
                }
            });
            Box::new(move || drop(on_key))
        });
    }
    // An opened overlay or drawer takes the focus, so keys and screen readers are in it.
    use_effect_on((*overlay, *drawer), |&(overlay, drawer)| {
        if overlay {
            focus_by_id("shortcuts-close");
        } else if drawer {
            focus_by_id("drawer-close");
        }
        no_cleanup()
    });
    // An article opened at an event shows that event's sentence, once it is drawn.
    let target = matches!(ui.state.view, View::Article(_, Some(_))).then(|| ui.state.view.clone());
    use_effect_on(target, |target| {
        if target.is_some() {
            components::reader::show_target();
        }
        no_cleanup()
    });
    let s = &ui.state;
    // The side panel follows a frame behind while the view stays the same.
    let panel = hooks::lagging::use_lagging_state(s, current.clone());
    let on_search = {
        let ui = ui.clone();
        Callback::from(move |text: String| {
            let mut next = ui.state.clone();
            next.filter.text = text;
            if !matches!(next.view, View::Timeline | View::Entity(_) | View::Articles | View::Map) {
                next.view = View::Timeline;
            }
            state::replace(&ui, next);
        })
    };
    let problems = html! {
        if !ui.problems.is_empty() {
            <div class="problems" role="alert">
                <p>{ "Parts of this link could not be used:" }</p>
                <ul>{ for ui.problems.iter().map(|p| html! { <li>{ &p.0 }</li> }) }</ul>
            </div>
        }
    };
    if let Some(preview) = preview {
        // Laid out as the timeline view below, so the timeline stays the same component
        // (and its rows the same elements) when the corpus arrives.
        // Keyed as there, so Yew keeps the timeline (and its rows) when the corpus arrives.
        let rows = std::rc::Rc::new(model::query::Rows::new(model::search::Bits::full(preview.events.len()), false));
        return html! {
            <ContextProvider<Data> context={Data { corpus: preview, index: None }}>
                { masthead(s, "Loading the articles…".to_owned(), on_search, &overlay) }
                { problems }
                <div class="explorer">
                    { in_drawer(side_waiting(), &drawer) }
                    <div class="main-column" key="main">
                        <key="heading">{ results_heading(s, &drawer) }</>
                        <figure class="density" aria-hidden="true" key="strip-pending"><div class="pending-strip"></div><figcaption>{ "\u{a0}" }</figcaption></figure>
                        <Timeline key="timeline" rows={rows} state={s.clone()} />
                    </div>
                </div>
                { shortcuts(&overlay) }
            </ContextProvider<Data>>
        };
    }
    let corpus = match corpus::corpus() {
        Ok(c) => c,
        Err(err) => {
            return html! {
                <div class="failure" role="alert">
                    <h1>{ "Chronicle could not start" }</h1>
                    <p>{ err.to_string() }</p>
                </div>
            };
        }
    };
    if corpus.articles.is_empty() {
        return html! {
            <>
                <header class="masthead"><h1>{ "Chronicle" }</h1></header>
                <section class="empty-corpus" role="status">
                    <h2>{ "No articles yet" }</h2>
                    <p>{ "This Chronicle was built from a folder with no readable articles in it. Put news articles \
                          (.txt or .html files) in assets/articles/, or name another folder with CHRONICLE_ARTICLES, \
                          and build again: their events and entities will show here." }</p>
                </section>
            </>
        };
    }
    let Some(index) = corpus::index() else { return html! {} };
    let on_filters = Callback::from(|next: State| state::go(&next));
    // A zoom or pan of the strip applies at once and reaches the link when it pauses.
    let on_view = {
        let ui = ui.clone();
        Callback::from(move |next: State| state::replace(&ui, next))
    };
    let main = match &s.view {
        View::Timeline | View::Entity(_) => {
            // Rows shared, not copied, by the views below; the side panel evaluates its
            // own state (the same one, or the one before while the search text changes).
            let rows = std::rc::Rc::new(index.timeline(corpus, &s.filter, s.oldest_first));
            let side = if *side_shown {
                html! { <Side set={panel.set} shown={panel.cell} refresh={panel.refresh} /> }
            } else {
                side_waiting()
            };
            let found_nothing = rows.is_empty();
            let card = match &s.view {
                View::Entity(id) => Some(html! { <key="card">{ entity_card(corpus, index, id, s) }</> }),
                _ => None,
            };
            html! {
                <div class="explorer">
                    { in_drawer(side, &drawer) }
                    <div class="main-column" key="main">
                        <key="heading">{ results_heading(s, &drawer) }</>
                        <Density key="strip" rows={rows.clone()} state={s.clone()} on_change={on_filters} on_view={on_view} />
                        <key="help">{ search_help(corpus, index, s, found_nothing) }</>
                        <Timeline key="timeline" rows={rows} state={s.clone()} />
                    </div>
                    { for card }
                </div>
            }
        }
        View::Map => {
            let rows = std::rc::Rc::new(index.timeline(corpus, &s.filter, s.oldest_first));
            let side = if *side_shown {
                html! { <Side set={panel.set} shown={panel.cell} refresh={panel.refresh} /> }
            } else {
                side_waiting()
            };
            html! {
                <div class="explorer">
                    { in_drawer(side, &drawer) }
                    <div class="main-column" key="main">
                        <key="heading">{ results_heading(s, &drawer) }</>
                        <PlacesMap key="map" rows={rows} state={s.clone()} />
                    </div>
                </div>
            }
        }
        View::Articles => html! {
            <>
                { results_target("Articles") }
                { article_list(&index.articles(corpus, corpus.newest_first(), &s.filter.text)) }
            </>
        },
        View::Entities => html! { <>{ results_target("Entities") }<EntityList state={s.clone()} /></> },
        View::Article(id, _) => html! {
            <>{ results_target("Article") }<Reader id={id.to_string()} state={s.clone()} /></>
        },
    };
    let tagline = format!(
        "{} · {} · {}",
        components::count(corpus.articles.len(), "article", "articles"),
        components::count(corpus.events.len(), "event", "events"),
        components::count(corpus.entities.len(), "entity", "entities")
    );
    html! {
        <ContextProvider<Data> context={Data { corpus, index: Some(index) }}>
            { masthead(s, tagline, on_search, &overlay) }
            { problems }
            { main }
            { shortcuts(&overlay) }
        </ContextProvider<Data>>
    }
}

#[derive(Properties, PartialEq)]
struct SideProps {
    /// Changes when the app sets the state shown itself (a change of view), which
    /// re-renders the panel with the app; catching up re-renders it alone.
    set: u32,
    /// The state to show, as it is now: the panel catching up reads it here.
    shown: Shared<State>,
    /// Where the panel leaves its handle to re-render itself when it catches up.
    refresh: Shared<Option<UseForceUpdateHandle>>,
}

/// The side panel: filters with the number of events each would leave, downloads of
/// the rows, and the graph of their entities. A component, so that a render of the
/// app with the panel's state unchanged (a keystroke, a filter) leaves it alone, and its
/// catching up re-renders it alone.
#[component]
fn Side(props: &SideProps) -> Html {
    *props.refresh.0.borrow_mut() = Some(use_force_update());
    let Some(Data { corpus, index: Some(index) }) = use_data() else { return html! {} };
    let s = &props.shown.0.borrow().clone();
    let on_change = Callback::from(|next: State| state::go(&next));
    let model::query::Evaluation { rows, facets, credits } = index.evaluate(corpus, &s.filter, s.oldest_first);
    let rows = std::rc::Rc::new(rows);
    let per_entity: std::rc::Rc<[u32]> = index.entity_counts(corpus, &rows).into();
    let entity_options = model::query::entity_options(corpus, &per_entity, &s.filter, 12);
    html! {
        <div class="side">
            { filters((corpus, index), s, &facets, &credits, &entity_options, &on_change) }
            { export(corpus, &rows) }
            { graph(corpus, &rows, &per_entity, s) }
            if s.view != View::Map {
                <PlacesMap rows={rows.clone()} state={s.clone()} compact=true per_entity={per_entity.clone()} />
            }
        </div>
    }
}

/// The side panel's place while its filters are still to come (the preview, and the
/// full view's first render).
fn side_waiting() -> Html {
    html! { <div class="side"><p class="loading" role="status">{ "Loading filters…" }</p></div> }
}

/// The title, what the corpus holds, the view tabs and the search box, after a link
/// that skips them to the results.
fn masthead(s: &State, tagline: String, on_search: Callback<String>, overlay: &UseStateHandle<bool>) -> Html {
    let tab = |label: &str, view: View| {
        let current = std::mem::discriminant(&s.view) == std::mem::discriminant(&view);
        let href = State { view, ..s.clone() }.to_fragment();
        html! { <a class={if current { "tab current" } else { "tab" }} href={href} aria-current={current.then_some("page")}>{ label }</a> }
    };
    // Not a fragment link: the fragment is the view's state.
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus_by_id(RESULTS);
    });
    let show_shortcuts = {
        let overlay = overlay.clone();
        Callback::from(move |_: MouseEvent| overlay.set(true))
    };
    html! {
        <header class="masthead">
            <a class="skip-link" href={format!("#{RESULTS}")} onclick={skip}>{ "Skip to results" }</a>
            <h1><a href="#">{ "Chronicle" }</a></h1>
            <p class="tagline">{ tagline }</p>
            <nav class="tabs" aria-label="Views">
                { tab("Timeline", View::Timeline) }
                { tab("Articles", View::Articles) }
                { tab("Entities", View::Entities) }
                { tab("Map", View::Map) }
            </nav>
            { search_bar(&s.filter.text, on_search) }
            <button type="button" class="shortcuts-button" onclick={show_shortcuts}
                aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">{ "?" }</button>
        </header>
    }
}

/// The id of the results' heading, where the skip link lands.
const RESULTS: &str = "results";

fn focus_by_id(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Where the skip link lands: a heading (hidden, for the outline) naming the view.
fn results_target(name: &'static str) -> Html {
    html! { <h2 id={RESULTS} class="visually-hidden" tabindex="-1">{ name }</h2> }
}

/// The results' heading (hidden, for the outline and the skip link), and on phones the
/// button that opens the filters drawer, saying how many filters are on.
fn results_heading(s: &State, drawer: &UseStateHandle<bool>) -> Html {
    let f = &s.filter;
    let active = f.entities.len()
        + f.kinds.len()
        + usize::from(f.entity_kind.is_some())
        + usize::from(f.from.is_some() || f.to.is_some())
        + usize::from(f.hide_recycled)
        + usize::from(f.by.is_some())
        + usize::from(f.publications != model::query::Publications::default());
    let label = if active == 0 { "Filters".to_owned() } else { format!("Filters ({active} active)") };
    let open = {
        let drawer = drawer.clone();
        Callback::from(move |_: MouseEvent| drawer.set(true))
    };
    html! {
        <>
            { results_target("Results") }
            <button type="button" class="filters-toggle" aria-controls="filters-drawer"
                aria-expanded={(**drawer).to_string()} onclick={open}>{ label }</button>
        </>
    }
}

/// The side panel, which on phones is a drawer the filters button opens.
fn in_drawer(side: Html, drawer: &UseStateHandle<bool>) -> Html {
    let close = {
        let drawer = drawer.clone();
        Callback::from(move |_: MouseEvent| drawer.set(false))
    };
    html! {
        <div id="filters-drawer" class={if **drawer { "drawer open" } else { "drawer" }} key="side">
            <button type="button" id="drawer-close" class="drawer-close" onclick={close}>{ "Show results" }</button>
            { side }
        </div>
    }
}

/// The "?" overlay: every keyboard shortcut.
fn shortcuts(overlay: &UseStateHandle<bool>) -> Html {
    if !**overlay {
        return html! {};
    }
    let close = {
        let overlay = overlay.clone();
        Callback::from(move |_: MouseEvent| overlay.set(false))
    };
    let keys = [
        ("/", "Search"),
        ("↓ ↑", "Move through the timeline's events"),
        ("Enter", "Open the focused event's source, at its sentence"),
        ("← →", "On the density strip: move the selection (Shift widens or narrows it)"),
        ("Enter", "On the density strip: show the selected dates"),
        ("+ − 0", "On the density strip: zoom in, zoom out, back to the opening span"),
        ("PgUp PgDn", "On the density strip: move later or earlier"),
        ("Esc", "Close a card, an article or this list; on the strip, clear the selection"),
        ("?", "Show this list"),
    ];
    html! {
        <div class="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
            <div class="shortcuts-box">
                <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
                <dl>
                    { for keys.iter().map(|(key, what)| html! { <><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></> }) }
                </dl>
                <button type="button" id="shortcuts-close" onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}

/// UI state outside the URL that the key listener reads: handles of the latest render.
#[derive(Default)]
struct Flags {
    drawer: Option<UseStateHandle<bool>>,
    overlay: Option<UseStateHandle<bool>>,
}

/// `/` focuses the search box, `?` lists the shortcuts, Escape closes that list, the
/// filters drawer, a card or an article, arrow keys move through the timeline.
fn keyboard(event: &KeyboardEvent, state: &State, flags: &Flags) {
    let document = gloo::utils::document();
    let typing =
        document.active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
    match event.key().as_str() {
        "/" if !typing => {
            if let Some(input) = document.get_element_by_id("search").and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                event.prevent_default();
                let _ = input.focus();
            }
        }
        "?" if !typing => {
            if let Some(overlay) = &flags.overlay {
                event.prevent_default();
                overlay.set(true);
            }
        }
        "Escape" if flags.overlay.as_ref().is_some_and(|o| **o) || flags.drawer.as_ref().is_some_and(|d| **d) => {
            for flag in [&flags.overlay, &flags.drawer].into_iter().flatten() {
                flag.set(false);
            }
        }
        "Escape" if matches!(state.view, View::Entity(_) | View::Article(..)) => {
            state::go(&State { view: View::Timeline, ..state.clone() });
        }
        "ArrowDown" | "ArrowUp" if !typing => {
            let Ok(items) = document.query_selector_all(".timeline li.event") else { return };
            if items.length() == 0 {
                return;
            }
            let active = document.active_element();
            let current = (0..items.length()).find(|&i| {
                items.item(i).zip(active.as_ref()).is_some_and(|(n, a)| n.is_same_node(Some(a)) || n.contains(Some(a)))
            });
            let next = match (current, event.key().as_str()) {
                (None, _) => 0,
                (Some(i), "ArrowDown") => (i + 1).min(items.length() - 1),
                (Some(i), _) => i.saturating_sub(1),
            };
            if let Some(el) = items.item(next).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                event.prevent_default();
                let _ = el.focus();
            }
        }
        "Enter" if !typing => {
            // Enter on a focused event opens its first source article.
            let Some(active) = document.active_element() else { return };
            // The attribute, not `class_name()`: on an SVG element (a dot of the map)
            // `className` is no string, and reading it as one panics.
            if active.get_attribute("class").is_some_and(|c| c.split_whitespace().any(|c| c == "event"))
                && let Ok(Some(link)) = active.query_selector("a.source")
                && let Ok(link) = link.dyn_into::<HtmlElement>()
            {
                link.click();
            }
        }
        _ => {}
    }
}

/// Mounts [`App`] into the page's `#app` element, replacing the loading message.
pub fn start() {
    shell::install_panic_hook();
    let root = shell::app_root();
    yew::Renderer::<App>::with_root(root).render();
}
