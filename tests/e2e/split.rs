//! A split corpus (the bundled articles built with `CHRONICLE_SPLIT_FROM=0` and small
//! chunks): bodies fetched from their chunk files and checked, saved for offline with
//! the progress shown, damage and absence reported naming the file.

use super::*;

/// The bundled corpus as the pipeline reads it: the split site's articles, in order.
fn corpus() -> model::Corpus {
    pipeline::process_dir(&bundled_articles()).unwrap().corpus
}

/// The split site's folder and its chunk files' names, sorted.
fn chunk_files() -> (PathBuf, Vec<String>) {
    let dir = PathBuf::from(env("CHRONICLE_E2E_SPLIT_SITE_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir.join("chunks"))
        .expect("the split site has a chunks folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    (dir, names)
}

/// The article numbers each chunk file holds.
fn articles_of(dir: &Path, name: &str) -> Vec<u32> {
    let bytes: &'static [u8] = Box::leak(std::fs::read(dir.join("chunks").join(name)).unwrap().into_boxed_slice());
    model::decode_chunk(bytes).unwrap().into_iter().map(|(a, _)| a).collect()
}

impl Browser {
    /// Waits until the reader shows `article` whole: no loading line, every paragraph.
    async fn wait_whole(&self, article: &model::Article) {
        let expected: Vec<String> = article.paragraphs.iter().map(|p| squash(p)).collect();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let shown = self.texts(".reader .body p:not(.body-loading)").await;
            if shown == expected && self.count(".reader .body-loading").await == 0 {
                return;
            }
            let problem = self.texts(".reader .body-loading").await;
            assert!(Instant::now() < deadline, "{}: shown {shown:?}, {problem:?}", article.id);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The resources the page fetched whose path has `part`.
    async fn fetched(&self, part: &str) -> Vec<String> {
        let script = format!(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes({part:?}));"
        );
        serde_json::from_value(self.value(&script).await).unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_split_corpus_reads_each_article_whole_from_its_checked_chunk() {
    let corpus = corpus();
    let (_, files) = chunk_files();
    assert!(files.len() > 1, "the small chunks make several files: {files:?}");
    let site = env("CHRONICLE_E2E_SPLIT_SITE");
    let browser = Browser::start().await;
    // The timeline is the whole corpus's, from the core alone.
    browser.open(&site).await;
    assert_eq!(browser.events_total().await, default_view(&corpus).len());
    assert!(browser.fetched("/chunks/").await.is_empty(), "the timeline needs no chunk");
    // Hiding recycled background hides the events told only in recycled passages, which
    // the chunks hold: the manifest names them.
    let recycled = model::query::recycled_events(&corpus);
    let repeats = model::query::repeated_publications(&corpus);
    let fresh = (0..corpus.events.len()).filter(|&i| !recycled.get(i) && !repeats.get(i)).count();
    assert!(fresh < default_view(&corpus).len(), "the bundled corpus has recycled background");
    browser.open(&format!("{site}#hide=recycled")).await;
    assert_eq!(browser.events_total().await, fresh);
    browser.open(&site).await;
    // The view's download, asked for before any chunk has come, waits for them all: its
    // articles are whole, with their mentions past the lead. Meanwhile the button says so.
    browser
        .driver
        .execute(
            "const b = document.querySelector('button.download-json'); window.__busy = [];
             new MutationObserver(() => window.__busy.push([b.getAttribute('aria-busy'), b.textContent]))
               .observe(b, { attributes: true, childList: true, characterData: true, subtree: true });",
            vec![],
        )
        .await
        .unwrap();
    browser.driver.find(By::Css("button.download-json")).await.unwrap().click().await.unwrap();
    let json = std::fs::read_to_string(browser.downloaded(&["chronicle-view.json"]).await).unwrap();
    let busy = browser.driver.execute("return window.__busy;", vec![]).await.unwrap();
    let busy: Vec<(Option<String>, String)> = serde_json::from_value(busy.json().clone()).unwrap();
    assert!(
        busy.contains(&(Some("true".into()), "Preparing JSON…".into())),
        "the button said it was preparing the download: {busy:?}"
    );
    assert_eq!(busy.last(), Some(&(None, "Download JSON".into())), "and then that it was done: {busy:?}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert!(!articles.is_empty());
    for a in articles {
        let whole = corpus.articles.iter().find(|x| a["id"] == *x.id).unwrap();
        let paragraphs: Vec<&str> = whole.paragraphs.iter().map(|p| &**p).collect();
        assert_eq!(a["paragraphs"], serde_json::json!(paragraphs), "{}", whole.id);
    }
    let mentions = |e: &serde_json::Value| e["mentions"].as_array().map_or(0, Vec::len);
    let shown: usize = json["entities"].as_array().unwrap().iter().map(mentions).sum();
    let ids: Vec<&serde_json::Value> = json["entities"].as_array().unwrap().iter().map(|e| &e["id"]).collect();
    let all: usize =
        corpus.entities.iter().filter(|e| ids.contains(&&serde_json::json!(&*e.id))).map(|e| e.mentions.len()).sum();
    assert_eq!(shown, all, "every mention of the view's entities, in whichever article");
    for article in corpus.articles.iter().filter(|a| a.paragraphs.len() > 1) {
        browser.open(&format!("{site}#article={}", article.id)).await;
        browser.wait_whole(article).await;
    }
    let fetched = browser.fetched("/chunks/").await;
    assert!(!fetched.is_empty(), "the bodies came from chunk files");
    // A source link into a later paragraph, which only the chunk holds, marks its sentence:
    // for an event's first source (the core holds its sentence) and for a later one (the
    // core holds only its place in the paragraph).
    for later in [false, true] {
        let (event, article, sentence) = corpus
            .events
            .iter()
            .filter(|e| e.kind != model::EventKind::Publication)
            .find_map(|e| {
                let (_, source) = e.sources.iter().enumerate().find(|&(i, s)| {
                    (i > 0) == later && e.sources[..i].iter().all(|t| t.article != s.article) && s.paragraph > 0
                })?;
                let article = &corpus.articles[source.article as usize];
                let (p, s, t) = model::query::target(&corpus, &article.id, &e.id)?;
                (p > 0).then(|| (e, article, article.paragraphs[p][s..t].to_owned()))
            })
            .unwrap_or_else(|| panic!("an event told past its article's lead (by a later source: {later})"));
        browser.open(&format!("{site}#article={}&at={}", article.id, event.id)).await;
        browser.wait_whole(article).await;
        let marked = "return !!document.querySelector('mark.at');";
        let why = format!(
            "the event's sentence is marked at {}: {:?}",
            browser.fragment().await,
            browser
                .value(
                    "return [document.querySelectorAll('mark').length, \
                     document.querySelector('.reader h2').textContent]"
                )
                .await
        );
        browser.wait_true(marked, &why).await;
        assert_eq!(browser.texts("mark.at").await, [squash(&sentence)], "later source: {later}");
    }
    // Every one of the page's articles expands whole in the article list too.
    browser.open(&format!("{site}#view=articles")).await;
    browser.click_first("li.article button.toggle").await;
    browser
        .wait_true("return !document.querySelector('li.article .body-loading');", "the expanded article came whole")
        .await;
    assert!(browser.console_problems().await.is_empty(), "{:?}", browser.console_problems().await);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_split_corpus_is_saved_for_offline_showing_progress_and_reads_offline() {
    let corpus = corpus();
    let (dir, files) = chunk_files();
    let own = OwnServer::start(&dir);
    let site = format!("http://127.0.0.1:{}/", own.port);
    let browser = Browser::start().await;
    // Every text the status line shows, from the page's first moment.
    let watch = "window.statusSeen = [];\
        new MutationObserver(() => { const l = document.getElementById('offline-status');\
          if (l && window.statusSeen[window.statusSeen.length - 1] !== l.textContent) window.statusSeen.push(l.textContent); })\
        .observe(document, { subtree: true, childList: true, characterData: true });";
    browser
        .driver
        .cdp()
        .send_raw("Page.addScriptToEvaluateOnNewDocument", serde_json::json!({ "source": watch }))
        .await
        .unwrap();
    browser.open(&site).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let seen = loop {
        let seen: Vec<String> = serde_json::from_value(browser.value("return window.statusSeen;").await).unwrap();
        if seen.last().is_some_and(|s| s == "Saved for offline") {
            break seen;
        }
        assert!(Instant::now() < deadline, "not saved within 20 s: {seen:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let percents: Vec<u32> =
        seen.iter().filter_map(|s| s.strip_prefix("Saving for offline: ")?.strip_suffix('%')?.parse().ok()).collect();
    assert!(percents.first().is_some_and(|&p| p < 100), "progress before done: {seen:?}");
    assert!(percents.windows(2).all(|w| w[0] <= w[1]), "progress only grows: {seen:?}");
    assert_eq!(seen.last().map(String::as_str), Some("Saved for offline"));
    // The worker's cache holds every chunk of the build.
    let cached: Vec<String> = serde_json::from_value(
        browser
            .run_async(
                "caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys()))))\
                 .then(lists => done(lists.flat().map(r => r.url).filter(u => u.includes('/chunks/'))));",
            )
            .await,
    )
    .unwrap();
    for f in &files {
        assert!(cached.iter().any(|u| u.ends_with(&format!("/chunks/{f}"))), "{f} not saved: {cached:?}");
    }
    // With the server gone, an article never opened online reads whole.
    own.stop();
    let article = corpus.articles.iter().filter(|a| a.paragraphs.len() > 1).last().expect("an article of paragraphs");
    browser.driver.goto(&format!("{site}#article={}", article.id)).await.unwrap();
    browser.driver.refresh().await.unwrap();
    browser.wait_for("html[data-ready]").await;
    browser.wait_whole(article).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_altered_or_missing_chunk_is_reported_naming_its_file() {
    let corpus = corpus();
    let (dir, files) = chunk_files();
    let copy = tempfile::tempdir().unwrap();
    copy_files(&dir, copy.path());
    copy_files(&dir.join("chunks"), &copy.path().join("chunks"));
    // One chunk altered by a byte, another gone.
    let (altered, missing) = (&files[0], &files[1]);
    let path = copy.path().join("chunks").join(altered);
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 0x20;
    std::fs::write(&path, bytes).unwrap();
    std::fs::remove_file(copy.path().join("chunks").join(missing)).unwrap();
    let own = OwnServer::start(copy.path());
    let browser = Browser::start().await;
    for (file, says) in [(altered, "SHA-256 differs"), (missing, "HTTP 404")] {
        let number = articles_of(&dir, file)[0];
        let article = &corpus.articles[number as usize];
        browser.open(&format!("http://127.0.0.1:{}/#article={}", own.port, article.id)).await;
        browser.wait_for(".reader .body-loading.failed").await;
        let message = browser.texts(".reader .body-loading.failed").await.join(" ");
        assert!(message.contains(&format!("chunks/{file}")) && message.contains(says), "{message}");
        // The lead, which the core holds, is still there.
        assert_eq!(browser.texts(".reader .body p:not(.body-loading)").await.first(), Some(&squash(article.lead())));
    }
    own.stop();
    browser.close().await;
}
