//! One corpus size, built and measured: the pipeline's command line, the site Trunk builds from
//! the corpus, then the browser side, each figure into the size's entry of the report.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

use super::HUGE;
use super::browser::{Plan, browse, tidy};
use super::corpus::{cached_bundle_sizes, corpus_dir, folder_bytes, read_bundle, touch_corpus};
use super::process::{git_head, load_average, run_limited, unix_now};
use super::queries::{entity_sample, queries};
use super::shell::files_with;
use crate::server::StaticServer;
use crate::tools::{self, Tools};

/// A search box and no script: the bench types into it what it types into the app's,
/// for the browser's own keystroke-to-paint floor.
const BARE_PAGE: &str = include_str!("bare.html");

/// One size's figures; what broke goes in `failures` and the rest is still measured.
/// With `earlier` (for `--reuse`: this size's entry in the report, null if none), the
/// corpus and site an earlier run left in `work` are measured again without building
/// them; the entry's build figures and commit, if any, are carried over.
pub(super) fn measure_size(
    tools: &Tools,
    work: &Path,
    size: usize,
    loads: usize,
    earlier: Option<Value>,
    driver: &str,
    rt: &tokio::runtime::Runtime,
) -> Value {
    let mut e = json!({
        "articles": size,
        "measured_at": unix_now(),
        "commit": git_head(),
        "load_average_at_start": load_average(),
        "failures": [],
    });
    let fail = |e: &mut Value, what: String| {
        let what = tidy(&what);
        println!("xtask: bench: {size}: {what}");
        e["failures"].as_array_mut().expect("failures is a list").push(Value::String(what));
    };

    let dir = match corpus_dir(work, size) {
        Ok(dir) => dir,
        Err(m) => {
            fail(&mut e, format!("corpus: {m}"));
            return e;
        }
    };
    let input_bytes = folder_bytes(&dir);
    e["input_bytes"] = json!(input_bytes);

    let bin = work.join(format!("corpus-{size}.bin"));
    let site_dir = work.join(format!("site-{size}"));
    let reused = earlier.filter(|_| bin.is_file() && site_dir.join("index.html").is_file());
    if let Some(earlier) = &reused {
        println!("xtask: bench: {size}: reusing the corpus and site built before (no build figures taken)");
        e["build_reused"] = json!(true);
        if earlier["build"].is_object() {
            e["build"] = earlier["build"].clone();
            e["build_commit"] = earlier["commit"].clone();
        }
    }

    // The pipeline alone, and what it embeds.
    let mut corpus = None;
    let bundled = reused.is_some() || {
        let mut cmd = Command::new(crate::root().join("target/release/pipeline"));
        cmd.arg("bundle").arg(&dir).arg("--out").arg(&bin);
        match run_limited(cmd, Duration::from_secs(600 + size as u64 / 10), None) {
            Ok(done) => {
                let secs = done.elapsed.as_secs_f64();
                e["build"]["pipeline_seconds"] = json!(secs);
                e["build"]["pipeline_mb_per_s"] = json!(input_bytes as f64 / 1e6 / secs.max(1e-9));
                e["build"]["pipeline_peak_rss"] = json!(done.peak_rss);
                let steps = done.output.lines().rev().find_map(|l| l.strip_prefix("pipeline: steps: "));
                let summary = done
                    .output
                    .lines()
                    .rev()
                    .find(|l| l.starts_with("pipeline: ") && !l.starts_with("pipeline: steps: "));
                e["build"]["pipeline_summary"] = json!(summary);
                e["build"]["pipeline_steps"] = json!(steps);
                println!("xtask: bench: {size}: pipeline {secs:.1} s");
                true
            }
            Err(m) => {
                fail(&mut e, format!("pipeline: {m}"));
                false
            }
        }
    };
    if bundled {
        match read_bundle(&bin) {
            Ok(bundle) => {
                println!("xtask: bench: {size}: sizing {} MB and its floor", bundle.core.len() / 1_000_000);
                e["bundle"] = cached_bundle_sizes(&bin, &bundle);
                let c = bundle.corpus;
                e["events"] = json!(c.events.len());
                e["entities"] = json!(c.entities.len());
                e["articles_read"] = json!(c.articles.len());
                corpus = Some(c);
            }
            Err(err) => fail(&mut e, format!("pipeline: {err}")),
        }
    }

    // The site, as `trunk build --release` makes it from this corpus.
    let built = reused.is_some() || build_site(tools, &dir, &site_dir, work, size, &mut e, fail);
    let Some(corpus) = corpus.filter(|_| built) else {
        return e;
    };

    let queries = queries(&corpus);
    let entities = entity_sample(&corpus, if size >= HUGE { 3 } else { 12 });
    let words: Vec<String> = queries
        .iter()
        .filter(|q| !q.contains(' ') && q.len() >= 5)
        .take(if size >= HUGE { 1 } else { 4 })
        .cloned()
        .collect();
    e["engine"]["queries"] = json!(queries);
    drop(corpus);
    let bare = work.join("bare");
    if let Err(err) = std::fs::create_dir_all(&bare).and_then(|()| std::fs::write(bare.join("index.html"), BARE_PAGE)) {
        fail(&mut e, format!("cannot write the bare search box's page in {}: {err}", bare.display()));
        return e;
    }
    let server = match StaticServer::start(vec![("site".into(), site_dir.clone()), ("bare".into(), bare)]) {
        Ok(s) => s,
        Err(m) => {
            fail(&mut e, format!("server: {m}"));
            return e;
        }
    };
    let plan = Plan {
        driver: driver.to_owned(),
        url: server.url("site"),
        bare_url: server.url("bare"),
        loads,
        patience: Duration::from_secs(60 + size as u64 / 50),
        queries,
        entities,
        words,
        profiles: work.join("profiles"),
        engines: tools::engines_dir().join("node_modules"),
    };
    let mut found = Value::Null;
    if let Err(m) = rt.block_on(browse(&plan, &mut found)) {
        fail(&mut e, format!("browser: {m}"));
    }
    for key in ["load", "interaction", "memory"] {
        if !found[key].is_null() {
            e[key] = found[key].take();
        }
    }
    if !found["engine"].is_null() {
        let queries = e["engine"]["queries"].take();
        e["engine"] = found["engine"].take();
        e["engine"]["queries"] = queries;
    }
    e
}

