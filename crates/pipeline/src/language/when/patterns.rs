//! The forms of a date as regular expressions (ranges, months, weekdays, relative dates, quarters,
//! seasons, years in words …) and the readers of their captured parts. Their words are data
//! (`words.rs`, `assets/dates/when.txt`).

use std::sync::LazyLock;

use crate::pattern::Pattern;
use chrono::Weekday;

use crate::language::date_words;
use crate::language::dates::MONTH;

use super::words::{NUMBERS, QUARTER_ORDINALS, SEASONS, TEENS, TENS, UNITS, WEEKDAYS, alternation, pattern, value_of};

/// A weekday's name (`[WEEKDAYS]`): `(Monday|…|Sunday)`.
pub(super) static WEEKDAY: LazyLock<String> = LazyLock::new(|| format!("({})", alternation(WEEKDAYS.iter().copied())));

/// A number before a unit of time: figures, the words of `[NUMBERS]`, or "a"/"an" (one).
/// "a hundred" comes before the article, which would otherwise take its "a".
static NUMBER: LazyLock<String> =
    LazyLock::new(|| format!(r"(\d+|{}|an?)", alternation(NUMBERS.iter().map(|&(w, _)| w))));

/// The ordinal of a quarter or half (`[QUARTER_ORDINALS]`): `(first|…|4th)`.
static ORDINAL: LazyLock<String> =
    LazyLock::new(|| format!("({})", alternation(QUARTER_ORDINALS.iter().map(|&(w, _)| w))));

pub(super) fn re(pattern: &str) -> Pattern {
    Pattern::new(pattern).expect("valid regex")
}

pub(super) static DAY_RANGE: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"\b(\d{{1,2}})(?:\s*[-–]\s*|\s+(?:to|through|until|till|and)\s+)(\d{{1,2}})\s+{MONTH}(?:,?\s+(\d{{4}}))?",
        MONTH = &*MONTH
    ))
});

/// "between 7 September and 9 September", "from 28 August to 2 September 2023".
pub(super) static CROSS_RANGE: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:[Bb]etween|[Ff]rom)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\s+(?:and|to|till|until|through)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(\d{{4}}))?",
        MONTH = &*MONTH
    ))
});

/// "from August 28 to September 2".
pub(super) static CROSS_RANGE_MONTH_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:[Bb]etween|[Ff]rom)\s+{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:and|to|till|until|through)\s+{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?",
        MONTH = &*MONTH
    ))
});

pub(super) static MONTH_DAY_RANGE: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"\b{MONTH}\s+(\d{{1,2}})(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+)(\d{{1,2}})\b(?:,?\s+(\d{{4}}))?",
        MONTH = &*MONTH
    ))
});

pub(super) static BETWEEN: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(r"\bbetween\s+{MONTH}\s+(\d{{1,2}})\s+and\s+(\d{{1,2}})\b(?:,?\s+(\d{{4}}))?", MONTH = &*MONTH))
});

pub(super) static MONTH_RANGE: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r"\b{MONTH}\s*[-–]\s*{MONTH}(?:\s+(\d{{4}}))?", MONTH = &*MONTH)));

pub(super) static IN_MONTH: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:{before})\s+(?:early\s+|late\s+|mid-?)?{MONTH}",
        before = pattern("BEFORE_MONTH"),
        MONTH = &*MONTH
    ))
});

/// "December's figures": a month's own. "May's" is left out, for it is a name as often.
pub(super) static MONTH_POSSESSIVE: LazyLock<Pattern> = LazyLock::new(|| {
    let names = date_words::month_names().iter().filter(|m| **m != "may").map(|m| date_words::capitalised(m));
    re(&format!(r"\b({})['’]s\b", names.collect::<Vec<_>>().join("|")))
});

pub(super) static ON_WEEKDAY: LazyLock<Pattern> =
    // Wire copy puts the day right after the verb: "the ministry said Monday".
    LazyLock::new(|| {
        re(&format!(r"\b(?:{before})\s+{WEEKDAY}\b", before = pattern("BEFORE_WEEKDAY"), WEEKDAY = &*WEEKDAY))
    });

/// "today's world" speaks of the present in general, not of a day: the possessive is
/// caught so it can be refused.
pub(super) static SIMPLE_RELATIVE: LazyLock<Pattern> =
    LazyLock::new(|| re(r"\b([Yy]esterday|[Tt]oday|[Tt]omorrow)\b(['’]s\b)?"));

pub(super) static NAMED_RELATIVE: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r"\b({})\s+(year|month|week)\b", pattern("RELATIVE_STEPS"))));

pub(super) static AGO: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r"\b{NUMBER}\s+(years?|months?|weeks?|days?)\s+ago\b", NUMBER = &*NUMBER)));

