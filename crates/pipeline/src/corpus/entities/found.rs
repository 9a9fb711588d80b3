//! What the entity rules find in a sentence (`Found`), the helpers that record it, and what
//! a run is classified with (`Context`: the tagger's proposals for the paragraph among it).

use std::collections::HashSet;

use model::EntityKind;

use crate::language::gazetteer::{GAZETTEER, PlaceKind, Via};
use crate::language::tagger;

use super::tokens::Token;

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
