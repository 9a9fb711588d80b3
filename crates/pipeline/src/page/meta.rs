//! Article metadata from header lines and text: bylines (people versus outlets),
//! bylines glued to the body, "Name · date" credit lines, and publication dates
//! inferred from the text when none is stated. Datelines are `crate::page::dateline`'s.

use std::sync::LazyLock;

use model::{Basis, Date, DateSpan, Precision};
use regex::Regex;

use crate::language::dates::{DateValue, find_dates};
use crate::page::words::{self as words, GENERIC, NAME_PARTICLES, ORGANISATION};
use crate::rules::alternation;

/// What a byline names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credit {
    Person(String),
    Outlet(String),
}

/// Classifies a name from a byline.
pub fn credit(name: &str) -> Option<Credit> {
    let name = name.trim().trim_matches(|c: char| c == ',' || c == '|' || c == '/' || c.is_whitespace());
    if name.is_empty() || name.chars().count() > 60 {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| GENERIC.contains(&w.as_str())) {
        return None;
    }
    let capitalised = words
        .iter()
        .zip(&lower)
        .all(|(w, l)| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(&l.as_str()));
    if !capitalised || !words[0].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if words.len() == 1 || lower.iter().any(|w| ORGANISATION.contains(&w.as_str())) || words.len() > 4 {
        return Some(Credit::Outlet(name.to_owned()));
    }
    Some(Credit::Person(name.to_owned()))
}

/// "By" where a credit starts: anywhere after a separator, or in any case at the start
/// of the block ("by Ann Lee | Published: …").
static BY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^[Bb][Yy]|[\s/|,;]B[Yy])\b\s*").expect("valid regex"));
/// What may follow a name in a byline, and ends it: a separator, or a word that
/// introduces the date (`BYLINE_END`).
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    let ends = words::BYLINE_END.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    // "By Ann Lee on Monday, November 18th, 2019": a lowercase "on" ends the name.
    Regex::new(&format!(r"(?i)\s*(?:[|•·]|\s[-–—]\s|\b(?:{ends})\b)|(?-i:\son\s)")).expect("valid regex")
});
/// A header block that is a byline: its credits. "By Daily / By Ann Lee" gives two;
/// a name ends at a separator, a date, or a dateline glued to it ("By Ann LeeKARACHI,
/// March 14" gives "Ann Lee"). `None` when the block is not a byline: text before the
/// first "By" that is not a date, or a "name" that is not one ("By Monday the troops").
pub fn byline(block: &str) -> Option<Vec<String>> {
    let starts = BY.find_iter(block).map(|m| (m.start(), m.end())).collect::<Vec<_>>();
    let first = starts.first()?;
    // Text before the first "By" may only be a dateline.
    let before = &block[..first.0];
    if !before.trim().is_empty() && find_dates(before).is_empty() {
        return None;
    }
    let mut names = Vec::new();
    for (i, &(_, name_start)) in starts.iter().enumerate() {
        let name_end = starts.get(i + 1).map_or(block.len(), |next| next.0);
        let name = name_before_dateline(&block[name_start..name_end]);
        let name = name.trim().trim_end_matches(['/', '|', ',', ';', ':']).trim();
        if !name.is_empty() {
            names.push(name.to_owned());
        }
    }
    (!names.is_empty() && names.iter().all(|n| name_like(n))).then_some(names)
}

/// The part of a byline's text that is the name: up to a separator, a date, or a
/// dateline place glued to the last name in capitals ("KhanKARACHI").
fn name_before_dateline(text: &str) -> &str {
    let mut end = text.len();
    if let Some(m) = NAME_END.find(text) {
        end = end.min(m.start());
    }
    // "by Ann Lee, senior fellow at …": the apposition after a comma (a phrase, not
    // sentences) is no part of it.
    let apposition = |tail: &str| {
        tail.starts_with(char::is_lowercase)
            && tail.len() <= 100
            && !tail.trim_end().trim_end_matches('.').contains(['.', '!', '?'])
    };
    if let Some((comma, _)) = text.match_indices(", ").find(|(i, _)| apposition(&text[i + 2..])) {
        end = end.min(comma);
    }
    if let Some(d) = find_dates(text).first() {
        end = end.min(d.start);
    }
    let mut at = 0;
    for word in text[..end].split_inclusive(char::is_whitespace) {
        if let Some(cut) = camel_cut(word)
            && word[cut..].chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word[cut..].chars().all(|c| !c.is_lowercase())
        {
            end = at + cut;
            break;
        }
        at += word.len();
    }
    &text[..end]
}

