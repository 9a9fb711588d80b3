//! The engine's and the state's tests.

use super::index::*;
use super::rows::*;
use super::state::*;
use super::*;
use crate::bits::{Bits, Events};
use crate::corpus::{Article, Recycled};
use crate::date::{Date, DateSpan};
use crate::entity::{Entity, EntityKind};
use crate::event::{EventKind, Source};
use crate::search::TextIndex;

#[test]
fn folding_matches_across_diacritics_and_case() {
    assert_eq!(fold("Türkiye ERDOĞAN Naxçıvan Şuşa"), "turkiye erdogan naxcivan susa");
    assert_eq!(fold("Москва"), "москва");
}

#[test]
fn states_differing_only_in_their_text_are_told_apart_from_any_other_change() {
    let (typed, problems) = State::from_fragment("#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann");
    assert!(problems.is_empty(), "{problems:?}");
    let (more, _) = State::from_fragment("#q=turkiye&e=place:baku&k=meeting&from=2023-01-01&by=Ann");
    assert!(typed.differs_only_in_text(&more) && more.differs_only_in_text(&typed));
    assert!(!typed.differs_only_in_text(&typed), "no change is not a change of text");
    let changes = [
        "#q=turk&e=place:baku&k=meeting&from=2023-01-01",
        "#q=turk&e=place:baku&from=2023-01-01&by=Ann",
        "#q=turk&k=meeting&from=2023-01-01&by=Ann",
        "#q=turk&e=place:baku,person:ann&k=meeting&from=2023-01-01&by=Ann",
        "#q=turk&e=place:baku&k=meeting,visit&from=2023-01-01&by=Ann",
        "#q=turk&e=place:baku&k=meeting&by=Ann",
        "#q=turk&e=place:baku&k=meeting&from=2023-01-01&to=2024-01-01&by=Ann",
        "#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann&hide=recycled",
        "#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann&order=oldest",
        "#view=articles&q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann",
        "#entity=place:baku&q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann",
        "#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann&ek=person",
        "#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann&strip=2023-01-01..2023-03-01",
    ];
    for fragment in changes {
        let (other, problems) = State::from_fragment(&fragment.replacen("q=turk", "q=turkiye", 1));
        assert!(problems.is_empty(), "{fragment}: {problems:?}");
        assert_ne!(other.filter.text, typed.filter.text);
        assert!(!typed.differs_only_in_text(&other), "{fragment} changes more than the text");
    }
}

#[test]
fn fragments_round_trip() {
    let state = State {
        view: View::Entity("person:jane-roe".into()),
        filter: Filter {
            text: "joint drills & more".into(),
            entities: vec!["place:baku".into(), "place:turkiye".into()],
            kinds: vec![EventKind::Meeting, EventKind::Exercise],
            entity_kind: Some(EntityKind::Person),
            from: Date::new(2021, 1, 1),
            to: Date::new(2022, 12, 31),
            hide_recycled: true,
            by: Some("Ann Lee".into()),
            publications: Publications::Hidden,
        },
        oldest_first: true,
        axis: Some((Date::new(2020, 9, 1).unwrap(), Date::new(2022, 12, 5).unwrap())),
    };
    let fragment = state.to_fragment();
    assert_eq!(State::from_fragment(&fragment), (state, vec![]));
    for publications in [Publications::Distinct, Publications::Hidden, Publications::All] {
        let state = State { filter: Filter { publications, ..Filter::default() }, ..State::default() };
        assert_eq!(State::from_fragment(&state.to_fragment()), (state, vec![]));
    }
    assert_eq!(State::from_fragment(""), (State::default(), vec![]));
    assert_eq!(State::default().to_fragment(), "#");
}

#[test]
fn garbled_fragments_keep_what_they_can_and_say_what_they_could_not() {
    let (state, problems) = State::from_fragment("#q=drills&k=meeting,party&from=2021-13-01&zz=1&e=%E0%A4&view=nope");
    assert_eq!(state.filter.text, "drills");
    assert_eq!(state.filter.kinds, [EventKind::Meeting]);
    assert_eq!(state.filter.from, None);
    assert_eq!(problems.len(), 5, "{problems:?}");
    let (state, problems) = State::from_fragment("#from=2022-01-01&to=2021-01-01");
    assert_eq!((state.filter.from, state.filter.to, problems.len()), (None, None, 1));
    let (state, problems) = State::from_fragment(&format!("#q={}", "a".repeat(100_000)));
    assert_eq!((state, problems.len()), (State::default(), 1));
    let (state, _) = State::from_fragment("#q=%2541");
    assert_eq!(state.filter.text, "%41", "decoded once, not twice");
}

#[test]
fn the_strips_span_reads_from_a_link_and_a_broken_one_is_reported_and_left_out() {
    let (state, problems) = State::from_fragment("#strip=2020-09-01..2022-12-05&q=drills");
    assert_eq!(state.axis, Some((Date::new(2020, 9, 1).unwrap(), Date::new(2022, 12, 5).unwrap())));
    assert!(problems.is_empty());
    assert_eq!(state.to_fragment(), "#q=drills&strip=2020-09-01..2022-12-05");
    let broken = [
        "2022-12-05..2020-09-01", "2020-09-01", "2020-09-01..", "..2020-09-01", "2020-02-30..2020-03-01",
        "2020-09-01..2022-12-05..2023-01-01", "%E0..%A4", "1921-01-01..99999-01-01", "<script>..</script>", "",
    ];
    for value in broken {
        let (state, problems) = State::from_fragment(&format!("#strip={value}&q=drills"));
        assert_eq!((state.axis, state.filter.text.as_str()), (None, "drills"), "{value}");
        assert_eq!(problems.len(), 1, "{value}: {problems:?}");
    }
    // Choosing dates leaves the zoom behind: the strip shows the dates chosen.
    let (mut state, _) = State::from_fragment("#strip=2020-09-01..2022-12-05");
    state.choose_dates(Date::new(2021, 1, 1), None);
    assert_eq!(state.to_fragment(), "#from=2021-01-01");
}

