//! Runs the article pipeline (`crates/pipeline`) over the corpus folder and writes the
//! embedded corpus to `$OUT_DIR/corpus.bin` in `model`'s format (see
//! `model::FORMAT_VERSION`), and, for a corpus slow to decode, its newest events to
//! `$OUT_DIR/preview.bin` (`pipeline::preview`; empty otherwise), which the app paints
//! first, and its opening screen as static HTML to `$OUT_DIR/opening.html`
//! (`pipeline::opening`; empty for a corpus without events), which `cargo xtask seal`
//! writes into the page. A corpus with `pipeline::chunks::SPLIT_FROM_BYTES` of article bodies or more
//! (`CHRONICLE_SPLIT_FROM` overrides; `CHRONICLE_CHUNK_BYTES` the chunks' size) is split: `corpus.bin` is its core, the article
//! bodies are files in `$OUT_DIR/chunks/` (which `seal` copies beside the page) and
//! `manifest.bin` lists them (empty for a corpus held whole). The folder is `assets/articles/`, or the one named by
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

    let split_from = bytes_from_env("CHRONICLE_SPLIT_FROM", pipeline::chunks::SPLIT_FROM_BYTES);
    let chunk_bytes = bytes_from_env("CHRONICLE_CHUNK_BYTES", pipeline::chunks::CHUNK_BYTES);
    let (split, output) = match pipeline::bundle_split(&dir, split_from, chunk_bytes) {
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
    let from = bytes_from_env("CHRONICLE_PREVIEW_FROM", pipeline::preview::PREVIEW_FROM_BYTES);
    let preview = pipeline::preview::preview_bytes(&output.corpus, split.corpus.len(), from);
    let opening = pipeline::opening::opening_html(&output.corpus, pipeline::opening::OPENING_ROWS).into_bytes();
    // The chunk files of this build only: `cargo xtask seal` copies the folder beside the page.
    let chunks = out_dir.join("chunks");
    let fresh = match std::fs::remove_dir_all(&chunks) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err),
        _ => std::fs::create_dir_all(&chunks),
    };
    if let Err(err) = fresh {
        println!("cargo::error=cannot make {}: {err}", chunks.display());
        return ExitCode::FAILURE;
    }
    let files = split.chunks.into_iter().map(|(name, bytes)| (format!("chunks/{name}"), bytes));
    let embedded = [
        ("corpus.bin".to_owned(), split.corpus),
        ("manifest.bin".to_owned(), split.manifest),
        ("preview.bin".to_owned(), preview),
        ("opening.html".to_owned(), opening),
    ];
    for (name, bytes) in embedded.into_iter().chain(files) {
        let out = out_dir.join(name);
        if let Err(err) = std::fs::write(&out, bytes) {
            println!("cargo::error=cannot write {}: {err}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// A number of bytes from the environment variable `name`, else `default` (with a
/// warning when it is set but not a number).
fn bytes_from_env(name: &str, default: usize) -> usize {
    println!("cargo:rerun-if-env-changed={name}");
    match env::var(name) {
        Ok(v) if !v.is_empty() => v.parse().unwrap_or_else(|_| {
            println!("cargo:warning={name}={v} is not a number of bytes; using the default");
            default
        }),
        _ => default,
    }
}
