//! A small relationship graph (SVG) of the entities most named by the events shown,
//! linked when they appear in the same events; each node opens its card.

use model::Corpus;
use model::query::{Rows, State, View};
use yew::prelude::*;

use crate::components::{fixed, sin_cos};

const NODES: usize = 8;
/// The drawing's width in SVG units: the side panel's width in pixels.
const WIDTH: f64 = 240.0;
/// Longest label, in characters; longer names are cut (the node's title has them whole).
const LABEL_CHARS: usize = 14;
/// Half the width of a node's area that answers the pointer.
const HIT_HALF_WIDTH: f64 = 30.0;

/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
/// `per_entity` counts the events of `rows` per entity (`Index::entity_counts`), shared
/// with the filters; the nodes' links keep `state`'s filters.
pub fn graph(corpus: &Corpus, rows: &Rows, per_entity: &[u32], state: &State) -> Html {
    // The most named entities become the nodes.
    let counts = model::query::most_named(per_entity, NODES, &|_| false);
    if counts.len() < 2 {
        return html! {};
    }
    let n = counts.len();
    // Drawn at its size in the side panel (a unit a pixel), so labels are legible text
    // (`LABEL_PX`) rather than a scaled-down picture of it.
    let side = |k: usize| sin_cos(std::f64::consts::TAU * k as f64 / n as f64).0;
    let at = |k: usize| {
        let (sin, cos) = sin_cos(std::f64::consts::TAU * k as f64 / n as f64);
        // Clockwise from the top.
        (WIDTH / 2.0 + 72.0 * sin, 100.0 - 72.0 * cos)
    };
    // Events naming each pair of nodes, in one pass over the rows: each event as a bit
    // mask of the nodes it names (an entity's node looked up in a table).
    let mut node_bit = vec![0u32; corpus.entities.len()];
    for (k, &(e, _)) in counts.iter().enumerate() {
        if let Some(bit) = node_bit.get_mut(e as usize) {
            *bit = 1 << k;
        }
    }
    let mut together = vec![0u32; n * n];
    for r in rows.iter() {
        let mut mask = 0u32;
        for &x in &corpus.events[r].entities {
            mask |= node_bit.get(x as usize).copied().unwrap_or(0);
        }
        if mask.count_ones() < 2 {
            continue;
        }
        for i in 0..n {
            for j in i + 1..n {
                if mask & (1 << i) != 0 && mask & (1 << j) != 0 {
                    together[i * n + j] += 1;
                }
            }
        }
    }
    let mut edges = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let w = together[i * n + j];
            if w > 0 {
                let ((x1, y1), (x2, y2)) = (at(i), at(j));
                edges.push(html! {
                    <line x1={fixed(x1)} y1={fixed(y1)} x2={fixed(x2)} y2={fixed(y2)}
                        stroke-width={fixed(0.6 + f64::from(w).sqrt() * 0.9)} />
                });
            }
        }
    }
    html! {
        <figure class="graph">
            <figcaption>{ "Most named together" }</figcaption>
            <svg viewBox="0 0 240 200" role="group" aria-label="Relationship graph of the most named entities">
                <g class="edges">{ for edges }</g>
                { for counts.iter().enumerate().map(|(k, &(x, c))| {
                    let e = &corpus.entities[x as usize];
                    let (cx, cy) = at(k);
                    // Labels centred on their node, above it on the left half and the
                    // top, below on the right half and the bottom: two nodes level with
                    // each other then have one label above and one below.
                    let above = side(k) < -0.01 || (side(k).abs() <= 0.01 && cy < 100.0);
                    let ly = if above { cy - 12.0 } else { cy + 21.0 };
                    let label = if e.name.chars().count() > LABEL_CHARS {
                        format!("{}…", e.name.chars().take(LABEL_CHARS - 1).collect::<String>().trim_end())
                    } else {
                        e.name.clone()
                    };
                    let href = State { view: View::Entity(e.id.clone()), ..state.clone() }.to_fragment();
                    html! {
                        <a class={format!("node chip-{}", e.kind.as_str())} href={href}>
                            <title>{ format!("{} ({})", e.name, crate::components::count(c as usize, "event", "events")) }</title>
                            // The whole node and label answer the pointer, not only their ink.
                            <rect class="hit" x={fixed(cx - HIT_HALF_WIDTH)} y={fixed(cy.min(ly) - 12.0)}
                                width={fixed(2.0 * HIT_HALF_WIDTH)} height={fixed((cy - ly).abs() + 20.0)} />
                            <circle cx={fixed(cx)} cy={fixed(cy)} r="7" />
                            <text x={fixed(cx)} y={fixed(ly)}>{ label }</text>
                        </a>
                    }
                }) }
            </svg>
        </figure>
    }
}
