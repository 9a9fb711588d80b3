//! The page-cleaning part of `cargo xtask quality`: the article-extraction benchmark's
//! development half (`articlebody-dev/`), scored as that benchmark scores it. Each
//! page's body is what the pipeline keeps as paragraphs, one a line; the truth is the
//! hand-marked `articleBody`.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// Pages listed under the table, worst first.
const WORST_SHOWN: usize = 15;
/// With `CHRONICLE_QUALITY_DETAIL` set (to an F1, or to anything for this one), pages
/// under that F1 show the lines they lost
/// (`-`) and the lines they kept that the truth has not (`+`).
const DETAIL_BELOW: f64 = 0.97;

pub fn run(dir: &Path) -> Result<(), String> {
    let truth_file = dir.join("ground-truth.json");
    let truth: serde_json::Value = std::fs::read_to_string(&truth_file)
        .map_err(|e| format!("cannot read {}: {e}", truth_file.display()))
        .and_then(|t| serde_json::from_str(&t).map_err(|e| format!("{} is not JSON: {e}", truth_file.display())))?;
    let pages = truth.as_object().ok_or_else(|| format!("{} is not an object of pages", truth_file.display()))?;
    let detail = std::env::var("CHRONICLE_QUALITY_DETAIL").ok().map(|v| v.parse().unwrap_or(DETAIL_BELOW));
    let mut scores = Vec::new();
    for (id, page) in pages {
        let expected = page.get("articleBody").and_then(|b| b.as_str()).unwrap_or("");
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let html = read_gz(&path)?;
        let body = match pipeline::parse_article(Path::new(&format!("{id}.html")), &html) {
            Ok(article) => article.paragraphs.iter().map(|p| &**p).collect::<Vec<&str>>().join("\n"),
            Err(_) => String::new(),
        };
        let score = Score::of(expected, &body);
        if detail.is_some_and(|below| score.f1() < below) {
            println!("--- {id}: F1 {:.3}", score.f1());
            print!("{}", difference(expected, &body));
        }
        scores.push((id.clone(), score));
    }
    let summary = Summary::of(scores.iter().map(|(_, s)| s));
    println!("| pages | F1 | precision | recall | exact | empty bodies |");
    println!("| --- | --- | --- | --- | --- | --- |");
    println!(
        "| {} | {:.3} | {:.3} | {:.3} | {:.2} | {} |",
        scores.len(),
        summary.f1(),
        summary.precision,
        summary.recall,
        summary.exact,
        summary.empty
    );
    scores.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()).then_with(|| a.0.cmp(&b.0)));
    println!("worst pages (F1, precision, recall, id):");
    for (id, s) in scores.iter().take(WORST_SHOWN) {
        println!("  {:.3}  {:.3}  {:.3}  {id}", s.f1(), s.precision().unwrap_or(0.0), s.recall().unwrap_or(0.0));
    }
    Ok(())
}

pub(super) fn read_gz(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot decompress {}: {e}", path.display()))?;
    pipeline::decode(&bytes).map(|d| d.text).map_err(|e| format!("{}: {e}", path.display()))
}

/// One page's shingle counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    exact: bool,
}

impl Score {
    /// The benchmark's comparison: multisets of token 4-grams (a text of one to three
    /// tokens is one shingle), tokens being runs of word characters.
    pub fn of(truth: &str, predicted: &str) -> Score {
        let (t, p) = (tokens(truth), tokens(predicted));
        let (ts, ps) = (shingles(&t), shingles(&p));
        let mut score = Score { exact: t == p, ..Score::default() };
        for (k, &n) in &ts {
            let m = ps.get(k).copied().unwrap_or(0);
            score.true_positives += n.min(m);
            score.false_negatives += n.saturating_sub(m);
        }
        for (k, &m) in &ps {
            score.false_positives += m.saturating_sub(ts.get(k).copied().unwrap_or(0));
        }
        score
    }

    fn precision(&self) -> Option<f64> {
        let predicted = self.true_positives + self.false_positives;
        (predicted > 0).then(|| self.true_positives as f64 / predicted as f64)
    }

    fn recall(&self) -> Option<f64> {
        let truth = self.true_positives + self.false_negatives;
        (truth > 0).then(|| self.true_positives as f64 / truth as f64)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision().unwrap_or(0.0), self.recall().unwrap_or(0.0));
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// The benchmark's summary: precision is the mean over pages with something predicted,
/// recall the mean over pages with something in the truth.
#[derive(Debug, PartialEq)]
pub struct Summary {
    precision: f64,
    recall: f64,
    exact: f64,
    /// Pages with nothing predicted where the truth has a body.
    empty: usize,
}

impl Summary {
    pub fn of<'a>(scores: impl Iterator<Item = &'a Score>) -> Summary {
        let (mut precisions, mut recalls, mut exact, mut pages, mut empty) = (vec![], vec![], 0, 0, 0);
        for s in scores {
            pages += 1;
            exact += usize::from(s.exact);
            precisions.extend(s.precision());
            recalls.extend(s.recall());
            empty += usize::from(s.precision().is_none() && s.recall().is_some());
        }
        let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
        Summary {
            precision: mean(&precisions),
            recall: mean(&recalls),
            exact: exact as f64 / pages.max(1) as f64,
            empty,
        }
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision, self.recall);
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// The lines of one text mostly missing from the other (by token trigrams).
fn difference(truth: &str, predicted: &str) -> String {
    let trigrams =
        |text: &str| -> std::collections::HashSet<String> { tokens(text).windows(3).map(|w| w.join(" ")).collect() };
    let (in_truth, in_predicted) = (trigrams(truth), trigrams(predicted));
    let missing = |line: &str, other: &std::collections::HashSet<String>| {
        let t = tokens(line);
        let found = t.windows(3).filter(|w| other.contains(&w.join(" "))).count();
        !t.is_empty() && found * 2 < t.len().saturating_sub(2).max(1)
    };
    let mut out = String::new();
    for line in truth.lines().filter(|l| missing(l, &in_predicted)) {
        out.push_str(&format!("  - {}\n", line.chars().take(150).collect::<String>()));
    }
    for line in predicted.lines().filter(|l| missing(l, &in_truth)) {
        out.push_str(&format!("  + {}\n", line.chars().take(150).collect::<String>()));
    }
    out
}

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c))).filter(|t| !t.is_empty()).collect()
}

/// Combining marks count as word characters, as in Python's `\w`.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut out = HashMap::new();
    if tokens.len() < 4 {
        if !tokens.is_empty() {
            out.insert(tokens.to_vec(), 1);
        }
        return out;
    }
    for window in tokens.windows(4) {
        *out.entry(window.to_vec()).or_default() += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_count_as_the_benchmark_counts_them() {
        let s = Score::of("one two three four five", "one two three four six");
        assert_eq!((s.true_positives, s.false_positives, s.false_negatives, s.exact), (1, 1, 1, false));
        // A short text is one shingle; punctuation and spacing are not tokens.
        assert!(Score::of("Hello, world!", "hello world").false_positives == 1);
        assert!(Score::of("Hello, world!", "Hello\nworld").exact);
        // Repeated shingles are a multiset.
        let s = Score::of("a b c d a b c d", "a b c d");
        assert_eq!((s.true_positives, s.false_negatives), (1, 4));
    }

    #[test]
    fn empty_predictions_count_for_recall_only() {
        let scores = [Score::of("a b c d e", ""), Score::of("a b c d e", "a b c d e")];
        let summary = Summary::of(scores.iter());
        assert_eq!((summary.precision, summary.recall, summary.empty), (1.0, 0.5, 1));
    }
}