#[test]
fn an_article_link_carries_the_event_to_open_it_at() {
    let state = State {
        view: View::Article("baku-talks".into(), Some("event:2021-03-01-ministers-met".into())),
        filter: Filter { text: "türkiye".into(), ..Filter::default() },
        oldest_first: false,
        axis: None,
    };
    let fragment = state.to_fragment();
    assert_eq!(fragment, "#article=baku-talks&at=event:2021-03-01-ministers-met&q=t%C3%BCrkiye");
    assert_eq!(State::from_fragment(&fragment), (state.clone(), vec![]));
    assert_eq!(
        State::from_fragment("#at=event:2021-03-01-ministers-met&article=baku-talks&q=t%C3%BCrkiye").0,
        state,
        "keys in any order"
    );
    assert_eq!(State::from_fragment("#article=baku-talks").0.view, View::Article("baku-talks".into(), None));
}

#[test]
fn a_garbled_or_stray_target_is_dropped_and_reported() {
    for link in [
        "#article=a&at=%3Cscript%3E", "#article=a&at=event:", "#article=a&at=event:two%20words", "#article=a&at=",
        "#article=a&at=%E0%A4",
    ] {
        let (state, problems) = State::from_fragment(link);
        assert_eq!(state.view, View::Article("a".into(), None), "{link}");
        assert_eq!(problems.len(), 1, "{link}: {problems:?}");
    }
    let (state, problems) = State::from_fragment("#q=met&at=event:2021-03-01-met");
    assert_eq!((state.view, state.filter.text.as_str(), problems.len()), (View::Timeline, "met", 1));
    assert!(problems[0].0.contains("at"), "{problems:?}");
}

#[test]
fn a_target_finds_the_events_sentence_in_its_paragraph() {
    let mut c = corpus();
    c.articles[0].paragraphs[0] = "Talks ended. Ministers met in Türkiye. Then lunch.".into();
    c.events[0].id = "event:2021-01-01-ministers-met".into();
    c.events[0].sources[0].sentence = "Ministers met in Türkiye.".into();
    let (p, s, e) = target(&c, "a", "event:2021-01-01-ministers-met").unwrap();
    assert_eq!((p, &c.articles[0].paragraphs[0][s..e]), (0, "Ministers met in Türkiye."));
    // A sentence the paragraph does not hold word for word: the whole paragraph.
    c.events[0].sources[0].sentence = "Ministers met.".into();
    assert_eq!(target(&c, "a", "event:2021-01-01-ministers-met"), Some((0, 0, c.articles[0].paragraphs[0].len())));
    assert_eq!(target(&c, "b", "event:2021-01-01-ministers-met"), None, "no such article");
    assert_eq!(target(&c, "a", "event:1999-01-01-nothing"), None, "no such event");
    // The app drops a target the article does not tell, and says so.
    let idx = Index::new(&c);
    let (mut state, _) = State::from_fragment("#article=a&at=event:1999-01-01-nothing");
    let problems = idx.drop_unknown(&c, &mut state);
    assert_eq!((state.view, problems.len()), (View::Article("a".into(), None), 1));
    let (mut state, _) = State::from_fragment("#article=a&at=event:2021-01-01-ministers-met");
    assert!(idx.drop_unknown(&c, &mut state).is_empty());
    assert_eq!(state.view, View::Article("a".into(), Some("event:2021-01-01-ministers-met".into())));
}

#[test]
fn source_links_open_events_at_their_sentence_and_publications_at_the_top() {
    let c = corpus();
    assert_eq!(View::source(&c.events[0], "a"), View::Article("a".into(), Some("e1".into())));
    let publication = Event { kind: EventKind::Publication, ..c.events[0].clone() };
    assert_eq!(View::source(&publication, "a"), View::Article("a".into(), None));
}

#[test]
fn a_state_whose_link_would_grow_past_the_limit_is_refused() {
    // Found by the fragment fuzz target: 2,000 "+" read as spaces, written back as "%20".
    let (state, problems) = State::from_fragment(&format!("#q={}", "+".repeat(2000)));
    assert_eq!((state, problems.len()), (State::default(), 1));
    assert!(problems[0].0.contains("too long"), "{problems:?}");
    let (state, problems) = State::from_fragment(&format!("#q={}", "é".repeat(1000)));
    assert_eq!((state, problems.len()), (State::default(), 1), "raw é is written back as %C3%A9");
    let (state, problems) = State::from_fragment(&format!("#q={}", "+".repeat(1000)));
    assert_eq!((state.filter.text.len(), problems), (1000, vec![]), "short enough once written back");
}

