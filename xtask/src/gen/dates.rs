//! Days (a count of days, read and written in calendar forms) and the phrases an article dates its
//! facts with, relative to its publication day: a day or two before, earlier, soon, a span ahead.

use super::Rng;
use super::world::{FIRST_YEAR, LAST_YEAR};

// ---------------------------------------------------------------------------------
// Dates.

pub(super) const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

pub(super) const MONTHS_SHORT: [&str; 12] =
    ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

pub(super) const WEEKDAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/// A day as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day(pub i64);

impl Day {
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Day {
        // Count from 1 March, so the leap day ends a year.
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let month_from_march = (i64::from(m) + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(d) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Day(era * 146_097 + day_of_era - 719_468)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let d = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
        let m = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 } as u32;
        let y = (year_of_era + era * 400 + i64::from(m <= 2)) as i32;
        (y, m, d)
    }

    /// 0 is Sunday.
    pub fn weekday(self) -> usize {
        (self.0 + 4).rem_euclid(7) as usize
    }

    pub(super) fn random(rng: &mut Rng) -> Day {
        let first = Day::from_ymd(FIRST_YEAR, 1, 1).0;
        let last = Day::from_ymd(LAST_YEAR, 12, 31).0;
        Day(first + rng.below((last - first + 1) as usize) as i64)
    }

    pub(super) fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }

    pub(super) fn day_month_year(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {y}", MONTHS[m as usize - 1])
    }

    pub(super) fn month_day_year(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{} {d}, {y}", MONTHS[m as usize - 1])
    }

    pub(super) fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Writes date phrases relative to an article's publication day.
pub(super) struct Writer<'a> {
    pub(super) rng: &'a mut Rng,
    pub(super) published: Day,
}

impl Writer<'_> {
    /// A day or two before publication, in a form a news lead uses.
    pub(super) fn recent(&mut self) -> String {
        let day = self.published.plus(-(self.rng.below(3) as i64));
        let (_, m, d) = day.ymd();
        match self.rng.below(7) {
            0 => format!("on {} {d}", MONTHS[m as usize - 1]),
            1 => format!("on {d} {}", MONTHS[m as usize - 1]),
            2 => format!("on {}", WEEKDAYS[day.weekday()]),
            3 if day != self.published => "yesterday".into(),
            4 => format!("on {} {d}", MONTHS_SHORT[m as usize - 1]),
            5 => format!("on {}", day.day_month_year()),
            _ => format!("on {}", day.month_day_year()),
        }
    }

    pub(super) fn past(&mut self) -> String {
        let day = self.published.plus(-(self.rng.between(20, 700) as i64));
        let (y, m, d) = day.ymd();
        let (py, _, _) = self.published.ymd();
        match self.rng.below(12) {
            0 => format!("on {} {d}", MONTHS[m as usize - 1]),
            1 => format!("on {}", day.day_month_year()),
            2 => format!("on {}", day.month_day_year()),
            3 => format!("on {}", day.iso()),
            4 => format!("on {d:02}.{m:02}.{y}"),
            5 => "last year".into(),
            6 => "last month".into(),
            7 if y == py => format!("in {}", MONTHS[m as usize - 1]),
            8 => format!("in {} {y}", MONTHS[m as usize - 1]),
            9 => format!("in late {y}"),
            10 => format!("{} years ago", py - y + 1),
            _ => format!("in {y}"),
        }
    }

    pub(super) fn earlier(&mut self) -> String {
        match self.rng.below(4) {
            0 => format!("on {}", WEEKDAYS[self.published.plus(-(self.rng.between(1, 5) as i64)).weekday()]),
            1 => "last week".into(),
            2 => "earlier this month".into(),
            _ => {
                let (_, m, d) = self.published.plus(-(self.rng.between(3, 20) as i64)).ymd();
                format!("on {d} {}", MONTHS[m as usize - 1])
            }
        }
    }

    pub(super) fn future(&mut self) -> String {
        let day = self.published.plus(self.rng.between(5, 200) as i64);
        let (y, m, d) = day.ymd();
        match self.rng.below(7) {
            0 => "next week".into(),
            1 => "next month".into(),
            2 => format!("{} {d}", MONTHS[m as usize - 1]),
            3 => format!("{d} {} {y}", MONTHS[m as usize - 1]),
            4 => "next year".into(),
            5 => format!("early {}", y + 1),
            _ => format!("{} {y}", MONTHS[m as usize - 1]),
        }
    }

    /// A span of days starting soon, as exercises are announced.
    pub(super) fn future_span(&mut self) -> String {
        let start = self.published.plus(self.rng.between(1, 30) as i64);
        let end = start.plus(self.rng.between(2, 12) as i64);
        let ((y, m, d), (y2, m2, d2)) = (start.ymd(), end.ymd());
        match (self.rng.below(3), m == m2) {
            (0, true) => format!("between {d:02}-{d2:02} {} {y}", MONTHS[m as usize - 1]),
            (1, true) => format!("from {} {d} to {d2}", MONTHS[m as usize - 1]),
            _ if y == y2 && m == m2 => format!("from {d} to {d2} {} {y}", MONTHS[m as usize - 1]),
            _ => format!("from {} to {}", start.day_month_year(), end.day_month_year()),
        }
    }

    pub(super) fn soon_full(&mut self) -> String {
        let day = self.published.plus(self.rng.between(2, 14) as i64);
        if self.rng.chance(0.5) { day.day_month_year() } else { day.month_day_year() }
    }

    pub(super) fn full_date_recent(&mut self) -> String {
        let day = self.published.plus(-(self.rng.between(1, 10) as i64));
        match self.rng.below(3) {
            0 => day.day_month_year(),
            1 => day.month_day_year(),
            _ => day.iso(),
        }
    }

    pub(super) fn last_year(&mut self) -> String {
        if self.rng.chance(0.7) { "last year".into() } else { format!("in {}", self.published.ymd().0 - 1) }
    }

    pub(super) fn month_phrase(&mut self) -> String {
        let (_, m, _) = self.published.ymd();
        let earlier = self.rng.below(m as usize).max(1) as u32;
        format!("in {}", MONTHS[earlier as usize - 1])
    }

    pub(super) fn weekday(&mut self) -> &'static str {
        WEEKDAYS[self.published.plus(-(self.rng.between(0, 3) as i64)).weekday()]
    }
}
