//! The format's tests: round trips, damage reported, sizes.

use super::*;

#[test]
fn the_radix_sort_orders_by_hash_and_keeps_ties_in_place() {
    let mut seed = 11u64;
    let mut items: Vec<(u64, usize, usize, usize)> = (0..2000)
        .map(|i| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            // Few distinct hashes, spread over every byte, so ties are many.
            let hash = (seed >> 61).wrapping_mul(0x0101_0101_0101_0101) ^ (seed >> 62);
            (hash, i % 7, i, 0)
        })
        .collect();
    let mut expected = items.clone();
    expected.sort_by_key(|x| x.0); // stable
    radix_sort_by_hash(&mut items);
    assert_eq!(items, expected);
}
use crate::corpus::{Article, Recycled};
use crate::date::{Basis, Date, DateSpan, Precision};
use crate::entity::{Alias, Entity, EntityKind, Mention, Point, PointOf, Related, Role};
use crate::event::{Event, EventKind, Source};

pub(super) fn sample() -> Corpus {
    Corpus {
        articles: vec![Article {
            id: "001".into(),
            file: "001.txt".into(),
            title: "Türkiye and Azerbaijan".into(),
            title_stated: false,
            authors: vec!["A. Writer".into()],
            outlets: vec!["Daily".into()],
            credited: vec!["“By Ann Lee, Daily”".into()],
            published: Some(DateSpan {
                start: Date::new(2021, 10, 1).unwrap(),
                end: Date::new(2021, 10, 31).unwrap(),
                precision: Precision::Month,
                basis: Basis::Inferred,
                evidence: "October 2021".into(),
            }),
            paragraphs: vec!["Ministers met on October 5, 2021.".into(), "Second.".into()],
            removed: vec!["Most Read".into()],
            recycled: vec![Recycled { paragraph: 1, text: "Second.".into(), first_seen: "000".into(), articles: 3 }],
        }],
        entities: vec![Entity {
            id: "place:turkiye".into(),
            name: "Türkiye".into(),
            kind: EntityKind::Place,
            aliases: vec![Alias { text: "Turkish".into(), count: 2, rule: "demonym".into() }],
            roles: vec![Role { text: "host".into(), article: 0 }],
            mentions: vec![Mention { article: 0, paragraph: 0, start: 0, end: 7 }],
            related: vec![Related { entity: 0, sentences: 1, articles: 1 }],
            series: None,
            point: Some(Point { lat: 39_000, lon: 35_000, of: PointOf::Country }),
        }],
        events: vec![Event {
            id: "event:2021-10-05-ministers-met".into(),
            when: DateSpan::stated_day(Date::new(2021, 10, 5).unwrap(), "October 5, 2021"),
            summary: "Ministers met".into(),
            kind: EventKind::Meeting,
            entities: vec![0],
            sources: vec![Source {
                article: 0,
                paragraph: 0,
                sentence: "Ministers met on October 5, 2021.".into(),
                place: None,
            }],
        }],
    }
}

#[test]
fn round_trips() {
    let corpus = sample();
    assert_eq!(decode(&encode(&corpus)), Ok(corpus.clone()));
    let (_, search) = decode_with_search(&encode(&corpus)).unwrap();
    assert_eq!(search, TextIndex::for_corpus(&corpus), "the index travels with the corpus");
}

#[test]
fn every_kind_of_point_and_none_round_trips() {
    let points = PointOf::ALL.iter().map(|&of| Some(Point { lat: -33_868, lon: 151_209, of })).chain([None]);
    for point in points {
        let mut corpus = sample();
        corpus.entities[0].point = point;
        let back = decode(&encode(&corpus)).unwrap();
        assert_eq!(back.entities[0].point, point);
        assert_eq!(back, corpus);
    }
}

