//! Calendar dates and date spans with the precision and basis they were found with.
//!
//! Dates are plain year/month/day triples: the app only compares and displays them,
//! so it needs no calendar arithmetic (the pipeline does that with `chrono`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A proleptic Gregorian calendar day. Field order makes the derived `Ord` chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date when the month and day are in range (the day is checked against
    /// the month's length, leap years included).
    pub fn new(year: i16, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`, the form the JSON export uses.
    pub fn iso(self) -> String {
        let mut out = String::with_capacity(10);
        self.push_iso(&mut out);
        out
    }

    /// Appends [`Date::iso`] to `out` (ids are built this way, without a `format!`).
    pub fn push_iso(self, out: &mut String) {
        let year = i32::from(self.year);
        // As `{:04}` pads: the sign counts towards the width.
        let width = if year < 0 {
            out.push('-');
            3
        } else {
            4
        };
        let year = year.unsigned_abs();
        let digits = |n: u32, width: u32, out: &mut String| {
            let mut div = 10u32.pow(width - 1);
            // Wider numbers than the width keep all their digits, as `{:04}` does.
            while div * 10 <= n {
                div *= 10;
            }
            while div > 0 {
                out.push(char::from(b'0' + (n / div % 10) as u8));
                div /= 10;
            }
        };
        digits(year, width, out);
        out.push('-');
        digits(u32::from(self.month), 2, out);
        out.push('-');
        digits(u32::from(self.day), 2, out);
    }
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn is_leap(year: i16) -> bool {
    let y = i32::from(year);
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The short English name of a month (1-based); `?` when out of range.
pub fn month_abbrev(month: u8) -> &'static str {
    MONTHS.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?")
}

const MONTH_NAMES: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// The full English name of a month (1-based); `?` when out of range.
pub fn month_name(month: u8) -> &'static str {
    MONTH_NAMES.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?")
}

impl fmt::Display for Date {
    /// Reads as "5 Oct 2021".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, month_abbrev(self.month), self.year)
    }
}

/// How finely a span is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Precision {
    Day,
    Month,
    /// A calendar quarter (fiscal quarters are read as calendar ones).
    Quarter,
    Season,
    Year,
    Range,
    Approximate,
}

impl Precision {
    /// The lowercase name used in the JSON export and in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Range => "range",
            Precision::Approximate => "approximate",
        }
    }
}

/// Whether a date was written in the source or worked out from other clues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    Stated,
    Inferred,
}

/// A span of days (inclusive) with its precision, basis and the words it came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
    pub basis: Basis,
    pub evidence: crate::text::Text,
}

impl DateSpan {
    /// A single stated day.
    pub fn stated_day(date: Date, evidence: impl Into<String>) -> DateSpan {
        DateSpan {
            start: date,
            end: date,
            precision: Precision::Day,
            basis: Basis::Stated,
            evidence: crate::text::Text::Owned(evidence.into()),
        }
    }

    /// Human-readable form that shows no more precision than the span has.
    pub fn label(&self) -> String {
        let s = self.start;
        let text = match self.precision {
            Precision::Day => s.to_string(),
            Precision::Month => format!("{} {}", month_abbrev(s.month), s.year),
            Precision::Quarter => format!("Q{} {}", (s.month - 1) / 3 + 1, s.year),
            Precision::Year => s.year.to_string(),
            Precision::Season | Precision::Range | Precision::Approximate => {
                if self.start == self.end {
                    s.to_string()
                } else {
                    format!("{} – {}", s, self.end)
                }
            }
        };
        match self.basis {
            Basis::Stated => text,
            Basis::Inferred => format!("c. {text}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn iso_is_what_format_pads() {
        for year in [i16::MIN, -12345, -999, -5, 0, 5, 99, 999, 1000, 2021, 9999, 10000, i16::MAX] {
            for (month, day) in [(1, 1), (2, 28), (10, 9), (12, 31)] {
                let date = Date { year, month, day };
                assert_eq!(date.iso(), format!("{year:04}-{month:02}-{day:02}"));
            }
        }
    }

    #[test]
    fn rejects_impossible_days() {
        assert_eq!(Date::new(2021, 2, 29), None);
        assert_eq!(Date::new(2024, 2, 29), Some(Date { year: 2024, month: 2, day: 29 }));
        assert_eq!(Date::new(1900, 2, 29), None);
        assert_eq!(Date::new(2000, 2, 29).map(Date::iso).as_deref(), Some("2000-02-29"));
        assert_eq!(Date::new(2021, 13, 1), None);
        assert_eq!(Date::new(2021, 4, 31), None);
        assert_eq!(Date::new(2021, 4, 0), None);
    }

    #[test]
    fn orders_chronologically() {
        assert!(d(2021, 12, 31) < d(2022, 1, 1));
        assert!(d(2022, 1, 31) < d(2022, 2, 1));
    }

    #[test]
    fn labels_show_only_known_precision() {
        let mut span = DateSpan::stated_day(d(2021, 10, 5), "October 5");
        assert_eq!(span.label(), "5 Oct 2021");
        span.precision = Precision::Month;
        assert_eq!(span.label(), "Oct 2021");
        span.precision = Precision::Quarter;
        assert_eq!(span.label(), "Q4 2021");
        span.precision = Precision::Year;
        span.basis = Basis::Inferred;
        assert_eq!(span.label(), "c. 2021");
        span.precision = Precision::Range;
        span.basis = Basis::Stated;
        span.end = d(2021, 10, 8);
        assert_eq!(span.label(), "5 Oct 2021 – 8 Oct 2021");
    }
}
