//! The conll part of `cargo xtask quality`, on CoNLL-2003 eng.testa (the development
//! set; the tagger's model learnt from eng.train only). Two tables: the name tagger
//! alone, entity level as `conlleval` counts it (exact span and type); and the whole
//! pipeline (`pipeline::process_dir` over each document written as a plain-text
//! article), per document as the set of unique (name, type) pairs. With
//! `CONLL_DEBUG=1` the second lists each extra (FP) and missed (FN) pair on stderr.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

use model::EntityKind;
use pipeline::tagger::conll::{self, Counts, Document, Score};

pub fn run(dir: &Path) -> Result<(), String> {
    let path = dir.join("eng.testa");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("quality: conll: no {}; skipped", path.display());
        return Ok(());
    };
    let docs = conll::parse(&text);
    tagger_alone(&docs);
    whole_pipeline(&docs)
}

fn tagger_alone(docs: &[Document]) {
    let started = Instant::now();
    let mut score = Score::default();
    let mut tokens = 0;
    for doc in docs {
        let words: Vec<Vec<&str>> = doc.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect();
        for (predicted, sentence) in pipeline::tagger::tag_tokens(&words).iter().zip(doc) {
            let gold: Vec<&str> = sentence.iter().map(|(_, t)| t.as_str()).collect();
            score.add(&gold, predicted);
            tokens += sentence.len();
        }
    }
    println!(
        "quality: conll: the tagger alone on eng.testa, {} documents, {tokens} tokens, tagged in {:.1} s; entity level (exact span and type):",
        docs.len(),
        started.elapsed().as_secs_f64()
    );
    print!("{}", score.table());
}

/// Tokens back to text as a wire story prints them: no space before closing
/// punctuation and clitics, none after opening brackets.
fn detokenize<S: AsRef<str>>(words: &[S]) -> String {
    let mut out = String::new();
    let mut open_quote = false;
    for (i, w) in words.iter().enumerate() {
        let w = w.as_ref();
        let tight_before = matches!(
            w,
            "," | "."
                | ":"
                | ";"
                | ")"
                | "]"
                | "%"
                | "?"
                | "!"
                | "'s"
                | "n't"
                | "'"
                | "'re"
                | "'ll"
                | "'ve"
                | "'d"
                | "'m"
        ) || w == "\"" && open_quote;
        let tight_after_prev =
            i > 0 && (matches!(words[i - 1].as_ref(), "(" | "[" | "$") || words[i - 1].as_ref() == "\"" && open_quote);
        if i > 0 && !tight_before && !tight_after_prev {
            out.push(' ');
        }
        if w == "\"" {
            open_quote = !open_quote;
        }
        out.push_str(w);
    }
    out
}

type Pairs = BTreeSet<(String, &'static str)>;

fn whole_pipeline(docs: &[Document]) -> Result<(), String> {
    let dir = crate::root().join("target/quality-conll");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut gold: BTreeMap<String, Pairs> = BTreeMap::new();
    for (n, doc) in docs.iter().enumerate() {
        let name = format!("doc{n:04}");
        let mut text = format!("Document {n}\n\n");
        let mut pairs = Pairs::new();
        for sentence in doc {
            let words: Vec<&str> = sentence.iter().map(|(w, _)| w.as_str()).collect();
            text += &detokenize(&words);
            text += "\n\n";
            let tags: Vec<&str> = sentence.iter().map(|(_, t)| t.as_str()).collect();
            for (s, e, kind) in conll::spans(&tags) {
                let kind = match kind.as_str() {
                    "PER" => "PER",
                    "ORG" => "ORG",
                    "LOC" => "LOC",
                    _ => continue,
                };
                pairs.insert((detokenize(&words[s..e]), kind));
            }
        }
        std::fs::write(dir.join(format!("{name}.txt")), text).map_err(|e| format!("cannot write {name}: {e}"))?;
        gold.insert(name, pairs);
    }
    let started = Instant::now();
    let out = pipeline::process_dir(&dir).map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let corpus = &out.corpus;
    let mut found: BTreeMap<String, Pairs> = BTreeMap::new();
    for entity in &corpus.entities {
        let kind = match entity.kind {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Place => "LOC",
            _ => continue,
        };
        for m in &entity.mentions {
            let article = &corpus.articles[m.article as usize];
            let paragraph: &str = &article.paragraphs[m.paragraph as usize];
            let Some(surface) = paragraph.get(m.start as usize..m.end as usize) else { continue };
            let stem = article.file.trim_end_matches(".txt").to_owned();
            found.entry(stem).or_default().insert((surface.to_owned(), kind));
        }
    }
    let mut by_type: BTreeMap<&str, Counts> = BTreeMap::new();
    let empty = Pairs::new();
    for (name, g) in &gold {
        let f = found.get(name).unwrap_or(&empty);
        for kind in ["PER", "ORG", "LOC"] {
            let c = by_type.entry(kind).or_default();
            let gk: BTreeSet<_> = g.iter().filter(|p| p.1 == kind).collect();
            let fk: BTreeSet<_> = f.iter().filter(|p| p.1 == kind).collect();
            c.gold += gk.len();
            c.found += fk.len();
            c.correct += gk.intersection(&fk).count();
            if std::env::var_os("CONLL_DEBUG").is_some() {
                for extra in fk.difference(&gk) {
                    eprintln!("FP {kind} {:?} in {name}", extra.0);
                }
                for missed in gk.difference(&fk) {
                    eprintln!("FN {kind} {:?} in {name}", missed.0);
                }
            }
        }
    }
    println!(
        "quality: conll: the whole pipeline on eng.testa written as {} plain-text articles ({:.1} s), per document unique (name, type) pairs:",
        docs.len(),
        seconds
    );
    print!("{}", Counts::HEADER);
    let mut typed = Counts::default();
    for (kind, c) in &by_type {
        print!("{}", c.row(kind));
        typed.gold += c.gold;
        typed.found += c.found;
        typed.correct += c.correct;
    }
    print!("{}", typed.row("**typed PER/ORG/LOC**"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_become_text_as_printed() {
        assert_eq!(detokenize(&["He", "said", "\"", "no", "\"", "(", "U.S.", ")", "."]), "He said \"no\" (U.S.).");
        assert_eq!(detokenize(&["Takagi", "'s", "goal", ",", "1-0"]), "Takagi's goal, 1-0");
    }
}
