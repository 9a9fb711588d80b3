//! Event quality against hand-made gold (tests/gold/events_*.tsv): an event matches a
//! gold row when its dates overlap the gold span with the same precision ("*" takes
//! any), a source sentence holds the gold words, and its sources are exactly the gold
//! articles (so one event told in five articles must be one event with five sources).
//! Prints precision and recall and fails below 0.9.

use std::path::{Path, PathBuf};

const BAR: f64 = 0.9;

struct Gold {
    start: String,
    end: String,
    precision: String,
    articles: Vec<String>,
    words: String,
}

fn read_gold(name: &str) -> Vec<Gold> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold").join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Gold {
                start: f[0].into(),
                end: f[1].into(),
                precision: f[2].into(),
                articles: f[3].split(',').map(str::to_owned).collect(),
                words: f[4].into(),
            }
        })
        .collect()
}

fn score(dir: &Path, gold_file: &str) -> (f64, f64) {
    let out = pipeline::process_dir(dir).unwrap();
    let json: serde_json::Value = serde_json::from_str(&pipeline::to_json(&out)).unwrap();
    let events = json["events"].as_array().unwrap();
    let gold = read_gold(gold_file);
    let matches = |e: &serde_json::Value, g: &Gold| {
        let when = &e["when"];
        let (s, t) = (when["start"].as_str().unwrap(), when["end"].as_str().unwrap());
        let overlaps = s <= g.end.as_str() && g.start.as_str() <= t;
        let precision = g.precision == "*" || when["precision"] == g.precision.as_str();
        let sources: Vec<&str> =
            e["sources"].as_array().unwrap().iter().map(|x| x["article"].as_str().unwrap()).collect();
        let words = e["sources"].as_array().unwrap().iter().any(|x| x["sentence"].as_str().unwrap().contains(&g.words));
        let same_sources = sources.len() == g.articles.len()
            && g.articles.iter().all(|p| sources.iter().any(|a| a.starts_with(p.as_str())));
        overlaps && precision && words && same_sources
    };
    let mut hit_pred = 0;
    for e in events {
        if gold.iter().any(|g| matches(e, g)) {
            hit_pred += 1;
        } else {
            println!("  not in gold: {} {} {:?}", e["when"]["start"], e["kind"], e["summary"]);
        }
    }
    let mut hit_gold = 0;
    for g in &gold {
        if events.iter().any(|e| matches(e, g)) {
            hit_gold += 1;
        } else {
            println!("  missed: {} {:?} in {:?}", g.start, g.words, g.articles);
        }
    }
    let p = hit_pred as f64 / events.len().max(1) as f64;
    let r = hit_gold as f64 / gold.len().max(1) as f64;
    println!("  events: precision {p:.2} ({hit_pred}/{}), recall {r:.2} ({hit_gold}/{})", events.len(), gold.len());
    (p, r)
}

#[test]
fn bundled_events_meet_the_bar() {
    println!("bundled articles:");
    let (p, r) = score(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles"), "events_bundled.tsv");
    assert!(p >= BAR && r >= BAR, "precision {p:.2}, recall {r:.2}: below {BAR}");
}

#[test]
fn own_events_meet_the_bar() {
    println!("own articles:");
    let (p, r) = score(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities"), "events_own.tsv");
    assert!(p >= BAR && r >= BAR, "precision {p:.2}, recall {r:.2}: below {BAR}");
}
