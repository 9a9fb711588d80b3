//! Links as state: reopening views, Back and Forward, garbled and hostile links, hostile articles.

use super::*;

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
    browser.open(&format!("{site}#view=map")).await;
    check("#view=map".into()).await;
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