fn corpus() -> Corpus {
    let day = |m, d| DateSpan::stated_day(Date::new(2021, m, d).unwrap(), "");
    let entity = |id: &str, kind| Entity {
        id: id.into(),
        name: id.into(),
        kind,
        aliases: vec![],
        roles: vec![],
        mentions: vec![],
        related: vec![],
        series: None,
        point: None,
    };
    let event = |id: &str, m, summary: &str, kind, entities: Vec<u32>, paragraph| Event {
        id: id.into(),
        when: day(m, 1),
        summary: summary.to_owned().into(),
        kind,
        entities,
        sources: vec![Source { article: 0, paragraph, sentence: summary.to_owned().into(), place: None }],
    };
    Corpus {
        articles: vec![Article {
            id: "a".into(),
            file: "a.txt".into(),
            title: "A".into(),
            title_stated: true,
            authors: vec![],
            outlets: vec![],
            credited: vec![],
            published: None,
            paragraphs: vec!["Ministers met in Türkiye.".into(), "Old background drills.".into()],
            removed: vec![],
            recycled: vec![Recycled {
                paragraph: 1,
                text: "Old background drills.".into(),
                first_seen: "a".into(),
                articles: 2,
            }],
        }],
        entities: vec![entity("place:turkiye", EntityKind::Place), entity("person:x", EntityKind::Person)],
        events: vec![
            event("e1", 1, "Ministers met in Türkiye.", EventKind::Meeting, vec![0, 1], 0),
            event("e2", 2, "Old background drills.", EventKind::Exercise, vec![0], 1),
            event("e3", 3, "A quiet month.", EventKind::Other, vec![], 0),
        ],
    }
}

/// `corpus()` with one article's publication whose title is, or is not, what an
/// event of the article says.
fn with_publication(title: &str) -> Corpus {
    let mut c = corpus();
    let mut publication = c.events[2].clone();
    publication.id = "publication:a".into();
    publication.kind = EventKind::Publication;
    publication.summary = title.to_owned().into();
    publication.entities = vec![];
    c.events.push(publication);
    c
}

#[test]
fn repeated_publications_are_what_comparing_each_title_with_its_articles_events_gives() {
    let base = corpus();
    let summaries = [
        "Ministers met in Türkiye.",
        "Ministers met in Türkiye.",
        "Talks on drills ended early, the envoy said, and the ministers flew home.",
        "A quiet month.",
        "Ministers met",
        "Drills ended early",
    ];
    let titles = [
        "Talks on drills ended early", "Ministers met in Turkiye", "Defence chiefs met", "A quiet month",
        "ministers met in türkiye …", "drills",
    ];
    let mut c = Corpus { articles: vec![], entities: vec![], events: vec![] };
    let event = |summary: &str, kind, articles: &[usize]| Event {
        id: format!("e{}", c.events.len()),
        summary: summary.to_owned().into(),
        kind,
        entities: vec![],
        sources: articles
            .iter()
            .map(|&a| Source { article: a as u32, paragraph: 0, sentence: summary.to_owned().into(), place: None })
            .collect(),
        ..base.events[0].clone()
    };
    let mut events = Vec::new();
    for (a, (title, summary)) in titles.iter().zip(summaries).enumerate() {
        c.articles.push(Article { id: format!("a{a}").into(), ..base.articles[0].clone() });
        events.push(event(title, EventKind::Publication, &[a]));
        events.push(event(summary, EventKind::Meeting, &[a]));
    }
    // One event every article tells (a recycled passage), met by each article in turn.
    events.push(event("Talks on drills ended early.", EventKind::Other, &(0..titles.len()).collect::<Vec<_>>()));
    c.events = events;
    let words = |t: &str| -> Vec<String> {
        let folded = fold(t.trim_end_matches(" …"));
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
    };
    let expected: Vec<usize> = (0..c.events.len())
        .filter(|&p| c.events[p].kind == EventKind::Publication)
        .filter(|&p| {
            let (a, title) = (c.events[p].sources[0].article, words(&c.events[p].summary));
            c.events
                .iter()
                .filter(|e| e.kind != EventKind::Publication && e.sources.iter().any(|s| s.article == a))
                .any(|e| {
                    let summary = words(&e.summary);
                    let (short, long) =
                        if title.len() <= summary.len() { (&title, &summary) } else { (&summary, &title) };
                    short.len() >= 3 && short.len() * 2 >= long.len() && short.iter().all(|w| long.contains(w))
                })
        })
        .collect();
    assert_eq!(expected, [0, 2, 6], "the comparison, for these titles");
    assert_eq!(repeated_publications(&c).ones().collect::<Vec<_>>(), expected);
}

#[test]
fn a_publication_repeating_an_event_of_its_article_is_hidden_by_default() {
    let repeat = |title: &str| repeated_publications(&with_publication(title)).get(3);
    // The lead's first sentence as the title, whole or cut, or word for word an event.
    assert!(repeat("Ministers met in Türkiye"));
    assert!(repeat("ministers met in turkiye …"));
    // A headline of its own, or too few words to say.
    assert!(!repeat("Defence chiefs meet in Türkiye to talk drills"));
    assert!(!repeat("Ministers"));
    assert!(!repeat("Ministers met in Türkiye, and then they flew home to sign a pact with the envoys"));
    for (title, publications, rows) in [
        ("Ministers met in Türkiye", Publications::Distinct, vec![0, 1, 2]),
        ("Ministers met in Türkiye", Publications::All, vec![0, 1, 2, 3]),
        ("Ministers met in Türkiye", Publications::Hidden, vec![0, 1, 2]),
        ("A headline", Publications::Distinct, vec![0, 1, 2, 3]),
        ("A headline", Publications::Hidden, vec![0, 1, 2]),
    ] {
        let c = with_publication(title);
        let idx = Index::new(&c);
        let f = Filter { publications, ..Filter::default() };
        assert_eq!(idx.timeline(&c, &f, true).iter().collect::<Vec<_>>(), rows, "{title:?} {publications:?}");
        let facets = idx.facets(&c, &f);
        assert_eq!(facets.told, 3, "hiding publications leaves the three events");
        assert_eq!(facets.repeats, u32::from(title != "A headline"));
    }
}

