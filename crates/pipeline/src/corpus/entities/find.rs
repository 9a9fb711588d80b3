//! A paragraph's mentions, sentence by sentence: each capitalised run classified, with the
//! statistical tagger's names proposed only for sentences a rule asks about, and the records of
//! what was found (`Found`).

use std::collections::HashSet;

use model::EntityKind;

use crate::language::gazetteer::{GAZETTEER, PlaceKind, Via};
use crate::language::tagger;
use crate::text::sentences;

use super::classify::{apposition, classify_run, with_context};
use super::tokens::{DAY_WAR, Token, runs, span_text, tokens};
use crate::language::name_words::EXERCISE_WORDS;

/// A mention found in one sentence, before merging.
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub(super) kind: EntityKind,
    /// The text as written.
    pub(super) surface: String,
    /// The name it stands for (gazetteer name for places, the full name for people).
    pub(super) name: String,
    pub(super) rule: &'static str,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) role: Option<String>,
    pub(super) series: Option<String>,
    /// For a surname-only mention: what it is when no person has that surname
    /// ("President Aliyev" stays a person; "Lund" may be the city).
    pub(super) fallback: Option<(EntityKind, String, &'static str)>,
}

/// A paragraph's mentions: for each sentence, its byte offset in the paragraph and what was found in it.
pub(super) type SentenceFinds = Vec<(usize, Vec<Found>)>;

/// Finds the mentions in one paragraph.
pub(super) fn find_in_paragraph(paragraph: &str, countries: &HashSet<String>) -> SentenceFinds {
    let mut per_sentence = Vec::new();
    let all = sentences(paragraph);
    let proposed = Proposals::new(paragraph, &all);
    for (index, &sentence) in all.iter().enumerate() {
        let offset = sentence.as_ptr() as usize - paragraph.as_ptr() as usize;
        let toks = tokens(sentence, offset);
        let mut found = Vec::new();
        let list_of_exercises = {
            let lower = sentence.to_lowercase();
            EXERCISE_WORDS
                .iter()
                .any(|w| lower.contains(&format!("{w} such as")) || lower.contains(&format!("{w}, including")))
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
        for p in dotted_names
            .iter()
            .filter(|p| p.start >= offset && p.end <= sentence_end && paragraph[p.start..p.end].contains('.'))
        {
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

pub(super) fn push(
    found: &mut Vec<Found>,
    kind: EntityKind,
    surface: &str,
    name: &str,
    rule: &'static str,
    start: usize,
    end: usize,
) {
    found.push(Found {
        kind,
        surface: surface.to_owned(),
        name: name.to_owned(),
        rule,
        start,
        end,
        role: None,
        series: None,
        fallback: None,
    });
}

/// Records a person named as written, with the role the text gives them.
pub(super) fn push_person(found: &mut Vec<Found>, name: &str, role: String, start: usize, end: usize) {
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
pub(super) fn place_word(found: &mut Vec<Found>, tok: &Token<'_>, allow_city: bool) -> bool {
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

pub(super) fn via_rule(surface: &str, name: &str, via: Via) -> &'static str {
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

/// A name the statistical tagger proposes (byte range of the paragraph, kind).
pub(super) struct Proposed {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: EntityKind,
}

/// The tagger's names in a paragraph, as byte ranges of it, tagged a sentence at a time
/// and only when a rule first asks about that sentence (tagging is most of the entities
/// step's time). Each sentence is read in the view of the whole paragraph: what one
/// sentence says about a word helps in another.
pub(super) struct Proposals<'a> {
    paragraph: &'a str,
    doc: tagger::Sentences<'a>,
    names: Vec<std::cell::OnceCell<Vec<Proposed>>>,
}

impl<'a> Proposals<'a> {
    pub(super) fn new(paragraph: &'a str, sentences: &'a [&'a str]) -> Proposals<'a> {
        Proposals {
            paragraph,
            doc: tagger::Sentences::new(sentences),
            names: sentences.iter().map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    /// The names of sentence `i`.
    pub(super) fn get(&self, i: usize) -> &[Proposed] {
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
pub(super) struct Context<'a> {
    pub(super) list_of_exercises: bool,
    pub(super) countries: &'a HashSet<String>,
    /// The tagger's names in the paragraph: used only where no rule knows the run.
    pub(super) proposals: &'a Proposals<'a>,
    /// The sentence of the paragraph the run is in.
    pub(super) sentence: usize,
}
