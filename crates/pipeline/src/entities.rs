//! Entities: people, organisations, places, exercises, agreements and other named
//! events, found by general rules (titles and ranks, name patterns, head words such as
//! "Ministry" or "Treaty", the open-data gazetteer), merged across spellings and
//! surname-only mentions, and related by co-occurrence. Nothing here knows the
//! bundled articles.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use model::{Alias, Article, Entity, EntityKind, Mention, Related, Role};
use rayon::prelude::*;
use regex::Regex;

use crate::clean::sentences;
use crate::gazetteer::{GAZETTEER, PlaceKind, Via};
use crate::meta::NAME_PARTICLES;
use crate::recycle::fold;
use crate::tagger;


/// How many co-mentioned entities an entity keeps, most often first: what its card
/// lists. Keeping every pair would grow with the square of the entities (55,000
/// pairs at 1,000 generated articles) for lists nobody reads past the top.
pub const RELATED_KEPT: usize = 12;
/// Titles and ranks written capitalised before a name ("Defence Minister Zakir …").
pub(crate) const TITLES: [&str; 59] = [
    "Minister", "President", "Vice-President", "Premier", "Chancellor", "General", "Gen", "Col-Gen", "Maj-Gen",
    "Lt-Gen", "Brig-Gen", "Colonel", "Col", "Lieutenant", "Lt", "Major", "Maj", "Captain", "Capt", "Admiral",
    "Adm", "Rear-Admiral", "Vice-Admiral", "Commander", "Chief", "Ambassador", "Envoy", "Deputy", "Secretary",
    "Director", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Spokesperson", "Governor", "Mayor",
    "Senator", "Prince", "King", "Queen", "Sheikh", "Emir", "Dr", "Mr", "Mrs", "Ms", "Prof", "Professor",
    "Marshal", "Sergeant", "Attache", "Brig", "Sgt", "Cmdr", "Manager", "CEO", "Rector", "Chairperson",
];
/// The same roles written in lowercase before a name ("his Chilean counterpart Ana Rojas").
pub(crate) const LOWER_TITLES: [&str; 20] = [
    "ambassador", "counterpart", "minister", "president", "envoy", "spokesman", "spokeswoman", "spokesperson",
    "commander", "general", "chief", "leader", "head", "officer", "colonel", "premier", "secretary", "director",
    "chairman", "deputy",
];
/// Last words that make a name an organisation.
pub(crate) const ORG_HEADS: [&str; 40] = [
    "Ministry", "Agency", "Forces", "Force", "Army", "Navy", "Corps", "Council", "Committee", "Staff", "Parliament",
    "Assembly", "Union", "Organization", "Organisation", "Alliance", "Bank", "Party", "University", "Institute",
    "Company", "Group", "Service", "Office", "Department", "Guard", "Police", "Command", "Brigade", "Division",
    "Academy", "Court", "Government", "Federation", "Association", "Fund", "Commission", "Cabinet", "Center",
    "Centre",
];
/// Last words of a company's or a research body's name ("Tobror Shipbuilding",
/// "Mofar Institute for Regional Studies"), which no person's name ends with.
const COMPANY_HEADS: [&str; 36] = [
    "Shipbuilding", "Logistics", "Telecom", "Telecoms", "Steel", "Energy", "Engineering", "Consulting", "Holdings",
    "Research", "Studies", "Systems", "Industries", "Technologies", "Airlines", "Airways", "Motors", "Capital",
    "Partners", "Media", "Pharmaceuticals", "Shipping", "Mining", "Petroleum", "Construction", "Solutions",
    "Networks", "Corp", "Corporation", "Inc", "Ltd", "LLC", "Plc", "GmbH", "Aerospace", "Defence",
];
/// First words of a place's name ("Port Harcourt", "Mount Ararat", "New Delhi").
const PLACE_FIRST_WORDS: [&str; 6] = ["Port", "Fort", "Mount", "Cape", "Lake", "New"];

/// What the rules know better than the tagger about a name it takes for a person:
/// a name that ends as a company's or a body's does ("… Shipbuilding", "… Ministry")
/// is an organisation, one that begins as a place's does ("Port Gasind") a place.
fn retyped(kind: EntityKind, name: &str) -> EntityKind {
    let (first, last) = (name.split_whitespace().next().unwrap_or(""), name.split_whitespace().last().unwrap_or(""));
    match kind {
        EntityKind::Person if ORG_HEADS.contains(&last) || COMPANY_HEADS.contains(&last) => EntityKind::Organization,
        EntityKind::Person if PLACE_FIRST_WORDS.contains(&first) && name.split_whitespace().count() == 2 => EntityKind::Place,
        kind => kind,
    }
}

/// Last words that make a name a place.
pub(crate) const PLACE_HEADS: [&str; 19] = [
    "River", "Sea", "Lake", "Mountains", "Mountain", "Valley", "Gulf", "Bay", "Strait", "Island", "Islands",
    "Region", "Province", "District", "Corridor", "Peninsula", "Desert", "Canal", "Airport",
];
/// Words that make a name an agreement.
const AGREEMENT_HEADS: [&str; 10] =
    ["Declaration", "Treaty", "Memorandum", "Agreement", "Accord", "Accords", "Pact", "Convention", "Protocol", "Charter"];
