//! The preview: the newest events of a corpus as a small corpus of their own, which the
//! app decodes and paints as the opening timeline before it decodes the whole corpus
//! (at 10,000 articles the whole takes longer to decode than the page has for its
//! first paint). It carries exactly what a timeline row shows, nothing else.

use std::collections::HashMap;

use model::{Article, Corpus, Entity, Event, Source};

/// Events in the preview: more than a timeline row count that fits a tall screen with
/// its overscan (`src/components/timeline.rs`), so the first screen is all preview.
pub const PREVIEW_EVENTS: usize = 32;

/// The newest `n` events of `corpus`, in corpus order, with the entities and articles
/// they name renumbered: entities keep their id, name and kind; articles their id,
/// title and date; events everything but their source sentences (a row names its
/// sources' articles, not the sentences), so the preview stays a few kilobytes.
///
/// The opening view leaves out publications repeating an event of their article
/// (`model::query::repeated_publications`), so the preview leaves them out too.
pub fn preview(corpus: &Corpus, n: usize) -> Corpus {
    let repeats = model::query::repeated_publications(corpus);
    let newest: Vec<usize> = (0..corpus.events.len()).rev().filter(|&i| !repeats.get(i)).take(n).collect();
    let events = newest.into_iter().rev().map(|i| &corpus.events[i]);
    let mut entity_number: HashMap<u32, u32> = HashMap::new();
    let mut article_number: HashMap<u32, u32> = HashMap::new();
    let mut out = Corpus::default();
    for e in events {
        let mut entities = Vec::with_capacity(e.entities.len());
        for &x in &e.entities {
            let Some(full) = corpus.entities.get(x as usize) else { continue };
            let next = out.entities.len() as u32;
            let number = *entity_number.entry(x).or_insert_with(|| {
                out.entities.push(Entity {
                    id: full.id.clone(),
                    name: full.name.clone(),
                    kind: full.kind,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    related: Vec::new(),
                    series: None,
                    point: full.point,
                });
                next
            });
            entities.push(number);
        }
        let mut sources = Vec::with_capacity(e.sources.len());
        for s in &e.sources {
            let Some(full) = corpus.articles.get(s.article as usize) else { continue };
            let next = out.articles.len() as u32;
            let number = *article_number.entry(s.article).or_insert_with(|| {
                out.articles.push(Article {
                    id: full.id.clone(),
                    file: full.file.clone(),
                    title: full.title.clone(),
                    title_stated: full.title_stated,
                    authors: Vec::new(),
                    outlets: Vec::new(),
                    credited: Vec::new(),
                    published: full.published.clone(),
                    paragraphs: Vec::new(),
                    removed: Vec::new(),
                    recycled: Vec::new(),
                });
                next
            });
            sources.push(Source { article: number, paragraph: 0, sentence: Default::default(), place: None });
        }
        out.events.push(Event { entities, sources, ..e.clone() });
    }
    out
}

/// The size of encoded corpus from which a build embeds a preview. Below it (the
/// bundled articles are 27 kB) decoding and the first full render take a frame or
/// two, and a preview would only add its own frame before the page is ready. At 1,000
/// generated articles (3.4 MB) painting the preview first brought the first row sooner
/// (231 ms rather than 270, medians of bench runs at 8593e25 and ec77b1f) and
/// the page's readiness later (380 ms rather than 272); at 10,000 (33 MB) the first row
/// came at 335 ms rather than 663, and the page was ready at 559 ms rather than 669.
/// `CHRONICLE_PREVIEW_FROM` overrides it.
pub const PREVIEW_FROM_BYTES: usize = 1_000_000;

/// [`preview`] of the newest [`PREVIEW_EVENTS`], in the embedded format
/// ([`model::encode`]), when the encoded corpus is `corpus_bytes` long and that is at
/// least `from`; empty otherwise (no preview): what `build.rs` embeds beside the corpus.
pub fn preview_bytes(corpus: &Corpus, corpus_bytes: usize, from: usize) -> Vec<u8> {
    if corpus_bytes < from || corpus.events.is_empty() {
        return Vec::new();
    }
    model::encode(&preview(corpus, PREVIEW_EVENTS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_shows_the_newest_events_as_the_corpus_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles");
        let corpus = crate::process_dir(&dir).expect("the bundled articles process").corpus;
        assert!(corpus.events.len() > 4, "the bundled corpus has events to preview");
        let n = corpus.events.len() - 3;
        let bytes = model::encode(&preview(&corpus, n));
        let small = model::decode(&bytes).expect("the preview decodes");
        assert_eq!(small.events.len(), n);
        for (p, full) in small.events.iter().zip(&corpus.events[3..]) {
            // What a timeline row shows, read from the preview, is the corpus's.
            assert_eq!((&p.id, &p.when, &p.summary, p.kind), (&full.id, &full.when, &full.summary, full.kind));
            let names = |c: &Corpus, e: &Event| -> Vec<(String, String)> {
                e.entities.iter().map(|&x| &c.entities[x as usize]).map(|en| (en.id.clone(), en.name.clone())).collect()
            };
            assert_eq!(names(&small, p), names(&corpus, full));
            let titles = |c: &Corpus, e: &Event| -> Vec<(String, String)> {
                e.sources
                    .iter()
                    .map(|s| &c.articles[s.article as usize])
                    .map(|a| (a.id.to_string(), a.title.to_string()))
                    .collect()
            };
            assert_eq!(titles(&small, p), titles(&corpus, full));
        }
        // Only what the rows name, with no text bodies.
        assert!(
            small.articles.len() <= corpus.articles.len() && small.articles.iter().all(|a| a.paragraphs.is_empty())
        );
        assert!(small.entities.iter().all(|e| e.mentions.is_empty() && e.related.is_empty()));
        assert!(bytes.len() < model::encode(&corpus).len() / 2, "{} bytes", bytes.len());
        // A corpus with fewer events than asked for is previewed whole.
        assert_eq!(preview(&corpus, usize::MAX).events.len(), corpus.events.len());
        assert_eq!(preview(&Corpus::default(), PREVIEW_EVENTS), Corpus::default());
    }

    #[test]
    fn only_a_corpus_slow_to_decode_gets_a_preview() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles");
        let corpus = crate::process_dir(&dir).expect("the bundled articles process").corpus;
        let len = model::encode(&corpus).len();
        assert!(len < PREVIEW_FROM_BYTES);
        assert!(preview_bytes(&corpus, len, PREVIEW_FROM_BYTES).is_empty());
        let bytes = preview_bytes(&corpus, len, len);
        let small = model::decode(&bytes).expect("a preview from its threshold on");
        assert_eq!(small.events.len(), corpus.events.len().min(PREVIEW_EVENTS));
        assert!(preview_bytes(&Corpus::default(), 0, 0).is_empty(), "no events, nothing to preview");
    }
}
