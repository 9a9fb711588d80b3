//! `use_virtual_window`: which of a list's rows to put in the page. Only the rows on
//! screen, plus [`OVERSCAN`] above and below, are in the DOM; spacers above and below
//! stand in for the rest at the measured row height, so the page scrolls as if every
//! row were there. Printing puts every row in.

use gloo::events::EventListener;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::hooks::printing::use_printing;
use crate::hooks::{no_cleanup, use_effect_on};

/// Rows kept beyond each edge of the screen.
pub const OVERSCAN: usize = 5;
/// Height assumed for a row until rows have been measured, in CSS pixels.
const FIRST_ESTIMATE: f64 = 120.0;

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

/// What [`use_virtual_window`] gives the list: refs for the list and its two spacers,
/// and the rows to render, `[start, end)`.
pub struct VirtualWindow {
    pub list: NodeRef,
    pub top_spacer: NodeRef,
    pub bottom_spacer: NodeRef,
    pub start: usize,
    pub end: usize,
}

/// The window of a list of `total` rows, moved by scrolling, resizing and new rows.
#[hook]
pub fn use_virtual_window(total: usize) -> VirtualWindow {
    let list = use_node_ref();
    let top_spacer = use_node_ref();
    let bottom_spacer = use_node_ref();
    let row_height = use_mut_ref(|| FIRST_ESTIMATE);
    // Layout is read only when the page moves (scroll, resize) or rows are first
    // shown, never while the user types: reading it right after a render forces the
    // browser to lay the page out twice in that frame.
    let list_top = use_mut_ref(|| None::<f64>);
    let measured = use_mut_ref(|| false);
    // The window's position, recomputed on scroll and resize; printing renders all.
    let span = use_state_eq(|| window(total, 0.0, viewport_height(), FIRST_ESTIMATE));
    let printing = use_printing();
    {
        // Scrolling, resizing and new rows move the window. The listeners are added
        // once and read the row count of the latest render (added again for each new
        // count, they were two removed and two added on every keystroke).
        let latest = use_mut_ref(|| 0);
        *latest.borrow_mut() = total;
        let update = {
            let (list, span, row_height, list_top, measured, latest) =
                (list.clone(), span.clone(), row_height.clone(), list_top.clone(), measured.clone(), latest.clone());
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
                span.set(window(*latest.borrow(), top, viewport_height(), *row_height.borrow()));
            })
        };
        let update_now = update.clone();
        use_effect_on(total, move |_| {
            update_now.emit(false);
            no_cleanup()
        });
        use_effect_on((), move |_| {
            let win = gloo::utils::window();
            let on_scroll = EventListener::new(&win, "scroll", {
                let update = update.clone();
                move |_| update.emit(true)
            });
            let on_resize = EventListener::new(&win, "resize", move |_| update.emit(true));
            Box::new(move || drop((on_scroll, on_resize)))
        });
    }
    // From the list's last known position when there is one, so a new row count (a
    // keystroke) is windowed in this render, not in a second one once `span` catches
    // up (which, on a keystroke that widened the rows, first rendered too few).
    let (start, end) = match (printing, *list_top.borrow()) {
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
    VirtualWindow { list, top_spacer, bottom_spacer, start, end }
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
