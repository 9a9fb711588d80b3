//! Bad input: each problem file gets a warning naming it, and every readable
//! article still reaches the corpus.

use std::fs;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap();
}

const GOOD: &str = "Harbour reopens after storm\n\nBy Ann Lee\n\nThe harbour in Varna reopened on Monday after a week of repairs, the port authority said.\n\nShips queued overnight.";

/// Runs the pipeline over a folder holding `GOOD` and one bad file; returns the
/// warnings for the bad file and the ids of the articles kept.
fn check(name: &str, bytes: &[u8]) -> (Vec<String>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    write(dir.path(), name, bytes);
    let out = pipeline::process_dir(dir.path()).unwrap();
    let warnings = out.warnings.iter().filter(|w| w.file == name).map(|w| w.message.clone()).collect();
    let ids = out.corpus.articles.iter().map(|a| a.id.to_string()).collect();
    (warnings, ids)
}

#[test]
fn empty_file() {
    let (w, ids) = check("empty.txt", b"");
    assert_eq!(w, ["is empty; skipped"]);
    assert_eq!(ids, ["good"]);
}

#[test]
fn windows_1252_file_is_read_with_a_warning() {
    let (w, ids) = check("legacy.txt", b"Caf\xe9 owners protest\n\nOwners of caf\xe9s in Tbilisi protested on Monday against new taxes, the union said.");
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("not valid UTF-8") && w[0].contains("Windows-1252"), "{w:?}");
    assert_eq!(ids, ["good", "legacy"]);
}

#[test]
fn binary_file() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..2000u32).map(|i| (i % 251) as u8));
    let (w, ids) = check("photo.txt", &png);
    assert_eq!(w, ["looks like a binary file, not text; skipped"]);
    assert_eq!(ids, ["good"]);
}

#[test]
fn fifty_megabyte_file_is_cut_with_a_warning() {
    let mut big = b"Giant archive dump\n\n".to_vec();
    let para = b"The archive holds many old reports about harbours, roads and bridges in the region.\n\n";
    while big.len() < 50 * 1024 * 1024 {
        big.extend_from_slice(para);
    }
    let (w, ids) = check("huge.txt", &big);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("is 50.0 MB; only the first"), "{w:?}");
    assert_eq!(ids, ["good", "huge"]);
}

#[test]
fn markup_only_file() {
    let (w, ids) =
        check("shell.html", b"<html><head><script>x()</script></head><body><div><img src=x></div></body></html>");
    assert_eq!(w, ["has markup but no readable text; skipped"]);
    assert_eq!(ids, ["good"]);
}

#[test]
fn pages_whose_body_is_all_furniture_keep_their_titles_and_are_no_duplicates() {
    // Two pages with a headline and nothing else the pipeline keeps as text: each is
    // its own article, with a warning that says what happened (empty texts were once
    // "duplicates" of each other, and the second page was lost).
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    for (name, headline) in [("a.html", "Harbour reopens"), ("b.html", "Bridge closes")] {
        let page = format!("<html><body><h1>{headline}</h1><p>Advertisement</p><p>Share on Facebook</p></body></html>");
        write(dir.path(), name, page.as_bytes());
    }
    let out = pipeline::process_dir(dir.path()).unwrap();
    let titles: Vec<&str> = out.corpus.articles.iter().map(|a| &*a.title).collect();
    assert_eq!(titles, ["Harbour reopens", "Bridge closes", "Harbour reopens after storm"]);
    for name in ["a.html", "b.html"] {
        let warned: Vec<&str> = out.warnings.iter().filter(|w| w.file == name).map(|w| w.message.as_str()).collect();
        assert_eq!(warned.len(), 1, "{name}: {warned:?}");
        assert!(warned[0].starts_with("no body text was found, only the title"), "{name}: {warned:?}");
    }
}

#[test]
fn duplicate_file() {
    // The file later in name order is the duplicate.
    let (w, ids) = check("later-copy.txt", GOOD.replace('\n', "\r\n").as_bytes());
    assert_eq!(w, ["has the same text as good.txt; skipped as a duplicate"]);
    assert_eq!(ids, ["good"]);
}

