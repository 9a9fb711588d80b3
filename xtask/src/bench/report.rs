//! Statistics and the report: medians and 95th percentiles, every figure beside its budget with
//! PASS or FAIL, the terminal table, `bench/report.md` and `bench/report.json`.

use std::path::Path;

use serde_json::{Value, json};

use super::{
    ENTITY_FILTER_MS, FLOOR_FACTOR, FLOOR_FROM, HUGE, HUGE_FIRST_PAINT_MS, HUGE_LONG_TASK_MS, HUGE_MEMORY_BYTES,
    HUGE_PIPELINE_S, HUGE_READY_MS, HUGE_SITE_S, ONE_FRAME_MS, SHELL_BUDGET, SHELL_OVER_FLOOR,
};

/// Median and 95th percentile (nearest rank) of the finite samples.
pub(super) fn stats(samples: &[f64]) -> Value {
    let mut s: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if s.is_empty() {
        return Value::Null;
    }
    s.sort_by(f64::total_cmp);
    let rank = ((0.95 * s.len() as f64).ceil() as usize).clamp(1, s.len());
    json!({ "median": median(&s), "p95": s[rank - 1], "samples": s.len(), "max": s[s.len() - 1] })
}

pub(super) fn median(samples: &[f64]) -> Option<f64> {
    let mut s: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    if s.is_empty() {
        return None;
    }
    s.sort_by(f64::total_cmp);
    let n = s.len();
    Some(if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 })
}

pub(super) fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

/// How the figures are taken, written into the report.
pub(super) const METHOD: &str = "
Shell: the HTML, JS, CSS and wasm of a release site built from an empty folder (no corpus in the wasm), brotli quality 11. Its floor: `bench/floor`, a Yew app of one counter built the same way, alone and calling every function the app calls in `model` (its JS and wasm).
Corpus: the bytes `pipeline bundle` writes and, past 1 MB, the preview of its newest events (what build.rs embeds), brotli; floor: the articles' titles and clean text, brotli at the same quality (11; 9 past 64 MB).
Pipeline: input bytes over the wall time of the release `pipeline bundle` command, and each step's time as it prints them. Site: wall time of `trunk build --release` with the build script rerun. With `--reuse`, a size's corpus and site are those an earlier run built, and its build figures are that run's.
Loads: a fresh headless Chromium profile per load, 1280x900, served from 127.0.0.1 without the service worker. Times run from navigation start to the end of the first frame (requestAnimationFrame, then a MessageChannel task) in which `li.event` exists (first timeline paint) or `<html data-ready>` is set (interactive). The page is served with the newest rows in it (the build's static opening screen, `pipeline::opening`), so the first timeline paint is theirs, before the app has loaded (runs from before that screen existed measured the app's first rows).
Keystroke: WebDriver key events into #search (each word typed, then erased), from the keydown's timeStamp to the end of the next frame. Entity filter: from `hashchange` to `#e=<id>` to the end of the next frame.
Long tasks: Chromium's `longtask` entries (main-thread tasks of 50 ms and more) seen by the probe; before ready, the longest that began before `data-ready`, per load; while typing and filtering, the longest that began once typing started.
Memory: performance.memory.usedJSHeapSize after gc(), plus the wasm memory's size, median over loads.
Engines: the same page, the same texts (per event: summary and source sentences, or the article for a publication) and queries; Chronicle through the app's filter path (wasm; the budget figure looks every query word up afresh, as on a new query, for a repeated query would otherwise time the index's cache of the latest words; the figure with the words kept is given beside it), MiniSearch (prefix, AND) and FlexSearch (tokenize forward, no limit); each query repeated for at least 25 ms; medians over queries.
";

/// One line of the table: size, figure, value, budget, verdict.
type Row = [String; 5];

/// The shell floor's brotli size with the model's calls, when the bench measured it.
fn shell_floor_model(report: &Value) -> Option<f64> {
    report["shell_floor"]["yew_and_model"]["brotli"].as_f64()
}

