//! The corpus's text index (`model::search::TextIndex`), its documents' words read in
//! parallel: the same index as `TextIndex::for_corpus`, which reads them one by one.

use model::Corpus;
use model::search::TextIndex;
use rayon::prelude::*;

/// Documents whose words are read at once: their words are held until the index has
/// numbered them, so a batch, not the corpus, is in memory at a time.
const BATCH: usize = 8192;

/// The text index of `corpus`, equal to `TextIndex::for_corpus(corpus)`.
pub fn text_index(corpus: &Corpus) -> TextIndex {
    in_batches(corpus, BATCH)
}

fn in_batches(corpus: &Corpus, batch: usize) -> TextIndex {
    let documents = TextIndex::documents(corpus);
    let batches = (0..documents).step_by(batch).flat_map(|from| {
        let to = (from + batch).min(documents);
        (from..to).into_par_iter().map(|d| TextIndex::words_of(corpus, d)).collect::<Vec<_>>()
    });
    TextIndex::build(batches)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_read_in_parallel_is_the_index_read_in_order() {
        let corpus =
            crate::process_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles"))
                .expect("the bundled corpus reads")
                .corpus;
        let whole = TextIndex::for_corpus(&corpus);
        assert!(whole.word_count() > 300, "the bundled corpus has words: {}", whole.word_count());
        assert!(TextIndex::documents(&corpus) > 7, "more documents than one batch below");
        for batch in [BATCH, 7, 1] {
            assert_eq!(in_batches(&corpus, batch), whole, "batches of {batch}");
        }
    }
}
