//! End-to-end tests: headless Chromium, driven over WebDriver (chromedriver), against
//! the release build served by a real static HTTP server under a sub-path.
//!
//! `cargo xtask test` builds the sites, starts the server and chromedriver, and runs
//! this file with:
//! - `CHRONICLE_E2E_SITE`: URL of the site built from `assets/articles/`, and
//!   `CHRONICLE_E2E_SITE_DIR` its folder (the offline test serves it itself);
//! - `CHRONICLE_E2E_TWO_SITE` and `CHRONICLE_E2E_TWO_DIR`: URL of a site built with
//!   `CHRONICLE_ARTICLES` naming a temporary folder of two articles, and that folder;
//!   `CHRONICLE_E2E_TWO_SITE_DIR` the site's folder (a "new build" for the update test);
//!   it has a preview of its newest events (`CHRONICLE_PREVIEW_FROM=0`), the main site
//!   none;
//! - `CHRONICLE_E2E_EMPTY_SITE`: URL of a site built from an empty folder;
//! - `CHRONICLE_E2E_HOSTILE_SITE` and `CHRONICLE_E2E_HOSTILE_DIR`: URL of a site built
//!   from the hostile articles (`pipeline::testing`), and their folder;
//! - `CHRONICLE_E2E_SPLIT_SITE` and `CHRONICLE_E2E_SPLIT_SITE_DIR`: URL and folder of a
//!   site built from `assets/articles/` split into small chunks (`CHRONICLE_SPLIT_FROM=0`);
//! - `CHRONICLE_WEBDRIVER`: the chromedriver URL;
//! - `CHRONICLE_AXE`: axe-core's `axe.min.js`, the accessibility checker;
//! - `CHRONICLE_SCREENSHOTS`: a folder for screenshots of each view.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, LoggingPrefsLogLevel};

// Every test is multi-threaded: when an assertion fails before `close`, thirtyfour ends
// the session from its Drop, which needs a second runtime thread to finish promptly.
mod axis;
mod entities;
mod layout;
mod links;
mod map;
mod reader;
mod search;
mod site;
mod split;
mod strip;
mod timeline;

fn env(name: &str) -> String {
    std::env::var(name)
        .unwrap_or_else(|_| panic!("{name} is not set: run the end-to-end tests with `cargo xtask test`"))
}

/// A fresh headless Chromium with its own profile; closed when the test is done.
struct Browser {
    driver: WebDriver,
    _profile: tempfile::TempDir,
    downloads: tempfile::TempDir,
}

impl Browser {
    async fn start() -> Browser {
        let profile = tempfile::tempdir().expect("temporary profile folder");
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary("/usr/bin/chromium").unwrap();
        for arg in [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--window-size=1280,900",
        ] {
            caps.add_arg(arg).unwrap();
        }
        caps.add_arg(&format!("--user-data-dir={}", profile.path().display())).unwrap();
        caps.set_browser_log_level(LoggingPrefsLogLevel::Warning).unwrap();
        let downloads = tempfile::tempdir().expect("temporary download folder");
        caps.add_experimental_option(
            "prefs",
            serde_json::json!({ "download.default_directory": downloads.path(), "download.prompt_for_download": false }),
        )
        .unwrap();
        let driver = WebDriver::new(env("CHRONICLE_WEBDRIVER"), caps).await.expect("chromedriver session");
        Browser { driver, _profile: profile, downloads }
    }

    /// Opens `url` and waits until the app has rendered (`<html data-ready>`).
    async fn open(&self, url: &str) {
        self.driver.goto(url).await.expect("navigation");
        self.wait_for("html[data-ready]").await;
    }

    /// Waits up to ten seconds for at least one element matching `css`.
    async fn wait_for(&self, css: &str) -> Vec<WebElement> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.driver.find_all(By::Css(css)).await.expect("query");
            if !found.is_empty() {
                return found;
            }
            assert!(Instant::now() < deadline, "nothing matched {css} within 10 s");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self.driver.find_all(By::Css(css)).await.expect("query") {
            out.push(squash(&el.text().await.expect("element text")));
        }
        out
    }

    /// Console warnings and errors, uncaught exceptions and failed requests so far.
    async fn console_problems(&self) -> Vec<String> {
        let entries = self.driver.browser_log().await.expect("browser log");
        entries.into_iter().map(|e| format!("{}: {}", e.level, e.message)).collect()
    }

    async fn close(self) {
        self.driver.quit().await.expect("quit");
    }
}

fn titles_newest_first(dir: &Path) -> Vec<String> {
    let out = pipeline::process_dir(dir).expect("pipeline runs");
    out.corpus.newest_first().iter().map(|a| squash(&a.title)).collect()
}

