//! Property tests for the URL-state reader: any string reads without panicking, a
//! state read from a link is written back to a link that reads to the same state,
//! and whatever a link sets that is unknown is listed as a problem.

use model::query::{Filter, MAX_FRAGMENT, Publications, State, View, percent_decode, percent_encode};
use model::{Date, EntityKind, EventKind};
use proptest::prelude::*;

/// Pieces that make up links, broken or not: keys, values, separators, escapes.
const PIECES: [&str; 43] = [
    "#", "/", "?", "&", "=", "+", ",", "%", "%2", "%E0", "%A4", "%C3%A9", "%zz", "%00", "%%", "%+1", "view",
    "timeline", "articles", "entities", "entity", "article", "q", "e", "k", "ek", "from", "to", "hide", "recycled",
    "by", "order", "oldest", "meeting", "person", "place:", "2021-01-01", "2022-13-40", "-", "é", "strip", "..",
    "1921-01-01..2022-12-05",
];

fn link_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![prop::sample::select(&PIECES[..]).prop_map(str::to_owned), "\\PC{0,3}"], 0..60)
        .prop_map(|parts| parts.concat())
}

fn date() -> impl Strategy<Value = Date> {
    // Links write years as digits without a sign, so they carry years from 0 up.
    (0i16..=9999, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| {
        Date::new(y, m, d).unwrap_or_else(|| Date::new(y, m, 28).expect("every month has a 28th"))
    })
}

/// A free-text value: anything, separators and escapes included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,30}", prop::collection::vec(prop::sample::select(&PIECES[..]), 0..8).prop_map(|p| p.concat())]
}

/// An id as links carry it: never empty, never holding the list separator.
fn id() -> impl Strategy<Value = String> {
    text().prop_map(|t| t.replace(',', ";")).prop_filter("ids are not empty", |t| !t.is_empty())
}

fn state() -> impl Strategy<Value = State> {
    let view = prop_oneof![
        Just(View::Timeline),
        Just(View::Articles),
        Just(View::Entities),
        Just(View::Map),
        text().prop_map(View::Entity),
        (text(), prop::option::of("(event|publication):[a-z0-9:-]{1,40}")).prop_map(|(id, at)| View::Article(id, at)),
    ];
    let dates = (prop::option::of(date()), prop::option::of(date())).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
        other => other,
    });
    let filter =
        (
            text(),
            prop::collection::vec(id(), 0..4),
            prop::collection::vec(prop::sample::select(&EventKind::ALL[..]), 0..4),
            prop::option::of(prop::sample::select(&EntityKind::ALL[..])),
            dates,
            any::<bool>(),
            prop::option::of(id()),
            prop::sample::select(&[Publications::Distinct, Publications::Hidden, Publications::All][..]),
        )
            .prop_map(|(text, entities, kinds, entity_kind, (from, to), hide_recycled, by, publications)| {
                Filter { text, entities, kinds, entity_kind, from, to, hide_recycled, by, publications }
            });
    let axis = prop::option::of((date(), date()).prop_map(|(a, b)| (a.min(b), a.max(b))));
    (view, filter, any::<bool>(), axis).prop_map(|(view, filter, oldest_first, axis)| State {
        view,
        filter,
        oldest_first,
        axis,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn generated_states_round_trip(s in state()) {
        let fragment = s.to_fragment();
        prop_assert_eq!(State::from_fragment(&fragment), (s, vec![]), "via {:?}", fragment);
    }

    #[test]
    fn any_string_reads_and_what_it_reads_round_trips(link in prop_oneof![link_like(), any::<String>()]) {
        let (state, _) = State::from_fragment(&link);
        let fragment = state.to_fragment();
        prop_assert_eq!(State::from_fragment(&fragment), (state, vec![]), "{:?} via {:?}", link, fragment);
    }

    #[test]
    fn huge_links_are_refused_with_one_problem(piece in link_like().prop_filter("not empty", |p| !p.is_empty())) {
        let link = format!("#q={}", piece.repeat(MAX_FRAGMENT / piece.len() + 2));
        let (state, problems) = State::from_fragment(&link);
        prop_assert_eq!(state, State::default());
        prop_assert_eq!(problems.len(), 1);
    }

    #[test]
    fn unknown_keys_are_listed_and_the_rest_is_kept(key in "[a-z_]{1,12}", value in text(), q in id()) {
        let known =
            ["view", "entity", "article", "at", "q", "e", "k", "ek", "from", "to", "hide", "by", "order", "pubs", "strip"];
        prop_assume!(!known.contains(&key.as_str()));
        let link = format!("#{key}={}&q={}", percent_encode(&value), percent_encode(&q));
        let (state, problems) = State::from_fragment(&link);
        prop_assert_eq!(problems.len(), 1, "{:?}", problems);
        prop_assert!(problems[0].0.contains(key.as_str()), "{:?} does not name {}", problems, key);
        prop_assert_eq!(Some(state.filter.text), percent_decode(&percent_encode(&q)));
    }
}
