//! The committed CRF model read once into tables the run-time tagger scores with: each
//! attribute name hashed to its state weights, the label-to-label weights as a matrix.
//! `crfs` reads the model's names (its string databases); its own `Tagger` takes
//! attributes as owned strings and looks each up in the model's database, which made
//! tagging most of the pipeline's time, and its lookup (`cqdb` 0.7) misses every name of
//! 12 or 24 bytes, which CRFsuite trained with. So the scores are summed here, from the
//! same weights in the same order (`a_sentence_gets_the_tags_crfs_gives_it`), over every
//! attribute the model knows.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicU64, Ordering};

use crfs::Model;
use rustc_hash::FxHasher;

use super::features::{self, DocumentView, Sink};
use super::viterbi;

/// A map keyed by short strings, hashed fast.
type ByName<V> = HashMap<Box<str>, V, BuildHasherDefault<FxHasher>>;

/// A CRFsuite model's tables: state weights per attribute and transition weights.
pub struct Scorer {
    labels: Vec<String>,
    attributes: ByName<u32>,
    /// Where each attribute's weights start in `weights`; one more entry than attributes.
    starts: Vec<u32>,
    /// (label, weight) of every state feature, attribute by attribute, in the model's order.
    weights: Vec<(u32, f64)>,
    /// `transitions[i * labels + j]`: the weight of label `j` following label `i`.
    transitions: Vec<f64>,
    /// This scorer among those made (from 1), for the sums kept per thread.
    id: u64,
}

static SCORERS: AtomicU64 = AtomicU64::new(1);

/// The model file's layout (CRFsuite's `crf1d` format, version 100): a 48-byte header
/// of offsets, chunks of 12-byte headers, features of 20 bytes (type, source, target,
/// weight), and per-label and per-attribute lists of feature numbers.
mod layout {
    pub const NUM_LABELS: usize = 20;
    pub const NUM_ATTRS: usize = 24;
    pub const OFF_FEATURES: usize = 28;
    pub const OFF_LABEL_REFS: usize = 40;
    pub const OFF_ATTR_REFS: usize = 44;
    pub const CHUNK_HEADER: usize = 12;
    pub const FEATURE: usize = 20;
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, String> {
    let b = bytes.get(at..at + 4).ok_or_else(|| format!("the model ends before byte {at}"))?;
    Ok(u32::from_le_bytes(b.try_into().expect("four bytes")))
}

fn f64_at(bytes: &[u8], at: usize) -> Result<f64, String> {
    let b = bytes.get(at..at + 8).ok_or_else(|| format!("the model ends before byte {at}"))?;
    Ok(f64::from_le_bytes(b.try_into().expect("eight bytes")))
}

/// A feature's (target label, weight), and the numbers of the features a label's or an
/// attribute's list names.
struct Tables<'b> {
    bytes: &'b [u8],
    features: usize,
}

impl Tables<'_> {
    fn feature(&self, number: u32) -> Result<(u32, f64), String> {
        let at = self.features + layout::CHUNK_HEADER + layout::FEATURE * number as usize;
        Ok((u32_at(self.bytes, at + 8)?, f64_at(self.bytes, at + 12)?))
    }

    fn refs(&self, offset_field: usize, which: u32) -> Result<Vec<u32>, String> {
        let list =
            u32_at(self.bytes, u32_at(self.bytes, offset_field)? as usize + layout::CHUNK_HEADER + 4 * which as usize)?
                as usize;
        let count = u32_at(self.bytes, list)? as usize;
        (0..count).map(|r| u32_at(self.bytes, list + 4 + 4 * r)).collect()
    }
}

