//! An entity's card: kind, roles with their sources, spellings with counts and the rule
//! that merged them, mentions, first and last date, its own timeline, and the entities
//! most often mentioned with it.

use model::Corpus;
use model::query::{Index, State, View};
use yew::prelude::*;

/// The card of the entity `id` of `corpus`, with links that keep `state`'s filters;
/// its own timeline is the entity's events as `index` lists them.
/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
pub fn entity_card(corpus: &'static Corpus, index: &Index, id: &str, state: &State) -> Html {
    let close = State { view: View::Timeline, ..state.clone() }.to_fragment();
    let Some((x, e)) = index.entity(id).and_then(|x| Some((x, corpus.entities.get(x as usize)?))) else {
        return html! {
            <section class="card missing" role="alert">
                <h2>{ "No such entity" }</h2>
                <p>{ format!("This corpus has no entity “{}”. It may have been removed since the link was made.", id) }</p>
                <a href={close}>{ "Back to the timeline" }</a>
            </section>
        };
    };
    let link = |view: View| State { view, ..state.clone() }.to_fragment();
    let filter_by = {
        let mut s = state.clone();
        s.view = View::Timeline;
        if !s.filter.entities.contains(&e.id) {
            s.filter.entities.push(e.id.clone());
        }
        s.to_fragment()
    };
    let dated: Vec<&model::Event> = index
        .entity_events(x)
        .iter()
        .filter_map(|&i| corpus.events.get(i as usize))
        .filter(|x| x.kind != model::EventKind::Publication)
        .collect();
    let mut articles: Vec<u32> =
        e.mentions.iter().map(|m| m.article).chain(e.roles.iter().map(|r| r.article)).collect();
    model::order::sort(&mut articles);
    articles.dedup();
    let article_title = |a: u32| corpus.articles.get(a as usize).map_or(String::new(), |x| x.title.to_string());
    let article_id = |a: u32| corpus.articles.get(a as usize).map_or(String::new(), |x| x.id.to_string());
    html! {
        <section class="card" aria-labelledby="card-title">
            <header>
                <h2 id="card-title">{ &e.name }</h2>
                <p class="kind">{ e.kind.as_str() }</p>
                <a class="close" href={close} aria-label="Close the card (Escape)">{ "×" }</a>
            </header>
            <p class="stats">
                { format!("{} in {}", crate::components::count(e.mentions.len(), "mention", "mentions"), crate::components::count(articles.len(), "article", "articles")) }
                if let (Some(first), Some(last)) = (dated.first(), dated.last()) {
                    { format!(" · first seen {} · last seen {}", first.when.label(), last.when.label()) }
                }
            </p>
            <p><a href={filter_by}>{ "Show its events on the timeline" }</a></p>
            if !e.roles.is_empty() {
                <h3>{ "Roles" }</h3>
                <ul class="roles">
                    { for e.roles.iter().map(|r| html! {
                        <li>{ &r.text }{ " — " }<a href={link(View::Article(article_id(r.article), None))}>{ article_title(r.article) }</a></li>
                    }) }
                </ul>
            }
            <h3>{ "Names and spellings" }</h3>
            <ul class="aliases">
                { for e.aliases.iter().map(|a| html! { <li>{ format!("{} ×{} ({})", a.text, a.count, a.rule) }</li> }) }
            </ul>
            if let Some(series) = &e.series {
                <p>{ "Edition of " }<a href={link(View::Entity(series.clone()))}>{ series.clone() }</a></p>
            }
            if !dated.is_empty() {
                <h3>{ "Timeline" }</h3>
                <ol class="mini-timeline">
                    { for dated.iter().map(|x| html! { <li><time datetime={x.when.start.iso()}>{ x.when.label() }</time>{ " " }{ &x.summary }</li> }) }
                </ol>
            }
            if !e.related.is_empty() {
                <h3>{ "Mentioned with" }</h3>
                <ul class="chips related">
                    { for e.related.iter().take(12).filter_map(|r| corpus.entities.get(r.entity as usize).map(|o| (r, o))).map(|(r, o)| html! {
                        <li><a class={format!("chip chip-{}", o.kind.as_str())} href={link(View::Entity(o.id.clone()))}>
                            { format!("{} ({})", o.name, r.sentences) }
                        </a></li>
                    }) }
                </ul>
            }
        </section>
    }
}
