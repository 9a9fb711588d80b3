//! What a capitalised run names: a table of named rules (`RULES`) tried in order, each a small
//! function that decides what the run is or passes: titles and offices, roles in apposition,
//! editions and head words, datelines, initials, the gazetteer, speakers, lone words (whose
//! fallbacks are a table of their own, `FALLBACKS`), and last the tagger's names where no rule
//! decides. A rule's name is what its test is called; the `rule` strings of what it finds are the
//! output's, as before.

use model::EntityKind;

use crate::language::gazetteer::{GAZETTEER, PlaceKind};
use crate::language::name_words::{
    AGREEMENT_HEADS, CAPITALS_WORDS, COMPANY_HEADS, EVENT_HEADS, EVENT_WORDS, EXERCISE_ADJECTIVES, EXERCISE_WORDS,
    FUNCTION_WORDS, LOCATIVES, LOWER_TITLES, OFFICE_WORDS, ORG_HEADS, PLACE_FIRST_WORDS, PLACE_HEADS, ROMAN_NUMERALS,
    SHORT_TITLES, SPEECH_VERBS,
};
use crate::page::words::NAME_PARTICLES;

use super::found::{Context, Found, Proposed, place_word, push, push_person, via_rule};
use super::roles::{apposition, office_before, push_titled, role_before_comma, role_start_before};
use super::tokens::{EDITION, Token, is_title, span_text};

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

/// A capitalised run as the rules read it: tokens `start..end` of its sentence (function
/// words at its start left out: "The Shusha Declaration", "During the …"), its text and
/// byte range in the paragraph, and the words around it.
struct Run<'a> {
    paragraph: &'a str,
    toks: &'a [Token<'a>],
    start: usize,
    end: usize,
    context: &'a Context<'a>,
    text: &'a str,
    /// The run's byte range in the paragraph.
    s: usize,
    e: usize,
    /// The word right after the run, when it is not capitalised.
    next: Option<&'a str>,
    /// The word right before the run.
    prev: Option<&'a str>,
    words: Vec<&'a str>,
    last: &'a str,
    /// Two to four words, none a head word or a country: they could be a person's name.
    name_words: bool,
}

impl<'a> Run<'a> {
    /// The run of tokens `start..end`, unless it is only function words.
    fn new(
        paragraph: &'a str,
        toks: &'a [Token<'a>],
        mut start: usize,
        end: usize,
        context: &'a Context<'a>,
    ) -> Option<Run<'a>> {
        while start < end && FUNCTION_WORDS.contains(&toks[start].text) {
            start += 1;
        }
        if start >= end {
            return None;
        }
        let words: Vec<&str> = toks[start..end].iter().map(|t| t.text).collect();
        Some(Run {
            paragraph,
            toks,
            start,
            end,
            context,
            text: span_text(paragraph, toks, start, end),
            s: toks[start].start,
            e: toks[end - 1].end,
            next: toks.get(end).filter(|t| !t.capitalised()).map(|t| t.text),
            prev: start.checked_sub(1).map(|i| toks[i].text),
            last: words[words.len() - 1],
            name_words: (2..=4).contains(&words.len()) && words.iter().all(|w| !is_head(w) && !is_country(w)),
            words,
        })
    }

    /// The tagger's names in the run's sentence (tagged when a rule first asks).
    fn proposed(&self) -> &'a [Proposed] {
        self.context.proposals.get(self.context.sentence)
    }

    /// Whether the tagger takes some of the run for a name.
    fn tagged(&self) -> bool {
        self.proposed().iter().any(|p| p.start < self.e && self.s < p.end)
    }

    /// What the run is as a single mention of `kind` named `name`, found by `rule`.
    fn one(&self, kind: EntityKind, name: &str, rule: &'static str) -> Option<Vec<Found>> {
        let mut found = Vec::new();
        push(&mut found, kind, self.text, name, rule, self.s, self.e);
        Some(found)
    }

    /// The run as a person, with the role the text gives them.
    fn person(&self, role: String) -> Option<Vec<Found>> {
        let mut found = Vec::new();
        push_person(&mut found, self.text, role, self.s, self.e);
        Some(found)
    }
}

