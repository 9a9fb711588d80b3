//! `cargo xtask bench`: measures Chronicle at several corpus sizes (sizes, build, load,
//! typing, filtering, memory, and the search engine beside MiniSearch and FlexSearch in
//! the same page) and prints every figure with its budget and PASS or FAIL. It writes
//! `bench/report.json` and `bench/report.md`; a run replaces the sizes it measured and
//! keeps the others. A missed budget or a size that breaks (too big to build or load)
//! is reported, never an error: only a bench that cannot run fails the process.
//!
//! One idea a file: `measure.rs` (one size, built and measured), `corpus.rs` (the corpora and
//! their bytes; `cargo xtask bytes`), `shell.rs` (the app shell and its floor), `queries.rs`
//! (what is searched and filtered), `browser.rs` (headless Chromium and the scripts it runs,
//! kept as `.js` files beside it), `process.rs` (time-limited commands, memory, the machine),
//! `report.rs` (statistics, budgets, the tables).

mod browser;
mod corpus;
mod measure;
mod process;
mod queries;
mod report;
mod shell;

use std::time::Instant;

use serde_json::{Value, json};

use crate::r#gen;
use crate::tests::ChromeDriver;
use crate::tools::{self, Need};

pub(crate) use corpus::bytes;
// The generator's test measures how its text compresses as the bench does.
#[cfg(test)]
pub(crate) use corpus::brotli_len;
use measure::measure_size;
use process::machine;
use report::{METHOD, table, write_report};
use shell::{shell, shell_floor};

const DEFAULT_SIZES: [usize; 4] = [5, 1_000, 10_000, 100_000];
/// Corpora this large sample fewer entity filters and typed words, and must build and
/// load (a budget of its own).
const HUGE: usize = 100_000;
/// The seed every generated bench corpus uses, so runs compare.
const SEED: u64 = r#gen::DEFAULT_SEED;
/// Window size of the headless browser.
const WINDOW: (u32, u32) = (1280, 900);
/// Budgets from issue 30, each judged beside its floor from the same run.
/// The app shell: at most this brotli size, and at most [`SHELL_OVER_FLOOR`] above the
/// floor (a Yew app calling what Chronicle asks of `model`, no view).
const SHELL_BUDGET: f64 = 150_000.0;
const SHELL_OVER_FLOOR: f64 = 50_000.0;
/// Corpus + index ÷ the text's brotli, judged from [`FLOOR_FROM`] articles up (below, the
/// build-time index and entities weigh more than the text; reported without a verdict).
const FLOOR_FACTOR: f64 = 2.0;
const FLOOR_FROM: usize = 1_000;
/// One frame at 60 Hz: a keystroke's next paint may take this much over the bare
/// search box's (no script) in the same run.
const ONE_FRAME_MS: f64 = 16.7;
/// The entity filter's p95 at 10,000 articles.
const ENTITY_FILTER_MS: f64 = 50.0;
/// At [`HUGE`] articles: first timeline paint, ready, JS + wasm memory, the longest
/// task, the pipeline and the site build.
const HUGE_FIRST_PAINT_MS: f64 = 1_000.0;
const HUGE_READY_MS: f64 = 4_000.0;
const HUGE_MEMORY_BYTES: f64 = 400e6;
const HUGE_LONG_TASK_MS: f64 = 200.0;
const HUGE_PIPELINE_S: f64 = 300.0;
const HUGE_SITE_S: f64 = 600.0;

struct Options {
    sizes: Vec<usize>,
    loads: usize,
    /// Measure the browser side again over the corpus and site an earlier run built for
    /// each size (their build figures are carried over from the report): a maintainer's
    /// shortcut, since 100,000 articles take a quarter of an hour to build.
    reuse: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options { sizes: DEFAULT_SIZES.to_vec(), loads: 15, reuse: false };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--reuse" {
            options.reuse = true;
            continue;
        }
        let value = it.next().ok_or(format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--sizes" => {
                options.sizes = value
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse::<usize>().map_err(|e| format!("--sizes: `{s}`: {e}")))
                    .collect::<Result<_, _>>()?;
            }
            "--loads" => options.loads = value.parse().map_err(|e| format!("--loads: {e}"))?,
            other => {
                return Err(format!(
                    "bench: unknown argument `{other}` (bench [--sizes 5,1000] [--loads 15] [--reuse])"
                ));
            }
        }
    }
    if options.sizes.is_empty() || options.loads == 0 {
        return Err("bench needs at least one size and one load".into());
    }
    Ok(options)
}

/// `cargo xtask bench [--sizes …] [--loads N] [--reuse]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = parse(args)?;
    let started = Instant::now();
    let tools = tools::ensure(Need::BuildAndBrowser)?;
    tools::ensure_engines(&tools)?;
    let root = crate::root();
    let work = root.join("target/bench");
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;

    if !options.reuse {
        println!("xtask: bench: building the pipeline's command line (release), as users run it");
        tools::run(
            tools.command("cargo").args(["build", "--quiet", "--release", "-p", "pipeline"]).current_dir(&root),
        )?;
    }

    let report_path = root.join("bench/report.json");
    let mut report = std::fs::read_to_string(&report_path)
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .filter(|v| v.get("sizes").is_some_and(Value::is_object))
        .unwrap_or_else(|| json!({ "sizes": {} }));
    report["machine"] = machine();
    report["method"] = Value::String(METHOD.trim().to_owned());

    if !(options.reuse && report["shell"].is_object()) {
        println!("xtask: bench: the app shell (a site built from an empty corpus)");
        report["shell"] = shell(&tools, &work)?;
        println!("xtask: bench: the app shell's floor (bench/floor: Yew alone, and with what the app asks of model)");
        report["shell_floor"] = shell_floor(&tools, &work).unwrap_or_else(|m| json!({ "failure": m }));
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    let driver = ChromeDriver::start()?;
    for &size in &options.sizes {
        println!("xtask: === bench: {size} articles ===");
        let size_started = Instant::now();
        let earlier = options.reuse.then(|| report["sizes"][size.to_string()].clone());
        let entry = measure_size(&tools, &work, size, options.loads, earlier, &driver.url(), &runtime);
        println!("xtask: bench: {size} articles took {:.0?}", size_started.elapsed());
        report["sizes"][size.to_string()] = entry;
        write_report(&root.join("bench"), &report)?;
    }
    println!("{}", table(&report));
    println!("xtask: bench: wrote bench/report.md and bench/report.json in {:.0?}", started.elapsed());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_read() {
        let args = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        let o = parse(&args("--sizes 5,1_000 --loads 3")).unwrap();
        assert_eq!((o.sizes, o.loads), (vec![5, 1000], 3));
        assert!(parse(&args("--sizes")).is_err());
        assert!(parse(&args("--loads 0")).is_err());
        assert!(parse(&args("--fast yes")).is_err());
        assert!(!parse(&args("--loads 3")).unwrap().reuse);
        let o = parse(&args("--reuse --sizes 100000")).unwrap();
        assert!(o.reuse);
        assert_eq!(o.sizes, vec![100_000]);
    }
}
