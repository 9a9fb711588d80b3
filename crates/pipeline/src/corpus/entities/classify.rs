//! What a capitalised run names: the cascade of rules (`classify_run`) over titles and offices,
//! roles in apposition, head words, the gazetteer and datelines, and the helpers it asks; the
//! tagger's names only where no rule decides.

use std::sync::LazyLock;

use model::EntityKind;
use regex::Regex;

use crate::language::gazetteer::{GAZETTEER, PlaceKind};
use crate::page::words::NAME_PARTICLES;

use super::found::{Context, Found, Proposed, place_word, push, push_person, via_rule};
use super::tokens::{EDITION, Token, is_title, span_text};
use crate::language::name_words::{
    AGREEMENT_HEADS, APPOSITION_ROLES, CAPITALS_WORDS, COMPANY_HEADS, EVENT_HEADS, EVENT_WORDS, EXERCISE_ADJECTIVES,
    EXERCISE_WORDS, FUNCTION_WORDS, LOWER_TITLES, OFFICE_WORDS, ORG_HEADS, PLACE_FIRST_WORDS, PLACE_HEADS,
    SHORT_TITLES, SPEECH_VERBS,
};

/// What the rules know better than the tagger about a name it takes for a person:
/// a name that ends as a company's or a body's does ("… Shipbuilding", "… Ministry")
/// is an organisation, one that begins as a place's does ("Port Gasind") a place.
pub(super) fn retyped(kind: EntityKind, name: &str) -> EntityKind {
    let (first, last) = (name.split_whitespace().next().unwrap_or(""), name.split_whitespace().last().unwrap_or(""));
    match kind {
        EntityKind::Person if ORG_HEADS.contains(&last) || COMPANY_HEADS.contains(&last) => EntityKind::Organization,
        EntityKind::Person if PLACE_FIRST_WORDS.contains(&first) && name.split_whitespace().count() == 2 => {
            EntityKind::Place
        }
        kind => kind,
    }
}

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