/// A rule: what the run names (the mentions to record), or `None` to pass to the next.
type Rule = fn(&Run<'_>) -> Option<Vec<Found>>;

/// The rules, in the order they are tried; the first that decides wins. The last,
/// `tagger`, always decides.
const RULES: &[(&str, Rule)] = &[
    ("title-of-office", title_of_office),
    ("title", title),
    ("lowercase-role", lowercase_role),
    ("role-before-comma", role_then_name),
    ("edition", edition),
    ("agreement-head", agreement_head),
    ("before-exercise-word", before_exercise_word),
    ("after-exercise-word", after_exercise_word),
    ("event-head", event_head),
    ("dateline", dateline),
    ("initials", initials),
    ("organisation", organisation),
    ("organisation-of-place", organisation_of_place),
    ("place-head", place_head),
    ("gazetteer", gazetteer),
    ("list-of-exercises", list_of_exercises),
    ("speaker", speaker),
    ("apposition", role_in_apposition),
    ("surname", surname),
    ("tagger", tagger),
];

/// Classifies the run of tokens `start..end` of a sentence, adding what it names to `found`.
pub(super) fn classify_run(
    paragraph: &str,
    toks: &[Token<'_>],
    start: usize,
    end: usize,
    context: &Context<'_>,
    found: &mut Vec<Found>,
) {
    if let Some(run) = Run::new(paragraph, toks, start, end, context) {
        found.extend(decide(&run).1);
    }
}

/// The first rule that decides what `run` names: its name and what it found.
fn decide(run: &Run<'_>) -> (&'static str, Vec<Found>) {
    RULES.iter().find_map(|&(name, rule)| rule(run).map(|found| (name, found))).unwrap_or(("none", Vec::new()))
}

/// A title with its office, then the name: "Minister of Defense Ana Rojas",
/// "President of Chile Mateo Luis Ortega". The office ends at its last country or
/// office word; else the name is the last two words.
fn title_of_office(r: &Run<'_>) -> Option<Vec<Found>> {
    let words = &r.words;
    let k = words.iter().position(|w| is_title(w))?;
    if words.get(k + 1) != Some(&"of") || words.len() < k + 4 {
        return None;
    }
    let office_end = (k + 2..words.len())
        .rev()
        .find(|&j| is_country(words[j]) || is_head(words[j]) || OFFICE_WORDS.contains(&words[j]))
        .map_or(words.len() - 2, |j| j + 1);
    let name_len = words.len() - office_end;
    if !(1..=4).contains(&name_len) || !words[office_end..].iter().all(|w| !is_head(w) && !is_country(w) && *w != "of")
    {
        return None;
    }
    let role = span_text(r.paragraph, r.toks, r.start, r.start + office_end).to_owned();
    let mut found = Vec::new();
    push_titled(&mut found, r.paragraph, r.toks, (r.start, r.start + office_end, r.end), name_len, role);
    Some(found)
}

/// A title or rank followed by a name: a person, with the title as the role.
fn title(r: &Run<'_>) -> Option<Vec<Found>> {
    let k = r.words.iter().rposition(|w| is_title(w))?;
    let name_words = r.words[k + 1..].iter().filter(|w| !NAME_PARTICLES.contains(w)).count();
    if !(1..=4).contains(&name_words)
        || !r.words[k + 1..].iter().all(|w| !is_head(w))
        || !r.toks[r.start + k + 1].capitalised()
    {
        return None;
    }
    let role_start = office_before(r.paragraph, r.toks, r.start);
    let mut role = span_text(r.paragraph, r.toks, role_start, r.start + k + 1).to_owned();
    let title = &r.toks[r.start + k];
    if SHORT_TITLES.contains(&title.text) && r.paragraph[title.end..].starts_with('.') {
        role.push('.');
    }
    let mut found = Vec::new();
    push_titled(&mut found, r.paragraph, r.toks, (role_start, r.start + k + 1, r.end), name_words, role);
    Some(found)
}

/// A lowercase role word right before a name: "counterpart Ana Rojas", "ambassador
/// Lars Holm". The role's own words ("Chilean") are a run of their own, found there.
fn lowercase_role(r: &Run<'_>) -> Option<Vec<Found>> {
    if !(r.prev.is_some_and(|p| LOWER_TITLES.contains(&p)) && r.name_words) {
        return None;
    }
    let role_start = role_start_before(r.paragraph, r.toks, r.start - 1);
    r.person(r.paragraph[r.toks[role_start].start..r.toks[r.start - 1].end].to_owned())
}

/// The role, then the name in apposition: "the Azerbaijani ambassador to Türkiye,
/// Rashad Mammadli,", "the company's chief executive, Ana Rojas".
fn role_then_name(r: &Run<'_>) -> Option<Vec<Found>> {
    if !(r.name_words && r.start > 0 && &r.paragraph[r.toks[r.start - 1].end..r.s] == ", ") {
        return None;
    }
    let title = role_before_comma(r.paragraph, r.toks, r.start - 1)?;
    let role_start = role_start_before(r.paragraph, r.toks, title);
    r.person(r.paragraph[r.toks[role_start].start..r.toks[r.start - 1].end].to_owned())
}

/// An edition: "Efes-2022", "Eurasian Peace - 2021"; an event when an event's word
/// follows ("the Aerofest-2023 fair"), else an exercise of its series.
fn edition(r: &Run<'_>) -> Option<Vec<Found>> {
    let c = EDITION.captures(r.text)?;
    let series = c[1].trim().to_owned();
    if series.is_empty() || !series.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let kind = if r.next.is_some_and(|n| EVENT_WORDS.contains(&n)) { EntityKind::Event } else { EntityKind::Exercise };
    Some(vec![Found {
        kind,
        surface: r.text.to_owned(),
        name: r.text.to_owned(),
        rule: "name",
        start: r.s,
        end: r.e,
        role: None,
        series: (kind == EntityKind::Exercise).then_some(series),
        fallback: None,
    }])
}

/// A word that makes a name an agreement: "Treaty of Lisbon", "Oslo Accords".
fn agreement_head(r: &Run<'_>) -> Option<Vec<Found>> {
    if !r.words.iter().any(|w| AGREEMENT_HEADS.contains(w)) {
        return None;
    }
    r.one(EntityKind::Agreement, r.text, "name")
}

/// A name before an exercise's word: "Efes exercises", not "Joint exercises" opening
/// a sentence, nor countries' names ("Turkish-Azerbaijani exercises").
fn before_exercise_word(r: &Run<'_>) -> Option<Vec<Found>> {
    let describes = r.words.len() == 1 && EXERCISE_ADJECTIVES.contains(&r.words[0].to_lowercase().as_str());
    if !(r.next.is_some_and(|n| EXERCISE_WORDS.contains(&n))
        && !r.words.iter().all(|w| w.split('-').all(is_country))
        && !describes)
    {
        return None;
    }
    r.one(EntityKind::Exercise, r.text, "name")
}

/// A name right after an exercise's word: "the bilateral exercise Turgutreis-IX", not
/// a place or a date ("During the exercise Azerbaijan sent troops").
fn after_exercise_word(r: &Run<'_>) -> Option<Vec<Found>> {
    let countries = r.context.countries;
    if !(r.prev.is_some_and(|p| EXERCISE_WORDS.contains(&p))
        && (1..=4).contains(&r.words.len())
        && r.words.iter().all(|w| !is_head(w) && !w.split('-').all(is_country))
        && GAZETTEER.lookup_in(r.text, countries).is_none()
        && crate::language::dates::find_dates(r.text).is_empty())
    {
        return None;
    }
    r.one(EntityKind::Exercise, r.text, "name")
}

/// A last word that makes a name an event: "Eurasian Economic Forum".
fn event_head(r: &Run<'_>) -> Option<Vec<Found>> {
    if !(r.words.len() >= 2 && EVENT_HEADS.contains(&r.last)) {
        return None;
    }
    r.one(EntityKind::Event, r.text, "name")
}

/// A place in capitals opening a dateline that the gazetteer does not know ("KAGRAD,
/// Oct. 20 (Daily) --"): a place, named as the text writes it elsewhere ("Kagrad").
/// A section's word in a headline ("SOCCER - …") is no place: the tagger agrees.
fn dateline(r: &Run<'_>) -> Option<Vec<Found>> {
    if !(r.s == 0
        && r.words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
        && r.text.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && GAZETTEER.lookup_in(r.text, r.context.countries).is_none()
        && crate::page::dateline::follows_a_dateline_place(&r.paragraph[r.e..])
        && r.tagged())
    {
        return None;
    }
    let name = r
        .text
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
        })
        .collect::<Vec<_>>()
        .join(" ");
    r.one(EntityKind::Place, &name, "dateline")
}

