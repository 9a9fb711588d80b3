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
//! - `CHRONICLE_WEBDRIVER`: the chromedriver URL;
//! - `CHRONICLE_AXE`: axe-core's `axe.min.js`, the accessibility checker;
//! - `CHRONICLE_SCREENSHOTS`: a folder for screenshots of each view.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, LoggingPrefsLogLevel};

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

// Multi-threaded: when an assertion fails before `close`, thirtyfour ends the session
// from its Drop, which needs a second runtime thread to finish promptly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_loads_without_console_errors_and_lists_every_article() {
    let browser = Browser::start().await;
    browser.open(&format!("{}#view=articles", env("CHRONICLE_E2E_SITE"))).await;
    let expected = titles_newest_first(&bundled_articles());
    let files = pipeline::list_articles(&bundled_articles()).unwrap().len();
    assert_eq!(expected.len(), files, "every bundled file is an article");
    assert_eq!(browser.texts("li.article h2").await, expected);
    assert!(browser.driver.find_all(By::Css(".loading")).await.unwrap().is_empty(), "loading message gone");
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expanding_an_article_shows_its_full_text() {
    let browser = Browser::start().await;
    browser.open(&format!("{}#view=articles", env("CHRONICLE_E2E_SITE"))).await;
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let first = corpus.newest_first()[0].clone();

    let item = &browser.wait_for("li.article").await[0];
    assert!(item.find_all(By::Css(".body p")).await.unwrap().is_empty());
    item.find(By::Css("button.toggle")).await.unwrap().click().await.unwrap();
    browser.wait_for("li.article .body p").await;
    let mut shown = Vec::new();
    for p in item.find_all(By::Css(".body p")).await.unwrap() {
        shown.push(squash(&p.text().await.unwrap()));
    }
    let expected: Vec<String> = first.paragraphs.iter().map(|p| squash(p)).collect();
    assert_eq!(shown, expected);
    let button = item.find(By::Css("button.toggle")).await.unwrap();
    assert_eq!(button.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_build_from_chronicle_articles_shows_exactly_that_folder() {
    let dir = PathBuf::from(env("CHRONICLE_E2E_TWO_DIR"));
    let expected = titles_newest_first(&dir);
    assert_eq!(expected.len(), 2, "the fixture folder holds two articles");
    let browser = Browser::start().await;
    browser.open(&format!("{}#view=articles", env("CHRONICLE_E2E_TWO_SITE"))).await;
    assert_eq!(browser.texts("li.article h2").await, expected);
    browser.close().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_narrows_the_timeline_and_highlights() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_events(corpus.events.len()).await;
    // Once ready, the app decodes every word's events in idle slices; the search below
    // then looks its words up in them (the model's tests check both ways agree).
    browser.wait_for("html[data-words-ready]").await;
    // "turkiye" finds "Türkiye" and "Turkiye": diacritics and case fold; a word found
    // is one that begins with the query; a publication's text is its article's.
    let begins = |t: &str| model::search::words(t).any(|w| w.starts_with("turkiye"));
    let expected = corpus
        .events
        .iter()
        .filter(|e| {
            if e.kind == model::EventKind::Publication {
                let a = &corpus.articles[e.sources[0].article as usize];
                begins(&a.title) || a.paragraphs.iter().any(|p| begins(p))
            } else {
                begins(&e.summary) || e.sources.iter().any(|s| begins(&s.sentence))
            }
        })
        .count();
    assert!(expected > 0 && expected < corpus.events.len());
    let input = browser.driver.find(By::Id("search")).await.unwrap();
    input.send_keys("turkiye").await.unwrap();
    browser.wait_events(expected).await;
    // The side panel follows the query a frame behind the timeline, and catches up:
    // each event has one kind, so the kinds' counts add up to the events found.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let counts = browser.texts(".filters fieldset:first-of-type .count").await;
        let sum: usize = counts.iter().filter_map(|c| c.trim_matches(['(', ')']).parse::<usize>().ok()).sum();
        if counts.len() > 1 && sum == expected {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the kind counts {counts:?} add up to {sum}, not the {expected} events found"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let marks = browser.texts("li.event mark").await;
    for m in &marks {
        assert_eq!(model::query::fold(m), "turkiye");
    }
    // When every matching row is on screen, each summary holding the word has a mark.
    let in_summaries = corpus.events.iter().filter(|e| begins(&e.summary)).count();
    assert!(in_summaries > 0, "some summary holds the word");
    if browser.count("li.event").await == expected {
        assert!(marks.len() >= in_summaries, "{} marks for {in_summaries} summaries", marks.len());
    }
    // The URL follows once the new timeline is painted.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !browser.fragment().await.contains("q=turkiye") {
        assert!(Instant::now() < deadline, "the query is not in the URL: {}", browser.fragment().await);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entity_opens_its_card_and_filters_the_timeline() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let person = corpus
        .entities
        .iter()
        .filter(|e| e.kind == model::EntityKind::Person && !e.roles.is_empty() && !e.related.is_empty())
        .max_by_key(|e| e.mentions.len())
        .expect("a person with roles and relations");
    let index = corpus.entities.iter().position(|e| e.id == person.id).unwrap() as u32;
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.click_first(&format!("li.event a.chip[href*='entity={}']", person.id)).await;
    browser.wait_for(".card h2").await;
    assert_eq!(browser.texts(".card h2").await, [person.name.clone()]);
    assert!(browser.count(".card .roles li").await >= 1, "roles shown");
    assert!(browser.count(".card .related a").await >= 1, "related entities shown");
    // Escape closes the card.
    browser.driver.find(By::Css("body")).await.unwrap().send_keys(thirtyfour::Key::Escape).await.unwrap();
    browser.wait_count(".card", 0).await;
    // Filtering by the entity leaves exactly its events.
    let with_entity = corpus.events.iter().filter(|e| e.entities.contains(&index)).count();
    browser.open(&format!("{}#e={}", env("CHRONICLE_E2E_SITE"), person.id)).await;
    browser.wait_events(with_entity).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_reopen_the_same_view_and_back_forward_step_through_states() {
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    browser.open(&site).await;
    let all = browser.events_total().await;
    browser.driver.find(By::Css("input[name=kind][value=meeting]")).await.unwrap().click().await.unwrap();
    browser.wait_for("input[name=kind][value=meeting]:checked").await;
    let meetings = browser.events_total().await;
    assert!(meetings < all);
    let shared = format!("{site}{}", browser.fragment().await);
    // Back returns to the unfiltered timeline, Forward to the filtered one.
    browser.driver.back().await.unwrap();
    browser.wait_events(all).await;
    browser.driver.forward().await.unwrap();
    browser.wait_events(meetings).await;
    browser.close().await;
    // The copied link, in a fresh browser profile, gives the same view.
    let fresh = Browser::start().await;
    fresh.open(&shared).await;
    fresh.wait_events(meetings).await;
    assert_eq!(fresh.count("input[name=kind][value=meeting]:checked").await, 1);
    fresh.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_garbled_link_shows_a_message_and_the_page() {
    let browser = Browser::start().await;
    browser
        .open(&format!("{}#view=%E0%A4&k=party&from=2021-02-30&entity=place:atlantis", env("CHRONICLE_E2E_SITE")))
        .await;
    browser.wait_for(".problems li").await;
    assert_eq!(browser.count(".problems li").await, 3);
    assert_eq!(browser.texts(".card.missing h2").await, ["No such entity"]);
    assert!(browser.events_total().await > 0, "the timeline still renders");
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reader_links_mentions_and_marks_recycled_passages() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let article = corpus
        .articles
        .iter()
        .find(|a| !a.recycled.is_empty() && !a.removed.is_empty() && !a.authors.is_empty())
        .expect("an article with recycled passages, removed furniture and an author");
    let browser = Browser::start().await;
    browser.open(&format!("{}#article={}", env("CHRONICLE_E2E_SITE"), article.id)).await;
    browser.wait_for(".reader h2").await;
    assert_eq!(browser.texts(".reader h2").await, [squash(&article.title)]);
    let recycled_paragraphs: std::collections::BTreeSet<u32> = article.recycled.iter().map(|r| r.paragraph).collect();
    assert_eq!(browser.count(".reader details.recycled").await, recycled_paragraphs.len());
    assert!(browser.count(".reader a.mention").await > 0);
    // A recycled passage says how many other articles carry it and since when.
    let summaries = browser.texts(".reader details.recycled summary").await;
    let passage = &article.recycled[0];
    let origin = corpus.articles.iter().find(|a| a.id == passage.first_seen).expect("the passage's first article");
    let since = origin.published.as_ref().expect("the first article's date").label();
    let expected = format!("Recycled: also in {} other articles, first on {since}", passage.articles - 1);
    assert!(summaries.contains(&expected), "{expected:?} not in {summaries:?}");
    // It collapses.
    assert_eq!(browser.count(".reader details.recycled:not([open])").await, 0);
    browser.driver.find(By::Css(".reader details.recycled summary")).await.unwrap().click().await.unwrap();
    browser.wait_count(".reader details.recycled:not([open])", 1).await;
    // The removed furniture shows on request.
    browser.driver.find(By::Css(".reader details.removed summary")).await.unwrap().click().await.unwrap();
    let removed: Vec<String> = article.removed.iter().map(|r| squash(r)).collect();
    assert_eq!(browser.texts(".reader details.removed li").await, removed);
    // The metadata says how each field was found.
    let metadata = browser.texts(".reader .metadata dd").await;
    let expected_authors: Vec<String> =
        article.authors.iter().zip(&article.credited).map(|(name, from)| format!("{name} (from {from})")).collect();
    assert_eq!(metadata[2], squash(&expected_authors.join("; ")), "{metadata:?}");
    assert!(
        metadata[0].starts_with("from the headline") || metadata[0].starts_with("derived from the lead"),
        "{metadata:?}"
    );
    browser.close().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keeps_working_offline_after_the_first_load() {
    // A server of its own, on its own port, that the test shuts down.
    let own = OwnServer::start(&PathBuf::from(env("CHRONICLE_E2E_SITE_DIR")));
    let site = format!("http://127.0.0.1:{}/", own.port);
    let browser = Browser::start().await;
    browser.open(&site).await;
    let events = browser.events_total().await;
    // Wait until the service worker controls the page.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let ret = browser
            .driver
            .execute("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);", vec![])
            .await
            .unwrap();
        if ret.json().as_bool() == Some(true) {
            break;
        }
        assert!(Instant::now() < deadline, "no service worker took control");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    own.stop();
    browser.driver.refresh().await.unwrap();
    browser.wait_for("html[data-ready]").await;
    browser.wait_events(events).await;
    // The server really is gone: anything not in the cache fails to load.
    let probe = browser
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             fetch('./not-cached-' + Date.now()).then(() => done('online'), () => done('offline'));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(probe.json().as_str(), Some("offline"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_current_view_downloads_as_csv_and_json() {
    let browser = Browser::start().await;
    browser.open(&format!("{}#k=meeting", env("CHRONICLE_E2E_SITE"))).await;
    let shown = browser.events_total().await;
    assert!(shown > 0);
    browser.driver.find(By::Css("button.download-csv")).await.unwrap().click().await.unwrap();
    browser.driver.find(By::Css("button.download-json")).await.unwrap().click().await.unwrap();
    let csv_path = browser.downloads.path().join("chronicle-timeline.csv");
    let json_path = browser.downloads.path().join("chronicle-view.json");
    // Chromium reserves a download's name with an empty file, writes beside it
    // (".crdownload") and renames over it when done: wait for that, not for the name.
    let deadline = Instant::now() + Duration::from_secs(10);
    let arrived = |path: &std::path::Path| std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
    let writing = || {
        std::fs::read_dir(browser.downloads.path())
            .map(|dir| dir.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".crdownload")))
            .unwrap_or(false)
    };
    while !(arrived(&csv_path) && arrived(&json_path)) || writing() {
        assert!(Instant::now() < deadline, "downloads did not arrive");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(csv.lines().count(), shown + 1, "a header and one row an event shown");
    assert!(csv.lines().skip(1).all(|l| l.contains(",meeting,")));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(json["events"].as_array().unwrap().len(), shown);
    assert!(json["events"].as_array().unwrap().iter().all(|e| e["kind"] == "meeting"));
    assert!(!json["articles"].as_array().unwrap().is_empty());
    browser.close().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_passes_the_accessibility_check() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let site = env("CHRONICLE_E2E_SITE");
    let entity = corpus
        .entities
        .iter()
        .filter(|e| e.kind == model::EntityKind::Person)
        .max_by_key(|e| e.mentions.len())
        .unwrap();
    let article = &corpus.articles[0];
    let browser = Browser::start().await;
    let views = [
        ("timeline.png", String::new()),
        ("entity-card.png", format!("#entity={}", entity.id)),
        ("reader.png", format!("#article={}", article.id)),
        ("articles.png", "#view=articles".to_owned()),
        ("entities.png", "#view=entities".to_owned()),
    ];
    for (shot, fragment) in views {
        browser.open(&format!("{site}{fragment}")).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(browser.accessibility_violations().await, Vec::<String>::new(), "view {fragment:?}");
        browser.screenshot(shot).await;
    }
    // The check itself can fail: an image without alternative text is reported.
    browser
        .driver
        .execute("const i = document.createElement('img'); i.src = 'icon.svg'; document.body.append(i);", vec![])
        .await
        .unwrap();
    let found = browser.accessibility_violations().await;
    assert!(found.iter().any(|v| v.starts_with("image-alt")), "{found:?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_360_pixel_phone_gets_no_horizontal_scroll() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let entity = corpus.entities.iter().max_by_key(|e| e.mentions.len()).unwrap();
    let browser = Browser::start().await;
    browser.driver.set_window_rect(0, 0, 360, 800).await.unwrap();
    let site = env("CHRONICLE_E2E_SITE");
    for (shot, fragment) in [("phone.png", String::new()), ("phone-card.png", format!("#entity={}", entity.id))] {
        browser.open(&format!("{site}{fragment}")).await;
        let widths = browser
            .driver
            .execute("return [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth];", vec![])
            .await
            .unwrap();
        let w: Vec<i64> = serde_json::from_value(widths.json().clone()).unwrap();
        assert!(w[2] <= 400, "the window is phone-sized: {w:?}");
        assert!(w[0] <= w[1], "horizontal scroll at {fragment:?}: scrollWidth {} > clientWidth {}", w[0], w[1]);
        browser.screenshot(shot).await;
    }
    browser.close().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dragging_across_the_density_strip_selects_a_date_range() {
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    let all = browser.events_total().await;
    // Across the strip's middle, from the bar 3/10 of the way along to the one 6/10 of
    // the way: the range chosen is those bars' first and last days.
    let bars = browser.strip_bars().await;
    let n = bars.len();
    assert!(n > 10, "{n} bars");
    let (a, b) = (&bars[n * 3 / 10], &bars[n * 6 / 10]);
    let before = browser.fragment().await;
    browser
        .driver
        .action_chain()
        .move_to(a.x, a.y)
        .click_and_hold()
        .move_to(b.x, b.y)
        .release()
        .perform()
        .await
        .unwrap();
    let state = browser.next_state(&before).await;
    assert_eq!(
        state.filter.from.map(|d| d.iso()).as_deref(),
        Some(a.from.as_str()),
        "the range starts at the bar pressed on"
    );
    assert_eq!(state.filter.to.map(|d| d.iso()).as_deref(), Some(b.to.as_str()), "and ends at the bar released on");
    let expected = browser.wait_strip_for(&state).await;
    assert!(expected < all, "part of the span leaves fewer events");
    assert_eq!(
        browser.driver.find(By::Css("input[name=from]")).await.unwrap().value().await.unwrap(),
        state.filter.from.map(|d| d.iso())
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choosing_an_author_leaves_their_articles_events() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let author = corpus.articles.iter().flat_map(|a| a.authors.iter()).next().expect("an author").clone();
    let index = model::query::Index::new(&corpus);
    let filter = model::query::Filter { by: Some(author.clone()), ..Default::default() };
    let expected = index.timeline(&corpus, &filter, false).len();
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser
        .driver
        .find(By::Css(&format!("select[name=by] option[value='{author}']")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_events(expected).await;
    assert!(browser.fragment().await.contains("by="));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_reaches_article_text_beyond_the_events() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let in_events = |w: &str| {
        corpus.events.iter().filter(|e| e.kind != model::EventKind::Publication).any(|e| {
            std::iter::once(&e.summary)
                .chain(e.sources.iter().map(|s| &s.sentence))
                .any(|t| model::query::fold(t).contains(w))
        })
    };
    let word = corpus
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter())
        .flat_map(|p| p.split(|c: char| !c.is_alphabetic()))
        .map(model::query::fold)
        .find(|w| w.len() >= 9 && !in_events(w))
        .expect("a word only in article text");
    let index = model::query::Index::new(&corpus);
    let filter = model::query::Filter { text: word.clone(), ..Default::default() };
    let expected = index.timeline(&corpus, &filter, false).len();
    assert!(expected >= 1, "{word}: its article's publication matches");
    let browser = Browser::start().await;
    browser.open(&format!("{}#q={word}", env("CHRONICLE_E2E_SITE"))).await;
    browser.wait_events(expected).await;
    assert!(browser.texts("li.event .kind").await.iter().all(|k| k == "PUBLICATION" || k == "publication"));
    browser.open(&format!("{}#view=articles&q={word}", env("CHRONICLE_E2E_SITE"))).await;
    assert!(browser.count("li.article").await >= 1);
    assert!(browser.count("li.article").await < corpus.articles.len());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_entities_can_be_picked_and_each_option_says_what_it_leaves() {
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    for picked in 1..=2 {
        let option = browser.wait_for(".entity-picker a.pick").await.remove(0);
        let label = option.text().await.unwrap();
        let promised: usize = label.rsplit('(').next().unwrap().trim_end_matches(')').parse().unwrap();
        option.click().await.unwrap();
        browser.wait_events(promised).await;
        let fragment = browser.fragment().await;
        let (state, _) = model::query::State::from_fragment(&fragment);
        assert_eq!(state.filter.entities.len(), picked, "{fragment}");
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_focuses_search_and_arrows_and_enter_walk_the_timeline() {
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_for("li.event").await;
    // "/" moves focus to the search box and is not typed into it.
    browser.driver.action_chain().send_keys("/").perform().await.unwrap();
    let focused = browser
        .driver
        .execute("return [document.activeElement.id, document.activeElement.value];", vec![])
        .await
        .unwrap();
    assert_eq!(focused.json(), &serde_json::json!(["search", ""]));
    // Out of the box, arrows step through the events, with a visible focus ring.
    browser.driver.execute("document.activeElement.blur();", vec![]).await.unwrap();
    let ids: Vec<String> = {
        let mut ids = Vec::new();
        for el in browser.driver.find_all(By::Css("li.event")).await.unwrap() {
            ids.push(el.attr("data-id").await.unwrap().unwrap());
        }
        ids
    };
    assert!(ids.len() >= 3);
    let focused_id = || async {
        let r = browser.driver.execute("return document.activeElement.getAttribute('data-id');", vec![]).await.unwrap();
        r.json().as_str().map(str::to_owned)
    };
    for key in [thirtyfour::Key::Down, thirtyfour::Key::Down, thirtyfour::Key::Down, thirtyfour::Key::Up] {
        browser.driver.action_chain().send_keys(key).perform().await.unwrap();
    }
    assert_eq!(focused_id().await.as_deref(), Some(ids[1].as_str()), "down, down, down, up: the second event");
    let outline =
        browser.driver.execute("return getComputedStyle(document.activeElement).outlineStyle;", vec![]).await.unwrap();
    assert_eq!(outline.json().as_str(), Some("solid"), "focus is visible");
    // Enter opens the event's first source article.
    let source = browser.driver.find(By::Css(&format!("li.event[data-id='{}'] a.source", ids[1]))).await.unwrap();
    let href = source.attr("href").await.unwrap().unwrap();
    browser.driver.action_chain().send_keys(thirtyfour::Key::Enter).perform().await.unwrap();
    browser.wait_for(".reader h2").await;
    assert_eq!(browser.fragment().await, href);
    // Escape closes it again.
    browser.driver.action_chain().send_keys(thirtyfour::Key::Escape).perform().await.unwrap();
    browser.wait_count(".reader", 0).await;
    browser.wait_for("li.event").await;
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn printing_gives_the_whole_timeline_without_controls() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let browser = Browser::start().await;
    // A short window: on screen, the virtualised timeline holds only some rows.
    browser.driver.set_window_rect(0, 0, 900, 450).await.unwrap();
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_for("li.event").await;
    assert!(browser.count("li.event").await < corpus.events.len(), "the screen shows part of the timeline");
    browser.driver.cdp().send_raw("Emulation.setEmulatedMedia", serde_json::json!({ "media": "print" })).await.unwrap();
    let hidden = browser
        .driver
        .execute(
            "return ['.filters', '.search', '.tabs', '.density', '.graph', '.export']\
               .map(s => document.querySelector(s)).filter(e => e && getComputedStyle(e).display !== 'none')\
               .map(e => e.className);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(hidden.json(), &serde_json::json!([]), "controls shown in print");
    browser.wait_count("li.event", corpus.events.len()).await;
    // Each row links its first sources and names its first entities, and says how many
    // more it leaves out.
    use model::query::{SHOWN_ENTITIES, SHOWN_SOURCES};
    let shown = browser
        .driver
        .execute(
            "return Object.fromEntries([...document.querySelectorAll('li.event')].map(r => [r.dataset.id,\
               [r.querySelectorAll('a.source').length, r.querySelectorAll('a.chip').length,\
                [...r.querySelectorAll('.more')].map(m => m.textContent.trim())]]));",
            vec![],
        )
        .await
        .unwrap();
    for e in &corpus.events {
        let more = |n: usize, at_most: usize| (n > at_most).then(|| format!("and {} more", n - at_most));
        let expected = serde_json::json!([
            e.sources.len().min(SHOWN_SOURCES),
            e.entities.len().min(SHOWN_ENTITIES),
            more(e.entities.len(), SHOWN_ENTITIES)
                .into_iter()
                .chain(more(e.sources.len(), SHOWN_SOURCES))
                .collect::<Vec<_>>()
        ]);
        assert_eq!(shown.json()[&e.id], expected, "{}", e.id);
    }
    let pdf = browser.driver.print_page(thirtyfour::common::print::PrintParameters::default()).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF came out");
    browser.close().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_build_replaces_the_old_after_one_reload() {
    let folder = tempfile::tempdir().unwrap();
    copy_files(&PathBuf::from(env("CHRONICLE_E2E_SITE_DIR")), folder.path());
    let own = OwnServer::start(folder.path());
    let browser = Browser::start().await;
    browser.open(&format!("http://127.0.0.1:{}/#view=articles", own.port)).await;
    assert_eq!(browser.texts("li.article h2").await, titles_newest_first(&bundled_articles()));
    browser.wait_for_worker().await;
    let old = browser.cache_names().await;
    assert_eq!(old.len(), 1, "one cache: {old:?}");

    // Deploy the other build over the same folder, as a static host would.
    for entry in std::fs::read_dir(folder.path()).unwrap().flatten() {
        std::fs::remove_file(entry.path()).unwrap();
    }
    copy_files(&PathBuf::from(env("CHRONICLE_E2E_TWO_SITE_DIR")), folder.path());
    browser.driver.refresh().await.unwrap();
    browser.wait_for("html[data-ready]").await;
    let expected = titles_newest_first(&PathBuf::from(env("CHRONICLE_E2E_TWO_DIR")));
    assert_eq!(browser.texts("li.article h2").await, expected, "one reload shows the new build");

    // The new worker takes over and leaves exactly one cache, not the old one.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let now = browser.cache_names().await;
        if now.len() == 1 && now != old {
            break;
        }
        assert!(Instant::now() < deadline, "caches: {now:?}, before: {old:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    own.stop();
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_content_security_policy_holds_and_the_page_breaks_none_of_it() {
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_for("li.event").await;
    let csp = browser
        .driver
        .find(By::Css("meta[http-equiv='Content-Security-Policy']"))
        .await
        .unwrap()
        .attr("content")
        .await
        .unwrap()
        .unwrap();
    for directive in
        ["default-src 'self'", "'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]
    {
        assert!(csp.contains(directive), "{directive} missing from {csp}");
    }
    assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"), "{csp}");
    // Scripts come from the page's own origin (and hashed inline code) only.
    let script = csp.split(';').map(str::trim).find(|d| d.starts_with("script-src ")).expect("a script-src directive");
    let sources: Vec<&str> = script.split_whitespace().skip(1).collect();
    assert!(sources.contains(&"'self'") && sources.contains(&"'wasm-unsafe-eval'"), "{script}");
    assert!(
        sources.iter().all(|s| matches!(*s, "'self'" | "'wasm-unsafe-eval'")
            || s.starts_with("'sha256-")
            || s.starts_with("'sha384-")),
        "{script}"
    );
    // Loading and using the page broke none of it.
    browser.driver.find(By::Id("search")).await.unwrap().send_keys("a").await.unwrap();
    browser.open(&format!("{}#view=entities", env("CHRONICLE_E2E_SITE"))).await;
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    // And it is enforced: an injected inline script does not run, and is reported.
    let outcome = browser
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             document.addEventListener('securitypolicyviolation', e => done([e.violatedDirective, window.injected === undefined]));\
             const s = document.createElement('script'); s.textContent = 'window.injected = 1;'; document.body.append(s);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(outcome.json()[1], serde_json::json!(true), "{:?}", outcome.json());
    assert!(outcome.json()[0].as_str().unwrap_or("").starts_with("script-src"), "{:?}", outcome.json());
    // Every script and the wasm carry integrity.
    let unsealed = browser
        .driver
        .execute("return [...document.querySelectorAll('script[src], link[rel=modulepreload], link[rel=stylesheet]')].filter(e => !e.integrity).map(e => e.outerHTML);", vec![])
        .await
        .unwrap();
    assert_eq!(unsealed.json(), &serde_json::json!([]));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_wasm_is_refused_with_a_message_not_a_blank_page() {
    let folder = tempfile::tempdir().unwrap();
    copy_files(&PathBuf::from(env("CHRONICLE_E2E_SITE_DIR")), folder.path());
    let wasm = std::fs::read_dir(folder.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "wasm"))
        .expect("the site has a wasm file");
    let mut bytes = std::fs::read(&wasm).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(&wasm, bytes).unwrap();
    let own = OwnServer::start(folder.path());
    let browser = Browser::start().await;
    browser.driver.goto(&format!("http://127.0.0.1:{}/", own.port)).await.unwrap();
    browser.wait_for(".failure[role=alert]").await;
    let text = browser.texts(".failure").await.join(" ");
    assert!(text.contains("could not start"), "{text}");
    assert_eq!(browser.count("html[data-ready]").await, 0, "the app did not start");
    own.stop();
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_corpus_gets_a_helpful_empty_state() {
    let browser = Browser::start().await;
    for fragment in ["", "#view=articles", "#entity=person:someone&q=x"] {
        browser.open(&format!("{}{fragment}", env("CHRONICLE_E2E_EMPTY_SITE"))).await;
        assert_eq!(browser.texts(".empty-corpus h2").await, ["No articles yet"], "at {fragment:?}");
        assert!(browser.texts(".empty-corpus p").await[0].contains("assets/articles"));
        assert_eq!(browser.count(".failure").await, 0);
    }
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_links_render_the_page_and_say_what_they_could_not_apply() {
    let site = env("CHRONICLE_E2E_SITE");
    let base = site.split('#').next().unwrap().to_owned();
    let huge = format!("#q={}", "x".repeat(100_000));
    // (link suffix, problems expected: at least one, or none)
    let links: Vec<(String, bool)> = vec![
        (huge, true),
        ("#q=%25E0%25A4%25A4&view=%2561rticles".into(), true),
        ("#q=%E0%A4%A".into(), true),
        ("#from=2021-02-30&to=2021-13-01".into(), true),
        ("#from=2022-06-01&to=2021-01-01".into(), true),
        ("#from=-0001-01-01&to=99999-01-01".into(), true),
        ("#e=person:nobody-at-all,__proto__&by=constructor".into(), true),
        ("#entity=__proto__".into(), false),
        ("#article=..%2F..%2Fetc%2Fpasswd".into(), false),
        ("#view=arti".into(), true),
        ("#%".into(), true),
        ("#&&&=&==&k=,,,&e=,".into(), true),
        ("#q=<img src=x onerror=alert(1)>".into(), false),
        ("?view=articles&q=<script>alert(1)</script>#k=meeting".into(), false),
        ("#q=%E2%80%AEevil%00%0A".into(), false),
    ];
    let browser = Browser::start().await;
    for (suffix, problems) in &links {
        browser.open(&format!("{base}{suffix}")).await;
        let shown = browser.count(".problems li").await;
        assert_eq!(shown > 0, *problems, "problems shown for {:.80}: {shown}", suffix);
        // The rest of the page is there: the masthead and a view.
        assert_eq!(browser.count("header.masthead #search").await, 1, "{suffix:.80}");
        let views = browser.count("li.event, .timeline, .empty, .card, .reader, li.article").await;
        assert!(views > 0, "no view for {suffix:.80}");
        assert_eq!(browser.count(".failure, img[src=x]").await, 0, "{suffix:.80}");
        // No dialog opened (WebDriver reports an open alert as an error on any command).
        browser.driver.title().await.expect("no alert is open");
    }
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

/// Records, in every page, the timeline rows the app renders as they first enter the DOM
/// (before the frame that shows them), and whether the app was ready by then; and the
/// static opening screen the page was served with (`pipeline::opening`), once the parser
/// has finished `#app`: its rows, whether they and its loading message are shown.
const FIRST_ROWS: &str = r#"
  window.__firstRows = null;
  window.__opening = null;
  const row = (r) => [r.dataset.id, r.querySelector('.summary').textContent, r.querySelector('time').textContent,
    r.querySelector('time').title, [...r.querySelectorAll('.chip')].map(c => c.textContent + ' ' + c.getAttribute('href')).join('|'),
    [...r.querySelectorAll('a.source')].map(a => a.textContent + ' ' + a.getAttribute('href')).join('|')].join(' / ');
  window.__rows = () => [...document.querySelectorAll('li.event')].map(row);
  new MutationObserver((_, observer) => {
    if (!window.__opening && document.querySelector('#app + noscript')) {
      const rows = [...document.querySelectorAll('[data-opening] li.event')];
      const loading = document.querySelector('#app > .loading');
      window.__opening = { ready: document.documentElement.hasAttribute('data-ready'), rows: rows.map(row),
        shown: rows.length > 0 && rows[0].checkVisibility(), loading: !!loading && loading.checkVisibility(),
        search_disabled: !!document.querySelector('[data-opening] #search[disabled]') };
    }
    const first = [...document.querySelectorAll('li.event')].find((r) => !r.closest('[data-opening]'));
    if (first) {
      first.__seen = true;
      window.__firstRows = { ready: document.documentElement.hasAttribute('data-ready'),
        count: document.querySelector('.result-count').textContent.trim(), rows: window.__rows(),
        side_waits: !!document.querySelector('.side .loading') && !document.querySelector('.side fieldset, .side select') };
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_opening_screen_is_in_the_page_before_the_app_and_matches_it() {
    let browser = Browser::start().await;
    browser
        .driver
        .cdp()
        .send_raw("Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": FIRST_ROWS }))
        .await
        .unwrap();
    for (site, dir) in [
        (env("CHRONICLE_E2E_SITE"), bundled_articles()),
        (env("CHRONICLE_E2E_TWO_SITE"), PathBuf::from(env("CHRONICLE_E2E_TWO_DIR"))),
    ] {
        let corpus = pipeline::process_dir(&dir).unwrap().corpus;
        browser.driver.goto("about:blank").await.unwrap();
        browser.open(&site).await;
        let opening = browser.driver.execute("return window.__opening;", vec![]).await.unwrap().json().clone();
        let last = browser.driver.execute("return window.__rows();", vec![]).await.unwrap().json().clone();
        // Served in the page, shown before the app was ready, with its search box off.
        assert_eq!(opening["ready"], serde_json::json!(false), "{site}: {opening}");
        assert_eq!(
            (&opening["shown"], &opening["loading"]),
            (&serde_json::json!(true), &serde_json::json!(false)),
            "{site}: {opening}"
        );
        assert_eq!(opening["search_disabled"], serde_json::json!(true));
        // Its rows are the app's first rows (ids, dates, summaries, chips, sources), newest first.
        let (early, last) = (opening["rows"].as_array().unwrap(), last.as_array().unwrap());
        let shown = default_view(&corpus);
        assert_eq!(early.len(), shown.len().min(pipeline::opening::OPENING_ROWS), "{site}");
        let n = early.len().min(last.len());
        assert!(n > 0 && early[..n] == last[..n], "{site}: {early:?} then {last:?}");
        assert!(early[0].as_str().unwrap().starts_with(&format!("{} / ", shown.last().unwrap().id)));
        // The app replaced it: one masthead, one search box, no static rows left.
        assert_eq!(browser.count("[data-opening], #app > .loading").await, 0, "{site}");
        assert_eq!(browser.count("#search").await, 1);
        // A link to another view shows the loading message, not rows about to go.
        browser.driver.goto("about:blank").await.unwrap();
        browser.open(&format!("{site}#view=entities")).await;
        let opening = browser.driver.execute("return window.__opening;", vec![]).await.unwrap().json().clone();
        assert_eq!(
            (&opening["shown"], &opening["loading"]),
            (&serde_json::json!(false), &serde_json::json!(true)),
            "{site}: {opening}"
        );
        assert!(!opening["rows"].as_array().unwrap().is_empty(), "the rows are in the page, hidden");
        assert_eq!(browser.count("section.entity-list").await, 1, "{site}: the linked view");
    }
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_opening_timeline_is_painted_from_the_preview_with_the_rows_it_will_have() {
    // The two-article site is built with a preview (CHRONICLE_PREVIEW_FROM=0); the main
    // site's corpus is too small for one.
    let corpus = pipeline::process_dir(&PathBuf::from(env("CHRONICLE_E2E_TWO_DIR"))).unwrap().corpus;
    let browser = Browser::start().await;
    browser
        .driver
        .cdp()
        .send_raw("Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": FIRST_ROWS }))
        .await
        .unwrap();
    let first_and_last = async |url: &str| {
        browser.driver.goto("about:blank").await.unwrap();
        browser.open(url).await;
        let first = browser.driver.execute("return window.__firstRows;", vec![]).await.unwrap().json().clone();
        let last = browser.driver.execute("return window.__rows();", vec![]).await.unwrap().json().clone();
        (first, last)
    };
    // The first rows in the page are the rows (ids, dates, summaries, entity chips and
    // source links) it shows once ready; once rows are measured the window may hold a
    // few more or fewer.
    let same_start = |first: &serde_json::Value, last: &serde_json::Value| {
        let (early, last) = (first["rows"].as_array().unwrap(), last.as_array().unwrap());
        let n = early.len().min(last.len());
        assert!(n > 0 && early[..n] == last[..n], "{early:?} then {last:?}");
        early[0].as_str().unwrap().to_owned()
    };
    // The opening view: painted from the preview before the app is ready.
    let (first, last) = first_and_last(&env("CHRONICLE_E2E_TWO_SITE")).await;
    assert_eq!(first["ready"], serde_json::json!(false), "the rows came before the app was ready: {first}");
    assert!(first["count"].as_str().unwrap().contains("loading"), "from the preview: {first}");
    assert!(first["rows"].as_array().unwrap().len() <= pipeline::preview::PREVIEW_EVENTS);
    let shown = default_view(&corpus);
    let newest = &shown.last().unwrap().id;
    assert!(same_start(&first, &last).starts_with(&format!("{newest} / ")));
    assert!(browser.driver.find_all(By::Css(".loading")).await.unwrap().is_empty(), "the loading notes are gone");
    let kept =
        browser.driver.execute("return document.querySelector('li.event').__seen === true;", vec![]).await.unwrap();
    assert_eq!(
        kept.json(),
        &serde_json::json!(true),
        "the first row is the element the preview painted, not a new one"
    );
    // Any other view waits for the corpus: oldest first, the first rows in the page
    // are the oldest events, not the preview's newest.
    let (first, last) = first_and_last(&format!("{}#order=oldest", env("CHRONICLE_E2E_TWO_SITE"))).await;
    assert_eq!(first["count"], serde_json::json!(format!("{} events", shown.len())), "from the corpus");
    assert!(same_start(&first, &last).starts_with(&format!("{} / ", shown[0].id)));
    // Without a preview the opening view waits for the corpus too.
    let main = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let main_shown = default_view(&main);
    let (first, last) = first_and_last(&env("CHRONICLE_E2E_SITE")).await;
    assert_eq!(first["count"], serde_json::json!(format!("{} events", main_shown.len())), "no preview here");
    // The side panel joins a frame after the timeline (start-up is two tasks, not one).
    assert_eq!(first["side_waits"], serde_json::json!(true), "{first}");
    assert!(
        browser.count(".side select").await > 0 && browser.count(".loading").await == 0,
        "the filters are in once ready"
    );
    assert!(same_start(&first, &last).starts_with(&format!("{} / ", main_shown.last().unwrap().id)));
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timeline_keeps_only_the_rows_on_screen_in_the_page() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let newest = corpus.events.last().unwrap().id.clone();
    let oldest = corpus.events[0].id.clone();
    let browser = Browser::start().await;
    browser.driver.set_window_rect(0, 0, 500, 500).await.unwrap();
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_events(corpus.events.len()).await;
    let rendered = browser.count("li.event").await;
    assert!(rendered < corpus.events.len(), "{rendered} of {} rows in the page", corpus.events.len());
    assert_eq!(browser.count(&format!("li.event[data-id='{newest}']")).await, 1, "the newest row is on screen");
    assert_eq!(browser.count(&format!("li.event[data-id='{oldest}']")).await, 0);
    // Each row says where it stands in the whole list, for screen readers.
    let first = browser.driver.find(By::Css("li.event")).await.unwrap();
    assert_eq!(first.attr("aria-setsize").await.unwrap(), Some(corpus.events.len().to_string()));
    assert_eq!(first.attr("aria-posinset").await.unwrap().as_deref(), Some("1"));
    // Scrolled to the end, the oldest row is there and the newest gone.
    browser.driver.execute("window.scrollTo(0, document.documentElement.scrollHeight);", vec![]).await.unwrap();
    browser.wait_for(&format!("li.event[data-id='{oldest}']")).await;
    assert_eq!(browser.count(&format!("li.event[data-id='{newest}']")).await, 0);
    assert!(browser.count("li.event").await < corpus.events.len());
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_articles_run_nothing_and_keep_their_readable_text() {
    let dir = PathBuf::from(env("CHRONICLE_E2E_HOSTILE_DIR"));
    let out = pipeline::process_dir(&dir).unwrap();
    let site = env("CHRONICLE_E2E_HOSTILE_SITE");
    let browser = Browser::start().await;
    // Anything that ran would leave a trace: a dialog (WebDriver then fails every
    // command), an element the text smuggled in, a request beyond the app's own files.
    let check = |view: String| {
        let browser = &browser;
        async move {
            browser.driver.title().await.unwrap_or_else(|e| panic!("a dialog opened at {view}: {e}"));
            let smuggled = browser
                .driver
                .execute(
                    "const app = document.getElementById('app');\
                     const bad = [...app.querySelectorAll('script, iframe, object, embed, img, style, link, meta, form, svg script')]\
                       .map(e => e.outerHTML.slice(0, 80));\
                     for (const e of app.querySelectorAll('*')) for (const a of e.attributes)\
                       if (a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value)) bad.push(e.tagName + ' ' + a.name);\
                     const own = location.origin + location.pathname.replace(/[^/]*$/, '');\
                     const requests = performance.getEntriesByType('resource').map(r => r.name)\
                       .filter(n => !n.startsWith(own));\
                     return bad.concat(requests);",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(smuggled.json(), &serde_json::json!([]), "at {view}");
        }
    };
    browser.open(&format!("{site}#view=articles")).await;
    assert_eq!(
        browser.count("li.article").await,
        out.corpus.articles.len(),
        "every readable hostile article is listed"
    );
    check("#view=articles".into()).await;
    browser.open(&site).await;
    check("the timeline".into()).await;
    browser.open(&format!("{site}#view=entities")).await;
    check("#view=entities".into()).await;
    let mut read = 0;
    for (file, sentence) in pipeline::testing::READABLE {
        let Some(article) = out.corpus.articles.iter().find(|a| a.file == file) else {
            panic!("{file} did not become an article");
        };
        let view = format!("#article={}", model::query::percent_encode(&article.id));
        browser.open(&format!("{site}{view}")).await;
        browser.wait_for(".reader h2").await;
        let text = browser.driver.find(By::Css(".reader")).await.unwrap().text().await.unwrap();
        assert!(squash(&text).contains(sentence), "{file}: its sentence is not in the reader");
        check(view).await;
        read += 1;
    }
    assert_eq!(read, pipeline::testing::READABLE.len());
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_worker_keeps_the_apps_own_files_and_nothing_else() {
    let folder = tempfile::tempdir().unwrap();
    copy_files(&PathBuf::from(env("CHRONICLE_E2E_SITE_DIR")), folder.path());
    // Another file and another page on the same host, in the worker's scope.
    std::fs::write(folder.path().join("probe.txt"), "probe").unwrap();
    std::fs::write(
        folder.path().join("other.html"),
        "<!doctype html><title>Other page</title><p>Another page of the host.</p>",
    )
    .unwrap();
    let own = OwnServer::start(folder.path());
    let site = format!("http://127.0.0.1:{}/", own.port);
    let browser = Browser::start().await;
    browser.open(&site).await;
    let events = browser.events_total().await;
    browser.wait_for_worker().await;
    let probe =
        browser.run_async("fetch('./probe.txt').then(r => r.text()).then(done, e => done('error: ' + e));").await;
    assert_eq!(probe.as_str(), Some("probe"));
    browser.driver.goto(&format!("{site}other.html")).await.unwrap();
    browser.wait_for("p").await;
    assert_eq!(browser.driver.title().await.unwrap(), "Other page");
    browser.open(&site).await;
    // Every cached response is one of the app's own files, from its own origin.
    let cached = browser
        .run_async(
            "(async () => { const out = []; for (const k of await caches.keys()) { const c = await caches.open(k);\
               for (const r of await c.keys()) out.push(r.url); } return out; })().then(done, e => done(['error: ' + e]));",
        )
        .await;
    let cached: Vec<String> = serde_json::from_value(cached).unwrap();
    assert!(cached.contains(&site), "the page is cached: {cached:?}");
    assert!(cached.iter().any(|u| u.ends_with(".wasm")), "the wasm is cached: {cached:?}");
    for url in &cached {
        let file = url.strip_prefix(&site).unwrap_or_else(|| panic!("{url} is not the app's origin"));
        let file = file.split('?').next().unwrap();
        assert!(file != "probe.txt" && file != "other.html", "{url} is not the app's and was cached");
        assert!(
            file.is_empty() || std::fs::metadata(PathBuf::from(env("CHRONICLE_E2E_SITE_DIR")).join(file)).is_ok(),
            "{url} is no file of the build"
        );
    }
    // Offline, the app's page is still the app, not the other page opened meanwhile.
    own.stop();
    browser.driver.refresh().await.unwrap();
    browser.wait_for("html[data-ready]").await;
    browser.wait_events(events).await;
    assert_eq!(browser.driver.title().await.unwrap(), "Chronicle");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_manifest_makes_the_app_installable() {
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    browser.open(&site).await;
    let manifest = browser
        .run_async(
            "const link = document.querySelector('link[rel=manifest]');\
             if (!link) { done(null); } else { fetch(link.href).then(r => r.json()).then(m => Promise.all((m.icons || []).map(i =>\
               fetch(new URL(i.src, link.href)).then(r => r.ok ? r.headers.get('content-type') : 'status ' + r.status)))\
               .then(types => done({ manifest: m, icon_types: types }))).catch(e => done({ error: String(e) })); }",
        )
        .await;
    let m = &manifest["manifest"];
    assert!(m.is_object(), "the page links a manifest that parses: {manifest}");
    assert_eq!(m["name"], "Chronicle");
    assert!(m["short_name"].as_str().is_some_and(|s| !s.is_empty() && s.len() <= 12));
    assert_eq!(m["display"], "standalone");
    assert_eq!(m["start_url"], "./", "starts at the page the manifest sits beside, on any host path");
    let types: Vec<String> = serde_json::from_value(manifest["icon_types"].clone()).unwrap();
    assert!(
        !types.is_empty() && types.iter().all(|t| t.starts_with("image/")),
        "every icon loads as an image: {types:?}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dark_theme_follows_the_system_and_stays_readable() {
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    for (scheme, dark) in [("light", false), ("dark", true)] {
        browser
            .driver
            .cdp()
            .send_raw(
                "Emulation.setEmulatedMedia",
                serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
            )
            .await
            .unwrap();
        browser.open(&site).await;
        browser.wait_for("li.event").await;
        let l = browser.background_lightness().await;
        assert_eq!(l < 0.5, dark, "{scheme}: background lightness {l}");
        // Text keeps its contrast in both (axe's colour-contrast rule is serious).
        assert_eq!(browser.accessibility_violations().await, Vec::<String>::new(), "{scheme} theme");
        if dark {
            browser.screenshot("dark.png").await;
        }
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_recycled_box_says_what_it_leaves_and_one_click_clears_every_filter() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let index = model::query::Index::new(&corpus);
    let fresh =
        index.timeline(&corpus, &model::query::Filter { hide_recycled: true, ..Default::default() }, false).len();
    assert!(fresh < corpus.events.len(), "the bundled articles have recycled background");
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    browser.open(&site).await;
    browser.wait_events(corpus.events.len()).await;
    let label = browser.texts("input[name=hide-recycled] + .count").await;
    assert_eq!(label, [format!("({fresh})")], "the box says how many events it would leave");
    browser.driver.find(By::Css("input[name=hide-recycled]")).await.unwrap().click().await.unwrap();
    browser.wait_events(fresh).await;
    // More filters on top: a kind and a query.
    browser.driver.find(By::Css("input[name=kind][value=meeting]")).await.unwrap().click().await.unwrap();
    browser.wait_for("input[name=kind][value=meeting]:checked").await;
    browser.driver.find(By::Id("search")).await.unwrap().send_keys("a").await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !browser.fragment().await.contains("q=a") {
        assert!(Instant::now() < deadline, "the query is not in the URL: {}", browser.fragment().await);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(browser.events_total().await < fresh);
    browser.driver.find(By::Css("button.clear")).await.unwrap().click().await.unwrap();
    browser.wait_events(corpus.events.len()).await;
    assert_eq!(browser.count("input:checked").await, 0, "no box stays ticked");
    let value = browser.driver.find(By::Id("search")).await.unwrap().value().await.unwrap();
    assert_eq!(value.as_deref(), Some(""), "the search box is emptied");
    let fragment = browser.fragment().await;
    assert!(!fragment.contains("q=") && !fragment.contains("k=") && !fragment.contains("hide="), "{fragment}");
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_of_the_relationship_graph_opens_its_entity_card() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    let nodes = browser.wait_for(".graph a.node").await;
    assert!(nodes.len() >= 2, "the graph shows several entities");
    let node = nodes.last().unwrap();
    let name = squash(&node.find(By::Css("text")).await.unwrap().text().await.unwrap());
    let entity = corpus.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name} is an entity"));
    node.click().await.unwrap();
    browser.wait_for(".card h2").await;
    assert_eq!(browser.texts(".card h2").await, [entity.name.clone()]);
    assert!(browser.fragment().await.contains(&format!("entity={}", entity.id)), "{}", browser.fragment().await);
    browser.close().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_gets_the_results_first_and_the_filters_in_a_drawer() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let entity = corpus.entities.iter().max_by_key(|e| e.mentions.len()).unwrap();
    let browser = Browser::start().await;
    browser.driver.set_window_rect(0, 0, 360, 800).await.unwrap();
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_for("html[data-words-ready]").await;
    // A search's first event is on the first screen, with no scrolling.
    let word = entity.name.split_whitespace().max_by_key(|w| w.len()).unwrap();
    browser.driver.find(By::Id("search")).await.unwrap().send_keys(word).await.unwrap();
    browser
        .wait_true(
            "const e = document.querySelector('li.event'); if (!e) return false; const r = e.getBoundingClientRect(); \
             return window.scrollY === 0 && r.top >= 0 && r.top < window.innerHeight - 40;",
            "the first event is on the first screen after a search",
        )
        .await;
    // The filters wait in a drawer, opened by a button that says how many are on.
    let side_shown =
        "const s = document.querySelector('.drawer'); return !!s && getComputedStyle(s).display !== 'none';";
    assert_eq!(
        browser.value(side_shown).await,
        serde_json::json!(false),
        "the filters are not on the page until asked for"
    );
    assert_eq!(browser.texts(".filters-toggle").await, vec!["Filters".to_owned()]);
    browser.click_first(".filters-toggle").await;
    browser.wait_true(side_shown, "the drawer opens").await;
    browser.wait_for(".drawer .filters").await;
    assert_eq!(
        browser.value("return document.activeElement.id;").await,
        serde_json::json!("drawer-close"),
        "focus moves into the drawer"
    );
    browser.driver.active_element().await.unwrap().send_keys(Key::Escape).await.unwrap();
    let side_hidden =
        "const s = document.querySelector('.drawer'); return !!s && getComputedStyle(s).display === 'none';";
    browser.wait_true(side_hidden, "Escape closes the drawer").await;
    // With an entity chosen, the button says so.
    browser.open(&format!("{}#e={}", env("CHRONICLE_E2E_SITE"), entity.id)).await;
    browser
        .wait_true(
            "return document.querySelector('.filters-toggle').textContent === 'Filters (1 active)';",
            "the button counts the filter",
        )
        .await;
    // The "/" hint shows where there is a keyboard, and not on a touch screen (touch
    // emulation makes the primary pointer coarse).
    let hint = "return getComputedStyle(document.querySelector('.key-hint')).display;";
    assert_ne!(browser.value(hint).await, serde_json::json!("none"), "a mouse and keyboard get the hint");
    browser
        .driver
        .cdp()
        .send_raw("Emulation.setTouchEmulationEnabled", serde_json::json!({ "enabled": true, "maxTouchPoints": 5 }))
        .await
        .unwrap();
    browser
        .driver
        .cdp()
        .send_raw(
            "Emulation.setEmitTouchEventsForMouse",
            serde_json::json!({ "enabled": true, "configuration": "mobile" }),
        )
        .await
        .unwrap();
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser
        .wait_true("return matchMedia('(pointer: coarse)').matches && getComputedStyle(document.querySelector('.key-hint')).display === 'none';", "no '/' hint on a touch screen")
        .await;
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_row_unfolds_to_show_its_whole_statement() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let e = corpus
        .events
        .iter()
        .find(|e| model::query::folds(&e.summary))
        .expect("the bundled articles have a long statement");
    let browser = Browser::start().await;
    browser.driver.set_window_rect(0, 0, 900, 900).await.unwrap();
    // Its day only, so its row is on screen.
    let day = e.when.start.iso();
    browser.open(&format!("{}#from={day}&to={day}", env("CHRONICLE_E2E_SITE"))).await;
    let row = format!("li.event[data-id='{}']", e.id);
    browser.wait_for(&format!("{row}.folded")).await;
    // The whole statement is in the page, folded to its first lines.
    let summary = browser.driver.find(By::Css(&format!("{row} .summary"))).await.unwrap();
    let whole =
        browser.driver.execute("return arguments[0].textContent;", vec![summary.to_json().unwrap()]).await.unwrap();
    assert_eq!(whole.json(), &serde_json::json!(&*e.summary), "not cut");
    let clipped = "return arguments[0].scrollHeight > arguments[0].clientHeight + 1;";
    let is_clipped =
        async || browser.driver.execute(clipped, vec![summary.to_json().unwrap()]).await.unwrap().json().clone();
    assert_eq!(is_clipped().await, serde_json::json!(true), "folded to its first lines");
    // Its button says so, and unfolds it from the keyboard.
    let button = browser.driver.find(By::Css(&format!("{row} button.unfold"))).await.unwrap();
    assert_eq!(button.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    assert_eq!(button.attr("aria-controls").await.unwrap(), summary.attr("id").await.unwrap());
    button.focus().await.unwrap();
    button.send_keys(Key::Enter).await.unwrap();
    browser.wait_for(&format!("{row}:not(.folded) button.unfold[aria-expanded=true]")).await;
    let summary = browser.driver.find(By::Css(&format!("{row} .summary"))).await.unwrap();
    let is_clipped = browser.driver.execute(clipped, vec![summary.to_json().unwrap()]).await.unwrap().json().clone();
    assert_eq!(is_clipped, serde_json::json!(false), "shown whole");
    // And folds it again.
    browser.click_first(&format!("{row} button.unfold")).await;
    browser.wait_for(&format!("{row}.folded button.unfold[aria-expanded=false]")).await;
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_skip_link_leads_to_the_results_and_question_mark_lists_the_shortcuts() {
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_for(".side .filters").await;
    // The first Tab reaches the skip link; following it puts the focus on the results,
    // so the next Tab is in them, past the masthead and the filters.
    let body = browser.driver.find(By::Css("body")).await.unwrap();
    body.send_keys(Key::Tab).await.unwrap();
    assert_eq!(browser.value("return document.activeElement.className;").await, serde_json::json!("skip-link"));
    assert_eq!(
        browser.value("return document.activeElement.getBoundingClientRect().top >= 0;").await,
        serde_json::json!(true),
        "visible when focused"
    );
    browser.driver.active_element().await.unwrap().send_keys(Key::Enter).await.unwrap();
    assert_eq!(browser.value("return document.activeElement.id;").await, serde_json::json!("results"));
    assert_eq!(browser.fragment().await, "", "the skip link leaves the view's link alone");
    browser.driver.active_element().await.unwrap().send_keys(Key::Tab).await.unwrap();
    assert_eq!(
        browser
            .value(
                "return !!document.activeElement.closest('.main-column') && !document.activeElement.closest('.side');"
            )
            .await,
        serde_json::json!(true),
        "the next stop is in the results"
    );
    // "?" lists the shortcuts in a dialog that takes the focus; Escape closes it.
    browser.driver.find(By::Css("body")).await.unwrap().send_keys("?").await.unwrap();
    browser.wait_for(".shortcuts[role=dialog]").await;
    let keys = browser.texts(".shortcuts dt").await;
    for key in ["/", "?", "Esc", "Enter"] {
        assert!(keys.iter().any(|k| k == key), "{key} is listed: {keys:?}");
    }
    assert_eq!(browser.value("return document.activeElement.id;").await, serde_json::json!("shortcuts-close"));
    browser.driver.active_element().await.unwrap().send_keys(Key::Escape).await.unwrap();
    browser.wait_count(".shortcuts", 0).await;
    // The button in the masthead opens it too.
    browser.click_first(".shortcuts-button").await;
    browser.wait_for(".shortcuts[role=dialog]").await;
    browser.click_first("#shortcuts-close").await;
    browser.wait_count(".shortcuts", 0).await;
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_entities_view_filters_as_you_type_and_labels_its_counts() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let listed = |e: &&model::Entity| !e.mentions.is_empty() || !e.roles.is_empty();
    let (x, entity) = corpus
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| listed(e) && !e.roles.is_empty())
        .max_by_key(|(_, e)| e.mentions.len())
        .unwrap();
    let events = corpus.events.iter().filter(|e| e.entities.contains(&(x as u32))).count();
    let browser = Browser::start().await;
    browser.open(&format!("{}#view=entities", env("CHRONICLE_E2E_SITE"))).await;
    let all = corpus.entities.iter().filter(listed).count();
    browser.wait_count(".entity-entries li", all).await;
    // Part of a name narrows the list to the entities whose name (or a form of it) holds it.
    let part: String = entity.name.chars().skip(1).take(4).collect();
    let folded = model::query::fold(&part);
    let expected = corpus
        .entities
        .iter()
        .filter(listed)
        .filter(|e| {
            model::query::fold(&e.name).contains(&folded)
                || e.aliases.iter().any(|a| model::query::fold(&a.text).contains(&folded))
        })
        .count();
    assert!(expected >= 1 && expected < all, "{part:?} narrows {all} to {expected}");
    browser.driver.find(By::Id("entity-filter")).await.unwrap().send_keys(&part).await.unwrap();
    browser.wait_count(".entity-entries li", expected).await;
    assert_eq!(
        browser.texts(".entity-filter .count").await,
        vec![format!("{expected} entit{}", if expected == 1 { "y" } else { "ies" })]
    );
    // The entry names its roles and says what each count counts.
    let entry = browser
        .value(&format!(
            "const a = [...document.querySelectorAll('.entity-entries li a')].find(a => a.getAttribute('href').includes('{}'));\
             const li = a.closest('li'); return [li.querySelector('.roles')?.textContent ?? '', li.querySelector('.count').textContent];",
            entity.id
        ))
        .await;
    let role = &entity.roles[0].text;
    assert!(
        entry[0].as_str().unwrap().to_lowercase().contains(&role.to_lowercase())
            || entity.roles.iter().any(|r| entry[0].as_str().unwrap().contains(&r.text)),
        "{entry}"
    );
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    assert_eq!(
        entry[1],
        serde_json::json!(format!(
            "{} · {}",
            plural(events, "event", "events"),
            plural(entity.mentions.len(), "mention", "mentions")
        ))
    );
    // A name nothing holds says so.
    browser.driver.find(By::Id("entity-filter")).await.unwrap().send_keys("qqqqzzzz").await.unwrap();
    browser.wait_count(".entity-entries li", 0).await;
    assert_eq!(browser.count(".entity-list .empty").await, 1);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_date_like_query_offers_the_date_filter_and_a_typo_offers_the_word() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let site = env("CHRONICLE_E2E_SITE");
    // A month that holds events, typed as words.
    let when = corpus.events.iter().rev().find(|e| e.kind != model::EventKind::Publication).unwrap().when.start;
    let query = format!("{} {}", model::month_name(when.month), when.year);
    let browser = Browser::start().await;
    browser.open(&site).await;
    browser.wait_for("html[data-words-ready]").await;
    browser.driver.find(By::Id("search")).await.unwrap().send_keys(&query).await.unwrap();
    let offer = format!("Show the events dated {query}");
    browser
        .wait_true(
            &format!("return [...document.querySelectorAll('.search-help a')].some(a => a.textContent === {offer:?});"),
            "the date filter is offered",
        )
        .await;
    browser.click_first(".search-help a").await;
    let from = format!("from={:04}-{:02}-01", when.year, when.month);
    browser
        .wait_true(
            &format!("return location.hash.includes({from:?}) && !location.hash.includes('q=');"),
            "the offer sets the dates",
        )
        .await;
    browser
        .wait_true(
            "return Number(document.querySelector('.timeline')?.dataset.total) > 0;",
            "the month's events are shown",
        )
        .await;
    // A name misspelt by one letter finds nothing and is offered the name.
    let index = model::search::TextIndex::for_corpus(&corpus);
    let (name, typo) = corpus
        .entities
        .iter()
        .filter(|e| {
            !e.mentions.is_empty()
                && !e.name.contains(' ')
                && e.name.chars().count() >= 5
                && e.name.chars().all(char::is_alphabetic)
        })
        .find_map(|e| {
            let chars: Vec<char> = e.name.chars().collect();
            let typo: String = chars[..chars.len() - 1].iter().chain(std::iter::once(&'x')).collect();
            let folded = model::query::fold(&typo);
            (!index.has_prefix(&folded)
                && model::suggest::near_word(&index, &folded) == Some(model::query::fold(&e.name)))
            .then(|| (e.name.clone(), typo))
        })
        .expect("a name whose last letter changed finds nothing");
    browser.open(&site).await;
    browser.wait_for("html[data-words-ready]").await;
    browser.driver.find(By::Id("search")).await.unwrap().send_keys(&typo).await.unwrap();
    browser.wait_events(0).await;
    browser
        .wait_true(
            &format!("return [...document.querySelectorAll('.search-help a')].some(a => a.textContent === {name:?});"),
            "the name is offered",
        )
        .await;
    browser.click_first(".search-help a").await;
    browser
        .wait_true(
            &format!("return document.getElementById('search').value === {name:?};"),
            "the offer searches the name",
        )
        .await;
    browser
        .wait_true("return Number(document.querySelector('.timeline')?.dataset.total) > 0;", "the name finds events")
        .await;
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_graph_labels_are_legible_and_apart() {
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_for(".graph .node text").await;
    let boxes = browser
        .value("return [...document.querySelectorAll('.graph .node text')].map(t => { const r = t.getBoundingClientRect(); \
                return [r.left, r.top, r.right, r.bottom, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a]; });")
        .await;
    let boxes: Vec<[f64; 5]> = serde_json::from_value(boxes).unwrap();
    assert!(boxes.len() >= 2);
    for b in &boxes {
        assert!(b[4] >= 11.0, "labels are drawn at {} px", b[4]);
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
            assert!(apart, "labels overlap: {a:?} and {b:?}");
        }
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_after_a_paused_search_returns_to_the_view_before_it() {
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    browser.open(&site).await;
    browser.wait_for("html[data-words-ready]").await;
    let all = browser.events_total().await;
    let input = browser.driver.find(By::Id("search")).await.unwrap();
    // Keys typed without a pause make one entry: the URL holds the whole word at once.
    input.send_keys("turk").await.unwrap();
    browser.wait_true("return location.hash.includes('q=turk');", "the paused search is in the URL").await;
    let found = browser.events_total().await;
    assert!(found < all, "the search narrows the timeline");
    let length = browser.value("return history.length;").await;
    // More keys after the pause refine that entry instead of adding another.
    input.send_keys("iye").await.unwrap();
    browser.wait_true("return location.hash.includes('q=turkiye');", "the refined search is in the URL").await;
    assert_eq!(browser.value("return history.length;").await, length, "refining adds no entry");
    let refined = browser.events_total().await;
    browser.driver.back().await.unwrap();
    browser.wait_events(all).await;
    assert_eq!(browser.value("return document.getElementById('search').value;").await, serde_json::json!(""));
    browser.driver.forward().await.unwrap();
    browser.wait_events(refined).await;
    assert_eq!(browser.value("return document.getElementById('search').value;").await, serde_json::json!("turkiye"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_click_or_a_tap_on_the_strip_zooms_into_the_stretch_under_it() {
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    let all = browser.events_total().await;
    // The tallest bar says its dates and count on hover.
    let bars = browser.strip_bars().await;
    let tallest = bars.iter().max_by_key(|b| b.count).unwrap().clone();
    browser.driver.action_chain().move_to(tallest.x, tallest.y).perform().await.unwrap();
    let tip = browser.texts(".density .tip").await.join("");
    assert!(
        tip.contains(&Bar::label(&tallest.from)) && tip.contains(&format!("{} event", tallest.count)),
        "{tip:?} for {tallest:?}"
    );
    let titles = browser.texts(".density rect.bar title").await;
    assert_eq!(titles.len(), bars.len(), "every bar has a tooltip");
    // A click zooms: a stretch around the bar, holding its events, which the strip
    // then spreads over its bars; the timeline does not empty.
    let before = browser.fragment().await;
    browser.driver.action_chain().move_to(tallest.x, tallest.y).click().perform().await.unwrap();
    let state = browser.next_state(&before).await;
    let (from, to) = (state.filter.from.unwrap().iso(), state.filter.to.unwrap().iso());
    assert!(from <= tallest.from && tallest.to <= to && from < to, "{from} to {to} holds {tallest:?}");
    let shown = browser.wait_strip_for(&state).await;
    assert!(shown >= tallest.count as usize && shown < all, "{shown} events after the zoom");
    let zoomed = browser.strip_bars().await;
    assert!(zoomed.iter().filter(|b| b.count > 0).count() > 1, "the bar's events spread over several bars");
    // "All dates" zooms back out.
    let before = browser.fragment().await;
    browser.click_first(".density .all-dates").await;
    let state = browser.next_state(&before).await;
    assert_eq!((state.filter.from, state.filter.to), (None, None));
    browser.wait_events(all).await;
    // A finger: a drag selects the bars under it, a tap zooms like a click.
    let bars = browser.strip_bars().await;
    let n = bars.len();
    let (a, b) = (&bars[n * 2 / 10], &bars[n * 7 / 10]);
    let touch = |kind: &str, at: Option<&Bar>| {
        let points = at.map_or(serde_json::json!([]), |b| serde_json::json!([{ "x": b.x, "y": b.y }]));
        serde_json::json!({ "type": kind, "touchPoints": points })
    };
    let before = browser.fragment().await;
    for step in [touch("touchStart", Some(a)), touch("touchMove", Some(b)), touch("touchEnd", None)] {
        browser.driver.cdp().send_raw("Input.dispatchTouchEvent", step).await.unwrap();
    }
    let state = browser.next_state(&before).await;
    assert_eq!(
        (state.filter.from.unwrap().iso(), state.filter.to.unwrap().iso()),
        (a.from.clone(), b.to.clone()),
        "a touch drag"
    );
    browser.wait_strip_for(&state).await;
    let bars = browser.strip_bars().await;
    let tapped = bars.iter().max_by_key(|b| b.count).unwrap().clone();
    let before = browser.fragment().await;
    for step in [touch("touchStart", Some(&tapped)), touch("touchEnd", None)] {
        browser.driver.cdp().send_raw("Input.dispatchTouchEvent", step).await.unwrap();
    }
    let state = browser.next_state(&before).await;
    let (from, to) = (state.filter.from.unwrap().iso(), state.filter.to.unwrap().iso());
    assert!(from <= tapped.from && tapped.to <= to, "a tap zooms around {tapped:?}: {from} to {to}");
    assert!(browser.wait_strip_for(&state).await > 0);
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

async fn the_publication_switch_hides_publication_rows_and_lives_in_the_link() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let index = model::query::Index::new(&corpus);
    let total = |publications| {
        index.timeline(&corpus, &model::query::Filter { publications, ..Default::default() }, false).len()
    };
    let (shown, hidden) = (total(model::query::Publications::Distinct), total(model::query::Publications::Hidden));
    assert!(hidden < shown, "the bundled articles have publication rows");
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    browser.open(&site).await;
    browser.wait_events(shown).await;
    assert!(browser.count("li.event.kind-publication").await > 0, "publication rows on screen");
    browser.click_first("input[name=hide-publications]").await;
    browser.wait_events(hidden).await;
    assert_eq!(browser.count("li.event.kind-publication").await, 0);
    let fragment = browser.fragment().await;
    assert!(fragment.contains("pubs=none"), "{fragment}");
    // The link opens the same view, the switch on.
    let fresh = Browser::start().await;
    fresh.open(&format!("{site}{fragment}")).await;
    fresh.wait_events(hidden).await;
    assert_eq!(fresh.count("input[name=hide-publications]:checked").await, 1);
    fresh.close().await;
    // Off again, they are back.
    browser.click_first("input[name=hide-publications]").await;
    browser.wait_events(shown).await;
    assert!(!browser.fragment().await.contains("pubs="));
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arrow_keys_move_and_widen_the_strips_selection_and_enter_shows_it() {
    use thirtyfour::Key;
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    let all = browser.events_total().await;
    let bars = browser.strip_bars().await;
    // Reached with Tab like any control, the strip says what it is and how to use it.
    browser.driver.execute("document.querySelector('.density svg').focus();", vec![]).await.unwrap();
    let role = browser
        .driver
        .execute(
            "const s = document.activeElement; return [s.getAttribute('role'), s.getAttribute('tabindex'),\
        document.getElementById(s.getAttribute('aria-describedby')).textContent, getComputedStyle(s).outlineStyle];",
            vec![],
        )
        .await
        .unwrap();
    let role: (String, String, String, String) = serde_json::from_value(role.json().clone()).unwrap();
    assert_eq!((role.0.as_str(), role.1.as_str(), role.3.as_str()), ("slider", "0", "solid"));
    assert!(role.2.contains("arrow keys") && role.2.contains("Enter"), "{}", role.2);
    let value = || async {
        let r = browser
            .driver
            .execute("return document.activeElement.getAttribute('aria-valuetext');", vec![])
            .await
            .unwrap();
        r.json().as_str().unwrap_or_default().to_owned()
    };
    // Right three times: the third bar; Shift+Right twice, Shift+Left once: it and the next.
    for _ in 0..3 {
        browser.driver.action_chain().send_keys(Key::Right).perform().await.unwrap();
    }
    assert!(value().await.starts_with(&Bar::label(&bars[2].from)), "{}", value().await);
    for key in [Key::Right, Key::Right, Key::Left] {
        browser.driver.action_chain().key_down(Key::Shift).send_keys(key).key_up(Key::Shift).perform().await.unwrap();
    }
    let said = value().await;
    assert!(said.starts_with(&format!("{} to {}", Bar::label(&bars[2].from), Bar::label(&bars[3].to))), "{said}");
    assert_eq!(browser.count(".density rect.selection").await, 1, "the selection shows on the strip");
    assert_eq!(browser.accessibility_violations().await, Vec::<String>::new());
    // Enter shows it.
    let before = browser.fragment().await;
    browser.driver.action_chain().send_keys(Key::Enter).perform().await.unwrap();
    let state = browser.next_state(&before).await;
    assert_eq!(
        (state.filter.from.unwrap().iso(), state.filter.to.unwrap().iso()),
        (bars[2].from.clone(), bars[3].to.clone())
    );
    browser.wait_strip_for(&state).await;
    // Escape with nothing selected shows all dates again; the strip keeps the focus.
    let before = browser.fragment().await;
    browser.driver.action_chain().send_keys(Key::Escape).perform().await.unwrap();
    let state = browser.next_state(&before).await;
    assert_eq!((state.filter.from, state.filter.to), (None, None));
    browser.wait_events(all).await;
    let focused = browser.driver.execute("return document.activeElement.getAttribute('role');", vec![]).await.unwrap();
    assert_eq!(focused.json().as_str(), Some("slider"));
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reader_opens_at_the_events_sentence_marked_from_a_source_link() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    // The event told furthest down its first article, its sentence there word for word:
    // the reader must scroll to it.
    let (event, article, sentence) = corpus
        .events
        .iter()
        .filter(|e| e.kind != model::EventKind::Publication)
        .filter_map(|e| {
            let article = &corpus.articles[e.sources[0].article as usize];
            let (p, s, t) = model::query::target(&corpus, &article.id, &e.id)?;
            let text = &article.paragraphs[p][s..t];
            (text == &*e.sources[0].sentence).then_some((p, e, article, text.to_owned()))
        })
        .max_by_key(|&(p, ..)| p)
        .map(|(_, e, a, s)| (e, a, s))
        .expect("an event whose sentence its article holds");
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    let day = event.when.start.iso();
    browser.open(&format!("{site}#from={day}&to={day}&k={}", event.kind.as_str())).await;
    let link = format!("li.event[data-id='{}'] a.source", event.id);
    let href = browser.wait_for(&link).await[0].attr("href").await.unwrap().unwrap();
    browser.click_first(&link).await;
    let at = browser.wait_for(".reader mark.at").await.remove(0);
    assert_eq!(browser.fragment().await, href);
    let (state, _) = model::query::State::from_fragment(&href);
    assert_eq!(state.view, model::query::View::Article(article.id.to_string(), Some(event.id.clone())));
    let on_screen = || async {
        let r = browser
            .driver
            .execute(
                "const m = document.querySelector('.reader mark.at'), r = m.getBoundingClientRect();\
                 return [r.top >= 0 && r.bottom <= innerHeight, document.activeElement === m, scrollY];",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value::<(bool, bool, f64)>(r.json().clone()).unwrap()
    };
    // Marked, scrolled to (the article is longer than the screen above it) and focused.
    assert_eq!(squash(&at.text().await.unwrap()), squash(&sentence));
    let (visible, focused, scrolled) = on_screen().await;
    assert!(visible && focused, "on screen {visible}, focused {focused}");
    assert!(scrolled > 0.0, "the page scrolled to the sentence");
    assert_eq!(browser.accessibility_violations().await, Vec::<String>::new());
    // The link alone gives the same view, in a page loaded afresh.
    browser.driver.goto("about:blank").await.unwrap();
    browser.open(&format!("{site}{href}")).await;
    let again = browser.wait_for(".reader mark.at").await.remove(0);
    assert_eq!(squash(&again.text().await.unwrap()), squash(&sentence));
    let (visible, focused, _) = on_screen().await;
    assert!(visible && focused, "from the link: on screen {visible}, focused {focused}");
    // A target the article does not tell, or a garbled one: the article, at its top, and a message.
    for at in ["event:1900-01-01-nothing-here", "%3Cscript%3E"] {
        browser.driver.goto("about:blank").await.unwrap();
        browser.open(&format!("{site}#article={}&at={at}", article.id)).await;
        browser.wait_for(".reader h2").await;
        assert_eq!(browser.count(".problems li").await, 1, "{at}");
        assert_eq!(browser.count(".reader mark.at").await, 0, "{at}");
    }
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

async fn kind_options_absent_from_the_corpus_are_not_offered() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let used = |k: model::EventKind| corpus.events.iter().any(|e| e.kind == k);
    let absent: Vec<model::EventKind> = model::EventKind::ALL.into_iter().filter(|&k| !used(k)).collect();
    assert!(!absent.is_empty(), "the bundled articles leave a kind unused");
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    browser.open(&site).await;
    browser.wait_for("input[name=kind]").await;
    for k in model::EventKind::ALL {
        let box_count = browser.count(&format!("input[name=kind][value={}]", k.as_str())).await;
        assert_eq!(box_count, usize::from(used(k)), "{}", k.as_str());
    }
    // A link that chose one still shows it, so it can be unchosen.
    let k = absent[0].as_str();
    browser.open(&format!("{site}#k={k}")).await;
    browser.wait_for(&format!("input[name=kind][value={k}]:checked")).await;
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reader_marks_the_words_searched_for() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    // A word written with a diacritic, searched for without it ("turkiye" for "Türkiye").
    let (article, word) = corpus
        .articles
        .iter()
        .find_map(|a| {
            let words = a.paragraphs.iter().flat_map(|p| p.split(|c: char| !c.is_alphanumeric()));
            let w =
                words.filter(|w| !w.is_ascii() && model::query::fold(w).is_ascii() && w.chars().count() > 3).next()?;
            Some((a, model::query::fold(w)))
        })
        .expect("an article with a word written with a diacritic");
    let expected: usize = article.paragraphs.iter().map(|p| model::query::highlights(p, &word).len()).sum();
    let browser = Browser::start().await;
    browser.open(&format!("{}#article={}&q={word}", env("CHRONICLE_E2E_SITE"), article.id)).await;
    browser.wait_for(".reader .body mark").await;
    let marks = browser.texts(".reader .body mark").await;
    assert_eq!(marks.len(), expected, "{marks:?}");
    for m in &marks {
        assert_eq!(model::query::fold(m), word, "{marks:?}");
    }
    assert!(marks.iter().any(|m| m.to_lowercase() != word), "a mark holds the word as written: {marks:?}");
    browser.close().await;
}

/// The events of the default view, oldest first: all but the publications that repeat
/// an event of their article (`model::query::repeated_publications`).
fn default_view(corpus: &model::Corpus) -> Vec<&model::Event> {
    let repeats = model::query::repeated_publications(corpus);
    corpus.events.iter().enumerate().filter(|&(i, _)| !repeats.get(i)).map(|(_, e)| e).collect()
}