#[test]
fn every_precision_and_basis_round_trips() {
    for &precision in &PRECISIONS {
        for basis in [Basis::Stated, Basis::Inferred] {
            let mut corpus = sample();
            for e in &mut corpus.events {
                e.when.precision = precision;
                e.when.basis = basis;
            }
            assert_eq!(decode(&encode(&corpus)), Ok(corpus.clone()), "{precision:?} {basis:?}");
        }
    }
    // Codes are positions in `PRECISIONS`: the first six keep the codes of format 7.
    assert_eq!(precision_code(Precision::Approximate), 5);
    assert_eq!(precision_code(Precision::Quarter), 6);
}

#[test]
fn bytes_that_live_forever_are_read_in_place() {
    for corpus in [sample(), odd()] {
        let bytes: &'static [u8] = Box::leak(encode(&corpus).into_boxed_slice());
        let (owned, owned_index, owned_recycled) = decode_all(bytes).unwrap();
        let (read, index, recycled) = decode_static(bytes).unwrap();
        assert_eq!(read, corpus);
        assert_eq!((&read, &index, &recycled), (&owned, &owned_index, &owned_recycled));
        let inside = |t: &Text| match t {
            Cow::Borrowed(s) => bytes.as_ptr_range().contains(&s.as_ptr()) || s.is_empty(),
            Cow::Owned(_) => false,
        };
        let a = &read.articles[0];
        assert!(inside(&a.title) && inside(&a.file) && inside(&a.id), "{a:?}");
        assert!(a.paragraphs.iter().all(|p| inside(p) || p.contains(['\u{0}', '\u{1}'])), "{:?}", a.paragraphs);
        assert!(a.recycled.iter().all(|r| inside(&r.text) && inside(&r.first_seen)), "{:?}", a.recycled);
        let slices = read
            .events
            .iter()
            .flat_map(|e| &e.sources)
            .filter(|s| a.paragraphs.iter().any(|p| p.contains(&*s.sentence)));
        assert!(slices.clone().count() > 0 && slices.clone().all(|s| inside(&s.sentence)));
        assert!(index.postings_borrowed() && index.word_count() > 0);
        // The copying decoder copies.
        assert!(!inside(&owned.articles[0].title) && !owned_index.postings_borrowed());
    }
}

#[test]
fn a_decode_in_slices_gives_what_one_decode_gives() {
    for corpus in [sample(), odd()] {
        let bytes: &'static [u8] = Box::leak(encode(&corpus).into_boxed_slice());
        let whole = decode_static(bytes).unwrap();
        for items in [1, 2, 3, 7] {
            let mut decoder = Decoder::of_static(bytes).unwrap();
            let mut steps = 1;
            while !decoder.step(items).unwrap() {
                steps += 1;
            }
            // Articles, entities and events one item each, and a step between kinds.
            let least = corpus.articles.len() + corpus.entities.len() + corpus.events.len() + 3;
            assert!(steps >= least.div_ceil(items), "{steps} steps of {items} for {least} items");
            assert_eq!(decoder.finish().unwrap(), whole, "in steps of {items}");
        }
    }
}

#[test]
fn a_decode_in_slices_reports_damage_as_one_decode_does() {
    let bytes = encode(&odd());
    for cut in [bytes.len() - 3, bytes.len() / 2, bytes.len() / 3] {
        let bytes: &'static [u8] = Box::leak(bytes[..cut].to_vec().into_boxed_slice());
        let whole = decode_static(bytes).map(|_| ()).unwrap_err();
        let sliced = Decoder::of_static(bytes).and_then(|mut d| {
            while !d.step(2)? {}
            Ok(())
        });
        assert_eq!(sliced.unwrap_err(), whole, "cut at {cut}");
    }
}

#[test]
fn rejects_foreign_bytes() {
    assert_eq!(decode(b"hello"), Err(DecodeError::NotACorpus));
    assert_eq!(decode(b"CHR"), Err(DecodeError::NotACorpus));
    assert_eq!(decode(b"CHRN\x01"), Err(DecodeError::NotACorpus));
}