impl Scorer {
    /// Reads `bytes`, a CRFsuite model; `crfs` checks its header and names its labels
    /// and attributes.
    pub fn new(bytes: &[u8]) -> Result<Scorer, String> {
        let model = Model::new(bytes).map_err(|e| format!("not a CRFsuite model: {e}"))?;
        let tables = Tables { bytes, features: u32_at(bytes, layout::OFF_FEATURES)? as usize };
        let label_count = u32_at(bytes, layout::NUM_LABELS)?;
        let attribute_count = u32_at(bytes, layout::NUM_ATTRS)?;
        let labels = (0..label_count)
            .map(|l| model.to_label(l).map(str::to_owned).ok_or(format!("label {l} has no name")))
            .collect::<Result<Vec<_>, _>>()?;
        let n = labels.len();
        let mut transitions = vec![0.0; n * n];
        for i in 0..label_count {
            for number in tables.refs(layout::OFF_LABEL_REFS, i)? {
                let (j, weight) = tables.feature(number)?;
                if j >= label_count {
                    return Err(format!("transition {number} names label {j} of {label_count}"));
                }
                transitions[i as usize * n + j as usize] = weight;
            }
        }
        let mut attributes = HashMap::with_capacity_and_hasher(attribute_count as usize, Default::default());
        let mut starts = Vec::with_capacity(attribute_count as usize + 1);
        let mut weights = Vec::new();
        for a in 0..attribute_count {
            let name = model.to_attr(a).ok_or(format!("attribute {a} has no name"))?;
            attributes.insert(name.into(), a);
            starts.push(weights.len() as u32);
            for number in tables.refs(layout::OFF_ATTR_REFS, a)? {
                let (label, weight) = tables.feature(number)?;
                if label >= label_count {
                    return Err(format!("feature {number} names label {label} of {label_count}"));
                }
                weights.push((label, weight));
            }
        }
        starts.push(weights.len() as u32);
        Ok(Scorer { labels, attributes, starts, weights, transitions, id: SCORERS.fetch_add(1, Ordering::Relaxed) })
    }

    /// The labels of one sentence's words, its document seen as `view`.
    pub fn tag(&self, words: &[&str], view: &DocumentView) -> Vec<&str> {
        self.best(words.len(), |states| features::sentence_into(words, view, states))
    }

    /// The labels of `tokens` tokens whose attributes `feed` gives.
    fn best(&self, tokens: usize, feed: impl FnOnce(&mut States<'_>)) -> Vec<&str> {
        let mut states = States { scorer: self, scores: Vec::with_capacity(tokens * self.labels.len()), word: None };
        feed(&mut states);
        viterbi::best_path(&states.scores, &self.transitions, self.labels.len())
            .into_iter()
            .map(|l| self.labels[l].as_str())
            .collect()
    }
}

/// Sums each token's state weights as its attributes arrive; unknown attributes add
/// nothing, as in CRFsuite. A token's sums start at zero and take its word's own
/// attributes first, so the sums after those are the word's whatever its place: kept
/// per thread for the words seen last, they are the same numbers as summing again.
struct States<'s> {
    scorer: &'s Scorer,
    scores: Vec<f64>,
    /// The word whose own attributes are arriving, to keep their sums when they end.
    word: Option<Box<str>>,
}

/// How many words' sums a thread keeps before it starts again.
const WORDS_KEPT: usize = 50_000;

thread_local! {
    /// The scorer the sums are of (its `id`) and each word's sums.
    static WORD_SUMS: RefCell<(u64, ByName<Box<[f64]>>)> = RefCell::new((0, ByName::default()));
}