#[test]
fn filters_combine_with_and() {
    let c = corpus();
    let idx = Index::new(&c);
    let run = |f: Filter| idx.timeline(&c, &f, true).iter().collect::<Vec<usize>>();
    assert_eq!(run(Filter::default()), [0, 1, 2]);
    assert_eq!(idx.timeline(&c, &Filter::default(), false).iter().collect::<Vec<_>>(), [2, 1, 0], "newest first");
    assert_eq!(run(Filter { text: "turkiye".into(), ..Filter::default() }), [0]);
    let articles = idx.articles(&c, c.articles.iter().collect(), "TÜRKIYE");
    assert_eq!(articles.len(), 1);
    assert!(idx.articles(&c, c.articles.iter().collect(), "absent").is_empty());
    assert_eq!(run(Filter { entities: vec!["place:turkiye".into()], ..Filter::default() }), [0, 1]);
    assert_eq!(run(Filter { entities: vec!["place:turkiye".into(), "person:x".into()], ..Filter::default() }), [0]);
    assert_eq!(run(Filter { entities: vec!["place:nowhere".into()], ..Filter::default() }), Vec::<usize>::new());
    assert_eq!(run(Filter { kinds: vec![EventKind::Exercise], ..Filter::default() }), [1]);
    assert_eq!(run(Filter { entity_kind: Some(EntityKind::Person), ..Filter::default() }), [0]);
    assert_eq!(run(Filter { hide_recycled: true, ..Filter::default() }), [0, 2]);
    assert_eq!(run(Filter { from: Date::new(2021, 2, 1), to: Date::new(2021, 2, 28), ..Filter::default() }), [1]);
    assert_eq!(
        run(Filter { text: "drills".into(), kinds: vec![EventKind::Meeting], ..Filter::default() }),
        Vec::<usize>::new()
    );
}

#[test]
fn filters_naming_nothing_in_the_corpus_are_dropped_and_reported() {
    let c = corpus();
    let idx = Index::new(&c);
    let (mut state, _) = State::from_fragment("#e=place:turkiye,person:gone,__proto__&by=Nobody&q=met");
    let problems = idx.drop_unknown(&c, &mut state);
    assert_eq!(state.filter.entities, ["place:turkiye"]);
    assert_eq!(state.filter.by, None);
    assert_eq!(state.filter.text, "met", "the rest of the link stays");
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].0.contains("person:gone") && problems[2].0.contains("Nobody"));
    let (mut clean, _) = State::from_fragment("#e=person:x");
    assert!(idx.drop_unknown(&c, &mut clean).is_empty());
    assert_eq!(clean.filter.entities, ["person:x"]);
}

#[test]
fn facet_counts_say_what_each_choice_would_leave() {
    let c = corpus();
    let idx = Index::new(&c);
    let f = Filter { kinds: vec![EventKind::Meeting], text: "m".into(), ..Filter::default() };
    let facets = idx.facets(&c, &f);
    // The kind facet ignores the chosen kind, keeps the text filter ("m" is in e1, e3).
    assert_eq!(facets.kinds[kind_slot(EventKind::Meeting)], 1);
    assert_eq!(facets.kinds[kind_slot(EventKind::Other)], 1);
    assert_eq!(facets.kinds[kind_slot(EventKind::Exercise)], 0);
    assert_eq!(facets.entity_kinds[0], 1, "persons among meetings matching 'm'");
}

#[test]
fn the_recycled_count_says_what_hiding_recycled_background_would_leave() {
    let c = corpus();
    let idx = Index::new(&c);
    assert!((0..c.events.len()).any(|e| idx.is_recycled(e)), "the test corpus has recycled events");
    for text in ["", "m", "drills"] {
        for hide_recycled in [false, true] {
            let f = Filter { text: text.into(), hide_recycled, ..Filter::default() };
            let hidden = idx.timeline(&c, &Filter { hide_recycled: true, ..f.clone() }, false).len() as u32;
            let shown = idx.timeline(&c, &Filter { hide_recycled: false, ..f.clone() }, false).len() as u32;
            let fresh = idx.facets(&c, &f).fresh;
            assert_eq!(fresh, hidden, "{f:?}");
            if text.is_empty() {
                assert!(fresh < shown, "hiding leaves fewer events than showing");
            }
        }
    }
}

#[test]
fn an_empty_corpus_gives_empty_views() {
    let c = Corpus::default();
    let idx = Index::new(&c);
    let (state, _) = State::from_fragment("#entity=person:x&q=drills&from=2021-01-01");
    assert!(idx.timeline(&c, &state.filter, false).is_empty());
    assert_eq!(idx.facets(&c, &state.filter), Facets::default());
    assert!(idx.articles(&c, c.newest_first(), "drills").is_empty());
    assert!(credits(&c, &idx, &state.filter).is_empty());
    let rows = idx.timeline(&c, &state.filter, false);
    assert!(entity_options(&c, &idx.entity_counts(&c, &rows), &state.filter, 5).is_empty());
    assert_eq!(density(&c, &rows, 10), None);
    assert_eq!(crate::decode(&crate::encode(&c)), Ok(c));
}

#[test]
fn day_numbers_round_trip_across_leap_years() {
    for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2021, 12, 31), (1921, 3, 1), (2024, 2, 29)] {
        let date = Date::new(y, m, d).unwrap();
        assert_eq!(from_day_number(day_number(date)), Some(date));
    }
    assert_eq!(day_number(Date::new(1970, 1, 2).unwrap()), 1);
    assert_eq!(day_number(Date::new(2021, 3, 1).unwrap()) - day_number(Date::new(2021, 2, 28).unwrap()), 1);
}

