//! Filters beside the timeline: event kinds (those the corpus has) and entity kinds
//! with the number of events each would leave, chosen entities, recycled background,
//! publication rows, order, and clear all.

use model::Corpus;
use model::query::{Facets, Index, Publications, State, kind_slot};
use model::{EntityKind, EventKind};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes. `facets` count the events each filter would leave,
/// `credits` are the authors and outlets with theirs, `entity_options` the entities
/// named by the events shown with theirs.
pub fn filters(
    (corpus, index): (&Corpus, &Index),
    state: &State,
    facets: &Facets,
    credits: &[(String, usize)],
    entity_options: &[(u32, usize)],
    on_change: &Callback<State>,
) -> Html {
    let f = &state.filter;
    let kind_box = |kind: EventKind| {
        let checked = f.kinds.contains(&kind);
        let onchange = {
            let (state, cb) = (state.clone(), on_change.clone());
            Callback::from(move |_: Event| {
                let mut next = state.clone();
                if checked {
                    next.filter.kinds.retain(|k| *k != kind);
                } else {
                    next.filter.kinds.push(kind);
                }
                cb.emit(next);
            })
        };
        let count = facets.kinds[kind_slot(kind)];
        html! {
            <li>
                <label>
                    <input type="checkbox" name="kind" value={kind.as_str()} {checked} {onchange} />
                    { format!(" {} ", kind.as_str()) }<span class="count">{ format!("({count})") }</span>
                </label>
            </li>
        }
    };
    let on_entity_kind = {
        let (state, cb) = (state.clone(), on_change.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = state.clone();
            next.filter.entity_kind = EntityKind::ALL.iter().copied().find(|k| k.as_str() == value);
            cb.emit(next);
        })
    };
    let on_by = {
        let (state, cb) = (state.clone(), on_change.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = state.clone();
            next.filter.by = Some(value).filter(|v| !v.is_empty());
            cb.emit(next);
        })
    };
    let on_date = |to: bool| {
        let (state, cb) = (state.clone(), on_change.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let (next_state, _) = State::from_fragment(&format!("#{}={value}", if to { "to" } else { "from" }));
            let mut next = state.clone();
            let f = &next.filter;
            let (from, to) = if to { (f.from, next_state.filter.to) } else { (next_state.filter.from, f.to) };
            next.choose_dates(from, to);
            cb.emit(next);
        })
    };
    let on_hide = {
        let (state, cb) = (state.clone(), on_change.clone());
        Callback::from(move |_: Event| {
            let mut next = state.clone();
            next.filter.hide_recycled = !next.filter.hide_recycled;
            cb.emit(next);
        })
    };
    let on_publications = {
        let (state, cb) = (state.clone(), on_change.clone());
        Callback::from(move |_: Event| {
            let mut next = state.clone();
            next.filter.publications = if next.filter.publications == Publications::Hidden {
                Publications::Distinct
            } else {
                Publications::Hidden
            };
            cb.emit(next);
        })
    };
    // The repeats the default leaves out can be shown, and hidden again, by a link.
    let repeats = facets.repeats;
    let rows =
        crate::components::count(repeats as usize, "publication row that repeats", "publication rows that repeat");
    let repeats_link = {
        let mut other = state.clone();
        match f.publications {
            Publications::Distinct if repeats > 0 => {
                other.filter.publications = Publications::All;
                Some((other, format!("Show {rows} an event")))
            }
            Publications::All if repeats > 0 => {
                other.filter.publications = Publications::Distinct;
                Some((other, format!("Hide {rows} an event")))
            }
            _ => None,
        }
    };
    // Kinds the corpus has, and any a link chose (so it can be unchosen).
    let offered = |k: &EventKind| f.kinds.contains(k) || index.kind_total(*k) > 0;
    let on_order = {
        let (state, cb) = (state.clone(), on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = state.clone();
            next.oldest_first = !next.oldest_first;
            cb.emit(next);
        })
    };
    let on_clear = {
        let (state, cb) = (state.clone(), on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = state.clone();
            next.filter = Default::default();
            cb.emit(next);
        })
    };
    let chosen = f.entities.iter().map(|id| {
        let name = corpus.entities.iter().find(|e| &e.id == id).map_or(id.clone(), |e| e.name.clone());
        let mut without = state.clone();
        without.filter.entities.retain(|x| x != id);
        html! {
            <li><a class="chip chosen" href={without.to_fragment()} aria-label={format!("Remove filter {name}")}>{ format!("{name} ×") }</a></li>
        }
    });
    html! {
        <aside class="filters" aria-label="Filters">
            <fieldset>
                <legend>{ "Event kind" }</legend>
                <ul>{ for EventKind::ALL.iter().filter(|k| offered(k)).map(|k| kind_box(*k)) }</ul>
            </fieldset>
            <label class="select">
                { "Entity kind " }
                <select name="entity-kind" onchange={on_entity_kind}>
                    <option value="" selected={f.entity_kind.is_none()}>{ "any" }</option>
                    { for EntityKind::ALL.iter().enumerate().map(|(i, k)| html! {
                        <option value={k.as_str()} selected={f.entity_kind == Some(*k)}>
                            { format!("{} ({})", k.as_str(), facets.entity_kinds[i]) }
                        </option>
                    }) }
                </select>
            </label>
            <label class="select">
                { "By " }
                <select name="by" onchange={on_by}>
                    <option value="" selected={f.by.is_none()}>{ "any author or outlet" }</option>
                    { for credits.iter().map(|(name, count)| html! {
                        <option value={name.clone()} selected={f.by.as_deref() == Some(name.as_str())}>{ format!("{name} ({count})") }</option>
                    }) }
                </select>
            </label>
            <fieldset class="dates">
                <legend>{ "Dates" }</legend>
                <label>{ "From " }<input type="date" name="from" value={f.from.map(|d| d.iso()).unwrap_or_default()} onchange={on_date(false)} /></label>
                <label>{ "To " }<input type="date" name="to" value={f.to.map(|d| d.iso()).unwrap_or_default()} onchange={on_date(true)} /></label>
            </fieldset>
            if !f.entities.is_empty() {
                <div class="chosen-entities">
                    <span>{ "Entities: " }</span>
                    <ul class="chips">{ for chosen }</ul>
                </div>
            }
            if !entity_options.is_empty() {
                <fieldset class="entity-picker">
                    <legend>{ "Add an entity" }</legend>
                    <ul class="chips">
                        { for entity_options.iter().filter_map(|&(x, n)| corpus.entities.get(x as usize).map(|e| (e, n))).map(|(e, n)| {
                            let mut with = state.clone();
                            with.filter.entities.push(e.id.clone());
                            html! {
                                <li><a class={format!("chip pick chip-{}", e.kind.as_str())} href={with.to_fragment()}
                                    aria-label={format!("Filter by {} ({})", e.name, crate::components::count(n, "event", "events"))}>{ format!("{} ({n})", e.name) }</a></li>
                            }
                        }) }
                    </ul>
                </fieldset>
            }
            <label>
                <input type="checkbox" name="hide-recycled" checked={f.hide_recycled} onchange={on_hide} />
                { " Hide recycled background " }<span class="count">{ format!("({})", facets.fresh) }</span>
            </label>
            <label>
                <input type="checkbox" name="hide-publications" checked={f.publications == Publications::Hidden}
                    onchange={on_publications} />
                { " Hide publication rows " }<span class="count">{ format!("({})", facets.told) }</span>
            </label>
            if let Some((other, label)) = repeats_link {
                <a class="repeats" href={other.to_fragment()}>{ label }</a>
            }
            <div class="filter-actions">
                <button type="button" class="order" onclick={on_order}>
                    { if state.oldest_first { "Oldest first" } else { "Newest first" } }
                </button>
                <button type="button" class="clear" onclick={on_clear}>{ "Clear all filters" }</button>
            </div>
        </aside>
    }
}
