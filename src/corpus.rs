//! The embedded corpus, decoded once on first use.

use std::sync::LazyLock;

use model::query::Index;
use model::{Corpus, DecodeError};

/// Written by `build.rs` (the article pipeline) in `model`'s format, version
/// `model::FORMAT_VERSION`; `model::format`'s round-trip tests guard it.
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The corpus and the filter/search index over it (from the text index the pipeline
/// embedded beside it), both made once, on first use.
static BUNDLE: LazyLock<Result<(Corpus, Index), DecodeError>> = LazyLock::new(|| {
    let (corpus, search, recycled) = model::decode_static(BYTES)?;
    let index = Index::with_parts(&corpus, search, recycled);
    Ok((corpus, index))
});

/// The corpus compiled into this build, or why it could not be read.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    BUNDLE.as_ref().map(|(corpus, _)| corpus)
}

/// The index over [`corpus`], when it could be read.
pub fn index() -> Option<&'static Index> {
    BUNDLE.as_ref().ok().map(|(_, index)| index)
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_corpus_decodes_and_is_not_empty() {
        let corpus = super::corpus().expect("the embedded corpus decodes");
        assert!(!corpus.articles.is_empty(), "the bundled corpus has articles");
    }
}
