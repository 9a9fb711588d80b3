//! The density strip: how many events fall in each stretch of time (SVG bars) on a
//! time axis. It opens on the span holding the bulk of the events (`model::query::
//! dense_span`), the events outside it shown as year marks at its edges that jump the
//! view to them; it zooms (wheel, pinch, the − and + buttons, the − + 0 keys) and pans
//! (Shift+drag, a two-finger drag or a sideways scroll, the ‹ › buttons, Page Up and
//! Page Down), its ticks saying years, months or days as the zoom allows. The span
//! shown is the link's `strip` (`State::axis`); choosing dates shows them.
//!
//! Dragging across it chooses the bars dragged over as the date range; a click (or a
//! tap) zooms into the stretch around the bar under it; each bar says its dates and
//! count on hover. From the keyboard, the strip is a slider: the arrow keys move a
//! selection of bars, Shift with them widens or narrows it, Enter shows it (applied on
//! Enter, not as it moves: each choice redraws the strip over the new range, which
//! would move the bars under the selection), Escape clears it, or, with none, the date
//! range.

use std::rc::Rc;

use model::Date;
use model::query::{
    Outlier, Span, State, bar_days, day_number, dense_span, density_between, density_within, full_span, outliers, pan,
    strip_span, ticks, zoom, zoom_around,
};
use web_sys::{Element, HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use crate::components::{Data, count, fixed, use_data};

const BUCKETS: usize = 60;

/// The most ticks the axis labels: room for six short labels at 360 px.
const MOST_TICKS: usize = 6;

/// How much a button or key zooms (in: half the span; out: twice).
const ZOOM_STEP: f64 = 2.0;

/// How far a button or key pans, as a share of the span.
const PAN_STEP: f64 = 0.5;

#[derive(Properties, PartialEq)]
pub struct DensityProps {
    pub rows: Rc<model::query::Rows>,
    pub state: State,
    /// A choice of dates (a new history entry).
    pub on_change: Callback<State>,
    /// A zoom or pan (applied at once, written to the link when it pauses).
    pub on_view: Callback<State>,
}

/// The bar of `n` under the pointer, measured against the strip's own box (not the
/// event's current target: Yew listens at the app's root, so that is the root).
fn bar_under(strip: &NodeRef, e: &PointerEvent, n: usize) -> Option<usize> {
    let x = along(strip, f64::from(e.client_x()))?;
    Some(((x * n as f64) as usize).min(n - 1))
}

/// How far along the strip (0 to 1) the page's x coordinate `client_x` is.
fn along(strip: &NodeRef, client_x: f64) -> Option<f64> {
    let rect = strip.cast::<Element>()?.get_bounding_client_rect();
    (rect.width() > 0.0).then(|| ((client_x - rect.left()) / rect.width()).clamp(0.0, 1.0))
}

fn strip_width(strip: &NodeRef) -> f64 {
    strip.cast::<Element>().map_or(0.0, |el| el.get_bounding_client_rect().width())
}

/// "1989-06-01 to 1991-01-20: 42 events" (one date when the bar is one day).
fn describe(span: (Date, Date), events: u32) -> String {
    let (from, to) = span;
    let dates = if from == to { from.to_string() } else { format!("{from} to {to}") };
    format!("{dates}: {}", count(events as usize, "event", "events"))
}

/// What the strip's handlers outside a render (the wheel's listener, gestures in
/// progress) need of the latest render; a zoom updates it at once, so that events
/// coming faster than renders build on each other.
struct Latest {
    state: State,
    span: Span,
    full: Span,
    on_view: Callback<State>,
}

impl Latest {
    /// Shows `span` (a zoom or a pan), if it is not the span shown.
    fn show(&mut self, span: Span) {
        if span == self.span {
            return;
        }
        self.span = span;
        self.state.axis = Some(span);
        self.on_view.emit(self.state.clone());
    }
}

/// A gesture in progress on the strip.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Gesture {
    /// Choosing dates: the bar a drag started on and the bar it is over now.
    Select(usize, usize),
    /// Panning with Shift held: where the pointer went down and the span then.
    Pan { x: f64, span: Span },
    /// Two fingers: their distance apart, their middle (along the strip) and the span
    /// when the second went down.
    Pinch { apart: f64, middle: f64, span: Span },
}