#[test]
fn rejects_other_versions() {
    let mut bytes = encode(&sample());
    bytes[4] = bytes[4].wrapping_add(1);
    assert!(matches!(decode(&bytes), Err(DecodeError::WrongVersion { .. })));
}

#[test]
fn reports_truncation() {
    let bytes = encode(&sample());
    assert!(matches!(decode(&bytes[..bytes.len() - 3]), Err(DecodeError::Malformed(_))));
}

/// A corpus where nothing follows the usual pattern, so every value takes its
/// literal form: text that is in no paragraph, ids that are not derived from
/// names, a first article that does not exist, bytes 0 and 1 inside strings,
/// a date no calendar has.
pub(super) fn odd() -> Corpus {
    let mut c = sample();
    c.articles.push(Article {
        id: "not-the-stem".into(),
        file: "002.html".into(),
        title: "Zero\u{0}and\u{1}one".into(),
        title_stated: true,
        authors: vec![],
        outlets: vec![],
        credited: vec![],
        published: Some(DateSpan {
            start: Date { year: -300, month: 14, day: 40 },
            end: Date { year: -301, month: 0, day: 0 },
            precision: Precision::Approximate,
            basis: Basis::Inferred,
            evidence: Text::default(),
        }),
        paragraphs: vec!["Alpha beta. Gamma delta.".into(), "\u{1}".into()],
        removed: vec!["\u{0}".into(), Text::default()],
        recycled: vec![
            Recycled { paragraph: 0, text: "Gamma delta.".into(), first_seen: "001".into(), articles: 7 },
            Recycled { paragraph: 1, text: "\u{1}".into(), first_seen: "gone".into(), articles: 1 },
            Recycled { paragraph: 9, text: "nowhere".into(), first_seen: "not-the-stem".into(), articles: 0 },
        ],
    });
    c.entities.push(Entity {
        id: "person:someone-else".into(),
        name: "Jane Roe".into(),
        kind: EntityKind::Person,
        aliases: vec![Alias { text: "Roe".into(), count: 1, rule: "a rule not yet known".into() }],
        roles: vec![
            Role { text: "author".into(), article: 1 },
            Role { text: "".into(), article: 0 },
            Role { text: "author".into(), article: 0 },
            Role { text: "envoy".into(), article: 1 },
            Role { text: "".into(), article: 7 },
            Role { text: "author".into(), article: 1 },
        ],
        mentions: vec![
            Mention { article: 1, paragraph: 0, start: 6, end: 10 },
            Mention { article: 1, paragraph: 0, start: 2, end: 1 },
            Mention { article: 0, paragraph: 5, start: 0, end: 0 },
        ],
        related: vec![Related { entity: 0, sentences: 0, articles: 9 }],
        series: Some("exercise:efes".into()),
        point: Some(Point { lat: i32::MIN, lon: i32::MAX, of: PointOf::Subdivision }),
    });
    let when = DateSpan::stated_day(Date::new(2021, 10, 5).unwrap(), "not in the sentence");
    c.events.push(Event {
        id: "event:2021-10-05-gamma-delta-3".into(),
        when: when.clone(),
        summary: "Gamma delta".into(),
        kind: EventKind::Visit,
        entities: vec![1, 0, 1],
        sources: vec![
            Source { article: 1, paragraph: 0, sentence: "Gamma delta.".into(), place: None },
            Source { article: 1, paragraph: 0, sentence: "Zero\u{0}and\u{1}one".into(), place: None },
            Source { article: 7, paragraph: 0, sentence: "from an article that is not there".into(), place: None },
            // A place a core held, in a paragraph this corpus lacks.
            Source { article: 1, paragraph: 5, sentence: "".into(), place: Some((2, 9)) },
        ],
    });
    c.events.push(Event {
        id: "made up".into(),
        when,
        summary: "Alpha …".into(),
        kind: EventKind::Other,
        entities: vec![],
        sources: vec![Source { article: 1, paragraph: 0, sentence: "alpha beta.".into(), place: None }],
    });
    c
}

