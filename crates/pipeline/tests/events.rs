//! Events across articles: recycled statements keep the date of their first
//! appearance, and one statement told in several articles is one event.

use std::fs;

/// The pipeline's output for these files, each a name and its text, in a folder of their own.
fn process(files: &[(&str, &str)]) -> pipeline::Output {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    pipeline::process_dir(dir.path()).unwrap()
}

const BACKGROUND: &str = "On June 15, Norway and Denmark signed a treaty on shared naval patrols in the northern sea.";

#[test]
fn recycled_statement_keeps_the_date_of_its_first_appearance() {
    let a = format!(
        "Patrol boats arrive\n\ndate 2021-03-01\n\nNew patrol boats arrived in Bergen on Monday.\n\n{BACKGROUND}"
    );
    let b = format!(
        "Navies train together\n\ndate 2023-01-10\n\nThe navies trained near Oslo, officials said.\n\n{BACKGROUND}"
    );
    let out = process(&[("a.txt", &a), ("b.txt", &b)]);
    let treaty: Vec<&model::Event> =
        out.corpus.events.iter().filter(|e| e.sources.iter().any(|s| s.sentence == BACKGROUND)).collect();
    assert_eq!(treaty.len(), 1, "one event, not one per article");
    let e = treaty[0];
    // Resolved against a.txt (March 2021, past tense): June 15, 2020, not 2022.
    assert_eq!(e.when.start.iso(), "2020-06-15");
    assert_eq!(e.when.basis, model::Basis::Inferred);
    assert_eq!(e.sources.len(), 2);
    assert_eq!(e.kind, model::EventKind::Agreement);
    let ids: Vec<&str> = e.sources.iter().map(|s| &*out.corpus.articles[s.article as usize].id).collect();
    assert_eq!(ids, ["a", "b"], "earliest source first");
}

#[test]
fn every_dated_article_is_a_publication_event() {
    let out = process(&[
        ("a.txt", "Port reopens\n\ndate 2021-03-01\n\nThe port reopened."),
        ("b.txt", "Undated note\n\nThe port is open."),
    ]);
    let publications: Vec<&str> =
        out.corpus.events.iter().filter(|e| e.kind == model::EventKind::Publication).map(|e| e.id.as_str()).collect();
    assert_eq!(publications, ["publication:a"]);
}

#[test]
fn a_dateline_is_no_event_and_a_day_range_is_one() {
    let out = process(&[(
        "a.txt",
        "Drills end\n\ndate 2021-10-05\n\nBaku, October 5 (AZERTAC). The drills ended in Lachin.\n\nThe drills, held from October 1 to 5, involved 2,000 troops.",
    )]);
    let told: Vec<(&str, String, String)> = out
        .corpus
        .events
        .iter()
        .filter(|e| e.kind != model::EventKind::Publication)
        .map(|e| (&*e.summary, e.when.start.iso(), e.when.end.iso()))
        .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!((told[0].1.as_str(), told[0].2.as_str()), ("2021-10-01", "2021-10-05"), "{told:?}");
}

#[test]
fn alike_statements_naming_different_exercises_are_different_events() {
    let out = process(&[
        (
            "a.txt",
            "Drills planned\n\ndate 2023-01-10\n\nIn 2022, Norway and Denmark held the Nordic Shield-2022 exercises in the northern sea.",
        ),
        (
            "b.txt",
            "Drills reviewed\n\ndate 2023-02-10\n\nIn 2022, Norway and Denmark held the Baltic Anchor-2022 exercises in the northern sea.\n\nIn 2022, Norway and Denmark held the Nordic Shield-2022 exercises in the northern seas.",
        ),
    ]);
    let exercise = |name: &str| out.corpus.entities.iter().position(|e| e.name == name).unwrap() as u32;
    let held: Vec<&model::Event> = out.corpus.events.iter().filter(|e| e.summary.contains("held the")).collect();
    assert_eq!(held.len(), 2, "{held:#?}");
    for (name, sources) in [("Nordic Shield-2022", 2), ("Baltic Anchor-2022", 1)] {
        let e = held.iter().find(|e| e.entities.contains(&exercise(name))).unwrap();
        assert_eq!(e.sources.len(), sources, "{name}");
        assert!(!e.entities.contains(&exercise(if name.starts_with('N') {
            "Baltic Anchor-2022"
        } else {
            "Nordic Shield-2022"
        })));
    }
}

