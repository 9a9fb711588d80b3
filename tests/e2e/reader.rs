//! The article reader: mentions, recycled passages, the sentence of an event, searched words.

use super::*;

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
