//! Every entity, grouped by kind, most mentioned first, with a box that narrows the
//! list as you type, the roles the articles give each, and its counts labelled.

use model::EntityKind;
use model::query::{Filter, State, View, fold};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{count, use_data};

#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    pub state: State,
}

/// Roles shown per entity (the most given first).
const ROLES: usize = 2;

/// A component: the filter box's text is its own state (it narrows this list only, so
/// it is not part of the link).
#[component]
pub fn EntityList(props: &EntityListProps) -> Html {
    let typed = use_state(String::new);
    let Some(crate::components::Data { corpus, index: Some(index) }) = use_data() else { return html! {} };
    let all = index.timeline(corpus, &Filter::default(), false);
    let events = index.entity_counts(corpus, &all);
    let wanted = fold(typed.trim());
    let on_input = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let mut shown = 0;
    let groups: Vec<Html> = EntityKind::ALL
        .iter()
        .filter_map(|kind| {
            let mut list: Vec<(usize, &model::Entity)> = corpus
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == *kind && (!e.mentions.is_empty() || !e.roles.is_empty()))
                .filter(|(_, e)| {
                    wanted.is_empty()
                        || fold(&e.name).contains(&wanted)
                        || e.aliases.iter().any(|a| fold(&a.text).contains(&wanted))
                })
                .collect();
            if list.is_empty() {
                return None;
            }
            shown += list.len();
            model::order::sort_by(&mut list, &|a, b| b.1.mentions.len().cmp(&a.1.mentions.len()).then_with(|| a.1.id.cmp(&b.1.id)));
            Some(html! {
                <section key={kind.as_str()}>
                    <h2>{ format!("{} ({})", kind.as_str(), list.len()) }</h2>
                    <ul class="entity-entries">
                        { for list.into_iter().map(|(x, e)| {
                            let href = State { view: View::Entity(e.id.clone()), ..props.state.clone() }.to_fragment();
                            let roles = roles(e);
                            let counts = format!(
                                "{} · {}",
                                count(events.get(x).copied().unwrap_or(0) as usize, "event", "events"),
                                count(e.mentions.len(), "mention", "mentions")
                            );
                            html! {
                                <li>
                                    <a class={format!("chip chip-{}", e.kind.as_str())} href={href}>{ e.name.clone() }</a>
                                    if !roles.is_empty() {
                                        <span class="roles">{ roles }</span>
                                    }
                                    <span class="count">{ counts }</span>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            })
        })
        .collect();
    html! {
        <section class="entity-list" aria-label="Entities">
            <div class="entity-filter">
                <label for="entity-filter">{ "Find an entity" }</label>
                <input id="entity-filter" type="search" value={(*typed).clone()} oninput={on_input}
                    placeholder="Name or part of a name" autocomplete="off" />
                <p class="count" role="status">{ count(shown, "entity", "entities") }</p>
            </div>
            // Apart from the filter box, which stays the element being typed in while the
            // groups (keyed by kind) come and go.
            <div class="entity-groups">
                { for groups }
                if shown == 0 {
                    <p class="empty">{ format!("No entity's name holds “{}”.", typed.trim()) }</p>
                }
            </div>
        </section>
    }
}

/// The roles the articles give `e`, the most often given first, each once.
fn roles(e: &model::Entity) -> String {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for r in &e.roles {
        match counted.iter_mut().find(|(text, _)| fold(text) == fold(&r.text)) {
            Some((_, n)) => *n += 1,
            None => counted.push((r.text.clone(), 1)),
        }
    }
    // Stable: equal counts keep the order the articles gave them.
    model::order::sort_by(&mut counted, &|a, b| b.1.cmp(&a.1));
    counted.into_iter().take(ROLES).map(|(text, _)| text).collect::<Vec<_>>().join(", ")
}
