//! A person's role as the text writes it around the name: a role in apposition after it, a
//! lowercase role or an office before it, the country before a role, and the record of a
//! person named after a title (`push_titled`). The entity rules (`classify.rs`) ask these.

use std::sync::LazyLock;

use model::EntityKind;
use regex::Regex;

use crate::language::gazetteer::GAZETTEER;
use crate::language::name_words::{
    APPOSITION_ROLES, COURTESY_TITLES, FUNCTION_WORDS, LOWER_TITLES, ROLE_BOUNDARIES, ROLE_COMPLEMENTS, SPEECH_VERBS,
};

use super::found::{Found, place_word};
use super::tokens::{Token, is_title, span_text};

/// A role in apposition after a name: ", an analyst at the Andean Institute," or
/// ", director of the Andean Institute," (the role's words up to the next comma or
/// stop; with no article, its first word must name a role).
static APPOSITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,\s+(an?\s+|the\s+)?([^,.;:()“”\x22]{3,80}?)\s*(?:[,.;(]|$)").expect("valid regex"));

/// The role in apposition at the start of `after` (the text right after a name), if
/// its words name one (see [`APPOSITION`]).
pub(super) fn apposition(after: &str) -> Option<String> {
    let c = APPOSITION.captures(after)?;
    let role_word = |w: &str| LOWER_TITLES.contains(&w) || APPOSITION_ROLES.contains(&w);
    c[2].split_whitespace().take(if c.get(1).is_some() { 3 } else { 1 }).any(role_word).then(|| c[2].trim().to_owned())
}

/// Where a lowercase role starts: back over adjectives and a demonym to a determiner
/// ("his Turkish counterpart" gives "Turkish counterpart").
pub(super) fn role_start_before(paragraph: &str, toks: &[Token<'_>], title: usize) -> usize {
    let mut i = title;
    while i > 0 {
        let t = &toks[i - 1];
        let joined = paragraph[t.end..toks[i].start].chars().all(char::is_whitespace);
        if !joined || ROLE_BOUNDARIES.contains(&t.text) || SPEECH_VERBS.contains(&t.text) {
            break;
        }
        i -= 1;
        if i + 2 < title {
            break;
        }
    }
    i
}

/// The lowercase role word ending at token `last` or a few words before it, joined by
/// spaces, with only its complement after it ("ambassador to Türkiye", "chief
/// executive"): the role of a name in apposition after the comma that follows.
pub(super) fn role_before_comma(paragraph: &str, toks: &[Token<'_>], last: usize) -> Option<usize> {
    let mut i = last;
    loop {
        let t = &toks[i];
        if LOWER_TITLES.contains(&t.text) {
            return Some(i);
        }
        let complement = t.capitalised() || ROLE_COMPLEMENTS.contains(&t.text);
        if !complement
            || i == 0
            || last - i >= 4
            || !paragraph[toks[i - 1].end..t.start].chars().all(char::is_whitespace)
        {
            return None;
        }
        i -= 1;
    }
}

/// Where an office written before a title's run begins, if one is: "Chief of the"
/// before "General Staff General Ana Rojas", "Deputy Defence Minister," before
/// "Lieutenant-General Ana Rojas" (the office, then the rank). `start` is the run's
/// first token; the office is capitalised words joined by spaces and ends in a title.
pub(super) fn office_before(paragraph: &str, toks: &[Token<'_>], start: usize) -> usize {
    let gap = |i: usize| &paragraph[toks[i].end..toks[i + 1].start];
    let spaced = |i: usize| !gap(i).is_empty() && gap(i).chars().all(char::is_whitespace);
    let title_at = if start >= 3
        && toks[start - 1].text == "the"
        && toks[start - 2].text == "of"
        && (start - 3..start).all(spaced)
    {
        start - 3
    } else if start >= 1 && gap(start - 1) == ", " {
        start - 1
    } else {
        return start;
    };
    if !is_title(toks[title_at].text) || !toks[title_at].capitalised() {
        return start;
    }
    // The office's words before its title ("Deputy Defence"), a demonym left to
    // `with_context`.
    let mut i = title_at;
    while i > 0 && title_at - i < 3 {
        let t = &toks[i - 1];
        if !spaced(i - 1) || !t.capitalised() || GAZETTEER.demonym(t.text).is_some() || FUNCTION_WORDS.contains(&t.text)
        {
            break;
        }
        i -= 1;
    }
    i
}

/// Adds the country before a capitalised role ("Azerbaijan's" + "Defence Minister").
pub(super) fn with_context(paragraph: &str, toks: &[Token<'_>], start: usize, role: String) -> String {
    if start == 0 {
        return role;
    }
    let before = &toks[start - 1];
    let gap = &paragraph[before.end..toks[start].start];
    let possessive = gap.starts_with(['\'', '’']);
    if before.capitalised() && (possessive || GAZETTEER.demonym(before.text).is_some()) {
        format!("{}{}{}", before.text, gap, role)
    } else {
        role
    }
}

/// A person named after a title or office: tokens `role_start..name_start` are the role
/// as written (`role`, to which [`with_context`] adds a country before it), whose own
/// words may name places ("Azerbaijani Defence Minister"); `name_start..end` the name,
/// of `name_words` words.
pub(super) fn push_titled(
    found: &mut Vec<Found>,
    paragraph: &str,
    toks: &[Token<'_>],
    (role_start, name_start, end): (usize, usize, usize),
    name_words: usize,
    role: String,
) {
    let name = span_text(paragraph, toks, name_start, end);
    let mut role = with_context(paragraph, toks, role_start, role);
    // "Minister of Defence Industry Mr. Ana Rojas": the courtesy title is no part of the office.
    for courtesy in COURTESY_TITLES.iter() {
        if let Some(stem) = role.strip_suffix(courtesy).and_then(|stem| stem.strip_suffix(' ')) {
            role = stem.to_owned();
            break;
        }
    }
    // "Major General Ana Rojas, commander of the border troops,": the rank and the office.
    if let Some(office) = apposition(&paragraph[toks[end - 1].end..]) {
        role = format!("{role}, {office}");
    }
    for t in &toks[role_start..name_start] {
        place_word(found, t, false);
    }
    found.push(Found {
        kind: EntityKind::Person,
        surface: name.to_owned(),
        name: name.to_owned(),
        rule: if name_words == 1 { "surname" } else { "name" },
        start: toks[name_start].start,
        end: toks[end - 1].end,
        role: Some(role),
        series: None,
        fallback: Some((EntityKind::Person, name.to_owned(), "name")),
    });
}
