//! The density strip's time axis: the span it opens on (the shortest that holds the
//! bulk of the events), the events left outside the span shown it as year marks at its
//! edges, zooming and panning that span, and the ticks that label it.

use crate::corpus::Corpus;
use crate::date::{Date, days_in_month, month_abbrev};

use super::*;

/// The opening span holds at least this share of the events (nine in ten, rounded
/// up): a corpus of news is mostly the weeks or years its articles cover, with a few
/// events from history ("the treaty signed 100 years ago") far from the rest, and
/// those few would otherwise squeeze the rest into a sliver of the strip.
pub const DENSE_SHARE: (usize, usize) = (9, 10);

/// The fewest days a zoom shows (two weeks: a bar a day).
pub const MIN_DAYS: i64 = 14;

/// The most outlier marks on each side of the strip; more years than that share the
/// last, farthest one.
pub const MOST_MARKS: usize = 3;

/// The span of days the strip shows, with its first and last day.
pub type Span = (Date, Date);

/// The first and the last event start of the corpus: as far as the strip zooms out.
pub fn full_span(corpus: &Corpus) -> Option<Span> {
    Some((corpus.events.first()?.when.start, corpus.events.last()?.when.start))
}

/// The span the strip opens on: the shortest run of days holding at least
/// [`DENSE_SHARE`] of the events, widened to whole months (inside the corpus's
/// [`full_span`]). When that saves little (the run is more than half of the whole
/// span, as when events are spread evenly), or no event is left out, it is the whole
/// span. `None` for a corpus without events.
pub fn dense_span(corpus: &Corpus) -> Option<Span> {
    let full = full_span(corpus)?;
    let days: Vec<i64> = corpus.events.iter().map(|e| day_number(e.when.start)).collect();
    let (i, j) = densest_run(&days);
    if j - i + 1 == days.len() {
        return Some(full);
    }
    let (a, b) = (day_number(full.0), day_number(full.1));
    let from = month_start(corpus.events[i].when.start).max(full.0);
    let to = month_end(corpus.events[j].when.start).min(full.1);
    if 2 * (day_number(to) - day_number(from) + 1) > b - a + 1 {
        return Some(full);
    }
    Some((from, to))
}

/// The first and the last index of the shortest run of the ascending `days` that
/// holds at least [`DENSE_SHARE`] of them (the latest of equally short runs: news is
/// read for what is recent).
fn densest_run(days: &[i64]) -> (usize, usize) {
    let n = days.len();
    let (num, den) = DENSE_SHARE;
    let need = (n * num).div_ceil(den).clamp(1, n.max(1));
    let mut best = (0, need - 1);
    for i in 0..=n - need {
        let j = i + need - 1;
        if days[j] - days[i] <= days[best.1] - days[best.0] {
            best = (i, j);
        }
    }
    best
}

fn month_start(d: Date) -> Date {
    Date { day: 1, ..d }
}

fn month_end(d: Date) -> Date {
    Date { day: days_in_month(d.year, d.month), ..d }
}

/// The span the strip shows for `state`, and whether events outside it are shown as
/// marks at its edges ([`outliers`]) rather than counted in its edge bars.
///
/// A zoom or pan (`state.axis`), kept inside `full`, comes first; then the date range
/// chosen, as before there was an axis (events before it that overlap it count in the
/// first bar); with neither, the `dense` span.
pub fn strip_span(state: &State, full: Span, dense: Span) -> (Span, bool) {
    if let Some(axis) = state.axis.and_then(|axis| inside(axis, full)) {
        return (axis, true);
    }
    let f = &state.filter;
    if f.from.is_some() || f.to.is_some() {
        let first = f.from.unwrap_or(full.0);
        return ((first, f.to.unwrap_or(full.1).max(first)), false);
    }
    (dense, true)
}

/// `span` cut to `full`; `None` when they do not meet (a link's axis from another
/// corpus).
pub fn inside(span: Span, full: Span) -> Option<Span> {
    let (from, to) = (span.0.max(full.0), span.1.min(full.1));
    (from <= to).then_some((from, to))
}

