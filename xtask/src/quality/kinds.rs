//! The kinds part of `cargo xtask quality`: how far a reader can trust an event's kind.
//! The pipeline runs over the real texts of the development corpora (TimeBank's
//! documents as plain-text articles, the article-extraction benchmark's pages) as one
//! corpus; a deterministic sample of its events is printed for judging, and the kinds
//! a person gave the judged ones (`kinds-verdicts.tsv` beside this file: event id and
//! the right kind, no text of the corpora) give each kind's precision.
//!
//! The sample is every event of a kind that claims something (meeting, visit,
//! agreement, exercise) and one statement and one "other" in `OTHERS_EVERY`, chosen by
//! a hash of the id, so the same corpus gives the same sample. It also says how many
//! summaries are cut short ("…") or folded on their rows, and how many publication
//! rows repeat an event of their article.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use model::EventKind;

/// One statement and one "other" in this many (by a hash of the id) joins the sample.
const OTHERS_EVERY: u64 = 32;

/// The judged kinds, committed: `event id<TAB>kind` (one of `EventKind::as_str`).
const VERDICTS: &str = include_str!("kinds-verdicts.tsv");

pub fn run(corpora: &Path) -> Result<(), String> {
    let work = crate::root().join("target").join("quality-kinds");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("kinds: cannot create {}: {e}", work.display()))?;
    let mut files = 0;
    let timebank = corpora.join("timebank");
    if let Ok(list) = std::fs::read_dir(&timebank) {
        let mut paths: Vec<_> = list
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect();
        paths.sort();
        for path in paths {
            let xml = std::fs::read_to_string(&path).map_err(|e| format!("kinds: {}: {e}", path.display()))?;
            let doc =
                super::timebank::read_document(&path, &xml).map_err(|e| format!("kinds: {}: {e}", path.display()))?;
            let mut text = format!("Published: {}\n\n", doc.dct);
            for p in &doc.paragraphs {
                text.push_str(p);
                text.push_str("\n\n");
            }
            write(&work.join(format!("tb-{}.txt", doc.name)), &text)?;
            files += 1;
        }
    }
    let pages = corpora.join("articlebody-dev").join("html");
    if let Ok(list) = std::fs::read_dir(&pages) {
        let mut paths: Vec<_> = list.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let Some(id) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".html.gz")) else {
                continue;
            };
            write(&work.join(format!("ab-{id}.html")), &super::articlebody::read_gz(&path)?)?;
            files += 1;
        }
    }
    if files == 0 {
        println!("quality: kinds: neither timebank/ nor articlebody-dev/ in {}; skipped", corpora.display());
        return Ok(());
    }
    let corpus = pipeline::process_dir(&work).map_err(|e| format!("kinds: {e}"))?.corpus;
    let _ = std::fs::remove_dir_all(&work);
    let verdicts: HashMap<&str, &str> = VERDICTS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(id, kind)| (id.trim(), kind.trim()))
        .collect();

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut told, mut cut, mut folded) = (0, 0, 0);
    for e in &corpus.events {
        *counts.entry(e.kind.as_str()).or_default() += 1;
        if e.kind != EventKind::Publication {
            told += 1;
            cut += usize::from(e.summary.ends_with('…'));
            folded += usize::from(model::query::folds(&e.summary));
        }
    }
    let repeats = model::query::repeated_publications(&corpus).count();
    println!("{} files, {} events; by kind: {counts:?}", files, corpus.events.len());
    println!("summaries cut short (\"…\"): {cut} of {told}; folded on their rows (unfolded by a button): {folded}");
    println!("publication rows left out by default as repeating an event of their article: {repeats}");

    // Per kind the pipeline gave: judged, right.
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut unjudged = String::new();
    let mut sample = 0;
    for e in &corpus.events {
        let claims =
            matches!(e.kind, EventKind::Meeting | EventKind::Visit | EventKind::Agreement | EventKind::Exercise);
        let other = matches!(e.kind, EventKind::Statement | EventKind::Other);
        if !(claims || other && fnv(&e.id).is_multiple_of(OTHERS_EVERY)) {
            continue;
        }
        sample += 1;
        let sentence = e.sources.first().map_or("", |s| &*s.sentence);
        match verdicts.get(e.id.as_str()) {
            Some(right) => {
                let t = tally.entry(e.kind.as_str()).or_default();
                t.0 += 1;
                t.1 += usize::from(*right == e.kind.as_str());
                if *right != e.kind.as_str() {
                    println!("  wrong: {} {} (is {right}): {}", e.id, e.kind.as_str(), clip(sentence));
                }
            }
            None => {
                let _ = writeln!(unjudged, "{}\t{}\t{}", e.id, e.kind.as_str(), clip(sentence));
            }
        }
    }
    println!("sample: {sample} events ({} judged)", tally.values().map(|t| t.0).sum::<usize>());
    println!("| kind | judged | right | precision |");
    println!("| --- | --- | --- | --- |");
    for (kind, (judged, right)) in &tally {
        println!("| {kind} | {judged} | {right} | {:.2} |", *right as f64 / *judged as f64);
    }
    if !unjudged.is_empty() {
        println!(
            "not yet judged (id, kind given, sentence); add `id<TAB>right kind` to xtask/src/quality/kinds-verdicts.tsv:"
        );
        print!("{unjudged}");
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("kinds: cannot write {}: {e}", path.display()))
}

/// FNV-1a: a hash that is the same on every machine and every run.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn clip(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(260).collect();
    if out.len() < one_line.len() {
        out.push('…');
    }
    out
}