/// Whether a byline's name can be a credit: a few words, each capitalised or a name
/// particle, or naming a role ("our correspondent", which [`credit`] then drops).
fn name_like(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let capitalised = name.split_whitespace().zip(&words).all(|(w, lower)| {
        w.chars().next().is_some_and(|c| !c.is_lowercase()) || NAME_PARTICLES.contains(&lower.as_str())
    });
    !words.is_empty() && words.len() <= 6 && (capitalised || words.iter().any(|w| GENERIC.contains(&w.as_str())))
}

/// Splits a body block that starts with bylines glued to the text by lost markup:
/// "By DailyBy Ann LeeOn Monday, troops …" gives `["Daily", "Ann Lee"]` and
/// "On Monday, troops …". A word with a lowercase letter followed by a capital
/// ("LeeOn") marks where the name ends.
pub fn split_glued_byline(block: &str) -> Option<(Vec<String>, String)> {
    let mut rest = block.strip_prefix("By")?;
    let mut names = Vec::new();
    loop {
        rest = rest.trim_start();
        let mut name_words: Vec<&str> = Vec::new();
        let mut cursor = rest;
        let mut glued_at = None;
        while let Some(word) = cursor.split_whitespace().next() {
            if !word.chars().next().is_some_and(char::is_uppercase) || name_words.len() >= 4 {
                break;
            }
            let word_start = cursor.find(word).unwrap_or(0);
            if let Some(cut) = camel_cut(word) {
                name_words.push(&word[..cut]);
                glued_at = Some(rest.len() - cursor.len() + word_start + cut);
                break;
            }
            name_words.push(word);
            cursor = &cursor[word_start + word.len()..];
        }
        let cut = glued_at?;
        names.push(name_words.join(" "));
        rest = &rest[cut..];
        match rest.strip_prefix("By") {
            Some(after) if after.starts_with(|c: char| c.is_uppercase() || c.is_whitespace()) => rest = after,
            _ => break,
        }
    }
    let body = rest.trim();
    (!names.is_empty() && body.split_whitespace().count() >= 3).then(|| (names, body.to_owned()))
}

/// The byte index inside `word` where a lowercase letter is followed by a capital.
fn camel_cut(word: &str) -> Option<usize> {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if prev_lower && c.is_uppercase() {
            return Some(i);
        }
        prev_lower = c.is_lowercase();
    }
    None
}

/// What separates a credit from the date in a header line.
static CREDIT_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:[|•·]|\s[-–—]\s)\s*").expect("valid regex"));

/// A header line that names its author and the date with no "By" ("Ann de Vries ·
/// January 15, 2024 · 4 min read"): the person's name and the date. The name must be
/// a person's: two to four capitalised words (or name particles), not in capitals,
/// and no place the gazetteer knows ("New York · January 15, 2024").
pub fn credit_line(block: &str) -> Option<(String, DateSpan)> {
    if block.chars().count() > 80 {
        return None;
    }
    let m = CREDIT_SEPARATOR.find(block)?;
    let (name, rest) = (block[..m.start()].trim(), &block[m.end()..]);
    let date = crate::page::dateline::date_line(rest, 3)?;
    let words = name.split_whitespace().count();
    if !(2..=4).contains(&words) || !name.chars().any(char::is_lowercase) || !name_like(name) {
        return None;
    }
    if crate::language::gazetteer::GAZETTEER.lookup(name).is_some() {
        return None;
    }
    match credit(name)? {
        Credit::Person(name) => Some((name, date)),
        Credit::Outlet(_) => None,
    }
}

/// A place in capitals and, after a dash, the outlet, on a line of their own
/// ("ANKARA - Anadolu Agency"): the outlet's name.
static PLACE_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\s'.,-]{1,40}\s+[-–—]\s+(\p{Lu}[\p{L}&.' ]{1,40})$").expect("valid regex")
});

/// The outlet of a line that names a place in capitals and the outlet
/// ("ANKARA - Anadolu Agency", "ISTANBUL – Reuters").
pub fn place_outlet(block: &str) -> Option<String> {
    let c = PLACE_OUTLET.captures(block.trim())?;
    let name = c[1].trim();
    (name.split_whitespace().count() <= 4).then(|| name.to_owned())
}