/// Collapses runs of white space (no-break spaces included) into one space, as
/// WebDriver's element text does.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bundled_articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles")
}

impl Browser {
    async fn count(&self, css: &str) -> usize {
        self.driver.find_all(By::Css(css)).await.expect("query").len()
    }

    /// Waits until `css` matches exactly `n` elements.
    async fn wait_count(&self, css: &str, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let got = self.count(css).await;
            if got == n {
                return;
            }
            assert!(Instant::now() < deadline, "{css}: {got} elements, expected {n}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// How many events the timeline holds (rendered or not: the list is virtualised),
    /// 0 when it says none match.
    async fn events_total(&self) -> usize {
        let r = self
            .driver
            .execute("const t = document.querySelector('.timeline'); return t ? Number(t.dataset.total) : (document.querySelector('p.empty') ? 0 : -1);", vec![])
            .await
            .expect("timeline total");
        usize::try_from(r.json().as_i64().unwrap_or(-1)).unwrap_or(usize::MAX)
    }

    /// Waits until the timeline holds exactly `n` events.
    async fn wait_events(&self, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let got = self.events_total().await;
            if got == n {
                return;
            }
            assert!(Instant::now() < deadline, "timeline holds {got} events, expected {n}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks the first element matching `css`, found afresh if the page re-rendered
    /// it between finding and clicking (the timeline re-renders its window once it has
    /// measured its rows).
    async fn click_first(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.wait_for(css).await;
            match found[0].click().await {
                Ok(()) => return,
                Err(err)
                    if matches!(err.as_inner(), thirtyfour::error::WebDriverErrorInner::StaleElementReference(_))
                        && Instant::now() < deadline =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(err) => panic!("clicking {css}: {err}"),
            }
        }
    }

    async fn fragment(&self) -> String {
        let url = self.driver.current_url().await.expect("url");
        url.fragment().map(|f| format!("#{f}")).unwrap_or_default()
    }
}

/// A static server in a process of its own, so the test can really stop it (a killed
/// process leaves no socket open that the browser could wait on).
struct OwnServer {
    child: std::process::Child,
    port: u16,
}

impl OwnServer {
    fn start(dir: &Path) -> OwnServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = std::process::Command::new("python3")
            .args(["-m", "http.server", &port.to_string(), "--bind", "127.0.0.1", "--directory"])
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 -m http.server");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "static server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        OwnServer { child, port }
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    /// Runs axe-core on the page; returns the moderate, serious and critical violations.
    async fn accessibility_violations(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(env("CHRONICLE_AXE")).expect("axe-core script");
        self.driver.execute(&axe, vec![]).await.expect("inject axe-core");
        let result = self
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, { resultTypes: ['violations'] })\
                   .then(r => done(r.violations.filter(v => v.impact !== 'minor')\
                     .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')))\
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe.run");
        serde_json::from_value(result.json().clone()).unwrap_or_else(|_| vec![format!("{:?}", result.json())])
    }

    async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env("CHRONICLE_SCREENSHOTS"));
        std::fs::create_dir_all(&dir).unwrap();
        self.driver.screenshot(&dir.join(name)).await.expect("screenshot");
    }
}

/// One bar of the density strip as the page draws it.
#[derive(Clone, Debug)]
struct Bar {
    /// Its centre on screen, in viewport pixels (across: the bar's; down: the strip's).
    x: i64,
    y: i64,
    from: String,
    to: String,
    count: u64,
}

impl Bar {
    /// A day as the strip writes it for people ("26 Mar 2021"), from its ISO form.
    fn label(iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let date = model::Date::new(parts[0].parse().unwrap(), parts[1].parse().unwrap(), parts[2].parse().unwrap());
        date.expect("a bar's date").to_string()
    }
}

impl Browser {
    /// Presses on bar `a` of the strip, moves to bar `b` and lets go.
    async fn drag_between(&self, a: &Bar, b: &Bar) {
        self.driver
            .action_chain()
            .move_to(a.x, a.y)
            .click_and_hold()
            .move_to(b.x, b.y)
            .release()
            .perform()
            .await
            .unwrap();
    }

    /// The density strip's bars, from the page: where each is drawn and what it says.
    async fn strip_bars(&self) -> Vec<Bar> {
        self.wait_for(".density rect.bar").await;
        let r = self
            .driver
            .execute(
                "return [...document.querySelectorAll('.density rect.bar')].map(b => {\
                   const s = b.ownerSVGElement.getBoundingClientRect(), r = b.getBoundingClientRect();\
                   return [r.left + r.width / 2, s.top + s.height / 2, b.dataset.from, b.dataset.to, Number(b.dataset.count)]; });",
                vec![],
            )
            .await
            .expect("the strip's bars");
        let rows: Vec<(f64, f64, String, String, u64)> = serde_json::from_value(r.json().clone()).expect("bars");
        rows.into_iter()
            .map(|(x, y, from, to, count)| Bar { x: x.round() as i64, y: y.round() as i64, from, to, count })
            .collect()
    }

    /// Waits until the URL's fragment differs from `before`, and reads it.
    async fn next_state(&self, before: &str) -> model::query::State {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let fragment = self.fragment().await;
            if fragment != before {
                let (state, problems) = model::query::State::from_fragment(&fragment);
                assert!(problems.is_empty(), "{fragment}: {problems:?}");
                return state;
            }
            assert!(Instant::now() < deadline, "the URL stayed {before}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the timeline holds the events `state` leaves, and the strip, redrawn
    /// over its date range, counts every one of them.
    async fn wait_strip_for(&self, state: &model::query::State) -> usize {
        let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
        let index = model::query::Index::new(&corpus);
        let expected = index.timeline(&corpus, &state.filter, state.oldest_first).len();
        self.wait_events(expected).await;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let bars = self.strip_bars().await;
            let counted: u64 = bars.iter().map(|b| b.count).sum();
            let spans = bars.first().map(|b| b.from.clone()) == state.filter.from.map(|d| d.iso());
            if counted == expected as u64 && spans {
                return expected;
            }
            assert!(
                Instant::now() < deadline,
                "the strip counts {counted} of {expected} events, from {:?}",
                bars.first()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Browser {
    /// Waits until the downloads `names` have arrived; the first one's path.
    async fn downloaded(&self, names: &[&str]) -> PathBuf {
        let paths: Vec<PathBuf> = names.iter().map(|n| self.downloads.path().join(n)).collect();
        // Chromium reserves a download's name with an empty file, writes beside it
        // (".crdownload") and renames over it when done: wait for that, not for the name.
        let deadline = Instant::now() + Duration::from_secs(10);
        let arrived = |path: &Path| std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
        let writing = || {
            std::fs::read_dir(self.downloads.path())
                .map(|dir| dir.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".crdownload")))
                .unwrap_or(false)
        };
        while !paths.iter().all(|p| arrived(p)) || writing() {
            assert!(Instant::now() < deadline, "downloads {names:?} did not arrive");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        paths[0].clone()
    }
}

/// Copies every file of `from` into `to` (created if missing).
fn copy_files(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

impl Browser {
    /// Waits until a service worker controls the page.
    async fn wait_for_worker(&self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let ret = self
                .driver
                .execute("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);", vec![])
                .await
                .unwrap();
            if ret.json().as_bool() == Some(true) {
                return;
            }
            assert!(Instant::now() < deadline, "no service worker took control");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The names of the page's caches.
    async fn cache_names(&self) -> Vec<String> {
        let keys = self
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1]; caches.keys().then(done, e => done(['error: ' + e]));",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(keys.json().clone()).unwrap()
    }
}

impl Browser {
    /// The page's background lightness (0 black, 1 white).
    async fn background_lightness(&self) -> f64 {
        let rgb = self
            .driver
            .execute("return getComputedStyle(document.documentElement).backgroundColor;", vec![])
            .await
            .unwrap();
        let rgb = rgb.json().as_str().unwrap().to_owned();
        let parts: Vec<f64> = rgb
            .trim_start_matches("rgb(")
            .trim_end_matches(')')
            .split(',')
            .map(|p| p.trim().parse().unwrap())
            .collect();
        parts.iter().take(3).sum::<f64>() / (3.0 * 255.0)
    }

    /// Runs `script` (which ends by calling `done(value)`) and returns its value.
    async fn run_async(&self, script: &str) -> serde_json::Value {
        let body = format!("const done = arguments[arguments.length - 1]; {script}");
        self.driver.execute_async(&body, vec![]).await.expect("async script").json().clone()
    }
}

impl Browser {
    /// Runs `script` (which returns a value) and gives the value as JSON.
    async fn value(&self, script: &str) -> serde_json::Value {
        self.driver.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}")).json().clone()
    }

    /// Waits until `script` returns `true`, or fails with `what`.
    async fn wait_true(&self, script: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.value(script).await != serde_json::json!(true) {
            assert!(Instant::now() < deadline, "{what} (within 10 s)");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// The events of the default view, oldest first: all but the publications that repeat
/// an event of their article (`model::query::repeated_publications`).
fn default_view(corpus: &model::Corpus) -> Vec<&model::Event> {
    let repeats = model::query::repeated_publications(corpus);
    corpus.events.iter().enumerate().filter(|&(i, _)| !repeats.get(i)).map(|(_, e)| e).collect()
}
