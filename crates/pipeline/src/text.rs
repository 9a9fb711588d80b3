//! Text as every pipeline stage reads it: the one fold used for matching names and
//! passages, sentences, and the words two sentences share. A base module: it imports
//! no other pipeline module.

use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

/// Folds text for matching: the model's fold, the one ids and search use too
/// (lowercase, Latin diacritics dropped: "Türkiye" → "turkiye"). It agrees with
/// NFD-then-drop-the-marks on every character the gazetteer's names hold (a test).
pub use model::text::fold;

/// How many values two sorted, deduplicated lists share (words as hashes or ranks):
/// one pass over both.
pub fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
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

#[cfg(test)]
mod tests {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};

    use super::fold;

    /// The fold this module used before the model's: each character decomposed (NFD),
    /// its combining marks dropped, lowercased; dotless and dotted capital i by hand.
    fn nfd_fold(c: char) -> String {
        let mut out = String::new();
        if c == 'ı' || c == 'İ' {
            out.push('i');
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            });
        }
        out
    }

    /// Letters with a stroke or bar that NFD leaves and the fold takes to their plain
    /// letter, so that "Lodz" finds "Łódź" as "Lodz" finds "Łodz".
    const STROKES: [(char, char); 7] =
        [('ø', 'o'), ('ł', 'l'), ('đ', 'd'), ('ħ', 'h'), ('ŧ', 't'), ('ə', 'e'), ('ŀ', 'l')];

    #[test]
    fn the_fold_agrees_with_nfd_on_every_character_of_the_gazetteer() {
        let files = [
            include_str!("../../../assets/gazetteer/countries.tsv"),
            include_str!("../../../assets/gazetteer/subdivisions.tsv"),
            include_str!("../../../assets/gazetteer/cities.tsv"),
        ];
        let mut seen: Vec<char> = files.iter().flat_map(|f| f.chars()).filter(|c| !c.is_ascii()).collect();
        seen.sort_unstable();
        seen.dedup();
        assert!(seen.len() > 200, "the gazetteer holds letters of many languages");
        for c in seen {
            let nfd: String =
                nfd_fold(c).chars().map(|f| STROKES.iter().find(|(s, _)| *s == f).map_or(f, |&(_, b)| b)).collect();
            assert_eq!(fold(&c.to_string()), nfd, "U+{:04X} {c}", c as u32);
        }
    }

    #[test]
    fn the_fold_keeps_what_matching_needs() {
        assert_eq!(fold("Türkiye ERDOĞAN Naxçıvan İzmir"), "turkiye erdogan naxcivan izmir");
        assert_eq!(fold("Łódź Ørsted Əliyev Hồ Chí Minh"), "lodz orsted eliyev ho chi minh");
        assert_eq!(fold("Москва"), "москва", "other scripts are only lowercased");
    }
}
