//! Timeline events: each dated statement (a sentence, or the clause around a second
//! date in it) that names an entity or an action, with a short summary, a kind, its
//! entities and its source sentences. A statement told in several articles becomes one
//! event with several sources; recycled passages are dated from the article where they
//! first appeared. Each article's publication is an event too.
//!
//! Here: the stages in order. Each article's statements are read on their own
//! (`statements.rs`), in parallel and taken in article order, so the output is the
//! same whatever the number of threads; then dates relative to another event are
//! resolved (`relative.rs`) and reports of one event are merged (`merge.rs`).

mod merge;
mod relative;
mod statements;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use model::{Article, DateSpan, Entity, EntityKind, Event, EventKind, Source};
use rayon::prelude::*;

use crate::rules::section;
use crate::text::fold;

use merge::{Telling, merge_and_finish};

/// Words of a summary that decide which reports are of one event (a summary is the
/// whole clause; its opening words tell what happened, the rest varies by outlet).
const SUMMARY_WORDS: usize = 24;

/// The word lists of this module, a section each (`crate::rules`).
static WORDS: &str = include_str!("../../../../../assets/events/words.txt");

fn list(name: &str) -> Vec<&'static str> {
    section(WORDS, "assets/events/words.txt", name)
}

/// A statement dated relative to another event, resolved once all events are known.
struct Pending {
    article: u32,
    paragraph: u32,
    sentence: String,
    ids: Vec<u32>,
    n: i64,
    unit: String,
    anchor: HashSet<String>,
    evidence: String,
    kind: EventKind,
}

struct Draft {
    when: DateSpan,
    summary: String,
    kind: EventKind,
    entities: Vec<u32>,
    sources: Vec<Source>,
    /// Folded words of the summary, for matching reports of one event.
    words: HashSet<String>,
}

/// Finds the events of a corpus whose entities are already extracted.
pub fn extract(articles: &[Article], entities: &[Entity]) -> Vec<Event> {
    // Per (article, paragraph): each mention's byte range and entity index.
    let mut mentions: statements::Spans = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            mentions.entry((m.article, m.paragraph)).or_default().push((m.start as usize, m.end as usize, i as u32));
        }
    }
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (&*a.id, a)).collect();
    let read: Vec<(Vec<Draft>, Vec<Pending>)> = articles
        .par_iter()
        .enumerate()
        .map(|(a, article)| statements::of_article(a as u32, article, &mentions, &by_id, entities))
        .collect();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    for (d, p) in read {
        drafts.extend(d);
        pending.extend(p);
    }
    let extra = relative::resolve(&drafts, pending);
    drafts.extend(extra);
    // Exercises, agreements and named events tell events apart: two reports that name
    // different ones are of different events, however alike their words. Where no such
    // name decides, places do: "a summit in Piacenza" and "a summit in Hohhot" are two.
    let naming: Vec<Telling> = entities
        .iter()
        .map(|e| match e.kind {
            EntityKind::Exercise | EntityKind::Agreement | EntityKind::Event => Telling::Name,
            EntityKind::Place => Telling::Place,
            _ => Telling::Neither,
        })
        .collect();
    merge_and_finish(drafts, articles, &naming)
}

/// The folded words of a summary's first `SUMMARY_WORDS` words, for matching reports
/// of one event.
fn word_set(text: &str) -> HashSet<String> {
    let head: Vec<&str> = text.split_whitespace().take(SUMMARY_WORDS).collect();
    fold(&head.join(" ")).split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_owned).collect()
}
