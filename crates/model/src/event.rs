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
    /// The exact source sentence; empty while `place` stands for it.
    pub sentence: Text,
    /// Where the sentence sits in its paragraph (byte range), when a split corpus's
    /// core holds only that: a later source's sentence past its article's lead, read
    /// once the body comes (`sentence_in`). `None` wherever `sentence` is the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<(u32, u32)>,
}

impl Source {
    /// The source sentence, taken from `paragraphs` (its article's whole body) when only
    /// its place is known; empty when that place is not in them.
    pub fn sentence_in<'a>(&'a self, paragraphs: &'a [Text]) -> &'a str {
        match self.place {
            None => &self.sentence,
            Some((start, end)) => {
                paragraphs.get(self.paragraph as usize).and_then(|p| p.get(start as usize..end as usize)).unwrap_or("")
            }
        }
    }
}
