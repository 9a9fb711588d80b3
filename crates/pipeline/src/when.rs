//! Dates of statements for the timeline: every form a sentence uses ("October 5,
//! 2021", "05-08 October 2021", "between Sept. 5 and 9", "May-June", "on Tuesday",
//! "yesterday", "100 years ago", "late 2020" …), resolved against a reference day
//! (the article's publication, or the first article of a recycled passage) and the
//! sentence's tense. A resolved date never claims more precision than its words.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use model::{Basis, Date, DateSpan, Precision};
use regex::Regex;

use crate::dates::{self, DateValue, month_number};

/// What a date expression says, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expr {
    Stated(DateValue),
    /// From day `first` of `month` to day `last` of `last_month` (the same month, or a
    /// later one: "from 28 August to 2 September").
    DayRange { month: u8, first: u8, last_month: u8, last: u8, year: Option<i16> },
    MonthRange { first: u8, last: u8, year: Option<i16> },
    Month(u8),
    Weekday(Weekday),
    DaysFromReference(i64),
    YearsFromReference(i32),
    MonthsFromReference(i32),
    WeeksFromReference(i32),
    /// "early/mid/late 2020": a third of the year.
    PartOfYear { year: i16, part: u8 },
}

/// A date expression with its byte range in the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
}

/// Whether a sentence speaks of the past or the future.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";
const WEEKDAY: &str = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUMBER: &str = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a hundred)";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

static DAY_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(\d{{1,2}})(?:\s*[-–]\s*|\s+(?:to|through|until|till|and)\s+)(\d{{1,2}})\s+{MONTH}(?:,?\s+(\d{{4}}))?")));
/// "between 7 September and 9 September", "from 28 August to 2 September 2023".
static CROSS_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:[Bb]etween|[Ff]rom)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\s+(?:and|to|till|until|through)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(\d{{4}}))?"
    ))
});
/// "from August 28 to September 2".
static CROSS_RANGE_MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:[Bb]etween|[Ff]rom)\s+{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:and|to|till|until|through)\s+{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?"
    ))
});
static MONTH_DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"\b{MONTH}\s+(\d{{1,2}})(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+)(\d{{1,2}})\b(?:,?\s+(\d{{4}}))?"))
});
static BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\bbetween\s+{MONTH}\s+(\d{{1,2}})\s+and\s+(\d{{1,2}})\b(?:,?\s+(\d{{4}}))?")));
static MONTH_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b{MONTH}\s*[-–]\s*{MONTH}(?:\s+(\d{{4}}))?")));
static IN_MONTH: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|of)\s+(?:early\s+|late\s+|mid-?)?{MONTH}")));
static ON_WEEKDAY: LazyLock<Regex> =
    // Wire copy puts the day right after the verb: "the ministry said Monday".
    LazyLock::new(|| re(&format!(r"\b(?:[Oo]n|last|next|this|since|until|by|from|said|says|announced|reported|added|confirmed|stated)\s+{WEEKDAY}\b")));
/// "today's world" speaks of the present in general, not of a day: the possessive is
/// caught so it can be refused.
static SIMPLE_RELATIVE: LazyLock<Regex> = LazyLock::new(|| re(r"\b([Yy]esterday|[Tt]oday|[Tt]omorrow)\b(['’]s\b)?"));
static NAMED_RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b([Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Ee]arlier this|[Ll]ater this)\s+(year|month|week)\b"));
static AGO: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b{NUMBER}\s+(years?|months?|weeks?|days?)\s+ago\b")));
/// Day and month, a dash, day, month and year, in figures: "25.09-04.10.2023".
static NUMERIC_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})\.(\d{1,2})\.?\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b"));
/// Two days of one month in figures: "25-29.09.2023".
static NUMERIC_DAY_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b"));
/// "the second quarter of 2024", "the first half of 2023": a range of months.
static QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarter|half)\s+of\s+((?:19|20)\d{2})\b"));
static PART_OF_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(early|mid|late|end of|beginning of|start of)[\s-]+((?:19|20)\d{2})\b"));
/// The words before a year that say it is what something covers ("a plan for 2024",
/// "the budget for the year 2025", either year of "a plan for 2023-2024").
static FOR_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\bfor\s+(?:the\s+(?:years?\s+)?)?(?:\d{4}\s*[-–/]\s*)?$"));
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(will|would|shall|to be held|is to|are to|is due|are due|expected to|plans? to|planned|scheduled|upcoming|intends? to)\b")
});