/// Last words that make a name an event.
const EVENT_HEADS: [&str; 15] = [
    "Day", "Summit", "Forum", "Conference", "Games", "Olympics", "Festival", "Fair", "Expo", "Exhibition",
    "Ceremony", "Parade", "War", "Championship", "Congress",
];
/// Lowercase words after an edition name that make it an event rather than an exercise.
const EVENT_WORDS: [&str; 10] =
    ["fair", "festival", "expo", "exhibition", "summit", "forum", "games", "conference", "championship", "show"];
/// Lowercase words after a name that make it a military exercise.
const EXERCISE_WORDS: [&str; 8] =
    ["exercises", "exercise", "drills", "drill", "manoeuvres", "maneuvers", "wargames", "war-games"];
/// Lowercase words after a name that mark it as a speaker.
const SPEECH_VERBS: [&str; 14] = [
    "said", "says", "stated", "noted", "added", "told", "stressed", "emphasized", "emphasised", "underlined",
    "announced", "declared", "thanked", "explained",
];
/// What follows a dateline's place: more of the place and the date, each after a comma
/// and capitalised or a number, perhaps the agency in brackets, then a dash.
static DATELINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,\s*[\p{Lu}\p{N}][\p{L}\p{N}.]*(?:\s[\p{Lu}\p{N}][\p{L}\p{N}.]*){0,3})*\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s")
        .expect("valid regex")
});
/// Words that describe exercises rather than name one ("Joint exercises began …").
const EXERCISE_ADJECTIVES: [&str; 30] = [
    "joint", "military", "naval", "tactical", "annual", "bilateral", "trilateral", "multinational", "international",
    "combined", "regular", "major", "special", "live", "command", "field", "planned", "scheduled", "further", "similar",
    "previous", "next", "last", "new", "large", "massive", "several", "operational", "strategic", "such",
];
/// A role in apposition after a name: ", an analyst at the Andean Institute," or
/// ", director of the Andean Institute," (the role's words up to the next comma or
/// stop; with no article, its first word must name a role).
static APPOSITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,\s+(an?\s+|the\s+)?([^,.;:()“”\x22]{3,80}?)\s*(?:[,.;(]|$)").expect("valid regex"));
/// The role in apposition at the start of `after` (the text right after a name), if
/// its words name one (see [`APPOSITION`]).
fn apposition(after: &str) -> Option<String> {
    let c = APPOSITION.captures(after)?;
    let role_word = |w: &str| LOWER_TITLES.contains(&w) || APPOSITION_ROLES.contains(&w);
    c[2].split_whitespace().take(if c.get(1).is_some() { 3 } else { 1 }).any(role_word).then(|| c[2].trim().to_owned())
}
/// Lowercase words besides [`LOWER_TITLES`] that make an apposition a person's role.
const APPOSITION_ROLES: [&str; 14] = [
    "analyst", "expert", "professor", "researcher", "official", "adviser", "advisor", "journalist", "fellow",
    "lecturer", "scholar", "historian", "economist", "diplomat",
];
/// Capitalised words that start sentences or join clauses but never start a name.
const FUNCTION_WORDS: [&str; 73] = [
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His",
    "Her", "Their", "Our", "In", "On", "At", "By", "For", "From", "To", "With", "As", "During", "After", "Before",
    "Meanwhile", "Moreover", "Furthermore", "However", "Also", "And", "But", "Or", "Earlier", "Later", "According",
    "While", "Since", "Although", "Thus", "Therefore", "Today", "Yesterday", "Last", "Next", "Both", "All", "Some",
    "Many", "Several", "Each", "Every", "Such", "Other", "Not", "No", "If", "When", "Where", "What", "Why", "How",
    "There", "Here", "Under", "Over", "Of",
];
/// Lowercase words allowed inside a name ("Treaty of Kars", "Declaration on Allied Relations").
/// Name particles (`meta::NAME_PARTICLES`) join a name too, and are not counted among a
/// person's name's words.
const CONNECTORS: [&str; 3] = ["of", "on", "for"];

/// A title, or a compound with one ("Secretary-General", "Commander-in-Chief").
fn is_title(word: &str) -> bool {
    TITLES.contains(&word) || word.contains('-') && word.split('-').any(|part| TITLES.contains(&part))
}

static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}\-'’]*").expect("valid regex"));
static EDITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*?)(?:\s*-\s*|\s+)((?:19|20)\d{2})$").expect("valid regex"));
static DAY_WAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+-day|\d+-year|[a-z]+-day) war\b").expect("valid regex"));

#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Capitalised words that are calendar words, never parts of names.
const CALENDAR: [&str; 19] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

impl Token<'_> {
    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase) && !CALENDAR.contains(&self.text)
    }
}

/// A mention found in one sentence, before merging.
#[derive(Clone, Debug)]
struct Found {
    kind: EntityKind,
    /// The text as written.
    surface: String,
    /// The name it stands for (gazetteer name for places, the full name for people).
    name: String,
    rule: &'static str,
    start: usize,
    end: usize,
    role: Option<String>,
    series: Option<String>,
    /// For a surname-only mention: what it is when no person has that surname
    /// ("President Aliyev" stays a person; "Lund" may be the city).
    fallback: Option<(EntityKind, String, &'static str)>,
}

/// Splits a sentence into word tokens with byte offsets into `base` (the paragraph),
/// dropping a possessive "'s" from the word.
fn tokens<'a>(sentence: &'a str, offset: usize) -> Vec<Token<'a>> {
    TOKEN
        .find_iter(sentence)
        .map(|m| {
            let mut text = m.as_str().trim_end_matches(['-', '\'', '’']);
            for suffix in ["'s", "’s"] {
                if let Some(stem) = text.strip_suffix(suffix) {
                    text = stem;
                }
            }
            Token { text, start: offset + m.start(), end: offset + m.start() + text.len() }
        })
        .collect()
}