fn table_rows(report: &Value) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let row = |size: &str, figure: &str, value: String, budget: &str, pass: Option<bool>| -> Row {
        let verdict = match pass {
            Some(true) => "PASS",
            Some(false) => "FAIL",
            None => "",
        };
        [size.to_owned(), figure.to_owned(), value, budget.to_owned(), verdict.to_owned()]
    };
    let shell = &report["shell"];
    if let Some(brotli) = shell["brotli"].as_f64() {
        rows.push(row(
            "all",
            "app shell (HTML+JS+CSS+wasm, no corpus)",
            format!("{} raw, {} brotli", kb(shell["raw"].as_f64()), kb(Some(brotli))),
            "≤ 150 kB brotli and ≤ floor (Yew + model) + 50 kB",
            Some(
                brotli <= SHELL_BUDGET
                    && shell_floor_model(report).is_none_or(|floor| brotli <= floor + SHELL_OVER_FLOOR),
            ),
        ));
    }
    for (key, what) in [
        ("yew", "a minimal Yew 0.23 app, built as the app is"),
        ("yew_and_model", "that app calling what Chronicle asks of `model`, no view"),
    ] {
        let floor = &report["shell_floor"][key];
        if let Some(brotli) = floor["brotli"].as_f64() {
            let value = format!("{} raw, {} brotli", kb(floor["raw"].as_f64()), kb(Some(brotli)));
            rows.push(row("all", &format!("app shell floor: {what} (JS+wasm)"), value, "", None));
        }
    }
    if let Some(failure) = report["shell_floor"]["failure"].as_str() {
        rows.push(row("all", "app shell floor", format!("not measured: {failure}"), "", None));
    }
    let mut sizes: Vec<(usize, &Value)> = report["sizes"]
        .as_object()
        .map(|m| m.iter().filter_map(|(k, v)| k.parse().ok().map(|n| (n, v))).collect())
        .unwrap_or_default();
    sizes.sort_by_key(|(n, _)| *n);
    for (n, e) in sizes {
        let s = group(n);
        let s = s.as_str();
        rows.push(row(
            s,
            "corpus: articles read / events / entities",
            format!("{} / {} / {}", num(&e["articles_read"]), num(&e["events"]), num(&e["entities"])),
            "",
            None,
        ));
        if let Some(l) = e["load_average_at_start"].as_f64() {
            rows.push(row(
                s,
                "machine load average when this size started",
                format!("{l:.1} on {} cores", report["machine"]["cores"]),
                "",
                None,
            ));
        }
        let b = &e["bundle"];
        if let Some(r) = b["ratio"].as_f64() {
            if b["chunks"].as_u64().is_some_and(|n| n > 0) {
                rows.push(row(
                    s,
                    "split: embedded core with preview / chunk files (raw / brotli)",
                    format!(
                        "{} / {}; {} files, {} / {}",
                        kb(b["embedded_raw"].as_f64()),
                        kb(b["embedded_brotli"].as_f64()),
                        b["chunks"],
                        kb(b["chunks_raw"].as_f64()),
                        kb(b["chunks_brotli"].as_f64())
                    ),
                    "",
                    None,
                ));
            }
            rows.push(row(
                s,
                "corpus with its preview and any chunk files (raw / brotli)",
                {
                    let sizes = format!("{} / {}", kb(b["corpus_raw"].as_f64()), kb(b["corpus_brotli"].as_f64()));
                    match (b["preview_raw"].as_f64(), b["preview_brotli"].as_f64()) {
                        (Some(r), Some(br)) => format!("{sizes} (preview {} / {})", kb(Some(r)), kb(Some(br))),
                        _ => sizes,
                    }
                },
                "",
                None,
            ));
            rows.push(row(
                s,
                "text floor (titles + clean text, brotli; raw ÷ brotli)",
                match (b["floor_brotli"].as_f64(), b["floor_text_raw"].as_f64()) {
                    (Some(f), Some(raw)) if f > 0.0 => {
                        format!("{} (q{}; {:.1}×)", kb(Some(f)), b["brotli_quality"], raw / f)
                    }
                    (f, _) => format!("{} (q{})", kb(f), b["brotli_quality"]),
                },
                "",
                None,
            ));
            let judged = n >= FLOOR_FROM;
            rows.push(row(
                s,
                "corpus+index ÷ floor (brotli)",
                format!("{r:.2}×"),
                if judged { "≤ 2.0× from 1,000 articles" } else { "" },
                judged.then_some(r <= FLOOR_FACTOR),
            ));
            if let Some(without) = without_text_index(b) {
                rows.push(row(
                    s,
                    "the same less its text index (estimate: less the words' and postings' streams) ÷ floor",
                    format!("{without:.2}×"),
                    "",
                    None,
                ));
            }
        }
        let build = &e["build"];
        if let Some(mbs) = build["pipeline_mb_per_s"].as_f64() {
            rows.push(row(
                s,
                "pipeline (release CLI)",
                format!(
                    "{mbs:.2} MB/s ({} in {}, peak {})",
                    mb(e["input_bytes"].as_f64()),
                    secs(build["pipeline_seconds"].as_f64()),
                    mb(build["pipeline_peak_rss"].as_f64())
                ),
                if n >= HUGE { "≤ 5 min" } else { "" },
                if n >= HUGE { build["pipeline_seconds"].as_f64().map(|t| t <= HUGE_PIPELINE_S) } else { None },
            ));
        }
        if let Some(steps) = build["pipeline_steps"].as_str() {
            rows.push(row(s, "pipeline steps", steps.to_owned(), "", None));
        }
        if let Some(t) = build["site_seconds"].as_f64() {
            rows.push(row(
                s,
                "site build (trunk --release)",
                format!(
                    "{} (wasm {}, peak {})",
                    secs(Some(t)),
                    mb(build["wasm_bytes"].as_f64()),
                    mb(build["site_peak_rss"].as_f64())
                ),
                if n >= HUGE { "≤ 10 min" } else { "" },
                if n >= HUGE { Some(t <= HUGE_SITE_S) } else { None },
            ));
        }
        if e["build_reused"].as_bool() == Some(true) {
            let from = match e["build_commit"].as_str() {
                Some(c) => format!("corpus and site reused (`--reuse`); build figures from {c}"),
                None => "corpus and site reused (`--reuse`); build not measured".to_owned(),
            };
            rows.push(row(s, "build", from, "", None));
        }
        let load = &e["load"];
        if !load["first_paint_ms"].is_null() {
            let budget = match n {
                0..=1_000 => Some(300.0),
                1_001..=10_000 => None,
                _ => Some(HUGE_FIRST_PAINT_MS),
            };
            let p = &load["first_paint_ms"];
            rows.push(row(
                s,
                &format!("first timeline paint (median / p95, {} loads)", load["loads"]),
                ms_pair(p),
                &budget.map_or(String::new(), |b| format!("median ≤ {b:.0} ms")),
                budget.and_then(|b| p["median"].as_f64().map(|m| m <= b)),
            ));
            let huge = n >= HUGE;
            rows.push(row(
                s,
                "interactive (median / p95)",
                ms_pair(&load["interactive_ms"]),
                if huge { "median ≤ 4 s" } else { "" },
                if huge { load["interactive_ms"]["median"].as_f64().map(|m| m <= HUGE_READY_MS) } else { None },
            ));
            if !load["words_ready_ms"].is_null() {
                rows.push(row(
                    s,
                    "search words decoded, in idle slices after interactive (median / p95)",
                    ms_pair(&load["words_ready_ms"]),
                    "",
                    None,
                ));
            }
            if !load["longest_task_ms"].is_null() {
                let l = &load["longest_task_ms"];
                rows.push(row(
                    s,
                    "longest main-thread task before ready and search words decoded (median / p95 over loads)",
                    format!("{} / {}", task_ms(l["median"].as_f64()), task_ms(l["p95"].as_f64())),
                    if n >= HUGE { "median ≤ 200 ms" } else { "" },
                    if n >= HUGE { l["median"].as_f64().map(|m| m <= HUGE_LONG_TASK_MS) } else { None },
                ));
            }
            let ph = &load["phases_ms"];
            if ph.is_object() {
                rows.push(row(
                    s,
                    "load phases (medians): HTML / DOMContentLoaded / wasm fetched / wasm started",
                    format!(
                        "{} / {} / {} / {}",
                        ms(ph["html"].as_f64()),
                        ms(ph["dom_content_loaded"].as_f64()),
                        ms(ph["wasm_fetched"].as_f64()),
                        ms(ph["app_started"].as_f64())
                    ),
                    "",
                    None,
                ));
            }
            let (dom, fit) = (load["dom_rows"].as_u64(), load["rows_fit"].as_u64());
            let total = e["events"].as_u64();
            if let (Some(dom), Some(total)) = (dom, total) {
                let allowed = fit.map(|f| 2 * f);
                rows.push(row(
                    s,
                    "timeline rows in the DOM after load",
                    format!("{dom} of {total} events ({} fit the window)", fit.map_or("?".into(), |f| f.to_string())),
                    &allowed.map_or(String::new(), |a| format!("≤ {a} (screen + 1 screen overscan)")),
                    allowed.map(|a| dom <= a),
                ));
            }
        }
        let i = &e["interaction"];
        if let Some(t) = i["longest_task_ms"].as_f64() {
            rows.push(row(
                s,
                "longest main-thread task while typing and filtering",
                task_ms(Some(t)),
                if n >= HUGE { "≤ 200 ms" } else { "" },
                if n >= HUGE { Some(t <= HUGE_LONG_TASK_MS) } else { None },
            ));
        }
        if !i["idle_frame_ms"].is_null() {
            rows.push(row(
                s,
                "idle task → next paint (this browser's floor; median / p95)",
                ms_pair(&i["idle_frame_ms"]),
                "",
                None,
            ));
        }
        if !i["bare_keystroke_ms"].is_null() {
            rows.push(row(
                s,
                "a bare search box, no script: keystroke → next paint (median / p95)",
                ms_pair(&i["bare_keystroke_ms"]),
                "",
                None,
            ));
        }
        if !i["keystroke_ms"].is_null() {
            // Judged against the bare box's p95 of the same run, one frame over it.
            let bare = i["bare_keystroke_ms"]["p95"].as_f64();
            let budget = if n >= FLOOR_FROM { bare.map(|b| b + ONE_FRAME_MS) } else { None };
            rows.push(row(
                s,
                &format!("keystroke → next paint (median / p95, {} keys)", i["keystroke_ms"]["samples"]),
                ms_pair(&i["keystroke_ms"]),
                &budget.map_or(String::new(), |b| format!("p95 ≤ bare box + 16.7 = {b:.1} ms")),
                budget.and_then(|b| i["keystroke_ms"]["p95"].as_f64().map(|p| p <= b)),
            ));
        }
        if !i["entity_filter_ms"].is_null() {
            rows.push(row(
                s,
                &format!("entity filter → next paint (median / p95, {} filters)", i["entity_filter_ms"]["samples"]),
                ms_pair(&i["entity_filter_ms"]),
                if n == 10_000 { "p95 ≤ 50 ms at 10,000" } else { "" },
                if n == 10_000 { i["entity_filter_ms"]["p95"].as_f64().map(|p| p <= ENTITY_FILTER_MS) } else { None },
            ));
        }
        if !i["clear_filter_ms"].is_null() {
            rows.push(row(
                s,
                "clearing the entity filter → next paint (median / p95)",
                ms_pair(&i["clear_filter_ms"]),
                "",
                None,
            ));
        }
        let m = &e["memory"];
        if !m["wasm_bytes"].is_null() || !m["js_heap_bytes"].is_null() {
            let total = m["wasm_bytes"].as_f64().unwrap_or(0.0) + m["js_heap_bytes"].as_f64().unwrap_or(0.0);
            rows.push(row(
                s,
                "memory after load (JS heap + wasm)",
                format!("{} ({} + {})", mb(Some(total)), mb(m["js_heap_bytes"].as_f64()), mb(m["wasm_bytes"].as_f64())),
                if n >= HUGE { "≤ 400 MB" } else { "" },
                if n >= HUGE { Some(total <= HUGE_MEMORY_BYTES) } else { None },
            ));
        }
        let g = &e["engine"];
        if !g["chronicle_ms"].is_null() {
            rows.push(row(
                s,
                &format!(
                    "query median: Chronicle / MiniSearch / FlexSearch ({} queries)",
                    g["per_query"].as_array().map_or(0, Vec::len)
                ),
                format!(
                    "{} / {} / {}",
                    us(g["chronicle_ms"].as_f64()),
                    us(g["minisearch_ms"].as_f64()),
                    us(g["flexsearch_ms"].as_f64())
                ),
                "",
                None,
            ));
            let vs_flex = g["vs_flexsearch"].as_f64();
            let budget = n == 10_000 || n >= HUGE;
            rows.push(row(
                s,
                "Chronicle ÷ FlexSearch (÷ MiniSearch)",
                format!("{} ({})", times(vs_flex), times(g["vs_minisearch"].as_f64())),
                if budget { "≤ 1.0× at 10,000 and 100,000" } else { "" },
                if budget { vs_flex.map(|r| r <= 1.0) } else { None },
            ));
            if !g["chronicle_kept_ms"].is_null() {
                rows.push(row(
                    s,
                    "Chronicle with the query's words kept from the call before (as while typing on): median, ÷ FlexSearch",
                    format!("{} ({})", us(g["chronicle_kept_ms"].as_f64()), times(g["kept_vs_flexsearch"].as_f64())),
                    "",
                    None,
                ));
            }
            rows.push(row(
                s,
                "index build: MiniSearch / FlexSearch",
                format!("{} / {}", ms(g["minisearch_build_ms"].as_f64()), ms(g["flexsearch_build_ms"].as_f64())),
                "",
                None,
            ));
        }
        let failures = e["failures"].as_array().cloned().unwrap_or_default();
        for f in &failures {
            rows.push(row(s, "broke", f.as_str().unwrap_or("").chars().take(300).collect(), "", Some(false)));
        }
        if n >= HUGE {
            let loaded = !e["load"]["first_paint_ms"].is_null();
            rows.push(row(
                s,
                "builds and loads",
                (if loaded { "yes" } else { "no" }).into(),
                "builds and loads",
                Some(loaded),
            ));
        }
    }
    rows
}

fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn num(v: &Value) -> String {
    v.as_u64().map_or("?".into(), |n| group(n as usize))
}

/// The corpus's ratio to its floor without the text index, estimated as the whole
/// corpus's brotli less the index's two streams' own (brotli of the parts does not add up
/// exactly to brotli of the whole); `None` without the streams.
fn without_text_index(bundle: &Value) -> Option<f64> {
    let streams = bundle["streams"].as_array()?;
    let stream = |name: &str| streams.iter().find(|x| x["stream"] == name).and_then(|x| x["brotli"].as_f64());
    let index = stream("words")? + stream("postings")?;
    Some((bundle["corpus_brotli"].as_f64()? - index) / bundle["floor_brotli"].as_f64().filter(|f| *f > 0.0)?)
}

fn kb(v: Option<f64>) -> String {
    v.map_or("?".into(), |b| if b >= 1e6 { format!("{:.1} MB", b / 1e6) } else { format!("{:.1} kB", b / 1e3) })
}

fn mb(v: Option<f64>) -> String {
    v.map_or("?".into(), |b| format!("{:.1} MB", b / 1e6))
}

fn secs(v: Option<f64>) -> String {
    v.map_or("?".into(), |s| format!("{s:.1} s"))
}

fn ms(v: Option<f64>) -> String {
    v.map_or("?".into(), |m| if m < 1.0 { format!("{m:.3} ms") } else { format!("{m:.1} ms") })
}

