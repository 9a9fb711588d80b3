//! Dates of statements for the timeline: every form a sentence uses ("October 5,
//! 2021", "05-08 October 2021", "between Sept. 5 and 9", "May-June", "on Tuesday",
//! "yesterday", "100 years ago", "late 2020" …), resolved against a reference day
//! (the article's publication, or the first article of a recycled passage) and the
//! sentence's tense. A resolved date never claims more precision than its words.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use model::{Basis, Date, DateSpan, Precision};
use regex::Regex;

use crate::date_words;
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
    /// "the third quarter" (`n` 1–4), of a stated year or of the reference's year
    /// moved by `years` ("last year's fourth quarter", "the year-earlier quarter").
    /// `of_year`: the years count from the reference's own year ("last year's"), not
    /// from the quarter the tense places ("the year-earlier third quarter").
    Quarter { n: u8, year: Option<i16>, years: i8, of_year: bool },
    /// "the quarter", "the latest period", "the year-ago quarter": the quarter the
    /// text last named, moved by `years`; `current` when it is the reference's own.
    /// "the latest quarter" (`latest`) is the last ended, whatever the text named;
    /// "the 1988 quarter" (`year`) the named quarter's number in that year.
    SameQuarter { years: i8, current: bool, latest: bool, period: bool, year: Option<i16> },
    /// "the quarter ended Sept. 30": the calendar quarter of that month.
    QuarterEnding { month: u8 },
    /// "a year ago", "a year earlier", "year-earlier": the quarter the text speaks of a
    /// year before, or else the reference's year minus one.
    YearEarlier,
    /// "last Wednesday" (`weeks` -1), "next Friday" (1), "this Monday" (0): a weekday
    /// of the week (Monday to Sunday) so many weeks from the reference's.
    WeekdayOfWeek { weekday: Weekday, weeks: i8 },
    /// "last April" (`step` -1: the latest before the reference's month), "next May"
    /// (1: the first after), "this June" (0: the reference's year).
    MonthStep { month: u8, step: i8 },
    /// "July last year": a month of the reference's year moved by `years`.
    MonthOfYear { month: u8, years: i8 },
    /// A season (0 spring, 1 summer, 2 autumn, 3 winter) of a stated year (winter:
    /// the one that ends in it), or placed from the reference by `step` (-1 last,
    /// 1 next, 0 this) or, without one, by the tense.
    Season { season: u8, year: Option<i16>, step: Option<i8> },
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
    /// No verb says ("The rights expire Nov. 21", "payable Jan. 2"): a date without a
    /// year is then the one nearest the reference; other forms read it as past.
    Unmarked,
}

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?";
const WEEKDAY: &str = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUMBER: &str = r"(\d+|a hundred|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a hundred)";

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
    LazyLock::new(|| re(&format!(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|of|for|through)\s+(?:early\s+|late\s+|mid-?)?{MONTH}")));
/// "December's figures": a month's own. "May's" is left out, for it is a name as often.
static MONTH_POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(January|February|March|April|June|July|August|September|October|November|December)['’]s\b")
});
static ON_WEEKDAY: LazyLock<Regex> =
    // Wire copy puts the day right after the verb: "the ministry said Monday".
    LazyLock::new(|| re(&format!(r"\b(?:[Oo]n|since|until|by|from|said|says|announced|reported|added|confirmed|stated)\s+{WEEKDAY}\b")));
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
/// "the third quarter", "third-quarter", "the fiscal first quarter", "this year's
/// fourth quarter", "the 1988 second quarter", "the year-earlier third quarter",
/// "the fourth quarter of 1989". Fiscal quarters are read as calendar ones.
static QUARTER_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:(this|last|next) year['’]s\s+|((?:19|20)\d{2})\s+|(year-(?:earlier|ago))\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?:fiscal\s+)?((?:19|20)\d{2})\b)?")
});
/// "the quarter", "the latest quarter", "this quarter", "the year-ago period", "the
/// quarter a year earlier": a quarter named by what the text said before.
static QUARTER_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b([Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Ll]ast year['’]s)\s+((?:(?:latest|current|most recent|same|comparable|corresponding|year-earlier|year-ago|(?:19|20)\d{2})\s+){0,2})(quarter|period)\b(\s+(?:a year (?:ago|earlier)|(?:of )?last year))?(-\w)?")
});
/// The quarter's words are the first group: the date after "ended" is a date of its own.
static QUARTER_ENDING: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"\b((?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat)\s+(?:(?:latest|fiscal)\s+)?quarter)\s+(?:ended|ending|that ended)\s+{MONTH}"))
});
/// "the current year", "this fiscal year", "the full year": the reference's year.
static THIS_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?:current|full|fiscal|current fiscal)\s+year\b(?:\s+((?:19|20)\d{2})\b)?"));
/// A weekday before a full or month-and-day date ("Saturday, April 25"): the date speaks.
static WEEKDAY_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b{WEEKDAY},?\s+{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")));
/// A year in words, as broadcast transcripts write it: "nineteen ninety-six", "the
/// year two thousand" (which needs "the year" or a preposition before it).
static SPELLED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b((?:the year|in|since|by|until|before|after|of)\s+)?(?:(nineteen|eighteen)[\s-]+(?:(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?)|(two thousand)(?:[\s-]+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten))?)\b")
});
/// A span of several months a figure is given for ("the nine months", "the first
/// half"): "a year earlier" in its sentence compares that span, not a quarter.
static MONTHS_SPAN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:nine|six|first)[\s-]+months?\b|\b(?:first|second) half\b|\byear[\s-]to[\s-]date\b"));
static YEAR_EARLIER: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:[Aa]|[Oo]ne)\s+year\s+(?:ago|earlier|before)\b|\b[Yy]ear-(?:earlier|ago)\b"));
static WEEK_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b([Ll]ast|[Nn]ext|[Tt]his)\s+{WEEKDAY}\b")));
/// A weekday with no word before it that says so ("the court Friday rejected", "left
/// Tuesday"): the word before it is caught to refuse names ("Good Friday"), and a
/// capital after it at a sentence's start ("Monday Morning Brief").
static BARE_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(\p{{Lu}}\p{{Ll}}+\s+)?\b{WEEKDAY}\b(\s+\p{{Lu}})?")));
static MONTH_STEP: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:(?:early|late|mid)[\s-]*)?([Ll]ast|[Nn]ext|[Tt]his)\s+(?:(?:early|late|mid)[\s-]*)?{MONTH}")));
static MONTH_OF_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b{MONTH},?\s+(?:of\s+)?(last|next|this)\s+year\b")));
/// A season with a word that makes it a time ("last summer", "in the fall", "winter
/// of 1998"); "the fall of the wall" is caught to be refused.
static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+|(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]hrough|[Tt]hroughout|[Oo]ver|[Ee]arly|[Ll]ate)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?)?((?i:spring|summer|autumn|fall|winter))\b(?:,?\s+(?:of\s+)?((?:19|20)\d{2})\b|(\s+of\s+(?:the|a|an|his|her|its|their)\b))?")
});
static PART_OF_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(early|mid|late|end of|beginning of|start of)[\s-]+((?:19|20)\d{2})\b"));
/// The words before a year that say it is what something covers ("a plan for 2024",
/// "the budget for the year 2025", either year of "a plan for 2023-2024").
static FOR_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\bfor\s+(?:the\s+(?:years?\s+)?)?(?:\d{4}\s*[-–/]\s*)?$"));
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(will|would|shall|to be held|is to|are to|is due|are due|expected (?:to|in|by|on|at|later|next)|to be|set to|plans? to|planned|scheduled|upcoming|intends? to)\b")
});