#[component]
pub fn Density(props: &DensityProps) -> Html {
    let strip = use_node_ref();
    let gesture = use_mut_ref(|| None::<Gesture>);
    // Redrawn when a selection is dragged (the gesture lives outside the state).
    let band_drawn = use_state_eq(|| None::<(usize, usize)>);
    // Pointers down on the strip, by id, and where they are across the page.
    let pointers = use_mut_ref(Vec::<(i32, f64)>::new);
    // The bar under the pointer, and the keyboard's selection (first and last bar).
    let hover = use_state_eq(|| None::<usize>);
    let keys = use_state_eq(|| None::<(usize, usize)>);
    let latest = use_mut_ref(|| None::<Latest>);
    // The corpus's span and the span the strip opens on, found once.
    let data = use_data();
    let spans = use_memo(data, |data| data.and_then(|d| Some((full_span(d.corpus)?, dense_span(d.corpus)?))));
    let (Some(Data { corpus, .. }), Some((full, dense))) = (data, *spans) else { return html! {} };
    let ((first, last), marked) = strip_span(&props.state, full, dense);
    *latest.borrow_mut() =
        Some(Latest { state: props.state.clone(), span: (first, last), full, on_view: props.on_view.clone() });
    // Where the span holds the events, those outside it are marks and not in its bars;
    // a date range chosen (no zoom) is the span, and events before it that overlap it
    // count in its first bar.
    let counts = if marked {
        density_within(corpus, &props.rows, first, last, BUCKETS)
    } else {
        density_between(corpus, &props.rows, Some(first), Some(last), BUCKETS).map_or_else(Vec::new, |d| d.2)
    };
    if counts.is_empty() {
        return html! {};
    }
    let n = counts.len();
    let bar = move |k: usize| bar_days(first, last, n, k);
    let (before, after) = if marked { outliers(corpus, &props.rows, (first, last)) } else { Default::default() };
    // The keyboard's selection, kept on the strip when the strip has fewer bars.
    let selected = keys.map(|(lo, hi)| (lo.min(n - 1), hi.min(n - 1)));
    let choose = {
        let (state, cb) = (props.state.clone(), props.on_change.clone());
        move |from: Date, to: Date| {
            let mut next = state.clone();
            next.choose_dates(Some(from), Some(to));
            cb.emit(next);
        }
    };
    let show = {
        let latest = latest.clone();
        move |span: Span| {
            if let Some(latest) = latest.borrow_mut().as_mut() {
                latest.show(span);
            }
        }
    };
    let on_down = {
        let (strip, gesture, pointers, band_drawn) =
            (strip.clone(), gesture.clone(), pointers.clone(), band_drawn.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() > 0 {
                return;
            }
            let x = f64::from(e.client_x());
            let mut down = pointers.borrow_mut();
            down.retain(|p| p.0 != e.pointer_id());
            down.push((e.pointer_id(), x));
            // Captured, the strip keeps the pointer's events when a drag leaves it
            // (and a finger's, which would otherwise scroll the page).
            if let Some(el) = strip.cast::<Element>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            let next = match down.as_slice() {
                [(_, a), (_, b)] => along(&strip, (a + b) / 2.0).map(|middle| Gesture::Pinch {
                    apart: (a - b).abs().max(1.0),
                    middle,
                    span: (first, last),
                }),
                [_] if e.shift_key() => Some(Gesture::Pan { x, span: (first, last) }),
                [_] => bar_under(&strip, &e, n).map(|k| Gesture::Select(k, k)),
                _ => None,
            };
            band_drawn.set(match next {
                Some(Gesture::Select(a, b)) => Some((a, b)),
                _ => None,
            });
            *gesture.borrow_mut() = next;
        })
    };
    let on_move = {
        let (strip, gesture, pointers, hover, band_drawn, show) =
            (strip.clone(), gesture.clone(), pointers.clone(), hover.clone(), band_drawn.clone(), show.clone());
        Callback::from(move |e: PointerEvent| {
            let k = bar_under(&strip, &e, n);
            hover.set(k);
            let x = f64::from(e.client_x());
            if let Some(p) = pointers.borrow_mut().iter_mut().find(|p| p.0 == e.pointer_id()) {
                p.1 = x;
            }
            let current = *gesture.borrow();
            match current {
                Some(Gesture::Select(start, _)) => {
                    if let Some(k) = k {
                        *gesture.borrow_mut() = Some(Gesture::Select(start, k));
                        band_drawn.set(Some((start.min(k), start.max(k))));
                    }
                }
                Some(Gesture::Pan { x: x0, span }) => {
                    let width = strip_width(&strip);
                    if width > 0.0 {
                        show(pan(span, full, (x0 - x) / width));
                    }
                }
                Some(Gesture::Pinch { apart, middle, span }) => {
                    let down = pointers.borrow();
                    if let ([(_, a), (_, b)], width) = (down.as_slice(), strip_width(&strip))
                        && width > 0.0
                    {
                        // Fingers apart zoom in about where they began, and their middle
                        // moving drags the span along.
                        let zoomed = zoom(span, full, apart / (a - b).abs().max(1.0), middle);
                        let moved = along(&strip, (a + b) / 2.0).unwrap_or(middle) - middle;
                        show(pan(zoomed, full, -moved));
                    }
                }
                None => {}
            }
        })
    };
    let on_up = {
        let (strip, gesture, pointers, keys, band_drawn, choose) =
            (strip.clone(), gesture.clone(), pointers.clone(), keys.clone(), band_drawn.clone(), choose.clone());
        let counts = counts.clone();
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().retain(|p| p.0 != e.pointer_id());
            let Some(Gesture::Select(start, over)) = gesture.borrow_mut().take() else { return };
            band_drawn.set(None);
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
        let (gesture, pointers, band_drawn) = (gesture.clone(), pointers.clone(), band_drawn.clone());
        Callback::from(move |e: PointerEvent| {
            pointers.borrow_mut().retain(|p| p.0 != e.pointer_id());
            *gesture.borrow_mut() = None;
            band_drawn.set(None);
        })
    };
    let on_wheel = {
        let (strip, latest) = (strip.clone(), latest.clone());
        Callback::from(move |e: WheelEvent| {
            let mut latest = latest.borrow_mut();
            let Some(latest) = latest.as_mut() else { return };
            // Not passive (Yew listens to wheels so), so a wheel over the strip zooms it
            // instead of scrolling the page, and a trackpad's pinch (a wheel with Ctrl)
            // instead of zooming the page.
            e.prevent_default();
            // Lines and pages as pixels, roughly.
            let unit = match e.delta_mode() {
                0 => 1.0,
                1 => 40.0,
                _ => 800.0,
            };
            let (dx, dy) = (e.delta_x() * unit, e.delta_y() * unit);
            let width = strip_width(&strip);
            if dx.abs() > dy.abs() || e.shift_key() {
                // A sideways scroll (or Shift with the wheel) pans.
                let by = if dx.abs() > dy.abs() { dx } else { dy };
                if width > 0.0 {
                    latest.show(pan(latest.span, latest.full, by / width));
                }
            } else if let Some(at) = along(&strip, f64::from(e.client_x())) {
                // A notch (100 px) zooms by a fifth, about the pointer.
                let scale = 1.0 + dy.clamp(-250.0, 250.0) / 500.0;
                latest.show(zoom(latest.span, latest.full, scale, at));
            }
        })
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| hover.set(None))
    };
    let zoom_in = move |span: Span| zoom(span, full, 1.0 / ZOOM_STEP, 0.5);
    let zoom_out = move |span: Span| zoom(span, full, ZOOM_STEP, 0.5);
    let on_key = {
        let (keys, state, cb, view, choose, show) = (
            keys.clone(),
            props.state.clone(),
            props.on_change.clone(),
            props.on_view.clone(),
            choose.clone(),
            show.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let last_bar = n - 1;
            let span = (first, last);
            let next = match (e.key().as_str(), e.shift_key(), selected) {
                ("+" | "=", _, _) => {
                    show(zoom_in(span));
                    None
                }
                ("-" | "_", _, _) => {
                    show(zoom_out(span));
                    None
                }
                ("PageUp", _, _) => {
                    show(pan(span, full, PAN_STEP));
                    None
                }
                ("PageDown", _, _) => {
                    show(pan(span, full, -PAN_STEP));
                    None
                }
                ("0", _, _) if state.axis.is_some() => {
                    let mut fit = state.clone();
                    fit.axis = None;
                    view.emit(fit);
                    None
                }
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
                    all.choose_dates(None, None);
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
    let dated = props.state.filter.from.is_some() || props.state.filter.to.is_some();
    let on_all = {
        let (state, cb, strip) = (props.state.clone(), props.on_change.clone(), strip.clone());
        Callback::from(move |_: MouseEvent| {
            let mut all = state.clone();
            all.choose_dates(None, None);
            cb.emit(all);
            if let Some(el) = strip.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    let button = |class: &'static str, text: &'static str, label: &'static str, span: Span| {
        let show = show.clone();
        let onclick = Callback::from(move |_: MouseEvent| show(span));
        html! { <button type="button" class={class} aria-label={label} title={label} {onclick}>{ text }</button> }
    };
    let on_fit = {
        let (state, view) = (props.state.clone(), props.on_view.clone());
        Callback::from(move |_: MouseEvent| {
            let mut fit = state.clone();
            fit.axis = None;
            view.emit(fit);
        })
    };
    let mark = |o: &Outlier, side: &str, strip: &NodeRef| {
        let target = o.span(full);
        let (show, strip) = (show.clone(), strip.clone());
        // The mark goes with the jump (its events are then inside the span): the focus
        // moves to the strip, which shows them.
        let onclick = Callback::from(move |_: MouseEvent| {
            show(target);
            if let Some(el) = strip.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
        let label =
            format!("{}, {} {side} the dates shown: show them", o.label(), count(o.events as usize, "event", "events"));
        html! {
            <button type="button" class="outlier" aria-label={label.clone()} title={label} {onclick}
                data-from={target.0.iso()} data-to={target.1.iso()}>{ o.label() }</button>
        }
    };
    // What is chosen (dragged over, or selected from the keyboard), else the bar under
    // the pointer: shown in the middle of the caption, the selection also as a band.
    let band = (*band_drawn).or(selected);
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
    // Where the span shown is a zoom, the date range chosen as a band behind the bars.
    let range = (marked && dated)
        .then(|| {
            let (a, days) = (day_number(first), day_number(last) - day_number(first) + 1);
            let f = &props.state.filter;
            let from = (day_number(f.from.unwrap_or(first)) - a).max(0);
            let to = (day_number(f.to.unwrap_or(last)) - a + 1).min(days);
            let scale = n as f64 / days as f64;
            (from < to).then(|| (from as f64 * scale, (to - from) as f64 * scale))
        })
        .flatten();
    let span = (first, last);
    html! {
        <figure class="density">
            <div class="axis">
                <div class="marks before">{ for before.iter().map(|o| mark(o, "before", &strip)) }</div>
                <div class="plot">
                    <svg class="strip" viewBox={format!("0 0 {n} 20")} preserveAspectRatio="none" ref={strip.clone()} tabindex="0"
                        role="slider" aria-label={format!("Events over time, {first} to {last}")}
                        aria-describedby="strip-help" aria-valuemin="0" aria-valuemax={(n - 1).to_string()}
                        aria-valuenow={selected.map_or(0, |s| s.1).to_string()} aria-valuetext={value}
                        data-from={first.iso()} data-to={last.iso()}
                        onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up} onpointercancel={on_cancel}
                        onpointerleave={on_leave} onwheel={on_wheel} onkeydown={on_key} onblur={on_blur}>
                        if let Some((x, w)) = range {
                            <rect class="range" x={fixed(x)} y="0" width={fixed(w)} height="20" />
                        }
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
                    <svg class="ticks" aria-hidden="true">
                        { for ticks(first, last, MOST_TICKS).into_iter().map(|t| {
                            let x = format!("{}%", fixed(100.0 * t.at));
                            // Labels near an edge lean inwards, so none is cut off.
                            let anchor = if t.at < 0.08 { "start" } else if t.at > 0.92 { "end" } else { "middle" };
                            html! {
                                <g class="tick" data-date={t.date.iso()}>
                                    <line x1={x.clone()} x2={x.clone()} y1="0" y2="4" />
                                    <text x={x} y="14" text-anchor={anchor}>{ t.label }</text>
                                </g>
                            }
                        }) }
                    </svg>
                </div>
                <div class="marks after">{ for after.iter().map(|o| mark(o, "after", &strip)) }</div>
            </div>
            <figcaption>
                <span>{ first.to_string() }</span>
                <span class="tip" aria-hidden="true">{ tip }</span>
                if dated {
                    <button type="button" class="all-dates" onclick={on_all}>{ "All dates" }</button>
                }
                <span class="zoom" role="group" aria-label="Zoom and pan the strip">
                    { button("zoom-out", "−", "Zoom out", zoom_out(span)) }
                    { button("zoom-in", "+", "Zoom in", zoom_in(span)) }
                    { button("earlier", "‹", "Earlier", pan(span, full, -PAN_STEP)) }
                    { button("later", "›", "Later", pan(span, full, PAN_STEP)) }
                    <button type="button" class="fit" aria-label="Fit: undo the zoom" title="Undo the zoom"
                        onclick={on_fit}>{ "Fit" }</button>
                </span>
                <span>{ last.to_string() }</span>
            </figcaption>
            <p id="strip-help" class="visually-hidden">
                { "Drag across the strip to choose dates, or click a stretch to zoom into it; Shift and drag, or drag \
                   with two fingers, to move along it; the wheel or a pinch zooms. From the keyboard: arrow keys move \
                   a selection, Shift with an arrow widens or narrows it, Enter shows it, Escape clears it or, with \
                   nothing selected, shows all dates; plus and minus zoom, Page Up and Page Down move later and \
                   earlier, 0 goes back to the opening span." }
            </p>
        </figure>
    }
}
