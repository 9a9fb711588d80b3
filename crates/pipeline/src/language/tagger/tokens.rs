//! Splits a sentence of cleaned article text into tokens the way CoNLL-2003 (Penn
//! Treebank style) does, so the tagger sees at run time what it saw in training:
//! punctuation apart, "n't" and "'s" apart, but "U.S.", "Corp.", "1,000.5" and
//! hyphenated words ("Sheffield-based") whole.

use std::sync::LazyLock;

use regex::Regex;

/// One token and where it lies in the sentence (byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Abbreviations that keep their full stop as CoNLL writes them (Reuters style), from
/// `assets/tagger/abbreviations.txt`.
static ABBREVIATIONS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    include_str!("../../../../../assets/tagger/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // Initials and dotted abbreviations: "U.S.", "U.N.", "a.m.", "J."
        r"\p{L}(?:\.\p{L})+\.?|\p{Lu}\.(?:\s?\p{Lu}\.)*",
        // Numbers with thousands and decimals, scores and compounds: "1,000", "3.5", "6-3", "10-year-old".
        r"|\p{N}+(?:[.,:/]\p{N}+)*(?:-[\p{L}\p{N}]+(?:[.,]\p{N}+)*)*",
        // Words, with inner hyphens, ampersands and apostrophes not starting a clitic
        // ("O'Neill"), and a final "n't", which is split off below.
        r"|[\p{L}\p{N}]+(?:(?:[-&]|['’]\p{L}{3,})[\p{L}\p{N}]*)*(?:['’][tT])?",
        // Clitics as Penn Treebank splits them.
        r"|['’](?:s|S|re|ve|ll|d|m|RE|VE|LL|D|M)\b",
        // Any other character that is not a space, alone (punctuation, symbols).
        r"|[^\s]",
    ))
    .expect("token pattern")
});

/// A token as CoNLL's Reuters text would print it: typographic quotes and apostrophes
/// become the plain ones the model learnt ("’s" → "'s", "“" → "\"").
pub fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['“', '”', '„', '‘', '’']) {
        text.replace(['“', '”', '„'], "\"").replace(['‘', '’'], "'").into()
    } else {
        text.into()
    }
}

/// The tokens of one sentence.
pub fn tokenize(sentence: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    for m in TOKEN.find_iter(sentence) {
        let (mut start, mut end) = (m.start(), m.end());
        let mut text = m.as_str();
        // "Corp." keeps its stop when a word from the list precedes it.
        if text == "."
            && let Some(prev) = out.last_mut()
            && prev.end == start
            && ABBREVIATIONS.contains(&prev.text)
        {
            prev.end = end;
            prev.text = &sentence[prev.start..end];
            continue;
        }
        // "don't" → "do" "n't"
        if let Some(stem) = ["n't", "N'T", "n’t", "N’T"].iter().find_map(|clitic| text.strip_suffix(clitic))
            && !stem.is_empty()
        {
            out.push(Token { text: stem, start, end: start + stem.len() });
            start += stem.len();
            text = &sentence[start..end];
        }
        // A dotted run of capitals joined by spaces ("J. R.") is one token a letter.
        if text.contains(". ") {
            for piece in text.split_inclusive(". ") {
                let t = piece.trim_end();
                out.push(Token { text: t, start, end: start + t.len() });
                start += piece.len();
            }
            continue;
        }
        end = end.max(start);
        out.push(Token { text, start, end });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_abbreviations_are_read_whole_and_keep_their_full_stop() {
        assert_eq!(ABBREVIATIONS.len(), 40);
        let texts: Vec<&str> = tokenize("Gen. Lee met Acme Corp. officials.").into_iter().map(|t| t.text).collect();
        assert!(texts.contains(&"Gen.") && texts.contains(&"Corp."), "{texts:?}");
    }

    fn check(sentence: &str, expected: &[&str]) {
        let got: Vec<&str> = tokenize(sentence).iter().map(|t| t.text).collect();
        assert_eq!(got, expected, "{sentence}");
        for t in tokenize(sentence) {
            assert_eq!(&sentence[t.start..t.end], t.text);
        }
    }

    #[test]
    fn punctuation_stands_alone_and_dotted_abbreviations_stay_whole() {
        check("The U.S. and U.N. met in Geneva.", &["The", "U.S.", "and", "U.N.", "met", "in", "Geneva", "."]);
        check(
            "Acme Corp. rose 1,250.5 points (3.2%).",
            &["Acme", "Corp.", "rose", "1,250.5", "points", "(", "3.2", "%", ")", "."],
        );
        check("\"No,\" she said.", &["\"", "No", ",", "\"", "she", "said", "."]);
    }

    #[test]
    fn hyphenated_words_stay_whole_and_clitics_split() {
        check(
            "Sheffield-based Vrelo's rival didn't win.",
            &["Sheffield-based", "Vrelo", "'s", "rival", "did", "n't", "win", "."],
        );
        check("AT&T beat O'Neill 6-3", &["AT&T", "beat", "O'Neill", "6-3"]);
    }

    #[test]
    fn initials_are_tokens_of_their_own() {
        check("J. R. Tolkovsky spoke", &["J.", "R.", "Tolkovsky", "spoke"]);
    }

    #[test]
    fn typographic_quotes_read_as_plain_ones() {
        check("“Vrelo’s bid isn’t over”", &["“", "Vrelo", "’s", "bid", "is", "n’t", "over", "”"]);
        assert_eq!(plain("’s"), "'s");
        assert_eq!(plain("“"), "\"");
        check("Mr. Tanaka", &["Mr.", "Tanaka"]);
    }
}