pub(crate) fn number(word: &str) -> Option<i64> {
    let words = [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("fifteen", 15), ("twenty", 20), ("thirty", 30),
        ("forty", 40), ("fifty", 50), ("hundred", 100), ("a hundred", 100), ("a", 1), ("an", 1),
    ];
    word.parse().ok().or_else(|| words.iter().find(|(w, _)| *w == word).map(|&(_, n)| n))
}

/// The year a [`SPELLED_YEAR`] match says; "two thousand" needs a word before it.
fn spelled_year(c: &regex::Captures<'_>) -> Option<i16> {
    const UNITS: [&str; 10] = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    const TEENS: [&str; 10] = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let find = |list: &[&str], i: usize| c.get(i).and_then(|m| list.iter().position(|w| m.as_str().eq_ignore_ascii_case(w)));
    if c.get(6).is_some() {
        c.get(1)?;
        return Some(2000 + i16::try_from(find(&UNITS, 7).unwrap_or(0) + if c.get(7).is_some_and(|m| m.as_str().eq_ignore_ascii_case("ten")) { 10 } else { 0 }).ok()?);
    }
    let century: i16 = if c[2].eq_ignore_ascii_case("nineteen") { 1900 } else { 1800 };
    let rest = match find(&TEENS, 3) {
        Some(t) => 10 + t,
        None => 20 + 10 * find(&TENS, 4)? + find(&UNITS, 5).unwrap_or(0),
    };
    Some(century + i16::try_from(rest).ok()?)
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

/// Words, for finding the verbs that mark a clause's tense.
static WORD: LazyLock<Regex> = LazyLock::new(|| re(r"[\p{L}'’-]+"));

/// The tense marks in `text`, in order: (offset, tense, is "had"). A future phrase
/// ("will", "expected to"), an irregular past or a regular -ed form that is not a
/// passive or participle ("was named", "will be named", "to be completed"), or a
/// present "is"/"has" (unmarked).
fn tense_marks(text: &str) -> Vec<(usize, Tense, bool)> {
    let future: Vec<(usize, usize)> = FUTURE.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let mut out: Vec<(usize, Tense, bool)> = future.iter().map(|&(s, _)| (s, Tense::Future, false)).collect();
    let mut previous = String::new();
    for m in WORD.find_iter(text) {
        let word = m.as_str().to_lowercase();
        // A word both kinds know ("scheduled", "planned") is the future's.
        let inside_future = future.iter().any(|&(s, e)| s < m.end() && m.start() < e);
        // A past form after "be", "is", "to" … is a passive or participle ("will be held").
        let passive = date_words::is_passive_aux(&previous) && word != "had" && word != "was" && word != "were";
        if !inside_future && !passive {
            if date_words::is_past_verb(&word) {
                out.push((m.start(), Tense::Past, word == "had"));
            } else if date_words::is_present_verb(&word) {
                out.push((m.start(), Tense::Unmarked, false));
            } else if word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed") && !word.starts_with("un") {
                out.push((m.start(), Tense::Past, false));
            }
        }
        previous = word;
    }
    out.sort_by_key(|m| m.0);
    out
}