impl Sink for States<'_> {
    fn token(&mut self, word: &str) -> bool {
        let known = WORD_SUMS.with_borrow_mut(|(id, sums)| {
            if *id != self.scorer.id {
                (*id, *sums) = (self.scorer.id, ByName::default());
            }
            sums.get(word).map(|known| self.scores.extend_from_slice(known)).is_some()
        });
        if !known {
            self.scores.extend(std::iter::repeat_n(0.0, self.scorer.labels.len()));
            self.word = Some(word.into());
        }
        known
    }

    fn word_done(&mut self) {
        let Some(word) = self.word.take() else { return };
        let sums = self.scores[self.scores.len() - self.scorer.labels.len()..].into();
        WORD_SUMS.with_borrow_mut(|(_, kept)| {
            if kept.len() >= WORDS_KEPT {
                kept.clear();
            }
            kept.insert(word, sums);
        });
    }

    fn attribute(&mut self, name: &str) {
        let Some(&a) = self.scorer.attributes.get(name) else { return };
        let (from, to) = (self.scorer.starts[a as usize] as usize, self.scorer.starts[a as usize + 1] as usize);
        let token = self.scores.len() - self.scorer.labels.len();
        for &(label, weight) in &self.scorer.weights[from..to] {
            self.scores[token + label as usize] += weight;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::tagger::{MODEL_BYTES, SCORER, tokenize};

    #[test]
    fn a_sentence_gets_the_tags_crfs_gives_it() {
        let text = [
            "MINISTERS MEET IN GENEVA",
            "Takuya Takagi scored twice as Barcelona beat Valencia 3-1 in Madrid on Sunday.",
            "The U.S. envoy Mirela Stanek met Acme Corp. officials and the Hong Kong trade council.",
            "\"We will appeal,\" said Pablo Veranes, coach of the club, after UEFA's ruling in Nyon.",
            "Stanek, 54, flew on to New York; the talks resume in São Paulo on March 3.",
        ];
        let words: Vec<Vec<&str>> = text.iter().map(|s| tokenize(s).into_iter().map(|t| t.text).collect()).collect();
        let view = DocumentView::new(&words);
        let model = Model::new(MODEL_BYTES).unwrap();
        let tagger = model.tagger().unwrap();
        let mut names = 0;
        for sentence in &words {
            let items: Vec<Vec<crfs::Attribute>> = features::sentence(sentence, &view)
                .into_iter()
                .map(|f| f.into_iter().map(|a| crfs::Attribute::new(a, 1.0)).collect())
                .collect();
            let expected = tagger.tag(&items).unwrap();
            // Given only the attributes crfs finds, the sums and the path are the same.
            let got = SCORER.best(sentence.len(), |states| {
                features::sentence_into(sentence, &view, &mut FoundByCrfs { model: &model, states })
            });
            assert_eq!(got, expected, "{sentence:?}");
            names += got.iter().filter(|t| t.starts_with("B-")).count();
        }
        assert!(names >= 8, "the sentences hold names the model finds: {names}");
    }

    struct FoundByCrfs<'m, 's, 'x> {
        model: &'m Model<'m>,
        states: &'s mut States<'x>,
    }

    impl Sink for FoundByCrfs<'_, '_, '_> {
        fn token(&mut self, _: &str) -> bool {
            // Every attribute is given, to be filtered: no word's sums are taken as known.
            self.states.scores.extend(std::iter::repeat_n(0.0, self.states.scorer.labels.len()));
            false
        }

        fn attribute(&mut self, name: &str) {
            if self.model.to_attr_id(name).is_some() {
                self.states.attribute(name);
            }
        }
    }

    /// Every attribute given and summed, no word's sums taken as known.
    struct SumAgain<'s, 'x>(&'s mut States<'x>);

    impl Sink for SumAgain<'_, '_> {
        fn token(&mut self, _: &str) -> bool {
            self.0.scores.extend(std::iter::repeat_n(0.0, self.0.scorer.labels.len()));
            false
        }

        fn attribute(&mut self, name: &str) {
            self.0.attribute(name);
        }
    }

    #[test]
    fn the_sums_kept_for_a_word_tag_as_summing_again_does() {
        let text = [
            "Lind met Stanek in Oslo; Stanek met Lind in Geneva.",
            "The U.S. envoy said Oslo and Geneva would host the talks, said Lind.",
        ];
        let words: Vec<Vec<&str>> = text.iter().map(|s| tokenize(s).into_iter().map(|t| t.text).collect()).collect();
        let view = DocumentView::new(&words);
        for round in 0..2 {
            for sentence in &words {
                let again = SCORER
                    .best(sentence.len(), |states| features::sentence_into(sentence, &view, &mut SumAgain(states)));
                assert_eq!(SCORER.tag(sentence, &view), again, "round {round}: {sentence:?}");
            }
        }
        let kept = WORD_SUMS.with_borrow(|(id, sums)| (*id == SCORER.id).then(|| sums.contains_key("Stanek")));
        assert_eq!(kept, Some(true));
    }

    #[test]
    fn every_attribute_of_the_model_is_found_by_its_name() {
        let model = Model::new(MODEL_BYTES).unwrap();
        let mut lengths = std::collections::BTreeSet::new();
        for a in 0..model.num_attrs() {
            let name = model.to_attr(a).unwrap();
            assert_eq!(SCORER.attributes.get(name), Some(&a), "{name}");
            lengths.insert(name.len());
        }
        assert!(lengths.contains(&12) && lengths.contains(&24), "{lengths:?}");
    }

    #[test]
    fn a_truncated_model_is_refused_with_a_reason() {
        let cut = &MODEL_BYTES[..MODEL_BYTES.len() / 2];
        assert!(Scorer::new(cut).is_err());
    }
}
