//! `cargo xtask train`: retrains the pipeline's name tagger on CoNLL-2003 and writes
//! `crates/pipeline/data/ner.crfsuite`. The learning runs in `trainer/`, a workspace of
//! its own, because CRFsuite's C source needs cmake, which nothing else needs.

use std::path::PathBuf;

use crate::tools;

/// `cargo xtask train [--corpus DIR] [--c1 X --c2 X --iterations N --minfreq N]`
pub fn run(args: &[String]) -> Result<(), String> {
    let mut corpus = crate::quality::default_corpora().join("conll2003");
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--corpus" => corpus = args.next().map(PathBuf::from).ok_or("--corpus needs a folder")?,
            _ => rest.push(arg.clone()),
        }
    }
    if !corpus.join("eng.train").is_file() || !corpus.join("eng.testa").is_file() {
        return Err(format!(
            "no CoNLL-2003 corpus at {}: training needs eng.train (to learn from) and eng.testa (to report \
             on) there, one token a line as `word POS chunk NER` (see ../shared/corpora/README.md); name another \
             folder with --corpus DIR",
            corpus.display()
        ));
    }
    let tools = tools::ensure_cmake()?;
    let root = crate::root();
    let mut cmd = tools.command("cargo");
    cmd.current_dir(&root)
        .args(["run", "--release", "--quiet", "--manifest-path"])
        .arg(root.join("trainer/Cargo.toml"))
        .arg("--target-dir")
        .arg(root.join("target/trainer"))
        .args(["--", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(root.join("crates/pipeline/data/ner.crfsuite"))
        .args(&rest);
    tools::run(&mut cmd)
}
