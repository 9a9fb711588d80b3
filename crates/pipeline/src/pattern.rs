//! Regular expressions whose word boundaries stay fast: `regex`'s quick engines (its
//! lazy DFA) know only ASCII word boundaries, so on text with any non-ASCII character a
//! pattern with `\b` falls back to its slow engines, and that was most of the time the
//! pipeline spent dating statements. A [`Pattern`] keeps the pattern twice, as written
//! and with ASCII boundaries, and reads a text with the second whenever the two must
//! agree on it: when none of its non-ASCII characters is a word character (curly quotes,
//! dashes and spaces are not; "é" is). A base module: it imports no other pipeline module.

use std::borrow::Cow;

use regex::{CaptureMatches, Captures, Matches, Regex, Replacer};

/// A regular expression, read with ASCII word boundaries where that changes nothing.
#[derive(Clone, Debug)]
pub struct Pattern {
    unicode: Regex,
    ascii: Regex,
}

impl Pattern {
    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        Ok(Pattern { unicode: Regex::new(pattern)?, ascii: Regex::new(&ascii_boundaries(pattern))? })
    }

    /// The regular expression to read `text` with: both give the same matches on it.
    fn on(&self, text: &str) -> &Regex {
        if word_characters_are_ascii(text) { &self.ascii } else { &self.unicode }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.on(text).is_match(text)
    }

    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> Matches<'r, 't> {
        self.on(text).find_iter(text)
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.on(text).captures(text)
    }

    pub fn captures_iter<'r, 't>(&'r self, text: &'t str) -> CaptureMatches<'r, 't> {
        self.on(text).captures_iter(text)
    }

    pub fn replace<'t>(&self, text: &'t str, with: impl Replacer) -> Cow<'t, str> {
        self.on(text).replace(text, with)
    }
}

/// `pattern` with each `\b` and `\B` made ASCII (`(?-u:\b)`); escaped backslashes kept.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                out.push(')');
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Whether every word character of `text` (as `regex` defines one) is ASCII, so that
/// ASCII and Unicode word boundaries fall in the same places.
fn word_characters_are_ascii(text: &str) -> bool {
    // `str::is_ascii` reads a word at a time; most texts end there.
    text.is_ascii() || text.chars().all(|c| c.is_ascii() || !regex_syntax::is_word_character(c))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn boundaries_become_ascii_and_escapes_stay() {
        assert_eq!(ascii_boundaries(r"\bMay\b \\b \B\d"), r"(?-u:\b)May(?-u:\b) \\b (?-u:\B)\d");
    }

    #[test]
    fn letters_beyond_ascii_keep_the_unicode_reading() {
        let p = Pattern::new(r"(?i)\bsão\b|\bpaulo\b|\bmay\b").unwrap();
        // "é" is a word character: no boundary between it and "may".
        assert!(!p.is_match("émay"));
        assert!(p.is_match("“may”—"));
        assert_eq!(p.find_iter("in São Paulo").map(|m| m.as_str()).collect::<Vec<_>>(), ["São", "Paulo"]);
        assert!(word_characters_are_ascii("“May” — 5 ’"));
        assert!(!word_characters_are_ascii("Zürich"));
    }

    fn texts() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "May", "may", " ", "5", "12", ",", "é", "É", "’", "“", "—", "\u{a0}", "ß", "日", "Jan", "uary", "_", "a",
            "-", "١", "\u{301}",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn a_pattern_finds_what_its_unicode_reading_finds(text in texts()) {
            for pattern in [r"(?i)\b(may|january)\b", r"\b(\d{1,2})\s*(May)\b", r"\B\d\b", r"\b\w+\b"] {
                let p = Pattern::new(pattern).unwrap();
                let unicode = Regex::new(pattern).unwrap();
                let got: Vec<_> = p.captures_iter(&text).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()).collect();
                let expected: Vec<_> =
                    unicode.captures_iter(&text).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>()).collect();
                prop_assert_eq!(got, expected, "{} on {:?}", pattern, text);
            }
        }
    }
}
