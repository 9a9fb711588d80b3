//! Hostile articles (`pipeline::testing`): scripts, event handlers, `javascript:` links,
//! inline SVG, CSS, comments hiding text, bidirectional controls, a 10,000-character
//! word, 5,000 nested elements, NUL bytes, bytes that are not UTF-8, a million lines,
//! names that are JavaScript object keys. The run finishes; refused files are named in
//! warnings; every readable article keeps its sentence; no output text carries markup,
//! script, hidden text or control characters.

use std::path::PathBuf;

use pipeline::testing::{self, HIDDEN, READABLE, REFUSED};

/// What no text the pipeline outputs may hold, whatever the input.
fn unsafe_part(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for bad in ["<script", "onerror", "onclick", "onload", "javascript:", "alert(", "<!--", "-->"] {
        if lower.contains(bad) {
            return Some(bad.to_owned());
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '<' && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) {
            return Some(format!("a tag at char {i}"));
        }
        if c.is_control() || pipeline::html::is_bidi_control(c) {
            return Some(format!("control character U+{:04X}", c as u32));
        }
    }
    None
}

#[test]
fn hostile_articles_are_read_safely() {
    let generated = tempfile::tempdir().unwrap();
    let written = testing::write_generated_hostile_files(generated.path()).unwrap();
    assert_eq!(written.len(), 8);
    let out =
        pipeline::process_dirs(&[PathBuf::from(testing::HOSTILE_DIR), generated.path().to_path_buf()], |_| {}).unwrap();
    let corpus = &out.corpus;

    for (file, words) in REFUSED {
        assert!(
            out.warnings.iter().any(|w| w.file == file && w.message.contains(words)),
            "no warning for {file} saying {words:?}: {:?}",
            out.warnings
        );
        assert!(corpus.articles.iter().all(|a| a.file != file), "{file} was not refused");
    }
    let note = |file: &str| out.warnings.iter().find(|w| w.file == file).map(|w| w.message.clone()).unwrap_or_default();
    assert!(note("invalid-utf8.txt").contains("Windows-1252"), "{:?}", out.warnings);
    assert!(
        note("million-lines.txt").contains(&format!("only the first {}", pipeline::MAX_BLOCKS)),
        "{:?}",
        out.warnings
    );

    for (file, sentence) in READABLE {
        let article = corpus.articles.iter().find(|a| a.file == file);
        let article = article.unwrap_or_else(|| panic!("{file} was not read: {:?}", out.warnings));
        assert!(
            article.paragraphs.iter().any(|p| p.contains(sentence)),
            "{file} lost {sentence:?}: {:?}",
            article.paragraphs
        );
    }
    assert_eq!(corpus.articles.len(), READABLE.len(), "every readable file is an article, once");
    assert!(
        model::decode(&model::encode(corpus)).as_ref() == Ok(corpus),
        "the hostile corpus survives the embedded format"
    );
    let (_, _, recycled) = model::decode_all(&model::encode(corpus)).unwrap();
    assert_eq!(
        recycled,
        model::query::recycled_events(corpus),
        "the decoder finds the recycled events that searching finds"
    );

    let mut texts: Vec<(&str, &str)> = Vec::new();
    for a in &corpus.articles {
        texts.push((&a.file, &a.title));
        texts.extend(a.paragraphs.iter().map(|p| (&*a.file, &**p)));
        texts.extend(a.authors.iter().chain(&a.outlets).map(|n| (&*a.file, n.as_str())));
        if let Some(p) = &a.published {
            texts.push((&a.file, &p.evidence));
        }
    }
    for e in &corpus.entities {
        texts.push(("entity", &e.name));
        texts.extend(e.aliases.iter().map(|al| ("entity alias", al.text.as_str())));
    }
    for e in &corpus.events {
        texts.push(("event", &e.summary));
        texts.extend(e.sources.iter().map(|s| ("event source", &*s.sentence)));
    }
    for (from, text) in &texts {
        if let Some(bad) = unsafe_part(text) {
            panic!("{from}: output holds {bad}: {text:?}");
        }
        for (file, hidden) in HIDDEN {
            assert!(!text.contains(hidden), "{file}: hidden text {hidden:?} reached the output ({from}): {text:?}");
        }
    }
}

#[test]
fn names_that_are_object_keys_are_ordinary_names() {
    let out = pipeline::process_dir(std::path::Path::new(testing::HOSTILE_DIR)).unwrap();
    let ids: Vec<&str> = out.corpus.articles.iter().map(|a| &*a.id).collect();
    for id in ["__proto__", "constructor", "toString"] {
        assert!(ids.contains(&id), "no article {id}: {ids:?}");
    }
    let constructor = out.corpus.articles.iter().find(|a| a.id == "constructor").unwrap();
    assert_eq!(constructor.authors, ["Hasownproperty ToString"]);
    let names: Vec<&str> = out.corpus.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"ToString"), "{names:?}");
}

#[test]
fn deep_nesting_neither_overflows_nor_crawls() {
    // Far deeper than the generated file, in a thread with a small stack: the parser
    // sees at most pipeline::html::MAX_DEPTH levels, so nothing recurses this deep.
    let n = 100_000;
    let page = format!(
        "<html><body>{}<p>The keel was found at last.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let article = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || pipeline::parse_article(std::path::Path::new("deep.html"), &page))
        .unwrap()
        .join()
        .unwrap()
        .unwrap();
    assert_eq!(article.paragraphs, ["The keel was found at last."]);
}
