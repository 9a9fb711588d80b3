//! The conll part of `cargo xtask quality`: the pipeline's name tagger alone on
//! CoNLL-2003 eng.testa (the development set; the model learnt from eng.train only),
//! entity-level precision, recall and F1 per type as `conlleval` counts them.

use std::path::Path;
use std::time::Instant;

use pipeline::tagger::conll::{self, Score};

pub fn run(dir: &Path) -> Result<(), String> {
    let path = dir.join("eng.testa");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("quality: conll: no {}; skipped", path.display());
        return Ok(());
    };
    let docs = conll::parse(&text);
    let started = Instant::now();
    let mut score = Score::default();
    let mut tokens = 0;
    for doc in &docs {
        let words: Vec<Vec<&str>> = doc.iter().map(|s| s.iter().map(|(w, _)| w.as_str()).collect()).collect();
        for (predicted, sentence) in pipeline::tagger::tag_tokens(&words).iter().zip(doc) {
            let gold: Vec<&str> = sentence.iter().map(|(_, t)| t.as_str()).collect();
            score.add(&gold, predicted);
            tokens += sentence.len();
        }
    }
    println!(
        "quality: conll: eng.testa, {} documents, {tokens} tokens, tagged in {:.1} s; entity level (exact span and type):",
        docs.len(),
        started.elapsed().as_secs_f64()
    );
    print!("{}", score.table());
    Ok(())
}