/// Builds the site for one size, as `trunk build --release` makes it from this corpus,
/// recording its figures in `e`; false (and a failure in `e`) when it breaks.
fn build_site(
    tools: &Tools,
    dir: &Path,
    site_dir: &Path,
    work: &Path,
    size: usize,
    e: &mut Value,
    fail: impl Fn(&mut Value, String),
) -> bool {
    let log = work.join(format!("build-{size}.log"));
    touch_corpus(dir);
    let _ = std::fs::remove_dir_all(site_dir);
    let mut cmd = tools.command("trunk");
    cmd.args(["build", "--release", "--dist"])
        .arg(site_dir)
        .current_dir(crate::root())
        .env("TRUNK_OFFLINE", "true")
        .env("CHRONICLE_ARTICLES", dir);
    println!("xtask: bench: {size}: trunk build --release (log: {})", log.display());
    match run_limited(cmd, Duration::from_secs(1_800 + size as u64 / 10), Some(&log)) {
        Ok(done) => {
            e["build"]["site_seconds"] = json!(done.elapsed.as_secs_f64());
            e["build"]["site_peak_rss"] = json!(done.peak_rss);
            e["build"]["wasm_bytes"] = json!(files_with(site_dir, "wasm").iter().map(|(_, b)| b).sum::<u64>());
            // No service worker: every load is a cold network load, and no precache
            // runs in the background while the bench types.
            let _ = std::fs::remove_file(site_dir.join("sw.js"));
            true
        }
        Err(m) => {
            fail(e, format!("site build: {m}"));
            false
        }
    }
}