/// The rows of the events numbered in `events`, oldest first.
fn rows_of(c: &Corpus, events: &[usize]) -> Rows {
    let mut set = Bits::empty(c.events.len());
    for &e in events {
        set.set(e);
    }
    Rows::new(set, true)
}

#[test]
fn density_counts_rows_into_buckets() {
    let c = corpus();
    let (first, last, counts) = density(&c, &rows_of(&c, &[0, 1, 2]), 3).unwrap();
    assert_eq!((first.iso(), last.iso()), ("2021-01-01".into(), "2021-03-01".into()));
    assert_eq!(counts, [1, 1, 1]);
    assert_eq!(density(&c, &rows_of(&c, &[2]), 3).unwrap().2, [0, 0, 1]);
    assert_eq!(density(&c, &rows_of(&c, &[0, 2]), 2).unwrap().2, [1, 1]);
    // Never more buckets than days: 2021-01-01 to 2021-03-01 is 60 days.
    assert_eq!(density(&c, &rows_of(&c, &[0, 1, 2]), 100).unwrap().2.len(), 60);
}

#[test]
fn a_chosen_date_range_is_the_strips_span() {
    let c = corpus();
    let (from, to) = (Date::new(2021, 1, 20), Date::new(2021, 2, 9));
    let (first, last, counts) = density_between(&c, &rows_of(&c, &[0, 1, 2]), from, to, 60).unwrap();
    assert_eq!((Some(first), Some(last)), (from, to));
    assert_eq!(counts.len(), 21, "one bar a day over three weeks");
    assert_eq!(counts.iter().sum::<u32>(), 3, "events outside count at the edges");
    assert_eq!(counts[12], 1, "February 1st is day 12 of the span");
    let (first, last, _) = density_between(&c, &rows_of(&c, &[0]), None, Date::new(2021, 2, 1), 10).unwrap();
    assert_eq!((first.iso(), last.iso()), ("2021-01-01".into(), "2021-02-01".into()));
}

#[test]
fn bars_share_the_days_out_without_gaps_or_overlaps() {
    for (first, last) in [((1990, 1, 1), (1990, 1, 1)), ((1990, 1, 1), (1990, 1, 31)), ((1921, 3, 5), (2024, 2, 29))] {
        let (first, last) = (Date::new(first.0, first.1, first.2).unwrap(), Date::new(last.0, last.1, last.2).unwrap());
        for buckets in [1, 7, 60, 500] {
            let n = buckets.min((day_number(last) - day_number(first) + 1) as usize);
            let bars: Vec<(Date, Date)> = (0..n).map(|k| bar_days(first, last, buckets, k)).collect();
            assert_eq!(bars[0].0, first);
            assert_eq!(bars[n - 1].1, last);
            for k in 0..n {
                assert!(bars[k].0 <= bars[k].1, "{first} to {last}, {buckets} buckets: bar {k} holds a day");
                if k > 0 {
                    assert_eq!(day_number(bars[k].0), day_number(bars[k - 1].1) + 1, "bar {k} follows bar {}", k - 1);
                }
            }
        }
    }
    // And each bar's days are the ones the strip counts in it.
    let template = corpus().events[0].clone();
    let (first, last) = (Date::new(2000, 1, 1).unwrap(), Date::new(2003, 7, 14).unwrap());
    let events: Vec<Event> = (day_number(first)..=day_number(last))
        .step_by(5)
        .map(|d| Event { when: DateSpan::stated_day(from_day_number(d).unwrap(), ""), ..template.clone() })
        .collect();
    let c = Corpus { events, ..Corpus::default() };
    let all: Vec<usize> = (0..c.events.len()).collect();
    let (_, _, counts) = density_between(&c, &rows_of(&c, &all), Some(first), Some(last), 60).unwrap();
    for (k, &count) in counts.iter().enumerate() {
        let (lo, hi) = bar_days(first, last, 60, k);
        let inside = c.events.iter().filter(|e| lo <= e.when.start && e.when.start <= hi).count();
        assert_eq!(count as usize, inside, "bar {k}: {lo} to {hi}");
    }
}

#[test]
fn a_click_zooms_to_a_stretch_around_the_nearest_bar_with_events() {
    let (first, last) = (Date::new(1980, 1, 1).unwrap(), Date::new(2019, 12, 31).unwrap());
    let mut counts = vec![0u32; 60];
    counts[20] = 4;
    counts[50] = 1;
    let (from, to) = zoom_around(first, last, &counts, 22).unwrap();
    assert_eq!(from, bar_days(first, last, 60, 15).0);
    assert_eq!(to, bar_days(first, last, 60, 25).1, "eleven bars around bar 20");
    // Kept inside the strip at its edges; the nearest bar with events is taken.
    let mut edge = counts.clone();
    edge[58] = 1;
    assert_eq!(zoom_around(first, last, &edge, 59), Some((bar_days(first, last, 60, 49).0, last)));
    counts[20] = 0;
    let (from, _) = zoom_around(first, last, &counts, 0).unwrap();
    assert_eq!(from, bar_days(first, last, 60, 45).0, "bar 50 is the only one left");
    assert_eq!(zoom_around(first, last, &[0, 0, 0], 1), None);
    // A strip of a few days zooms to the day clicked.
    let day = Date::new(1990, 8, 2).unwrap();
    assert_eq!(zoom_around(day, day, &[3], 0), Some((day, day)));
}

