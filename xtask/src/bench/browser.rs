//! The browser side: headless Chromium over WebDriver with the bench's probe in every page; page
//! loads, typing, entity filters and the engines. The JavaScript it runs in the page lives in
//! `.js` files beside this one.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use thirtyfour::prelude::*;

use super::WINDOW;
use super::report::{median, ratio, stats};
use crate::tools;

/// Runs before the app in every page (CDP `Page.addScriptToEvaluateOnNewDocument`).
const PROBE: &str = include_str!("probe.js");
/// What a page looks like once loaded (`execute`).
const AFTER_LOAD: &str = include_str!("after_load.js");
/// An idle frame's cost, 30 times (`execute_async`).
const IDLE_FRAMES: &str = include_str!("idle_frames.js");
/// The three engines on the same texts and queries (`execute_async`).
const ENGINES: &str = include_str!("engines.js");

pub(super) struct Plan {
    pub(super) driver: String,
    pub(super) url: String,
    /// A page with a search box and no script (`BARE_PAGE`).
    pub(super) bare_url: String,
    pub(super) loads: usize,
    /// How long to wait for one load, keystroke or filter before calling it broken.
    pub(super) patience: Duration,
    pub(super) queries: Vec<String>,
    pub(super) entities: Vec<String>,
    pub(super) words: Vec<String>,
    pub(super) profiles: PathBuf,
    pub(super) engines: PathBuf,
}

/// A headless Chromium with a fresh profile and the probe installed.
struct Session {
    driver: WebDriver,
    profile: PathBuf,
}

