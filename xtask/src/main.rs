//! Chronicle's developer commands, run as `cargo xtask <command>`:
//! `serve` (live-rebuilding dev server), `test` (every test suite), `dist` (the
//! deployable static site), `gen` (a generated corpus) and `bench` (sizes and
//! timings against the budgets). Each first installs whatever tool is missing.

mod bench;
mod fuzz;
mod gazetteer;
mod r#gen;
mod quality;
mod seal;
mod server;
mod site;
mod tests;
// A guard with no command of its own: its checks are tests, so `cargo xtask test native` runs them.
#[cfg(test)]
mod tidy;
mod tools;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

  serve   install what is missing, build, serve on http://127.0.0.1:8080 with live rebuild
  test    install what is missing, run every test (native, browser, end-to-end);
          `test e2e -- NAME` runs only the end-to-end tests whose name has NAME
  dist    install what is missing, write the deployable static site to dist/
  gen     --articles N [--seed S] --out DIR: write N generated news articles (same seed, same bytes)
  bench   [--sizes 5,1000,10000,100000] [--loads 15]: sizes, build, load, typing, memory and
          search timings per corpus size against the budgets; writes bench/report.md and .json
  bytes   DIR: the embedded corpus of DIR, its brotli size against the floor, per stream
  seal    (Trunk's post-build hook) CSP, integrity and service-worker version for a built site
  gazetteer  re-extract assets/gazetteer/ from the open data packages (PyPI, npm)
  map     re-extract the places map's country outlines, assets/map/ (npm: world-atlas)
  quality [--corpora DIR] [articlebody|wire|conll|timebank|kinds]...  measure the pipeline on the real
          development corpora in ../shared/corpora/ (skipped when absent)
  train [--corpus DIR]  retrain the pipeline's name tagger on CoNLL-2003 (default
          ../shared/corpora/conll2003; installs cmake) and write crates/pipeline/data/ner.crfsuite
  fuzz [--seconds N] [TARGET...]  run the libFuzzer targets in fuzz/ (cleaner, dates, fragment), N s each (60)

The corpus is assets/articles/, or the folder named by CHRONICLE_ARTICLES.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => site::serve(),
        Some("test") => tests::run(&args[1..]),
        Some("dist") => site::dist(),
        Some("gazetteer") => gazetteer::run_step(),
        Some("map") => gazetteer::map_step(),
        Some("gen") => r#gen::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("bytes") => bench::bytes(&args[1..]),
        Some("seal") => seal::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("quality") => quality::run(&args[1..]),
        Some("train") => train::run(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}
