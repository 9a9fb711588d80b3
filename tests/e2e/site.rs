//! The site as delivered: offline, updates, the content security policy, integrity, the opening screen and preview, the worker and the manifest.

use super::*;

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
