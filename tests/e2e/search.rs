//! Search and the filters beside it: highlighting, article text, authors, several entities, the recycled box, search help and history.

use super::*;

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
