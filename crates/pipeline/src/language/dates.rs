//! Date expressions in text: full dates in the common orders ("October 5, 2021",
//! "5 October 2021", "2021-10-05", "2021/10/05", "05.10.2021" read day-first), month and day
//! without a year, month and year, and bare years. Each is found with its place in
//! the text, so callers can tell a dateline from a date inside page furniture.

use std::sync::LazyLock;

use crate::pattern::Pattern;
use model::Date;

pub use crate::language::date_words::is_month_word;

/// A date expression found in text, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
}

/// What a date expression says, no more precisely than it says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateValue {
    Full(Date),
    MonthDay { month: u8, day: u8 },
    MonthYear { month: u8, year: i16 },
    Year(i16),
}

/// A month's name or abbreviation, capitalised, and its full stop (`month` of
/// `assets/dates/words.tsv`): the one pattern of a month, which `when` reads too.
pub(crate) static MONTH: LazyLock<String> = LazyLock::new(crate::language::date_words::month_pattern);

static ISO: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:\b|T)").expect("valid regex"));
/// "2023/08/21", "2023.08.21": year first is always year, month, day.
static YEAR_FIRST: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b").expect("valid regex"));
static DOTTED: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").expect("valid regex"));
/// "20/05/2024" or "05/20/2024": read only where the order shows (one number above 12).
static SLASHED: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").expect("valid regex"));
static DAY_MONTH_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b", MONTH = &*MONTH))
        .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(r"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", MONTH = &*MONTH))
        .expect("valid regex")
});
static MONTH_DAY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(r"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", MONTH = &*MONTH)).expect("valid regex")
});
static DAY_MONTH: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}", MONTH = &*MONTH)).expect("valid regex")
});
static MONTH_YEAR: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(&format!(r"\b{MONTH},?\s+(\d{{4}})\b", MONTH = &*MONTH)).expect("valid regex"));
static YEAR: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?:^|[^\d.:/$#-]|-)((?:1[89]|20)\d{2})\b").expect("valid regex"));

/// Whether the four digits at `start..end` are a number that is not a year: a decimal
/// or a thousands group ("2082.1", "1,990" is caught by the pattern), a percentage,
/// or part of a name ("Orion 1980": a capitalised word mid-sentence right before it).
fn not_a_year(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let mut next = after.chars();
    let decimal = matches!(next.next(), Some('.' | ',')) && next.next().is_some_and(|c| c.is_ascii_digit());
    if decimal || after.starts_with('%') || after.trim_start().starts_with("percent") {
        return true;
    }
    let before = &text[..start];
    let Some(head) = before.strip_suffix(' ') else { return false };
    let word = head.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let word_start = head.len() - word.len();
    let mid_sentence = !text[..word_start].trim_end().is_empty()
        && !text[..word_start].trim_end().ends_with(['.', '!', '?', '"', '“', ':']);
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && mid_sentence
        && !crate::language::date_words::may_precede_a_year(word)
}

/// The month number of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u8> {
    let key = name.trim_end_matches('.').to_ascii_lowercase();
    // A name's first three letters begin every spelling of its month ("Sept.", "Sep").
    let i = crate::language::date_words::month_names().iter().position(|m| key.starts_with(&m[..3]))?;
    u8::try_from(i + 1).ok()
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}