pub(crate) fn number(word: &str) -> Option<i64> {
    let words = [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("fifteen", 15), ("twenty", 20), ("thirty", 30),
        ("forty", 40), ("fifty", 50), ("hundred", 100), ("a hundred", 100),
    ];
    word.parse().ok().or_else(|| words.iter().find(|(w, _)| *w == word).map(|&(_, n)| n))
}

fn weekday(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

fn year(c: &regex::Captures<'_>, i: usize) -> Option<i16> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

fn month(c: &regex::Captures<'_>, i: usize) -> Option<u8> {
    c[i].parse().ok().filter(|m| (1..=12).contains(m))
}

fn day(c: &regex::Captures<'_>, i: usize) -> Option<u8> {
    c[i].parse().ok().filter(|d| (1..=31).contains(d))
}

/// The tense of a sentence: future when it says so ("will be held", "to be held in"),
/// past otherwise, as news mostly reports what happened.
pub fn tense(sentence: &str) -> Tense {
    if FUTURE.is_match(sentence) { Tense::Future } else { Tense::Past }
}

/// Every date expression in a sentence, longest forms first where they overlap.
pub fn find(sentence: &str) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    let add = |start: usize, end: usize, expr: Option<Expr>, hits: &mut Vec<Hit>| {
        if let Some(expr) = expr
            && !hits.iter().any(|h| h.start < end && start < h.end)
        {
            hits.push(Hit { start, end, expr });
        }
    };
    type Reader = fn(&regex::Captures<'_>) -> Option<Expr>;
    let patterns: [(&Regex, Reader); 14] = [
        (&NUMERIC_RANGE, |c| {
            Some(Expr::DayRange { month: month(c, 2)?, first: day(c, 1)?, last_month: month(c, 4)?, last: day(c, 3)?, year: year(c, 5) })
        }),
        (&NUMERIC_DAY_RANGE, |c| {
            Some(Expr::DayRange { month: month(c, 3)?, first: day(c, 1)?, last_month: month(c, 3)?, last: day(c, 2)?, year: year(c, 4) })
        }),
        (&CROSS_RANGE, |c| {
            Some(Expr::DayRange { month: month_number(&c[2])?, first: day(c, 1)?, last_month: month_number(&c[4])?, last: day(c, 3)?, year: year(c, 5) })
        }),
        (&CROSS_RANGE_MONTH_FIRST, |c| {
            Some(Expr::DayRange { month: month_number(&c[1])?, first: day(c, 2)?, last_month: month_number(&c[3])?, last: day(c, 4)?, year: year(c, 5) })
        }),
        (&BETWEEN, |c| Some(Expr::DayRange { month: month_number(&c[1])?, first: day(c, 2)?, last_month: month_number(&c[1])?, last: day(c, 3)?, year: year(c, 4) })),
        (&DAY_RANGE, |c| Some(Expr::DayRange { month: month_number(&c[3])?, first: day(c, 1)?, last_month: month_number(&c[3])?, last: day(c, 2)?, year: year(c, 4) })),
        (&MONTH_DAY_RANGE, |c| Some(Expr::DayRange { month: month_number(&c[1])?, first: day(c, 2)?, last_month: month_number(&c[1])?, last: day(c, 3)?, year: year(c, 4) })),
        (&MONTH_RANGE, |c| Some(Expr::MonthRange { first: month_number(&c[1])?, last: month_number(&c[2])?, year: year(c, 3) })),
        (&QUARTER, |c| {
            let n: u8 = match &c[1] {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                _ => 4,
            };
            let (first, last) = if c[2].eq_ignore_ascii_case("half") {
                if n > 2 {
                    return None;
                }
                (6 * n - 5, 6 * n)
            } else {
                (3 * n - 2, 3 * n)
            };
            Some(Expr::MonthRange { first, last, year: year(c, 3) })
        }),
        (&PART_OF_YEAR, |c| {
            let part = match &c[1] {
                "early" | "beginning of" | "start of" => 0,
                "mid" => 1,
                _ => 2,
            };
            Some(Expr::PartOfYear { year: c[2].parse().ok()?, part })
        }),
        (&AGO, |c| {
            let n = number(&c[1])?;
            Some(match c[2].trim_end_matches('s') {
                "year" => Expr::YearsFromReference(-i32::try_from(n).ok()?),
                "month" => Expr::MonthsFromReference(-i32::try_from(n).ok()?),
                "week" => Expr::DaysFromReference(n.checked_mul(-7)?),
                _ => Expr::DaysFromReference(-n),
            })
        }),
        (&NAMED_RELATIVE, |c| {
            let step = match c[1].to_lowercase().as_str() {
                "last" | "past" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            Some(match &c[2] {
                "year" => Expr::YearsFromReference(step),
                "month" => Expr::MonthsFromReference(step),
                _ => Expr::WeeksFromReference(step),
            })
        }),
        (&SIMPLE_RELATIVE, |c| {
            Some(Expr::DaysFromReference(match c[1].to_lowercase().as_str() {
                "yesterday" => -1,
                "today" if c.get(2).is_some() => return None,
                "today" => 0,
                _ => 1,
            }))
        }),
        (&ON_WEEKDAY, |c| weekday(&c[1]).map(Expr::Weekday)),
    ];
    for (regex, read) in patterns {
        for c in regex.captures_iter(sentence) {
            let m = c.get(0).expect("whole match");
            add(m.start(), m.end(), read(&c), &mut hits);
        }
    }
    for f in dates::find_dates(sentence) {
        add(f.start, f.end, Some(Expr::Stated(f.value)), &mut hits);
    }
    // Last, a month without day or year ("in May"), where no fuller form took its words.
    for c in IN_MONTH.captures_iter(sentence) {
        let m = c.get(0).expect("whole match");
        add(m.start(), m.end(), month_number(&c[1]).map(Expr::Month), &mut hits);
    }
    hits.sort_by_key(|h| h.start);
    // The year a plan or budget is "for" ("a cooperation plan for 2024") is what it
    // covers, not when the sentence's event happened: with another date in the
    // sentence, that one speaks for it.
    let scope = |h: &Hit| matches!(h.expr, Expr::Stated(DateValue::Year(_))) && FOR_YEAR.is_match(&sentence[..h.start]);
    if hits.iter().any(|h| !scope(h)) {
        hits.retain(|h| !scope(h));
    }
    hits
}

fn to_date(d: NaiveDate) -> Option<Date> {
    Date::new(i16::try_from(d.year()).ok()?, u8::try_from(d.month()).ok()?, u8::try_from(d.day()).ok()?)
}

fn from_date(d: Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    next.map(|d| d - Duration::days(1))
}

fn span(start: NaiveDate, end: NaiveDate, precision: Precision, basis: Basis, evidence: &str) -> Option<DateSpan> {
    Some(DateSpan { start: to_date(start)?, end: to_date(end)?, precision, basis, evidence: evidence.to_owned().into() })
}

/// The year of a month and day given without one: the reference year, moved back or
/// forward a year when the tense says the date lies on the other side of the reference.
fn year_for(month: u32, day: u32, reference: &DateSpan, tense: Tense) -> Option<i32> {
    let (start, end) = (from_date(reference.start)?, from_date(reference.end)?);
    // Past events are placed up to the end of a wide reference, future ones from its start.
    let anchor = if tense == Tense::Past { end } else { start };
    let y = anchor.year();
    let candidate = NaiveDate::from_ymd_opt(y, month, day.clamp(1, 28))
        .and_then(|d| NaiveDate::from_ymd_opt(y, month, day).or(Some(d)))?;
    Some(match tense {
        Tense::Past if candidate > anchor => y - 1,
        Tense::Future if candidate < anchor => y + 1,
        _ => y,
    })
}

/// Resolves an expression against a reference span (a publication date).
/// `None` when the words cannot be placed (a weekday against a year-wide reference).
pub fn resolve(expr: Expr, reference: Option<&DateSpan>, tense: Tense, evidence: &str) -> Option<DateSpan> {
    use Basis::{Inferred, Stated};
    match expr {
        Expr::Stated(DateValue::Full(d)) => Some(DateSpan::stated_day(d, evidence)),
        Expr::Stated(DateValue::MonthYear { month, year }) => {
            let start = NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), 1)?;
            span(start, month_end(start.year(), start.month())?, Precision::Month, Stated, evidence)
        }
        Expr::Stated(DateValue::Year(year)) => span(
            NaiveDate::from_ymd_opt(i32::from(year), 1, 1)?,
            NaiveDate::from_ymd_opt(i32::from(year), 12, 31)?,
            Precision::Year,
            Stated,
            evidence,
        ),
        Expr::PartOfYear { year, part } => {
            let y = i32::from(year);
            let first = u32::from(part) * 4 + 1;
            let start = NaiveDate::from_ymd_opt(y, first, 1)?;
            span(start, month_end(y, first + 3)?, Precision::Approximate, Stated, evidence)
        }
        Expr::Stated(DateValue::MonthDay { month, day }) => {
            let y = year_for(u32::from(month), u32::from(day), reference?, tense)?;
            let d = NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(day))?;
            span(d, d, Precision::Day, Inferred, evidence)
        }
        Expr::DayRange { month, first, last_month, last, year } => {
            // A stated year is the last day's ("from 28 December to 3 January 2024").
            let wraps = last_month < month;
            let (basis, y) = match year {
                Some(y) => (Stated, i32::from(y) - i32::from(wraps)),
                None => (Inferred, year_for(u32::from(month), u32::from(first), reference?, tense)?),
            };
            let start = NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(first))?;
            let end = NaiveDate::from_ymd_opt(y + i32::from(wraps), u32::from(last_month), u32::from(last))?;
            (end >= start).then_some(())?;
            span(start, end, Precision::Range, basis, evidence)
        }
        Expr::MonthRange { first, last, year } => {
            let (basis, y) = match year {
                Some(y) => (Stated, i32::from(y)),
                None => (Inferred, year_for(u32::from(first), 1, reference?, tense)?),
            };
            let start = NaiveDate::from_ymd_opt(y, u32::from(first), 1)?;
            let end_year = if last < first { y + 1 } else { y };
            span(start, month_end(end_year, u32::from(last))?, Precision::Range, basis, evidence)
        }
        Expr::Month(month) => {
            let y = year_for(u32::from(month), 1, reference?, tense)?;
            let start = NaiveDate::from_ymd_opt(y, u32::from(month), 1)?;
            span(start, month_end(y, u32::from(month))?, Precision::Month, Inferred, evidence)
        }
        Expr::Weekday(wd) => {
            let r = reference.filter(|r| r.precision == Precision::Day)?;
            let anchor = from_date(r.start)?;
            let offset = i64::from(wd.num_days_from_monday()) - i64::from(anchor.weekday().num_days_from_monday());
            let days = match tense {
                Tense::Past => (offset - 7) % 7,
                Tense::Future => (offset + 7) % 7,
            };
            let d = anchor + Duration::days(days);
            span(d, d, Precision::Day, Inferred, evidence)
        }
        Expr::DaysFromReference(n) => {
            let r = reference.filter(|r| r.precision == Precision::Day)?;
            // Counts come from the text ("900000000000 days ago"): out of range is no date.
            let d = from_date(r.start)?.checked_add_signed(Duration::try_days(n)?)?;
            span(d, d, Precision::Day, Inferred, evidence)
        }
        Expr::WeeksFromReference(n) => {
            let r = reference.filter(|r| r.precision == Precision::Day)?;
            let anchor = from_date(r.start)? + Duration::weeks(i64::from(n));
            let monday = anchor - Duration::days(i64::from(anchor.weekday().num_days_from_monday()));
            span(monday, monday + Duration::days(6), Precision::Range, Inferred, evidence)
        }
        Expr::MonthsFromReference(n) => {
            let anchor = from_date(reference?.start)?;
            let index = (anchor.year() * 12 + anchor.month0() as i32).checked_add(n)?;
            let (y, m) = (index.div_euclid(12), u32::try_from(index.rem_euclid(12)).ok()? + 1);
            span(NaiveDate::from_ymd_opt(y, m, 1)?, month_end(y, m)?, Precision::Month, Inferred, evidence)
        }
        Expr::YearsFromReference(n) => {
            let y = from_date(reference?.start)?.year().checked_add(n)?;
            span(NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?, Precision::Year, Inferred, evidence)
        }
    }
}