/// Day and month, a dash, day, month and year, in figures: "25.09-04.10.2023".
pub(super) static NUMERIC_RANGE: LazyLock<Pattern> =
    LazyLock::new(|| re(r"\b(\d{1,2})\.(\d{1,2})\.?\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b"));

/// Two days of one month in figures: "25-29.09.2023".
pub(super) static NUMERIC_DAY_RANGE: LazyLock<Pattern> =
    LazyLock::new(|| re(r"\b(\d{1,2})\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b"));

/// "the second quarter of 2024", "the first half of 2023": a range of months.
pub(super) static QUARTER: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r"\b{ORDINAL}\s+(quarter|half)\s+of\s+((?:19|20)\d{{2}})\b", ORDINAL = &*ORDINAL)));

/// "the third quarter", "third-quarter", "the fiscal first quarter", "this year's
/// fourth quarter", "the 1988 second quarter", "the year-earlier third quarter",
/// "the fourth quarter of 1989". Fiscal quarters are read as calendar ones.
pub(super) static QUARTER_ORDINAL: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(this|last|next) year['’]s\s+|((?:19|20)\d{{2}})\s+|(year-(?:earlier|ago))\s+)?(?:fiscal[\s-]+)?{ORDINAL}[\s-]+(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?((?:19|20)\d{{2}})\b)?",
        ORDINAL = &*ORDINAL
    ))
});

/// "the quarter", "the latest quarter", "this quarter", "the year-ago period", "the
/// quarter a year earlier": a quarter named by what the text said before.
pub(super) static QUARTER_ANAPHOR: LazyLock<Pattern> = LazyLock::new(|| {
    re(
        r"\b([Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Ll]ast year['’]s)\s+((?:(?:latest|current|most recent|same|comparable|corresponding|year-earlier|year-ago|(?:19|20)\d{2})\s+){0,2})(quarter|period)\b(\s+(?:a year (?:ago|earlier)|(?:of )?last year))?(-\w)?",
    )
});

/// The quarter's words are the first group: the date after "ended" is a date of its own.
pub(super) static QUARTER_ENDING: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"\b((?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat)\s+(?:(?:latest|fiscal)\s+)?quarter)\s+(?:ended|ending|that ended)\s+{MONTH}",
        MONTH = &*MONTH
    ))
});

/// "the current year", "this fiscal year", "the full year": the reference's year.
pub(super) static THIS_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    re(r"\b(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?:current|full|fiscal|current fiscal)\s+year\b(?:\s+((?:19|20)\d{2})\b)?")
});

/// A weekday before a full or month-and-day date ("Saturday, April 25"): the date speaks.
pub(super) static WEEKDAY_DATE: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"\b{WEEKDAY},?\s+{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?",
        WEEKDAY = &*WEEKDAY,
        MONTH = &*MONTH
    ))
});

/// A year in words, as broadcast transcripts write it: "nineteen ninety-six", "the
/// year two thousand" (which needs "the year" or a preposition before it).
pub(super) static SPELLED_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    let (units, teens, tens) =
        (alternation(UNITS.iter().copied()), alternation(TEENS.iter().copied()), alternation(TENS.iter().copied()));
    // "two thousand ten": the first of the teens after the units.
    re(&format!(
        r"(?i)\b((?:{before})\s+)?(?:(nineteen|eighteen)[\s-]+(?:({teens})|({tens})(?:[\s-]+({units}))?)|(two thousand)(?:[\s-]+(?:and\s+)?({units}|{ten}))?)\b",
        before = pattern("BEFORE_SPELLED_YEAR"),
        ten = TEENS[0]
    ))
});

/// A span of several months a figure is given for ("the nine months", "the first
/// half"): "a year earlier" in its sentence compares that span, not a quarter.
pub(super) static MONTHS_SPAN: LazyLock<Pattern> =
    LazyLock::new(|| re(r"(?i)\b(?:nine|six|first)[\s-]+months?\b|\b(?:first|second) half\b|\byear[\s-]to[\s-]date\b"));

pub(super) static YEAR_EARLIER: LazyLock<Pattern> =
    LazyLock::new(|| re(r"\b(?:[Aa]|[Oo]ne)\s+year\s+(?:ago|earlier|before)\b|\b[Yy]ear-(?:earlier|ago)\b"));

pub(super) static WEEK_WEEKDAY: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r"\b([Ll]ast|[Nn]ext|[Tt]his)\s+{WEEKDAY}\b", WEEKDAY = &*WEEKDAY)));

/// A weekday with no word before it that says so ("the court Friday rejected", "left
/// Tuesday"): the word before it is caught to refuse names ("Good Friday"), and a
/// capital after it at a sentence's start ("Monday Morning Brief").
pub(super) static BARE_WEEKDAY: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r"(\p{{Lu}}\p{{Ll}}+\s+)?\b{WEEKDAY}\b(\s+\p{{Lu}})?", WEEKDAY = &*WEEKDAY)));

