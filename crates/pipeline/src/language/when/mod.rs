//! Dates of statements for the timeline: every form a sentence uses ("October 5,
//! 2021", "05-08 October 2021", "between Sept. 5 and 9", "May-June", "on Tuesday",
//! "yesterday", "100 years ago", "late 2020" …), resolved against a reference day
//! (the article's publication, or the first article of a recycled passage) and the
//! sentence's tense. A resolved date never claims more precision than its words.
//!
//! Here: what a date expression says (`Expr`, `Hit`) and a clause's `Tense`. Below it, one idea a
//! file: `patterns.rs` (the date forms as regular expressions and the readers of their parts),
//! `expressions.rs` (`find`: every date expression of a sentence), `tense.rs` (the tense of a
//! sentence and of a date's own clause) and `resolution.rs` (an expression to a date span).

mod expressions;
mod patterns;
mod resolution;
mod tense;
mod words;

pub use expressions::find;
pub(crate) use patterns::number;
pub use resolution::{resolve, resolve_with, shift};
pub use tense::{tense, tense_at};

use chrono::Weekday;

use crate::language::dates::DateValue;

/// What a date expression says, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expr {
    Stated(DateValue),
    /// From day `first` of `month` to day `last` of `last_month` (the same month, or a
    /// later one: "from 28 August to 2 September").
    DayRange {
        month: u8,
        first: u8,
        last_month: u8,
        last: u8,
        year: Option<i16>,
    },
    MonthRange {
        first: u8,
        last: u8,
        year: Option<i16>,
    },
    Month(u8),
    Weekday(Weekday),
    DaysFromReference(i64),
    YearsFromReference(i32),
    MonthsFromReference(i32),
    WeeksFromReference(i32),
    /// "early/mid/late 2020": a third of the year.
    PartOfYear {
        year: i16,
        part: u8,
    },
    /// "the third quarter" (`n` 1–4), of a stated year or of the reference's year
    /// moved by `years` ("last year's fourth quarter", "the year-earlier quarter").
    /// `of_year`: the years count from the reference's own year ("last year's"), not
    /// from the quarter the tense places ("the year-earlier third quarter").
    Quarter {
        n: u8,
        year: Option<i16>,
        years: i8,
        of_year: bool,
    },
    /// "the quarter", "the latest period", "the year-ago quarter": the quarter the
    /// text last named, moved by `years`; `current` when it is the reference's own.
    /// "the latest quarter" (`latest`) is the last ended, whatever the text named;
    /// "the 1988 quarter" (`year`) the named quarter's number in that year.
    SameQuarter {
        years: i8,
        current: bool,
        latest: bool,
        period: bool,
        year: Option<i16>,
    },
    /// "the quarter ended Sept. 30": the calendar quarter of that month.
    QuarterEnding {
        month: u8,
    },
    /// "a year ago", "a year earlier", "year-earlier": the quarter the text speaks of a
    /// year before, or else the reference's year minus one.
    YearEarlier,
    /// "last Wednesday" (`weeks` -1), "next Friday" (1), "this Monday" (0): a weekday
    /// of the week (Monday to Sunday) so many weeks from the reference's.
    WeekdayOfWeek {
        weekday: Weekday,
        weeks: i8,
    },
    /// "last April" (`step` -1: the latest before the reference's month), "next May"
    /// (1: the first after), "this June" (0: the reference's year).
    MonthStep {
        month: u8,
        step: i8,
    },
    /// "July last year": a month of the reference's year moved by `years`.
    MonthOfYear {
        month: u8,
        years: i8,
    },
    /// A season (0 spring, 1 summer, 2 autumn, 3 winter) of a stated year (winter:
    /// the one that ends in it), or placed from the reference by `step` (-1 last,
    /// 1 next, 0 this) or, without one, by the tense.
    Season {
        season: u8,
        year: Option<i16>,
        step: Option<i8>,
    },
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use model::{Basis, DateSpan, Precision};

    use super::resolution::to_date;
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
        check(
            "In September, officers completed a course.",
            "2023-10-11",
            Some(("2023-09-01", "2023-09-30", Month, Inferred)),
        );
        check(
            "It took place between 7 September and 9 September.",
            "2023-09-14",
            Some(("2023-09-07", "2023-09-09", Range, Inferred)),
        );
        check(
            "Troops stayed from 28 August to 2 September 2023.",
            "2023-09-14",
            Some(("2023-08-28", "2023-09-02", Range, Stated)),
        );
        check(
            "Ships sailed from December 28 to January 3.",
            "2024-01-10",
            Some(("2023-12-28", "2024-01-03", Range, Inferred)),
        );
        check(
            "It lasted from 28 December to 3 January 2024.",
            "2024-02-01",
            Some(("2023-12-28", "2024-01-03", Range, Stated)),
        );
        check("It runs 1 through 5 October 2021.", "2022-01-01", Some(("2021-10-01", "2021-10-05", Range, Stated)));
        check("They met between 25 and 28 July 2023.", "2024-01-01", Some(("2023-07-25", "2023-07-28", Range, Stated)));
        check(
            "Drills to be held in Izmir in May-June.",
            "2022-02-08",
            Some(("2022-05-01", "2022-06-30", Range, Inferred)),
        );
        check("The drills emerged in 1992.", "2022-02-08", Some(("1992-01-01", "1992-12-31", Year, Stated)));
        check("The war ended in late 2020.", "2022-02-08", Some(("2020-09-01", "2020-12-31", Approximate, Stated)));
        check("It opened in October 2021.", "2022-02-08", Some(("2021-10-01", "2021-10-31", Month, Stated)));
    }

    #[test]
    fn year_from_the_reference_and_tense() {
        check(
            "On June 15, the two signed a memorandum.",
            "2021-10-05",
            Some(("2021-06-15", "2021-06-15", Day, Inferred)),
        );
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
        check(
            "Drills began, the ministry said Monday.",
            "2023-03-14",
            Some(("2023-03-13", "2023-03-13", Day, Inferred)),
        );
        // The year a plan is "for" is what it covers; the day it was signed dates it.
        check(
            "They signed a cooperation plan for 2024 in Tashkent on Friday.",
            "2024-03-03",
            Some(("2024-03-01", "2024-03-01", Day, Inferred)),
        );
        check(
            "They signed the budget for the year 2025 on 4 December 2024.",
            "2024-12-06",
            Some(("2024-12-04", "2024-12-04", Day, Stated)),
        );
        check("The next drills are planned for 2025.", "2024-03-03", Some(("2025-01-01", "2025-12-31", Year, Stated)));
        check(
            "They signed a cooperation plan for 2023-2024.",
            "2023-06-01",
            Some(("2023-01-01", "2023-12-31", Year, Stated)),
        );
        // Ranges in figures, day before month.
        check("It was held on 25.09-04.10.2023.", "2023-10-05", Some(("2023-09-25", "2023-10-04", Range, Stated)));
        check("It was held on 25-29.09.2023.", "2023-10-05", Some(("2023-09-25", "2023-09-29", Range, Stated)));
        check("It was held on 25.13-04.14.2023.", "2023-10-05", None);
        // Quarters are quarters; halves of a year are ranges of months.
        check(
            "Deliveries start in the second quarter of 2024.",
            "2023-09-27",
            Some(("2024-04-01", "2024-06-30", Quarter, Stated)),
        );
        check(
            "Output doubled in the first half of 2023.",
            "2023-09-27",
            Some(("2023-01-01", "2023-06-30", Range, Stated)),
        );
        check(
            "Output doubled in the third half of 2023.",
            "2023-09-27",
            Some(("2023-01-01", "2023-12-31", Year, Stated)),
        );
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
        check(
            "The plant was sold in nineteen ninety-six.",
            "1998-01-15",
            Some(("1996-01-01", "1996-12-31", Year, Stated)),
        );
        check(
            "Oil fell that low in the winter of nineteen ninety-four.",
            "1998-01-15",
            Some(("1993-12-01", "1994-02-28", Season, Stated)),
        );
        check(
            "The tower opened in January nineteen eighty-seven.",
            "1998-01-15",
            Some(("1987-01-01", "1987-01-31", Month, Stated)),
        );
        check(
            "The plan aims at full employment by the year two thousand.",
            "1998-01-15",
            Some(("2000-01-01", "2000-12-31", Year, Stated)),
        );
        check("They sent two thousand troops.", "1998-01-15", None);
        check(
            "The paper said in an editorial on Saturday, April 25, that the ruling stands.",
            "1998-04-24",
            Some(("1998-04-25", "1998-04-25", Day, Inferred)),
        );
        check(
            "Earnings for the current year will fall.",
            "1991-11-02",
            Some(("1991-01-01", "1991-12-31", Year, Inferred)),
        );
        check("Sales rose 4% this fiscal year.", "1991-11-02", Some(("1991-01-01", "1991-12-31", Year, Inferred)));
        // The day a quarter ended is a date of its own.
        let hits = find("The loss for the quarter ended Sept. 30 narrowed.");
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert_eq!(hits[1].expr, Expr::Stated(DateValue::MonthDay { month: 9, day: 30 }));
    }

    #[test]
    fn quarters_named_by_ordinal_take_the_year_the_tense_gives() {
        check(
            "The chain reported a third-quarter loss of $4 million.",
            "1991-11-02",
            Some(("1991-07-01", "1991-09-30", Quarter, Inferred)),
        );
        check(
            "Net income rose 8% in the fourth quarter.",
            "1991-02-10",
            Some(("1990-10-01", "1990-12-31", Quarter, Inferred)),
        );
        check(
            "Sales in the fiscal first quarter rose 3%.",
            "1991-06-01",
            Some(("1991-01-01", "1991-03-31", Quarter, Inferred)),
        );
        check(
            "Output will rise in the fourth quarter.",
            "1991-11-02",
            Some(("1991-10-01", "1991-12-31", Quarter, Inferred)),
        );
        check(
            "The bank plans to cut jobs after a third-quarter loss.",
            "1991-11-02",
            Some(("1991-07-01", "1991-09-30", Quarter, Inferred)),
        );
        check(
            "Profit fell in last year's fourth quarter.",
            "1991-06-01",
            Some(("1990-10-01", "1990-12-31", Quarter, Inferred)),
        );
        check(
            "Profit fell in the 1989 second quarter.",
            "1991-06-01",
            Some(("1989-04-01", "1989-06-30", Quarter, Stated)),
        );
    }

    #[test]
    fn the_quarter_and_a_year_earlier_refer_to_the_quarter_named() {
        let third =
            resolve(find("in the third quarter")[0].expr, Some(&reference("1991-11-02")), Tense::Past, "x").unwrap();
        let with = |sentence: &str, published: &str| {
            let h = find(sentence)[0];
            let span = resolve_with(
                h.expr,
                Some(&reference(published)),
                tense_at(sentence, h.start, h.end),
                "x",
                Some(&third),
            )
            .unwrap();
            (span.start.iso(), span.end.iso(), span.precision)
        };
        assert_eq!(
            with("Revenue rose from $3 million a year earlier.", "1991-11-02"),
            ("1990-07-01".into(), "1990-09-30".into(), Quarter)
        );
        assert_eq!(
            with("Profit rose from year-earlier levels.", "1991-11-02"),
            ("1990-07-01".into(), "1990-09-30".into(), Quarter)
        );
        assert_eq!(
            with("Margins in the quarter were thin.", "1991-11-02"),
            ("1991-07-01".into(), "1991-09-30".into(), Quarter)
        );
        assert_eq!(
            with("Costs were lower in the year-ago period.", "1991-11-02"),
            ("1990-07-01".into(), "1990-09-30".into(), Quarter)
        );
        // "the latest quarter" is the last ended, whatever quarter was named before.
        assert_eq!(
            with("Profit fell in the latest quarter.", "1992-02-10"),
            ("1991-10-01".into(), "1991-12-31".into(), Quarter)
        );
        // A quarter said to end in a month is that month's calendar quarter.
        assert_eq!(
            with("Sales rose in the quarter ended Sept. 30.", "1991-11-02"),
            ("1991-07-01".into(), "1991-09-30".into(), Quarter)
        );
        // A fiscal quarter that no calendar quarter is: its three months.
        assert_eq!(
            with("Sales rose in the quarter ended July 31.", "1991-11-02"),
            ("1991-05-01".into(), "1991-07-31".into(), Range)
        );
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
        check(
            "The plant closed late last December.",
            "1991-11-07",
            Some(("1990-12-01", "1990-12-31", Month, Inferred)),
        );
        check("The plant reopens next March.", "1991-11-07", Some(("1992-03-01", "1992-03-31", Month, Inferred)));
        check("The plant closed in July last year.", "1991-11-07", Some(("1990-07-01", "1990-07-31", Month, Inferred)));
        check("The strike began last summer.", "1991-11-07", Some(("1991-06-01", "1991-08-31", Season, Inferred)));
        check(
            "Shares rose to a high in June from $29 in March.",
            "1991-11-07",
            Some(("1991-06-01", "1991-06-30", Month, Inferred)),
        );
        check(
            "The figures for October showed a rise.",
            "1991-11-07",
            Some(("1991-10-01", "1991-10-31", Month, Inferred)),
        );
        check(
            "The office revised September's figures.",
            "1991-11-07",
            Some(("1991-09-01", "1991-09-30", Month, Inferred)),
        );
        check("The strike began last summer.", "1991-07-07", Some(("1990-06-01", "1990-08-31", Season, Inferred)));
        check("Talks resume in the spring.", "1991-11-07", Some(("1992-03-01", "1992-05-31", Season, Inferred)));
        check(
            "Over the summer, rivals cut prices.",
            "1991-11-07",
            Some(("1991-06-01", "1991-08-31", Season, Inferred)),
        );
        check(
            "The firm said a month ago that it would cut jobs.",
            "1991-11-07",
            Some(("1991-10-01", "1991-10-31", Month, Inferred)),
        );
        check("The mill shut in the winter of 1990.", "1991-11-07", Some(("1989-12-01", "1990-02-28", Season, Stated)));
        // Seasons that are no time.
        check("Prices may fall sharply.", "1991-11-07", None);
        check("They studied the fall of the empire.", "1991-11-07", None);
    }

    #[test]
    fn a_bare_weekday_is_a_day_unless_it_names_something() {
        // 1991-11-07 is a Thursday.
        check(
            "The court Tuesday rejected the appeal.",
            "1991-11-07",
            Some(("1991-11-05", "1991-11-05", Day, Inferred)),
        );
        check("The envoy left Monday for talks.", "1991-11-07", Some(("1991-11-04", "1991-11-04", Day, Inferred)));
        check("Markets fell on Black Monday in 1987.", "1991-11-07", Some(("1987-01-01", "1987-12-31", Year, Stated)));
        check("Shops close on Good Friday.", "1991-11-07", None);
        // Days that recur are no one day.
        check(
            "New flights will leave on Monday and Tuesday nights from March 30.",
            "1991-11-07",
            Some(("1992-03-30", "1992-03-30", Day, Inferred)),
        );
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
        assert_eq!(
            at("Mr. Lee, 52 years old, will succeed Ms. Tan Feb. 1, soon after she retires.", "Feb. 1"),
            Tense::Future
        );
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
        assert_eq!(
            (s.start.iso(), s.end.iso(), s.precision, s.basis),
            ("2021-05-01".into(), "2021-08-31".into(), Approximate, Inferred)
        );
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