/// A span moved by `n` units ("year", "month", "week", "day"; negative moves back),
/// as for "eight months after …": approximate and inferred, whatever the anchor was.
pub fn shift(anchor: &DateSpan, n: i64, unit: &str, evidence: &str) -> Option<DateSpan> {
    let move_date = |d: Date| -> Option<NaiveDate> {
        let d = from_date(d)?;
        let months = |m: i64| {
            let m = chrono::Months::new(u32::try_from(m.unsigned_abs()).ok()?);
            if n >= 0 { d.checked_add_months(m) } else { d.checked_sub_months(m) }
        };
        match unit.trim_end_matches('s') {
            "year" => months(n.checked_mul(12)?),
            "month" => months(n),
            "week" => d.checked_add_signed(Duration::try_weeks(n)?),
            _ => d.checked_add_signed(Duration::try_days(n)?),
        }
    };
    span(move_date(anchor.start)?, move_date(anchor.end)?, Precision::Approximate, Basis::Inferred, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(iso: &str) -> DateSpan {
        let d = NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap();
        DateSpan::stated_day(to_date(d).unwrap(), iso)
    }

    /// Resolves the first expression of `sentence` against `published`: (start, end, precision, basis).
    fn check(sentence: &str, published: &str, expected: Option<(&str, &str, Precision, Basis)>) {
        let hits = find(sentence);
        let got = hits.first().and_then(|h| {
            resolve(h.expr, Some(&reference(published)), tense(sentence), &sentence[h.start..h.end])
        });
        let got = got.map(|s| (s.start.iso(), s.end.iso(), s.precision, s.basis));
        let expected = expected.map(|(a, b, p, k)| (a.to_owned(), b.to_owned(), p, k));
        assert_eq!(got, expected, "{sentence:?} published {published}");
    }

    use Basis::*;
    use Precision::*;

    #[test]
    fn full_dates_and_ranges() {
        check("Drills were held on October 5, 2021.", "2022-01-01", Some(("2021-10-05", "2021-10-05", Day, Stated)));
        check("Held between 05-08 October 2021.", "2022-01-01", Some(("2021-10-05", "2021-10-08", Range, Stated)));
        check("Talks ran between Sept. 5 and 9.", "2022-10-01", Some(("2022-09-05", "2022-09-09", Range, Inferred)));
        check("It ran September 12-20, 2020.", "2022-10-01", Some(("2020-09-12", "2020-09-20", Range, Stated)));
        check("It was held from October 1 to 5.", "2021-10-05", Some(("2021-10-01", "2021-10-05", Range, Inferred)));
        check("It will run from 12 till 16 March.", "2024-02-10", Some(("2024-03-12", "2024-03-16", Range, Inferred)));
        check("In September, officers completed a course.", "2023-10-11", Some(("2023-09-01", "2023-09-30", Month, Inferred)));
        check("It took place between 7 September and 9 September.", "2023-09-14", Some(("2023-09-07", "2023-09-09", Range, Inferred)));
        check("Troops stayed from 28 August to 2 September 2023.", "2023-09-14", Some(("2023-08-28", "2023-09-02", Range, Stated)));
        check("Ships sailed from December 28 to January 3.", "2024-01-10", Some(("2023-12-28", "2024-01-03", Range, Inferred)));
        check("It lasted from 28 December to 3 January 2024.", "2024-02-01", Some(("2023-12-28", "2024-01-03", Range, Stated)));
        check("It runs 1 through 5 October 2021.", "2022-01-01", Some(("2021-10-01", "2021-10-05", Range, Stated)));
        check("They met between 25 and 28 July 2023.", "2024-01-01", Some(("2023-07-25", "2023-07-28", Range, Stated)));
        check("Drills to be held in Izmir in May-June.", "2022-02-08", Some(("2022-05-01", "2022-06-30", Range, Inferred)));
        check("The drills emerged in 1992.", "2022-02-08", Some(("1992-01-01", "1992-12-31", Year, Stated)));
        check("The war ended in late 2020.", "2022-02-08", Some(("2020-09-01", "2020-12-31", Approximate, Stated)));
        check("It opened in October 2021.", "2022-02-08", Some(("2021-10-01", "2021-10-31", Month, Stated)));
    }

    #[test]
    fn year_from_the_reference_and_tense() {
        check("On June 15, the two signed a memorandum.", "2021-10-05", Some(("2021-06-15", "2021-06-15", Day, Inferred)));
        check("On December 20, they signed it.", "2022-01-10", Some(("2021-12-20", "2021-12-20", Day, Inferred)));
        check("The summit will be held on January 3.", "2021-12-28", Some(("2022-01-03", "2022-01-03", Day, Inferred)));
        check("They will meet in March.", "2021-11-02", Some(("2022-03-01", "2022-03-31", Month, Inferred)));
        check("Troops arrived on February 29.", "2024-03-05", Some(("2024-02-29", "2024-02-29", Day, Inferred)));
        check("Troops arrived on February 29.", "2023-03-05", None);
    }

    #[test]
    fn weekdays_and_relative_expressions() {
        // 2023-03-14 is a Tuesday.
        check("They met on Monday.", "2023-03-14", Some(("2023-03-13", "2023-03-13", Day, Inferred)));
        check("They met on Tuesday.", "2023-03-14", Some(("2023-03-14", "2023-03-14", Day, Inferred)));
        check("Frigates will stay until Friday.", "2023-03-14", Some(("2023-03-17", "2023-03-17", Day, Inferred)));
        check("Drills began, the ministry said Monday.", "2023-03-14", Some(("2023-03-13", "2023-03-13", Day, Inferred)));
        // The year a plan is "for" is what it covers; the day it was signed dates it.
        check("They signed a cooperation plan for 2024 in Tashkent on Friday.", "2024-03-03", Some(("2024-03-01", "2024-03-01", Day, Inferred)));
        check("They signed the budget for the year 2025 on 4 December 2024.", "2024-12-06", Some(("2024-12-04", "2024-12-04", Day, Stated)));
        check("The next drills are planned for 2025.", "2024-03-03", Some(("2025-01-01", "2025-12-31", Year, Stated)));
        check("They signed a cooperation plan for 2023-2024.", "2023-06-01", Some(("2023-01-01", "2023-12-31", Year, Stated)));
        // Ranges in figures, day before month.
        check("It was held on 25.09-04.10.2023.", "2023-10-05", Some(("2023-09-25", "2023-10-04", Range, Stated)));
        check("It was held on 25-29.09.2023.", "2023-10-05", Some(("2023-09-25", "2023-09-29", Range, Stated)));
        check("It was held on 25.13-04.14.2023.", "2023-10-05", None);
        // Quarters and halves of a year are ranges of months.
        check("Deliveries start in the second quarter of 2024.", "2023-09-27", Some(("2024-04-01", "2024-06-30", Range, Stated)));
        check("Output doubled in the first half of 2023.", "2023-09-27", Some(("2023-01-01", "2023-06-30", Range, Stated)));
        check("Output doubled in the third half of 2023.", "2023-09-27", Some(("2023-01-01", "2023-12-31", Year, Stated)));
        check("On Monday, drills began.", "2023-03-14", Some(("2023-03-13", "2023-03-13", Day, Inferred)));
        check("Monday Morning Brief.", "2023-03-14", None);
        check("The ships left yesterday.", "2024-01-01", Some(("2023-12-31", "2023-12-31", Day, Inferred)));
        check("Prices rose last year.", "2024-01-01", Some(("2023-01-01", "2023-12-31", Year, Inferred)));
        check("Talks resume next week.", "2023-03-14", Some(("2023-03-20", "2023-03-26", Range, Inferred)));
        check("The treaty signed 100 years ago.", "2021-10-05", Some(("1921-01-01", "1921-12-31", Year, Inferred)));
        let year_only = DateSpan { precision: Year, ..reference("2021-01-01") };
        let hit = find("They met on Monday.")[0];
        assert_eq!(resolve(hit.expr, Some(&year_only), Tense::Past, "on Monday"), None);
    }

    #[test]
    fn spans_shift_by_months_and_years() {
        let late_2020 = resolve(find("in late 2020")[0].expr, None, Tense::Past, "late 2020").unwrap();
        let s = shift(&late_2020, 8, "months", "eight months after").unwrap();
        assert_eq!((s.start.iso(), s.end.iso(), s.precision, s.basis), ("2021-05-01".into(), "2021-08-31".into(), Approximate, Inferred));
        let back = shift(&reference("2024-02-29"), -1, "year", "a year before").unwrap();
        assert_eq!(back.start.iso(), "2023-02-28");
    }

    #[test]
    fn counts_too_large_for_the_calendar_are_no_date() {
        // Found by the dates fuzz target: these panicked in chrono or overflowed.
        check("Troops arrived 2222222222222222222 days ago.", "2021-10-05", None);
        check("Troops arrived 9000000000000000000 weeks ago.", "2021-10-05", None);
        check("Troops arrived 2147483647 months ago.", "2021-10-05", None);
        check("Troops arrived 2147483647 years ago.", "2021-10-05", None);
        let day = reference("2021-10-05");
        for unit in ["day", "week", "month", "year"] {
            for n in [i64::MAX, i64::MIN, 1 << 40] {
                assert_eq!(shift(&day, n, unit, "x"), None, "{n} {unit}");
            }
        }
    }

    #[test]
    fn edition_years_and_plain_numbers_are_found_as_written() {
        let hits = find("The Efes-2022 drills had 2500 troops.");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].expr, Expr::Stated(DateValue::Year(2022)));
    }
}
