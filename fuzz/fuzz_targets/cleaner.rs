//! Fuzz target: arbitrary file bytes, decoded as the reader decodes a file, through the
//! cleaner on both paths (plain text and HTML), then through the corpus stages that
//! follow it (recycled passages, entities, events) and the embedded format. Checks
//! the promises the app relies on: plain text out, mentions that slice their paragraph.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = pipeline::decode(data) else { return };
    let mut articles = Vec::new();
    for name in ["fuzz.txt", "fuzz.html"] {
        if let Ok(article) = pipeline::parse_article(Path::new(name), &decoded.text) {
            let texts = article.paragraphs.iter().chain([&article.title]).map(|t| &**t);
            for text in texts.chain(article.authors.iter().map(String::as_str)) {
                assert!(!text.contains('\0'), "NUL in output text {text:?}");
            }
            articles.push(article);
        }
    }
    // Both readings as one small corpus: they often share sentences, which exercises
    // the recycled-passage and merging code too.
    if articles.len() == 2 && articles[0].id == articles[1].id {
        articles[1].id.to_mut().push_str("-html");
    }
    pipeline::recycle::mark_recycled(&mut articles);
    let entities = pipeline::entities::extract(&articles);
    for e in &entities {
        for m in &e.mentions {
            let paragraph = &articles[m.article as usize].paragraphs[m.paragraph as usize];
            assert!(paragraph.get(m.start as usize..m.end as usize).is_some(), "mention {m:?} does not slice {paragraph:?}");
        }
    }
    let events = pipeline::events::extract(&articles, &entities);
    for ev in &events {
        assert!(ev.when.start <= ev.when.end, "event {ev:?} ends before it starts");
    }
    let corpus = model::Corpus { articles, entities, events };
    assert_eq!(model::decode(&model::encode(&corpus)).as_ref(), Ok(&corpus));
});