/// Words that end an office named after a title ("Minister of Foreign Affairs").
const OFFICE_WORDS: [&str; 17] = [
    "Defense", "Defence", "Affairs", "Foreign", "Interior", "Justice", "Economy", "Energy", "Finance", "Health",
    "Education", "State", "Security", "Trade", "Transport", "Agriculture", "Industry",
];

/// Titles written short with a full stop ("Lt. Gen. Ann Lee"), which does not end the name.
const SHORT_TITLES: [&str; 14] = ["Gen", "Lt", "Col", "Maj", "Capt", "Adm", "Brig", "Sgt", "Cmdr", "Dr", "Mr", "Mrs", "Ms", "Prof"];

/// Whether only white space stands between two tokens (or a full stop after a short
/// title).
fn adjacent(paragraph: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = &paragraph[a.end..b.start];
    let gap = if SHORT_TITLES.contains(&a.text) { gap.strip_prefix('.').unwrap_or(gap) } else { gap };
    gap.chars().all(char::is_whitespace) && !gap.is_empty()
}

fn edition_gap(paragraph: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = paragraph[a.end..b.start].trim();
    gap == "-" || gap == "–"
}

fn is_year(text: &str) -> bool {
    text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) && (text.starts_with("19") || text.starts_with("20"))
}

/// Runs of capitalised tokens (with connectors and spaced edition years) in a sentence.
fn runs(paragraph: &str, toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end >= toks.len() {
                break;
            }
            let (prev, next) = (&toks[end - 1], &toks[end]);
            let possessive = paragraph[prev.end..next.start].starts_with(['\'', '’']);
            if possessive {
                break;
            }
            if next.capitalised() && adjacent(paragraph, prev, next) {
                end += 1;
            } else if is_year(next.text)
                && (edition_gap(paragraph, prev, next)
                    || adjacent(paragraph, prev, next)
                        && toks[end + 1..].iter().take(3).any(|t| EXERCISE_WORDS.contains(&t.text)))
            {
                // "Efes-2022", or "Anatolian Eagle 2023 air force exercise".
                end += 1;
                break;
            } else if (CONNECTORS.contains(&next.text) || NAME_PARTICLES.contains(&next.text))
                && adjacent(paragraph, prev, next)
                && toks.get(end + 1).is_some_and(|t| t.capitalised() && adjacent(paragraph, next, t))
            {
                end += 2;
            } else {
                break;
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

fn last_word(text: &str) -> &str {
    text.rsplit([' ', '-']).next().unwrap_or(text)
}

fn span_text<'a>(paragraph: &'a str, toks: &[Token<'_>], from: usize, to: usize) -> &'a str {
    &paragraph[toks[from].start..toks[to - 1].end]
}

/// A paragraph's mentions: for each sentence, its byte offset in the paragraph and what was found in it.
type SentenceFinds = Vec<(usize, Vec<Found>)>;

/// Finds the mentions in one paragraph.
fn find_in_paragraph(paragraph: &str, countries: &HashSet<String>) -> SentenceFinds {
    let mut per_sentence = Vec::new();
    let all = sentences(paragraph);
    let proposed = Proposals::new(paragraph, &all);
    for (index, &sentence) in all.iter().enumerate() {
        let offset = sentence.as_ptr() as usize - paragraph.as_ptr() as usize;
        let toks = tokens(sentence, offset);
        let mut found = Vec::new();
        let list_of_exercises = {
            let lower = sentence.to_lowercase();
            EXERCISE_WORDS.iter().any(|w| lower.contains(&format!("{w} such as")) || lower.contains(&format!("{w}, including")))
        };
        for (run_start, run_end) in runs(paragraph, &toks) {
            let context = Context { list_of_exercises, countries, proposals: &proposed, sentence: index };
            classify_run(paragraph, &toks, run_start, run_end, &context, &mut found);
        }
        // Names whose dots split the rules' runs ("U.S.", "U.N.", "N. Knight"): the
        // tagger's, replacing the unresolved single letters the rules made of them.
        let sentence_end = offset + sentence.len();
        let held_by_runs = runs(paragraph, &toks);
        let dotted = sentence.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1] == b'.');
        let dotted_names: &[Proposed] = if dotted { proposed.get(index) } else { &[] };
        for p in dotted_names.iter().filter(|p| p.start >= offset && p.end <= sentence_end && paragraph[p.start..p.end].contains('.')) {
            let held = held_by_runs.iter().any(|&(a, b)| toks[a].start <= p.start && p.end <= toks[b - 1].end);
            let overlaps = |f: &Found| f.start < p.end && p.start < f.end;
            if held || found.iter().any(|f| overlaps(f) && !(f.rule == "surname" && f.fallback.is_none())) {
                continue;
            }
            found.retain(|f| !overlaps(f));
            let text = &paragraph[p.start..p.end];
            push(&mut found, p.kind, text, text, "tagger", p.start, p.end);
        }
        for m in DAY_WAR.captures_iter(sentence) {
            let whole = m.get(0).expect("whole match");
            found.push(Found {
                kind: EntityKind::Event,
                surface: whole.as_str().to_owned(),
                name: whole.as_str().to_owned(),
                rule: "name",
                start: offset + whole.start(),
                end: offset + whole.end(),
                role: None,
                series: None,
                fallback: None,
            });
        }
        per_sentence.push((offset, found));
    }
    per_sentence
}

fn push(found: &mut Vec<Found>, kind: EntityKind, surface: &str, name: &str, rule: &'static str, start: usize, end: usize) {
    found.push(Found { kind, surface: surface.to_owned(), name: name.to_owned(), rule, start, end, role: None, series: None, fallback: None });
}

/// Records a person named as written, with the role the text gives them.
fn push_person(found: &mut Vec<Found>, name: &str, role: String, start: usize, end: usize) {
    found.push(Found {
        kind: EntityKind::Person,
        surface: name.to_owned(),
        name: name.to_owned(),
        rule: "name",
        start,
        end,
        role: Some(role),
        series: None,
        fallback: None,
    });
}

/// Records a place or demonym mention for a single word, if the gazetteer knows it.
fn place_word(found: &mut Vec<Found>, tok: &Token<'_>, allow_city: bool) -> bool {
    let mut any = false;
    // "Azerbaijani-Turkish" names two countries.
    let mut offset = tok.start;
    for part in tok.text.split('-') {
        let (start, end) = (offset, offset + part.len());
        offset = end + 1;
        if let Some(country) = GAZETTEER.demonym(part) {
            push(found, EntityKind::Place, part, &country.name, "demonym", start, end);
            any = true;
        } else if let Some((place, via)) = GAZETTEER.lookup(part)
            && (place.kind == PlaceKind::Country || allow_city && part.len() == tok.text.len())
        {
            push(found, EntityKind::Place, part, &place.name, via_rule(part, &place.name, via), start, end);
            any = true;
        }
    }
    any
}

fn via_rule(surface: &str, name: &str, via: Via) -> &'static str {
    match via {
        Via::Demonym => "demonym",
        Via::Alias => "gazetteer",
        Via::Name if surface == name => "name",
        Via::Name => "spelling",
    }
}

