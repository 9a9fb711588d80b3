//! The pipeline's command line: `pipeline extract DIR... [--out FILE]` writes the
//! processed corpus as JSON (stdout by default) and warnings to stderr;
//! `pipeline bundle DIR --out FILE` writes the bytes `build.rs` would embed.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: pipeline extract DIR... [--out FILE]
       pipeline bundle DIR --out FILE

extract: processes every article file in each DIR and writes the corpus as JSON
(articles, entities, events, warnings) to FILE or standard output.
bundle: writes the corpus of DIR in the app's embedded format (what build.rs embeds);
        a corpus split for its size writes its core to FILE, its chunk files into
        FILE's name with .chunks and its manifest with .manifest.
Warnings name the file and the problem on standard error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") => match extract(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("pipeline: {message}");
                ExitCode::FAILURE
            }
        },
        Some("bundle") => match bundle(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("pipeline: {message}");
                ExitCode::FAILURE
            }
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn extract(args: &[String]) -> Result<(), String> {
    let mut dirs = Vec::new();
    let mut out_file = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--out" | "-o" => out_file = Some(PathBuf::from(it.next().ok_or("--out needs a file name")?)),
            other if other.starts_with('-') => return Err(format!("unknown option {other}\n\n{USAGE}")),
            dir => dirs.push(PathBuf::from(dir)),
        }
    }
    if dirs.is_empty() {
        return Err(format!("no folder given\n\n{USAGE}"));
    }
    let started = Instant::now();
    let total: usize = dirs.iter().filter_map(|d| std::fs::read_dir(d).ok()).map(|r| r.count()).sum();
    let bar = (std::io::stderr().is_terminal() && total >= 50).then(|| indicatif::ProgressBar::new(total as u64));
    let output = pipeline::process_dirs(&dirs, |done| {
        if let Some(bar) = &bar {
            bar.set_position(done as u64);
        }
    })
    .map_err(|e| e.to_string())?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for w in &output.warnings {
        eprintln!("warning: {w}");
    }
    let json = pipeline::to_json(&output);
    match &out_file {
        Some(path) => std::fs::write(path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(json.as_bytes()).and_then(|_| stdout.write_all(b"\n")).map_err(|e| e.to_string())?;
        }
    }
    summary(&output, started.elapsed().as_secs_f64());
    Ok(())
}

/// `bundle DIR --out FILE`: [`pipeline::bundle_dir`]'s bytes, timed like `extract`
/// (`cargo xtask bench` reads the summary line for the pipeline's throughput).
fn bundle(args: &[String]) -> Result<(), String> {
    let (dir, out_file) = match args {
        [dir, flag, file] if flag == "--out" || flag == "-o" => (PathBuf::from(dir), PathBuf::from(file)),
        _ => return Err(format!("bundle needs one folder and --out FILE\n\n{USAGE}")),
    };
    let started = Instant::now();
    let from = pipeline::chunks::SPLIT_FROM_BYTES;
    let (split, output) =
        pipeline::bundle_split(&dir, from, pipeline::chunks::CHUNK_BYTES).map_err(|e| e.to_string())?;
    let secs = started.elapsed().as_secs_f64();
    for w in &output.warnings {
        eprintln!("warning: {w}");
    }
    let write = |path: &std::path::Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write(&out_file, &split.corpus)?;
    // A split corpus's chunk files and manifest go beside FILE, as the build puts them beside the page.
    let chunks = out_file.with_extension("chunks");
    let _ = std::fs::remove_dir_all(&chunks);
    let manifest = out_file.with_extension("manifest");
    let _ = std::fs::remove_file(&manifest);
    if !split.chunks.is_empty() {
        std::fs::create_dir_all(&chunks).map_err(|e| format!("cannot create {}: {e}", chunks.display()))?;
        for (name, bytes) in &split.chunks {
            write(&chunks.join(name), bytes)?;
        }
        write(&manifest, &split.manifest)?;
    }
    summary(&output, secs);
    Ok(())
}

/// The summary on standard error: counts, input size, time, throughput, then the time
/// of each step.
fn summary(output: &pipeline::Output, secs: f64) {
    eprintln!(
        "pipeline: {} articles, {} warnings, {} entities, {} events, {:.1} MB in {:.2} s ({:.1} MB/s)",
        output.corpus.articles.len(),
        output.warnings.len(),
        output.corpus.entities.len(),
        output.corpus.events.len(),
        output.bytes as f64 / 1e6,
        secs,
        output.bytes as f64 / 1e6 / secs.max(1e-9)
    );
    let steps: Vec<String> =
        output.steps.iter().map(|(name, took)| format!("{name} {:.2} s", took.as_secs_f64())).collect();
    eprintln!("pipeline: steps: {}", steps.join(", "));
}
