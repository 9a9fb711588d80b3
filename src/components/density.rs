//! The density strip: how many events fall in each stretch of time (SVG bars). Dragging
//! across it selects that date range; the date fields beside the filters do the same
//! from the keyboard.

use model::query::{State, day_number, density, from_day_number};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::components::fixed;

const BUCKETS: usize = 60;

#[derive(Properties, PartialEq)]
pub struct DensityProps {
    pub rows: std::rc::Rc<model::query::Rows>,
    pub state: State,
    pub on_change: Callback<State>,
}

/// Where along the strip (0 to 1) a mouse event is.
fn fraction(e: &MouseEvent) -> Option<f64> {
    let target: Element = e.current_target()?.dyn_into().ok()?;
    let rect = target.get_bounding_client_rect();
    (rect.width() > 0.0).then(|| ((f64::from(e.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0))
}

#[component]
pub fn Density(props: &DensityProps) -> Html {
    let drag = use_state(|| None::<(f64, f64)>);
    let Ok(corpus) = crate::corpus::corpus() else { return html! {} };
    let Some((first, last, counts)) = density(corpus, &props.rows, BUCKETS) else { return html! {} };
    let (a, b) = (day_number(first), day_number(last).max(day_number(first) + 1));
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let on_down = {
        let drag = drag.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(x) = fraction(&e) {
                drag.set(Some((x, x)));
            }
        })
    };
    let on_move = {
        let drag = drag.clone();
        Callback::from(move |e: MouseEvent| {
            if let (Some((start, _)), Some(x)) = (*drag, fraction(&e)) {
                drag.set(Some((start, x)));
            }
        })
    };
    let on_up = {
        let (drag, state, cb) = (drag.clone(), props.state.clone(), props.on_change.clone());
        Callback::from(move |e: MouseEvent| {
            let Some((start, _)) = *drag else { return };
            let end = fraction(&e).unwrap_or(start);
            drag.set(None);
            let (lo, hi) = if start <= end { (start, end) } else { (end, start) };
            let day = |f: f64| from_day_number(a + ((b - a) as f64 * f).round() as i64);
            let mut next = state.clone();
            next.filter.from = day(lo);
            next.filter.to = day(hi);
            cb.emit(next);
        })
    };
    let selection = drag.map(|(s, e)| (s.min(e), (s - e).abs()));
    html! {
        <figure class="density">
            <svg viewBox={format!("0 0 {BUCKETS} 20")} preserveAspectRatio="none" role="img"
                aria-label={format!("Events over time, {} to {}; drag to choose a date range", first, last)}
                onmousedown={on_down} onmousemove={on_move} onmouseup={on_up}>
                { for counts.iter().enumerate().map(|(i, &c)| {
                    let h = 20.0 * f64::from(c) / f64::from(max);
                    html! { <rect class="bar" x={i.to_string()} y={fixed(20.0 - h)} width="0.8" height={fixed(h)} /> }
                }) }
                if let Some((x, w)) = selection {
                    <rect class="selection" x={fixed(x * BUCKETS as f64)} y="0" width={fixed((w * BUCKETS as f64).max(0.2))} height="20" />
                }
            </svg>
            <figcaption><span>{ first.to_string() }</span><span>{ last.to_string() }</span></figcaption>
        </figure>
    }
}