#[test]
fn alike_statements_at_different_places_are_different_events() {
    let summit = |city: &str| format!("In March 2022, the Nordic Council held its annual summit in {city}.");
    let out = process(&[
        ("a.txt", &format!("Council meets\n\ndate 2023-01-10\n\n{}", summit("Stavanger"))),
        ("b.txt", &format!("Council again\n\ndate 2023-02-10\n\n{}", summit("Odense"))),
        (
            "c.txt",
            "Council recalled\n\ndate 2023-03-10\n\nIn March 2022, the Nordic Council held its annual summit in Stavanger, officials recalled.",
        ),
        // One exercise's name joins reports that place it differently.
        (
            "d.txt",
            "Drills one\n\ndate 2023-01-10\n\nIn 2022, Norway and Denmark held the Nordic Shield-2022 exercises near Stavanger.",
        ),
        (
            "e.txt",
            "Drills two\n\ndate 2023-02-10\n\nIn 2022, Norway and Denmark held the Nordic Shield-2022 exercises near Odense.",
        ),
    ]);
    let place = |name: &str| out.corpus.entities.iter().position(|e| e.name == name).unwrap() as u32;
    let summits: Vec<&model::Event> = out.corpus.events.iter().filter(|e| e.summary.contains("summit")).collect();
    assert_eq!(summits.len(), 2, "{summits:#?}");
    for (city, other, sources) in [("Stavanger", "Odense", 2), ("Odense", "Stavanger", 1)] {
        let e = summits.iter().find(|e| e.entities.contains(&place(city))).unwrap();
        assert_eq!(e.sources.len(), sources, "{city}: {summits:#?}");
        assert!(!e.entities.contains(&place(other)), "{city}");
    }
    let drills: Vec<&model::Event> = out.corpus.events.iter().filter(|e| e.summary.contains("Nordic Shield")).collect();
    assert_eq!(drills.len(), 1, "{drills:#?}");
    assert_eq!(drills[0].sources.len(), 2);
}

#[test]
fn a_dated_sentence_is_an_event_whatever_its_subject() {
    let out = process(&[(
        "a.txt",
        "Harbour figures\n\ndate 1997-11-20\n\nThe harbour's cargo volume fell sharply in 1996.\n\nThe crane, which arrived on March 3, broke down on April 9.",
    )]);
    let told: Vec<(String, String)> = out
        .corpus
        .events
        .iter()
        .filter(|e| e.kind != model::EventKind::Publication)
        .map(|e| (e.when.start.iso(), e.summary.to_string()))
        .collect();
    assert!(told.iter().any(|(d, s)| d == "1996-01-01" && s.contains("cargo volume fell")), "{told:?}");
    // The second clause has no subject of its own and takes the sentence's.
    assert!(told.iter().any(|(d, s)| d == "1997-04-09" && s == "The crane broke down"), "{told:?}");
}

#[test]
fn a_second_date_with_little_clause_of_its_own_speaks_for_the_sentence() {
    // 2024-03-08 is a Friday.
    let out = process(&[(
        "a.txt",
        "Union statements released\n\ndate 2024-03-08\n\nThe union released statements made Friday and Thursday by its lawyer.",
    )]);
    let mut days: Vec<String> = out
        .corpus
        .events
        .iter()
        .filter(|e| e.kind != model::EventKind::Publication)
        .map(|e| e.when.start.iso())
        .collect();
    days.sort();
    assert_eq!(days, ["2024-03-07", "2024-03-08"]);
}

#[test]
fn last_year_beside_a_quarter_is_that_quarter_a_year_before() {
    let out = process(&[(
        "a.txt",
        "Mill results\n\ndate 2023-11-02\n\nThe mill's profit rose in the third quarter.\n\nIn the latest quarter, the mill earned $3 million, against $2 million last year.",
    )]);
    let spans: Vec<(String, String)> = out
        .corpus
        .events
        .iter()
        .filter(|e| e.kind != model::EventKind::Publication)
        .map(|e| (e.when.start.iso(), e.when.end.iso()))
        .collect();
    assert!(spans.contains(&("2022-07-01".to_owned(), "2022-09-30".to_owned())), "{spans:?}");
    assert!(spans.contains(&("2023-07-01".to_owned(), "2023-09-30".to_owned())), "{spans:?}");
}
