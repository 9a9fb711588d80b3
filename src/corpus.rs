//! The embedded corpus, decoded once on first use, and its preview (the newest events,
//! which the app paints while the whole corpus is still to be decoded).

use std::sync::{LazyLock, OnceLock};

use model::query::Index;
use model::{Corpus, DecodeError};

/// Written by `build.rs` (the article pipeline) in `model`'s format, version
/// `model::FORMAT_VERSION`; `model::format`'s round-trip tests guard it.
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The newest events as a corpus of their own (`pipeline::preview`), same format;
/// empty when the corpus decodes fast enough to need none.
static PREVIEW_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/preview.bin"));

/// The corpus and the filter/search index over it (from the text index the pipeline
/// embedded beside it), both made once, on first use.
static BUNDLE: OnceLock<Result<(Corpus, Index), DecodeError>> = OnceLock::new();

static PREVIEW: LazyLock<Option<Corpus>> =
    LazyLock::new(|| if PREVIEW_BYTES.is_empty() { None } else { model::decode(PREVIEW_BYTES).ok() });

fn bundle() -> &'static Result<(Corpus, Index), DecodeError> {
    BUNDLE.get_or_init(|| {
        let (corpus, search, recycled) = model::decode_static(BYTES)?;
        let index = Index::with_parts(&corpus, search, recycled);
        Ok((corpus, index))
    })
}

/// The corpus compiled into this build, or why it could not be read.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    bundle().as_ref().map(|(corpus, _)| corpus)
}

/// The index over [`corpus`], when it could be read.
pub fn index() -> Option<&'static Index> {
    bundle().as_ref().ok().map(|(_, index)| index)
}

/// Whether [`corpus`] has been decoded (it is, once anything has asked for it).
pub fn decoded() -> bool {
    BUNDLE.get().is_some()
}

/// The newest events, for the opening timeline: `None` when the build has no preview,
/// or when it does not decode (the app then waits for the whole corpus).
pub fn preview() -> Option<&'static Corpus> {
    PREVIEW.as_ref().filter(|c| !c.events.is_empty())
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_corpus_decodes_and_is_not_empty() {
        let corpus = super::corpus().expect("the embedded corpus decodes");
        assert!(!corpus.articles.is_empty(), "the bundled corpus has articles");
    }

    #[test]
    fn a_preview_embedded_is_the_newest_events_of_the_corpus() {
        // Whether this build has one depends on CHRONICLE_PREVIEW_FROM (the end-to-end
        // tests build one with and one without).
        assert_eq!(super::preview().is_some(), !super::PREVIEW_BYTES.is_empty(), "an embedded preview decodes");
        let Some(preview) = super::preview() else { return };
        let corpus = super::corpus().unwrap();
        let newest = &corpus.events[corpus.events.len() - preview.events.len()..];
        let ids = |events: &[model::Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&preview.events), ids(newest));
    }
}
