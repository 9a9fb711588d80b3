//! The timeline: events grouped by year and month, each with its date as precisely as
//! it is known, its summary (search words marked), its entities and its sources.

use model::query::{State, View};
use model::Corpus;
use yew::prelude::*;

use crate::components::marked::Marked;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub rows: Vec<usize>,
    pub state: State,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let Ok(corpus) = crate::corpus::corpus() else { return html! {} };
    if props.rows.is_empty() {
        return html! { <p class="empty" role="status">{ "No events match these filters." }</p> };
    }
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for &i in &props.rows {
        let d = corpus.events[i].when.start;
        let label = format!("{} {}", model::month_name(d.month), d.year);
        match groups.last_mut() {
            Some((l, items)) if *l == label => items.push(i),
            _ => groups.push((label, vec![i])),
        }
    }
    html! {
        <section class="timeline" aria-label="Timeline">
            <p class="result-count" role="status">{ format!("{} events", props.rows.len()) }</p>
            { for groups.into_iter().map(|(label, items)| html! {
                <section class="month">
                    <h3>{ label }</h3>
                    <ol class="events">
                        { for items.into_iter().map(|i| event_row(corpus, i, &props.state)) }
                    </ol>
                </section>
            }) }
        </section>
    }
}

fn event_row(corpus: &'static Corpus, i: usize, state: &State) -> Html {
    let e = &corpus.events[i];
    let precision = e.when.precision.as_str();
    let link = |view: View| State { view, ..state.clone() }.to_fragment();
    let sources = e.sources.len();
    html! {
        <li class={classes!("event", format!("kind-{}", e.kind.as_str()))} data-id={e.id.clone()} tabindex="-1">
            <time class={classes!("when", format!("when-{precision}"))} datetime={e.when.start.iso()}
                title={format!("{} ({})", e.when.evidence, precision)}>{ e.when.label() }</time>
            <span class="kind">{ e.kind.as_str() }</span>
            <p class="summary"><Marked text={e.summary.clone()} query={state.filter.text.clone()} /></p>
            if !e.entities.is_empty() {
                <ul class="chips" aria-label="Entities">
                    { for e.entities.iter().filter_map(|&x| corpus.entities.get(x as usize)).map(|en| html! {
                        <li><a class={classes!("chip", format!("chip-{}", en.kind.as_str()))}
                            href={link(View::Entity(en.id.clone()))}>{ &en.name }</a></li>
                    }) }
                </ul>
            }
            <p class="sources">
                { if sources == 1 { "Source: ".to_owned() } else { format!("Reported by {sources} articles: ") } }
                { for e.sources.iter().filter_map(|s| corpus.articles.get(s.article as usize)).map(|a| html! {
                    <a class="source" href={link(View::Article(a.id.clone()))}>{ &a.title }</a>
                }) }
            </p>
        </li>
    }
}