pub(super) static MONTH_STEP: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?:early|late|mid)[\s-]*)?([Ll]ast|[Nn]ext|[Tt]his)\s+(?:(?:early|late|mid)[\s-]*)?{MONTH}",
        MONTH = &*MONTH
    ))
});

pub(super) static MONTH_OF_YEAR: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r"\b{MONTH},?\s+(?:of\s+)?(last|next|this)\s+year\b", MONTH = &*MONTH)));

/// A season with a word that makes it a time ("last summer", "in the fall", "winter
/// of 1998"); "the fall of the wall" is caught to be refused.
pub(super) static SEASON: LazyLock<Pattern> = LazyLock::new(|| {
    let seasons = alternation(SEASONS.iter().map(|&(w, _)| w));
    let (steps, before) = (pattern("SEASON_STEPS"), pattern("BEFORE_SEASON"));
    re(&format!(
        r"\b(?:({steps})\s+|(?:{before})\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?)?((?i:{seasons}))\b(?:,?\s+(?:of\s+)?((?:19|20)\d{{2}})\b|(\s+of\s+(?:the|a|an|his|her|its|their)\b))?",
    ))
});

pub(super) static PART_OF_YEAR: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r"\b({})[\s-]+((?:19|20)\d{{2}})\b", pattern("PARTS_OF_YEAR"))));

/// The words before a year that say it is what something covers ("a plan for 2024",
/// "the budget for the year 2025", either year of "a plan for 2023-2024").
pub(super) static FOR_YEAR: LazyLock<Pattern> =
    LazyLock::new(|| re(r"\bfor\s+(?:the\s+(?:years?\s+)?)?(?:\d{4}\s*[-–/]\s*)?$"));

/// Words that put a sentence in the future (`[FUTURE]`).
pub(super) static FUTURE: LazyLock<Pattern> = LazyLock::new(|| re(&format!(r"(?i)\b({})\b", pattern("FUTURE"))));

/// The value of a number before a unit of time: figures, a word of `[NUMBERS]`, or "a"/"an".
pub(crate) fn number(word: &str) -> Option<i64> {
    word.parse().ok().or_else(|| NUMBERS.iter().find(|(w, _)| *w == word).map(|&(_, n)| n)).or_else(|| {
        // The article, which the pattern reads as `an?`.
        (word == "a" || word == "an").then_some(1)
    })
}

/// The season a [`SEASON`] match names (0 spring … 3 winter).
pub(super) fn season(word: &str) -> u8 {
    value_of(&SEASONS, word).and_then(|n| u8::try_from(n).ok()).unwrap_or(3)
}

/// The quarter or half an ordinal of [`QUARTER`] or [`QUARTER_ORDINAL`] names (1 to 4).
pub(super) fn ordinal(word: &str) -> u8 {
    value_of(&QUARTER_ORDINALS, word).and_then(|n| u8::try_from(n).ok()).unwrap_or(4)
}

/// The year a [`SPELLED_YEAR`] match says; "two thousand" needs a word before it.
pub(super) fn spelled_year(c: &regex::Captures<'_>) -> Option<i16> {
    let find =
        |list: &[&str], i: usize| c.get(i).and_then(|m| list.iter().position(|w| m.as_str().eq_ignore_ascii_case(w)));
    // A unit's value is its place in `[UNITS]` plus one.
    let unit = |i: usize| find(&UNITS, i).map_or(0, |p| p + 1);
    if c.get(6).is_some() {
        c.get(1)?;
        return Some(
            2000 + i16::try_from(
                unit(7) + if c.get(7).is_some_and(|m| m.as_str().eq_ignore_ascii_case("ten")) { 10 } else { 0 },
            )
            .ok()?,
        );
    }
    let century: i16 = if c[2].eq_ignore_ascii_case("nineteen") { 1900 } else { 1800 };
    let rest = match find(&TEENS, 3) {
        Some(t) => 10 + t,
        None => 20 + 10 * find(&TENS, 4)? + unit(5),
    };
    Some(century + i16::try_from(rest).ok()?)
}

pub(super) fn weekday(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

pub(super) fn year(c: &regex::Captures<'_>, i: usize) -> Option<i16> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

pub(super) fn month(c: &regex::Captures<'_>, i: usize) -> Option<u8> {
    c[i].parse().ok().filter(|m| (1..=12).contains(m))
}

pub(super) fn day(c: &regex::Captures<'_>, i: usize) -> Option<u8> {
    c[i].parse().ok().filter(|d| (1..=31).contains(d))
}