/// A person named after a title or office: tokens `role_start..name_start` are the role
/// as written (`role`, to which [`with_context`] adds a country before it), whose own
/// words may name places ("Azerbaijani Defence Minister"); `name_start..end` the name,
/// of `name_words` words.
fn push_titled(
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

/// A name the statistical tagger proposes (byte range of the paragraph, kind).
struct Proposed {
    start: usize,
    end: usize,
    kind: EntityKind,
}

/// The tagger's names in a paragraph, as byte ranges of it, tagged a sentence at a time
/// and only when a rule first asks about that sentence (tagging is most of the entities
/// step's time). Each sentence is read in the view of the whole paragraph: what one
/// sentence says about a word helps in another.
struct Proposals<'a> {
    paragraph: &'a str,
    doc: tagger::Sentences<'a>,
    names: Vec<std::cell::OnceCell<Vec<Proposed>>>,
}

impl<'a> Proposals<'a> {
    fn new(paragraph: &'a str, sentences: &'a [&'a str]) -> Proposals<'a> {
        Proposals { paragraph, doc: tagger::Sentences::new(sentences), names: sentences.iter().map(|_| std::cell::OnceCell::new()).collect() }
    }

    /// The names of sentence `i`.
    fn get(&self, i: usize) -> &[Proposed] {
        self.names[i].get_or_init(|| {
            let sentence = self.doc.sentence(i);
            let offset = sentence.as_ptr() as usize - self.paragraph.as_ptr() as usize;
            self.doc
                .names_in(i)
                .into_iter()
                .filter_map(|n| {
                    let kind = match n.kind {
                        tagger::Kind::Person => EntityKind::Person,
                        tagger::Kind::Organization => EntityKind::Organization,
                        tagger::Kind::Place => EntityKind::Place,
                        tagger::Kind::Other => return None,
                    };
                    Some(Proposed { start: offset + n.start, end: offset + n.end, kind })
                })
                .collect()
        })
    }
}

/// What a run is classified with besides its tokens.
struct Context<'a> {
    list_of_exercises: bool,
    countries: &'a HashSet<String>,
    /// The tagger's names in the paragraph: used only where no rule knows the run.
    proposals: &'a Proposals<'a>,
    /// The sentence of the paragraph the run is in.
    sentence: usize,
}

fn classify_run(paragraph: &str, toks: &[Token<'_>], mut start: usize, end: usize, context: &Context<'_>, found: &mut Vec<Found>) {
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
        if (1..=4).contains(&name_len) && words[office_end..].iter().all(|w| !is_head(w) && !is_country(w) && *w != "of") {
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
            let kind = if next.is_some_and(|n| EVENT_WORDS.contains(&n)) { EntityKind::Event } else { EntityKind::Exercise };
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
    if next.is_some_and(|n| EXERCISE_WORDS.contains(&n)) && !words.iter().all(|w| w.split('-').all(is_country)) && !describes {
        push(found, EntityKind::Exercise, text, text, "name", s, e);
        return;
    }
    // A name right after the word: "the bilateral exercise Turgutreis-IX".
    if prev.is_some_and(|p| EXERCISE_WORDS.contains(&p))
        && (1..=4).contains(&words.len())
        && words.iter().all(|w| !is_head(w) && !w.split('-').all(is_country))
        && GAZETTEER.lookup_in(text, countries).is_none()
        && crate::dates::find_dates(text).is_empty()
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
        && DATELINE_TAIL.is_match(&paragraph[e..])
        // A section's word in a headline ("SOCCER - …") is no place: the tagger agrees.
        && proposed().iter().any(|p| p.start < e && s < p.end)
    {
        let name = text
            .split(' ')
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
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
    if (ORG_HEADS.contains(&last) && (words.len() >= 2 || next.is_none()) || words[0] == "Ministry" && words.len() > 2 || acronym)
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
    if let Some((place, via)) = GAZETTEER.lookup_in(text, countries).filter(|(p, _)| words.len() > 1 || p.kind != PlaceKind::City) {
        push(found, EntityKind::Place, text, &place.name, via_rule(text, &place.name, via), s, e);
        return;
    }
    if list_of_exercises && words.len() >= 2 && words.iter().all(|w| !is_country(w)) {
        push(found, EntityKind::Exercise, text, text, "name", s, e);
        return;
    }
    // A name right before a speech verb (not a quotation's last words: "… to Central
    // Asia,” said), right after one ("said Ana Rojas"), or after "by": a person.
    let verb_next = next.is_some_and(|n| SPEECH_VERBS.contains(&n)) && toks.get(end).is_some_and(|t| paragraph[e..t.start].trim().is_empty());
    let verb_before = prev.is_some_and(|p| SPEECH_VERBS.contains(&p)) && paragraph[toks[start - 1].end..s].trim().is_empty();
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
        let after_in = toks.get(end).is_some_and(|t| t.text == "in") && toks.get(end + 1).is_some_and(|t| is_country(t.text));
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
            let common_word = place.kind == PlaceKind::City && start == 0 && !proposed().iter().any(|p| p.start < e && s < p.end);
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
    let long: Vec<&str> = toks.iter().map(|t| t.text).filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3).collect();
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

/// Words set in capitals that label a story, not name an organisation ("BREAKING").
const CAPITALS_WORDS: [&str; 14] = [
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "VIDEO", "PHOTO", "PHOTOS", "WATCH", "LIVE",
    "URGENT", "EDITORIAL", "COMMENT",
];

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
        let complement = t.capitalised() || ["to", "of", "in", "at", "for", "the", "executive", "general"].contains(&t.text);
        if !complement || i == 0 || last - i >= 4 || !paragraph[toks[i - 1].end..t.start].chars().all(char::is_whitespace) {
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
    let title_at = if start >= 3 && toks[start - 1].text == "the" && toks[start - 2].text == "of" && (start - 3..start).all(spaced) {
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
        if !spaced(i - 1) || !t.capitalised() || GAZETTEER.demonym(t.text).is_some() || FUNCTION_WORDS.contains(&t.text) {
            break;
        }
        i -= 1;
    }
    i
}

/// Adds the country before a capitalised role ("Azerbaijan's" + "Defence Minister").
fn with_context(paragraph: &str, toks: &[Token<'_>], start: usize, role: String) -> String {
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

/// Key under which mentions of one entity merge: kind and folded words (the id's
/// slug, spelled as `model::slug_words` spells it, so the embedded format can
/// recompute ids instead of storing them).
fn key(kind: EntityKind, name: &str) -> (EntityKind, String) {
    (kind, model::slug_words(name, usize::MAX))
}

struct Draft {
    kind: EntityKind,
    name: String,
    aliases: BTreeMap<String, (u32, &'static str)>,
    roles: Vec<Role>,
    mentions: Vec<Mention>,
    series: Option<String>,
}

/// Codes of the countries an article names outright (by name or demonym), the clue
/// that settles names such as "Georgia".
fn countries_named(article: &Article) -> HashSet<String> {
    let mut out = HashSet::new();
    for paragraph in &article.paragraphs {
        for t in tokens(paragraph, 0) {
            for part in t.text.split('-') {
                let place = GAZETTEER.demonym(part).or_else(|| {
                    GAZETTEER.lookup_all(part).into_iter().find(|(p, _)| p.kind == PlaceKind::Country).map(|(p, _)| p)
                });
                // Only unambiguous country names count as clues.
                if let Some(p) = place.filter(|_| GAZETTEER.lookup_all(part).len() <= 1 || GAZETTEER.demonym(part).is_some()) {
                    out.insert(p.country.clone());
                }
            }
        }
    }
    // "United States" and other multi-word names.
    for paragraph in &article.paragraphs {
        for name in ["United States", "United Kingdom", "United Arab Emirates"] {
            if paragraph.contains(name)
                && let Some((p, _)) = GAZETTEER.lookup(name)
            {
                out.insert(p.country.clone());
            }
        }
    }
    out
}

/// Finds, merges and relates the entities of a corpus. Mentions point into
/// `articles[i].paragraphs[j]` by byte offsets.
pub fn extract(articles: &[Article]) -> Vec<Entity> {
    // Pass 1: raw mentions per sentence.
    let mut raw: Vec<(u32, u32, usize, Found)> = Vec::new(); // (article, paragraph, sentence serial, found)
    let mut serial = 0usize;
    // Articles are read apart across cores, then taken in order: the same output
    // whatever the number of threads.
    let per_article: Vec<Vec<SentenceFinds>> = articles
        .par_iter()
        .map(|article| {
            let countries = countries_named(article);
            article.paragraphs.iter().map(|paragraph| find_in_paragraph(paragraph, &countries)).collect()
        })
        .collect();
    for (a, paragraphs) in per_article.into_iter().enumerate() {
        for (p, sentences) in paragraphs.into_iter().enumerate() {
            for (_, found) in sentences {
                for f in found {
                    raw.push((a as u32, p as u32, serial, f));
                }
                serial += 1;
            }
        }
    }

    // Surnames: a lone word that is the last word of a person's name in the same
    // article, or of exactly one person in the corpus.
    let mut people_by_article: HashMap<u32, Vec<String>> = HashMap::new();
    let mut people_by_surname: HashMap<String, HashSet<String>> = HashMap::new();
    // The first full (several-word) name with each surname, in corpus order: looked up
    // once per surname here rather than by scanning every name for each lone surname
    // (quadratic in the corpus), and the same whichever order a hash map iterates in.
    let mut first_full_name: HashMap<String, String> = HashMap::new();
    for (a, _, _, f) in &raw {
        if f.kind == EntityKind::Person && f.rule != "surname" {
            people_by_article.entry(*a).or_default().push(f.name.clone());
            let surname = fold(last_word(&f.name));
            if f.name.split_whitespace().count() > 1 {
                first_full_name.entry(surname.clone()).or_insert_with(|| f.name.clone());
            }
            people_by_surname.entry(surname).or_default().insert(key(EntityKind::Person, &f.name).1);
        }
    }
    let mut resolved = Vec::with_capacity(raw.len());
    for (a, p, s, mut f) in raw {
        if f.rule == "surname" {
            let surname = fold(&f.surface);
            let local = people_by_article
                .get(&a)
                .and_then(|names| names.iter().find(|n| fold(last_word(n)) == surname && n.split_whitespace().count() > 1));
            let global =
                people_by_surname.get(&surname).filter(|set| set.len() == 1).and_then(|_| first_full_name.get(&surname));
            match (local.or(global), f.fallback.take()) {
                (Some(full), _) => f.name = full.clone(),
                (None, Some((kind, name, rule))) => {
                    f.kind = kind;
                    f.name = name;
                    f.rule = rule;
                }
                (None, None) => continue,
            }
        }
        resolved.push((a, p, s, f));
    }

    // Pass 2: merge by key; shorter agreement names inside a longer one join it.
    let mut agreement_keys: Vec<String> =
        resolved.iter().filter(|r| r.3.kind == EntityKind::Agreement).map(|r| key(r.3.kind, &r.3.name).1).collect();
    agreement_keys.sort();
    agreement_keys.dedup();
    let mut drafts: BTreeMap<(EntityKind, String), Draft> = BTreeMap::new();
    // The one longer agreement each agreement key sits in, if exactly one: worked out
    // once per key, not once per mention (every mention against every key grows with
    // the square of the corpus).
    let mut longer_agreement: HashMap<String, Option<String>> = HashMap::new();
    let mut sentence_members: BTreeMap<usize, HashSet<(EntityKind, String)>> = BTreeMap::new();
    let mut article_members: BTreeMap<u32, HashSet<(EntityKind, String)>> = BTreeMap::new();
    for (a, p, s, f) in &resolved {
        let mut k = key(f.kind, &f.name);
        let mut rule = f.rule;
        if f.kind == EntityKind::Agreement {
            let longer = longer_agreement.entry(k.1.clone()).or_insert_with(|| {
                let longer: Vec<&String> =
                    agreement_keys.iter().filter(|other| other.len() > k.1.len() && other.contains(k.1.as_str())).collect();
                (longer.len() == 1).then(|| longer[0].clone())
            });
            if let Some(longer) = longer {
                k.1 = longer.clone();
                rule = "part of a longer name";
            }
        }
        if rule == "name" && f.surface != f.name {
            rule = "spelling";
        }
        let draft = drafts.entry(k.clone()).or_insert_with(|| Draft {
            kind: f.kind,
            name: f.name.clone(),
            aliases: BTreeMap::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
            series: None,
        });
        if draft.name.len() < f.name.len() && rule == "name" {
            draft.name = f.name.clone();
        }
        let alias = draft.aliases.entry(f.surface.clone()).or_insert((0, rule));
        alias.0 += 1;
        if let Some(role) = &f.role
            && !draft.roles.iter().any(|r| &r.text == role && r.article == *a)
        {
            draft.roles.push(Role { text: role.clone(), article: *a });
        }
        if let Some(series) = &f.series {
            draft.series = Some(series.clone());
        }
        draft.mentions.push(Mention { article: *a, paragraph: *p, start: f.start as u32, end: f.end as u32 });
        sentence_members.entry(*s).or_default().insert(k.clone());
        article_members.entry(*a).or_default().insert(k);
    }
    // Bylines: authors are people and outlets organisations, credited per article.
    for (a, article) in articles.iter().enumerate() {
        let credits = article.authors.iter().map(|n| (EntityKind::Person, n, "author"))
            .chain(article.outlets.iter().map(|n| (EntityKind::Organization, n, "outlet")));
        for (kind, name, role) in credits {
            let draft = drafts.entry(key(kind, name)).or_insert_with(|| Draft {
                kind,
                name: name.clone(),
                aliases: BTreeMap::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
                series: None,
            });
            draft.aliases.entry(name.clone()).or_insert((0, "byline")).0 += 1;
            draft.roles.push(Role { text: role.to_owned(), article: a as u32 });
        }
    }
    // Editions link to their series, which exists as an exercise of its own.
    let series_names: Vec<String> = drafts.values().filter_map(|d| d.series.clone()).collect();
    for name in series_names {
        drafts.entry(key(EntityKind::Exercise, &name)).or_insert_with(|| Draft {
            kind: EntityKind::Exercise,
            name,
            aliases: BTreeMap::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
            series: None,
        });
    }

    // Pass 3: ids, relations, output in id order (stable whatever the input order).
    let index: HashMap<(EntityKind, String), u32> =
        drafts.keys().enumerate().map(|(i, k)| (k.clone(), i as u32)).collect();
    let mut pairs: HashMap<(u32, u32), (u32, u32)> = HashMap::new();
    for members in sentence_members.values() {
        let ids: Vec<u32> = members.iter().map(|k| index[k]).collect();
        for &x in &ids {
            for &y in &ids {
                if x != y {
                    pairs.entry((x, y)).or_default().0 += 1;
                }
            }
        }
    }
    for members in article_members.values() {
        let ids: Vec<u32> = members.iter().map(|k| index[k]).collect();
        for &x in &ids {
            for &y in &ids {
                if x != y {
                    pairs.entry((x, y)).or_default().1 += 1;
                }
            }
        }
    }
    // Each entity's co-mentions, gathered in one pass over the pairs (filtering all
    // pairs once per entity grows with the square of the corpus).
    let mut related_of: Vec<Vec<Related>> = vec![Vec::new(); drafts.len()];
    for (&(x, y), &(sentences, articles)) in &pairs {
        if let Some(list) = related_of.get_mut(x as usize) {
            list.push(Related { entity: y, sentences, articles });
        }
    }
    drafts
        .into_iter()
        .zip(related_of)
        .map(|(((kind, slug), d), mut related)| {
            related.sort_by_key(|r| (std::cmp::Reverse(r.sentences), std::cmp::Reverse(r.articles), r.entity));
            related.truncate(RELATED_KEPT);
            let mut mentions = d.mentions;
            mentions.sort();
            Entity {
                id: format!("{}:{slug}", kind.as_str()),
                name: d.name,
                kind: d.kind,
                aliases: d.aliases.into_iter().map(|(text, (count, rule))| Alias { text, count, rule: rule.to_owned() }).collect(),
                roles: d.roles,
                mentions,
                related,
                series: d.series.map(|s| format!("exercise:{}", key(EntityKind::Exercise, &s).1)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_the_tagger_takes_for_people_keep_what_their_words_say() {
        use super::{EntityKind::*, retyped};
        assert_eq!(retyped(Person, "Gredo Logistics"), Organization);
        assert_eq!(retyped(Person, "Energy Research"), Organization);
        assert_eq!(retyped(Person, "Port Gasind"), Place);
        assert_eq!(retyped(Person, "Takuya Takagi"), Person);
        assert_eq!(retyped(Organization, "Port Authority"), Organization);
    }

    use super::*;

    fn kinds(text: &str) -> Vec<(EntityKind, String, String)> {
        let mut out: Vec<(EntityKind, String, String)> = find_in_paragraph(text, &countries_named(&article_of(text)))
            .into_iter()
            .flat_map(|(_, f)| f)
            // Surnames resolve across the corpus; alone, a sentence keeps only the fallback.
            .filter_map(|f| match (&f.rule, &f.fallback) {
                (&"surname", Some((kind, name, _))) => Some((*kind, name.clone(), f.role.clone().unwrap_or_default())),
                (&"surname", None) => None,
                _ => Some((f.kind, f.name.clone(), f.role.clone().unwrap_or_default())),
            })
            .collect();
        out.sort();
        out
    }

    fn article_of(text: &str) -> Article {
        Article {
            id: "t".into(),
            file: "t.txt".into(),
            title: Default::default(),
            title_stated: false,
            authors: vec![],
            outlets: vec![],
            credited: vec![],
            published: None,
            paragraphs: vec![text.to_owned().into()],
            removed: vec![],
            recycled: vec![],
        }
    }

    fn check(text: &str, expected: &[(EntityKind, &str, &str)]) {
        let mut want: Vec<(EntityKind, String, String)> =
            expected.iter().map(|(k, n, r)| (*k, n.to_string(), r.to_string())).collect();
        want.sort();
        assert_eq!(kinds(text), want, "in {text:?}");
    }

    use EntityKind::*;

    #[test]
    fn people_from_titles_and_ranks() {
        check("Norway's Defence Minister Ola Nordmann met troops.", &[(Place, "Norway", ""), (Person, "Ola Nordmann", "Norway's Defence Minister")]);
        check("Chile's Minister of Defence Mr. Mateo Ortega spoke.", &[(Place, "Chile", ""), (Person, "Mateo Ortega", "Chile's Minister of Defence")]);
        check("Major General Ana Rojas, commander of the border troops, spoke.", &[(Person, "Ana Rojas", "Major General, commander of the border troops")]);
        check("Danish Army General Lars Holm spoke.", &[(Place, "Denmark", ""), (Person, "Lars Holm", "Danish Army General")]);
        check("He met Col-Gen Petr Novak.", &[(Person, "Petr Novak", "Col-Gen")]);
        check("his Chilean counterpart Ana Rojas arrived.", &[(Place, "Chile", ""), (Person, "Ana Rojas", "Chilean counterpart")]);
        check("The talks went well, Maria Lopez said.", &[(Person, "Maria Lopez", "")]);
        check("“It is a gateway,” said Maria Lopez.", &[(Person, "Maria Lopez", "")]);
        check("“It is our gateway to Nordic Europe,” said the envoy.", &[]);
        check(
            "Ana Rojas, an analyst at the Andean Institute, agreed.",
            &[(Person, "Ana Rojas", "analyst at the Andean Institute"), (Organization, "Andean Institute", "")]
        );
        check("Talks in Punta Arenas, the city of the south, ended.", &[(Place, "Punta Arenas", "")]);
        check("It was signed by Ana Rojas, director of the port.", &[(Person, "Ana Rojas", "")]);
        check("Lars Holm, president of the board, spoke.", &[(Person, "Lars Holm", "president of the board")]);
        // No role from a cut-off apposition; the name itself is the tagger's to find.
        check("Lars Holm, chair", &[(Person, "Lars Holm", "")]);
        check(
            "Lars Holm, president of the Nordic Fund (NF), spoke.",
            &[(Person, "Lars Holm", "president of the Nordic Fund"), (Organization, "Nordic Fund", ""), (Organization, "NF", "")]
        );
    }

    #[test]
    fn places_from_the_gazetteer_and_patterns() {
        check("Troops crossed the Danube River near Vienna.", &[(Place, "Danube River", ""), (Place, "Vienna", "")]);
        check("Peruvian-Chilean drills were held in Turkey.", &[(Place, "Peru", ""), (Place, "Chile", ""), (Place, "Türkiye", "")]);
        // "Of" is a town in the gazetteer, and the first word of many sentences.
        check("Of the 45 radar stations ordered, only 3 have arrived in Vienna.", &[(Place, "Vienna", "")]);
    }

    #[test]
    fn ambiguous_place_names_follow_context() {
        check("Ministers of Azerbaijan and Turkey met in Georgia.", &[(Place, "Azerbaijan", ""), (Place, "Türkiye", ""), (Place, "Georgia", "")]);
        let found = find_in_paragraph("Voters in Georgia chose a United States senator.", &countries_named(&article_of("Voters in Georgia chose a United States senator.")));
        let georgia = found.iter().flat_map(|(_, f)| f).find(|f| f.surface == "Georgia").unwrap();
        assert_eq!(GAZETTEER.lookup_in("Georgia", &["US".to_owned()].into()).unwrap().0.kind, PlaceKind::Subdivision);
        assert_eq!(georgia.kind, Place);
    }

    #[test]
    fn exercises_agreements_events_and_organisations() {
        check("The Northern Shield-2019 exercises began.", &[(Exercise, "Northern Shield-2019", "")]);
        check("Efes exercises began. Joint exercises followed.", &[(Exercise, "Efes", "")]);
        check("They joined Baltops - 2020 in June.", &[(Exercise, "Baltops - 2020", "")]);
        check("Crews visited the Aerofest-2023 fair.", &[(Event, "Aerofest-2023", "")]);
        check("The Treaty of Lisbon and the Oslo Accords matter.", &[(Agreement, "Treaty of Lisbon", ""), (Agreement, "Oslo Accords", "")]);
        check("The Kenyan Defence Ministry reported it.", &[(Organization, "Kenyan Defence Ministry", "")]);
        check("The State Border Service of Chile and ASELSAN reported it.", &[(Organization, "State Border Service of Chile", ""), (Place, "Chile", ""), (Organization, "ASELSAN", "")]);
        check("BREAKING: talks resume.", &[]);
        check("KAGRAD, Oct. 20 (Daily) -- Talks resumed in Kagrad.", &[(Place, "Kagrad", ""), (Place, "Kagrad", "")]);
        check("NATO, the alliance, met.", &[(Organization, "NATO", "")]);
        check("Both fought in the 30-day war.", &[(Event, "30-day war", "")]);
        check("They held drills such as Blue Falcon, Red Wolf in 2020.", &[(Exercise, "Blue Falcon", ""), (Exercise, "Red Wolf", "")]);
        check("The navies ended the bilateral exercise Turgutreis-IX early.", &[(Exercise, "Turgutreis-IX", "")]);
        check("During the exercise Azerbaijan sent troops.", &[(Place, "Azerbaijan", "")]);
        check("Lt. Gen. Kerim Veliyev observed it.", &[(Person, "Kerim Veliyev", "Lt. Gen.")]);
        check("The Anatolian Eagle 2023 air force exercise opened.", &[(Exercise, "Anatolian Eagle 2023", "")]);
        check("Talks in Baku 2023 ended.", &[(Place, "Baku", "")]);
        check("Minister of Defense Ana Rojas met them.", &[(Person, "Ana Rojas", "Minister of Defense")]);
        check("He met the Minister of National Defense of the republic.", &[]);
        check("Sheikh Mohamed bin Zayed Al Nahyan received him.", &[(Person, "Mohamed bin Zayed Al Nahyan", "Sheikh")]);
        check("NATO Secretary-General Jens Stoltenberg said so.", &[(Person, "Jens Stoltenberg", "NATO Secretary-General")]);
        check(
            "President of Chile Mateo Luis Ortega spoke.",
            &[(Person, "Mateo Luis Ortega", "President of Chile"), (Place, "Chile", "")],
        );
        check("The USA and the UAE agreed.", &[(Place, "United States", ""), (Place, "United Arab Emirates", "")]);
        check("NATO, the UN and the EU met.", &[(Organization, "NATO", ""), (Organization, "UN", ""), (Organization, "EU", "")]);
        check("BAKU, Azerbaijan (AP) — Troops moved.", &[(Place, "Baku", ""), (Place, "Azerbaijan", ""), (Organization, "AP", "")]);
    }

    #[test]
    fn sentence_starters_and_lowercase_words_are_not_entities() {
        check("Choose to support us. Thank you for reading. Meanwhile, talks continued.", &[]);
    }
}
