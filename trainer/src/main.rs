//! Trains the pipeline's name tagger on CoNLL-2003 (`cargo xtask train` runs this):
//! reads eng.train, computes [`pipeline::tagger::features`] per token, fits a
//! linear-chain CRF with CRFsuite (L-BFGS, L1 + L2), writes the model file the
//! pipeline embeds, and scores it on eng.testa with the pipeline's own pure-Rust
//! reader. L-BFGS over the same data in the same order is deterministic: the same
//! corpus gives the same bytes.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crfsuite::{Algorithm, Attribute, GraphicalModel, Trainer};
use pipeline::tagger::conll::{self, Document, Score};
use pipeline::tagger::{Scorer, features};

struct Options {
    corpus: PathBuf,
    out: PathBuf,
    c1: String,
    c2: String,
    iterations: String,
    minfreq: String,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut o = Options {
        corpus: PathBuf::from("../shared/corpora/conll2003"),
        out: PathBuf::from("crates/pipeline/data/ner.crfsuite"),
        c1: "0.05".into(),
        c2: "0.01".into(),
        iterations: "150".into(),
        minfreq: "1".into(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--corpus" => o.corpus = PathBuf::from(value()?),
            "--out" => o.out = PathBuf::from(value()?),
            "--c1" => o.c1 = value()?,
            "--c2" => o.c2 = value()?,
            "--iterations" => o.iterations = value()?,
            "--minfreq" => o.minfreq = value()?,
            other => return Err(format!("unknown argument `{other}` (--corpus DIR --out FILE --c1 --c2 --iterations --minfreq)")),
        }
    }
    let read = |name: &str| {
        let path = o.corpus.join(name);
        std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "cannot read {} ({e}). Training needs the CoNLL-2003 English files eng.train and eng.testa \
                 (one token a line: `word POS chunk NER`) in that folder; give another with --corpus DIR \
                 (see ../shared/corpora/README.md)",
                path.display()
            )
        })
    };
    let train = conll::parse(&read("eng.train")?);
    let dev = conll::parse(&read("eng.testa")?);

    let started = Instant::now();
    let mut trainer = Trainer::new(true);
    // The algorithm first: the crate's `append` sets the trainer's log callback.
    trainer.select(Algorithm::LBFGS, GraphicalModel::CRF1D).map_err(|e| e.to_string())?;
    for (name, value) in [
        ("c1", o.c1.as_str()),
        ("c2", o.c2.as_str()),
        ("max_iterations", o.iterations.as_str()),
        ("feature.minfreq", o.minfreq.as_str()),
    ] {
        trainer.set(name, value).map_err(|e| format!("{name}={value}: {e}"))?;
    }
    let mut sentences = 0;
    for doc in &train {
        let words = words_of(doc);
        for (feats, sentence) in features::document(&words).into_iter().zip(doc) {
            let items: Vec<Vec<Attribute>> =
                feats.into_iter().map(|f| f.into_iter().map(|name| Attribute::new(name, 1.0)).collect()).collect();
            let labels: Vec<&str> = sentence.iter().map(|(_, t)| t.as_str()).collect();
            trainer.append(&items, &labels, 0).map_err(|e| format!("cannot add a sentence: {e}"))?;
            sentences += 1;
        }
    }
    println!("train: {} documents, {sentences} sentences, features in {:.1} s", train.len(), started.elapsed().as_secs_f64());
    if let Some(parent) = o.out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let out = o.out.to_str().ok_or("the output path is not UTF-8")?;
    trainer.train(out, -1).map_err(|e| format!("training failed: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();

    let bytes = std::fs::read(&o.out).map_err(|e| format!("cannot read back {out}: {e}"))?;
    let scorer = Scorer::new(&bytes).map_err(|e| format!("the written model does not load: {e}"))?;
    let mut score = Score::default();
    for doc in &dev {
        let words = words_of(doc);
        let view = features::DocumentView::new(&words);
        for (sentence_words, sentence) in words.iter().zip(doc) {
            let predicted = scorer.tag(sentence_words, &view);
            let gold: Vec<&str> = sentence.iter().map(|(_, t)| t.as_str()).collect();
            score.add(&gold, &predicted);
        }
    }
    println!(
        "train: wrote {out} ({} bytes) in {seconds:.0} s (c1={} c2={} iterations={} minfreq={})",
        bytes.len(),
        o.c1,
        o.c2,
        o.iterations,
        o.minfreq
    );
    println!("train: eng.testa, entity level (conlleval):\n{}", score.table());
    Ok(())
}

fn words_of(doc: &Document) -> Vec<Vec<&str>> {
    doc.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect()
}
