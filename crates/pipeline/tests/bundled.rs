//! The pipeline on the five bundled articles (assets/articles): titles, authors,
//! outlets, publication dates with their basis, removed furniture and recycled
//! passages, as a careful reader of each article would give them.

use std::path::PathBuf;

use model::{Article, Basis, Precision};

fn corpus() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles");
    let out = pipeline::process_dir(&dir).expect("bundled folder reads");
    assert_eq!(out.warnings, vec![], "bundled articles read cleanly");
    out.corpus.articles
}

fn get<'a>(articles: &'a [Article], prefix: &str) -> &'a Article {
    articles.iter().find(|a| a.id.starts_with(prefix)).unwrap_or_else(|| panic!("article {prefix}"))
}

fn when(a: &Article) -> (String, String, Precision, Basis) {
    let p = a.published.as_ref().expect("a publication date");
    (p.start.iso(), p.end.iso(), p.precision, p.basis)
}

#[test]
fn titles_stated_or_derived() {
    let all = corpus();
    assert_eq!(all.len(), 5);
    let a = get(&all, "000");
    assert_eq!((&*a.title, a.title_stated), ("Azerbaijani, Turkish defence chiefs meet in Georgia", true));
    let c = get(&all, "002");
    assert_eq!(
        (&*c.title, c.title_stated),
        ("Amid Iran's growing rhetoric & threats, Azerbaijan, Turkiye holding joint military drills ...", true)
    );
    for id in ["001", "003", "004"] {
        let x = get(&all, id);
        assert!(!x.title_stated, "{id} has no headline");
        assert!(!x.title.starts_with("By ") && !x.title.contains("2022-02-08"), "{id}: {}", x.title);
        assert!(x.lead().starts_with(x.title.trim_end_matches(" …")), "{id}: derived from the lead");
    }
}

#[test]
fn authors_and_outlets_from_bylines() {
    let all = corpus();
    for id in ["000", "001", "003", "004"] {
        assert_eq!(get(&all, id).authors, ["Vugar Khalilov"], "{id}");
    }
    let glued = get(&all, "002");
    assert_eq!(glued.authors, ["Fatima Hasanova"]);
    assert_eq!(glued.outlets, ["Azernews"]);
    assert_eq!(get(&all, "003").outlets, ["Azernews"]);
    assert!(glued.lead().starts_with("On December 5, units"), "{}", glued.lead());
}

#[test]
fn publication_dates_with_basis() {
    let all = corpus();
    let day = |d: &str, b| (d.to_owned(), d.to_owned(), Precision::Day, b);
    assert_eq!(when(get(&all, "000")), day("2021-10-05", Basis::Inferred));
    assert_eq!(when(get(&all, "001")), day("2022-02-08", Basis::Stated));
    assert_eq!(when(get(&all, "002")), day("2022-12-05", Basis::Stated));
    assert_eq!(when(get(&all, "003")), day("2021-10-14", Basis::Inferred));
    // Nothing in 004 gives a day: "Efes-2022 … to be held in May-June" gives the year.
    assert_eq!(when(get(&all, "004")), ("2022-01-01".into(), "2022-12-31".into(), Precision::Year, Basis::Inferred));
}

#[test]
fn furniture_is_removed_and_kept_aside() {
    let all = corpus();
    let a = get(&all, "000");
    assert_eq!(a.removed.first().map(|r| &**r), Some("—"));
    assert!(a.removed.iter().any(|r| r.starts_with("Follow us on Twitter")));
    assert!(a.removed.iter().any(|r| r == "Thank you!"));
    assert!(a.paragraphs.iter().all(|p| !p.contains("subscri") && !p.contains("Twitter @")));
    assert!(a.paragraphs.last().unwrap().ends_with("he said."), "last real paragraph kept");
    let c = get(&all, "002");
    assert!(c.removed.iter().any(|r| r == "Breaking News >> Newspaper >> Today"));
    assert!(c.removed.iter().any(|r| r == "Most Read"));
    assert!(c.removed.iter().any(|r| r == "2024-09-20 09:41:41"));
    assert!(c.paragraphs.iter().all(|p| !p.contains('<') && !p.contains("Most Read")));
    assert!(c.paragraphs.last().unwrap().ends_with("President Aliyev said."));
    // Glued sentences are apart again.
    assert!(c.paragraphs.iter().any(|p| p.starts_with("The drills are also taking place in Baku")));
}