#[test]
fn files_with_one_name_and_different_texts_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    write(dir.path(), "good.html", b"<html><body><h1>Ferry line opens</h1><p>A ferry line between Batumi and Odesa opened on Friday, the operator said.</p></body></html>");
    write(
        dir.path(),
        "good-txt.txt",
        b"Bridge closes\n\nThe old bridge in Ruse closed on Sunday for repairs, the city said.",
    );
    let out = pipeline::process_dir(dir.path()).unwrap();
    let warned: Vec<(&str, &str)> = out.warnings.iter().map(|w| (w.file.as_str(), w.message.as_str())).collect();
    // Name order: good-txt.txt, good.html, good.txt; `good-txt` is taken by then.
    assert_eq!(warned, [("good.txt", "has the same name as another article (good); its id is good-txt-2")]);
    let kept: Vec<(&str, &str)> = out.corpus.articles.iter().map(|a| (&*a.id, &*a.file)).collect();
    assert_eq!(kept, [("good-txt", "good-txt.txt"), ("good", "good.html"), ("good-txt-2", "good.txt")]);
}

#[test]
fn unknown_format() {
    let (w, ids) = check("report.pdf", b"%PDF-1.7 something");
    assert_eq!(w, ["is not an article file (expected a .txt, .html, .htm file); skipped"]);
    assert_eq!(ids, ["good"]);
}

#[test]
fn missing_folder_is_an_error_naming_it() {
    let err = pipeline::process_dir(Path::new("/no/such/chronicle-folder")).unwrap_err();
    assert!(err.to_string().starts_with("cannot read the article folder /no/such/chronicle-folder"), "{err}");
}

#[test]
fn empty_folder_is_an_empty_corpus_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, out) = pipeline::bundle_dir(dir.path()).unwrap();
    let corpus = model::decode(&bytes).expect("an empty corpus still decodes");
    assert!(corpus.articles.is_empty() && corpus.entities.is_empty() && corpus.events.is_empty());
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    assert_eq!(out.warnings[0].file, dir.path().display().to_string());
    assert!(out.warnings[0].message.contains("the corpus is empty"), "{}", out.warnings[0]);
}

#[test]
fn folder_of_only_unreadable_files_is_an_empty_corpus_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "photo.txt", &[0u8; 512]);
    write(dir.path(), "shell.html", b"<html><body><script>x()</script></body></html>");
    write(dir.path(), "notes.pdf", b"%PDF-1.7");
    let (bytes, out) = pipeline::bundle_dir(dir.path()).unwrap();
    assert!(model::decode(&bytes).unwrap().articles.is_empty());
    let files: Vec<&str> = out.warnings.iter().map(|w| w.file.as_str()).collect();
    let folder = dir.path().display().to_string();
    assert_eq!(files, ["empty.txt", "notes.pdf", "photo.txt", "shell.html", folder.as_str()]);
    assert!(pipeline::to_json(&out).contains("the corpus is empty"));
}

#[test]
fn articles_in_other_scripts_are_built_and_found() {
    // Before the index kept whole letters in its shared prefixes, two index words whose
    // first letters share a UTF-8 lead byte (any Russian or Greek text has them) made
    // the build panic.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    write(
        dir.path(),
        "russian.txt",
        "Порт открылся\n\nПорт в Варне открылся в понедельник, да, ещё до вечера, сообщили власти.".as_bytes(),
    );
    write(
        dir.path(),
        "greek.txt",
        "Το λιμάνι άνοιξε\n\nΤο λιμάνι της Βάρνας άνοιξε τη Δευτέρα, αλλά βήματα μένουν.".as_bytes(),
    );
    write(dir.path(), "danish.txt", "Havnen åbner\n\nHavnen åbnede mandag med æbler og øl på kajen.".as_bytes());
    let (bytes, out) = pipeline::bundle_dir(dir.path()).unwrap();
    assert_eq!(out.corpus.articles.len(), 4);
    let (corpus, search) = model::decode_with_search(&bytes).unwrap();
    assert_eq!(corpus, out.corpus);
    for word in ["ещё", "βήματα", "øl", "æbler"] {
        let folded = model::search::words(word).next().unwrap();
        let mut found = model::search::Bits::empty(search.docs());
        search.matching(&folded, &mut found);
        assert!(found.count() >= 1, "{word} is found");
    }
}