pub(super) fn classify_run(
    paragraph: &str,
    toks: &[Token<'_>],
    mut start: usize,
    end: usize,
    context: &Context<'_>,
    found: &mut Vec<Found>,
) {
    let Context { list_of_exercises, countries, proposals, sentence } = *context;
    let proposed = || proposals.get(sentence);
    // Function words never start a name ("The Shusha Declaration", "During the …").
    while start < end && FUNCTION_WORDS.contains(&toks[start].text) {
        start += 1;
    }
    if start >= end {
        return;
    }
    let text = span_text(paragraph, toks, start, end);
    let (s, e) = (toks[start].start, toks[end - 1].end);
    let next = toks.get(end).filter(|t| !t.capitalised()).map(|t| t.text);
    let prev = start.checked_sub(1).map(|i| toks[i].text);
    let words: Vec<&str> = toks[start..end].iter().map(|t| t.text).collect();
    let last = *words.last().expect("non-empty run");

    // A title with its office, then the name: "Minister of Defense Ana Rojas",
    // "President of Chile Mateo Luis Ortega". The office ends at its last country
    // or office word; else the name is the last two words.
    if let Some(k) = words.iter().position(|w| is_title(w))
        && words.get(k + 1) == Some(&"of")
        && words.len() >= k + 4
    {
        let office_end = (k + 2..words.len())
            .rev()
            .find(|&j| is_country(words[j]) || is_head(words[j]) || OFFICE_WORDS.contains(&words[j]))
            .map_or(words.len() - 2, |j| j + 1);
        let name_len = words.len() - office_end;
        if (1..=4).contains(&name_len)
            && words[office_end..].iter().all(|w| !is_head(w) && !is_country(w) && *w != "of")
        {
            let role = span_text(paragraph, toks, start, start + office_end).to_owned();
            push_titled(found, paragraph, toks, (start, start + office_end, end), name_len, role);
            return;
        }
    }
    // A title or rank followed by a name: a person, with the title as the role.
    if let Some(k) = words.iter().rposition(|w| is_title(w)) {
        let name_words = words[k + 1..].iter().filter(|w| !NAME_PARTICLES.contains(w)).count();
        if (1..=4).contains(&name_words)
            && words[k + 1..].iter().all(|w| !is_head(w))
            && toks[start + k + 1].capitalised()
        {
            let role_start = office_before(paragraph, toks, start);
            let mut role = span_text(paragraph, toks, role_start, start + k + 1).to_owned();
            let title = &toks[start + k];
            if SHORT_TITLES.contains(&title.text) && paragraph[title.end..].starts_with('.') {
                role.push('.');
            }
            push_titled(found, paragraph, toks, (role_start, start + k + 1, end), name_words, role);
            return;
        }
    }
    // Two to four words that could be a person's name.
    let name_words = (2..=4).contains(&words.len()) && words.iter().all(|w| !is_head(w) && !is_country(w));
    // A lowercase role word right before: "counterpart Ana Rojas", "ambassador Lars Holm".
    if prev.is_some_and(|p| LOWER_TITLES.contains(&p)) && name_words {
        // The role's own words ("Chilean") are a run of their own, found there.
        let role_start = role_start_before(paragraph, toks, start - 1);
        push_person(found, text, paragraph[toks[role_start].start..toks[start - 1].end].to_owned(), s, e);
        return;
    }
    // The role, then the name in apposition: "the Azerbaijani ambassador to Türkiye,
    // Rashad Mammadli,", "the company's chief executive, Ana Rojas".
    if name_words
        && start > 0
        && &paragraph[toks[start - 1].end..toks[start].start] == ", "
        && let Some(title) = role_before_comma(paragraph, toks, start - 1)
    {
        let role_start = role_start_before(paragraph, toks, title);
        push_person(found, text, paragraph[toks[role_start].start..toks[start - 1].end].to_owned(), s, e);
        return;
    }
    // An edition: "Efes-2022", "Eurasian Peace - 2021".
    if let Some(c) = EDITION.captures(text) {
        let series = c[1].trim().to_owned();
        if !series.is_empty() && series.chars().next().is_some_and(char::is_uppercase) {
            let kind =
                if next.is_some_and(|n| EVENT_WORDS.contains(&n)) { EntityKind::Event } else { EntityKind::Exercise };
            found.push(Found {
                kind,
                surface: text.to_owned(),
                name: text.to_owned(),
                rule: "name",
                start: s,
                end: e,
                role: None,
                series: (kind == EntityKind::Exercise).then_some(series),
                fallback: None,
            });
            return;
        }
    }
    if words.iter().any(|w| AGREEMENT_HEADS.contains(w)) {
        push(found, EntityKind::Agreement, text, text, "name", s, e);
        return;
    }
    // "Efes exercises", not "Joint exercises" opening a sentence.
    let describes = words.len() == 1 && EXERCISE_ADJECTIVES.contains(&words[0].to_lowercase().as_str());
    if next.is_some_and(|n| EXERCISE_WORDS.contains(&n))
        && !words.iter().all(|w| w.split('-').all(is_country))
        && !describes
    {
        push(found, EntityKind::Exercise, text, text, "name", s, e);
        return;
    }
    // A name right after the word: "the bilateral exercise Turgutreis-IX".
    if prev.is_some_and(|p| EXERCISE_WORDS.contains(&p))
        && (1..=4).contains(&words.len())
        && words.iter().all(|w| !is_head(w) && !w.split('-').all(is_country))
        && GAZETTEER.lookup_in(text, countries).is_none()
        && crate::language::dates::find_dates(text).is_empty()
    {
        push(found, EntityKind::Exercise, text, text, "name", s, e);
        return;
    }
    if words.len() >= 2 && EVENT_HEADS.contains(&last) {
        push(found, EntityKind::Event, text, text, "name", s, e);
        return;
    }
    // A place in capitals opening a dateline that the gazetteer does not know
    // ("KAGRAD, Oct. 20 (Daily) --"): a place, named as the text writes it elsewhere.
    if s == 0
        && words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && GAZETTEER.lookup_in(text, countries).is_none()
        && crate::page::dateline::follows_a_dateline_place(&paragraph[e..])
        // A section's word in a headline ("SOCCER - …") is no place: the tagger agrees.
        && proposed().iter().any(|p| p.start < e && s < p.end)
    {
        let name = text
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                chars
                    .next()
                    .map_or(String::new(), |c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
            })
            .collect::<Vec<_>>()
            .join(" ");
        push(found, EntityKind::Place, text, &name, "dateline", s, e);
        return;
    }
    // Capitals that are a country's initials ("UAE", "USA").
    if is_acronym(text)
        && let Some(country) = GAZETTEER.initials(text)
    {
        push(found, EntityKind::Place, text, &country.name, "initials", s, e);
        return;
    }
    // A word in capitals is an acronym, unless it is a place's name of four letters or
    // more ("BAKU —" in a dateline; "UN" is also a village's name).
    // In a line set in capitals every word looks like an acronym ("GMT", "SCHEDULE"):
    // there only what the tagger takes for a name.
    let acronym = is_acronym(text)
        && (text.len() < 4 || GAZETTEER.lookup_in(text, countries).is_none())
        && (!in_capitals(toks) || proposed().iter().any(|p| p.start < e && s < p.end));
    if (ORG_HEADS.contains(&last) && (words.len() >= 2 || next.is_none())
        || words[0] == "Ministry" && words.len() > 2
        || acronym)
        && (words.len() >= 2 || acronym)
    {
        push(found, EntityKind::Organization, text, text, "name", s, e);
        return;
    }
    // "State Border Service of Ruritania": the organisation, and the place it is of.
    if let Some(k) = words.iter().position(|w| *w == "of")
        && k >= 2
        && ORG_HEADS.contains(&words[k - 1])
        && words[k + 1..].iter().all(|w| is_country(w) || GAZETTEER.lookup_in(w, countries).is_some())
    {
        push(found, EntityKind::Organization, text, text, "name", s, e);
        for t in &toks[start + k + 1..end] {
            place_word(found, t, false);
        }
        return;
    }
    if words.len() >= 2 && PLACE_HEADS.contains(&last) {
        push(found, EntityKind::Place, text, text, "name", s, e);
        return;
    }
    // A lone city name may be a surname ("Lund added …"): decided below, after people are known.
    if let Some((place, via)) =
        GAZETTEER.lookup_in(text, countries).filter(|(p, _)| words.len() > 1 || p.kind != PlaceKind::City)
    {
        push(found, EntityKind::Place, text, &place.name, via_rule(text, &place.name, via), s, e);
        return;
    }
    if list_of_exercises && words.len() >= 2 && words.iter().all(|w| !is_country(w)) {
        push(found, EntityKind::Exercise, text, text, "name", s, e);
        return;
    }
    // A name right before a speech verb (not a quotation's last words: "… to Central
    // Asia,” said), right after one ("said Ana Rojas"), or after "by": a person.
    let verb_next = next.is_some_and(|n| SPEECH_VERBS.contains(&n))
        && toks.get(end).is_some_and(|t| paragraph[e..t.start].trim().is_empty());
    let verb_before =
        prev.is_some_and(|p| SPEECH_VERBS.contains(&p)) && paragraph[toks[start - 1].end..s].trim().is_empty();
    let speaker = verb_next || verb_before || prev == Some("by");
    if speaker && name_words {
        push(found, EntityKind::Person, text, text, "name", s, e);
        return;
    }
    // A name with its role in apposition: "Ana Rojas, an analyst at the Andean Institute,".
    if name_words && let Some(role) = apposition(&paragraph[e..]) {
        push_person(found, text, role, s, e);
        return;
    }
    // A lone word: a surname to resolve later, else what its context says.
    if words.len() == 1 {
        let tok = &toks[start];
        let after_in =
            toks.get(end).is_some_and(|t| t.text == "in") && toks.get(end + 1).is_some_and(|t| is_country(t.text));
        let locative = prev.is_some_and(|p| ["in", "near", "at", "outside", "from"].contains(&p));
        let fallback = if let Some(country) = GAZETTEER.demonym(text) {
            Some((EntityKind::Place, country.name.clone(), "demonym"))
        } else if let Some((place, via)) = GAZETTEER.lookup(text) {
            // A city's name the tagger reads as an organisation is its club or team
            // ("Barcelona beat Valencia"); countries stay places, as CoNLL has them.
            let team = place.kind == PlaceKind::City
                && proposed().iter().any(|p| p.start == s && p.end == e && p.kind == EntityKind::Organization);
            // A town's name opening a sentence that the tagger takes for no name is
            // the common word ("Police said …", Police being a Polish town).
            let common_word =
                place.kind == PlaceKind::City && start == 0 && !proposed().iter().any(|p| p.start < e && s < p.end);
            if team {
                Some((EntityKind::Organization, text.to_owned(), "tagger"))
            } else if common_word {
                None
            } else {
                Some((EntityKind::Place, place.name.clone(), via_rule(text, &place.name, via)))
            }
        } else if next.is_some_and(|n| n == "reports" || n == "reported") || prev == Some("per") {
            // "Daily reports …", "… per Daily": an outlet.
            Some((EntityKind::Organization, text.to_owned(), "name"))
        } else if after_in || locative {
            Some((EntityKind::Place, text.to_owned(), "context"))
        } else {
            // What the tagger makes of the word, when it takes exactly this word for an
            // organisation or a place (a lone person's name is a surname, settled above).
            proposed()
                .iter()
                .find(|p| p.start == s && p.end == e && p.kind != EntityKind::Person && !country_stem(text))
                .map(|p| (p.kind, text.to_owned(), "tagger"))
        };
        // Countries and demonyms are never surnames; hyphenated demonym pairs split.
        if tok.text.contains('-') || is_country(text) {
            place_word(found, tok, false);
            return;
        }
        found.push(Found {
            kind: EntityKind::Person,
            surface: text.to_owned(),
            name: String::new(),
            rule: "surname",
            start: s,
            end: e,
            role: None,
            series: None,
            fallback,
        });
        return;
    }
    // Otherwise the names the tagger finds inside the run ("Takuya Takagi scored"), and
    // the words the gazetteer knows among the rest ("Turkish troops").
    // Places are the gazetteer's, and a run with a title is an office the rules read
    // ("Minister of National Defense"): the tagger adds only people and organisations.
    let titled = words.iter().any(|w| is_title(w));
    let inside: Vec<&Proposed> = if titled {
        Vec::new()
    } else {
        proposed()
            .iter()
            .filter(|p| p.start >= s && p.end <= e)
            .filter(|p| matches!(p.kind, EntityKind::Person | EntityKind::Organization))
            .filter(|p| !is_country(&paragraph[p.start..p.end]) && !country_stem(&paragraph[p.start..p.end]))
            // A quotation's last words before "said" are no speaker ("… to Nordic Europe,” said).
            .filter(|p| !paragraph[p.end..].trim_start_matches([',', '.', '!', '?']).starts_with(['”', '"', '’', '\'']))
            .collect()
    };
    for p in &inside {
        let text = &paragraph[p.start..p.end];
        push(found, retyped(p.kind, text), text, text, "tagger", p.start, p.end);
    }
    for t in &toks[start..end] {
        if !inside.iter().any(|p| p.start < t.end && t.start < p.end) {
            place_word(found, t, false);
        }
    }
}