/// A verb of reporting and "on" ending the text before a date ("the ministry reported
/// on October 5"): `REPORTED_ON` of `assets/page/words.txt`.
static REPORTED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b({})\b[^.]{{0,40}}?\bon\s*$", alternation(&words::REPORTED_ON))).expect("valid regex")
});

/// A publication date worked out from the text when none is stated: a report date
/// without a year (a dateline's `day`, as month, day and its words, or "the ministry
/// reported on October 5") completed with the latest year the article mentions, or
/// else that year alone as a wide span.
pub fn infer_published(paragraphs: &[String], day: Option<(u8, u8, String)>) -> Option<DateSpan> {
    let mut latest_year: Option<(i16, String)> = None;
    let mut report_day: Option<(u8, u8, String)> = day;
    let mut report_date: Option<(Date, String)> = None;
    for paragraph in paragraphs {
        for f in find_dates(paragraph) {
            let words = paragraph[f.start..f.end].to_owned();
            let year = match f.value {
                DateValue::Full(d) => {
                    // "the company said on 2022-10-06": the day of the report itself.
                    let before = &paragraph[..f.start];
                    if report_date.is_none() && REPORTED_ON.is_match(before) {
                        let verb_start = REPORTED_ON.find(before).map_or(f.start, |m| m.start());
                        report_date = Some((d, paragraph[verb_start..f.end].to_owned()));
                    }
                    Some(d.year)
                }
                DateValue::MonthYear { year, .. } | DateValue::Year(year) => Some(year),
                DateValue::MonthDay { month, day } => {
                    let before = &paragraph[..f.start];
                    if report_day.is_none() && REPORTED_ON.is_match(before) {
                        let verb_start = REPORTED_ON.find(before).map_or(f.start, |m| m.start());
                        report_day = Some((month, day, paragraph[verb_start..f.end].to_owned()));
                    }
                    None
                }
            };
            if let Some(year) = year
                && latest_year.as_ref().is_none_or(|(y, _)| year > *y)
            {
                latest_year = Some((year, words));
            }
        }
    }
    if let Some((date, words)) = report_date {
        return Some(DateSpan {
            start: date,
            end: date,
            precision: Precision::Day,
            basis: Basis::Inferred,
            evidence: words.into(),
        });
    }
    let (year, year_words) = latest_year?;
    if let Some((month, day, words)) = report_day
        && let Some(date) = Date::new(year, month, day)
    {
        return Some(DateSpan {
            start: date,
            end: date,
            precision: Precision::Day,
            basis: Basis::Inferred,
            evidence: format!("{words}; year from “{year_words}”").into(),
        });
    }
    Some(DateSpan {
        start: Date::new(year, 1, 1)?,
        end: Date::new(year, 12, 31)?,
        precision: Precision::Year,
        basis: Basis::Inferred,
        evidence: format!("latest year mentioned: “{year_words}”").into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_tell_people_from_outlets() {
        assert_eq!(credit("Jane Roe"), Some(Credit::Person("Jane Roe".into())));
        assert_eq!(credit("A. B. Smith"), Some(Credit::Person("A. B. Smith".into())));
        assert_eq!(credit("Dailynews"), Some(Credit::Outlet("Dailynews".into())));
        assert_eq!(credit("Caucasus News Agency"), Some(Credit::Outlet("Caucasus News Agency".into())));
        assert_eq!(credit("Staff Reporter"), None);
        assert_eq!(credit("our correspondent"), None);
        assert_eq!(credit("Tomas de Vries"), Some(Credit::Person("Tomas de Vries".into())));
        assert_eq!(credit("de Vries"), None);
    }

    #[test]
    fn credit_lines_name_a_person_then_the_date() {
        let read = |b: &str| credit_line(b).map(|(name, d)| (name, d.start.iso()));
        assert_eq!(read("Ann de Vries · January 15, 2024"), Some(("Ann de Vries".into(), "2024-01-15".into())));
        assert_eq!(read("Ann Lee | 15.01.2024 | 4 min read"), Some(("Ann Lee".into(), "2024-01-15".into())));
        assert_eq!(read("New York · January 15, 2024"), None, "a place");
        assert_eq!(read("BAKU STAFF · January 15, 2024"), None, "capitals");
        assert_eq!(read("World News Agency · January 15, 2024"), None, "an outlet");
        assert_eq!(read("Ann Lee · January 2024"), None, "no day");
        assert_eq!(read("Ann Lee met them · January 15, 2024"), None);
    }

    #[test]
    fn a_place_in_capitals_then_the_outlet() {
        assert_eq!(place_outlet("ANKARA - Anadolu Agency").as_deref(), Some("Anadolu Agency"));
        assert_eq!(place_outlet("BAKU, AZERBAIJAN – Trend").as_deref(), Some("Trend"));
        assert_eq!(place_outlet("Ankara - Anadolu Agency"), None);
        assert_eq!(place_outlet("NATO - the alliance said more"), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jane Roe"), Some(vec!["Jane Roe".into()]));
        assert_eq!(byline("By Daily / By Jane Roe"), Some(vec!["Daily".into(), "Jane Roe".into()]));
        assert_eq!(byline(" date 2022-02-08 By Jon Doe"), Some(vec!["Jon Doe".into()]));
        assert_eq!(byline("Stand By Me is a film"), None);
        assert_eq!(byline("by Ann Lee, senior fellow at the Institute"), Some(vec!["Ann Lee".into()]));
        assert_eq!(byline("The deal was signed. By then"), None);
        // A separator, a date or a dateline glued in capitals ends the name; "by" may
        // start the block in lowercase; a name must look like one.
        assert_eq!(byline("by Mehmet Yilmaz | Published: 15 August 2021"), Some(vec!["Mehmet Yilmaz".into()]));
        assert_eq!(byline("By Ayesha KhanKARACHI, March 14 (DD) –"), Some(vec!["Ayesha Khan".into()]));
        assert_eq!(byline("By Ann Lee, 5 March 2023"), Some(vec!["Ann Lee".into()]));
        assert_eq!(byline("By Ann Lee - Updated 10:42"), Some(vec!["Ann Lee".into()]));
        assert_eq!(byline("By Ronald McDonald"), Some(vec!["Ronald McDonald".into()]));
        assert_eq!(
            byline("BAKU, Azerbaijan, Sept. 5. By Trend:"),
            Some(vec!["Trend".into()]),
            "a dateline, then the credit"
        );
        assert_eq!(byline("By Trend:"), Some(vec!["Trend".into()]));
        assert_eq!(byline("By Ursula von der Leyen"), Some(vec!["Ursula von der Leyen".into()]));
        assert_eq!(byline("By our correspondent"), Some(vec!["our correspondent".into()]));
        assert_eq!(byline("By Monday the troops had moved north."), None);
        assert_eq!(byline("by the end of the year"), None);
    }

    #[test]
    fn glued_bylines_are_split_from_the_body() {
        assert_eq!(
            split_glued_byline("By DailyBy Ann LeeOn Monday, troops moved north."),
            Some((vec!["Daily".into(), "Ann Lee".into()], "On Monday, troops moved north.".into()))
        );
        assert_eq!(
            split_glued_byline("By\u{a0}DailyBy Ann LeeThe troops moved."),
            Some((vec!["Daily".into(), "Ann Lee".into()], "The troops moved.".into()))
        );
        assert_eq!(split_glued_byline("By Monday the troops had moved."), None);
        assert_eq!(split_glued_byline("Bystanders saw the convoy."), None);
    }

    #[test]
    fn inferred_publication_dates() {
        let p = |texts: &[&str]| infer_published(&texts.iter().map(|s| s.to_string()).collect::<Vec<_>>(), None);
        let d = p(&["The ministry reported on October 5.", "Drills run 05-08 October 2021 as in 1992."]).unwrap();
        assert_eq!((d.start.iso(), d.precision, d.basis), ("2021-10-05".into(), Precision::Day, Basis::Inferred));
        assert!(d.evidence.contains("reported on October 5"), "{}", d.evidence);
        let y = p(&["Troops will join Efes-2022 drills.", "Drills were held in 2021."]).unwrap();
        assert_eq!(
            (y.start.iso(), y.end.iso(), y.precision),
            ("2022-01-01".into(), "2022-12-31".into(), Precision::Year)
        );
        let r = p(&["Baykar said on 2022-10-06 that it had delivered drones.", "Deliveries began in 2020."]).unwrap();
        assert_eq!((r.start.iso(), r.precision, r.basis), ("2022-10-06".into(), Precision::Day, Basis::Inferred));
        assert_eq!(p(&["No dates at all."]), None);
        assert_eq!(p(&["He said on Monday that it rained."]), None);
    }
}
