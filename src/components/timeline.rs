//! The timeline: events grouped by year and month, each with its date as precisely as
//! it is known, its summary (search words marked), its entities and its sources.
//!
//! Virtualised: only the rows on screen, plus `OVERSCAN` above and below, are in the
//! DOM; spacers above and below stand in for the rest at an estimated row height, so
//! the page scrolls as if every row were there. Printing renders every row.
//!
//! Before the corpus is decoded, the app gives it the preview (the newest events, a
//! corpus of their own) to show as the opening screen.

use gloo::events::EventListener;
use model::Corpus;
use model::query::{SHOWN_ENTITIES, SHOWN_SOURCES, State, View, and_more, folds};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::CorpusRef;
use crate::components::marked::{MarkedProps, marked};

/// Rows kept beyond each edge of the screen.
pub const OVERSCAN: usize = 5;
/// Height assumed for a row until rows have been measured, in CSS pixels.
const FIRST_ESTIMATE: f64 = 120.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub rows: std::rc::Rc<model::query::Rows>,
    pub state: State,
    /// The preview the rows are of, while the corpus is still to be decoded (the
    /// embedded corpus otherwise).
    #[prop_or_default]
    pub preview: Option<CorpusRef>,
}

/// Which rows to render: `[start, end)` of the filtered rows.
fn window(rows: usize, list_top: f64, viewport: f64, row_height: f64) -> (usize, usize) {
    let row_height = row_height.max(16.0);
    let scrolled = (-list_top).max(0.0);
    let first = (scrolled / row_height).floor() as usize;
    let on_screen = (viewport / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(rows);
    let end = (first + on_screen + OVERSCAN).min(rows);
    (start, end)
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let list = use_node_ref();
    let top_spacer = use_node_ref();
    let bottom_spacer = use_node_ref();
    let row_height = use_mut_ref(|| FIRST_ESTIMATE);
    // Layout is read only when the page moves (scroll, resize) or rows are first
    // shown, never while the user types: reading it right after a render forces the
    // browser to lay the page out twice in that frame.
    let list_top = use_mut_ref(|| None::<f64>);
    let measured = use_mut_ref(|| false);
    // The window's position, recomputed on scroll and resize; `printing` renders all.
    let span = use_state_eq(|| window(props.rows.len(), 0.0, viewport_height(), FIRST_ESTIMATE));
    let printing = use_state_eq(|| false);
    // The long summaries unfolded by the reader, by event id (kept while they scroll
    // out of the window and back).
    let unfolded = use_state_eq(std::collections::BTreeSet::<String>::new);
    let on_fold = {
        let unfolded = unfolded.clone();
        Callback::from(move |id: String| {
            let mut next = (*unfolded).clone();
            if !next.remove(&id) {
                next.insert(id);
            }
            unfolded.set(next);
        })
    };

    {
        // Scrolling, resizing and new rows move the window. The listeners are added
        // once and read the row count of the latest render (added again for each new
        // count, they were two removed and two added on every keystroke).
        let total = use_mut_ref(|| 0);
        *total.borrow_mut() = props.rows.len();
        let update = {
            let (list, span, row_height, list_top, measured, total) =
                (list.clone(), span.clone(), row_height.clone(), list_top.clone(), measured.clone(), total.clone());
            use_callback((), move |moved: bool, _| {
                let known = *list_top.borrow();
                let top = match known {
                    Some(top) if !moved => top,
                    _ => {
                        let Some(el) = list.cast::<HtmlElement>() else { return };
                        *measured.borrow_mut() = false;
                        el.get_bounding_client_rect().top()
                    }
                };
                *list_top.borrow_mut() = Some(top);
                span.set(window(*total.borrow(), top, viewport_height(), *row_height.borrow()));
            })
        };
        let update_now = update.clone();
        use_effect_with(props.rows.len(), move |_| update_now.emit(false));
        use_effect_with((), move |_| {
            let win = gloo::utils::window();
            let on_scroll = EventListener::new(&win, "scroll", {
                let update = update.clone();
                move |_| update.emit(true)
            });
            let on_resize = EventListener::new(&win, "resize", move |_| update.emit(true));
            move || drop((on_scroll, on_resize))
        });
    }
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let win = gloo::utils::window();
            let before = EventListener::new(&win, "beforeprint", {
                let printing = printing.clone();
                move |_| printing.set(true)
            });
            let after = EventListener::new(&win, "afterprint", {
                let printing = printing.clone();
                move |_| printing.set(false)
            });
            // Print preview and emulated print media announce themselves here.
            let media = win.match_media("print").ok().flatten();
            let on_media = media.map(|m| {
                let query = m.clone();
                EventListener::new(&m, "change", move |_| printing.set(query.matches()))
            });
            move || drop((before, after, on_media))
        });
    }

    let total = props.rows.len();
    // From the list's last known position when there is one, so a new row count (a
    // keystroke) is windowed in this render, not in a second one once `span` catches
    // up (which, on a keystroke that widened the rows, first rendered too few).
    let (start, end) = match (*printing, *list_top.borrow()) {
        (true, _) => (0, total),
        (false, Some(top)) => window(total, top, viewport_height(), *row_height.borrow()),
        (false, None) => (span.0.min(total), span.1.min(total)),
    };
    {
        // After each render: measure the rows, size the spacers for the rows left out.
        let (list, top_spacer, bottom_spacer, row_height, measured) =
            (list.clone(), top_spacer.clone(), bottom_spacer.clone(), row_height.clone(), measured.clone());
        use_effect(move || {
            if !*measured.borrow()
                && let Some(el) = list.cast::<HtmlElement>()
                && let Ok(items) = el.query_selector_all("li.event")
                && items.length() > 0
            {
                let spacers = spacer_height(&top_spacer) + spacer_height(&bottom_spacer);
                let height = (f64::from(el.offset_height()) - spacers) / f64::from(items.length());
                if height > 16.0 {
                    *row_height.borrow_mut() = height;
                }
                *measured.borrow_mut() = true;
            }
            let h = *row_height.borrow();
            set_height(&top_spacer, start as f64 * h);
            set_height(&bottom_spacer, (total - end) as f64 * h);
        });
    }

    let corpus = match props.preview {
        Some(preview) => preview.0,
        None => match crate::corpus::corpus() {
            Ok(corpus) => corpus,
            Err(_) => return html! {},
        },
    };
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
                { if props.preview.is_some() { "The newest events; loading the rest…".to_owned() } else { crate::components::count(total, "event", "events") } }
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

