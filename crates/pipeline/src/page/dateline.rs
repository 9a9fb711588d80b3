//! Datelines, in one place: a date on a line of its own ("Published 5 March 2023"), a
//! place and a date ("BAKU, September 14, Report"), and a dateline opening the lead
//! ("BAKU, Azerbaijan, March 3. The ministers …"). Article parsing, metadata and events
//! read them from here.

use std::sync::LazyLock;

use model::DateSpan;
use regex::Regex;

use crate::language::dates::{DateValue, find_dates};
use crate::page::words::{DATELINE_WORDS, PUBLISHED};
use crate::rules::alternation;

/// The word that introduces a publication date ("Published: …", "Posted on …"):
/// `PUBLISHED` of `assets/page/words.txt`.
pub(crate) static PUBLISHED_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b({})\b", alternation(&PUBLISHED))).expect("valid regex"));

/// The stated date of a dateline block: a full date in a short block. Time of day and
/// words such as "date" or "Published" may stand around it.
pub fn dateline(block: &str) -> Option<DateSpan> {
    if block.chars().count() > 80 {
        return None;
    }
    let found = find_dates(block);
    // "Updated on 12 March | Published on 10 March": the date after "Published".
    let published_at = PUBLISHED_WORD.find(block).map_or(0, |m| m.end());
    let after: Vec<_> = found.iter().filter(|f| f.start >= published_at).collect();
    let found = if after.is_empty() { found.iter().collect() } else { after };
    found.into_iter().find_map(|f| match f.value {
        DateValue::Full(date) => Some(DateSpan::stated_day(date, block.trim())),
        _ => None,
    })
}

static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{1,2}:\d{2}(:\d{2})?\b").expect("valid regex"));

/// A short block that is a full date and at most `others` other words, not counting
/// times of day and [`DATELINE_WORDS`] ("Link [2022-12-05 16:54:44]" has one).
pub fn date_line(block: &str, others: usize) -> Option<DateSpan> {
    let date = dateline(block)?;
    let mut rest = block.to_owned();
    for f in find_dates(block).iter().rev() {
        rest.replace_range(f.start..f.end, " ");
    }
    let rest = TIME_OF_DAY.replace_all(&rest, " ");
    let words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !DATELINE_WORDS.contains(&w.to_lowercase().as_str()))
        .count();
    (words <= others).then_some(date)
}

/// The day a dateline names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceDateline {
    /// A full date, or a month and day whose year the article's text must give.
    pub date: DateValue,
    /// The outlet named after the date, if any.
    pub outlet: Option<String>,
}

/// A dateline of a place, a date and perhaps the outlet, on a line of its own: "Baku,
/// September 14, Report", "ANKARA, 3 March 2023". The date may lack its year.
pub fn place_dateline(block: &str) -> Option<PlaceDateline> {
    if block.chars().count() > 60 {
        return None;
    }
    let found = find_dates(block);
    let [f] = found.as_slice() else { return None };
    if !matches!(f.value, DateValue::Full(_) | DateValue::MonthDay { .. }) {
        return None;
    }
    if !dateline_place(&block[..f.start]) {
        return None;
    }
    let after = &block[f.end..];
    if !after.is_empty() && !after.starts_with([',', '.', ' ', '/', '(']) {
        return None;
    }
    let outlet = after.trim_matches(|c: char| c.is_whitespace() || ",./():-–—".contains(c));
    if !outlet.is_empty() && (!capitalised_words(outlet) || outlet.contains(['(', ')'])) {
        return None;
    }
    Some(PlaceDateline { date: f.value, outlet: (!outlet.is_empty()).then(|| outlet.to_owned()) })
}

/// Whether text is a dateline's place: one to three capitalised words, which may
/// abbreviate one ("ST. LOUIS"); a wire dateline, its city in capitals, may name the
/// region after a comma ("WIGAN, England"; "Baku, Ganja" names two places).
pub fn dateline_place(text: &str) -> bool {
    let place = text.trim_end_matches([',', '.', ' ', '/']);
    let parts: Vec<&str> = place.split(',').map(str::trim).collect();
    let abbreviated = |part: &str| {
        part.split_whitespace()
            .all(|w| !w.contains('.') || w.len() <= 5 && w.chars().all(|c| c.is_alphabetic() || c == '.'))
    };
    place.ends_with(|c: char| c.is_alphabetic())
        && parts.len() <= 2
        && !(parts.len() == 2 && parts[0].chars().any(char::is_lowercase))
        && parts.iter().all(|p| capitalised_words(p) && abbreviated(p))
}

/// One to three words, each capitalised, with no digits: a place's or an outlet's name.
fn capitalised_words(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit()))
}

/// A dateline opening the lead and closed by a full stop, the first sentence right
/// after it: "BAKU, Azerbaijan, March 3. The ministers …". The place is one to three
/// capitalised words, perhaps with its country after a comma; the date may lack its
/// year. Gives the date, its words, and where the sentence after it begins.
pub fn lead_dateline(lead: &str) -> Option<(DateValue, &str, usize)> {
    let head = lead.char_indices().nth(70).map_or(lead, |(i, _)| &lead[..i]);
    for (dot, _) in head.match_indices(". ") {
        let after = lead[dot + 2..].trim_start();
        if !after.starts_with(char::is_uppercase) {
            continue;
        }
        let prefix = &lead[..dot];
        let found = find_dates(prefix);
        let [f] = found.as_slice() else { continue };
        let ends_it = prefix[f.end..].trim_matches(|c: char| c.is_whitespace() || c == '.').is_empty();
        if !ends_it || !matches!(f.value, DateValue::Full(_) | DateValue::MonthDay { .. }) {
            continue;
        }
        let place = prefix[..f.start].trim_end_matches([',', ' ']);
        let parts: Vec<&str> = place.split(',').map(str::trim).collect();
        if parts.len() <= 2 && parts.iter().all(|p| capitalised_words(p)) {
            return Some((f.value, prefix, lead.len() - after.len()));
        }
    }
    None
}

