//! A sentence's word tokens with byte offsets into their paragraph, and the runs of capitalised
//! tokens (joined by connectors and spaced edition years) that may be names.

use std::sync::LazyLock;

use regex::Regex;

use crate::page::words::NAME_PARTICLES;

use crate::language::name_words::{CALENDAR, CONNECTORS, EXERCISE_WORDS, SHORT_TITLES, TITLES};

/// A title, or a compound with one ("Secretary-General", "Commander-in-Chief").
pub(super) fn is_title(word: &str) -> bool {
    TITLES.contains(&word) || word.contains('-') && word.split('-').any(|part| TITLES.contains(&part))
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}\-'’]*").expect("valid regex"));

pub(super) static EDITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*?)(?:\s*-\s*|\s+)((?:19|20)\d{2})$").expect("valid regex"));

pub(super) static DAY_WAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+-day|\d+-year|[a-z]+-day) war\b").expect("valid regex"));

#[derive(Clone, Copy, Debug)]
pub(super) struct Token<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Token<'_> {
    pub(super) fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase) && !CALENDAR.contains(&self.text)
    }
}

/// Splits a sentence into word tokens with byte offsets into `base` (the paragraph),
/// dropping a possessive "'s" from the word.
pub(super) fn tokens<'a>(sentence: &'a str, offset: usize) -> Vec<Token<'a>> {
    TOKEN
        .find_iter(sentence)
        .map(|m| {
            let mut text = m.as_str().trim_end_matches(['-', '\'', '’']);
            for suffix in ["'s", "’s"] {
                if let Some(stem) = text.strip_suffix(suffix) {
                    text = stem;
                }
            }
            Token { text, start: offset + m.start(), end: offset + m.start() + text.len() }
        })
        .collect()
}

/// Whether only white space stands between two tokens (or a full stop after a short
/// title).
fn adjacent(paragraph: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = &paragraph[a.end..b.start];
    let gap = if SHORT_TITLES.contains(&a.text) { gap.strip_prefix('.').unwrap_or(gap) } else { gap };
    gap.chars().all(char::is_whitespace) && !gap.is_empty()
}

fn edition_gap(paragraph: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = paragraph[a.end..b.start].trim();
    gap == "-" || gap == "–"
}

fn is_year(text: &str) -> bool {
    text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) && (text.starts_with("19") || text.starts_with("20"))
}

/// Runs of capitalised tokens (with connectors and spaced edition years) in a sentence.
pub(super) fn runs(paragraph: &str, toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end >= toks.len() {
                break;
            }
            let (prev, next) = (&toks[end - 1], &toks[end]);
            let possessive = paragraph[prev.end..next.start].starts_with(['\'', '’']);
            if possessive {
                break;
            }
            if next.capitalised() && adjacent(paragraph, prev, next) {
                end += 1;
            } else if is_year(next.text)
                && (edition_gap(paragraph, prev, next)
                    || adjacent(paragraph, prev, next)
                        && toks[end + 1..].iter().take(3).any(|t| EXERCISE_WORDS.contains(&t.text)))
            {
                // "Efes-2022", or "Anatolian Eagle 2023 air force exercise".
                end += 1;
                break;
            } else if (CONNECTORS.contains(&next.text) || NAME_PARTICLES.contains(&next.text))
                && adjacent(paragraph, prev, next)
                && toks.get(end + 1).is_some_and(|t| t.capitalised() && adjacent(paragraph, next, t))
            {
                end += 2;
            } else {
                break;
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

pub(super) fn last_word(text: &str) -> &str {
    text.rsplit([' ', '-']).next().unwrap_or(text)
}

pub(super) fn span_text<'a>(paragraph: &'a str, toks: &[Token<'_>], from: usize, to: usize) -> &'a str {
    &paragraph[toks[from].start..toks[to - 1].end]
}
