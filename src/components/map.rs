//! The places map (`#view=map`): the countries' outlines, fetched once from
//! `countries.tsv` beside the page the first time a map is shown (written by
//! `cargo xtask map`; the service worker keeps it for offline), and a dot per place the
//! shown events name, sized by their number. A dot is a link to the timeline filtered
//! by its place, as the entity card's link is. The frame fits the places; the wheel,
//! a drag, a pinch, the + / − buttons and the keys (+, −, arrows, 0) zoom and pan it.
//! Compact (the side panel beside the timeline on wide screens), it is the same
//! drawing of the [`COMPACT_PLACES`] places with the most events, without the zoom,
//! leading to the map view.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use model::query::{Frame, State, View, dots};
use model::{Point, PointOf};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};
use yew::prelude::*;

use crate::components::{Data, count, fixed, use_data};
use crate::hooks::use_effect_on;

/// The outlines' file, beside the page (`index.html` copies it there).
const OUTLINES: &str = "countries.tsv";
/// Drawing units per degree: the outlines' own (tenths of a degree), so their paths
/// are drawn as written and two decimals are a thousandth of a degree.
const UNITS: f64 = 10.0;
/// How far a pointer moves before a press is a drag and not a click, in pixels.
const DRAG_PX: f64 = 5.0;

/// One country's outline, as `countries.tsv` gives it.
#[derive(PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, empty where Natural Earth's country has none.
    pub code: AttrValue,
    pub name: AttrValue,
    /// SVG path data in tenths of a degree, y = −latitude.
    pub path: AttrValue,
}

/// The outlines' file read into countries (the header line and short lines skipped).
pub fn parse(text: &str) -> Vec<Country> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split('\t');
            let (code, name, path) = (f.next()?, f.next()?, f.next()?);
            Some(Country {
                code: AttrValue::from(code.to_owned()),
                name: AttrValue::from(name.to_owned()),
                path: AttrValue::from(path.to_owned()),
            })
        })
        .collect()
}

enum Outlines {
    NotAsked,
    /// Asked for; these re-render their maps when the answer comes.
    Loading(Vec<Callback<()>>),
    Ready(Rc<Vec<Country>>),
    Failed,
}

thread_local! {
    static LOADED: RefCell<Outlines> = const { RefCell::new(Outlines::NotAsked) };
}

/// The outlines if they are here, `Err(true)` while they load, `Err(false)` when they
/// could not be had; asks for them the first time, and calls `then` when they come.
fn outlines(then: Callback<()>) -> Result<Rc<Vec<Country>>, bool> {
    let (answer, first) = LOADED.with(|l| {
        let mut l = l.borrow_mut();
        match &mut *l {
            Outlines::Ready(c) => (Ok(c.clone()), false),
            Outlines::Failed => (Err(false), false),
            Outlines::Loading(waiting) => {
                waiting.push(then);
                (Err(true), false)
            }
            Outlines::NotAsked => {
                *l = Outlines::Loading(vec![then]);
                (Err(true), true)
            }
        }
    });
    if first {
        fetch();
    }
    answer
}

/// Settles the outlines and re-renders every map that waits for them.
fn settle(result: Option<String>) {
    let next = match result {
        Some(text) => Outlines::Ready(Rc::new(parse(&text))),
        None => Outlines::Failed,
    };
    let waiting = LOADED.with(|l| match std::mem::replace(&mut *l.borrow_mut(), next) {
        Outlines::Loading(w) => w,
        _ => Vec::new(),
    });
    waiting.into_iter().for_each(|cb| cb.emit(()));
}

/// Fetches the outlines' file (same origin, so the page's `connect-src 'self'` allows
/// it). Its closures run once each in the app's life, so they are left to live.
fn fetch() {
    let failed = Closure::once(move |_: wasm_bindgen::JsValue| settle(None));
    let got_text = Closure::once(move |text: wasm_bindgen::JsValue| settle(text.as_string()));
    let failed_text = Closure::once(move |_: wasm_bindgen::JsValue| settle(None));
    let got_response = Closure::once(move |response: wasm_bindgen::JsValue| {
        match response.dyn_into::<web_sys::Response>().ok().filter(web_sys::Response::ok).and_then(|r| r.text().ok()) {
            Some(text) => {
                let _ = text.then2(&got_text, &failed_text);
                got_text.forget();
                failed_text.forget();
            }
            None => settle(None),
        }
    });
    let _ = gloo::utils::window().fetch_with_str(OUTLINES).then2(&got_response, &failed);
    got_response.forget();
    failed.forget();
}

/// A dot's radius in pixels: its area grows with its events.
fn radius_px(events: u32) -> f64 {
    (3.5 + 2.2 * f64::from(events).sqrt()).min(22.0)
}

