//! An expression to a date span: against the reference day and the clause's tense (`chrono` does
//! the calendar), with only the precision its words state; `shift` moves a span by a stated amount.

use chrono::{Datelike, Duration, NaiveDate};
use model::{Basis, Date, DateSpan, Precision};

use crate::language::dates::DateValue;

use super::{Expr, Tense};

pub(super) fn to_date(d: NaiveDate) -> Option<Date> {
    Date::new(i16::try_from(d.year()).ok()?, u8::try_from(d.month()).ok()?, u8::try_from(d.day()).ok()?)
}

fn from_date(d: Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    next.map(|d| d - Duration::days(1))
}

pub(super) fn span(
    start: NaiveDate,
    end: NaiveDate,
    precision: Precision,
    basis: Basis,
    evidence: &str,
) -> Option<DateSpan> {
    Some(DateSpan {
        start: to_date(start)?,
        end: to_date(end)?,
        precision,
        basis,
        evidence: evidence.to_owned().into(),
    })
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
pub fn resolve_with(
    expr: Expr,
    reference: Option<&DateSpan>,
    tense: Tense,
    evidence: &str,
    quarter: Option<&DateSpan>,
) -> Option<DateSpan> {
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
            if years == 0 {
                Some(DateSpan { basis: Inferred, evidence: evidence.to_owned().into(), ..base })
            } else {
                years_before(&base, i32::from(years), evidence)
            }
        }
        Expr::QuarterEnding { month } => {
            let y =
                year_for(u32::from(month), 1, reference?, if tense == Tense::Future { tense } else { Tense::Past })?;
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
            let d =
                monday + Duration::weeks(i64::from(weeks)) + Duration::days(i64::from(weekday.num_days_from_monday()));
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
            span(
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
                Precision::Year,
                Inferred,
                evidence,
            )
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