proptest::proptest! {
    #[test]
    fn density_by_runs_of_events_counts_as_a_pass_over_the_rows(
        mut days in proptest::collection::vec(0i64..3000, 1..300),
        pick in proptest::collection::vec(proptest::bool::ANY, 300),
        buckets in 1usize..90,
    ) {
        days.sort_unstable();
        let template = corpus().events[0].clone();
        let when = |d| DateSpan::stated_day(from_day_number(18_000 + d).unwrap(), "");
        let events = days.iter().map(|&d| Event { when: when(d), ..template.clone() }).collect();
        let c = Corpus { events, ..Corpus::default() };
        let chosen: Vec<usize> = (0..c.events.len()).filter(|&i| pick[i]).collect();
        let (first, last, counts) = density(&c, &rows_of(&c, &chosen), buckets).unwrap();
        // The same buckets, filled one row at a time.
        let n = counts.len();
        proptest::prop_assert_eq!(n, buckets.min((day_number(last) - day_number(first) + 1) as usize));
        let mut expected = vec![0u32; n];
        for &i in &chosen {
            let d = c.events[i].when.start;
            let slot = (0..n).find(|&k| bar_days(first, last, n, k).1 >= d).unwrap();
            expected[slot] += 1;
        }
        proptest::prop_assert_eq!(counts, expected);
    }
}

#[test]
fn rows_count_the_events_before_any_event() {
    let mut set = Bits::empty(200);
    for e in [0, 5, 63, 64, 130, 199] {
        set.set(e);
    }
    let rows = Rows::new(set, false);
    let before: Vec<usize> =
        [0, 1, 6, 63, 64, 65, 130, 131, 199, 200, 500].iter().map(|&e| rows.count_before(e)).collect();
    assert_eq!(before, [0, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6]);
}

#[test]
fn entity_options_count_what_adding_them_would_leave() {
    let c = corpus();
    let idx = Index::new(&c);
    let rows = idx.timeline(&c, &Filter::default(), true);
    assert_eq!(entity_options(&c, &idx.entity_counts(&c, &rows), &Filter::default(), 5), [(0, 2), (1, 1)]);
    let chosen = Filter { entities: vec!["place:turkiye".into()], ..Filter::default() };
    let rows = idx.timeline(&c, &chosen, true);
    assert_eq!(
        entity_options(&c, &idx.entity_counts(&c, &rows), &chosen, 5),
        [(1, 1)],
        "a chosen entity is not offered again"
    );
    let some = Filter { text: "drills".into(), ..Filter::default() };
    let rows = idx.timeline(&c, &some, true);
    assert_eq!(idx.entity_counts(&c, &rows), [1, 0], "counted over the rows shown");
}

#[test]
fn credits_count_what_choosing_them_would_leave() {
    let mut c = corpus();
    c.articles[0].authors = vec!["Ann Lee".into()];
    let idx = Index::new(&c);
    assert_eq!(credits(&c, &idx, &Filter::default()), [("Ann Lee".to_owned(), 3)]);
    let none = Filter { by: Some("Nobody".into()), ..Filter::default() };
    assert!(idx.timeline(&c, &none, true).is_empty());
}

#[test]
fn an_index_built_a_slice_at_a_time_is_the_index_built_at_once() {
    let mut c = corpus();
    let mut second = c.articles[0].clone();
    second.id = "b".into();
    c.articles[0].authors = vec!["Bo Ek".into(), "Ann Lee".into()];
    c.articles[0].outlets = vec!["Wire".into()];
    // A name credited twice in one article, and one both author and outlet.
    second.authors = vec!["Ann Lee".into(), "Cy Ng".into(), "Cy Ng".into()];
    second.outlets = vec!["Wire".into(), "Bo Ek".into()];
    c.articles.push(second);
    c.events[1].sources.push(Source {
        article: 1,
        paragraph: 1,
        sentence: "Old background drills.".into(),
        place: None,
    });
    c.events[2].sources[0].article = 1;
    let at_once = Index::new(&c);
    assert_eq!(at_once.credit_names, ["Bo Ek", "Ann Lee", "Wire", "Cy Ng"], "in order of first appearance");
    assert_eq!(at_once.credit_events, [vec![0, 1, 2], vec![0, 1, 2], vec![0, 1, 2], vec![1, 2]]);
    for slice in [1, 2] {
        let mut b = IndexBuilder::new(&c, TextIndex::for_corpus(&c), recycled_events(&c), repeated_publications(&c));
        let mut steps = 1;
        while !b.step(&c, slice) {
            steps += 1;
        }
        assert_eq!(steps, c.events.len().div_ceil(slice));
        assert_eq!(format!("{:?}", b.finish(&c)), format!("{at_once:?}"));
    }
}

#[test]
fn highlights_find_folded_words_in_original_text() {
    let text = "Ministers met in Türkiye and TURKIYE.";
    let h = highlights(text, "turkiye");
    let words: Vec<&str> = h.iter().map(|&(s, e)| &text[s..e]).collect();
    assert_eq!(words, ["Türkiye", "TURKIYE"]);
    assert!(highlights(text, "  ").is_empty());
    // As the search matches: word beginnings only.
    let h = highlights("Turkish troops in Türkiye; the Ankara-Turk line", "turk");
    assert_eq!(h.len(), 3, "{h:?}");
    assert!(highlights("Anturkish", "turk").is_empty());
}

