//! The density strip: dragging, zooming and keys.

use super::*;

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
    browser.drag_between(a, b).await;
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
