//! Entity quality against hand-made gold annotations: the bundled articles
//! (tests/gold/bundled.tsv) and four short articles written for this test, with other
//! names, places, spellings and furniture (tests/fixtures/entities, gold in
//! tests/gold/own.tsv). Scores (kind, entity, article) triples; prints precision and
//! recall per kind and fails when either falls below 0.9 overall.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use model::{Corpus, EntityKind};
use pipeline::text::fold;

const BAR: f64 = 0.9;

struct Gold {
    kind: String,
    names: Vec<String>,
    articles: Vec<String>,
}

fn read_gold(path: &Path) -> Vec<Gold> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Gold {
                kind: f[0].to_owned(),
                names: f[1].split('|').map(fold).collect(),
                articles: f[2].split(',').map(str::to_owned).collect(),
            }
        })
        .collect()
}

/// (kind, entity index, article id) triples.
type Triples = BTreeSet<(String, usize, String)>;

/// Predicted triples, and the names each entity answers to.
fn predicted(corpus: &Corpus) -> (Triples, Vec<Vec<String>>) {
    let mut triples = BTreeSet::new();
    let mut names = Vec::new();
    for (i, e) in corpus.entities.iter().enumerate() {
        let mut n: Vec<String> = e.aliases.iter().map(|a| fold(&a.text)).collect();
        n.push(fold(&e.name));
        names.push(n);
        let articles = e.mentions.iter().map(|m| m.article).chain(e.roles.iter().map(|r| r.article));
        for a in articles {
            triples.insert((e.kind.as_str().to_owned(), i, corpus.articles[a as usize].id.to_string()));
        }
    }
    (triples, names)
}

fn score(dir: &Path, gold_file: &str) -> (f64, f64) {
    let out = pipeline::process_dir(dir).unwrap();
    let gold = read_gold(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold").join(gold_file));
    let (pred, names) = predicted(&out.corpus);
    let matches = |g: &Gold, kind: &str, entity: usize, article: &str| {
        g.kind == kind
            && g.names.iter().any(|n| names[entity].contains(n))
            && g.articles.iter().any(|p| article.starts_with(p.as_str()))
    };
    let mut per_kind: BTreeMap<String, [usize; 4]> = BTreeMap::new(); // tp_pred, pred, tp_gold, gold
    for (kind, entity, article) in &pred {
        let hit = gold.iter().any(|g| matches(g, kind, *entity, article));
        let row = per_kind.entry(kind.clone()).or_default();
        row[1] += 1;
        if hit {
            row[0] += 1;
        } else {
            println!("  not in gold: {kind} {:?} in {article}", out.corpus.entities[*entity].name);
        }
    }
    for g in &gold {
        for a in &g.articles {
            let hit = pred
                .iter()
                .any(|(kind, entity, article)| article.starts_with(a.as_str()) && matches(g, kind, *entity, article));
            let row = per_kind.entry(g.kind.clone()).or_default();
            row[3] += 1;
            if hit {
                row[2] += 1;
            } else {
                println!("  missed: {} {:?} in {a}", g.kind, g.names[0]);
            }
        }
    }
    let mut total = [0usize; 4];
    for kind in EntityKind::ALL {
        let row = per_kind.get(kind.as_str()).copied().unwrap_or_default();
        for i in 0..4 {
            total[i] += row[i];
        }
        println!(
            "  {:<13} precision {:.2} ({}/{})  recall {:.2} ({}/{})",
            kind.as_str(),
            ratio(row[0], row[1]),
            row[0],
            row[1],
            ratio(row[2], row[3]),
            row[2],
            row[3]
        );
    }
    let (p, r) = (ratio(total[0], total[1]), ratio(total[2], total[3]));
    println!("  overall       precision {p:.2}  recall {r:.2}");
    (p, r)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[test]
fn bundled_articles_meet_the_bar() {
    println!("bundled articles:");
    let (p, r) = score(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles"), "bundled.tsv");
    assert!(p >= BAR && r >= BAR, "precision {p:.2}, recall {r:.2}: below {BAR}");
}

#[test]
fn own_articles_meet_the_bar() {
    println!("own articles:");
    let (p, r) = score(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities"), "own.tsv");
    assert!(p >= BAR && r >= BAR, "precision {p:.2}, recall {r:.2}: below {BAR}");
}