#[test]
fn search_is_by_word_beginnings_and_every_query_word_must_match() {
    let c = corpus();
    let idx = Index::new(&c);
    let run = |text: &str| {
        idx.timeline(&c, &Filter { text: text.into(), ..Filter::default() }, true).iter().collect::<Vec<usize>>()
    };
    assert_eq!(run("türk"), [0]);
    assert_eq!(run("MET türkiye"), [0]);
    assert_eq!(run("met drills"), Vec::<usize>::new());
    assert_eq!(run("rkiye"), Vec::<usize>::new(), "not from inside a word");
    assert_eq!(run("back"), [1]);
    // Typing on reuses the sets of earlier words and stays right.
    assert_eq!(run("q"), [2]);
    assert_eq!(run("qu"), [2]);
    assert_eq!(run("quiet mo"), [2]);
    assert_eq!(run("quiet mx"), Vec::<usize>::new());
}

#[test]
fn words_decoded_in_slices_find_what_the_postings_find() {
    let c = corpus();
    let idx = Index::new(&c);
    let queries = ["türk", "MET türkiye", "met drills", "rkiye", "back", "q", "quiet mo", "a", "t", ""];
    let run = |idx: &Index| -> Vec<Vec<usize>> {
        queries
            .iter()
            .map(|q| {
                idx.forget_words();
                idx.timeline(&c, &Filter { text: (*q).into(), ..Filter::default() }, true).iter().collect()
            })
            .collect()
    };
    let from_postings = run(&idx);
    assert!(from_postings.iter().any(|r| r.len() > 1), "some query matches several events: {from_postings:?}");
    assert_eq!(idx.word_events_bytes(), 0);
    let mut slices = 1;
    while !idx.prepare_words(|| true) {
        slices += 1;
    }
    assert!(idx.word_events_bytes() > 0);
    assert!(idx.prepare_words(|| unreachable!("nothing is left to decode")));
    assert_eq!(run(&idx), from_postings, "after {slices} slices");
}

#[test]
fn searches_of_a_larger_corpus_find_what_reading_every_event_finds() {
    // 60 articles, each with its publication and 6 more events, their words drawn
    // so that some are in most events (kept as bits), some in few (lists, with
    // publications among them) and many begin alike (runs gathered once).
    let vocabulary = [
        "sta", "stab", "stable", "stadium", "staff", "stage", "state", "statement", "states", "station", "statue",
        "stop", "store", "zeta", "zebra", "alpha", "alps", "türkiye", "turkish", "quiet",
    ];
    let mut seed = 17u64;
    let mut pick = || {
        let mut k = vocabulary.len();
        for _ in 0..3 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            k = k.min((seed >> 33) as usize % vocabulary.len());
        }
        vocabulary[k]
    };
    let mut text = |words: usize| (0..words).map(|_| pick()).collect::<Vec<_>>().join(" ");
    let template = corpus();
    let mut c = Corpus { entities: template.entities.clone(), ..Corpus::default() };
    for a in 0..60u32 {
        let (title, body) = (text(2), text(5));
        c.articles.push(Article {
            id: format!("a{a}").into(),
            title: title.into(),
            paragraphs: vec![body.into()],
            recycled: vec![],
            ..template.articles[0].clone()
        });
        let publication = Event {
            kind: EventKind::Publication,
            sources: vec![Source { article: a, paragraph: 0, sentence: "".into(), place: None }],
            ..template.events[0].clone()
        };
        c.events.push(publication);
        for k in 0..6 {
            let (summary, sentence) = (text(3), text(2));
            let kind = if k % 2 == 0 { EventKind::Meeting } else { EventKind::Other };
            let source = Source { article: a, paragraph: 0, sentence: sentence.into(), place: None };
            c.events.push(Event { summary: summary.into(), kind, sources: vec![source], ..template.events[0].clone() });
        }
    }
    // What reading each event's own text finds (a publication's is its article's).
    let event_words: Vec<Vec<String>> = c
        .events
        .iter()
        .map(|e| {
            let a = &c.articles[e.sources[0].article as usize];
            let own = if e.kind == EventKind::Publication {
                format!("{} {}", a.title, a.paragraphs[0])
            } else {
                format!("{} {}", e.summary, e.sources[0].sentence)
            };
            crate::search::words(&own).collect()
        })
        .collect();
    let mut queries: Vec<String> = vec!["absent".into(), "sta zeb".into(), "turk alp".into(), "STATE stat".into()];
    for w in vocabulary {
        queries.extend(w.char_indices().map(|(i, ch)| w[..i + ch.len_utf8()].to_owned()));
    }
    let expected = |q: &str, kinds: &[EventKind]| -> Vec<usize> {
        let query: Vec<String> = crate::search::words(q).collect();
        (0..c.events.len())
            .filter(|&i| kinds.is_empty() || kinds.contains(&c.events[i].kind))
            .filter(|&i| query.iter().all(|w| event_words[i].iter().any(|t| t.starts_with(w.as_str()))))
            .collect()
    };
    let idx = Index::new(&c);
    let mut listed = 0;
    let mut check = |idx: &Index, when: &str| {
        for q in &queries {
            for kinds in [vec![], vec![EventKind::Meeting]] {
                idx.forget_words();
                let f = Filter { text: q.clone(), kinds: kinds.clone(), ..Filter::default() };
                let rows = idx.timeline(&c, &f, true);
                assert_eq!(rows.iter().collect::<Vec<_>>(), expected(q, &kinds), "{when}: {q:?}, kinds {kinds:?}");
                assert_eq!(idx.evaluate(&c, &f, true).rows, rows, "{when}: {q:?}");
                listed += usize::from(matches!(rows.set, Events::Few(_)));
            }
        }
    };
    check(&idx, "from the postings");
    while !idx.prepare_words(|| true) {}
    check(&idx, "decoded");
    assert!(listed > 0, "some queries gave lists");
    assert!(expected("sta", &[]).len() > c.events.len() / 2, "some prefixes are common");
}

