//! The explorer's state as data: which view is open and which filters apply, how that
//! state reads from and writes to the URL fragment, and the pure functions that apply
//! it to the corpus (timeline rows, facet counts, search). The app only renders what
//! these return, so all of it is tested natively.

use crate::corpus::Corpus;
use crate::event::Event;
pub use crate::text::fold;

mod axis;
mod density;
mod index;
mod map;
mod rows;
mod state;
#[cfg(test)]
mod tests;

pub use axis::*;
pub use density::*;
pub use index::*;
pub use map::*;
pub use rows::*;
pub use state::*;

/// Where a reader opened at event `event` (an id) marks its sentence in article
/// `article` (an id): `(paragraph, start, end)`, byte offsets into that paragraph; the
/// whole paragraph when the sentence is not found in it word for word. `None` when the
/// article does not tell that event.
pub fn target(corpus: &Corpus, article: &str, event: &str) -> Option<(usize, usize, usize)> {
    let a = corpus.articles.iter().position(|x| &*x.id == article)?;
    let e = corpus.events.iter().find(|e| e.id == event)?;
    let source = e.sources.iter().find(|s| s.article as usize == a)?;
    let p = source.paragraph as usize;
    let text = corpus.articles[a].paragraphs.get(p)?;
    let sentence: &str = &source.sentence;
    Some(match text.find(sentence).filter(|_| !sentence.is_empty()) {
        Some(start) => (p, start, start + sentence.len()),
        None => (p, 0, text.len()),
    })
}

/// Events an entity appears in, in date order (its mini-timeline).
pub fn events_of(corpus: &Corpus, entity: u32) -> Vec<&Event> {
    corpus.events.iter().filter(|e| e.entities.contains(&entity)).collect()
}
