//! A statistical name tagger: a linear-chain CRF over tokens that marks people (PER),
//! organisations (ORG), places (LOC) and other names (MISC) in BIO tags. The model is
//! trained from CoNLL-2003 by `cargo xtask train` (CRFsuite, in `trainer/`) and read and
//! run here in pure Rust (`crfs` reads it, [`scorer`] runs it), so building the pipeline
//! needs no C toolchain.
//! Tagging is deterministic: the same text gives the same tags.

pub mod conll;
pub mod features;
mod scorer;
pub mod tokens;
mod viterbi;

use std::sync::LazyLock;

pub use scorer::Scorer;

pub use tokens::{Token, tokenize};

/// Written by `cargo xtask train` (CRFsuite model format 100, "lCRF"): trained on
/// CoNLL-2003 eng.train with the features of [`features::document`]. Retrain whenever
/// those features change.
static MODEL_BYTES: &[u8] = include_bytes!("../../../data/ner.crfsuite");

static SCORER: LazyLock<Scorer> = LazyLock::new(|| {
    Scorer::new(MODEL_BYTES)
        .unwrap_or_else(|e| panic!("crates/pipeline/data/ner.crfsuite: {e} (run `cargo xtask train`)"))
});

/// The kind of a tagged name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    Organization,
    Place,
    Other,
}

impl Kind {
    fn from_label(label: &str) -> Option<Kind> {
        Some(match label {
            "PER" => Kind::Person,
            "ORG" => Kind::Organization,
            "LOC" => Kind::Place,
            "MISC" => Kind::Other,
            _ => return None,
        })
    }
}

/// A name the tagger found in one sentence: byte offsets into that sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// BIO tags for a document given as sentences of tokens (CoNLL tokens or [`tokenize`]d).
pub fn tag_tokens(doc: &[Vec<&str>]) -> Vec<Vec<String>> {
    let view = features::DocumentView::new(doc);
    doc.iter().map(|sentence| SCORER.tag(sentence, &view).into_iter().map(str::to_owned).collect()).collect()
}

/// A document of cleaned sentences, tokenised and read once, whose sentences can then
/// be tagged one at a time: a sentence's tags are the same as when the whole document
/// is tagged (the CRF reads one sentence; only the document's view spans them), so a
/// caller pays only for the sentences it asks about.
pub struct Sentences<'a> {
    sentences: &'a [&'a str],
    tokens: Vec<Vec<Token<'a>>>,
    plain: Vec<Vec<std::borrow::Cow<'a, str>>>,
    view: features::DocumentView,
}

impl<'a> Sentences<'a> {
    pub fn new(sentences: &'a [&'a str]) -> Sentences<'a> {
        let tokens: Vec<Vec<Token<'a>>> = sentences.iter().map(|s| tokenize(s)).collect();
        let plain: Vec<Vec<std::borrow::Cow<'a, str>>> =
            tokens.iter().map(|ts| ts.iter().map(|t| tokens::plain(t.text)).collect()).collect();
        let words: Vec<Vec<&str>> = plain.iter().map(|ts| ts.iter().map(|t| t.as_ref()).collect()).collect();
        let view = features::DocumentView::new(&words);
        Sentences { sentences, tokens, plain, view }
    }

    /// The names in sentence `i`, as byte offsets into that sentence.
    pub fn names_in(&self, i: usize) -> Vec<Name> {
        let words: Vec<&str> = self.plain[i].iter().map(|t| t.as_ref()).collect();
        let tags = SCORER.tag(&words, &self.view);
        let tokens = &self.tokens[i];
        conll::spans(&tags)
            .into_iter()
            .filter_map(|(start, end, kind)| {
                Some(Name {
                    sentence: i,
                    start: tokens[start].start,
                    end: tokens[end - 1].end,
                    kind: Kind::from_label(&kind)?,
                })
            })
            .collect()
    }

    /// Sentence `i` as given.
    pub fn sentence(&self, i: usize) -> &'a str {
        self.sentences[i]
    }

    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}

/// The names in a document given as its sentences of cleaned text (`text::sentences`
/// of each paragraph, in order): the whole document is tagged at once so that what one
/// sentence says about a word helps in another.
pub fn names(sentences: &[&str]) -> Vec<Name> {
    let doc = Sentences::new(sentences);
    (0..doc.len()).flat_map(|i| doc.names_in(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(sentences: &[&str]) -> Vec<(String, Kind)> {
        names(sentences).into_iter().map(|n| (sentences[n.sentence][n.start..n.end].to_owned(), n.kind)).collect()
    }

    #[test]
    fn the_committed_model_finds_people_clubs_and_places_in_written_text() {
        let got = found(&[
            "Takuya Takagi scored twice as Barcelona beat Valencia 3-1 in Madrid on Sunday.",
            "Barcelona coach Pablo Veranes said the club would appeal to UEFA.",
        ]);
        assert!(got.contains(&("Takuya Takagi".to_owned(), Kind::Person)), "{got:?}");
        assert!(got.contains(&("Madrid".to_owned(), Kind::Place)), "{got:?}");
        assert!(got.contains(&("Pablo Veranes".to_owned(), Kind::Person)), "{got:?}");
        assert!(got.contains(&("UEFA".to_owned(), Kind::Organization)), "{got:?}");
        // The club that beat another, not the city.
        assert!(got.iter().any(|(n, k)| n == "Barcelona" && *k == Kind::Organization), "{got:?}");
    }

    #[test]
    fn a_sentence_tagged_alone_gets_its_tags_in_the_whole_document() {
        let text = [
            "VRELO WINS AT HOME", "Coach Ana Lind praised Vrelo after the game in Oslo.", "Lind said Vrelo would rest.",
        ];
        let doc = Sentences::new(&text);
        let words: Vec<Vec<&str>> = text.iter().map(|s| tokenize(s).into_iter().map(|t| t.text).collect()).collect();
        let whole = tag_tokens(&words);
        for i in 0..text.len() {
            let spans: Vec<(usize, usize)> = doc.names_in(i).iter().map(|n| (n.start, n.end)).collect();
            let tokens = tokenize(text[i]);
            let expected: Vec<(usize, usize)> =
                conll::spans(&whole[i]).iter().map(|&(s, e, _)| (tokens[s].start, tokens[e - 1].end)).collect();
            assert_eq!(spans, expected, "{}", text[i]);
        }
    }

    #[test]
    fn tagging_is_deterministic() {
        let text =
            ["The U.S. envoy Mirela Stanek met Acme Corp. officials in Geneva.", "Stanek said talks would resume."];
        let first = found(&text);
        for _ in 0..3 {
            assert_eq!(found(&text), first);
        }
    }
}
