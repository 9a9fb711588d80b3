//! The word lists of the date patterns (`assets/dates/when.txt`): weekdays, numbers and years
//! in words, seasons, quarters' ordinals, the words that open a clause, each a section read
//! with `crate::rules::section`, and the pattern sections (the words around a weekday, a month,
//! a season or a year, and those of the future); the escaped alternation a pattern is built from.

use std::sync::LazyLock;

use crate::rules::section;

/// The data file, read at compile time.
static FILE: &str = include_str!("../../../../../assets/dates/when.txt");

/// The entries of section `[name]`, in order.
fn list(name: &str) -> Vec<&'static str> {
    section(FILE, "assets/dates/when.txt", name)
}

/// The entries of section `[name]` whose value follows their words after a space.
fn valued(name: &str) -> Vec<(&'static str, i64)> {
    list(name)
        .into_iter()
        .map(|entry| {
            let (words, value) = entry.rsplit_once(' ').unwrap_or_else(|| panic!("[{name}] {entry:?}: no value"));
            (words, value.parse().unwrap_or_else(|_| panic!("[{name}] {entry:?}: no number")))
        })
        .collect()
}

/// `words`, each escaped, as one alternation `a|b|c` in their order.
pub(super) fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words.into_iter().map(regex::escape).collect::<Vec<_>>().join("|")
}

/// The weekdays' names, capitalised.
pub(super) static WEEKDAYS: LazyLock<Vec<&str>> = LazyLock::new(|| list("WEEKDAYS"));
/// Numbers in words before a unit of time, with their value.
pub(super) static NUMBERS: LazyLock<Vec<(&str, i64)>> = LazyLock::new(|| valued("NUMBERS"));
/// One to nine, in order.
pub(super) static UNITS: LazyLock<Vec<&str>> = LazyLock::new(|| list("UNITS"));
/// Ten to nineteen, in order.
pub(super) static TEENS: LazyLock<Vec<&str>> = LazyLock::new(|| list("TEENS"));
/// Twenty to ninety, in order.
pub(super) static TENS: LazyLock<Vec<&str>> = LazyLock::new(|| list("TENS"));
/// The seasons with their number (0 spring … 3 winter).
pub(super) static SEASONS: LazyLock<Vec<(&str, i64)>> = LazyLock::new(|| valued("SEASONS"));
/// The ordinals of a quarter or half, with their number.
pub(super) static QUARTER_ORDINALS: LazyLock<Vec<(&str, i64)>> = LazyLock::new(|| valued("QUARTER_ORDINALS"));
/// Words that open a reported or relative clause.
pub(super) static CLAUSE_OPENERS: LazyLock<Vec<&str>> = LazyLock::new(|| list("CLAUSE_OPENERS"));
/// Words that put a quarter named by what came before a year back ("the year-ago quarter").
pub(super) static YEAR_BACK: LazyLock<Vec<&str>> = LazyLock::new(|| list("YEAR_BACK"));

/// Section `[name]`, a pattern section (its entries regular expressions as written), as
/// one alternation in the file's order.
pub(super) fn pattern(name: &str) -> String {
    crate::rules::alternation(&list(name))
}

/// The value of `word` in a valued list, compared in any case.
pub(super) fn value_of(list: &[(&str, i64)], word: &str) -> Option<i64> {
    list.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read_whole_from_the_data_file() {
        let plain: [(&str, &LazyLock<Vec<&str>>, usize); 6] = [
            ("WEEKDAYS", &WEEKDAYS, 7),
            ("UNITS", &UNITS, 9),
            ("TEENS", &TEENS, 10),
            ("TENS", &TENS, 8),
            ("CLAUSE_OPENERS", &CLAUSE_OPENERS, 7),
            ("YEAR_BACK", &YEAR_BACK, 7),
        ];
        for (name, list, expected) in plain {
            assert_eq!(list.len(), expected, "[{name}]");
            assert!(list.iter().all(|w| !w.is_empty() && w.trim() == *w), "[{name}]");
        }
        type Valued = LazyLock<Vec<(&'static str, i64)>>;
        let valued: [(&str, &Valued, usize); 3] =
            [("NUMBERS", &NUMBERS, 19), ("SEASONS", &SEASONS, 5), ("QUARTER_ORDINALS", &QUARTER_ORDINALS, 8)];
        for (name, list, expected) in valued {
            assert_eq!(list.len(), expected, "[{name}]");
        }
        assert_eq!(value_of(&NUMBERS, "a hundred"), Some(100), "NUMBERS");
        assert_eq!(value_of(&SEASONS, "Fall"), Some(2), "SEASONS");
        assert_eq!(value_of(&QUARTER_ORDINALS, "3rd"), Some(3), "QUARTER_ORDINALS");
        assert_eq!(alternation(["a.b", "c"]), r"a\.b|c");
        for (name, expected) in [
            ("BEFORE_WEEKDAY", 12),
            ("BEFORE_MONTH", 9),
            ("RELATIVE_STEPS", 7),
            ("SEASON_STEPS", 5),
            ("BEFORE_SEASON", 10),
            ("PARTS_OF_YEAR", 6),
            ("BEFORE_SPELLED_YEAR", 8),
            ("FUTURE", 16),
        ] {
            assert_eq!(list(name).len(), expected, "[{name}]");
            assert!(regex::Regex::new(&pattern(name)).is_ok(), "[{name}]");
        }
    }
}