/// A query time (given in ms) in microseconds.
fn us(v: Option<f64>) -> String {
    v.map_or("?".into(), |m| if m < 1.0 { format!("{:.2} µs", m * 1000.0) } else { ms(Some(m)) })
}

/// A longest-task figure: the long-task observer reports only tasks of 50 ms and more,
/// so 0 means there was none.
fn task_ms(v: Option<f64>) -> String {
    if v == Some(0.0) { "none of 50 ms or more".into() } else { ms(v) }
}

fn ms_pair(v: &Value) -> String {
    format!("{} / {}", ms(v["median"].as_f64()), ms(v["p95"].as_f64()))
}

fn times(v: Option<f64>) -> String {
    // Two decimals, or two significant digits for ratios below 0.01 (not "0.00×").
    v.map_or("?".into(), |r| if r > 0.0 && r < 0.01 { format!("{r:.1e}×") } else { format!("{r:.2}×") })
}

/// The table as plain text for the terminal.
pub(super) fn table(report: &Value) -> String {
    let rows = table_rows(report);
    let header: Row = ["size".into(), "figure".into(), "value".into(), "budget".into(), "result".into()];
    let mut widths = [0usize; 5];
    for r in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count().min(90));
        }
    }
    let mut out = String::new();
    for r in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = r
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count()))))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub(super) fn write_report(dir: &Path, report: &Value) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let json = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("report.json"), json + "\n").map_err(|e| format!("cannot write report.json: {e}"))?;
    std::fs::write(dir.join("report.md"), markdown(report)).map_err(|e| format!("cannot write report.md: {e}"))
}

