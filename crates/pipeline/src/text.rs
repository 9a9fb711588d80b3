//! Text as every pipeline stage reads it: the one fold used for matching names and
//! passages, and sentences. A base module: it imports no other pipeline module.

use std::sync::LazyLock;

use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// Folds text for matching: lowercase, diacritics dropped ("Türkiye" → "turkiye").
/// Each non-ASCII character is decomposed on its own and its combining marks
/// dropped, which gives the same result as NFD-then-strip, without normalising
/// whole strings.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Dotless and dotted capital i have no decomposition to strip: fold them by hand.
        if c == 'ı' || c == 'İ' {
            out.push('i');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            });
        }
    }
    out
}

/// Words that end with a full stop without ending a sentence (`assets/text/abbreviations.txt`).
static ABBREVIATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../assets/text/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Splits text into sentences (Unicode sentence boundaries), rejoining the pieces
/// cut after an abbreviation or an initial, or before a lowercase word.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    for piece in text.split_sentence_bounds() {
        let (start, end) = (offset, offset + piece.len());
        offset = end;
        let join = out.last().is_some_and(|&(s, e)| {
            let prev = text[s..e].trim_end();
            let next = piece.trim_start();
            ends_with_abbreviation(prev) || next.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        });
        match out.last_mut() {
            Some(last) if join => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out.into_iter().map(|(s, e)| text[s..e].trim()).filter(|s| !s.is_empty()).collect()
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(stem) = sentence.strip_suffix('.') else { return false };
    let word = stem.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '-').next().unwrap_or("");
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}