/// Lays `len` days out from day `start`, kept inside the days `lo..=hi` (which hold
/// at least `len`).
fn place(start: i64, len: i64, lo: i64, hi: i64) -> Span {
    let start = start.min(hi - len + 1).max(lo);
    let day = |n: i64| from_day_number(n).expect("a day between two dates is a date");
    (day(start), day(start + len - 1))
}

/// The span `span` zoomed by `scale` (below 1 closer, above 1 farther) about the
/// point `at` of the way along it (0 its first day, 1 past its last), which stays
/// where it is on the strip: at least [`MIN_DAYS`] (or the whole span when shorter),
/// at most `full`, and inside it.
pub fn zoom(span: Span, full: Span, scale: f64, at: f64) -> Span {
    let (a, b) = (day_number(span.0), day_number(span.1));
    let (lo, hi) = (day_number(full.0), day_number(full.1));
    let (len, most) = (b - a + 1, hi - lo + 1);
    let scaled = (len as f64 * scale).round() as i64;
    let len_next = scaled.clamp(MIN_DAYS.min(most), most);
    let at = at.clamp(0.0, 1.0);
    let pivot = a as f64 + at * len as f64;
    let start = (pivot - at * len_next as f64).round() as i64;
    place(start, len_next, lo, hi)
}

/// The span `span` moved by `by` of its length (negative: earlier), at least a day,
/// kept inside `full`.
pub fn pan(span: Span, full: Span, by: f64) -> Span {
    let (a, b) = (day_number(span.0), day_number(span.1));
    let (lo, hi) = (day_number(full.0), day_number(full.1));
    let len = (b - a + 1).min(hi - lo + 1);
    let mut shift = (len as f64 * by).round() as i64;
    if shift == 0 && by != 0.0 {
        shift = if by > 0.0 { 1 } else { -1 };
    }
    place(a + shift, len, lo, hi)
}

/// Events of the timeline starting outside the strip's span, a mark per year (or,
/// past [`MOST_MARKS`], for the farthest years together).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlier {
    /// The first and the last year the mark stands for.
    pub years: (i16, i16),
    /// Timeline events that start in those years.
    pub events: u32,
}

impl Outlier {
    /// "1921", or "1921–1950" for years together.
    pub fn label(&self) -> String {
        let (a, b) = self.years;
        if a == b { a.to_string() } else { format!("{a}–{b}") }
    }

    /// The span a click on the mark shows: its years, inside `full`.
    pub fn span(&self, full: Span) -> Span {
        let (a, b) = self.years;
        let span = (Date { year: a, month: 1, day: 1 }, Date { year: b, month: 12, day: 31 });
        inside(span, full).unwrap_or(full)
    }
}

/// The timeline's events (`rows`) that start before `span` and after it, as marks
/// per year, each side in date order. A year is found by binary search, and its
/// count is the rows before its run's end less those before its start: the cost
/// grows with the years outside, not with the events.
pub fn outliers(corpus: &Corpus, rows: &Rows, span: Span) -> (Vec<Outlier>, Vec<Outlier>) {
    let events = &corpus.events;
    let starts_before = |d: Date| events.partition_point(|e| e.when.start < d);
    let inside_from = starts_before(span.0);
    let inside_to = events.partition_point(|e| e.when.start <= span.1);
    let in_years = |lo: usize, hi: usize| {
        let mut marks = Vec::new();
        let mut k = lo;
        while k < hi {
            let year = events[k].when.start.year;
            let end = (k + events[k..hi].partition_point(|e| e.when.start.year == year)).max(k + 1);
            let count = (rows.count_before(end) - rows.count_before(k)) as u32;
            if count > 0 {
                marks.push(Outlier { years: (year, year), events: count });
            }
            k = end;
        }
        marks
    };
    let mut before = in_years(0, inside_from);
    let mut after = in_years(inside_to, events.len());
    // The marks nearest the span stay apart; the farthest share one.
    if before.len() > MOST_MARKS {
        let rest = before.split_off(before.len() - (MOST_MARKS - 1));
        let far = Outlier {
            years: (before[0].years.0, before[before.len() - 1].years.1),
            events: before.iter().map(|o| o.events).sum(),
        };
        before = std::iter::once(far).chain(rest).collect();
    }
    if after.len() > MOST_MARKS {
        let far = after.split_off(MOST_MARKS - 1);
        after.push(Outlier {
            years: (far[0].years.0, far[far.len() - 1].years.1),
            events: far.iter().map(|o| o.events).sum(),
        });
    }
    (before, after)
}

