//! A small relationship graph (SVG) of the entities most named by the events shown,
//! linked when they appear in the same events; each node opens its card.

use model::query::{State, View};
use yew::prelude::*;

const NODES: usize = 8;

#[derive(Properties, PartialEq)]
pub struct GraphProps {
    pub rows: Vec<usize>,
    pub state: State,
}

#[component]
pub fn Graph(props: &GraphProps) -> Html {
    let Ok(corpus) = crate::corpus::corpus() else { return html! {} };
    let mut counts: Vec<(u32, u32)> = Vec::new();
    for &i in &props.rows {
        for &x in &corpus.events[i].entities {
            match counts.iter_mut().find(|(e, _)| *e == x) {
                Some(entry) => entry.1 += 1,
                None => counts.push((x, 1)),
            }
        }
    }
    counts.sort_by_key(|&(e, c)| (std::cmp::Reverse(c), e));
    counts.truncate(NODES);
    if counts.len() < 2 {
        return html! {};
    }
    let n = counts.len();
    let at = |k: usize| {
        let angle = std::f64::consts::TAU * k as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        (50.0 + 36.0 * angle.cos(), 50.0 + 36.0 * angle.sin())
    };
    let mut edges = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let (x, y) = (counts[i].0, counts[j].0);
            let together = props.rows.iter().filter(|&&r| {
                let es = &corpus.events[r].entities;
                es.contains(&x) && es.contains(&y)
            });
            let w = together.count();
            if w > 0 {
                let ((x1, y1), (x2, y2)) = (at(i), at(j));
                edges.push(html! {
                    <line x1={format!("{x1:.1}")} y1={format!("{y1:.1}")} x2={format!("{x2:.1}")} y2={format!("{y2:.1}")}
                        stroke-width={format!("{:.2}", 0.3 + (w as f64).sqrt() * 0.4)} />
                });
            }
        }
    }
    html! {
        <figure class="graph">
            <figcaption>{ "Most named together" }</figcaption>
            <svg viewBox="0 0 100 100" role="group" aria-label="Relationship graph of the most named entities">
                <g class="edges">{ for edges }</g>
                { for counts.iter().enumerate().map(|(k, &(x, c))| {
                    let e = &corpus.entities[x as usize];
                    let (cx, cy) = at(k);
                    let href = State { view: View::Entity(e.id.clone()), ..props.state.clone() }.to_fragment();
                    html! {
                        <a class={classes!("node", format!("chip-{}", e.kind.as_str()))} href={href}>
                            <title>{ format!("{} ({} events)", e.name, c) }</title>
                            <circle cx={format!("{cx:.1}")} cy={format!("{cy:.1}")} r="3.5" />
                            <text x={format!("{cx:.1}")} y={format!("{:.1}", cy + 8.0)}>{ e.name.clone() }</text>
                        </a>
                    }
                }) }
            </svg>
        </figure>
    }
}
