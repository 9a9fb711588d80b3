//! The places map (`#view=map`): dots where the gazetteer puts the corpus's places,
//! inside their countries' outlines; a dot filters the timeline as the entity's own
//! link does; the outlines come from the site and are kept for offline; the view
//! passes the accessibility check and fits a phone.

use super::*;

/// A place of the bundled corpus with a city's own point, the most mentioned one, and
/// the ISO code of its country (from the gazetteer the pipeline read it with).
fn a_city() -> (model::Entity, String) {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let city = corpus
        .entities
        .iter()
        .filter(|e| e.point.is_some_and(|p| p.of == model::PointOf::City))
        .max_by_key(|e| (e.mentions.len(), std::cmp::Reverse(e.id.clone())))
        .expect("the bundled corpus names a city")
        .clone();
    let country = pipeline::language::gazetteer::GAZETTEER
        .lookup(&city.name)
        .expect("the city is in the gazetteer")
        .0
        .country
        .clone();
    (city, country)
}

impl Browser {
    /// Waits until the map has drawn the country outlines.
    async fn wait_for_outlines(&self) {
        self.wait_for(".places-map .countries path").await;
    }

    /// Whether the dot of `entity` lies inside the outline of country `code`: the dot's
    /// centre, taken into the outline's own coordinates, is in its fill.
    async fn dot_in_country(&self, entity: &str, code: &str) -> serde_json::Value {
        let r = self
            .driver
            .execute(
                "const [entity, code] = arguments;\
                 const dot = document.querySelector(`.places-map a.place[data-entity=\"${entity}\"] circle`);\
                 const land = document.querySelector(`.places-map .countries path[data-country=\"${code}\"]`);\
                 if (!dot || !land) return [!!dot, !!land];\
                 const svg = dot.ownerSVGElement;\
                 const p = svg.createSVGPoint();\
                 p.x = dot.cx.baseVal.value; p.y = dot.cy.baseVal.value;\
                 const inLand = p.matrixTransform(land.getCTM().inverse().multiply(dot.getCTM()));\
                 return land.isPointInFill(inLand);",
                vec![serde_json::json!(entity), serde_json::json!(code)],
            )
            .await
            .expect("geometry script");
        r.json().clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_shows_a_place_inside_its_countrys_outline() {
    let (city, country) = a_city();
    let browser = Browser::start().await;
    browser.open(&format!("{}#view=map", env("CHRONICLE_E2E_SITE"))).await;
    browser.wait_for_outlines().await;
    let dot = format!(".places-map a.place[data-entity=\"{}\"]", city.id);
    browser.wait_for(&dot).await;
    assert_eq!(browser.dot_in_country(&city.id, &country).await, serde_json::json!(true), "{} in {country}", city.name);
    // The check can fail: the same dot is not inside a country far away.
    let elsewhere = if country == "AU" { "BR" } else { "AU" };
    assert_eq!(browser.dot_in_country(&city.id, elsewhere).await, serde_json::json!(false));
    // The dot is on screen: the frame fits the places.
    let seen = browser
        .driver
        .execute(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();\
             const m = document.querySelector('.places-map svg').getBoundingClientRect();\
             return r.width > 0 && r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom;",
            vec![serde_json::json!(format!("{dot} circle"))],
        )
        .await
        .unwrap();
    assert_eq!(seen.json().as_bool(), Some(true), "the dot of {} is within the map", city.name);
    // Its label names the place and its events.
    let label = browser.wait_for(&dot).await[0].attr("aria-label").await.unwrap().unwrap_or_default();
    assert!(label.starts_with(&format!("{}: ", city.name)) && label.contains("event"), "{label}");
    assert_eq!(browser.console_problems().await, Vec::<String>::new());
    browser.screenshot("map.png").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dot_filters_the_timeline_by_its_place_and_the_link_reproduces_it() {
    let (city, _) = a_city();
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let number = corpus.entities.iter().position(|e| e.id == city.id).unwrap() as u32;
    let naming = corpus.events.iter().filter(|e| e.entities.contains(&number)).count();
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    browser.open(&format!("{site}#view=map")).await;
    browser.wait_for_outlines().await;
    browser.click_first(&format!(".places-map a.place[data-entity=\"{}\"] circle", city.id)).await;
    browser.wait_for(".timeline, p.empty").await;
    let fragment = browser.fragment().await;
    assert!(
        fragment.contains(&format!("e={}", city.id.replace(':', "%3A")))
            || fragment.contains(&format!("e={}", city.id)),
        "{fragment}"
    );
    let filtered = browser.events_total().await;
    assert!(filtered > 0 && filtered <= naming, "{filtered} events shown, {naming} name {}", city.name);
    // The same link in a fresh page shows the same events.
    let again = Browser::start().await;
    again.open(&format!("{site}{fragment}")).await;
    again.wait_events(filtered).await;
    again.close().await;
    // From the keyboard: a focused dot and Enter do the same.
    browser.open(&format!("{site}#view=map")).await;
    browser.wait_for_outlines().await;
    let focused = browser
        .driver
        .execute(
            "const dot = document.querySelector(`.places-map a.place[data-entity=\"${arguments[0]}\"]`);\
             dot.focus(); return document.activeElement === dot;",
            vec![serde_json::json!(city.id)],
        )
        .await
        .unwrap();
    assert_eq!(focused.json().as_bool(), Some(true), "the dot takes the focus");
    browser.driver.action_chain().send_keys(thirtyfour::Key::Enter).perform().await.unwrap();
    browser.wait_events(filtered).await;
    assert_eq!(browser.fragment().await, fragment);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_zooms_by_buttons_and_keys_and_fits_again() {
    let browser = Browser::start().await;
    browser.open(&format!("{}#view=map", env("CHRONICLE_E2E_SITE"))).await;
    browser.wait_for(".places-map a.place").await;
    let view_box = || async {
        let r = browser
            .driver
            .execute("return document.querySelector('.places-map svg').getAttribute('viewBox');", vec![])
            .await
            .unwrap();
        let parts: Vec<f64> = r.json().as_str().unwrap().split(' ').map(|n| n.parse().unwrap()).collect();
        parts
    };
    let fitted = view_box().await;
    browser.click_first(".map-tools button[aria-label='Zoom in']").await;
    let zoomed = view_box().await;
    assert!(zoomed[2] < fitted[2] * 0.9, "zoom in narrows the view: {fitted:?} → {zoomed:?}");
    browser.driver.execute("document.querySelector('.places-map svg').focus();", vec![]).await.unwrap();
    browser.driver.action_chain().send_keys("-").perform().await.unwrap();
    browser.driver.action_chain().send_keys("-").perform().await.unwrap();
    let out = view_box().await;
    assert!(out[2] > zoomed[2] * 1.2, "minus zooms out: {zoomed:?} → {out:?}");
    browser.driver.action_chain().send_keys(thirtyfour::Key::Right).perform().await.unwrap();
    let panned = view_box().await;
    assert!(panned[0] > out[0] && panned[2] == out[2], "right pans east: {out:?} → {panned:?}");
    browser.driver.action_chain().send_keys("0").perform().await.unwrap();
    assert_eq!(view_box().await, fitted, "0 fits the places again");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_works_offline_after_one_load() {
    let (city, _) = a_city();
    let own = OwnServer::start(&PathBuf::from(env("CHRONICLE_E2E_SITE_DIR")));
    let site = format!("http://127.0.0.1:{}/", own.port);
    let browser = Browser::start().await;
    // One load of the timeline, then the map view with the network gone (the timeline's small
    // map asked for the outlines too; the worker keeps every file of the build either way).
    browser.open(&site).await;
    browser.wait_for_worker().await;
    own.stop();
    browser.driver.goto(&format!("{site}#view=map")).await.unwrap();
    browser.driver.refresh().await.unwrap();
    browser.wait_for("html[data-ready]").await;
    browser.wait_for_outlines().await;
    browser.wait_for(&format!(".places-map a.place[data-entity=\"{}\"]", city.id)).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_passes_the_accessibility_check_and_fits_a_phone() {
    let browser = Browser::start().await;
    let site = env("CHRONICLE_E2E_SITE");
    browser.open(&format!("{site}#view=map")).await;
    browser.wait_for_outlines().await;
    assert_eq!(browser.accessibility_violations().await, Vec::<String>::new());
    browser.driver.set_window_rect(0, 0, 360, 800).await.unwrap();
    browser.open(&format!("{site}#view=map")).await;
    browser.wait_for_outlines().await;
    let widths = browser
        .driver
        .execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth, \
             document.querySelector('.places-map svg').getBoundingClientRect().width];",
            vec![],
        )
        .await
        .unwrap();
    let w: Vec<f64> = serde_json::from_value(widths.json().clone()).unwrap();
    assert!(w[2] <= 400.0, "the window is phone-sized: {w:?}");
    assert!(w[0] <= w[1], "horizontal scroll on the map: {w:?}");
    assert!(w[3] > 200.0, "the map takes the phone's width: {w:?}");
    browser.screenshot("phone-map.png").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wide_timeline_has_a_small_map_that_filters_and_leads_to_the_map() {
    let (city, _) = a_city();
    let site = env("CHRONICLE_E2E_SITE");
    let browser = Browser::start().await;
    browser.open(&site).await;
    browser.wait_for(".places-panel .countries path").await;
    let dot = format!(".places-panel a.place[data-entity=\"{}\"]", city.id);
    browser.wait_for(&dot).await;
    // A dot of the small map filters the timeline as the map's do.
    browser.click_first(&format!("{dot} circle")).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !browser.fragment().await.contains("e=") {
        assert!(Instant::now() < deadline, "the dot did not filter: {}", browser.fragment().await);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let filtered = browser.fragment().await;
    assert!(filtered.contains(&city.id) || filtered.contains(&city.id.replace(':', "%3A")), "{filtered}");
    // Its link opens the map view with the same filters, and no small map beside it.
    browser.wait_for(".places-panel figcaption a").await;
    browser.click_first(".places-panel figcaption a").await;
    browser.wait_for(".places-map a.place").await;
    let map = browser.fragment().await;
    assert!(map.contains("view=map") && map.contains("e="), "{map}");
    assert_eq!(browser.count(".places-panel").await, 0, "the map view has one map");
    // On a phone the side panel is the filters drawer: no small map in it.
    browser.driver.set_window_rect(0, 0, 360, 800).await.unwrap();
    browser.open(&site).await;
    browser.wait_for(".places-panel").await;
    let shown = browser
        .driver
        .execute("return document.querySelector('.places-panel').checkVisibility();", vec![])
        .await
        .unwrap();
    assert_eq!(shown.json().as_bool(), Some(false), "the small map is hidden on a phone");
    browser.close().await;
}