/// Where a clause ends, for the verb that governs a date: punctuation, quotes and
/// the words that open a reported or relative clause.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| re(r#"[,;:()"“”]|\b(?:that|which|who|saying|because|while|although)\b"#));

/// The tense of the clause a date sits in: the verb nearest before the date in its
/// clause ("X said the plant will open on Friday": future; "Bush told reporters on
/// Tuesday that it might be extended": past), else the first after it ("On Feb. 28,
/// the bank released a note saying …": past), else unmarked. "by <date>" is a
/// deadline, ahead, unless the clause is past perfect ("By March it had sold …").
pub fn tense_at(sentence: &str, start: usize, end: usize) -> Tense {
    let before = &sentence[..start];
    let clause_start = CLAUSE_BREAK.find_iter(before).last().map_or(0, |m| m.end());
    // The date's own words count ("said Thursday" is read as one expression).
    // With no verb in it, the clause runs on back over commas ("to be held in Izmir,
    // Turkey in May-June"), to the last stronger break.
    // Only a place's second name opens such a clause; "…, payable Dec. 15" does not.
    let continues_a_name = sentence[clause_start..start].trim_start().chars().next().is_some_and(char::is_uppercase);
    let nearest_before = tense_marks(&sentence[clause_start..end]).last().copied().or_else(|| {
        let wider = CLAUSE_BREAK.find_iter(before).filter(|m| m.as_str() != ",").last().map_or(0, |m| m.end());
        continues_a_name.then(|| tense_marks(&sentence[wider..end]).last().copied()).flatten()
    });
    // After the date: its clause, or the next one when the date opens the sentence
    // with nothing else in its clause ("On Feb. 28, the bank released …").
    let after = &sentence[end..];
    let mut cut = after.len();
    for m in CLAUSE_BREAK.find_iter(after) {
        if after[..m.start()].split_whitespace().count() >= 2 {
            cut = m.start();
            break;
        }
    }
    // "had filed reports by Wednesday": a past perfect anywhere before in the clause.
    let perfect = tense_marks(&sentence[clause_start..end]).iter().any(|m| m.2);
    let mark = if perfect { Some((0, Tense::Past, true)) } else { nearest_before.or_else(|| tense_marks(&after[..cut]).first().copied()) };
    let by = |w: &str| w.eq_ignore_ascii_case("by");
    let deadline = before.trim_end().rsplit(char::is_whitespace).next().is_some_and(by)
        || sentence[start..end].split_whitespace().next().is_some_and(by);
    match mark {
        Some((_, _, true)) => Tense::Past,
        _ if deadline => Tense::Future,
        Some((_, t, _)) => t,
        // A clause with no verb in a sentence about what will be ("flights will leave
        // from March 30, with the third departing from August 6") is the future's.
        None if FUTURE.is_match(sentence) => Tense::Future,
        None => Tense::Unmarked,
    }
}

/// Weekdays listed before a plural part of the day ("Monday and Tuesday nights").
static RECURRING_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"^(?:\s*(?:,|and|or)\s*{WEEKDAY})*\s+(?:nights|mornings|afternoons|evenings)\b"))
});

