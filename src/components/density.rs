//! The density strip: how many events fall in each stretch of time (SVG bars), over the
//! date range chosen (all the events' dates when none is). Dragging across it chooses
//! the bars dragged over as the date range; a click (or a tap) zooms into the stretch
//! around the bar under it; each bar says its dates and count on hover. From the
//! keyboard, the strip is a slider: the arrow keys move a selection of bars, Shift with
//! them widens or narrows it, Enter shows it (applied on Enter, not as it moves: each
//! choice redraws the strip over the new range, which would move the bars under the
//! selection), Escape clears it, or, with none, the date range.

use model::Date;
use model::query::{State, bar_days, density_between, zoom_around};
use web_sys::{Element, HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use crate::components::{count, fixed};

const BUCKETS: usize = 60;

#[derive(Properties, PartialEq)]
pub struct DensityProps {
    pub rows: std::rc::Rc<model::query::Rows>,
    pub state: State,
    pub on_change: Callback<State>,
}

/// The bar of `n` under the pointer, measured against the strip's own box (not the
/// event's current target: Yew listens at the app's root, so that is the root).
fn bar_under(strip: &NodeRef, e: &PointerEvent, n: usize) -> Option<usize> {
    let rect = strip.cast::<Element>()?.get_bounding_client_rect();
    let x = (f64::from(e.client_x()) - rect.left()) / rect.width();
    (rect.width() > 0.0).then(|| ((x.clamp(0.0, 1.0) * n as f64) as usize).min(n - 1))
}

/// "1989-06-01 to 1991-01-20: 42 events" (one date when the bar is one day).
fn describe(span: (Date, Date), events: u32) -> String {
    let (from, to) = span;
    let dates = if from == to { from.to_string() } else { format!("{from} to {to}") };
    format!("{dates}: {}", count(events as usize, "event", "events"))
}

#[component]
pub fn Density(props: &DensityProps) -> Html {
    let strip = use_node_ref();
    // The bar a drag started on and the bar it is over now.
    let drag = use_state_eq(|| None::<(usize, usize)>);
    // The bar under the pointer, and the keyboard's selection (first and last bar).
    let hover = use_state_eq(|| None::<usize>);
    let keys = use_state_eq(|| None::<(usize, usize)>);
    let Ok(corpus) = crate::corpus::corpus() else { return html! {} };
    let filter = &props.state.filter;
    let Some((first, last, counts)) = density_between(corpus, &props.rows, filter.from, filter.to, BUCKETS) else {
        return html! {};
    };
    let n = counts.len();
    let bar = move |k: usize| bar_days(first, last, n, k);
    // The keyboard's selection, kept on the strip when the strip has fewer bars.
    let selected = keys.map(|(lo, hi)| (lo.min(n - 1), hi.min(n - 1)));
    let choose = {
        let (state, cb) = (props.state.clone(), props.on_change.clone());
        move |from: Date, to: Date| {
            let mut next = state.clone();
            next.filter.from = Some(from);
            next.filter.to = Some(to);
            cb.emit(next);
        }
    };
    let on_down = {
        let (strip, drag) = (strip.clone(), drag.clone());
        Callback::from(move |e: PointerEvent| {
            if !e.is_primary() || e.button() > 0 {
                return;
            }
            if let Some(k) = bar_under(&strip, &e, n) {
                // Captured, the strip keeps the pointer's events when a drag leaves it
                // (and a finger's, which would otherwise scroll the page).
                if let Some(el) = strip.cast::<Element>() {
                    let _ = el.set_pointer_capture(e.pointer_id());
                }
                drag.set(Some((k, k)));
            }
        })
    };
    let on_move = {
        let (strip, drag, hover) = (strip.clone(), drag.clone(), hover.clone());
        Callback::from(move |e: PointerEvent| {
            let k = bar_under(&strip, &e, n);
            if let (Some((start, _)), Some(k)) = (*drag, k) {
                drag.set(Some((start, k)));
            }
            hover.set(k);
        })
    };
    let on_up = {
        let (strip, drag, keys, choose) = (strip.clone(), drag.clone(), keys.clone(), choose.clone());
        let counts = counts.clone();
        Callback::from(move |e: PointerEvent| {
            let Some((start, over)) = *drag else { return };
            drag.set(None);
            keys.set(None);
            let end = bar_under(&strip, &e, n).unwrap_or(over);
            if start == end {
                // A click or a tap: zoom into the stretch around it.
                if let Some((from, to)) = zoom_around(first, last, &counts, start) {
                    choose(from, to);
                }
            } else {
                choose(bar(start.min(end)).0, bar(start.max(end)).1);
            }
        })
    };
    let on_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| hover.set(None))
    };
    let on_key = {
        let (keys, state, cb, choose) = (keys.clone(), props.state.clone(), props.on_change.clone(), choose.clone());
        Callback::from(move |e: KeyboardEvent| {
            let last_bar = n - 1;
            let next = match (e.key().as_str(), e.shift_key(), selected) {
                ("ArrowRight", _, None) => Some((0, 0)),
                ("ArrowLeft", _, None) => Some((last_bar, last_bar)),
                ("ArrowRight", false, Some((lo, hi))) => Some(if hi < last_bar { (lo + 1, hi + 1) } else { (lo, hi) }),
                ("ArrowLeft", false, Some((lo, hi))) => Some(if lo > 0 { (lo - 1, hi - 1) } else { (lo, hi) }),
                ("ArrowRight", true, Some((lo, hi))) => Some((lo, (hi + 1).min(last_bar))),
                ("ArrowLeft", true, Some((lo, hi))) => Some((lo, hi.saturating_sub(1).max(lo))),
                ("Enter", _, Some((lo, hi))) => {
                    keys.set(None);
                    choose(bar(lo).0, bar(hi).1);
                    None
                }
                ("Escape", _, Some(_)) => {
                    keys.set(None);
                    None
                }
                ("Escape", _, None) if state.filter.from.is_some() || state.filter.to.is_some() => {
                    let mut all = state.clone();
                    all.filter.from = None;
                    all.filter.to = None;
                    cb.emit(all);
                    None
                }
                _ => return,
            };
            // Handled here: the page does not scroll, and Escape does not also close
            // the card or article the app's own key listener would.
            e.prevent_default();
            e.stop_propagation();
            if next.is_some() {
                keys.set(next);
            }
        })
    };
    let on_blur = {
        let keys = keys.clone();
        Callback::from(move |_: FocusEvent| keys.set(None))
    };
    let zoomed = filter.from.is_some() || filter.to.is_some();
    let on_all = {
        let (state, cb, strip) = (props.state.clone(), props.on_change.clone(), strip.clone());
        Callback::from(move |_: MouseEvent| {
            let mut all = state.clone();
            all.filter.from = None;
            all.filter.to = None;
            cb.emit(all);
            if let Some(el) = strip.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    // What is chosen (dragged over, or selected from the keyboard), else the bar under
    // the pointer: shown in the middle of the caption, the selection also as a band.
    let band = drag.map(|(s, e)| (s.min(e), s.max(e))).or(selected);
    let tip = match (band, *hover) {
        (Some((lo, hi)), _) => describe((bar(lo).0, bar(hi).1), counts[lo..=hi].iter().sum()),
        (None, Some(k)) if k < n => describe(bar(k), counts[k]),
        _ => String::new(),
    };
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let value = match selected {
        Some((lo, hi)) => format!("{}; Enter shows it", describe((bar(lo).0, bar(hi).1), counts[lo..=hi].iter().sum())),
        None => "nothing selected".to_owned(),
    };
    html! {
        <figure class="density">
            <svg viewBox={format!("0 0 {n} 20")} preserveAspectRatio="none" ref={strip} tabindex="0" role="slider"
                aria-label={format!("Events over time, {first} to {last}")} aria-describedby="strip-help"
                aria-valuemin="0" aria-valuemax={(n - 1).to_string()}
                aria-valuenow={selected.map_or(0, |s| s.1).to_string()} aria-valuetext={value}
                onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up} onpointercancel={on_cancel}
                onpointerleave={on_leave} onkeydown={on_key} onblur={on_blur}>
                { for counts.iter().enumerate().map(|(i, &c)| {
                    let h = 20.0 * f64::from(c) / f64::from(max);
                    let (from, to) = bar(i);
                    html! {
                        <rect class="bar" x={i.to_string()} y={fixed(20.0 - h)} width="0.8" height={fixed(h)}
                            data-from={from.iso()} data-to={to.iso()} data-count={c.to_string()}>
                            <title>{ describe((from, to), c) }</title>
                        </rect>
                    }
                }) }
                if let Some((lo, hi)) = band {
                    <rect class="selection" x={lo.to_string()} y="0" width={(hi - lo + 1).to_string()} height="20" />
                }
            </svg>
            <figcaption>
                <span>{ first.to_string() }</span>
                <span class="tip" aria-hidden="true">{ tip }</span>
                if zoomed {
                    <button type="button" class="all-dates" onclick={on_all}>{ "All dates" }</button>
                }
                <span>{ last.to_string() }</span>
            </figcaption>
            <p id="strip-help" class="visually-hidden">
                { "Drag across the strip to choose dates, or click a stretch to zoom into it. From the keyboard: \
                   arrow keys move a selection, Shift with an arrow widens or narrows it, Enter shows it, Escape \
                   clears it or, with nothing selected, shows all dates." }
            </p>
        </figure>
    }
}
