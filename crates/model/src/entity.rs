//! Entities found in the corpus (people, organisations, places, exercises,
//! agreements, other named events), with where they are mentioned and what they
//! appear with.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Exercise,
    Agreement,
    Event,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Exercise,
        EntityKind::Agreement,
        EntityKind::Event,
    ];

    /// The lowercase name used in ids, URLs and the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Exercise => "exercise",
            EntityKind::Agreement => "agreement",
            EntityKind::Event => "event",
        }
    }
}

/// One entity of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Derived from kind and folded name ("person:jane-roe"), so it stays the
    /// same when articles are added.
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Every surface form seen, with counts and the rule that merged it.
    pub aliases: Vec<Alias>,
    /// Roles the articles give a person, with the article each came from.
    pub roles: Vec<Role>,
    pub mentions: Vec<Mention>,
    /// Entities mentioned with this one, most often first.
    pub related: Vec<Related>,
    /// For an edition ("Efes-2022"), the id of its series ("exercise:efes").
    pub series: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub text: String,
    pub count: u32,
    /// How this form joined the entity: "name", "spelling" (case or diacritics),
    /// "gazetteer" (an alternate name), "initials" (a country's, "UAE"), "demonym",
    /// "surname", "part of a longer name", "context", "byline".
    pub rule: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub text: String,
    /// Index into `Corpus::articles`.
    pub article: u32,
}

/// Where an entity is mentioned: byte offsets into one paragraph of one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    pub article: u32,
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// Index into `Corpus::entities`.
    pub entity: u32,
    /// Sentences mentioning both.
    pub sentences: u32,
    /// Articles mentioning both.
    pub articles: u32,
}
