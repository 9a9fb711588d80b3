//! The density strip's arithmetic: events per bar over a span of days, each bar's days,
//! the stretch a click zooms to, and day numbers.

use crate::corpus::Corpus;
use crate::date::Date;

use super::*;

/// Events of `rows` per bucket between the first and the last event start, for the
/// density strip: `(first day, last day, counts)`; `None` when there are no events.
/// See [`density_between`].
pub fn density(corpus: &Corpus, rows: &Rows, buckets: usize) -> Option<(Date, Date, Vec<u32>)> {
    density_between(corpus, rows, None, None, buckets)
}

/// Events of `rows` per bucket from `from` to `to` (each, when not given, the first or
/// the last event start), for the density strip, which spans the date range chosen:
/// choosing a stretch zooms the strip into it. `(first day, last day, counts)`; `None`
/// when the corpus has no events.
///
/// The days are shared out evenly, and there are never more buckets than days, so each
/// bucket holds whole days ([`bar_days`]). Events starting before the first day count
/// in the first bucket, after the last in the last (a range event can overlap a
/// date range it starts before).
///
/// The corpus's events are in date order, so each bucket's events are a run of them,
/// found by binary search, and its count is the rows before the run's end less those
/// before its start: no pass over the rows.
pub fn density_between(
    corpus: &Corpus,
    rows: &Rows,
    from: Option<Date>,
    to: Option<Date>,
    buckets: usize,
) -> Option<(Date, Date, Vec<u32>)> {
    let events = &corpus.events;
    let first = from.unwrap_or(events.first()?.when.start);
    let last = to.unwrap_or(events.last()?.when.start).max(first);
    Some((first, last, bars(corpus, rows, first, last, buckets, (0, events.len()))))
}

/// Events of `rows` per bucket from `first` to `last`, as [`density_between`] shares
/// the days out, counting only events that start in those days: on a zoomed time axis
/// the others are marks at its edges ([`outliers`]), not part of its edge bars.
pub fn density_within(corpus: &Corpus, rows: &Rows, first: Date, last: Date, buckets: usize) -> Vec<u32> {
    let events = &corpus.events;
    let inside = (events.partition_point(|e| e.when.start < first), events.partition_point(|e| e.when.start <= last));
    bars(corpus, rows, first, last.max(first), buckets, inside)
}

/// The bars of the events numbered `events.0..events.1` (a run in date order), those
/// before `first` counted in the first bar and those after `last` in the last.
fn bars(corpus: &Corpus, rows: &Rows, first: Date, last: Date, buckets: usize, events: (usize, usize)) -> Vec<u32> {
    let (lo, hi) = events;
    let events = &corpus.events[..hi];
    let a = day_number(first);
    let days = day_number(last) - a + 1;
    let n = buckets.clamp(1, usize::try_from(days).unwrap_or(1));
    let slot = |d: Date| ((day_number(d) - a).clamp(0, days - 1) * n as i64 / days) as usize;
    let mut counts = vec![0u32; n];
    let mut start = lo;
    for (k, count) in counts.iter_mut().enumerate() {
        let end = if k + 1 == n { hi } else { start + events[start..].partition_point(|e| slot(e.when.start) <= k) };
        *count = (rows.count_before(end) - rows.count_before(start)) as u32;
        start = end;
    }
    counts
}

/// The first and the last day of bucket `k` of a strip of `buckets` buckets from
/// `first` to `last`, as [`density_between`] shares the days out.
pub fn bar_days(first: Date, last: Date, buckets: usize, k: usize) -> (Date, Date) {
    let a = day_number(first);
    let days = (day_number(last) - a + 1).max(1);
    let n = buckets.clamp(1, usize::try_from(days).unwrap_or(1)) as i64;
    let k = (k as i64).min(n - 1);
    // Day offset d is in bucket floor(d * n / days): bucket k begins at the first d with
    // d * n >= k * days.
    let begin = |k: i64| (k * days + n - 1) / n;
    let day = |offset: i64| from_day_number(a + offset).unwrap_or(first);
    (day(begin(k)), day(begin(k + 1) - 1))
}

/// The stretch a click on bar `k` of the strip `(first, last, counts)` zooms to: the
/// nearest bar with events to it and about a sixth of the strip around that bar, kept
/// inside the strip; `None` when no bar has events. The bar's events stay in the
/// stretch, so the timeline never empties, and the strip redrawn over it shows them
/// spread over more bars.
pub fn zoom_around(first: Date, last: Date, counts: &[u32], k: usize) -> Option<(Date, Date)> {
    let n = counts.len();
    let nearest = (0..n).filter(|&i| counts[i] > 0).min_by_key(|&i| (i.abs_diff(k), i))?;
    let half = n / 12;
    let lo = nearest.saturating_sub(half).min(n.saturating_sub(2 * half + 1));
    let hi = (lo + 2 * half).min(n - 1);
    Some((bar_days(first, last, n, lo).0, bar_days(first, last, n, hi).1))
}

/// Days since 1970-01-01 (proleptic Gregorian), for spacing dates on a line.
pub fn day_number(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year), i64::from(d.month), i64::from(d.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`day_number`]).
pub fn from_day_number(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(i16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}