/// Every date expression in `text`, most specific first where they overlap, in text order.
pub fn find_dates(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    // Numeric date shapes that turn out impossible ("2023-02-30") still block the
    // looser patterns from reading a year out of them.
    let mut blocked: Vec<(usize, usize)> = Vec::new();
    let mut push = |start: usize, end: usize, value: Option<DateValue>, found: &mut Vec<Found>| {
        let overlaps =
            found.iter().any(|f| f.start < end && start < f.end) || blocked.iter().any(|&(s, e)| s < end && start < e);
        match value {
            Some(value) if !overlaps => found.push(Found { start, end, value }),
            None if !overlaps => blocked.push((start, end)),
            _ => {}
        }
    };
    let day_month = |c: &regex::Captures<'_>, m: usize, d: usize| {
        month_number(&c[m])
            .zip(num::<u8>(&c[d]))
            .filter(|&(mo, d)| Date::new(2000, mo, d).is_some())
            .map(|(month, day)| DateValue::MonthDay { month, day })
    };
    let full = |y: Option<i16>, m: Option<u8>, d: Option<u8>| Date::new(y?, m?, d?).map(DateValue::Full);
    // Most specific first: a later pattern never matches inside an earlier match.
    type Reader<'a> = &'a dyn Fn(&regex::Captures<'_>) -> Option<DateValue>;
    let slashed = |c: &regex::Captures<'_>| {
        let (a, b): (u8, u8) = (num(&c[1])?, num(&c[2])?);
        match (a > 12, b > 12) {
            (true, false) => full(num(&c[3]), Some(b), Some(a)),
            (false, true) => full(num(&c[3]), Some(a), Some(b)),
            // Day or month first cannot be told: only the year is known.
            (false, false) if a > 0 && b > 0 => num(&c[3]).map(DateValue::Year),
            _ => None,
        }
    };
    let patterns: [(&Pattern, Reader<'_>); 9] = [
        (&ISO, &|c| full(num(&c[1]), num(&c[2]), num(&c[3]))),
        (&YEAR_FIRST, &|c| full(num(&c[1]), num(&c[2]), num(&c[3]))),
        (&DOTTED, &|c| full(num(&c[3]), num(&c[2]), num(&c[1]))),
        (&SLASHED, &slashed),
        (&DAY_MONTH_YEAR, &|c| full(num(&c[3]), month_number(&c[2]), num(&c[1]))),
        (&MONTH_DAY_YEAR, &|c| full(num(&c[3]), month_number(&c[1]), num(&c[2]))),
        (&MONTH_YEAR, &|c| {
            month_number(&c[1]).zip(num(&c[2])).map(|(month, year)| DateValue::MonthYear { month, year })
        }),
        (&MONTH_DAY, &|c| day_month(c, 1, 2)),
        (&DAY_MONTH, &|c| day_month(c, 2, 1)),
    ];
    for (regex, read) in patterns {
        for c in regex.captures_iter(text) {
            let m = c.get(0).expect("whole match");
            push(m.start(), m.end(), read(&c), &mut found);
        }
    }
    for c in YEAR.captures_iter(text) {
        let m = c.get(1).expect("year group");
        let value = if not_a_year(text, m.start(), m.end()) { None } else { num(m.as_str()).map(DateValue::Year) };
        push(m.start(), m.end(), value, &mut found);
    }
    found.sort_by_key(|f| f.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(y: i16, m: u8, d: u8) -> DateValue {
        DateValue::Full(Date::new(y, m, d).unwrap())
    }

    fn check(text: &str, expected: &[(&str, DateValue)]) {
        let got: Vec<(&str, DateValue)> = find_dates(text).iter().map(|f| (&text[f.start..f.end], f.value)).collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn numbers_that_are_not_dates_are_not_read_as_dates() {
        // A month's abbreviation inside a word, an index value, a share, a name.
        check("Shares of Octel Associates rose 5 points.", &[]);
        check("The index closed at 2082.1, down 4.5%.", &[]);
        check("Turnout reached 1990 percent of the target.", &[]);
        check("He bought the Orion 1980 fund and sold it in 1987.", &[("1987", DateValue::Year(1987))]);
        check("Sales were 1,995 units.", &[]);
        // A year after a word that may stand before it, or at a sentence's start, stays one.
        check("Sales peaked at Christmas 1998.", &[("1998", DateValue::Year(1998))]);
        check("1998 was a good year.", &[("1998", DateValue::Year(1998))]);
        check("Prices rose in March 1998.", &[("March 1998", DateValue::MonthYear { month: 3, year: 1998 })]);
    }

    #[test]
    fn full_dates_in_common_orders() {
        check("on October 5, 2021.", &[("October 5, 2021", full(2021, 10, 5))]);
        check("on 5 October 2021 13:45", &[("5 October 2021", full(2021, 10, 5))]);
        check("date 2022-02-08 By", &[("2022-02-08", full(2022, 2, 8))]);
        check("2023-04-02T10:00:00Z", &[("2023-04-02T", full(2023, 4, 2))]);
        check("Link [2022-12-05 16:54:44]", &[("2022-12-05", full(2022, 12, 5))]);
        check("03.09.2022", &[("03.09.2022", full(2022, 9, 3))]);
        check("June 7, 2022", &[("June 7, 2022", full(2022, 6, 7))]);
        check("Sept. 9th, 2020", &[("Sept. 9th, 2020", full(2020, 9, 9))]);
        check("on the 5th of September 2023", &[("5th of September 2023", full(2023, 9, 5))]);
        check("on 20/05/2024.", &[("20/05/2024", full(2024, 5, 20))]);
        check("on 05/20/2024.", &[("05/20/2024", full(2024, 5, 20))]);
        check("2023/08/21 14:05", &[("2023/08/21", full(2023, 8, 21))]);
        check("2023.08.21", &[("2023.08.21", full(2023, 8, 21))]);
        // Day or month first cannot be told: the year alone.
        check("on 05/04/2024.", &[("05/04/2024", DateValue::Year(2024))]);
        check("on 20/20/2024.", &[]);
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        check("reported on October 5.", &[("October 5", DateValue::MonthDay { month: 10, day: 5 })]);
        check("on the 5th of October, troops", &[("5th of October", DateValue::MonthDay { month: 10, day: 5 })]);
        check("in October 2021", &[("October 2021", DateValue::MonthYear { month: 10, year: 2021 })]);
        check("emerged in 1992, with", &[("1992", DateValue::Year(1992))]);
        check("Efes-2022 drills", &[("2022", DateValue::Year(2022))]);
    }

    #[test]
    fn impossible_dates_and_other_numbers_are_not_dates() {
        check("2023-02-30", &[]);
        check("31.04.2021", &[]);
        check("2023/13/01", &[]);
        check("May 32", &[]);
        check("may 5 people", &[]);
        check("costs 2500 dollars, 3.1415 and 16:54:44", &[]);
    }
}