/// Capitals that are a country's initials ("UAE", "USA").
fn initials(r: &Run<'_>) -> Option<Vec<Found>> {
    if !is_acronym(r.text) {
        return None;
    }
    let country = GAZETTEER.initials(r.text)?;
    r.one(EntityKind::Place, &country.name, "initials")
}

/// A last word that makes a name an organisation ("Kenyan Defence Ministry"), a
/// ministry's name ("Ministry of …"), or an acronym: a word in capitals, unless it is a
/// place's name of four letters or more ("BAKU —" in a dateline; "UN" is also a
/// village's name). In a line set in capitals every word looks like an acronym ("GMT",
/// "SCHEDULE"): there only what the tagger takes for a name.
fn organisation(r: &Run<'_>) -> Option<Vec<Found>> {
    let acronym = is_acronym(r.text)
        && (r.text.len() < 4 || GAZETTEER.lookup_in(r.text, r.context.countries).is_none())
        && (!in_capitals(r.toks) || r.tagged());
    let words = &r.words;
    if !((ORG_HEADS.contains(&r.last) && (words.len() >= 2 || r.next.is_none())
        || words[0] == "Ministry" && words.len() > 2
        || acronym)
        && (words.len() >= 2 || acronym))
    {
        return None;
    }
    r.one(EntityKind::Organization, r.text, "name")
}

