//! Help for a search that finds little: a query that reads as a date is offered as the
//! date filter ("August 1990" searches words, but the reader meant a time), and a query
//! word that no indexed word begins with is offered the indexed word one or two typos
//! away that the most documents hold ("irak" → "iraq").

use crate::date::{Date, days_in_month, month_abbrev, month_name};
use crate::search::{TextIndex, for_each_word};

/// A date filter a query reads as: the first and last day, and how to say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateQuery {
    pub from: Date,
    pub to: Date,
    pub label: String,
}

/// The dates `text` names when the whole of it is a date: a year ("1990"), a month
/// ("August 1990", "Aug 1990", "1990-08"), or a day ("12 August 1990", "August 12,
/// 1990", "1990-08-12"). Anything else (words around the date, a bare number that is
/// no plausible year) is `None`: the query is then words to search.
pub fn date_query(text: &str) -> Option<DateQuery> {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        // ASCII case: every word a date is read from is ASCII, and `str::to_lowercase`
        // cost the app's wasm about 4 kB.
        .map(|t| t.trim_end_matches('.').to_ascii_lowercase())
        .collect();
    let year =
        |t: &str| (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<i16>().ok()).flatten();
    let day = |t: &str| {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &t[digits.len()..];
        let ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th") && (1..=2).contains(&digits.len());
        ok.then(|| digits.parse::<u8>().ok()).flatten()
    };
    let whole_month = |y: i16, m: u8| {
        let from = Date::new(y, m, 1)?;
        let to = Date::new(y, m, days_in_month(y, m))?;
        Some(DateQuery { from, to, label: format!("{} {y}", month_name(m)) })
    };
    let one_day = |y: i16, m: u8, d: u8| {
        let date = Date::new(y, m, d)?;
        Some(DateQuery { from: date, to: date, label: format!("{d} {} {y}", month_name(m)) })
    };
    match tokens.as_slice() {
        [t] => {
            if let Some(y) = year(t) {
                return plausible(y).then(|| DateQuery {
                    from: Date { year: y, month: 1, day: 1 },
                    to: Date { year: y, month: 12, day: 31 },
                    label: y.to_string(),
                });
            }
            let parts: Vec<&str> = t.split('-').collect();
            match parts.as_slice() {
                [y, m] => whole_month(year(y).filter(|&y| plausible(y))?, two_digits(m)?),
                [y, m, d] => one_day(year(y).filter(|&y| plausible(y))?, two_digits(m)?, two_digits(d)?),
                _ => None,
            }
        }
        [m, y] => whole_month(year(y).filter(|&y| plausible(y))?, month(m)?),
        [a, b, y] => {
            let y = year(y).filter(|&y| plausible(y))?;
            match (month(a), month(b)) {
                (Some(m), None) => one_day(y, m, day(b)?),
                (None, Some(m)) => one_day(y, m, day(a)?),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Years a news corpus plausibly means (a four-digit number outside is a count or a code).
fn plausible(year: i16) -> bool {
    (1000..=2200).contains(&year)
}

fn two_digits(t: &str) -> Option<u8> {
    (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// The month a word names, in full or abbreviated ("aug", "sept").
fn month(word: &str) -> Option<u8> {
    (1..=12u8).find(|&m| {
        word.eq_ignore_ascii_case(month_name(m))
            || word.eq_ignore_ascii_case(month_abbrev(m))
            || (m == 9 && word == "sept")
    })
}

/// `text` with each word that no indexed word begins with replaced by the nearest
/// indexed word (see [`near_word`]), or `None` when no word was replaced. The result
/// is folded, as the index's words are.
pub fn near_query(index: &TextIndex, text: &str) -> Option<String> {
    let mut words = Vec::new();
    let mut replaced = false;
    for_each_word(text, |w| {
        if index.has_prefix(w) {
            words.push(w.to_owned());
        } else if let Some(near) = near_word(index, w) {
            words.push(near);
            replaced = true;
        } else {
            words.push(w.to_owned());
        }
    });
    replaced.then(|| words.join(" "))
}

/// The indexed word nearest to `word` (folded): one edit away for words of up to five
/// letters, two for longer ones (an edit inserts, deletes or changes a letter, or swaps
/// two neighbours), among words that begin with the same letter (the first letter is
/// the one people rarely get wrong, and it keeps the scan to a slice of the index).
/// The nearest wins, then the one the most documents hold, then the first in order.
/// Numbers and words under three letters get no suggestion.
pub fn near_word(index: &TextIndex, word: &str) -> Option<String> {
    let letters: Vec<char> = word.chars().collect();
    if letters.len() < 3 || letters.iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let most = if letters.len() <= 5 { 1 } else { 2 };
    let first = &word[..letters[0].len_utf8()];
    let mut best: Option<(usize, usize, &str)> = None;
    for (candidate, docs) in index.words_with_documents(first) {
        let other: Vec<char> = candidate.chars().collect();
        if other.len().abs_diff(letters.len()) > most {
            continue;
        }
        let Some(d) = edits(&letters, &other, most) else { continue };
        let better = match best {
            None => true,
            Some((bd, bdocs, _)) => d < bd || (d == bd && docs > bdocs),
        };
        if better {
            best = Some((d, docs, candidate));
        }
    }
    best.map(|(_, _, w)| w.to_owned())
}

/// The edits (optimal string alignment distance) between `a` and `b`, if at most `most`.
fn edits(a: &[char], b: &[char], most: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    let mut rows = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let change = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    let d = rows[n][m];
    (d <= most).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_date(text: &str, expected: Option<(&str, &str, &str)>) {
        let got = date_query(text).map(|q| (q.from.iso(), q.to.iso(), q.label));
        let expected = expected.map(|(f, t, l)| (f.to_owned(), t.to_owned(), l.to_owned()));
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn queries_that_are_dates_read_as_their_span() {
        check_date("August 1990", Some(("1990-08-01", "1990-08-31", "August 1990")));
        check_date("aug 1990", Some(("1990-08-01", "1990-08-31", "August 1990")));
        check_date("Sept. 2001", Some(("2001-09-01", "2001-09-30", "September 2001")));
        check_date("1990", Some(("1990-01-01", "1990-12-31", "1990")));
        check_date("12 August 1990", Some(("1990-08-12", "1990-08-12", "12 August 1990")));
        check_date("August 12th, 1990", Some(("1990-08-12", "1990-08-12", "12 August 1990")));
        check_date("1990-08-12", Some(("1990-08-12", "1990-08-12", "12 August 1990")));
        check_date("2024-02", Some(("2024-02-01", "2024-02-29", "February 2024")));
    }

    #[test]
    fn queries_with_other_words_or_impossible_dates_are_words() {
        for text in
            ["", "efes 2022", "may", "March on Baku", "31 February 1990", "3000", "12345", "August 90", "1990 1991"]
        {
            check_date(text, None);
        }
    }

    fn index(docs: &[&str]) -> TextIndex {
        TextIndex::build(docs.iter().map(|d| crate::search::words(d).collect::<Vec<String>>()))
    }

    #[test]
    fn a_word_one_typo_away_is_suggested_the_most_held_first() {
        let i = index(&["Iraq and Iran", "Iraq again", "Irak is not here"]);
        // "irak" is indexed here, so it is found, not corrected.
        assert_eq!(near_query(&i, "irak"), None);
        let i = index(&["Iraq and Iran", "Iraq again", "Iraq war"]);
        assert_eq!(near_word(&i, "irak").as_deref(), Some("iraq"));
        assert_eq!(near_query(&i, "irak war").as_deref(), Some("iraq war"));
        // Swapped neighbours are one edit.
        assert_eq!(near_word(&i, "iarq").as_deref(), Some("iraq"));
        // Iraq and Iran are each one edit from "irap": the one more documents hold wins.
        assert_eq!(near_word(&i, "irap").as_deref(), Some("iraq"));
    }

    #[test]
    fn long_words_allow_two_edits_short_ones_one_and_numbers_none() {
        let i = index(&["Azerbaijan held talks", "2022 drills"]);
        assert_eq!(near_word(&i, "azerbajain").as_deref(), Some("azerbaijan"));
        assert_eq!(near_word(&i, "tlks").as_deref(), Some("talks"));
        assert_eq!(near_word(&i, "tlkz"), None, "two edits at four letters");
        assert_eq!(near_word(&i, "tallks").as_deref(), Some("talks"));
        assert_eq!(near_word(&i, "dxxxls"), None);
        assert_eq!(near_word(&i, "2023"), None);
        assert_eq!(near_word(&i, "ta"), None);
    }
}
