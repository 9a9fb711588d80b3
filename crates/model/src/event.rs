//! Timeline events: dated statements with the sentences they came from.

use serde::{Deserialize, Serialize};

use crate::date::DateSpan;
use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EventKind {
    /// An article's publication.
    Publication,
    Meeting,
    Exercise,
    Agreement,
    Visit,
    Statement,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 7] = [
        EventKind::Publication,
        EventKind::Meeting,
        EventKind::Exercise,
        EventKind::Agreement,
        EventKind::Visit,
        EventKind::Statement,
        EventKind::Other,
    ];

    /// The lowercase name used in URLs and the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Publication => "publication",
            EventKind::Meeting => "meeting",
            EventKind::Exercise => "exercise",
            EventKind::Agreement => "agreement",
            EventKind::Visit => "visit",
            EventKind::Statement => "statement",
            EventKind::Other => "other",
        }
    }
}

/// One point or span on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Derived from the date and the summary's words, stable when articles are added.
    pub id: String,
    pub when: DateSpan,
    pub summary: Text,
    pub kind: EventKind,
    /// Indices into `Corpus::entities`.
    pub entities: Vec<u32>,
    /// Every article that tells it, earliest first.
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Index into `Corpus::articles`.
    pub article: u32,
    pub paragraph: u32,
    /// The exact source sentence.
    pub sentence: Text,
}