/// A labelled tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub date: Date,
    /// How far along the strip it is (0 its first day's start, 1 its last day's end).
    pub at: f64,
    /// "2021" (a year, or January where ticks are months), "Mar" (a month), "5 Mar" (a day).
    pub label: String,
}

/// The steps ticks may be apart, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Days(u8),
    Months(u8),
    Years(i64),
}

const STEPS: [Step; 20] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(5),
    Step::Days(10),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
    Step::Years(1000),
    Step::Years(2000),
    Step::Years(5000),
];

/// At most `most` ticks over `first..=last`, at the finest step of days, months or
/// years that fits: days when the span is a few weeks, months over a year or two,
/// years beyond. Each says its day, month or year, as the step allows.
pub fn ticks(first: Date, last: Date, most: usize) -> Vec<Tick> {
    let (a, b) = (day_number(first), day_number(last).max(day_number(first)));
    let days = b - a + 1;
    for step in STEPS {
        // A rough count first (a step's ticks are at most one more than its periods),
        // so a long span never lists the days of a fine step.
        let rough = match step {
            Step::Days(k) => days / i64::from(k),
            Step::Months(k) => days / (28 * i64::from(k)),
            Step::Years(k) => days / (365 * k),
        };
        if rough > most as i64 + 1 {
            continue;
        }
        let dates = tick_dates(step, first, last);
        if dates.len() <= most {
            return dates
                .into_iter()
                .map(|date| Tick {
                    date,
                    at: (day_number(date) - a) as f64 / days as f64,
                    label: tick_label(step, date),
                })
                .collect();
        }
    }
    Vec::new()
}