/// What follows a dateline's place: more of the place and the date, each after a comma
/// and capitalised or a number, perhaps the agency in brackets, then a dash.
static DATELINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,\s*[\p{Lu}\p{N}][\p{L}\p{N}.]*(?:\s[\p{Lu}\p{N}][\p{L}\p{N}.]*){0,3})*\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s")
        .expect("valid regex")
});

/// Whether `rest`, the text after a capitalised run, is a dateline's tail (the rest of
/// the place, the date, the agency, a dash): the run then is a dateline's place.
pub(crate) fn follows_a_dateline_place(rest: &str) -> bool {
    DATELINE_TAIL.is_match(rest)
}

/// A place, a comma and a date, then a dash, opening a lead ("Baku, 14 June 2023 — ").
pub(crate) static LEAD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L} .'-]{1,30},\s*[\p{L}\p{N} .,]{6,30}?\s*[—–-]+\s").expect("valid regex")
});

/// A dateline heading the lead with the agency in brackets: a place, maybe a region or
/// a month and day after commas, then "(AP)" and a dash or a full stop.
pub(crate) static DATELINE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L} .'-]{1,40}(?:,\s*[\p{L}\p{N} .'-]{1,30}){0,2}\s*\(([\p{Lu}][\p{L}\p{N} .&'-]{0,30})\)\s*(?:[—–-]+|\.)\s")
        .expect("valid regex")
});

/// Where a dateline opening a lead ends (the text after it is the first sentence):
/// "BAKU, Azerbaijan, March 3. ", "ANKARA, Oct 3 (Reuters) - ", "Baku, 14 June 2023 — ".
/// Its date is the article's, not that of what the sentence tells.
pub(crate) fn dateline_end(lead: &str) -> Option<usize> {
    lead_dateline(lead)
        .map(|(_, _, cut)| cut)
        .or_else(|| DATELINE_AGENCY.find(lead).map(|m| m.end()))
        .or_else(|| LEAD_DATE.find(lead).map(|m| m.end()))
}

#[cfg(test)]
mod tests {
    use model::Date;

    use super::*;

    #[test]
    fn place_datelines_may_lack_the_year_and_name_the_outlet() {
        let read = |b: &str| place_dateline(b).map(|d| (d.date, d.outlet));
        let day = |month, day| DateValue::MonthDay { month, day };
        assert_eq!(read("Baku, September 14, Report"), Some((day(9, 14), Some("Report".into()))));
        assert_eq!(read("BAKU, Sept. 14 (Trend)"), Some((day(9, 14), Some("Trend".into()))));
        assert_eq!(read("Ankara, 3 March"), Some((day(3, 3), None)));
        let full = DateValue::Full(Date::new(2023, 3, 3).unwrap());
        assert_eq!(read("Ankara, 3 March 2023, Daily News"), Some((full, Some("Daily News".into()))));
        assert_eq!(read("The drills began on March 3"), None);
        assert_eq!(read("Baku, Ganja, March 3"), None);
        assert_eq!(read("Baku, March 3, when troops moved"), None);
        assert_eq!(read("Baku, March 2023"), None);
    }

    #[test]
    fn lead_datelines_end_at_a_full_stop_before_the_first_sentence() {
        let read = |lead: &'static str| lead_dateline(lead).map(|(date, words, cut)| (date, words, &lead[cut..]));
        let day = |month, day| DateValue::MonthDay { month, day };
        assert_eq!(
            read("BAKU, Azerbaijan, March 3. The ministers met."),
            Some((day(3, 3), "BAKU, Azerbaijan, March 3", "The ministers met."))
        );
        assert_eq!(
            read("BAKU, Azerbaijan, Jan. 5. Talks began."),
            Some((day(1, 5), "BAKU, Azerbaijan, Jan. 5", "Talks began."))
        );
        let full = DateValue::Full(Date::new(2023, 3, 3).unwrap());
        assert_eq!(
            read("Ankara, 3 March 2023. Troops arrived."),
            Some((full, "Ankara, 3 March 2023", "Troops arrived."))
        );
        assert_eq!(read("The ministers met on March 3. They signed a plan."), None);
        assert_eq!(read("Azerbaijan and Turkey, March 3. The talks"), None);
        assert_eq!(read("Baku, Ganja, Shusha, March 3. The talks"), None);
        assert_eq!(read("BAKU, March 3. the talks"), None);
    }

    #[test]
    fn datelines() {
        let iso = |b: &str| dateline(b).map(|d| d.start.iso());
        assert_eq!(iso("Link [2022-12-05 16:54:44]").as_deref(), Some("2022-12-05"));
        assert_eq!(iso("05 October 2021 13:45").as_deref(), Some("2021-10-05"));
        assert_eq!(iso("03.09.2022").as_deref(), Some("2022-09-03"));
        assert_eq!(iso("Published: June 7, 2022").as_deref(), Some("2022-06-07"));
        assert_eq!(iso("October 2021"), None);
        assert_eq!(iso("Updated on 12 March 2023 | Published on 10 March 2023").as_deref(), Some("2023-03-10"));
    }
}
