//! `cargo xtask quality`: measures the pipeline on the real, annotated development
//! corpora in `../shared/corpora/` (page cleaning, names, dates) and prints a table
//! per corpus. Each corpus is optional: a missing folder is said and skipped, so the
//! command never fails for want of data, and `cargo xtask test` never needs it.

mod articlebody;
mod conll;
mod kinds;
mod timebank;
mod wire;

use std::path::{Path, PathBuf};

/// `cargo xtask quality [--corpora DIR] [articlebody|wire|conll|timebank|kinds]...`
pub fn run(args: &[String]) -> Result<(), String> {
    let mut corpora = default_corpora();
    let mut only = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--corpora" => corpora = args.next().map(PathBuf::from).ok_or("--corpora needs a folder")?,
            name @ ("articlebody" | "wire" | "conll" | "timebank" | "kinds") => only.push(name.to_owned()),
            other => {
                return Err(format!(
                    "quality: unknown argument `{other}` (articlebody, wire, conll, timebank, kinds, --corpora DIR)"
                ));
            }
        }
    }
    if !corpora.is_dir() {
        println!(
            "quality: no development corpora at {} (see ../shared/corpora/README.md); nothing measured",
            corpora.display()
        );
        return Ok(());
    }
    type Measure = fn(&Path) -> Result<(), String>;
    let all: [(&str, &str, Measure); 5] = [
        ("articlebody", "articlebody-dev", articlebody::run),
        ("wire", "conll2003", wire::run),
        ("conll", "conll2003", conll::run),
        ("timebank", "timebank", timebank::run),
        // Both folders; the folder named here only decides whether there is anything to read.
        ("kinds", ".", kinds::run),
    ];
    for (name, folder, measure) in all {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let dir = corpora.join(folder);
        if dir.is_dir() {
            println!("quality: === {name} ({}) ===", dir.display());
            measure(&dir)?;
        } else {
            println!("quality: {name}: no folder {}; skipped", dir.display());
        }
    }
    Ok(())
}

/// `../shared/corpora/` beside the workspace.
pub fn default_corpora() -> PathBuf {
    crate::root().join("..").join("shared").join("corpora")
}