#[test]
fn the_decoder_finds_the_events_told_only_in_recycled_passages_as_searching_does() {
    let mut c = sample();
    let mut a = c.articles[0].clone();
    a.paragraphs = vec!["One two. Three four. One two.".into(), "Five six. Seven eight.".into(), "Nine ten.".into()];
    a.recycled = vec![
        // A part of its paragraph, the whole of one, and text in no paragraph.
        Recycled { paragraph: 0, text: "Three four. One two.".into(), first_seen: a.id.clone(), articles: 2 },
        Recycled { paragraph: 1, text: "Five six. Seven eight.".into(), first_seen: a.id.clone(), articles: 2 },
        Recycled { paragraph: 2, text: "not in it".into(), first_seen: a.id.clone(), articles: 2 },
    ];
    c.articles = vec![a];
    let event = |kind: EventKind, sources: &[(u32, &str)]| Event {
        id: format!("e{}", sources.len()),
        when: DateSpan::stated_day(Date::new(2021, 1, 1).unwrap(), ""),
        summary: Text::default(),
        kind,
        entities: vec![],
        sources: sources
            .iter()
            .map(|&(p, text)| Source { article: 0, paragraph: p, sentence: text.to_owned().into(), place: None })
            .collect(),
    };
    c.events = vec![
        // Stored at its first place, outside the passage, yet the passage holds it too.
        event(EventKind::Other, &[(0, "One two.")]),
        event(EventKind::Other, &[(0, "Three four.")]),
        event(EventKind::Other, &[(1, "Seven eight.")]),
        event(EventKind::Other, &[(2, "Nine ten.")]),
        event(EventKind::Other, &[(1, "Five six."), (2, "Nine ten.")]),
        event(EventKind::Other, &[(1, "in no paragraph")]),
        event(EventKind::Other, &[]),
        event(EventKind::Publication, &[(1, "Seven eight.")]),
    ];
    let expected = crate::query::recycled_events(&c);
    assert_eq!(expected.ones().collect::<Vec<_>>(), [0, 1, 2, 6], "the searching definition, for this corpus");
    let (decoded, _, recycled) = decode_all(&encode(&c)).unwrap();
    assert_eq!(decoded, c);
    assert_eq!(recycled, expected);
}

#[test]
fn a_cores_later_sentences_past_the_lead_are_places_filled_from_the_body() {
    let mut whole = sample();
    let mut a = whole.articles[0].clone();
    a.paragraphs = vec!["Lead here. Second.".into(), "Ministers met. Talks ended.".into()];
    whole.articles = vec![a];
    let source = |p, text: &str| Source { article: 0, paragraph: p, sentence: text.to_owned().into(), place: None };
    whole.events = vec![Event {
        id: "e".into(),
        when: DateSpan::stated_day(Date::new(2021, 1, 1).unwrap(), ""),
        summary: "Talks ended".into(),
        kind: EventKind::Meeting,
        entities: vec![],
        sources: vec![
            source(1, "Talks ended."),
            source(1, "Ministers met."),
            source(0, "Second."),
            source(1, "elsewhere"),
        ],
    }];
    let mut core = whole.clone();
    core.articles[0] = Body::cut(&whole.articles[0]);
    let index = TextIndex::for_corpus(&whole);
    let bytes = encode_core(&core, &whole.articles, &index);
    let (mut decoded, decoded_index, _) = decode_all(&bytes).unwrap();
    assert_eq!(decoded_index, index);
    let s = &decoded.events[0].sources;
    // The first source stays text (the summary is read from it); a later one past the
    // lead is its place; one in the lead, or in no paragraph, is as ever.
    assert_eq!((&*s[0].sentence, s[0].place), ("Talks ended.", None));
    assert_eq!((&*s[1].sentence, s[1].place), ("", Some((0, 14))));
    assert_eq!(s[1].sentence_in(&whole.articles[0].paragraphs), "Ministers met.");
    assert_eq!(s[1].sentence_in(&decoded.articles[0].paragraphs), "", "not there before the body comes");
    assert_eq!((&*s[2].sentence, s[2].place), ("Second.", None));
    assert_eq!((&*s[3].sentence, s[3].place), ("elsewhere", None));
    let literal = encode_with_index(&core, &index);
    assert_eq!(literal.len() - bytes.len(), "Ministers met.".len() - 1, "the place takes 2 bytes, not the text");
    // Encoded again as it is, the core keeps its places.
    assert_eq!(decode(&encode_with_index(&decoded, &decoded_index)), Ok(decoded.clone()));
    fill_sentences(&mut decoded);
    assert_eq!(decoded.events[0].sources[1].place, Some((0, 14)), "no body, no sentence");
    decoded.articles[0] = Body::of(&whole.articles[0]).fill(&decoded.articles[0]);
    fill_sentences(&mut decoded);
    assert_eq!(decoded, whole);
}