fn is_head(word: &str) -> bool {
    ORG_HEADS.contains(&word)
        || PLACE_HEADS.contains(&word)
        || AGREEMENT_HEADS.contains(&word)
        || EVENT_HEADS.contains(&word)
        || is_title(word)
        || FUNCTION_WORDS.contains(&word)
}

/// A country name or demonym (not a city: people's names collide with small towns).
fn is_country(word: &str) -> bool {
    GAZETTEER.demonym(word).is_some() || GAZETTEER.lookup(word).is_some_and(|(p, _)| p.kind == PlaceKind::Country)
}

/// A headline, a table row or a dateline written in capitals: most of its words of
/// three letters or more have no small letter.
fn in_capitals(toks: &[Token<'_>]) -> bool {
    let long: Vec<&str> =
        toks.iter().map(|t| t.text).filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3).collect();
    !long.is_empty() && long.iter().filter(|w| !w.chars().any(char::is_lowercase)).count() * 2 > long.len()
}

/// The start of a country's name, as many demonyms the gazetteer lacks are ("Uzbek",
/// "Kazakh", "Tajik"): a word the tagger should not take for a name of its own.
fn country_stem(word: &str) -> bool {
    word.chars().count() >= 4
        && GAZETTEER
            .places
            .iter()
            .take_while(|p| p.kind == PlaceKind::Country)
            .any(|p| p.name.len() > word.len() && p.name.starts_with(word))
}