/// "State Border Service of Ruritania": the organisation, and the place it is of.
fn organisation_of_place(r: &Run<'_>) -> Option<Vec<Found>> {
    let words = &r.words;
    let k = words.iter().position(|w| *w == "of")?;
    if !(k >= 2
        && ORG_HEADS.contains(&words[k - 1])
        && words[k + 1..].iter().all(|w| is_country(w) || GAZETTEER.lookup_in(w, r.context.countries).is_some()))
    {
        return None;
    }
    let mut found = r.one(EntityKind::Organization, r.text, "name")?;
    for t in &r.toks[r.start + k + 1..r.end] {
        place_word(&mut found, t, false);
    }
    Some(found)
}

/// A last word that makes a name a place: "Danube River".
fn place_head(r: &Run<'_>) -> Option<Vec<Found>> {
    if !(r.words.len() >= 2 && PLACE_HEADS.contains(&r.last)) {
        return None;
    }
    r.one(EntityKind::Place, r.text, "name")
}

/// A place the gazetteer knows, in the countries the article names first. A lone city
/// name may be a surname ("Lund added …"): decided later (`surname`), once people are known.
fn gazetteer(r: &Run<'_>) -> Option<Vec<Found>> {
    let (place, via) = GAZETTEER
        .lookup_in(r.text, r.context.countries)
        .filter(|(p, _)| r.words.len() > 1 || p.kind != PlaceKind::City)?;
    r.one(EntityKind::Place, &place.name, via_rule(r.text, &place.name, via))
}