#[test]
fn rows_give_each_position_as_listing_them_would() {
    // Sets with empty blocks, full blocks, a last partial block, and none at all;
    // the longer ones span several blocks of counts.
    let mut seed = 7u64;
    for len in [0usize, 1, 63, 64, 65, 200, 511, 512, 513, 1000, 5000] {
        for density in [0u64, 1, 8, 63, 64] {
            let mut set = Bits::empty(len);
            let mut listed = Vec::new();
            for i in 0..len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                if (seed >> 58) < density {
                    set.set(i);
                    listed.push(i);
                }
            }
            let as_list = || Events::Few(listed.iter().map(|&e| e as u32).collect());
            for (oldest_first, rows) in
                [true, false].into_iter().flat_map(|o| [(o, Rows::new(set.clone(), o)), (o, Rows::new(as_list(), o))])
            {
                assert_eq!(rows, Rows::new(set.clone(), oldest_first), "a list's rows equal the bits' rows");
                let expected: Vec<usize> =
                    if oldest_first { listed.clone() } else { listed.iter().rev().copied().collect() };
                assert_eq!(rows.len(), expected.len());
                assert_eq!(rows.iter().collect::<Vec<_>>(), expected);
                let by_position: Vec<usize> = (0..rows.len()).map(|i| rows.get(i).unwrap()).collect();
                assert_eq!(by_position, expected, "len {len}, density {density}, oldest first {oldest_first}");
                assert_eq!(rows.get(rows.len()), None);
                assert!(expected.iter().all(|&e| rows.contains(e)));
                assert_eq!(
                    (0..len + 2).filter(|&e| rows.contains(e)).count(),
                    listed.len(),
                    "len {len}: only its events"
                );
                for e in 0..len + 2 {
                    assert_eq!(rows.count_before(e), listed.partition_point(|&l| l < e), "len {len}, event {e}");
                }
            }
        }
    }
}

#[test]
fn one_evaluation_gives_rows_facets_and_credits_as_the_separate_calls_do() {
    let c = corpus();
    let idx = Index::new(&c);
    for f in [
        Filter::default(),
        Filter { text: "m".into(), kinds: vec![EventKind::Meeting], ..Filter::default() },
        Filter { entities: vec!["place:turkiye".into()], hide_recycled: true, ..Filter::default() },
    ] {
        let all = idx.evaluate(&c, &f, false);
        assert_eq!(all.rows, idx.timeline(&c, &f, false));
        assert_eq!(all.facets, idx.facets(&c, &f));
        assert_eq!(all.credits, credits(&c, &idx, &f));
    }
}

#[test]
fn entity_counts_over_most_events_equal_a_pass_over_the_rows() {
    let c = corpus();
    let idx = Index::new(&c);
    let pass = |rows: &Rows| {
        let mut per_entity = vec![0u32; c.entities.len()];
        for i in rows.iter() {
            for &x in &c.events[i].entities {
                per_entity[x as usize] += 1;
            }
        }
        per_entity
    };
    // Every set of events of the corpus: the counts taken from the entities' totals
    // (more than half the events shown) and those of a pass over the rows agree.
    let n = c.events.len();
    assert!((3..16).contains(&n), "the corpus is small enough to try every set");
    for mask in 0..1u32 << n {
        let mut set = Bits::empty(n);
        (0..n).filter(|i| mask & (1 << i) != 0).for_each(|i| set.set(i));
        let rows = Rows::new(set, false);
        assert_eq!(idx.entity_counts(&c, &rows), pass(&rows), "events {mask:b}");
    }
}

#[test]
fn the_most_named_are_the_highest_counts_ties_by_entity() {
    assert_eq!(most_named(&[0, 3, 5, 3, 1, 5], 3, &|_| false), [(2, 5), (5, 5), (1, 3)]);
    assert_eq!(most_named(&[0, 3, 5, 3, 1, 5], 3, &|x| x == 2), [(5, 5), (1, 3), (3, 3)]);
    assert_eq!(most_named(&[0, 3, 5], 0, &|_| false), []);
    assert_eq!(most_named(&[0, 0, 2], 5, &|_| false), [(2, 2)], "none with no events");
    // Against sorting them all, over counts with many ties.
    let mut seed = 7u64;
    for len in [1usize, 5, 40, 300] {
        let counts: Vec<u32> = (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                (seed >> 60) as u32
            })
            .collect();
        for most in [1, 3, 12] {
            let mut sorted: Vec<(u32, u32)> =
                counts.iter().enumerate().filter(|(x, n)| **n > 0 && x % 7 != 3).map(|(x, &n)| (x as u32, n)).collect();
            crate::order::sort_by_key(&mut sorted, |&(x, n)| (std::cmp::Reverse(n), x));
            sorted.truncate(most);
            assert_eq!(most_named(&counts, most, &|x| x % 7 == 3), sorted, "{counts:?}, {most}");
        }
    }
}

#[test]
fn an_entitys_events_are_those_naming_it_in_date_order() {
    let c = corpus();
    let idx = Index::new(&c);
    for x in 0..c.entities.len() as u32 {
        let listed: Vec<&str> = idx.entity_events(x).iter().map(|&i| c.events[i as usize].id.as_str()).collect();
        let named: Vec<&str> = events_of(&c, x).iter().map(|e| e.id.as_str()).collect();
        assert!(!named.is_empty());
        assert_eq!(listed, named, "{}", c.entities[x as usize].id);
    }
    assert!(idx.entity_events(c.entities.len() as u32).is_empty(), "no such entity");
}
