//! The explorer's state as data: which view is open and which filters apply, how that
//! state reads from and writes to the URL fragment, and the pure functions that apply
//! it to the corpus (timeline rows, facet counts, search). The app only renders what
//! these return, so all of it is tested natively.

use crate::corpus::{Article, Corpus};
use crate::event::Event;
pub use crate::text::fold;

mod axis;
mod build;
mod density;
mod index;
mod map;
mod rows;
mod state;
#[cfg(test)]
mod tests;

pub use axis::*;
pub use build::IndexBuilder;
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
    let a = corpus.articles.iter().find(|x| &*x.id == article)?;
    target_in(corpus, a, event)
}

/// Whether article `article` (an id) is a source of event `event` (an id): what an `at`
/// needs, known from the events alone (a split corpus's core lacks most paragraphs).
pub fn tells(corpus: &Corpus, article: &str, event: &str) -> bool {
    let Some(a) = corpus.articles.iter().position(|x| &*x.id == article) else { return false };
    corpus.events.iter().find(|e| e.id == event).is_some_and(|e| e.sources.iter().any(|s| s.article as usize == a))
}

/// [`target`] in `article` as given: a split corpus's article with its whole body put
/// back (`format::Body::fill`), whose id names the corpus's article.
pub fn target_in(corpus: &Corpus, article: &Article, event: &str) -> Option<(usize, usize, usize)> {
    let a = corpus.articles.iter().position(|x| x.id == article.id)?;
    let e = corpus.events.iter().find(|e| e.id == event)?;
    let source = e.sources.iter().find(|s| s.article as usize == a)?;
    let p = source.paragraph as usize;
    let text = article.paragraphs.get(p)?;
    let sentence = source.sentence_in(&article.paragraphs);
    Some(match text.find(sentence).filter(|_| !sentence.is_empty()) {
        Some(start) => (p, start, start + sentence.len()),
        None => (p, 0, text.len()),
    })
}

/// Events an entity appears in, in date order (its mini-timeline).
pub fn events_of(corpus: &Corpus, entity: u32) -> Vec<&Event> {
    corpus.events.iter().filter(|e| e.entities.contains(&entity)).collect()
}