/// Names in a sentence that lists exercises ("drills such as Blue Falcon, Red Wolf").
fn list_of_exercises(r: &Run<'_>) -> Option<Vec<Found>> {
    if !(r.context.list_of_exercises && r.words.len() >= 2 && r.words.iter().all(|w| !is_country(w))) {
        return None;
    }
    r.one(EntityKind::Exercise, r.text, "name")
}

/// A name right before a speech verb (not a quotation's last words: "… to Central
/// Asia,” said), right after one ("said Ana Rojas"), or after "by": a person.
fn speaker(r: &Run<'_>) -> Option<Vec<Found>> {
    let verb_next = r.next.is_some_and(|n| SPEECH_VERBS.contains(&n))
        && r.toks.get(r.end).is_some_and(|t| r.paragraph[r.e..t.start].trim().is_empty());
    let verb_before = r.prev.is_some_and(|p| SPEECH_VERBS.contains(&p))
        && r.paragraph[r.toks[r.start - 1].end..r.s].trim().is_empty();
    let speaker = verb_next || verb_before || r.prev == Some("by");
    if !(speaker && r.name_words) {
        return None;
    }
    r.one(EntityKind::Person, r.text, "name")
}

/// A name with its role in apposition: "Ana Rojas, an analyst at the Andean Institute,".
fn role_in_apposition(r: &Run<'_>) -> Option<Vec<Found>> {
    if !r.name_words {
        return None;
    }
    r.person(apposition(&r.paragraph[r.e..])?)
}

/// A lone word: a surname to resolve across the corpus, with what it is when no person
/// has it (`FALLBACKS`). Countries and demonyms are never surnames; hyphenated demonym
/// pairs split ("Peruvian-Chilean").
fn surname(r: &Run<'_>) -> Option<Vec<Found>> {
    if r.words.len() != 1 {
        return None;
    }
    let tok = &r.toks[r.start];
    let mut found = Vec::new();
    if tok.text.contains('-') || is_country(r.text) {
        place_word(&mut found, tok, false);
        return Some(found);
    }
    found.push(Found {
        kind: EntityKind::Person,
        surface: r.text.to_owned(),
        name: String::new(),
        rule: "surname",
        start: r.s,
        end: r.e,
        role: None,
        series: None,
        fallback: fallback(r).1,
    });
    Some(found)
}

/// Otherwise the names the tagger finds inside the run ("Takuya Takagi scored"), and
/// the words the gazetteer knows among the rest ("Turkish troops"). Places are the
/// gazetteer's, and a run with a title is an office the rules read ("Minister of
/// National Defense"): the tagger adds only people and organisations.
fn tagger(r: &Run<'_>) -> Option<Vec<Found>> {
    let paragraph = r.paragraph;
    let titled = r.words.iter().any(|w| is_title(w));
    let inside: Vec<&Proposed> = if titled {
        Vec::new()
    } else {
        r.proposed()
            .iter()
            .filter(|p| p.start >= r.s && p.end <= r.e)
            .filter(|p| matches!(p.kind, EntityKind::Person | EntityKind::Organization))
            .filter(|p| !is_country(&paragraph[p.start..p.end]) && !country_stem(&paragraph[p.start..p.end]))
            // A quotation's last words before "said" are no speaker ("… to Nordic Europe,” said).
            .filter(|p| !paragraph[p.end..].trim_start_matches([',', '.', '!', '?']).starts_with(['”', '"', '’', '\'']))
            .collect()
    };
    let mut found = Vec::new();
    for p in &inside {
        let text = &paragraph[p.start..p.end];
        push(&mut found, retyped(p.kind, text), text, text, "tagger", p.start, p.end);
    }
    for t in &r.toks[r.start..r.end] {
        if !inside.iter().any(|p| p.start < t.end && t.start < p.end) {
            place_word(&mut found, t, false);
        }
    }
    Some(found)
}