fn viewport_height() -> f64 {
    gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0)
}

fn spacer_height(spacer: &NodeRef) -> f64 {
    spacer.cast::<HtmlElement>().map_or(0.0, |el| f64::from(el.offset_height()))
}

/// Sets a spacer's height through the CSS object model (the page's policy forbids
/// inline `style` attributes, not this).
fn set_height(spacer: &NodeRef, px: f64) {
    if let Some(el) = spacer.cast::<HtmlElement>() {
        let _ = el.style().set_property("height", &format!("{}px", px.round() as i64));
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
    let classes = classes!("event", format!("kind-{}", e.kind.as_str()), (long && !open).then_some("folded"));
    let text = MarkedProps { text: e.summary.clone().into(), query: state.filter.text.clone().into() };
    let toggle = {
        let (id, on_fold) = (e.id.clone(), on_fold.clone());
        Callback::from(move |_: MouseEvent| on_fold.emit(id.clone()))
    };
    html! {
        <li key={e.id.clone()} class={classes} data-id={e.id.clone()} tabindex="-1" aria-posinset={(position + 1).to_string()} aria-setsize={total.to_string()}>
            <time class={classes!("when", format!("when-{precision}"))} datetime={e.when.start.iso()}
                title={format!("{} ({})", e.when.evidence, precision)}>{ e.when.label() }</time>
            <span class="kind">{ e.kind.as_str() }</span>
            <p class="summary" id={summary_id.clone()}>{ marked(&text) }</p>
            if long {
                <button type="button" class="unfold" aria-expanded={open.to_string()} aria-controls={summary_id} onclick={toggle}>
                    { if open { "Show less" } else { "Show all" } }
                </button>
            }
            if !e.entities.is_empty() {
                <ul class="chips" aria-label="Entities">
                    { for e.entities.iter().take(SHOWN_ENTITIES).filter_map(|&x| corpus.entities.get(x as usize)).map(|en| html! {
                        <li><a class={classes!("chip", format!("chip-{}", en.kind.as_str()))}
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_covers_the_screen_and_the_overscan_only() {
        // 1,000 rows of 100 px, an 800 px screen, the list's top 5,000 px above it.
        let (start, end) = window(1000, -5000.0, 800.0, 100.0);
        assert_eq!((start, end), (50 - OVERSCAN, 50 + 9 + OVERSCAN));
        // At the top, and near the end.
        assert_eq!(window(1000, 200.0, 800.0, 100.0), (0, 9 + OVERSCAN));
        assert_eq!(window(1000, -99_950.0, 800.0, 100.0), (999 - OVERSCAN, 1000));
        // Fewer rows than fit.
        assert_eq!(window(3, 0.0, 800.0, 100.0), (0, 3));
        assert_eq!(window(0, 0.0, 800.0, 100.0), (0, 0));
    }
}
