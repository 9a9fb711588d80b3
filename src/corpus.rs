//! The embedded corpus, decoded once on first use.

use std::sync::LazyLock;

use model::{Corpus, DecodeError};

/// Written by `build.rs` (the article pipeline) in `model`'s format, version
/// `model::FORMAT_VERSION`; `model::format`'s round-trip tests guard it.
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

static CORPUS: LazyLock<Result<Corpus, DecodeError>> = LazyLock::new(|| model::decode(BYTES));

/// The corpus compiled into this build, or why it could not be read.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    CORPUS.as_ref()
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_corpus_decodes_and_is_not_empty() {
        let corpus = super::corpus().expect("the embedded corpus decodes");
        assert!(!corpus.articles.is_empty(), "the bundled corpus has articles");
    }
}