/// What a lone word is when no person has it for a surname: its kind, name and rule.
type Fallback = Option<(EntityKind, String, &'static str)>;

/// A fallback rule: `Some` when it decides (`Some(None)`: the word is nothing), `None`
/// to pass to the next.
type FallbackRule = fn(&Run<'_>) -> Option<Fallback>;

/// The fallbacks of a lone word, in the order they are tried; none deciding leaves none.
/// (A demonym never gets here: `surname` takes it for its country.)
const FALLBACKS: &[(&str, FallbackRule)] = &[
    ("team", team),
    ("common-word", common_word),
    ("place", place),
    ("outlet", outlet),
    ("context", context),
    ("tagger", tagger_kind),
];

/// The first fallback rule that decides for the lone word `run`: its name and fallback.
fn fallback(run: &Run<'_>) -> (&'static str, Fallback) {
    FALLBACKS.iter().find_map(|&(name, rule)| rule(run).map(|f| (name, f))).unwrap_or(("none", None))
}

/// A city's name the tagger reads as an organisation is its club or team ("Barcelona
/// beat Valencia"); countries stay places, as CoNLL has them.
fn team(r: &Run<'_>) -> Option<Fallback> {
    let (place, _) = GAZETTEER.lookup(r.text)?;
    let team = place.kind == PlaceKind::City
        && r.proposed().iter().any(|p| p.start == r.s && p.end == r.e && p.kind == EntityKind::Organization);
    team.then(|| Some((EntityKind::Organization, r.text.to_owned(), "tagger")))
}

/// A town's name opening a sentence that the tagger takes for no name is the common
/// word ("Police said …", Police being a Polish town): nothing.
fn common_word(r: &Run<'_>) -> Option<Fallback> {
    let (place, _) = GAZETTEER.lookup(r.text)?;
    (place.kind == PlaceKind::City && r.start == 0 && !r.tagged()).then_some(None)
}

/// A place the gazetteer knows, anywhere.
fn place(r: &Run<'_>) -> Option<Fallback> {
    let (place, via) = GAZETTEER.lookup(r.text)?;
    Some(Some((EntityKind::Place, place.name.clone(), via_rule(r.text, &place.name, via))))
}

/// "Daily reports …", "… per Daily": an outlet.
fn outlet(r: &Run<'_>) -> Option<Fallback> {
    (r.next.is_some_and(|n| n == "reports" || n == "reported") || r.prev == Some("per"))
        .then(|| Some((EntityKind::Organization, r.text.to_owned(), "name")))
}

/// After a preposition of place ("near Kagrad") or before "in" and a country: a place.
fn context(r: &Run<'_>) -> Option<Fallback> {
    let after_in =
        r.toks.get(r.end).is_some_and(|t| t.text == "in") && r.toks.get(r.end + 1).is_some_and(|t| is_country(t.text));
    let locative = r.prev.is_some_and(|p| LOCATIVES.contains(&p));
    (after_in || locative).then(|| Some((EntityKind::Place, r.text.to_owned(), "context")))
}

/// What the tagger makes of the word, when it takes exactly this word for an
/// organisation or a place (a lone person's name is a surname, settled across the corpus).
fn tagger_kind(r: &Run<'_>) -> Option<Fallback> {
    r.proposed()
        .iter()
        .find(|p| p.start == r.s && p.end == r.e && p.kind != EntityKind::Person && !country_stem(r.text))
        .map(|p| Some((p.kind, r.text.to_owned(), "tagger")))
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
        && !ROMAN_NUMERALS.contains(&text)
        && !CAPITALS_WORDS.contains(&text)
}

#[cfg(test)]
mod tests;