#[test]
fn recycled_background_is_traced_to_the_earliest_article() {
    let all = corpus();
    let earliest = get(&all, "000").id.clone();
    for a in &all {
        let alliance = a.recycled.iter().find(|r| r.text.starts_with("On June 15, the two countries signed"));
        let r = alliance.unwrap_or_else(|| panic!("{}: memorandum paragraph marked recycled", a.id));
        assert_eq!(r.first_seen, earliest);
        assert_eq!(r.articles, 5);
        assert!(a.recycled.iter().any(|r| r.text.contains("periodically hold joint drills")), "{}", a.id);
    }
    // Article-specific news is not recycled.
    let b = get(&all, "001");
    assert!(b.recycled.iter().all(|r| !r.text.contains("Teknofest")));
}

fn out() -> pipeline::Output {
    pipeline::process_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles")).unwrap()
}

#[test]
fn surname_mentions_resolve_and_roles_keep_their_article() {
    let out = out();
    let corpus = &out.corpus;
    let hasanov = corpus.entities.iter().find(|e| e.id == "person:zakir-hasanov").expect("Zakir Hasanov");
    assert!(
        hasanov.aliases.iter().any(|a| a.text == "Hasanov" && a.rule == "surname" && a.count >= 3),
        "{:?}",
        hasanov.aliases
    );
    let roles: Vec<(&str, &str)> = hasanov
        .roles
        .iter()
        .map(|r| (r.text.as_str(), corpus.articles[r.article as usize].id.get(..3).unwrap()))
        .collect();
    assert!(roles.contains(&("Azerbaijan’s Defence Minister", "000")), "{roles:?}");
    assert!(roles.contains(&("Azerbaijani Defence Minister", "001")), "{roles:?}");
    let akar = corpus.entities.iter().position(|e| e.id == "person:hulusi-akar").unwrap() as u32;
    assert!(hasanov.related.iter().any(|r| r.entity == akar && r.sentences >= 1));
}

#[test]
fn spellings_fold_into_one_place_with_their_rules() {
    let out = out();
    let turkey = out.corpus.entities.iter().find(|e| e.name == "Türkiye").expect("Türkiye");
    let rule = |t: &str| turkey.aliases.iter().find(|a| a.text == t).map(|a| a.rule.as_str());
    assert_eq!(rule("Turkey"), Some("gazetteer"));
    assert_eq!(rule("Turkiye"), Some("spelling"));
    assert_eq!(rule("Türkiye"), Some("name"));
    assert_eq!(rule("Turkish"), Some("demonym"));
    let edition = out.corpus.entities.iter().find(|e| e.name == "Efes-2022").expect("edition");
    assert_eq!(edition.series.as_deref(), Some("exercise:efes"));
    assert!(out.corpus.entities.iter().any(|e| e.id == "exercise:efes"));
}

#[test]
fn exported_mentions_point_into_the_article_text() {
    let out = out();
    let json: serde_json::Value = serde_json::from_str(&pipeline::to_json(&out)).unwrap();
    let texts: std::collections::HashMap<&str, Vec<char>> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["text"].as_str().unwrap().chars().collect()))
        .collect();
    let mut checked = 0;
    for e in json["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let text = &texts[m["article"].as_str().unwrap()];
            let (s, t) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(text[s..t].iter().collect::<String>(), m["text"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} mentions checked");
}

#[test]
fn recycled_memorandum_is_dated_from_its_first_article() {
    let out = out();
    let memorandum = out
        .corpus
        .events
        .iter()
        .find(|e| e.sources.iter().any(|s| s.sentence.contains("memorandum of alliance")))
        .expect("memorandum event");
    assert_eq!(memorandum.when.start.iso(), "2021-06-15");
    assert_eq!(memorandum.sources.len(), 5, "told in five articles, one event");
    let treaty =
        out.corpus.events.iter().find(|e| e.summary.starts_with("Treaty of Kars")).expect("Treaty of Kars event");
    assert_eq!((treaty.when.start.iso(), treaty.when.precision), ("1921-01-01".into(), Precision::Year));
}

#[test]
fn bundling_times_each_step_in_order() {
    let (_, out) =
        pipeline::bundle_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles")).unwrap();
    let steps: Vec<&str> = out.steps.iter().map(|(name, _)| *name).collect();
    assert_eq!(steps, ["read", "recycled", "entities", "events", "encode"]);
}