/// Whether a weekday hit names a day that recurs rather than one day.
fn recurs(sentence: &str, hit: &Hit) -> bool {
    let before = sentence[..hit.start].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    ["every", "each"].iter().any(|w| before.eq_ignore_ascii_case(w)) || RECURRING_AFTER.is_match(&sentence[hit.end..])
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
    for c in QUARTER_ENDING.captures_iter(sentence) {
        let words = c.get(1).expect("quarter group");
        add(words.start(), words.end(), month_number(&c[2]).map(|month| Expr::QuarterEnding { month }), &mut hits);
    }
    for c in SPELLED_YEAR.captures_iter(sentence) {
        let Some(y) = spelled_year(&c) else { continue };
        let whole = c.get(0).expect("whole match");
        let words = c.get(2).or(c.get(6)).expect("a year's first word");
        // "January nineteen ninety-seven" is a month of that year.
        let head = sentence[..words.start()].trim_end().trim_end_matches(',');
        let month_word = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let expr = match month_number(month_word).filter(|_| dates::is_month_word(month_word)) {
            Some(month) => (head.len() - month_word.len(), Expr::Stated(DateValue::MonthYear { month, year: y })),
            None => (if c.get(1).is_some() { whole.start() } else { words.start() }, Expr::Stated(DateValue::Year(y))),
        };
        add(expr.0, whole.end(), Some(expr.1), &mut hits);
    }
    let patterns: [(&Regex, Reader); 23] = [
        (&WEEKDAY_DATE, |c| {
            let (month, day) = (month_number(&c[2])?, day(c, 3)?);
            match year(c, 4) {
                Some(y) => Date::new(y, month, day).map(|d| Expr::Stated(DateValue::Full(d))),
                None => Date::new(2000, month, day).map(|_| Expr::Stated(DateValue::MonthDay { month, day })),
            }
        }),
        (&THIS_YEAR, |c| Some(match year(c, 1) {
            Some(y) => Expr::Stated(DateValue::Year(y)),
            None => Expr::YearsFromReference(0),
        })),
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
        (&QUARTER_ORDINAL, |c| {
            let n = match c[4].to_ascii_lowercase().as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                _ => 4,
            };
            let years = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
                Some("last") => -1,
                Some("next") => 1,
                _ if c.get(3).is_some() => -1,
                _ => 0,
            };
            Some(Expr::Quarter { n, year: year(c, 5).or(year(c, 2)), years, of_year: c.get(1).is_some() })
        }),
        (&QUARTER_ANAPHOR, |c| {
            let words = format!("{} {} {}", c[1].to_lowercase(), &c[2], c.get(4).map_or("", |m| m.as_str()));
            let back = ["year-earlier", "year-ago", "comparable", "corresponding", "year ago", "year earlier", "last year"]
                .iter()
                .any(|w| words.contains(w));
            let current = words.contains("current");
            let latest = words.contains("latest") || words.contains("most recent");
            let year = c[2].split_whitespace().find_map(|w| w.parse::<i16>().ok());
            // "its quarter-century low", "the quarter-to-quarter comparison": no quarter.
            if c.get(5).is_some() {
                return None;
            }
            let period = &c[3] == "period";
            // "the period" alone may be any time: only a qualified one is a quarter.
            (!period || !c[2].trim().is_empty()).then_some(Expr::SameQuarter { years: if back { -1 } else { 0 }, current, latest, period, year })
        }),
        (&YEAR_EARLIER, |_| Some(Expr::YearEarlier)),
        (&WEEK_WEEKDAY, |c| {
            let weeks = match c[1].to_ascii_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            Some(Expr::WeekdayOfWeek { weekday: weekday(&c[2])?, weeks })
        }),
        (&MONTH_OF_YEAR, |c| {
            let years = match &c[2] {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            Some(Expr::MonthOfYear { month: month_number(&c[1])?, years })
        }),
        (&MONTH_STEP, |c| {
            let step = match c[1].to_ascii_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            Some(Expr::MonthStep { month: month_number(&c[2])?, step })
        }),
        (&SEASON, |c| {
            if c.get(4).is_some() {
                return None;
            }
            let season = match c[2].to_ascii_lowercase().as_str() {
                "spring" => 0,
                "summer" => 1,
                "autumn" | "fall" => 2,
                _ => 3,
            };
            let step = c.get(1).map(|m| match m.as_str().to_ascii_lowercase().as_str() {
                "last" | "past" => -1,
                "next" | "coming" => 1,
                _ => 0,
            });
            let stated = year(c, 3);
            // A bare season word with nothing that makes it a time is no date ("fall" the verb).
            let whole = c.get(0).expect("whole match").as_str();
            if stated.is_none() && step.is_none() && whole.len() == c[2].len() {
                return None;
            }
            Some(Expr::Season { season, year: stated, step: if stated.is_some() { None } else { step } })
        }),
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
    for c in BARE_WEEKDAY.captures_iter(sentence) {
        let day = c.get(2).expect("weekday group");
        if c.get(1).is_some_and(|w| date_words::names_a_day(w.as_str().trim())) {
            continue;
        }
        if sentence[..day.start()].trim().is_empty() && c.get(3).is_some() {
            continue;
        }
        add(day.start(), day.end(), weekday(day.as_str()).map(Expr::Weekday), &mut hits);
    }
    for f in dates::find_dates(sentence) {
        add(f.start, f.end, Some(Expr::Stated(f.value)), &mut hits);
    }
    // Last, a month without day or year ("in May"), where no fuller form took its words.
    for regex in [&*IN_MONTH, &*MONTH_POSSESSIVE] {
        for c in regex.captures_iter(sentence) {
            let m = c.get(0).expect("whole match");
            add(m.start(), m.end(), month_number(&c[1]).map(Expr::Month), &mut hits);
        }
    }
    // "the winter of nineteen ninety-four": the season of that year.
    hits.sort_by_key(|h| h.start);
    for i in 1..hits.len() {
        if let (Expr::Season { season, year: None, .. }, Expr::Stated(DateValue::Year(y))) = (hits[i - 1].expr, hits[i].expr)
            && sentence[hits[i - 1].end..hits[i].start].trim().is_empty()
            && sentence[hits[i].start..].to_ascii_lowercase().starts_with("of ")
        {
            hits[i - 1] = Hit { start: hits[i - 1].start, end: hits[i].end, expr: Expr::Season { season, year: Some(y), step: None } };
            hits[i].expr = Expr::YearsFromReference(i32::MIN);
        }
    }
    hits.retain(|h| h.expr != Expr::YearsFromReference(i32::MIN));
    // "flights leave on Monday and Tuesday nights", "every Friday": days that recur.
    hits.retain(|h| !(matches!(h.expr, Expr::Weekday(_) | Expr::WeekdayOfWeek { .. }) && recurs(sentence, h)));
    if MONTHS_SPAN.is_match(sentence) {
        for h in &mut hits {
            if h.expr == Expr::YearEarlier {
                h.expr = Expr::YearsFromReference(-1);
            }
        }
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
    // Past events are placed up to the end of a wide reference, future ones from its
    // start, and the nearest around its middle.
    let anchor = match tense {
        Tense::Future => start,
        Tense::Past => end,
        Tense::Unmarked => start + (end - start) / 2,
    };
    let y = anchor.year();
    let candidate = NaiveDate::from_ymd_opt(y, month, day.clamp(1, 28))
        .and_then(|d| NaiveDate::from_ymd_opt(y, month, day).or(Some(d)))?;
    Some(match tense {
        // A stated day a few days after the reference is that year's: a wire's time
        // stamp may lag the story it carries ("said in Saturday's editorial").
        Tense::Past if candidate > anchor + Duration::days(7) => y - 1,
        Tense::Future if candidate < anchor => y + 1,
        Tense::Unmarked => {
            // News tells more of what was than of what will be: up to four months
            // ahead of the reference, or eight back.
            let days = (candidate - anchor).num_days();
            if days > 120 {
                y - 1
            } else if days < -245 {
                y + 1
            } else {
                y
            }
        }
        _ => y,
    })
}

/// Resolves an expression against a reference span (a publication date).
/// `None` when the words cannot be placed (a weekday against a year-wide reference).
pub fn resolve(expr: Expr, reference: Option<&DateSpan>, tense: Tense, evidence: &str) -> Option<DateSpan> {
    resolve_with(expr, reference, tense, evidence, None)
}

/// The first day of quarter `n` (1–4) of `year`, and its last.
fn quarter_span(year: i32, n: u8) -> Option<(NaiveDate, NaiveDate)> {
    let first = u32::from(n) * 3 - 2;
    Some((NaiveDate::from_ymd_opt(year, first, 1)?, month_end(year, first + 2)?))
}

/// The quarter (1–4) a day falls in.
fn quarter_of(d: NaiveDate) -> u8 {
    u8::try_from(d.month0() / 3 + 1).unwrap_or(1)
}

/// A span moved by whole years, keeping its precision (a quarter a year earlier).
fn years_before(span_in: &DateSpan, years: i32, evidence: &str) -> Option<DateSpan> {
    let shift = |d: Date| -> Option<NaiveDate> {
        let d = from_date(d)?;
        let y = d.year().checked_add(years)?;
        NaiveDate::from_ymd_opt(y, d.month(), d.day()).or_else(|| NaiveDate::from_ymd_opt(y, d.month(), d.day() - 1))
    };
    span(shift(span_in.start)?, shift(span_in.end)?, span_in.precision, Basis::Inferred, evidence)
}

/// The start and end of `season` (0 spring … 3 winter) in the year it starts.
fn season_span(start_year: i32, season: u8) -> Option<(NaiveDate, NaiveDate)> {
    let first = u32::from(season) * 3 + 3;
    let start = NaiveDate::from_ymd_opt(start_year, first, 1)?;
    let (end_year, last) = if first + 2 > 12 { (start_year + 1, first + 2 - 12) } else { (start_year, first + 2) };
    Some((start, month_end(end_year, last)?))
}

/// [`resolve`], with the quarter the text last named (`quarter`), for "the quarter"
/// and "a year earlier".
pub fn resolve_with(expr: Expr, reference: Option<&DateSpan>, tense: Tense, evidence: &str, quarter: Option<&DateSpan>) -> Option<DateSpan> {
    use Basis::{Inferred, Stated};
    match expr {
        Expr::Quarter { n, year: Some(y), .. } => {
            let (start, end) = quarter_span(i32::from(y), n)?;
            span(start, end, Precision::Quarter, Stated, evidence)
        }
        Expr::Quarter { n, year: None, years, of_year } => {
            let r = reference?;
            let anchor = from_date(if tense == Tense::Future { r.start } else { r.end })?;
            let y = anchor.year();
            let (start, _) = quarter_span(y, n)?;
            // A quarter not begun is last year's in a report of the past. A plan's
            // mention of one ("plans to cut jobs after a third-quarter loss") is mostly
            // of a quarter reported, so the future moves none ahead.
            let y = match tense {
                _ if of_year => y,
                Tense::Past | Tense::Unmarked if start > anchor => y - 1,
                _ => y,
            };
            let (start, end) = quarter_span(y + i32::from(years), n)?;
            span(start, end, Precision::Quarter, Inferred, evidence)
        }
        Expr::SameQuarter { years, current, latest, period, year } => {
            let named = quarter.filter(|q| q.precision == Precision::Quarter && !current && !latest);
            if let Some(y) = year {
                let n = quarter_of(from_date(named?.start)?);
                let (start, end) = quarter_span(i32::from(y), n)?;
                return span(start, end, Precision::Quarter, Inferred, evidence);
            }
            let base = match named {
                Some(q) => q.clone(),
                None if period && !latest => return None,
                None => {
                    let anchor = from_date(reference.filter(|r| r.precision == Precision::Day)?.start)?;
                    // Without a quarter named before, "the quarter" of a report is the last one ended.
                    let (y, n) = match (current, quarter_of(anchor)) {
                        (true, n) => (anchor.year(), n),
                        (false, 1) => (anchor.year() - 1, 4),
                        (false, n) => (anchor.year(), n - 1),
                    };
                    let (start, end) = quarter_span(y, n)?;
                    span(start, end, Precision::Quarter, Inferred, evidence)?
                }
            };
            if years == 0 { Some(DateSpan { basis: Inferred, evidence: evidence.to_owned().into(), ..base }) } else { years_before(&base, i32::from(years), evidence) }
        }
        Expr::QuarterEnding { month } => {
            let y = year_for(u32::from(month), 1, reference?, if tense == Tense::Future { tense } else { Tense::Past })?;
            if month % 3 == 0 {
                let (start, end) = quarter_span(y, month / 3)?;
                span(start, end, Precision::Quarter, Inferred, evidence)
            } else {
                // A fiscal quarter ended in July is May to July, no calendar quarter: its
                // three months as a range.
                let end = month_end(y, u32::from(month))?;
                let first = NaiveDate::from_ymd_opt(y, u32::from(month), 1)? - chrono::Months::new(2);
                span(first, end, Precision::Range, Inferred, evidence)
            }
        }
        Expr::YearEarlier => match quarter.filter(|q| q.precision == Precision::Quarter) {
            Some(q) => years_before(q, -1, evidence),
            None => resolve_with(Expr::YearsFromReference(-1), reference, tense, evidence, None),
        },
        Expr::WeekdayOfWeek { weekday, weeks } => {
            let anchor = from_date(reference.filter(|r| r.precision == Precision::Day)?.start)?;
            let monday = anchor - Duration::days(i64::from(anchor.weekday().num_days_from_monday()));
            let d = monday + Duration::weeks(i64::from(weeks)) + Duration::days(i64::from(weekday.num_days_from_monday()));
            span(d, d, Precision::Day, Inferred, evidence)
        }
        Expr::MonthStep { month, step } => {
            let anchor = from_date(reference?.start)?;
            let here = anchor.month();
            let m = u32::from(month);
            let y = match step {
                -1 if m >= here => anchor.year() - 1,
                1 if m <= here => anchor.year() + 1,
                _ => anchor.year(),
            };
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            span(start, month_end(y, m)?, Precision::Month, Inferred, evidence)
        }
        Expr::MonthOfYear { month, years } => {
            let y = from_date(reference?.start)?.year().checked_add(i32::from(years))?;
            let start = NaiveDate::from_ymd_opt(y, u32::from(month), 1)?;
            span(start, month_end(y, u32::from(month))?, Precision::Month, Inferred, evidence)
        }
        Expr::Season { season, year: Some(y), .. } => {
            // Winter is named by the year it ends in.
            let start_year = if season == 3 { i32::from(y) - 1 } else { i32::from(y) };
            let (start, end) = season_span(start_year, season)?;
            span(start, end, Precision::Season, Stated, evidence)
        }
        Expr::Season { season, year: None, step } => {
            let anchor = from_date(reference?.start)?;
            let candidates: Vec<(NaiveDate, NaiveDate)> =
                (anchor.year() - 2..=anchor.year() + 1).filter_map(|y| season_span(y, season)).collect();
            let pick = match step {
                Some(-1) => candidates.iter().rev().find(|(_, e)| *e < anchor),
                Some(1) => candidates.iter().find(|(s, _)| *s > anchor),
                Some(_) => candidates
                    .iter()
                    .find(|(s, e)| *s <= anchor && anchor <= *e)
                    .or_else(|| candidates.iter().find(|(s, _)| s.year() == anchor.year())),
                None if tense == Tense::Past => candidates.iter().rev().find(|(s, _)| *s <= anchor),
                None if tense == Tense::Unmarked => candidates.iter().min_by_key(|(s, e)| {
                    if anchor < *s {
                        (*s - anchor).num_days()
                    } else if anchor > *e {
                        (anchor - *e).num_days()
                    } else {
                        0
                    }
                }),
                None => candidates.iter().find(|(_, e)| *e >= anchor),
            };
            let &(start, end) = pick?;
            span(start, end, Precision::Season, Inferred, evidence)
        }
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
            // A month named with no verb to place it ("rising to a high in June from
            // $29 in March") is mostly one gone by in news; only a day is placed nearest.
            let tense = if tense == Tense::Unmarked { Tense::Past } else { tense };
            let y = year_for(u32::from(month), 1, reference?, tense)?;
            let start = NaiveDate::from_ymd_opt(y, u32::from(month), 1)?;
            span(start, month_end(y, u32::from(month))?, Precision::Month, Inferred, evidence)
        }
        Expr::Weekday(wd) => {
            let r = reference.filter(|r| r.precision == Precision::Day)?;
            let anchor = from_date(r.start)?;
            let offset = i64::from(wd.num_days_from_monday()) - i64::from(anchor.weekday().num_days_from_monday());
            let days = match tense {
                Tense::Past | Tense::Unmarked => (offset - 7) % 7,
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
            resolve(h.expr, Some(&reference(published)), tense_at(sentence, h.start, h.end), &sentence[h.start..h.end])
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
        // Quarters are quarters; halves of a year are ranges of months.
        check("Deliveries start in the second quarter of 2024.", "2023-09-27", Some(("2024-04-01", "2024-06-30", Quarter, Stated)));
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
    fn years_in_words_weekday_dates_and_the_current_year() {
        check("The plant was sold in nineteen ninety-six.", "1998-01-15", Some(("1996-01-01", "1996-12-31", Year, Stated)));
        check("Oil fell that low in the winter of nineteen ninety-four.", "1998-01-15", Some(("1993-12-01", "1994-02-28", Season, Stated)));
        check("The tower opened in January nineteen eighty-seven.", "1998-01-15", Some(("1987-01-01", "1987-01-31", Month, Stated)));
        check("The plan aims at full employment by the year two thousand.", "1998-01-15", Some(("2000-01-01", "2000-12-31", Year, Stated)));
        check("They sent two thousand troops.", "1998-01-15", None);
        check("The paper said in an editorial on Saturday, April 25, that the ruling stands.", "1998-04-24", Some(("1998-04-25", "1998-04-25", Day, Inferred)));
        check("Earnings for the current year will fall.", "1991-11-02", Some(("1991-01-01", "1991-12-31", Year, Inferred)));
        check("Sales rose 4% this fiscal year.", "1991-11-02", Some(("1991-01-01", "1991-12-31", Year, Inferred)));
        // The day a quarter ended is a date of its own.
        let hits = find("The loss for the quarter ended Sept. 30 narrowed.");
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(hits[1].expr, Expr::Stated(DateValue::MonthDay { month: 9, day: 30 }));
    }

    #[test]
    fn quarters_named_by_ordinal_take_the_year_the_tense_gives() {
        check("The chain reported a third-quarter loss of $4 million.", "1991-11-02", Some(("1991-07-01", "1991-09-30", Quarter, Inferred)));
        check("Net income rose 8% in the fourth quarter.", "1991-02-10", Some(("1990-10-01", "1990-12-31", Quarter, Inferred)));
        check("Sales in the fiscal first quarter rose 3%.", "1991-06-01", Some(("1991-01-01", "1991-03-31", Quarter, Inferred)));
        check("Output will rise in the fourth quarter.", "1991-11-02", Some(("1991-10-01", "1991-12-31", Quarter, Inferred)));
        check("The bank plans to cut jobs after a third-quarter loss.", "1991-11-02", Some(("1991-07-01", "1991-09-30", Quarter, Inferred)));
        check("Profit fell in last year's fourth quarter.", "1991-06-01", Some(("1990-10-01", "1990-12-31", Quarter, Inferred)));
        check("Profit fell in the 1989 second quarter.", "1991-06-01", Some(("1989-04-01", "1989-06-30", Quarter, Stated)));
    }

    #[test]
    fn the_quarter_and_a_year_earlier_refer_to_the_quarter_named() {
        let third = resolve(find("in the third quarter")[0].expr, Some(&reference("1991-11-02")), Tense::Past, "x").unwrap();
        let with = |sentence: &str, published: &str| {
            let h = find(sentence)[0];
            let span = resolve_with(h.expr, Some(&reference(published)), tense_at(sentence, h.start, h.end), "x", Some(&third)).unwrap();
            (span.start.iso(), span.end.iso(), span.precision)
        };
        assert_eq!(with("Revenue rose from $3 million a year earlier.", "1991-11-02"), ("1990-07-01".into(), "1990-09-30".into(), Quarter));
        assert_eq!(with("Profit rose from year-earlier levels.", "1991-11-02"), ("1990-07-01".into(), "1990-09-30".into(), Quarter));
        assert_eq!(with("Margins in the quarter were thin.", "1991-11-02"), ("1991-07-01".into(), "1991-09-30".into(), Quarter));
        assert_eq!(with("Costs were lower in the year-ago period.", "1991-11-02"), ("1990-07-01".into(), "1990-09-30".into(), Quarter));
        // "the latest quarter" is the last ended, whatever quarter was named before.
        assert_eq!(with("Profit fell in the latest quarter.", "1992-02-10"), ("1991-10-01".into(), "1991-12-31".into(), Quarter));
        // A quarter said to end in a month is that month's calendar quarter.
        assert_eq!(with("Sales rose in the quarter ended Sept. 30.", "1991-11-02"), ("1991-07-01".into(), "1991-09-30".into(), Quarter));
        // A fiscal quarter that no calendar quarter is: its three months.
        assert_eq!(with("Sales rose in the quarter ended July 31.", "1991-11-02"), ("1991-05-01".into(), "1991-07-31".into(), Range));
        // With no quarter named, "a year ago" is last year; "the period" alone is no date.
        check("Profit was $3 million a year ago.", "1991-11-02", Some(("1990-01-01", "1990-12-31", Year, Inferred)));
        check("Costs rose in the period.", "1991-11-02", None);
        check("The rate is near its quarter-century low.", "1991-11-02", None);
        // A comparison over several months is no quarter's: last year's.
        let hits = find("For the nine months, profit fell from $4 million a year earlier.");
        assert_eq!(hits.iter().map(|h| h.expr).collect::<Vec<_>>(), [Expr::YearsFromReference(-1)]);
    }

    #[test]
    fn weekdays_months_and_seasons_with_last_next_and_this() {
        // 1991-11-07 is a Thursday.
        check("The board met last Wednesday.", "1991-11-07", Some(("1991-10-30", "1991-10-30", Day, Inferred)));
        check("The board meets next Monday.", "1991-11-07", Some(("1991-11-11", "1991-11-11", Day, Inferred)));
        check("The plant closed last April.", "1991-11-07", Some(("1991-04-01", "1991-04-30", Month, Inferred)));
        check("The plant closed late last December.", "1991-11-07", Some(("1990-12-01", "1990-12-31", Month, Inferred)));
        check("The plant reopens next March.", "1991-11-07", Some(("1992-03-01", "1992-03-31", Month, Inferred)));
        check("The plant closed in July last year.", "1991-11-07", Some(("1990-07-01", "1990-07-31", Month, Inferred)));
        check("The strike began last summer.", "1991-11-07", Some(("1991-06-01", "1991-08-31", Season, Inferred)));
        check("Shares rose to a high in June from $29 in March.", "1991-11-07", Some(("1991-06-01", "1991-06-30", Month, Inferred)));
        check("The figures for October showed a rise.", "1991-11-07", Some(("1991-10-01", "1991-10-31", Month, Inferred)));
        check("The office revised September's figures.", "1991-11-07", Some(("1991-09-01", "1991-09-30", Month, Inferred)));
        check("The strike began last summer.", "1991-07-07", Some(("1990-06-01", "1990-08-31", Season, Inferred)));
        check("Talks resume in the spring.", "1991-11-07", Some(("1992-03-01", "1992-05-31", Season, Inferred)));
        check("Over the summer, rivals cut prices.", "1991-11-07", Some(("1991-06-01", "1991-08-31", Season, Inferred)));
        check("The firm said a month ago that it would cut jobs.", "1991-11-07", Some(("1991-10-01", "1991-10-31", Month, Inferred)));
        check("The mill shut in the winter of 1990.", "1991-11-07", Some(("1989-12-01", "1990-02-28", Season, Stated)));
        // Seasons that are no time.
        check("Prices may fall sharply.", "1991-11-07", None);
        check("They studied the fall of the empire.", "1991-11-07", None);
    }

    #[test]
    fn a_bare_weekday_is_a_day_unless_it_names_something() {
        // 1991-11-07 is a Thursday.
        check("The court Tuesday rejected the appeal.", "1991-11-07", Some(("1991-11-05", "1991-11-05", Day, Inferred)));
        check("The envoy left Monday for talks.", "1991-11-07", Some(("1991-11-04", "1991-11-04", Day, Inferred)));
        check("Markets fell on Black Monday in 1987.", "1991-11-07", Some(("1987-01-01", "1987-12-31", Year, Stated)));
        check("Shops close on Good Friday.", "1991-11-07", None);
        // Days that recur are no one day.
        check("New flights will leave on Monday and Tuesday nights from March 30.", "1991-11-07", Some(("1992-03-30", "1992-03-30", Day, Inferred)));
        check("The market opens every Friday.", "1991-11-07", None);
    }

    #[test]
    fn the_tense_is_the_clause_verbs() {
        let at = |sentence: &str, words: &str| {
            let start = sentence.find(words).unwrap();
            tense_at(sentence, start, start + words.len())
        };
        assert_eq!(at("The minister said Friday that the plant will close.", "said Friday"), Tense::Past);
        assert_eq!(at("On May 2, the bank released a note saying rates would rise.", "On May 2"), Tense::Past);
        assert_eq!(at("He said the plant will open on Friday.", "on Friday"), Tense::Future);
        assert_eq!(at("The deal is scheduled to close Monday.", "Monday"), Tense::Future);
        assert_eq!(at("Bidders must respond by Oct. 31.", "Oct. 31"), Tense::Future);
        assert_eq!(at("By March, the firm had sold its stake.", "March"), Tense::Past);
        assert_eq!(at("Ten members had filed reports by Wednesday.", "by Wednesday"), Tense::Past);
        assert_eq!(at("The rights expire Nov. 21.", "Nov. 21"), Tense::Unmarked);
        assert_eq!(at("Troops will train in Izmir, Turkey in May.", "in May"), Tense::Future);
        assert_eq!(at("The firm declared a dividend, payable Dec. 15.", "Dec. 15"), Tense::Unmarked);
        assert_eq!(at("Ferries will sail from May 2, with a third one from August 6.", "August 6"), Tense::Future);
        assert_eq!(at("Mr. Lee, 52 years old, will succeed Ms. Tan Feb. 1, soon after she retires.", "Feb. 1"), Tense::Future);
        // A passive after "will be" is the future's; a present "is" leaves it unmarked.
        assert_eq!(at("She will be named commander for a flight in December.", "in December"), Tense::Future);
        assert_eq!(at("The firm said it is calling the notes on Dec. 7.", "on Dec. 7"), Tense::Unmarked);
        assert_eq!(at("The ferry brought supplies in March.", "in March"), Tense::Past);
        // An -ed word that is an adjective ("a still unspecified date") is no past.
        assert_eq!(at("It would be paid on a still unspecified date in January.", "in January"), Tense::Future);
    }

    #[test]
    fn dates_without_a_year_deadlines_and_unmarked_tense() {
        // A deadline is ahead; a date no verb places is the nearest one.
        let resolve_at = |sentence: &str, published: &str| {
            let h = find(sentence)[0];
            let span = resolve(h.expr, Some(&reference(published)), tense_at(sentence, h.start, h.end), "x").unwrap();
            span.start.iso()
        };
        assert_eq!(resolve_at("Holders must tender their shares by Jan. 5.", "1991-11-07"), "1992-01-05");
        assert_eq!(resolve_at("The dividend is payable Jan. 2.", "1991-11-07"), "1992-01-02");
        assert_eq!(resolve_at("The rights expire Nov. 21.", "1991-11-07"), "1991-11-21");
        assert_eq!(resolve_at("The index is near its record high set Aug. 6.", "1992-02-07"), "1991-08-06");
        assert_eq!(resolve_at("The offer ran out on Oct. 3.", "1991-11-07"), "1991-10-03");
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
