//! `find`: every date expression in a sentence with its byte range, the longest and most precise
//! reading of each stretch of text kept, recurring dates ("every Monday") left out.

use std::sync::LazyLock;

use crate::pattern::Pattern;
use model::Date;

use crate::language::date_words;
use crate::language::dates::{self, DateValue, month_number};

use super::patterns::{
    AGO, BARE_WEEKDAY, BETWEEN, CROSS_RANGE, CROSS_RANGE_MONTH_FIRST, DAY_RANGE, FOR_YEAR, IN_MONTH, MONTH_DAY_RANGE,
    MONTH_OF_YEAR, MONTH_POSSESSIVE, MONTH_RANGE, MONTH_STEP, MONTHS_SPAN, NAMED_RELATIVE, NUMERIC_DAY_RANGE,
    NUMERIC_RANGE, ON_WEEKDAY, PART_OF_YEAR, QUARTER, QUARTER_ANAPHOR, QUARTER_ENDING, QUARTER_ORDINAL, SEASON,
    SIMPLE_RELATIVE, SPELLED_YEAR, THIS_YEAR, WEEK_WEEKDAY, WEEKDAY, WEEKDAY_DATE, YEAR_EARLIER, day, month, number,
    ordinal, re, season, spelled_year, weekday, year,
};
use super::words::YEAR_BACK;
use super::{Expr, Hit};

/// Weekdays listed before a plural part of the day ("Monday and Tuesday nights").
static RECURRING_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    re(&format!(r"^(?:\s*(?:,|and|or)\s*{WEEKDAY})*\s+(?:nights|mornings|afternoons|evenings)\b", WEEKDAY = &*WEEKDAY))
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
    let patterns: [(&Pattern, Reader); 23] = [
        (&WEEKDAY_DATE, |c| {
            let (month, day) = (month_number(&c[2])?, day(c, 3)?);
            match year(c, 4) {
                Some(y) => Date::new(y, month, day).map(|d| Expr::Stated(DateValue::Full(d))),
                None => Date::new(2000, month, day).map(|_| Expr::Stated(DateValue::MonthDay { month, day })),
            }
        }),
        (&THIS_YEAR, |c| {
            Some(match year(c, 1) {
                Some(y) => Expr::Stated(DateValue::Year(y)),
                None => Expr::YearsFromReference(0),
            })
        }),
        (&NUMERIC_RANGE, |c| {
            Some(Expr::DayRange {
                month: month(c, 2)?,
                first: day(c, 1)?,
                last_month: month(c, 4)?,
                last: day(c, 3)?,
                year: year(c, 5),
            })
        }),
        (&NUMERIC_DAY_RANGE, |c| {
            Some(Expr::DayRange {
                month: month(c, 3)?,
                first: day(c, 1)?,
                last_month: month(c, 3)?,
                last: day(c, 2)?,
                year: year(c, 4),
            })
        }),
        (&CROSS_RANGE, |c| {
            Some(Expr::DayRange {
                month: month_number(&c[2])?,
                first: day(c, 1)?,
                last_month: month_number(&c[4])?,
                last: day(c, 3)?,
                year: year(c, 5),
            })
        }),
        (&CROSS_RANGE_MONTH_FIRST, |c| {
            Some(Expr::DayRange {
                month: month_number(&c[1])?,
                first: day(c, 2)?,
                last_month: month_number(&c[3])?,
                last: day(c, 4)?,
                year: year(c, 5),
            })
        }),
        (&BETWEEN, |c| {
            Some(Expr::DayRange {
                month: month_number(&c[1])?,
                first: day(c, 2)?,
                last_month: month_number(&c[1])?,
                last: day(c, 3)?,
                year: year(c, 4),
            })
        }),
        (&DAY_RANGE, |c| {
            Some(Expr::DayRange {
                month: month_number(&c[3])?,
                first: day(c, 1)?,
                last_month: month_number(&c[3])?,
                last: day(c, 2)?,
                year: year(c, 4),
            })
        }),
        (&MONTH_DAY_RANGE, |c| {
            Some(Expr::DayRange {
                month: month_number(&c[1])?,
                first: day(c, 2)?,
                last_month: month_number(&c[1])?,
                last: day(c, 3)?,
                year: year(c, 4),
            })
        }),
        (&MONTH_RANGE, |c| {
            Some(Expr::MonthRange { first: month_number(&c[1])?, last: month_number(&c[2])?, year: year(c, 3) })
        }),
        (&QUARTER_ORDINAL, |c| {
            let n = ordinal(&c[4]);
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
            let back = YEAR_BACK.iter().any(|w| words.contains(w));
            let current = words.contains("current");
            let latest = words.contains("latest") || words.contains("most recent");
            let year = c[2].split_whitespace().find_map(|w| w.parse::<i16>().ok());
            // "its quarter-century low", "the quarter-to-quarter comparison": no quarter.
            if c.get(5).is_some() {
                return None;
            }
            let period = &c[3] == "period";
            // "the period" alone may be any time: only a qualified one is a quarter.
            (!period || !c[2].trim().is_empty()).then_some(Expr::SameQuarter {
                years: if back { -1 } else { 0 },
                current,
                latest,
                period,
                year,
            })
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
            let season = season(&c[2]);
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
            let n = ordinal(&c[1]);
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
        if let (Expr::Season { season, year: None, .. }, Expr::Stated(DateValue::Year(y))) =
            (hits[i - 1].expr, hits[i].expr)
            && sentence[hits[i - 1].end..hits[i].start].trim().is_empty()
            && sentence[hits[i].start..].to_ascii_lowercase().starts_with("of ")
        {
            hits[i - 1] = Hit {
                start: hits[i - 1].start,
                end: hits[i].end,
                expr: Expr::Season { season, year: Some(y), step: None },
            };
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
