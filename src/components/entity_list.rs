//! Every entity, grouped by kind, most mentioned first.

use model::EntityKind;
use model::query::{State, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    pub state: State,
}

/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
pub fn entity_list(props: &EntityListProps) -> Html {
    let Ok(corpus) = crate::corpus::corpus() else { return html! {} };
    html! {
        <section class="entity-list" aria-label="Entities">
            { for EntityKind::ALL.iter().map(|kind| {
                let mut list: Vec<_> = corpus.entities.iter().filter(|e| e.kind == *kind && (!e.mentions.is_empty() || !e.roles.is_empty())).collect();
                model::order::sort_by(&mut list, &|a, b| b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.id.cmp(&b.id)));
                html! {
                    <section>
                        <h3>{ format!("{} ({})", kind.as_str(), list.len()) }</h3>
                        <ul class="chips">
                            { for list.into_iter().map(|e| html! {
                                <li><a class={classes!("chip", format!("chip-{}", e.kind.as_str()))}
                                    href={State { view: View::Entity(e.id.clone()), ..props.state.clone() }.to_fragment()}>
                                    { format!("{} ({})", e.name, e.mentions.len()) }
                                </a></li>
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </section>
    }
}
