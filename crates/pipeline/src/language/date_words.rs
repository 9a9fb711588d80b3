//! Word lists that decide whether words are a date (`assets/dates/words.tsv`): the
//! capitalised words that make a weekday a name ("Good Friday") and those that may
//! stand right before a year without making it part of a name ("Christmas 1998"), the
//! verbs that tell a clause's tense, and the month names. A base of the date modules:
//! it imports none of them.

use std::collections::HashSet;
use std::sync::LazyLock;

static WORDS: &str = include_str!("../../../../assets/dates/words.tsv");

fn list(kind: &str) -> HashSet<&'static str> {
    WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, _)| *k == kind)
        .map(|(_, w)| w.trim())
        .collect()
}

static NAMED_DAY: LazyLock<HashSet<&'static str>> = LazyLock::new(|| list("named-day"));
static BEFORE_YEAR: LazyLock<HashSet<&'static str>> = LazyLock::new(|| list("before-year"));
static PAST_VERB: LazyLock<HashSet<&'static str>> = LazyLock::new(|| list("past-verb"));
static PRESENT_VERB: LazyLock<HashSet<&'static str>> = LazyLock::new(|| list("present-verb"));
static PASSIVE_AUX: LazyLock<HashSet<&'static str>> = LazyLock::new(|| list("passive-aux"));
static MONTH: LazyLock<HashSet<&'static str>> = LazyLock::new(|| list("month"));

/// The month names and abbreviations as a pattern, capitalised, in the file's order
/// (names before abbreviations, "Sept" before "Sep"), and the full stop an
/// abbreviation may take: `(January|…|Dec)\b\.?`.
pub fn month_pattern() -> String {
    let names: Vec<String> = WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, _)| *k == "month")
        .map(|(_, w)| {
            let w = w.trim();
            w[..1].to_uppercase() + &w[1..]
        })
        .collect();
    format!(r"({})\b\.?", names.join("|"))
}

/// The months' full names, lowercase, January first: the `month` entries no other
/// entry extends (an abbreviation begins another entry: "jan", "sep" of "sept").
static MONTH_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let entries: Vec<&str> = WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, _)| *k == "month")
        .map(|(_, w)| w.trim())
        .collect();
    entries.iter().copied().filter(|w| !entries.iter().any(|o| o != w && o.starts_with(w))).collect()
});

/// The months' full names, lowercase, in the year's order.
pub fn month_names() -> &'static [&'static str] {
    &MONTH_NAMES
}

/// `word` with its first letter in capitals ("january" gives "January").
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// Whether `word` is an English month name or its abbreviation, exactly ("Mar." but not "Marcus").
pub fn is_month_word(word: &str) -> bool {
    MONTH.contains(word.trim_end_matches('.').to_ascii_lowercase().as_str())
}

/// Whether a lowercase `word` is an irregular past form ("brought").
pub fn is_past_verb(word: &str) -> bool {
    PAST_VERB.contains(word)
}

/// Whether a lowercase `word` is a present form of "be", "have" or "do".
pub fn is_present_verb(word: &str) -> bool {
    PRESENT_VERB.contains(word)
}

/// Whether a lowercase `word` before an -ed form makes it a passive or participle.
pub fn is_passive_aux(word: &str) -> bool {
    PASSIVE_AUX.contains(word)
}

/// Whether `word` before a weekday makes it a name ("Good" in "Good Friday").
pub fn names_a_day(word: &str) -> bool {
    NAMED_DAY.contains(word)
}

/// Whether a capitalised `word` may stand right before a year that is a date.
pub fn may_precede_a_year(word: &str) -> bool {
    BEFORE_YEAR.contains(word) || is_month_word(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_read() {
        assert!(names_a_day("Good") && names_a_day("Black"));
        assert!(!names_a_day("Court"));
        assert!(may_precede_a_year("Christmas") && may_precede_a_year("Fiscal") && may_precede_a_year("March"));
        assert!(!may_precede_a_year("Orion"));
        assert!(is_past_verb("brought") && !is_past_verb("bring"));
        assert!(is_present_verb("is") && is_passive_aux("been"));
        assert_eq!(MONTH.len(), 24, "month");
        assert_eq!(month_names().len(), 12, "month: {:?}", month_names());
        assert_eq!((month_names()[0], month_names()[4], month_names()[11]), ("january", "may", "december"), "month");
        assert!(is_month_word("Mar.") && is_month_word("Sept") && !is_month_word("Marcus"), "month");
        let pattern = month_pattern();
        assert!(pattern.starts_with("(January|February|") && pattern.ends_with(r"|Dec)\b\.?"), "month: {pattern}");
        assert!(pattern.contains("|December|Jan|") && pattern.contains("|Sept|Sep|"), "month: {pattern}");
    }
}