fn markdown(report: &Value) -> String {
    let machine = &report["machine"];
    let mut md = String::from("# Chronicle bench\n\n");
    md.push_str(&format!(
        "Written by `cargo xtask bench` (figures in `report.json`). Machine: {} cores, {:.0} GB memory, {}. \
         Each size row records its own commit and time in the JSON; a run replaces only the sizes it measured.\n\n",
        machine["cores"],
        machine["memory_bytes"].as_f64().unwrap_or(0.0) / 1e9,
        machine["chromium"].as_str().unwrap_or("?")
    ));
    md.push_str("| size | figure | value | budget | result |\n| --- | --- | --- | --- | --- |\n");
    for r in table_rows(report) {
        let cells: Vec<String> = r.iter().map(|c| c.replace('|', "\\|")).collect();
        md.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    md.push_str("\n## How the figures are taken\n\n");
    for line in report["method"].as_str().unwrap_or("").lines() {
        md.push_str(&format!("- {line}\n"));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p95_use_the_nearest_rank() {
        let s = stats(&[5.0, 1.0, 3.0, f64::NAN, 2.0, 4.0]);
        assert_eq!(s["median"], json!(3.0));
        assert_eq!(s["p95"], json!(5.0));
        assert_eq!(s["samples"], json!(5));
        assert_eq!(median(&[1.0, 2.0, 3.0, 4.0]), Some(2.5));
        assert_eq!(stats(&[]), Value::Null);
    }

    #[test]
    fn reused_builds_are_said_so() {
        let entry = |extra: Value| {
            let mut e = json!({ "events": 1, "build_reused": true });
            for (k, v) in extra.as_object().unwrap() {
                e[k] = v.clone();
            }
            json!({ "sizes": { "1000": e } })
        };
        let build_row = |report: &Value| table_rows(report).into_iter().find(|r| r[1] == "build").map(|r| r[2].clone());
        assert_eq!(build_row(&entry(json!({}))).unwrap(), "corpus and site reused (`--reuse`); build not measured");
        let carried = entry(json!({ "build_commit": "abc1234", "build": { "site_seconds": 10.0 } }));
        assert_eq!(build_row(&carried).unwrap(), "corpus and site reused (`--reuse`); build figures from abc1234");
        assert!(table_rows(&carried).iter().any(|r| r[1].starts_with("site build")));
        assert_eq!(build_row(&json!({ "sizes": { "1000": { "events": 1 } } })), None);
    }

    #[test]
    fn budgets_are_judged_and_failures_listed() {
        let report = json!({
            "shell": { "raw": 400_000, "brotli": 125_000 },
            "shell_floor": { "yew": { "raw": 150_000, "brotli": 49_000 }, "yew_and_model": { "raw": 260_000, "brotli": 90_700 } },
            "sizes": {
                "1000": {
                    "events": 3000,
                    "bundle": { "ratio": 1.2, "corpus_raw": 1, "corpus_brotli": 1200, "floor_brotli": 1000, "brotli_quality": 11,
                                "streams": [{ "stream": "body", "brotli": 990 }, { "stream": "words", "brotli": 50 }, { "stream": "postings", "brotli": 100 }] },
                    "load": { "loads": 15, "first_paint_ms": { "median": 250.0, "p95": 400.0 }, "interactive_ms": { "median": 1.0, "p95": 2.0 }, "dom_rows": 9000, "rows_fit": 10,
                              "longest_task_ms": { "median": 120.0, "p95": 130.0 } },
                    "interaction": { "keystroke_ms": { "median": 9.0, "p95": 15.0, "samples": 40 }, "longest_task_ms": 0.0,
                                     "bare_keystroke_ms": { "median": 11.0, "p95": 17.0, "samples": 40 } },
                    "failures": ["site build: out of memory"]
                }
            }
        });
        let rows = table_rows(&report);
        let verdict = |figure: &str| rows.iter().find(|r| r[1].starts_with(figure)).map(|r| r[4].clone()).unwrap();
        // 125 kB: under 150 kB and under the floor's 90.7 + 50.
        assert_eq!(verdict("app shell"), "PASS");
        assert_eq!(verdict("corpus+index"), "PASS");
        assert_eq!(verdict("first timeline paint"), "PASS");
        assert_eq!(verdict("timeline rows"), "FAIL");
        // 15 ms at p95 against the bare box's 17 + 16.7.
        assert_eq!(verdict("keystroke"), "PASS");
        // Long tasks have a budget only at 100,000 articles.
        assert_eq!(verdict("longest main-thread task before ready and search words decoded"), "");
        assert_eq!(verdict("longest main-thread task while typing"), "");
        assert!(rows.iter().any(|r| r[2] == "none of 50 ms or more"), "no long task is said so");
        assert_eq!(verdict("broke"), "FAIL");
        assert!(markdown(&report).contains("| 1,000 | keystroke"));
        assert_eq!(
            rows.iter().find(|r| r[1].starts_with("the same less its text index")).map(|r| r[2].as_str()),
            Some("1.05×")
        );
        assert!(rows.iter().any(|r| r[1].starts_with("a bare search box, no script: keystroke") && r[4].is_empty()));
        let floor =
            rows.iter().find(|r| r[1].starts_with("app shell floor: that app calling")).expect("the floor with model");
        assert_eq!((floor[2].as_str(), floor[4].as_str()), ("260.0 kB raw, 90.7 kB brotli", ""));
        assert!(rows.iter().any(|r| r[1].starts_with("app shell floor: a minimal Yew")));

        // Over the floor by more than 50 kB, a keystroke a frame over the bare box's,
        // and 100,000 articles over each of their budgets: each fails.
        let mut worse = report.clone();
        worse["shell"]["brotli"] = json!(145_000);
        worse["sizes"]["1000"]["interaction"]["keystroke_ms"]["p95"] = json!(34.0);
        worse["sizes"]["100000"] = json!({
            "events": 300000,
            "build": { "pipeline_mb_per_s": 1.0, "pipeline_seconds": 301.0, "site_seconds": 601.0 },
            "load": { "loads": 3, "first_paint_ms": { "median": 1001.0, "p95": 1100.0 },
                      "interactive_ms": { "median": 4001.0, "p95": 4100.0 }, "longest_task_ms": { "median": 201.0, "p95": 250.0 } },
            "interaction": { "entity_filter_ms": { "median": 10.0, "p95": 20.0, "samples": 3 } },
            "memory": { "wasm_bytes": 300e6, "js_heap_bytes": 101e6 }
        });
        let rows = table_rows(&worse);
        let verdict = |size: &str, figure: &str| {
            rows.iter().find(|r| r[0] == size && r[1].starts_with(figure)).map(|r| r[4].clone()).unwrap()
        };
        assert_eq!(verdict("all", "app shell"), "FAIL");
        assert_eq!(verdict("1,000", "keystroke"), "FAIL");
        for figure in [
            "pipeline (release CLI)", "site build", "first timeline paint", "interactive",
            "longest main-thread task before ready", "memory after load",
        ] {
            assert_eq!(verdict("100,000", figure), "FAIL", "{figure}");
        }
        // The entity filter's budget is for 10,000 articles.
        assert_eq!(verdict("100,000", "entity filter"), "");
    }
}