impl Session {
    async fn start(plan: &Plan, n: usize) -> Result<Session, String> {
        let profile = plan.profiles.join(format!("p{n}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        let mut caps = DesiredCapabilities::chrome();
        let e = |e: WebDriverError| e.to_string();
        caps.set_binary(tools::CHROMIUM).map_err(e)?;
        for arg in [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--enable-precise-memory-info", "--js-flags=--expose-gc",
        ] {
            caps.add_arg(arg).map_err(e)?;
        }
        caps.add_arg(&format!("--window-size={},{}", WINDOW.0, WINDOW.1)).map_err(e)?;
        // Navigation returns once the document is parsed: `open` waits for the first
        // paint itself (the probe's times run from navigation start either way).
        caps.set_page_load_strategy(thirtyfour::PageLoadStrategy::Eager).map_err(e)?;
        caps.add_arg(&format!("--user-data-dir={}", profile.display())).map_err(e)?;
        let long = plan.patience * 4;
        // At 100,000 articles one navigation request outlasted the WebDriver client's
        // default of 120 s.
        let driver = WebDriver::builder(&plan.driver, caps)
            .request_timeout(long + Duration::from_secs(30))
            .await
            .map_err(|e| format!("chromedriver session: {e}"))?;
        driver.update_timeouts(TimeoutConfiguration::new(Some(long), Some(long), None)).await.map_err(e)?;
        driver
            .cdp()
            .send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": PROBE }))
            .await
            .map_err(|e| format!("installing the probe: {e}"))?;
        Ok(Session { driver, profile })
    }

    async fn quit(self) {
        let _ = self.driver.quit().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }

    async fn eval(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.driver.execute(script, args).await.map(|r| r.json().clone()).map_err(|e| format!("script failed: {e}"))
    }

    /// Opens the page and waits until it has painted its timeline, is interactive and
    /// has decoded its search words (what it does in idle slices once ready), so the
    /// memory figure holds them and typing meets the app as it settles.
    async fn open(&self, url: &str, patience: Duration) -> Result<Value, String> {
        self.driver.goto(url).await.map_err(|e| format!("navigation: {e}"))?;
        let deadline = Instant::now() + patience;
        loop {
            let state = self
                .eval("return window.__bench ? [__bench.firstPaint, __bench.interactive, __bench.errors, __bench.wordsReady] : null;", vec![])
                .await?;
            if let Some(errors) = state[2].as_array().filter(|e| !e.is_empty()) {
                return Err(format!("the page failed: {}", Value::Array(errors.clone())));
            }
            if state[0].is_number() && state[1].is_number() && state[3].is_number() {
                return self.eval(AFTER_LOAD, vec![]).await;
            }
            if Instant::now() > deadline {
                return Err(format!("no timeline painted within {patience:.0?} (probe: {state})"));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `__bench[list]` has more than `before` entries; returns the new one.
    async fn next_sample(&self, list: &str, before: usize, patience: Duration) -> Result<Value, String> {
        let deadline = Instant::now() + patience;
        loop {
            let got = self
                .eval(&format!("return __bench.{list}.length > {before} ? __bench.{list}[{before}] : null;"), vec![])
                .await?;
            if !got.is_null() {
                return Ok(got);
            }
            if Instant::now() > deadline {
                return Err(format!("no frame followed within {patience:.0?}"));
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    async fn count(&self, list: &str) -> Result<usize, String> {
        Ok(self.eval(&format!("return __bench.{list}.length;"), vec![]).await?.as_u64().unwrap_or(0) as usize)
    }
}

/// Loads, interactions, memory and engines, written into `out` as they are measured.
pub(super) async fn browse(plan: &Plan, out: &mut Value) -> Result<(), String> {
    let mut first_paint = Vec::new();
    let mut interactive = Vec::new();
    let mut words_ready = Vec::new();
    let mut longest = Vec::new();
    let (mut heap, mut wasm) = (Vec::new(), Vec::new());
    let mut phases: HashMap<&str, Vec<f64>> = HashMap::new();
    const PHASES: [&str; 4] = ["html", "dom_content_loaded", "wasm_fetched", "app_started"];
    for i in 0..plan.loads {
        let session = Session::start(plan, i).await?;
        let result = session.open(&plan.url, plan.patience).await;
        session.quit().await;
        let page = result.map_err(|m| format!("load {}: {m}", i + 1))?;
        first_paint.push(page["firstPaint"].as_f64().unwrap_or(f64::NAN));
        interactive.push(page["interactive"].as_f64().unwrap_or(f64::NAN));
        words_ready.push(page["wordsReady"].as_f64().unwrap_or(f64::NAN));
        longest.extend(page["longestTask"].as_f64());
        heap.extend(page["heap"].as_f64());
        wasm.extend(page["wasm"].as_f64());
        for phase in PHASES {
            phases.entry(phase).or_default().extend(page["phases"][phase].as_f64());
        }
        out["load"] = json!({
            "loads": first_paint.len(),
            "first_paint_ms": stats(&first_paint),
            "interactive_ms": stats(&interactive),
            "words_ready_ms": stats(&words_ready),
            "longest_task_ms": stats(&longest),
            "phases_ms": PHASES.iter().map(|p| (p.to_string(), json!(median(phases.get(p).map_or(&[][..], Vec::as_slice))))).collect::<serde_json::Map<_, _>>(),
            "dom_rows": page["rows"],
            "rows_fit": page["fit"],
            "window": [WINDOW.0, WINDOW.1],
        });
        out["memory"] = json!({ "js_heap_bytes": median(&heap), "wasm_bytes": median(&wasm) });
        println!(
            "xtask: bench:   load {}: first timeline paint {:.0} ms, interactive {:.0} ms, {} rows in the DOM",
            i + 1,
            first_paint.last().unwrap_or(&f64::NAN),
            interactive.last().unwrap_or(&f64::NAN),
            page["rows"]
        );
    }

    // The engines in a fresh page of their own, then typing and filtering in another,
    // so that one breaking (a crashed tab) leaves the other's figures.
    let mut problems = Vec::new();
    let session = Session::start(plan, plan.loads).await?;
    let result = match session.open(&plan.url, plan.patience).await {
        Ok(_) => engines(&session, plan).await,
        Err(m) => Err(m),
    };
    session.quit().await;
    match result {
        Ok(figures) => out["engine"] = figures,
        Err(m) => problems.push(format!("engines: {m}")),
    }
    let session = Session::start(plan, plan.loads + 1).await?;
    let result = interact(&session, plan, out).await;
    session.quit().await;
    if let Err(m) = result {
        problems.push(format!("interaction: {m}"));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("; ")) }
}

/// Types each of the plan's words into the page's `#search` and erases it, a key at a
/// time, pushing each key's time to the next paint onto `keys` (stopping after its time:
/// large corpora take seconds a keystroke).
async fn type_words(session: &Session, plan: &Plan, keys: &mut Vec<f64>) -> Result<(), String> {
    let search = session.driver.find(By::Id("search")).await.map_err(|e| format!("no search box: {e}"))?;
    let deadline = Instant::now() + plan.patience * 2;
    for word in &plan.words {
        let strokes: Vec<TypingData> = word
            .chars()
            .map(|c| TypingData::from(c.to_string()))
            .chain(word.chars().map(|_| TypingData::from(Key::Backspace)))
            .collect();
        for stroke in strokes {
            let context = |m: String| format!("keystroke {} (typing “{word}”): {m}", keys.len() + 1);
            let before = session.count("keys").await.map_err(context)?;
            search.send_keys(stroke).await.map_err(|e| context(e.to_string()))?;
            let sample = session.next_sample("keys", before, plan.patience).await.map_err(context)?;
            keys.push(sample.as_f64().unwrap_or(f64::NAN));
            if Instant::now() > deadline {
                return Ok(());
            }
        }
    }
    Ok(())
}

async fn interact(session: &Session, plan: &Plan, out: &mut Value) -> Result<(), String> {
    // The same keys into a search box with no script (`BARE_PAGE`): what a keystroke
    // costs this browser alone, the floor under the keystroke figure.
    session.driver.goto(&plan.bare_url).await.map_err(|e| format!("the bare search box: {e}"))?;
    let mut bare = Vec::new();
    let typed = type_words(session, plan, &mut bare).await;
    out["interaction"]["bare_keystroke_ms"] = stats(&bare);
    typed.map_err(|m| format!("the bare search box: {m}"))?;

    session.open(&plan.url, plan.patience).await?;
    let idle = session.driver.execute_async(IDLE_FRAMES, vec![]).await.map_err(|e| format!("idle frames: {e}"))?;
    let idle: Vec<f64> =
        idle.json().as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    out["interaction"]["idle_frame_ms"] = stats(&idle);
    let from = session.eval("return performance.now();", vec![]).await?;
    let mut keys = Vec::new();
    let typed = type_words(session, plan, &mut keys).await;
    out["interaction"]["keystroke_ms"] = stats(&keys);
    typed?;
    out["interaction"]["typed"] = json!(plan.words);

    let mut filter = Vec::new();
    let mut clear = Vec::new();
    let deadline = Instant::now() + plan.patience * 2;
    out["interaction"]["entities"] = json!(plan.entities);
    for id in &plan.entities {
        if Instant::now() > deadline {
            out["interaction"]["stopped_early"] = json!(true);
            break;
        }
        for (hash, clearing) in [(format!("#e={}", encode(id)), false), (String::new(), true)] {
            let context = |m: String| {
                format!(
                    "{} entity filter {}: {m}",
                    if clearing { "clearing" } else { "applying" },
                    filter.len() + usize::from(!clearing)
                )
            };
            let before = session.count("hashes").await.map_err(context)?;
            session.eval("location.hash = arguments[0];", vec![json!(hash)]).await.map_err(context)?;
            let sample = session.next_sample("hashes", before, plan.patience).await.map_err(context)?;
            let ms = sample["ms"].as_f64().unwrap_or(f64::NAN);
            if clearing {
                clear.push(ms)
            } else {
                filter.push(ms)
            }
            // Each filter's own figure too, so an outlier names its entity.
            out["interaction"]["entity_filter_each_ms"] = json!(filter);
            out["interaction"]["entity_filter_ms"] = stats(&filter);
            out["interaction"]["clear_filter_ms"] = stats(&clear);
        }
    }
    // The longest main-thread task while typing and filtering (0: none of 50 ms or more);
    // the observer hears of a task after it ends, so give it a moment.
    tokio::time::sleep(Duration::from_millis(200)).await;
    out["interaction"]["longest_task_ms"] =
        session.eval("return __bench.longest(arguments[0], Infinity);", vec![from]).await?;
    Ok(())
}

async fn engines(session: &Session, plan: &Plan) -> Result<Value, String> {
    for script in ["minisearch/dist/umd/index.js", "flexsearch/dist/flexsearch.bundle.min.js"] {
        let path = plan.engines.join(script);
        let source = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let result = session
            .driver
            .cdp()
            .send_raw("Runtime.evaluate", json!({ "expression": source }))
            .await
            .map_err(|e| format!("loading {script}: {e}"))?;
        if result.get("exceptionDetails").is_some() {
            return Err(format!("loading {script}: {}", result["exceptionDetails"]));
        }
    }
    let budget_ms = 25;
    let result = session
        .driver
        .execute_async(ENGINES, vec![json!(plan.queries), json!(budget_ms)])
        .await
        .map_err(|e| format!("engines: {e}"))?
        .json()
        .clone();
    if let Some(error) = result.get("error") {
        return Err(format!("engines: {error}"));
    }
    let per_query = result["perQuery"].as_array().cloned().unwrap_or_default();
    let times = |name: &str| per_query.iter().filter_map(|q| q[name]["ms"].as_f64()).collect::<Vec<_>>();
    let hits = |name: &str| per_query.iter().filter_map(|q| q[name]["hits"].as_u64()).sum::<u64>();
    let (chronicle, mini, flex) =
        (median(&times("chronicle")), median(&times("minisearch")), median(&times("flexsearch")));
    let kept = median(&times("chronicle_kept"));
    Ok(json!({
        "documents": result["documents"],
        "chars": result["chars"],
        "texts_ms": result["textsMs"],
        "minisearch_build_ms": result["miniBuild"],
        "flexsearch_build_ms": result["flexBuild"],
        "chronicle_ms": chronicle,
        "minisearch_ms": mini,
        "flexsearch_ms": flex,
        "vs_flexsearch": ratio(chronicle, flex),
        "vs_minisearch": ratio(chronicle, mini),
        "chronicle_kept_ms": kept,
        "kept_vs_flexsearch": ratio(kept, flex),
        "hits": { "chronicle": hits("chronicle"), "minisearch": hits("minisearch"), "flexsearch": hits("flexsearch") },
        "per_query": per_query,
        "repeat_ms": budget_ms,
    }))
}

/// One line from an error: WebDriver's carry a stack trace and line breaks.
pub(super) fn tidy(message: &str) -> String {
    let message = message.split("Stacktrace:").next().unwrap_or(message);
    let message = message.replace("The WebDriver response does not conform to the W3C WebDriver spec:", "");
    let words: Vec<&str> = message.split_whitespace().collect();
    words.join(" ")
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webdriver_errors_become_one_line() {
        let raw = "browser: script failed: The WebDriver response does not conform to the W3C WebDriver spec:\n    \
                   Status: 500\n    Additional info:\n        tab crashed\n        Stacktrace:\n   0x55 <unknown>";
        assert_eq!(tidy(raw), "browser: script failed: Status: 500 Additional info: tab crashed");
    }

    #[test]
    fn entity_ids_are_percent_encoded() {
        assert_eq!(encode("place:new-harbour"), "place%3Anew-harbour");
        assert_eq!(encode("person:ana lee"), "person%3Aana%20lee");
    }
}
