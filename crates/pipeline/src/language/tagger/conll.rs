//! The CoNLL-2003 format and its scoring, shared by the trainer and
//! `cargo xtask quality conll`: documents of sentences of (word, tag), tags turned
//! from the corpus's IOB1 into BIO, and entity-level precision, recall and F1 counted
//! as `conlleval` counts them (a hit is the exact span with the exact type).

use std::collections::BTreeMap;

/// One document: sentences of (word, BIO tag).
pub type Document = Vec<Vec<(String, String)>>;

/// Reads `word POS chunk NER` lines; `-DOCSTART-` starts a document, a blank line
/// ends a sentence. Tags come back as BIO ("B-PER", "I-PER", "O").
pub fn parse(text: &str) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    let mut sentence: Vec<(String, String)> = Vec::new();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Vec<(String, String)>| {
        if !sentence.is_empty() {
            if docs.is_empty() {
                docs.push(Vec::new());
            }
            let s = std::mem::take(sentence);
            docs.last_mut().expect("a document").push(to_bio(s));
        }
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields[..] {
            [] => flush(&mut docs, &mut sentence),
            ["-DOCSTART-", ..] => {
                flush(&mut docs, &mut sentence);
                docs.push(Vec::new());
            }
            [word, .., tag] => sentence.push((word.to_owned(), tag.to_owned())),
            _ => {}
        }
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.is_empty());
    docs
}

/// IOB1 ("I-" everywhere, "B-" only between two names of one type) to BIO.
fn to_bio(sentence: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut prev = "O".to_owned();
    sentence
        .into_iter()
        .map(|(w, tag)| {
            let bio = match tag.split_once('-') {
                Some((_, kind)) if tag.starts_with('B') || prev.split_once('-').map(|p| p.1) != Some(kind) => {
                    format!("B-{kind}")
                }
                Some((_, kind)) => format!("I-{kind}"),
                None => "O".to_owned(),
            };
            prev = tag;
            (w, bio)
        })
        .collect()
}

/// The entity spans of a BIO sequence: (start, end exclusive, type). An "I-" after
/// another type or "O" starts a span, as conlleval reads it.
pub fn spans<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k.to_owned()));
            }
            if prefix != "O" {
                open = Some((i, kind));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k.to_owned()));
    }
    out
}

/// Entity-level counts per type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub found: usize,
    pub gold: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.found == 0 { 0.0 } else { self.correct as f64 / self.found as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.correct as f64 / self.gold as f64 }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// The header of a table of [`Counts::row`]s, with its rule line.
    pub const HEADER: &str =
        "| type | gold | found | correct | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n";

    /// One row of a table under [`Counts::HEADER`], ending in a newline.
    pub fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} |\n",
            self.gold,
            self.found,
            self.correct,
            self.precision(),
            self.recall(),
            self.f1()
        )
    }

    fn add(&mut self, other: &Counts) {
        self.found += other.found;
        self.gold += other.gold;
        self.correct += other.correct;
    }
}

/// Scores by type, from (gold tags, predicted tags) per sentence.
#[derive(Clone, Debug, Default)]
pub struct Score {
    pub by_type: BTreeMap<String, Counts>,
}

impl Score {
    pub fn add<G: AsRef<str>, P: AsRef<str>>(&mut self, gold: &[G], predicted: &[P]) {
        let gold = spans(gold);
        let predicted = spans(predicted);
        for (_, _, k) in &gold {
            self.by_type.entry(k.clone()).or_default().gold += 1;
        }
        for span in &predicted {
            let c = self.by_type.entry(span.2.clone()).or_default();
            c.found += 1;
            if gold.contains(span) {
                c.correct += 1;
            }
        }
    }

    /// The counts summed over some types ("typed" over PER, ORG, LOC).
    pub fn over(&self, kinds: &[&str]) -> Counts {
        let mut total = Counts::default();
        for (k, c) in &self.by_type {
            if kinds.contains(&k.as_str()) {
                total.add(c);
            }
        }
        total
    }

    /// A table: one row per type, then typed over PER/ORG/LOC and all four.
    pub fn table(&self) -> String {
        let mut out = String::from(Counts::HEADER);
        for kind in ["PER", "ORG", "LOC", "MISC"] {
            out += &self.by_type.get(kind).cloned().unwrap_or_default().row(kind);
        }
        out += &self.over(&["PER", "ORG", "LOC"]).row("**typed PER/ORG/LOC**");
        out += &self.over(&["PER", "ORG", "LOC", "MISC"]).row("all four");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_becomes_bio_and_documents_split_at_docstart() {
        let text = "-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\nLo NNP I-NP I-PER\nBen NNP I-NP B-PER\nran VBD I-VP O\n\n-DOCSTART- -X- O O\n\nOslo NNP I-NP I-LOC\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 2);
        let tags: Vec<&str> = docs[0][0].iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(tags, ["B-PER", "I-PER", "B-PER", "O"]);
        assert_eq!(docs[1][0][0].1, "B-LOC");
    }

    #[test]
    fn a_span_counts_only_with_its_exact_bounds_and_type() {
        let mut score = Score::default();
        score.add(&["B-PER", "I-PER", "O", "B-LOC"], &["B-PER", "O", "O", "I-LOC"]);
        let per = &score.by_type["PER"];
        assert_eq!((per.gold, per.found, per.correct), (1, 1, 0));
        let loc = &score.by_type["LOC"];
        assert_eq!((loc.gold, loc.found, loc.correct), (1, 1, 1));
    }
}
