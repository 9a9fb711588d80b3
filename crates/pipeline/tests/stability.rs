//! Builds are reproducible and links survive new articles: the same folder gives the
//! same bytes wherever it lies and whatever order its files were written in, and
//! adding an article keeps every entity, event and article id of the others.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use model::{Corpus, EntityKind};

fn bundled() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles")
}

/// Copies the files of `from` into `to`, in reverse name order, with their times changed.
fn copy_reversed(from: &Path, to: &Path) {
    let mut files = pipeline::list_files(from).unwrap();
    files.reverse();
    for (i, f) in files.iter().enumerate() {
        let target = to.join(f.file_name().unwrap());
        fs::copy(f, &target).unwrap();
        let when = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000 + i as u64 * 86_400);
        fs::File::options().write(true).open(&target).unwrap().set_modified(when).unwrap();
    }
}

#[test]
fn the_same_folder_gives_the_same_bytes() {
    let (first, _) = pipeline::bundle_dir(&bundled()).unwrap();
    // In another thread: hash maps there iterate in another order.
    let (second, _) = std::thread::spawn(|| pipeline::bundle_dir(&bundled()).unwrap()).join().unwrap();
    assert!(first == second, "two builds of one folder differ");
    let copy = tempfile::tempdir().unwrap();
    copy_reversed(&bundled(), copy.path());
    let (moved, _) = pipeline::bundle_dir(copy.path()).unwrap();
    assert!(first == moved, "a copy of the folder elsewhere builds different bytes");
}

#[test]
fn the_embedded_format_gives_back_the_corpus_it_was_given() {
    let (bytes, out) = pipeline::bundle_dir(&bundled()).unwrap();
    let (corpus, index, recycled) = model::decode_all(&bytes).unwrap();
    assert!(corpus == out.corpus, "the bundled corpus changes through the embedded format");
    assert_eq!(recycled, model::query::recycled_events(&corpus), "the decoder's recycled events are the searched ones");
    assert_eq!(index, model::search::TextIndex::for_corpus(&out.corpus));
    // Ids are recomputed on decoding, so they must be what the pipeline derives.
    for e in &corpus.events {
        let article = &corpus.articles[e.sources[0].article as usize].id;
        let base = model::event_base_id(e.kind, e.when.start, &e.summary, article);
        assert!(e.id == base || e.id.starts_with(&format!("{base}-")), "{} is not derived from {base}", e.id);
    }
}

/// Entity ids with name and kind, event ids with summary, article ids.
type Ids = (HashMap<String, (String, EntityKind)>, HashMap<String, String>, Vec<String>);

fn ids(corpus: &Corpus) -> Ids {
    let entities = corpus.entities.iter().map(|e| (e.id.clone(), (e.name.clone(), e.kind))).collect();
    let events = corpus.events.iter().map(|e| (e.id.clone(), e.summary.to_string())).collect();
    let articles = corpus.articles.iter().map(|a| a.id.to_string()).collect();
    (entities, events, articles)
}

/// A made-up article that sorts before the others and shares names with them: a place
/// and an organisation named there, and the surname of a person named there (read
/// from the corpus, so no real name is written here) for a new person. It also retells,
/// in other words, an event the others report with a stated day.
fn added_article(before: &Corpus) -> String {
    let name_of = |kind: EntityKind| {
        before.entities.iter().filter(|e| e.kind == kind).max_by_key(|e| e.mentions.len()).map(|e| e.name.clone())
    };
    let place = name_of(EntityKind::Place).expect("a place in the bundled articles");
    let person = name_of(EntityKind::Person).expect("a person in the bundled articles");
    let surname = person.split_whitespace().last().unwrap_or_default().to_owned();
    let organisation = name_of(EntityKind::Organization).unwrap_or_else(|| "Harbour Board".into());
    let retold = before
        .events
        .iter()
        .filter(|e| e.kind != model::EventKind::Publication && e.when.basis == model::Basis::Stated)
        .find_map(|e| {
            e.sources[0]
                .sentence
                .contains(&*e.when.evidence)
                .then(|| e.sources[0].sentence.trim_end_matches('.').to_owned())
        })
        .expect("an event with a stated date");
    format!(
        "Ferry talks resume in {place}\n\nBy Orla Finnegan\n\nDelegates met in {place} on March 3, 2025 to discuss a new ferry line, the {organisation} said.\n\n\
         Marten {surname}, a harbour engineer, presented the plans to Mayor Ilse Brandvold of Kestrel Bay.\n\n\
         Brandvold said the line would open in 2026. {surname} agreed.\n\nAs officials recalled, {retold}, as reported then.\n"
    )
}

#[test]
fn ids_survive_an_added_article() {
    let copy = tempfile::tempdir().unwrap();
    copy_reversed(&bundled(), copy.path());
    let before = pipeline::process_dir(copy.path()).unwrap().corpus;
    fs::write(copy.path().join("0-added.txt"), added_article(&before)).unwrap();
    let after = pipeline::process_dir(copy.path()).unwrap().corpus;
    assert_eq!(after.articles.len(), before.articles.len() + 1);
    assert_eq!(after.articles[0].id, "0-added", "the new article sorts first");

    let (entities_before, events_before, articles_before) = ids(&before);
    let (entities_after, events_after, articles_after) = ids(&after);
    for id in &articles_before {
        assert!(articles_after.contains(id), "article {id} is gone");
    }
    for (id, was) in &entities_before {
        assert_eq!(entities_after.get(id), Some(was), "entity {id}");
    }
    for (id, summary) in &events_before {
        assert_eq!(events_after.get(id), Some(summary), "event {id}");
    }
    assert!(entities_after.keys().any(|id| id.contains("brandvold")), "the new article's people are found");
}
