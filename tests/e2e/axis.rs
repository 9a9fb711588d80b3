//! The density strip's time axis: the span it opens on, the outlier marks, zooming
//! and panning from keys, buttons, wheel and fingers, and choosing dates after a zoom.
//! Every expected span, mark and tick comes from the corpus through `model`.

use model::query::{Filter, Index, Outlier, Span, dense_span, full_span, outliers, pan, ticks, zoom};
use thirtyfour::Key;

use super::*;

/// What the axis tests compare against: the bundled corpus's spans and its default
/// timeline.
struct Expected {
    corpus: model::Corpus,
    full: Span,
    dense: Span,
}

impl Expected {
    fn new() -> Expected {
        let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
        let (full, dense) = (full_span(&corpus).unwrap(), dense_span(&corpus).unwrap());
        Expected { corpus, full, dense }
    }

    /// The marks outside `span` over the default timeline, by their labels.
    fn marks(&self, span: Span) -> (Vec<Outlier>, Vec<Outlier>) {
        let index = Index::new(&self.corpus);
        let rows = index.timeline(&self.corpus, &Filter::default(), false);
        outliers(&self.corpus, &rows, span)
    }

    /// The default timeline's events that start inside `span`.
    fn inside(&self, span: Span) -> u64 {
        let index = Index::new(&self.corpus);
        let rows = index.timeline(&self.corpus, &Filter::default(), false);
        rows.iter().filter(|&e| (span.0..=span.1).contains(&self.corpus.events[e].when.start)).count() as u64
    }
}

fn labels(marks: &[Outlier]) -> Vec<String> {
    marks.iter().map(Outlier::label).collect()
}

fn tick_labels(span: Span) -> Vec<String> {
    ticks(span.0, span.1, 6).into_iter().map(|t| t.label).collect()
}

fn date(iso: &str) -> model::Date {
    let (state, problems) = model::query::State::from_fragment(&format!("#from={iso}"));
    assert!(problems.is_empty(), "{iso}");
    state.filter.from.unwrap()
}

impl Browser {
    /// The span the strip shows, as it says on its element.
    async fn strip_span(&self) -> Span {
        self.wait_for(".density svg.strip").await;
        let r = self
            .value("const s = document.querySelector('.density svg.strip'); return [s.dataset.from, s.dataset.to];")
            .await;
        let (from, to): (String, String) = serde_json::from_value(r).unwrap();
        (date(&from), date(&to))
    }

    /// Waits until the strip shows `span`, with the ticks the model gives it.
    async fn wait_span(&self, span: Span) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let shown = self.strip_span().await;
            if shown == span && self.texts(".density .ticks text").await == tick_labels(span) {
                return;
            }
            assert!(Instant::now() < deadline, "the strip shows {shown:?}, expected {span:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn mark_labels(&self, side: &str) -> Vec<String> {
        self.texts(&format!(".density .marks.{side} .outlier")).await
    }