#[derive(Properties, PartialEq)]
pub struct PlacesMapProps {
    pub rows: Rc<model::query::Rows>,
    pub state: State,
    /// The side panel's small map: dots and outlines, no zoom or pan, a link to the
    /// map view.
    #[prop_or_default]
    pub compact: bool,
    /// The events of `rows` per entity (`Index::entity_counts`), when the caller has
    /// them; else the map counts them.
    #[prop_or_default]
    pub per_entity: Option<Rc<[u32]>>,
}

/// The most places the small map draws, those with the most events: a dot is a link of
/// four elements, and the thousands of places a large corpus names (1,940 at 10,000
/// articles) took a third of a second to draw each time the filters were cleared, in a
/// drawing 240 pixels wide where they cover each other. The map view draws them all.
pub const COMPACT_PLACES: usize = 100;

/// A press on the map: where it started, and whether it has become a drag.
#[derive(Clone, Copy)]
struct Press {
    start: (f64, f64),
    last: (f64, f64),
    dragging: bool,
}

#[component]
pub fn PlacesMap(props: &PlacesMapProps) -> Html {
    let svg = use_node_ref();
    let refresh = use_force_update();
    // The frame the user zoomed or panned to, with the fitted frame it started from:
    // a new set of places (other filters) fits again.
    let moved = use_state(|| None::<(Frame, Frame)>);
    let width_px = use_state_eq(|| 600.0f64);
    // Pointers down on the map, with their ids (two make a pinch), and the frame as last drawn,
    // for the listeners outside the render.
    let presses = use_mut_ref(Vec::<(i32, Press)>::new);
    let dragged = use_mut_ref(|| false);
    let drawn = use_mut_ref(|| None::<Frame>);
    // The places of the rows, found once per set of rows (not again when the map is
    // zoomed or measured).
    let data = use_data();
    let found = {
        let per_entity = props.per_entity.clone();
        use_memo((props.rows.clone(), data), move |(rows, data)| {
            let Some(Data { corpus, index: Some(index) }) = *data else { return (Vec::new(), 0) };
            match &per_entity {
                Some(counts) => dots(corpus, counts),
                None => dots(corpus, &index.entity_counts(corpus, rows)),
            }
        })
    };
    let Some(Data { corpus, index: Some(_) }) = data else { return html! {} };
    let (all_places, unplaced) = (&found.0, found.1);
    // The small map draws the places with the most events (see `COMPACT_PLACES`).
    let places = if props.compact { &all_places[..all_places.len().min(COMPACT_PLACES)] } else { &all_places[..] };
    let fit = Frame::fit(places.iter().map(|d| d.point));
    let frame = match *moved {
        Some((base, current)) if base == fit => current,
        _ => fit,
    };
    *drawn.borrow_mut() = Some(frame);
    let set_frame = {
        let moved = moved.clone();
        Rc::new(move |next: Frame| moved.set(Some((fit, next))))
    };
    {
        // Measures the drawing's width, so dots and labels keep their size in pixels.
        let (svg, width_px) = (svg.clone(), width_px.clone());
        use_effect(move || {
            if let Some(el) = svg.cast::<Element>() {
                let w = el.get_bounding_client_rect().width();
                if w > 0.0 {
                    width_px.set(w);
                }
            }
        });
    }
    {
        // A new window size (a phone turned) gives the drawing a new width.
        let (svg, width_px) = (svg.clone(), width_px.clone());
        use_effect_on((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                if let Some(w) = svg.cast::<Element>().map(|el| el.get_bounding_client_rect().width())
                    && w > 0.0
                {
                    width_px.set(w);
                }
            });
            Box::new(move || drop(listener))
        });
    }
    {
        // The wheel zooms about the pointer. A listener of its own, not Yew's: Yew's
        // are passive, and the page must not scroll while the map zooms.
        let (svg, drawn, set_frame) = (svg.clone(), drawn.clone(), set_frame.clone());
        use_effect_on((fit, props.compact), move |&(_, compact)| {
            // The compact map leaves the wheel to the page, which scrolls past it.
            let listener = svg.cast::<Element>().filter(|_| !compact).map(|el| {
                let target = el.clone();
                EventListener::new_with_options(
                    &el,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let (Some(e), Some(frame)) = (e.dyn_ref::<WheelEvent>(), *drawn.borrow()) else { return };
                        e.prevent_default();
                        let factor = if e.delta_y() < 0.0 { 1.25 } else { 0.8 };
                        set_frame(
                            frame.zoom(factor, fraction(&target, f64::from(e.client_x()), f64::from(e.client_y()))),
                        );
                    },
                )
            });
            Box::new(move || drop(listener))
        });
    }
    let on_loaded = Callback::from(move |()| refresh.force_update());
    let countries = outlines(on_loaded);
    let units_per_px = frame.width() * UNITS / *width_px;
    let (w, h) = (frame.width() * UNITS, frame.height * UNITS);
    let view_box =
        format!("{} {} {} {}", fixed(frame.x * UNITS - w / 2.0), fixed(frame.y * UNITS - h / 2.0), fixed(w), fixed(h));
    let link = |id: &str| {
        let mut s = props.state.clone();
        s.view = View::Timeline;
        if !s.filter.entities.iter().any(|e| e == id) {
            s.filter.entities.push(id.to_owned());
        }
        s.to_fragment()
    };
    let at = |p: Point| (p.lon_degrees() * frame.k * UNITS, -p.lat_degrees() * UNITS);
    // Larger dots first, so that smaller ones lie on top of them and stay clickable;
    // the three with the most events keep their names shown. Keyed by place: a new
    // set of rows (a keystroke) mostly reorders the same places, which unkeyed had
    // every dot's dozen attributes rewritten (most of a keystroke's DOM work).
    let drawn_dots = places.iter().enumerate().rev().map(|(rank, d)| {
        let e = &corpus.entities[d.entity as usize];
        let (x, y) = at(d.point);
        let r = radius_px(d.events) * units_per_px;
        let label = format!("{}: {}", e.name, count(d.events as usize, "event", "events"));
        let class = format!(
            "place{}{}",
            if d.point.of != PointOf::City { " place-area" } else { "" },
            if rank < 3 { " named" } else { "" }
        );
        html! {
            <a key={e.id.clone()} class={class} href={link(&e.id)} tabindex="0" aria-label={label.clone()} data-entity={e.id.clone()}
                data-lat={d.point.lat.to_string()} data-lon={d.point.lon.to_string()}>
                <title>{ label.clone() }</title>
                <circle cx={fixed(x)} cy={fixed(y)} r={fixed(r)} />
                <text x={fixed(x + r + 3.0 * units_per_px)} y={fixed(y + 4.0 * units_per_px)}
                    font-size={fixed(13.0 * units_per_px)} stroke-width={fixed(3.0 * units_per_px)}>{ label }</text>
            </a>
        }
    });
    let outlines_html = match &countries {
        Ok(list) => html! {
            <g class="countries" transform={format!("scale({} 1)", fixed(frame.k))} aria-hidden="true">
                { for list.iter().map(|c| html! { <path d={c.path.clone()} data-country={c.code.clone()} data-name={c.name.clone()} /> }) }
            </g>
        },
        Err(_) => html! {},
    };
    let status = match countries {
        Err(true) => "Loading the country outlines…",
        Err(false) => "The country outlines could not be loaded; the places are shown without them.",
        Ok(_) => "",
    };
    let zoom_by = |factor: f64| {
        let set_frame = set_frame.clone();
        Callback::from(move |_: MouseEvent| set_frame(frame.zoom(factor, (0.5, 0.5))))
    };
    let fit_again = {
        let moved = moved.clone();
        Callback::from(move |_: MouseEvent| moved.set(None))
    };
    let on_key = {
        let (set_frame, moved) = (set_frame.clone(), moved.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                // Chromium does not follow an SVG link on Enter as it does an HTML one.
                let href = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|el| el.closest("a.place").ok().flatten())
                    .and_then(|el| el.get_attribute("href"));
                if let Some(href) = href {
                    e.prevent_default();
                    let _ = gloo::utils::window().location().set_hash(&href);
                }
                return;
            }
            let next = match e.key().as_str() {
                "+" | "=" => frame.zoom(1.25, (0.5, 0.5)),
                "-" | "_" => frame.zoom(0.8, (0.5, 0.5)),
                "ArrowLeft" => frame.pan((-0.1, 0.0)),
                "ArrowRight" => frame.pan((0.1, 0.0)),
                "ArrowUp" => frame.pan((0.0, -0.1)),
                "ArrowDown" => frame.pan((0.0, 0.1)),
                "0" => {
                    e.prevent_default();
                    moved.set(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            set_frame(next);
        })
    };
    let on_down = {
        let presses = presses.clone();
        let dragged = dragged.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let p = (f64::from(e.client_x()), f64::from(e.client_y()));
            let mut presses = presses.borrow_mut();
            presses.retain(|(id, _)| *id != e.pointer_id());
            presses.push((e.pointer_id(), Press { start: p, last: p, dragging: false }));
            *dragged.borrow_mut() = false;
        })
    };
    let on_move = {
        let (presses, dragged, svg, drawn, set_frame) =
            (presses.clone(), dragged.clone(), svg.clone(), drawn.clone(), set_frame.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(el) = svg.cast::<Element>() else { return };
            let Some(frame) = *drawn.borrow() else { return };
            let mut presses = presses.borrow_mut();
            let id = e.pointer_id();
            let p = (f64::from(e.client_x()), f64::from(e.client_y()));
            let Some(press) = presses.iter().find(|(k, _)| *k == id).map(|(_, v)| *v) else { return };
            let moved_far = distance(p, press.start) > DRAG_PX;
            if !press.dragging && !moved_far {
                return;
            }
            if !press.dragging {
                // Captured only once it is a drag: a capture from the press on would
                // send the click to the map instead of the dot pressed.
                let _ = el.set_pointer_capture(id);
                *dragged.borrow_mut() = true;
            }
            let rect = el.get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return;
            }
            let next = if presses.len() == 2 {
                // A pinch: the distance between the two fingers scales the frame about
                // their middle.
                let other = presses.iter().find(|(k, _)| *k != id).map(|(_, v)| v.last).unwrap_or(p);
                let before = distance(press.last, other);
                let now = distance(p, other);
                let middle = ((p.0 + other.0) / 2.0, (p.1 + other.1) / 2.0);
                if before > 0.0 && now > 0.0 {
                    frame.zoom(now / before, fraction(&el, middle.0, middle.1))
                } else {
                    frame
                }
            } else {
                frame.pan((-(p.0 - press.last.0) / rect.width(), -(p.1 - press.last.1) / rect.height()))
            };
            if let Some(slot) = presses.iter_mut().find(|(k, _)| *k == id) {
                slot.1 = Press { last: p, dragging: true, ..press };
            }
            drop(presses);
            set_frame(next);
        })
    };
    let on_up = {
        let presses = presses.clone();
        Callback::from(move |e: PointerEvent| {
            presses.borrow_mut().retain(|(id, _)| *id != e.pointer_id());
        })
    };
    let on_click = {
        let dragged = dragged.clone();
        Callback::from(move |e: MouseEvent| {
            // The end of a drag is not a click on the dot under it.
            if std::mem::take(&mut *dragged.borrow_mut()) {
                e.prevent_default();
            }
        })
    };
    let shown = count(all_places.len(), "place", "places");
    if props.compact {
        let map_view = State { view: View::Map, ..props.state.clone() }.to_fragment();
        let shown = if places.len() < all_places.len() {
            format!("{shown}; the {} with the most events shown here", places.len())
        } else {
            shown
        };
        return html! {
            <figure class="places-panel">
                <svg ref={svg} viewBox={view_box} role="group" aria-label="Map of the places the events shown name">
                    { outlines_html }
                    <g class="places">{ for drawn_dots }</g>
                </svg>
                <figcaption><a href={map_view}>{ format!("Open the map ({shown})") }</a></figcaption>
            </figure>
        };
    }
    let caption = if unplaced == 0 {
        format!("{shown} named by the events shown.")
    } else {
        format!(
            "{shown} named by the events shown; {} the gazetteer has no point for.",
            count(unplaced, "other", "others")
        )
    };
    html! {
        <figure class="places-map">
            <div class="map-tools" role="toolbar" aria-label="Map">
                <button type="button" onclick={zoom_by(1.25)} aria-label="Zoom in">{ "+" }</button>
                <button type="button" onclick={zoom_by(0.8)} aria-label="Zoom out">{ "−" }</button>
                <button type="button" onclick={fit_again}>{ "Show all places" }</button>
            </div>
            <svg ref={svg} viewBox={view_box} role="group" tabindex="0"
                aria-label="Map of the places the events shown name. Plus and minus zoom, the arrow keys pan, 0 shows all places."
                onkeydown={on_key} onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()}
                onpointercancel={on_up} onclick={on_click}>
                { outlines_html }
                <g class="places">{ for drawn_dots }</g>
            </svg>
            <figcaption>
                { caption }{ " Filled dots are cities; rings mark a country or region, drawn at its middle." }
                if !status.is_empty() { <span class="map-status" role="status">{ " " }{ status }</span> }
            </figcaption>
        </figure>
    }
}

/// The distance between two points (`f64::hypot` would bring libm into the wasm).
fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).sqrt()
}

/// Where a client point is across the element's box, as fractions of its width and height.
fn fraction(el: &Element, x: f64, y: f64) -> (f64, f64) {
    let rect = el.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return (0.5, 0.5);
    }
    (((x - rect.left()) / rect.width()).clamp(0.0, 1.0), ((y - rect.top()) / rect.height()).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outlines_file_reads_as_countries() {
        let list = parse("code\tname\tpath\nAZ\tAzerbaijan\tM448 -397l10 2 3 6z\n\tN. Cyprus\tM1 2l3 4z\nshort\n");
        assert_eq!(list.len(), 2);
        assert_eq!((list[0].code.as_str(), list[0].name.as_str()), ("AZ", "Azerbaijan"));
        assert_eq!(list[1].code.as_str(), "");
    }
}
