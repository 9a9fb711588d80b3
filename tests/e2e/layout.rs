//! Layout and access: axe-core in every view, phones, keys, the dark theme, the skip link.

use super::*;

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
