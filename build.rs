//! Runs the article pipeline (`crates/pipeline`) over the corpus folder and writes the
//! embedded corpus to `$OUT_DIR/corpus.bin` in `model`'s format (see
//! `model::FORMAT_VERSION`), and, for a corpus slow to decode, its newest events to
//! `$OUT_DIR/preview.bin` (`pipeline::preview`; empty otherwise), which the app paints
//! first, and its opening screen as static HTML to `$OUT_DIR/opening.html`
//! (`pipeline::opening`; empty for a corpus without events), which `cargo xtask seal`
//! writes into the page. The folder is `assets/articles/`, or the one named by
//! `CHRONICLE_ARTICLES` (absolute, or relative to this package's root).

use std::env;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-env-changed=CHRONICLE_ARTICLES");
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = env::var_os("CHRONICLE_ARTICLES")
        .filter(|v| !v.is_empty())
        .map(|v| root.join(v))
        .unwrap_or_else(|| root.join("assets/articles"));
    // A folder as rerun-if-changed makes cargo watch every file below it, so adding,
    // changing or removing an article rebuilds the app.
    println!("cargo:rerun-if-changed={}", dir.display());

    let (bytes, output) = match pipeline::bundle_dir(&dir) {
        Ok(done) => done,
        Err(err) => {
            println!("cargo::error=Chronicle's corpus could not be built: {err}");
            return ExitCode::FAILURE;
        }
    };
    for warning in &output.warnings {
        println!("cargo:warning={warning}");
    }
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-env-changed=CHRONICLE_PREVIEW_FROM");
    let from = match env::var("CHRONICLE_PREVIEW_FROM") {
        Ok(v) if !v.is_empty() => v.parse().unwrap_or_else(|_| {
            println!("cargo:warning=CHRONICLE_PREVIEW_FROM={v} is not a number of bytes; using the default");
            pipeline::preview::PREVIEW_FROM_BYTES
        }),
        _ => pipeline::preview::PREVIEW_FROM_BYTES,
    };
    let preview = pipeline::preview::preview_bytes(&output.corpus, bytes.len(), from);
    let opening = pipeline::opening::opening_html(&output.corpus, pipeline::opening::OPENING_ROWS).into_bytes();
    for (name, bytes) in [("corpus.bin", bytes), ("preview.bin", preview), ("opening.html", opening)] {
        let out = out_dir.join(name);
        if let Err(err) = std::fs::write(&out, bytes) {
            println!("cargo::error=cannot write {}: {err}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