    /// Waits until the link holds `strip=` (a zoom reaches it once it pauses) and reads it.
    async fn wait_axis_in_link(&self, axis: Option<Span>) -> model::query::State {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let (state, problems) = model::query::State::from_fragment(&self.fragment().await);
            assert!(problems.is_empty(), "{problems:?}");
            if state.axis == axis {
                return state;
            }
            assert!(Instant::now() < deadline, "the link's strip is {:?}, expected {axis:?}", state.axis);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn focus_strip(&self) {
        self.value("document.querySelector('.density svg.strip').focus(); return true;").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_strip_opens_on_the_dense_span_with_the_outliers_marked_and_a_mark_jumps_to_them() {
    let x = Expected::new();
    let (before, after) = x.marks(x.dense);
    assert!(x.dense != x.full && !before.is_empty(), "the bundled corpus has events far before the rest");
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_span(x.dense).await;
    assert_eq!(browser.mark_labels("before").await, labels(&before));
    assert_eq!(browser.mark_labels("after").await, labels(&after));
    // The bars hold the events inside the span, the marks the rest.
    let counted: u64 = browser.strip_bars().await.iter().map(|b| b.count).sum();
    assert_eq!(counted, x.inside(x.dense));
    let marked: u32 = before.iter().chain(&after).map(|o| o.events).sum();
    assert_eq!(counted + u64::from(marked), browser.events_total().await as u64, "every event is a bar's or a mark's");
    assert_eq!(browser.accessibility_violations().await, Vec::<String>::new());
    // Enter on the farthest mark shows its years; the list is not filtered.
    let all = browser.events_total().await;
    let target = before[0].span(x.full);
    browser.value("document.querySelector('.density .marks.before .outlier').focus(); return true;").await;
    browser.driver.action_chain().send_keys(Key::Enter).perform().await.unwrap();
    browser.wait_span(target).await;
    let counted: u64 = browser.strip_bars().await.iter().map(|b| b.count).sum();
    assert_eq!(counted, u64::from(before[0].events), "its events are the strip's bars now");
    assert_eq!(browser.value("return document.activeElement.getAttribute('role');").await, "slider");
    let (before_now, after_now) = x.marks(target);
    assert_eq!(browser.mark_labels("before").await, labels(&before_now));
    assert_eq!(browser.mark_labels("after").await, labels(&after_now));
    assert_eq!(browser.events_total().await, all);
    let state = browser.wait_axis_in_link(Some(target)).await;
    assert_eq!((state.filter.from, state.filter.to), (None, None));
    // The link reproduces the view.
    let link = browser.driver.current_url().await.unwrap().to_string();
    let other = Browser::start().await;
    other.open(&link).await;
    other.wait_span(target).await;
    other.close().await;
    // A click on the farthest mark after it goes there.
    let last = after_now.last().unwrap().span(x.full);
    browser.click_first(".density .marks.after .outlier:last-child").await;
    browser.wait_span(last).await;
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_and_buttons_zoom_and_pan_the_strip_and_its_ticks_follow() {
    let x = Expected::new();
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_span(x.dense).await;
    browser.focus_strip().await;
    // "+" halves the span about its middle, until the ticks say days.
    let mut span = x.dense;
    let mut units = Vec::new();
    while (model::query::day_number(span.1) - model::query::day_number(span.0)) > 20 {
        let closer = zoom(span, x.full, 0.5, 0.5);
        browser.driver.action_chain().send_keys("+").perform().await.unwrap();
        browser.wait_span(closer).await;
        span = closer;
        let said = browser.texts(".density .ticks text").await;
        units.push(if said.iter().any(|l| l.contains(' ')) { "days" } else { "months or years" });
    }
    assert_eq!(units.last(), Some(&"days"), "zoomed in, the ticks say days: {units:?}");
    assert_ne!(tick_labels(span), tick_labels(x.dense));
    browser.wait_axis_in_link(Some(span)).await;
    // "−" doubles it, Page Up and Page Down move it, "0" goes back to the opening span.
    let farther = zoom(span, x.full, 2.0, 0.5);
    browser.driver.action_chain().send_keys("-").perform().await.unwrap();
    browser.wait_span(farther).await;
    browser.driver.action_chain().send_keys(Key::PageDown).perform().await.unwrap();
    browser.wait_span(pan(farther, x.full, -0.5)).await;
    browser.driver.action_chain().send_keys(Key::PageUp).perform().await.unwrap();
    browser.wait_span(farther).await;
    browser.driver.action_chain().send_keys("0").perform().await.unwrap();
    browser.wait_span(x.dense).await;
    browser.wait_axis_in_link(None).await;
    // The buttons do the same.
    browser.click_first(".density .zoom-out").await;
    let out = zoom(x.dense, x.full, 2.0, 0.5);
    browser.wait_span(out).await;
    browser.click_first(".density .earlier").await;
    browser.wait_span(pan(out, x.full, -0.5)).await;
    browser.click_first(".density .later").await;
    browser.wait_span(out).await;
    browser.click_first(".density .zoom-in").await;
    browser.wait_span(zoom(out, x.full, 0.5, 0.5)).await;
    browser.click_first(".density .fit").await;
    browser.wait_span(x.dense).await;
    assert_eq!(browser.accessibility_violations().await, Vec::<String>::new());
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choosing_dates_on_a_zoomed_strip_filters_the_timeline_and_shows_them() {
    let x = Expected::new();
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    let all = browser.events_total().await;
    browser.click_first(".density .zoom-in").await;
    let zoomed = zoom(x.dense, x.full, 0.5, 0.5);
    browser.wait_span(zoomed).await;
    let before = browser.wait_axis_in_link(Some(zoomed)).await.to_fragment();
    // A drag across the zoomed strip chooses its bars' days.
    let bars = browser.strip_bars().await;
    let n = bars.len();
    let (a, b) = (&bars[n * 3 / 10], &bars[n * 6 / 10]);
    browser.drag_between(a, b).await;
    let state = browser.next_state(&before).await;
    assert_eq!(
        (state.filter.from.map(|d| d.iso()), state.filter.to.map(|d| d.iso())),
        (Some(a.from.clone()), Some(b.to.clone()))
    );
    assert_eq!(state.axis, None, "the strip shows the dates chosen");
    let shown = browser.wait_strip_for(&state).await;
    assert!(shown < all);
    // Zoomed out again, the dates chosen are a band on the strip, and the list keeps them.
    browser.click_first(".density .zoom-out").await;
    browser.wait_for(".density rect.range").await;
    browser.wait_events(shown).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wheel_or_a_pinch_zooms_the_strip_and_shift_drag_or_a_sideways_scroll_pans_it() {
    let x = Expected::new();
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_span(x.dense).await;
    let days = |s: Span| model::query::day_number(s.1) - model::query::day_number(s.0) + 1;
    let rect = browser
        .value("const r = document.querySelector('.density svg.strip').getBoundingClientRect(); return [r.left, r.top, r.width, r.height];")
        .await;
    let [left, top, width, height]: [f64; 4] = serde_json::from_value(rect).unwrap();
    let (mid_x, mid_y) = (left + width / 2.0, top + height / 2.0);
    let wheel = |dx: f64, dy: f64| serde_json::json!({ "type": "mouseWheel", "x": mid_x, "y": mid_y, "deltaX": dx, "deltaY": dy });
    // A wheel turned away zooms in about the pointer, and the page does not scroll.
    browser.driver.cdp().send_raw("Input.dispatchMouseEvent", wheel(0.0, -100.0)).await.unwrap();
    browser
        .wait_true("return !!document.querySelector('.density svg.strip') && window.scrollY === 0;", "no scroll")
        .await;
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut span = browser.strip_span().await;
    while span == x.dense {
        assert!(Instant::now() < deadline, "the wheel did not zoom");
        tokio::time::sleep(Duration::from_millis(50)).await;
        span = browser.strip_span().await;
    }
    assert!(days(span) < days(x.dense), "{span:?} is closer than {:?}", x.dense);
    assert_eq!(browser.value("return window.scrollY;").await, 0);
    // A sideways scroll pans: the same length, earlier by about as much of the span as
    // of the strip's width (the browser may scale a wheel's pixels a little).
    browser.driver.cdp().send_raw("Input.dispatchMouseEvent", wheel(-width / 4.0, 0.0)).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut panned = browser.strip_span().await;
    while panned == span {
        assert!(Instant::now() < deadline, "the sideways scroll did not pan");
        tokio::time::sleep(Duration::from_millis(50)).await;
        panned = browser.strip_span().await;
    }
    let moved = model::query::day_number(span.0) - model::query::day_number(panned.0);
    assert_eq!(days(panned), days(span), "a pan keeps the length");
    assert!((days(span) / 5..=days(span) * 3 / 10).contains(&moved), "moved {moved} days of {}", days(span));
    // Shift and a drag to the right pans earlier too (the span follows the pointer).
    browser
        .driver
        .action_chain()
        .move_to(mid_x as i64, mid_y as i64)
        .key_down(Key::Shift)
        .click_and_hold()
        .move_to((mid_x + width / 4.0) as i64, mid_y as i64)
        .release()
        .key_up(Key::Shift)
        .perform()
        .await
        .unwrap();
    let dragged = browser.strip_span().await;
    assert_eq!(days(dragged), days(panned), "a pan keeps the length");
    assert!(dragged.0 < panned.0, "{dragged:?} is earlier than {panned:?}");
    assert_eq!(browser.value("return !!document.querySelector('.density rect.selection');").await, false);
    // Two fingers moving apart zoom in.
    let touch = |kind: &str, apart: f64| {
        let points = if apart > 0.0 {
            serde_json::json!([{ "x": mid_x - apart, "y": mid_y, "id": 0 }, { "x": mid_x + apart, "y": mid_y, "id": 1 }])
        } else {
            serde_json::json!([])
        };
        serde_json::json!({ "type": kind, "touchPoints": points })
    };
    let before = browser.strip_span().await;
    for step in [touch("touchStart", width / 8.0), touch("touchMove", width / 4.0), touch("touchEnd", 0.0)] {
        browser.driver.cdp().send_raw("Input.dispatchTouchEvent", step).await.unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while days(browser.strip_span().await) >= days(before) {
        assert!(Instant::now() < deadline, "the pinch did not zoom from {before:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (state, _) = model::query::State::from_fragment(&browser.fragment().await);
    assert_eq!((state.filter.from, state.filter.to), (None, None), "no dates were chosen on the way");
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_axis_fits_a_360_pixel_phone() {
    let x = Expected::new();
    let browser = Browser::start().await;
    browser.driver.set_window_rect(0, 0, 360, 800).await.unwrap();
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_span(x.dense).await;
    let inside = browser
        .value(
            "const w = document.documentElement.clientWidth;\
             return [...document.querySelectorAll('.density svg, .density button')].every(e => {\
               const r = e.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= w; })\
               && document.documentElement.scrollWidth <= w;",
        )
        .await;
    assert_eq!(inside, true, "the strip, its marks, ticks and buttons are on the screen");
    let width =
        browser.value("return document.querySelector('.density svg.strip').getBoundingClientRect().width;").await;
    assert!(width.as_f64().unwrap() > 180.0, "the strip keeps most of the width: {width}");
    browser.screenshot("phone-axis.png").await;
    browser.close().await;
}
