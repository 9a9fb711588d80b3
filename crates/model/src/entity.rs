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
    /// For a place the gazetteer knows, where it is on the map.
    pub point: Option<Point>,
}

/// A place's point on the map, from the gazetteer at build time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// Latitude in thousandths of a degree, north positive: the gazetteer's own
    /// precision, kept as an integer so the point round-trips exactly.
    pub lat: i32,
    /// Longitude in thousandths of a degree, east positive.
    pub lon: i32,
    /// Whose point it is: the place's own or the representative point of what holds it.
    pub of: PointOf,
}

impl Point {
    /// A point from degrees, rounded to the thousandth the type keeps.
    pub fn from_degrees(lat: f64, lon: f64, of: PointOf) -> Point {
        Point { lat: (lat * 1000.0).round() as i32, lon: (lon * 1000.0).round() as i32, of }
    }
    pub fn lat_degrees(self) -> f64 {
        f64::from(self.lat) / 1000.0
    }
    pub fn lon_degrees(self) -> f64 {
        f64::from(self.lon) / 1000.0
    }
}

/// Which kind of point a place's point is: a city's own, or the representative
/// point of its subdivision or country (a country, or a place known only by the
/// country that holds it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PointOf {
    City,
    Subdivision,
    Country,
}

impl PointOf {
    pub const ALL: [PointOf; 3] = [PointOf::City, PointOf::Subdivision, PointOf::Country];

    /// The lowercase name used in the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            PointOf::City => "city",
            PointOf::Subdivision => "subdivision",
            PointOf::Country => "country",
        }
    }
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
