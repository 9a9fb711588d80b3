//! The timeline view: rows, folding, kinds, publications, an empty corpus, downloads and print.

use super::*;

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_current_view_downloads_as_csv_and_json() {
    let browser = Browser::start().await;
    browser.open(&format!("{}#k=meeting", env("CHRONICLE_E2E_SITE"))).await;
    let shown = browser.events_total().await;
    assert!(shown > 0);
    browser.driver.find(By::Css("button.download-csv")).await.unwrap().click().await.unwrap();
    browser.driver.find(By::Css("button.download-json")).await.unwrap().click().await.unwrap();
    let csv_path = browser.downloaded(&["chronicle-timeline.csv", "chronicle-view.json"]).await;
    let json_path = browser.downloads.path().join("chronicle-view.json");
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert_eq!(csv.lines().count(), shown + 1, "a header and one row an event shown");
    assert!(csv.lines().skip(1).all(|l| l.contains(",meeting,")));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(json["events"].as_array().unwrap().len(), shown);
    assert!(json["events"].as_array().unwrap().iter().all(|e| e["kind"] == "meeting"));
    assert!(!json["articles"].as_array().unwrap().is_empty());
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