#[test]
fn index_words_that_share_part_of_a_character_round_trip() {
    // Letters of two bytes with the same first byte, next to each other in the
    // index's word order: Latin (æ, ø), Cyrillic (д, е), Greek (α, β).
    let mut corpus = sample();
    corpus.articles[0].paragraphs.push("Æble og øre; да ещё; αλφα βήτα.".into());
    let bytes = encode(&corpus);
    assert_eq!(decode(&bytes), Ok(corpus.clone()));
    let (_, search) = decode_with_search(&bytes).unwrap();
    assert_eq!(search, TextIndex::for_corpus(&corpus));
    for word in ["øre", "ещё", "βήτα"] {
        let folded = crate::search::words(word).next().unwrap();
        let mut found = Bits::empty(search.docs());
        search.matching(&folded, &mut found);
        assert_eq!(found.count(), 1, "{word} is found in the one document that holds it");
    }
}

#[test]
fn round_trips_values_that_fit_no_pattern() {
    let corpus = odd();
    assert_eq!(decode(&encode(&corpus)), Ok(corpus));
}

#[test]
fn derived_values_are_not_stored_twice() {
    // The sample's recycled passage, source sentence, summary and ids are all
    // derived, so the other-strings stream holds none of their text.
    let bytes = encode(&sample());
    let text = streams(&bytes).unwrap().into_iter().find(|(n, _)| *n == "text").unwrap().1;
    let text = String::from_utf8_lossy(text);
    for derived in ["Ministers met", "Second.", "place:turkiye", "event:2021"] {
        assert!(!text.contains(derived), "{derived:?} is stored in {text:?}");
    }
    assert!(text.contains("Most Read"), "and the stream is the one holding other strings: {text:?}");
}

#[test]
fn an_entitys_role_text_is_stored_once() {
    let corpus = odd();
    let roles = &corpus.entities.last().unwrap().roles;
    assert_eq!(roles.iter().filter(|r| r.text == "author").count(), 3);
    let bytes = encode(&corpus);
    let text = streams(&bytes).unwrap().into_iter().find(|(n, _)| *n == "text").unwrap().1;
    assert_eq!(String::from_utf8_lossy(text).matches("author").count(), 1);
    assert_eq!(decode(&bytes).unwrap().entities.last().unwrap().roles, *roles);
}

#[test]
fn damage_anywhere_is_an_error_not_a_panic() {
    let bytes = encode(&odd());
    for i in 6..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[i] ^= flip;
            // Either an error or some corpus; reaching the next line is the test.
            let _ = decode_with_search(&damaged);
        }
        let _ = decode_with_search(&bytes[..i]);
    }
}
