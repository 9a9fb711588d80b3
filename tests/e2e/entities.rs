//! Entity cards, the Entities view and the relationship graph.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entity_opens_its_card_and_filters_the_timeline() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let person = corpus
        .entities
        .iter()
        .filter(|e| e.kind == model::EntityKind::Person && !e.roles.is_empty() && !e.related.is_empty())
        .max_by_key(|e| e.mentions.len())
        .expect("a person with roles and relations");
    let index = corpus.entities.iter().position(|e| e.id == person.id).unwrap() as u32;
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.click_first(&format!("li.event a.chip[href*='entity={}']", person.id)).await;
    browser.wait_for(".card h2").await;
    assert_eq!(browser.texts(".card h2").await, [person.name.clone()]);
    assert!(browser.count(".card .roles li").await >= 1, "roles shown");
    assert!(browser.count(".card .related a").await >= 1, "related entities shown");
    // Escape closes the card.
    browser.driver.find(By::Css("body")).await.unwrap().send_keys(thirtyfour::Key::Escape).await.unwrap();
    browser.wait_count(".card", 0).await;
    // Filtering by the entity leaves exactly its events.
    let with_entity = corpus.events.iter().filter(|e| e.entities.contains(&index)).count();
    browser.open(&format!("{}#e={}", env("CHRONICLE_E2E_SITE"), person.id)).await;
    browser.wait_events(with_entity).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_of_the_relationship_graph_opens_its_entity_card() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    let nodes = browser.wait_for(".graph a.node").await;
    assert!(nodes.len() >= 2, "the graph shows several entities");
    let node = nodes.last().unwrap();
    let name = squash(&node.find(By::Css("text")).await.unwrap().text().await.unwrap());
    let entity = corpus.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name} is an entity"));
    node.click().await.unwrap();
    browser.wait_for(".card h2").await;
    assert_eq!(browser.texts(".card h2").await, [entity.name.clone()]);
    assert!(browser.fragment().await.contains(&format!("entity={}", entity.id)), "{}", browser.fragment().await);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_entities_view_filters_as_you_type_and_labels_its_counts() {
    let corpus = pipeline::process_dir(&bundled_articles()).unwrap().corpus;
    let listed = |e: &&model::Entity| !e.mentions.is_empty() || !e.roles.is_empty();
    let (x, entity) = corpus
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| listed(e) && !e.roles.is_empty())
        .max_by_key(|(_, e)| e.mentions.len())
        .unwrap();
    let events = corpus.events.iter().filter(|e| e.entities.contains(&(x as u32))).count();
    let browser = Browser::start().await;
    browser.open(&format!("{}#view=entities", env("CHRONICLE_E2E_SITE"))).await;
    let all = corpus.entities.iter().filter(listed).count();
    browser.wait_count(".entity-entries li", all).await;
    // Part of a name narrows the list to the entities whose name (or a form of it) holds it.
    let part: String = entity.name.chars().skip(1).take(4).collect();
    let folded = model::query::fold(&part);
    let expected = corpus
        .entities
        .iter()
        .filter(listed)
        .filter(|e| {
            model::query::fold(&e.name).contains(&folded)
                || e.aliases.iter().any(|a| model::query::fold(&a.text).contains(&folded))
        })
        .count();
    assert!(expected >= 1 && expected < all, "{part:?} narrows {all} to {expected}");
    browser.driver.find(By::Id("entity-filter")).await.unwrap().send_keys(&part).await.unwrap();
    browser.wait_count(".entity-entries li", expected).await;
    assert_eq!(
        browser.texts(".entity-filter .count").await,
        vec![format!("{expected} entit{}", if expected == 1 { "y" } else { "ies" })]
    );
    // The entry names its roles and says what each count counts.
    let entry = browser
        .value(&format!(
            "const a = [...document.querySelectorAll('.entity-entries li a')].find(a => a.getAttribute('href').includes('{}'));\
             const li = a.closest('li'); return [li.querySelector('.roles')?.textContent ?? '', li.querySelector('.count').textContent];",
            entity.id
        ))
        .await;
    let role = &entity.roles[0].text;
    assert!(
        entry[0].as_str().unwrap().to_lowercase().contains(&role.to_lowercase())
            || entity.roles.iter().any(|r| entry[0].as_str().unwrap().contains(&r.text)),
        "{entry}"
    );
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    assert_eq!(
        entry[1],
        serde_json::json!(format!(
            "{} · {}",
            plural(events, "event", "events"),
            plural(entity.mentions.len(), "mention", "mentions")
        ))
    );
    // A name nothing holds says so.
    browser.driver.find(By::Id("entity-filter")).await.unwrap().send_keys("qqqqzzzz").await.unwrap();
    browser.wait_count(".entity-entries li", 0).await;
    assert_eq!(browser.count(".entity-list .empty").await, 1);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_graph_labels_are_legible_and_apart() {
    let browser = Browser::start().await;
    browser.open(&env("CHRONICLE_E2E_SITE")).await;
    browser.wait_for(".graph .node text").await;
    let boxes = browser
        .value("return [...document.querySelectorAll('.graph .node text')].map(t => { const r = t.getBoundingClientRect(); \
                return [r.left, r.top, r.right, r.bottom, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a]; });")
        .await;
    let boxes: Vec<[f64; 5]> = serde_json::from_value(boxes).unwrap();
    assert!(boxes.len() >= 2);
    for b in &boxes {
        assert!(b[4] >= 11.0, "labels are drawn at {} px", b[4]);
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
            assert!(apart, "labels overlap: {a:?} and {b:?}");
        }
    }
    browser.close().await;
}