fn is_acronym(text: &str) -> bool {
    (2..=8).contains(&text.chars().count())
        && text.chars().all(char::is_uppercase)
        && !["II", "III", "IV", "VI"].contains(&text)
        && !CAPITALS_WORDS.contains(&text)
}

/// Where a lowercase role starts: back over adjectives and a demonym to a determiner
/// ("his Turkish counterpart" gives "Turkish counterpart").
fn role_start_before(paragraph: &str, toks: &[Token<'_>], title: usize) -> usize {
    let mut i = title;
    while i > 0 {
        let t = &toks[i - 1];
        let joined = paragraph[t.end..toks[i].start].chars().all(char::is_whitespace);
        let determiner = ["his", "her", "their", "its", "the", "a", "an", "and", "with", "by", "of"].contains(&t.text);
        if !joined || determiner || SPEECH_VERBS.contains(&t.text) {
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
fn role_before_comma(paragraph: &str, toks: &[Token<'_>], last: usize) -> Option<usize> {
    let mut i = last;
    loop {
        let t = &toks[i];
        if LOWER_TITLES.contains(&t.text) {
            return Some(i);
        }
        let complement =
            t.capitalised() || ["to", "of", "in", "at", "for", "the", "executive", "general"].contains(&t.text);
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
fn office_before(paragraph: &str, toks: &[Token<'_>], start: usize) -> usize {
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
    for courtesy in [" Mr.", " Mrs.", " Ms.", " Mr", " Mrs", " Ms"] {
        if let Some(stem) = role.strip_suffix(courtesy) {
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
