//! Fuzz target: the date finders (`dates::find_dates`, `when::find`) on arbitrary text,
//! and every expression they find resolved (`when::resolve_with`, in every tense, with
//! and without a quarter named before) and shifted
//! (`when::shift`) against a few reference days. A found date is a real calendar day
//! and a span never ends before it starts.

#![no_main]

use libfuzzer_sys::fuzz_target;
use model::{Date, DateSpan, Precision};
use pipeline::dates::{DateValue, find_dates};
use pipeline::when::{self, Tense};

fn real(d: Date) -> bool {
    Date::new(d.year, d.month, d.day) == Some(d)
}

fn check_span(span: &DateSpan) {
    assert!(real(span.start) && real(span.end), "impossible day in {span:?}");
    assert!(span.start <= span.end, "span ends before it starts: {span:?}");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut references = vec![
        DateSpan::stated_day(Date::new(2021, 10, 5).expect("a day"), "ref"),
        DateSpan::stated_day(Date::new(2024, 2, 29).expect("a day"), "leap"),
        DateSpan::stated_day(Date::new(1, 1, 1).expect("a day"), "early"),
        DateSpan::stated_day(Date::new(i16::MAX, 12, 31).expect("a day"), "late"),
        DateSpan { precision: Precision::Year, ..DateSpan::stated_day(Date::new(2020, 1, 1).expect("a day"), "year") },
    ];
    let mut last = 0;
    for f in find_dates(text) {
        assert!(f.start >= last && f.start < f.end && text.get(f.start..f.end).is_some(), "bad range {f:?}");
        last = f.end;
        match f.value {
            DateValue::Full(d) => {
                assert!(real(d), "impossible day {d:?}");
                // The article's own publication date is a reference as well.
                references.push(DateSpan::stated_day(d, "found"));
            }
            DateValue::MonthDay { month, day } => assert!(Date::new(2000, month, day).is_some()),
            DateValue::MonthYear { month, .. } => assert!((1..=12).contains(&month)),
            DateValue::Year(_) => {}
        }
    }
    let tense = when::tense(text);
    // A quarter the text named, for "the quarter" and "a year earlier".
    let quarter = DateSpan {
        end: Date::new(2021, 9, 30).expect("a day"),
        precision: Precision::Quarter,
        ..DateSpan::stated_day(Date::new(2021, 7, 1).expect("a day"), "quarter")
    };
    for hit in when::find(text) {
        let evidence = text.get(hit.start..hit.end).expect("hits slice the text");
        let clause = when::tense_at(text, hit.start, hit.end);
        for reference in references.iter().map(Some).chain([None]) {
            for t in [tense, clause, Tense::Past, Tense::Future, Tense::Unmarked] {
                for named in [None, Some(&quarter)] {
                    let Some(span) = when::resolve_with(hit.expr, reference, t, evidence, named) else { continue };
                    check_span(&span);
                    // "N days/weeks/months/years after …" moves a resolved span.
                    for (n, unit) in [(1, "day"), (-3, "weeks"), (8, "months"), (-100, "years")] {
                        if let Some(moved) = when::shift(&span, n, unit, evidence) {
                            check_span(&moved);
                        }
                    }
                }
            }
        }
    }
    // Large counts as the text may state them ("999999999 years after …").
    if let Some(n) = text.split(|c: char| !c.is_ascii_digit() && c != '-').find_map(|w| w.parse::<i64>().ok()) {
        for unit in ["day", "week", "month", "year"] {
            for reference in &references {
                if let Some(moved) = when::shift(reference, n, unit, "fuzz") {
                    check_span(&moved);
                }
            }
        }
    }
});
