//! Property tests: the cleaner never panics, and never drops a sentence of plain
//! prose; the date finders never panic, find only real calendar days, and find every
//! well-formed full date with its day.

use std::path::Path;

use model::{Date, DateSpan};
use pipeline::dates::{DateValue, find_dates};
use pipeline::when::{self, Tense};
use proptest::prelude::*;

/// Ordinary words: none is a furniture keyword, a byline or a month name.
const WORDS: [&str; 24] = [
    "army", "bridge", "river", "officials", "ministers", "talks", "city", "harbour", "troops", "road", "winter",
    "plans", "council", "trade", "border", "villages", "engineers", "crews", "ships", "week", "report", "budget",
    "schools", "farmers",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["The", "Local", "Several", "Many", "Two"][..]),
        prop::collection::vec(prop::sample::select(&WORDS[..]), 4..12),
    )
        .prop_map(|(first, rest)| format!("{first} {}.", rest.join(" ")))
}

/// Pieces of date phrases, in and out of order, for text the date finders half-read.
const DATE_PIECES: [&str; 42] = [
    "October", "Oct.", "Sept", "May", "February", "Feb", "5", "29", "31", "00", "2021", "1999", "0000", "9999",
    "12345678901234567890", "2222222222222222222", "-", "–", ".", ",", ":", "T", "th", "between", "and", "in", "on",
    "late", "mid-", "early", "last", "next", "week", "days", "months", "years", "ago", "Monday", "yesterday", "until",
    "a hundred", "1 ",
];

fn date_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(&DATE_PIECES[..]), prop::sample::select(&["", " ", "-", ", "][..])),
        0..24,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
}

fn real(d: Date) -> bool {
    Date::new(d.year, d.month, d.day) == Some(d)
}

/// Every date expression in `text` resolved against a day: spans of real days, in order.
fn check_dates(text: &str) -> Result<(), TestCaseError> {
    let mut last = 0;
    for f in find_dates(text) {
        prop_assert!(f.start >= last && f.start < f.end && text.get(f.start..f.end).is_some(), "{f:?} in {text:?}");
        last = f.end;
        if let DateValue::Full(d) = f.value {
            prop_assert!(real(d), "{d:?} from {text:?}");
        }
    }
    let reference = DateSpan::stated_day(Date::new(2021, 10, 5).expect("a day"), "reference");
    for hit in when::find(text) {
        let evidence = text.get(hit.start..hit.end);
        prop_assert!(evidence.is_some(), "{hit:?} in {text:?}");
        for tense in [Tense::Past, Tense::Future] {
            if let Some(span) = when::resolve(hit.expr, Some(&reference), tense, evidence.unwrap_or_default()) {
                prop_assert!(real(span.start) && real(span.end) && span.start <= span.end, "{span:?} from {text:?}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn plain_prose_keeps_every_sentence(paragraphs in prop::collection::vec(prop::collection::vec(sentence(), 1..5), 1..8)) {
        let text = paragraphs.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n");
        let article = pipeline::parse_article(Path::new("p.txt"), &text).expect("prose is an article");
        let body = article.paragraphs.join(" ");
        for s in paragraphs.iter().flatten() {
            prop_assert!(body.contains(s.as_str()), "lost {s:?} from {body:?}");
        }
        prop_assert!(article.removed.is_empty());
    }

    #[test]
    fn cleaner_never_panics_on_any_text(text in "\\PC{0,400}") {
        let _ = pipeline::parse_article(Path::new("any.txt"), &text);
        let _ = pipeline::parse_article(Path::new("any.html"), &text);
    }

    #[test]
    fn decoder_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(decoded) = pipeline::decode(&bytes) {
            let _ = pipeline::parse_article(Path::new("b.txt"), &decoded.text);
        }
    }

    #[test]
    fn date_finder_never_panics(text in "[0-9A-Za-z .,:/-]{0,80}") {
        check_dates(&text)?;
    }

    #[test]
    fn date_finders_never_panic_on_any_text(text in "\\PC{0,200}") {
        check_dates(&text)?;
    }

    #[test]
    fn date_finders_never_panic_on_date_like_text(text in date_like()) {
        check_dates(&text)?;
    }

    #[test]
    fn counts_of_any_size_never_panic(
        n in prop_oneof![any::<u64>(), 0u64..100_000],
        unit in prop::sample::select(&["day", "days", "weeks", "months", "years"][..]),
        shape in prop::sample::select(&["Troops left {} {} ago.", "It opened {} {} after the old bridge closed."][..]),
    ) {
        check_dates(&shape.replacen("{}", &n.to_string(), 1).replacen("{}", unit, 1))?;
        let reference = DateSpan::stated_day(Date::new(2021, 10, 5).expect("a day"), "reference");
        for count in [n as i64, -(n as i64)] {
            if let Some(span) = when::shift(&reference, count, unit, "shifted") {
                prop_assert!(real(span.start) && real(span.end) && span.start <= span.end, "{span:?}");
            }
        }
    }

    #[test]
    fn well_formed_full_dates_are_found_with_their_day(
        year in 1800i16..=2100,
        month in 1u8..=12,
        day in 1u8..=31,
        form in 0..5usize,
        short in any::<bool>(),
    ) {
        let Some(date) = Date::new(year, month, day) else { return Ok(()) };
        let name = model::month_name(month);
        // "Sept." and "Sep" are both written; "May" has no shorter form.
        let name = if short { &name[..3] } else { name };
        let phrase = match form {
            0 => format!("{day} {name} {year}"),
            1 => format!("{name} {day}, {year}"),
            2 => format!("{year}-{month:02}-{day:02}"),
            3 => format!("{day:02}.{month:02}.{year}"),
            _ => format!("{name} {day} {year}"),
        };
        let sentence = format!("The harbour council met on {phrase} to approve the budget.");
        let found = find_dates(&sentence);
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(&sentence[found[0].start..found[0].end], phrase.as_str());
        prop_assert_eq!(found[0].value, DateValue::Full(date));
        let hits = when::find(&sentence);
        prop_assert_eq!(hits.len(), 1, "{:?}", hits);
        let span = when::resolve(hits[0].expr, None, when::tense(&sentence), &phrase);
        prop_assert_eq!(span.map(|s| (s.start, s.end)), Some((date, date)));
    }
}