fn tick_dates(step: Step, first: Date, last: Date) -> Vec<Date> {
    let mut out = Vec::new();
    match step {
        Step::Days(k) => {
            let mut d = day_number(first);
            while let Some(date) = from_day_number(d).filter(|&date| date <= last) {
                // Days 1, 1 + k, 1 + 2k… of each month, never the day before a 1st.
                if (date.day - 1).is_multiple_of(k)
                    && (k == 1 || date.day + k / 2 <= days_in_month(date.year, date.month))
                {
                    out.push(date);
                }
                d += 1;
            }
        }
        Step::Months(k) => {
            let (mut year, mut month) = (first.year, first.month);
            let mut date = Date { year, month, day: 1 };
            if date < first {
                (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
                date = Date { year, month, day: 1 };
            }
            while date <= last {
                if (date.month - 1).is_multiple_of(k) {
                    out.push(date);
                }
                let (y, m) = if date.month == 12 { (date.year + 1, 1) } else { (date.year, date.month + 1) };
                date = Date { year: y, month: m, day: 1 };
            }
        }
        Step::Years(k) => {
            let mut year = i64::from(first.year) + i64::from(first.month > 1 || first.day > 1);
            year += (k - year.rem_euclid(k)) % k;
            while let Ok(y) = i16::try_from(year) {
                let date = Date { year: y, month: 1, day: 1 };
                if date > last {
                    break;
                }
                out.push(date);
                year += k;
            }
        }
    }
    out
}

fn tick_label(step: Step, date: Date) -> String {
    match step {
        Step::Days(_) => format!("{} {}", date.day, month_abbrev(date.month)),
        Step::Months(_) if date.month > 1 => month_abbrev(date.month).to_owned(),
        _ => date.year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bits::Bits;
    use crate::date::DateSpan;
    use crate::event::{Event, EventKind};

    fn date(y: i16, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    /// A corpus of events starting on `days`, in date order.
    fn dated(days: &[(i16, u8, u8)]) -> Corpus {
        let mut days = days.to_vec();
        days.sort_unstable();
        let event = |&(y, m, d): &(i16, u8, u8)| Event {
            id: format!("event:{y}-{m}-{d}"),
            when: DateSpan::stated_day(date(y, m, d), ""),
            summary: "".into(),
            kind: EventKind::Other,
            entities: vec![],
            sources: vec![],
        };
        Corpus { events: days.iter().map(event).collect(), ..Corpus::default() }
    }

    fn rows(c: &Corpus, pick: impl Fn(usize) -> bool) -> Rows {
        let mut set = Bits::empty(c.events.len());
        (0..c.events.len()).filter(|&i| pick(i)).for_each(|i| set.set(i));
        Rows::new(set, false)
    }

    /// Two events from history, far before eighteen from one year.
    fn news_with_history() -> Corpus {
        let mut days = vec![(1921, 1, 1), (1992, 6, 1)];
        days.extend((0..18).map(|k| (2021, 3 + (k % 10) as u8, 5 + k as u8)));
        dated(&days)
    }

    #[test]
    fn the_strip_opens_on_the_shortest_span_holding_nine_in_ten_events_in_whole_months() {
        let c = news_with_history();
        assert_eq!(full_span(&c), Some((date(1921, 1, 1), date(2021, 12, 14))));
        // 18 of 20 events: 5 Mar to 14 Dec 2021, widened to whole months but not past
        // the last event.
        assert_eq!(dense_span(&c), Some((date(2021, 3, 1), date(2021, 12, 14))));
        // One event more from history is more than one in ten: 1992 is in the span,
        // and the latest event (14 Dec) is the one left out, which shortens it most.
        let mut more = c.events.clone();
        more.insert(1, more[1].clone());
        let c = Corpus { events: more, ..Corpus::default() };
        assert_eq!(dense_span(&c), Some((date(1992, 6, 1), date(2021, 11, 30))));
    }

    #[test]
    fn a_span_saving_little_or_leaving_out_nothing_opens_whole() {
        // Evenly spread: the densest nine in ten are most of the span.
        let even: Vec<_> = (0..40).map(|k| (1990 + k as i16, 6, 1)).collect();
        let c = dated(&even);
        assert_eq!(dense_span(&c), full_span(&c));
        // Fewer than ten events: nine in ten is all of them.
        let c = dated(&[(1921, 1, 1), (2021, 3, 1), (2021, 3, 2), (2021, 3, 9)]);
        assert_eq!(dense_span(&c), Some((date(1921, 1, 1), date(2021, 3, 9))));
        assert_eq!(dense_span(&Corpus::default()), None);
        // One day: one day.
        let c = dated(&[(2021, 3, 1)]);
        assert_eq!(dense_span(&c), Some((date(2021, 3, 1), date(2021, 3, 1))));
    }

    #[test]
    fn of_equally_short_runs_the_latest_is_the_opening_span() {
        assert_eq!(densest_run(&[0, 1, 2, 10, 11, 12, 20, 21, 22, 23]), (1, 9));
        let days: Vec<i64> = (0..20).map(|k| if k < 10 { k } else { 1000 + k }).collect();
        assert_eq!(densest_run(&days), (2, 19), "18 of 20 from the two runs' later end");
    }

    #[test]
    fn a_zoom_comes_first_then_the_date_range_then_the_dense_span() {
        let (full, dense) = ((date(1921, 1, 1), date(2022, 12, 5)), (date(2020, 9, 1), date(2022, 12, 5)));
        let (state, _) = State::from_fragment("");
        assert_eq!(strip_span(&state, full, dense), (dense, true));
        let (state, _) = State::from_fragment("#from=2021-01-01");
        assert_eq!(strip_span(&state, full, dense), ((date(2021, 1, 1), full.1), false));
        let (state, _) = State::from_fragment("#from=2021-01-01&strip=1990-01-01..1999-12-31");
        assert_eq!(strip_span(&state, full, dense), ((date(1990, 1, 1), date(1999, 12, 31)), true));
        // Cut to the corpus, or left out when it misses it.
        let (state, _) = State::from_fragment("#strip=1900-01-01..1930-12-31");
        assert_eq!(strip_span(&state, full, dense), ((full.0, date(1930, 12, 31)), true));
        let (state, _) = State::from_fragment("#strip=3000-01-01..3001-12-31");
        assert_eq!(strip_span(&state, full, dense), (dense, true));
    }

    #[test]
    fn zooming_keeps_the_point_under_it_and_stays_inside_the_corpus() {
        let full = (date(2000, 1, 1), date(2009, 12, 31));
        let span = (date(2004, 1, 1), date(2004, 12, 31));
        let days = |s: Span| day_number(s.1) - day_number(s.0) + 1;
        // In by half about the middle: the middle half of 2004.
        let half = zoom(span, full, 0.5, 0.5);
        assert_eq!(days(half), 183);
        assert_eq!(half, (date(2004, 4, 2), date(2004, 10, 1)));
        // About the first day: it stays first.
        assert_eq!(zoom(span, full, 0.5, 0.0).0, span.0);
        assert_eq!(zoom(span, full, 0.5, 1.0).1, span.1);
        // Never closer than two weeks, never farther than the corpus, always inside it.
        assert_eq!(days(zoom(span, full, 0.0001, 0.5)), MIN_DAYS);
        assert_eq!(zoom(span, full, 1000.0, 0.5), full);
        let edge = zoom((date(2009, 6, 1), date(2009, 12, 31)), full, 4.0, 1.0);
        assert_eq!((edge.1, days(edge)), (full.1, 856));
        // A corpus of a few days zooms no closer than itself.
        let short = (date(2021, 3, 1), date(2021, 3, 3));
        assert_eq!(zoom(short, short, 0.5, 0.5), short);
    }

    #[test]
    fn panning_moves_by_a_share_of_the_span_and_stops_at_the_corpus_edges() {
        let full = (date(2000, 1, 1), date(2009, 12, 31));
        let span = (date(2004, 1, 1), date(2004, 1, 20));
        assert_eq!(pan(span, full, 0.5), (date(2004, 1, 11), date(2004, 1, 30)));
        assert_eq!(pan(span, full, -0.25), (date(2003, 12, 27), date(2004, 1, 15)));
        assert_eq!(pan(span, full, -1000.0), (full.0, date(2000, 1, 20)));
        assert_eq!(pan(span, full, 1000.0), (date(2009, 12, 12), full.1));
        assert_eq!(pan(span, full, 0.001).0, date(2004, 1, 2), "at least a day");
        assert_eq!(pan(full, full, 0.5), full);
    }

    #[test]
    fn events_outside_the_span_are_marks_by_year_counting_the_timelines_events() {
        let c = dated(&[(1921, 1, 1), (1921, 5, 1), (1992, 1, 1), (2021, 3, 1), (2021, 4, 1), (2023, 1, 1)]);
        let span = (date(2021, 1, 1), date(2021, 12, 31));
        let all = rows(&c, |_| true);
        let (before, after) = outliers(&c, &all, span);
        let marks = |m: &[Outlier]| m.iter().map(|o| (o.label(), o.events)).collect::<Vec<_>>();
        assert_eq!(marks(&before), [("1921".to_owned(), 2), ("1992".to_owned(), 1)]);
        assert_eq!(marks(&after), [("2023".to_owned(), 1)]);
        // Only the timeline's events: a year with none has no mark.
        let some = rows(&c, |i| i != 2 && i != 0);
        assert_eq!(marks(&outliers(&c, &some, span).0), [("1921".to_owned(), 1)]);
        // A mark shows its years.
        let full = full_span(&c).unwrap();
        assert_eq!(before[0].span(full), (date(1921, 1, 1), date(1921, 12, 31)));
        assert_eq!(after[0].span(full), (date(2023, 1, 1), date(2023, 1, 1)), "inside the corpus");
    }

    #[test]
    fn past_three_years_the_farthest_share_a_mark() {
        let years: Vec<_> = (0..6).map(|k| (1950 + 10 * k as i16, 1, 1)).chain([(2021, 1, 1)]).collect();
        let c = dated(&years);
        let (before, _) = outliers(&c, &rows(&c, |_| true), (date(2021, 1, 1), date(2021, 1, 1)));
        let labels: Vec<String> = before.iter().map(Outlier::label).collect();
        assert_eq!(labels, ["1950–1980", "1990", "2000"]);
        assert_eq!(before[0].events, 4);
        let c = dated(&[(1900, 1, 1), (2001, 1, 1), (2002, 1, 1), (2003, 1, 1), (2004, 1, 1), (2005, 1, 1)]);
        let (_, after) = outliers(&c, &rows(&c, |_| true), (date(1900, 1, 1), date(1900, 1, 1)));
        assert_eq!(after.iter().map(Outlier::label).collect::<Vec<_>>(), ["2001", "2002", "2003–2005"]);
    }

    proptest::proptest! {
        #[test]
        fn a_zoomed_strips_bars_count_the_events_inside_it_and_the_marks_the_rest(
            days in proptest::collection::vec(0i64..5000, 1..200),
            pick in proptest::collection::vec(proptest::bool::ANY, 200),
            span in (0i64..5000, 0i64..5000),
            buckets in 1usize..90,
        ) {
            let dates: Vec<(i16, u8, u8)> = days
                .iter()
                .map(|&d| from_day_number(10_000 + d).unwrap())
                .map(|d| (d.year, d.month, d.day))
                .collect();
            let c = dated(&dates);
            let rows = rows(&c, |i| pick[i]);
            let day = |d: i64| from_day_number(10_000 + d).unwrap();
            let (first, last) = (day(span.0.min(span.1)), day(span.0.max(span.1)));
            let counts = density_within(&c, &rows, first, last, buckets);
            let n = counts.len();
            let mut expected = vec![0u32; n];
            let mut outside = 0;
            for (_, e) in c.events.iter().enumerate().filter(|&(i, _)| pick[i]) {
                let d = e.when.start;
                match (0..n).find(|&k| bar_days(first, last, n, k).0 <= d && d <= bar_days(first, last, n, k).1) {
                    Some(k) => expected[k] += 1,
                    None => outside += 1,
                }
            }
            proptest::prop_assert_eq!(&counts, &expected);
            let (before, after) = outliers(&c, &rows, (first, last));
            let marked: u32 = before.iter().chain(&after).map(|o| o.events).sum();
            proptest::prop_assert_eq!(marked, outside);
            proptest::prop_assert!(before.len() <= MOST_MARKS && after.len() <= MOST_MARKS);
        }
    }

    #[test]
    fn ticks_say_years_months_or_days_as_the_span_allows() {
        let labels = |first, last| ticks(first, last, 6).into_iter().map(|t| t.label).collect::<Vec<_>>();
        assert_eq!(labels(date(1921, 1, 1), date(2022, 12, 5)), ["1940", "1960", "1980", "2000", "2020"]);
        assert_eq!(labels(date(2020, 9, 1), date(2022, 12, 5)), ["2021", "Jul", "2022", "Jul"]);
        assert_eq!(labels(date(2021, 2, 10), date(2021, 6, 30)), ["Mar", "Apr", "May", "Jun"]);
        assert_eq!(labels(date(2021, 10, 1), date(2021, 10, 20)), ["1 Oct", "6 Oct", "11 Oct", "16 Oct"]);
        assert_eq!(labels(date(2021, 10, 1), date(2021, 10, 4)), ["1 Oct", "2 Oct", "3 Oct", "4 Oct"]);
        // Where along the strip: a tick's day over the span's days.
        let t = ticks(date(2021, 1, 1), date(2021, 12, 31), 6);
        assert_eq!(t.iter().map(|t| t.date).collect::<Vec<_>>()[..2], [date(2021, 1, 1), date(2021, 3, 1)]);
        assert_eq!((t[0].at, t[1].at), (0.0, 59.0 / 365.0));
        for (first, last) in [(date(1, 1, 1), date(9999, 12, 31)), (date(2021, 1, 1), date(2021, 1, 1))] {
            let t = ticks(first, last, 6);
            assert!(!t.is_empty() && t.len() <= 6, "{first} to {last}: {t:?}");
            assert!(t.iter().all(|t| (0.0..1.0).contains(&t.at)));
        }
    }
}
