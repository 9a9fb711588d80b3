//! The engine: `Index` applies a filter state to the corpus (search, facets, credits,
//! the entity options), from per-kind and per-entity event sets built once.

use std::sync::Arc;

use crate::bits::{Bits, Events};
use crate::corpus::{Corpus, passage_holds};
use crate::entity::EntityKind;
use crate::event::EventKind;
use crate::event_words::EventWords;
use crate::search::TextIndex;
use crate::text::fold;

use super::*;

/// Read-only helpers over a corpus, built once at start-up from the corpus and the
/// text index the pipeline embedded beside it: per-facet sets of events and postings
/// per entity and per credited name, so each filter is a few set operations and no
/// keystroke scans text.
#[derive(Debug)]
pub struct Index {
    pub(crate) search: TextIndex,
    pub(crate) events: usize,
    /// Per article, its publication event (whose text is the article's), if any.
    pub(crate) publication_of_article: Vec<Option<u32>>,
    /// Events of each kind, in the order of `EventKind::ALL`.
    pub(crate) kind_events: Vec<Bits>,
    /// Events naming an entity of each kind, in the order of `EntityKind::ALL`.
    pub(crate) entity_kind_events: Vec<Bits>,
    /// Events told only in recycled background passages.
    pub(crate) recycled: Bits,
    /// Publication events, and those an event of their article already says.
    pub(crate) publications: Bits,
    pub(crate) repeats: Bits,
    /// Per entity (corpus order): the events naming it, ascending.
    pub(crate) entity_events: Vec<Vec<u32>>,
    /// Entity ids, sorted, with their position in the corpus.
    pub(crate) entity_ids: Vec<(String, u32)>,
    /// Everyone credited (authors, then outlets, in order of first appearance) and
    /// the events their articles tell, ascending.
    pub(crate) credit_names: Vec<String>,
    pub(crate) credit_events: Vec<Vec<u32>>,
    /// The latest query words with their events, reused while the user types on.
    pub(crate) recent: std::sync::Mutex<Vec<Word>>,
    /// Every word's events, once decoded ([`Index::prepare_words`]); until then a word
    /// is looked up in the postings.
    pub(crate) word_events: std::sync::OnceLock<EventWords>,
    /// The decode of `word_events` under way, between slices.
    pub(crate) preparing: std::sync::Mutex<Option<EventWords>>,
}

/// One query word and the events whose text holds it (a publication through its
/// article).
#[derive(Debug)]
pub(crate) struct Word {
    pub(crate) word: String,
    /// Shared, not copied: a word's set as the decoded index holds it, when one word
    /// is all it matches; a list when few events hold it (see
    /// [`EventWords::matching_shared`]).
    pub(crate) events: Events,
}

/// The events of `all` (all of them when it is still unset) that are in `events`: the
/// first set is taken rather than copied (a query of one decoded word, alone, is the
/// index's own set), and a list stays a list.
pub(crate) fn both(all: Option<Events>, events: Events) -> Events {
    match all {
        Some(all) => all.and(&events),
        None => events,
    }
}

/// `all` intersected with `bits` (`bits` itself when `all` is still unset).
pub(crate) fn and_into(all: &mut Option<Bits>, bits: &Bits) {
    match all {
        Some(all) => all.and_with(bits),
        None => *all = Some(bits.clone()),
    }
}

/// Events told only in recycled background passages: each source sentence is inside
/// a recycled passage of its paragraph.
pub fn recycled_events(corpus: &Corpus) -> Bits {
    let mut recycled = Bits::empty(corpus.events.len());
    for (i, e) in corpus.events.iter().enumerate() {
        let told_only_in_background = e.kind != EventKind::Publication
            && e.sources.iter().all(|s| {
                corpus.articles.get(s.article as usize).is_some_and(|a| {
                    a.recycled.iter().any(|r| r.paragraph == s.paragraph && passage_holds(&r.text, &s.sentence))
                })
            });
        if told_only_in_background {
            recycled.set(i);
        }
    }
    recycled
}

/// Publication events whose title an event of the same article already says: a
/// derived title is the lead's first sentence, and a wire headline is often the lead
/// word for word. Near-identical is every word of the shorter (at least three) in the
/// longer, the shorter at least half as long; a title cut with " …" is compared as far
/// as it goes. Summaries only, so a preview (which has no source sentences) gives the
/// same answer.
pub fn repeated_publications(corpus: &Corpus) -> Bits {
    let n = corpus.events.len();
    let mut repeats = Bits::empty(n);
    let folded = |text: &str| fold(text.trim_end_matches(" …"));
    // Per article, its publication and its other events.
    let mut publication: Vec<Option<usize>> = vec![None; corpus.articles.len()];
    let mut told: Vec<Vec<usize>> = vec![Vec::new(); corpus.articles.len()];
    for (i, e) in corpus.events.iter().enumerate() {
        for s in &e.sources {
            let Some(a) = publication.get_mut(s.article as usize) else { continue };
            if e.kind == EventKind::Publication {
                *a = Some(i);
            } else if told[s.article as usize].last() != Some(&i) {
                told[s.article as usize].push(i);
            }
        }
    }
    // Each event's number of words, counted once: an event told in thousands of articles
    // (a recycled passage) had its summary split into words again for each (at 10,000
    // generated articles, two thirds of building the app's `Index`). Its words are read
    // only when the counts allow a match.
    let mut counts: Vec<u32> = vec![u32::MAX; n];
    for (a, p) in publication.into_iter().enumerate() {
        let Some(p) = p else { continue };
        let title_text = folded(&corpus.events[p].summary);
        let title = words(&title_text);
        let same = told[a].iter().any(|&i| {
            let count = &mut counts[i];
            if *count == u32::MAX {
                *count = words(&folded(&corpus.events[i].summary)).len() as u32;
            }
            let (shorter, longer) = (title.len().min(*count as usize), title.len().max(*count as usize));
            if shorter < 3 || shorter * 2 < longer {
                return false;
            }
            let text = folded(&corpus.events[i].summary);
            let summary = words(&text);
            let (short, long) = if title.len() <= summary.len() { (&title, &summary) } else { (&summary, &title) };
            short.iter().all(|w| long.contains(w))
        });
        if same {
            repeats.set(p);
        }
    }
    repeats
}

/// The words of a folded text, as [`repeated_publications`] compares them.
fn words(folded: &str) -> Vec<&str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// What one filter state leaves: the timeline and the counts beside its options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// The events, in timeline order.
    pub rows: Rows,
    pub facets: Facets,
    /// Everyone credited, with the events choosing them would leave.
    pub credits: Vec<(String, usize)>,
}

impl Index {
    /// Builds the text index too; the app uses [`Index::with_search`] and the one the
    /// pipeline embedded.
    pub fn new(corpus: &Corpus) -> Index {
        Index::with_search(corpus, TextIndex::for_corpus(corpus))
    }

    /// The text index searches run on (its words, for suggestions).
    pub fn text_index(&self) -> &TextIndex {
        &self.search
    }

    pub fn with_search(corpus: &Corpus, search: TextIndex) -> Index {
        Index::with_parts(corpus, search, recycled_events(corpus), repeated_publications(corpus))
    }

    /// The index from the pieces the decoder gives ([`crate::format::decode_all`]):
    /// `recycled` is [`recycled_events`] of the corpus, which the decoder finds
    /// without searching text, and `repeats` its [`repeated_publications`], which a
    /// split corpus's manifest lists.
    pub fn with_parts(corpus: &Corpus, search: TextIndex, recycled: Bits, repeats: Bits) -> Index {
        IndexBuilder::new(corpus, search, recycled, repeats).finish(corpus)
    }

    /// How many events of `rows` name each entity, by entity number (events name an
    /// entity at most once, as the pipeline makes them). A pass over the rows when they
    /// are fewer than half the events; else the lengths of the entities' event lists
    /// less the events left out: the default timeline leaves out only the repeated
    /// publications, and a pass over its rows was most of the side panel's render at
    /// 10,000 articles.
    pub fn entity_counts(&self, corpus: &Corpus, rows: &Rows) -> Vec<u32> {
        let entities_of = |i: usize| corpus.events.get(i).map_or(&[][..], |e| &e.entities[..]);
        if rows.len() * 2 > self.events {
            let mut per_entity: Vec<u32> = self.entity_events.iter().map(|list| list.len() as u32).collect();
            let mut left_out = rows.set.to_bits(self.events);
            left_out.invert();
            for i in left_out.ones() {
                for &x in entities_of(i) {
                    if let Some(n) = per_entity.get_mut(x as usize) {
                        *n = n.saturating_sub(1);
                    }
                }
            }
            return per_entity;
        }
        let mut per_entity = vec![0u32; corpus.entities.len()];
        for i in rows.iter() {
            for &x in entities_of(i) {
                if let Some(n) = per_entity.get_mut(x as usize) {
                    *n += 1;
                }
            }
        }
        per_entity
    }

    /// The events naming entity `entity` (a position in `Corpus::entities`), ascending,
    /// which is date order: an entity card's own timeline, without a pass over every event.
    pub fn entity_events(&self, entity: u32) -> &[u32] {
        self.entity_events.get(entity as usize).map_or(&[], Vec::as_slice)
    }

    pub fn entity(&self, id: &str) -> Option<u32> {
        self.entity_ids.binary_search_by(|(s, _)| s.as_str().cmp(id)).ok().map(|k| self.entity_ids[k].1)
    }

    /// Drops from `state` the filters that name nothing in `corpus` (an entity id no
    /// article mentions, a name no article credits, an event the article opened does
    /// not tell), saying what went. A link made
    /// before articles were removed still opens, with the rest of its filters.
    pub fn drop_unknown(&self, corpus: &Corpus, state: &mut State) -> Vec<Problem> {
        let mut problems = Vec::new();
        state.filter.entities.retain(|id| {
            let known = self.entity(id).is_some();
            if !known {
                problems
                    .push(Problem(format!("no entity “{}” in these articles; that filter was dropped", shorten(id))));
            }
            known
        });
        if let Some(by) = &state.filter.by
            && !self.credit_names.contains(by)
        {
            problems.push(Problem(format!("no article is by “{}”; that filter was dropped", shorten(by))));
            state.filter.by = None;
        }
        if let View::Article(id, at) = &mut state.view
            && let Some(event) = at.as_deref()
            && !tells(corpus, id, event)
        {
            let event = shorten(event);
            problems.push(Problem(format!("no event “{event}” is told in this article; it opens at its top")));
            *at = None;
        }
        problems
    }

    /// How many events of the corpus are of `kind` (the filters offer only kinds the
    /// corpus has).
    pub fn kind_total(&self, kind: EventKind) -> usize {
        self.kind_events[kind_slot(kind)].count()
    }

    pub fn is_recycled(&self, event: usize) -> bool {
        self.recycled.get(event)
    }

    /// Runs `each` over the matches of every word of `text` (each word as the beginning
    /// of a word in the text). The matches of the latest words are kept, so typing on
    /// looks up only the word being typed.
    pub(crate) fn with_words(&self, text: &str, mut each: impl FnMut(&Word)) {
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        crate::search::for_each_word(text, |w| {
            let slot = match recent.iter().position(|r| r.word == w) {
                Some(k) => k,
                None => {
                    if recent.len() >= 8 {
                        recent.remove(0);
                    }
                    recent.push(self.word(w));
                    recent.len() - 1
                }
            };
            each(&recent[slot]);
        });
    }

    /// Forgets the matches of the latest words, so the next query looks every word up
    /// (the bench times queries this way: a repeated query would otherwise time the cache).
    pub fn forget_words(&self) {
        self.recent.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    pub(crate) fn word(&self, w: &str) -> Word {
        let events = match self.word_events.get() {
            Some(decoded) => decoded.matching_shared(&self.search, w),
            None => {
                let mut events = Bits::empty(self.events);
                self.search.matching_events(w, &self.publication_of_article, &mut events);
                Events::from(events)
            }
        };
        Word { word: w.to_owned(), events }
    }

    /// Decodes every word's events a few hundred words at a time, until `enough()`
    /// says to stop; says whether they are all decoded (then words are looked up in
    /// them, not in the postings). The app runs it in slices once it is ready.
    pub fn prepare_words(&self, mut enough: impl FnMut() -> bool) -> bool {
        if self.word_events.get().is_some() {
            return true;
        }
        let mut slot = self.preparing.lock().unwrap_or_else(|e| e.into_inner());
        let mut decoded = slot.take().unwrap_or_else(|| EventWords::new(self.events));
        loop {
            if decoded.build_some(&self.search, &self.publication_of_article, WORDS_PER_LOOK) {
                let _ = self.word_events.set(decoded);
                return true;
            }
            if enough() {
                *slot = Some(decoded);
                return false;
            }
        }
    }

    /// Bytes the decoded words' events take (0 until [`Index::prepare_words`] is done).
    pub fn word_events_bytes(&self) -> usize {
        self.word_events.get().map_or(0, EventWords::heap_bytes)
    }

    /// Documents (articles, then events) holding every word of `text`; `None` when the
    /// text has no words.
    pub(crate) fn text_docs(&self, text: &str) -> Option<Bits> {
        let mut all: Option<Bits> = None;
        for w in crate::search::words(text) {
            let mut docs = Bits::empty(self.search.docs());
            self.search.matching(&w, &mut docs);
            and_into(&mut all, &docs);
        }
        all
    }

    /// Events whose own text (for a publication, its article's) holds every word of
    /// `text`: the events of each word, intersected (a publication's document is empty,
    /// so its article holds every word exactly when it is in every word's events).
    pub(crate) fn text_events(&self, text: &str) -> Option<Events> {
        let mut all: Option<Events> = None;
        self.with_words(text, |w| {
            // The first word's set is shared; the next word's intersection copies it.
            all = Some(match all.take() {
                Some(all) => all.and(&w.events),
                None => w.events.clone(),
            })
        });
        all
    }

    pub(crate) fn postings_bits(&self, list: &[u32]) -> Bits {
        let mut b = Bits::empty(self.events);
        for &i in list {
            b.set(i as usize);
        }
        b
    }

    /// One set per active filter, tagged with the facet it belongs to, each given to
    /// `each` as it is made (behind `dyn`: one copy in the wasm for both callers).
    pub(crate) fn masks(&self, corpus: &Corpus, f: &Filter, each: &mut dyn FnMut(Facet, Events)) {
        if let Some(t) = self.text_events(&f.text) {
            each(Facet::None, t);
        }
        if !f.kinds.is_empty() {
            let mut b = Bits::empty(self.events);
            for k in &f.kinds {
                b.or_with(&self.kind_events[kind_slot(*k)]);
            }
            each(Facet::Kind, Events::from(b));
        }
        if let Some(k) = f.entity_kind {
            each(Facet::EntityKind, Events::from(self.entity_kind_events[entity_kind_slot(k)].clone()));
        }
        for id in &f.entities {
            let list = self.entity(id).and_then(|x| self.entity_events.get(x as usize)).map_or(&[][..], Vec::as_slice);
            each(Facet::None, Events::from(self.postings_bits(list)));
        }
        if f.from.is_some() || f.to.is_some() {
            let mut b = Bits::empty(self.events);
            for (i, e) in corpus.events.iter().enumerate() {
                if !(f.from.is_some_and(|from| e.when.end < from) || f.to.is_some_and(|to| e.when.start > to)) {
                    b.set(i);
                }
            }
            each(Facet::None, Events::from(b));
        }
        if f.hide_recycled {
            let mut b = self.recycled.clone();
            b.invert();
            each(Facet::Recycled, Events::from(b));
        }
        if let Some(by) = &f.by {
            let list =
                self.credit_names.iter().position(|n| n == by).map_or(&[][..], |k| self.credit_events[k].as_slice());
            each(Facet::By, Events::from(self.postings_bits(list)));
        }
        let left_out = match f.publications {
            Publications::Distinct if self.repeats.count() > 0 => Some(&self.repeats),
            Publications::Hidden => Some(&self.publications),
            _ => None,
        };
        if let Some(left_out) = left_out {
            let mut b = left_out.clone();
            b.invert();
            each(Facet::Publications, Events::from(b));
        }
    }

    pub(crate) fn passing(&self, masks: &[(Facet, Arc<Bits>)], skip: Facet) -> Bits {
        let mut all: Option<Bits> = None;
        for (facet, bits) in masks {
            if *facet == Facet::None || *facet != skip {
                and_into(&mut all, bits);
            }
        }
        all.unwrap_or_else(|| Bits::full(self.events))
    }

    /// The timeline, facet counts and credit counts for one filter state.
    pub fn evaluate(&self, corpus: &Corpus, f: &Filter, oldest_first: bool) -> Evaluation {
        let mut masks = Vec::new();
        self.masks(corpus, f, &mut |facet, events| masks.push((facet, events)));
        let rows = self.rows(masks.iter().map(|(_, events)| events.clone()), oldest_first);
        // The counts below intersect bits: a list becomes a set once, for all four.
        let masks: Vec<(Facet, Arc<Bits>)> = masks
            .into_iter()
            .map(|(facet, events)| match events {
                Events::Bits(bits) => (facet, bits),
                few => (facet, Arc::new(few.to_bits(self.events))),
            })
            .collect();
        let mut facets = Facets::default();
        let without_kind = self.passing(&masks, Facet::Kind);
        for (slot, bits) in self.kind_events.iter().enumerate() {
            facets.kinds[slot] = without_kind.count_and(bits) as u32;
        }
        let without_entity_kind = self.passing(&masks, Facet::EntityKind);
        for (slot, bits) in self.entity_kind_events.iter().enumerate() {
            facets.entity_kinds[slot] = without_entity_kind.count_and(bits) as u32;
        }
        let without_recycled = self.passing(&masks, Facet::Recycled);
        facets.fresh = (without_recycled.count() - without_recycled.count_and(&self.recycled)) as u32;
        let without_publications = self.passing(&masks, Facet::Publications);
        facets.told = (without_publications.count() - without_publications.count_and(&self.publications)) as u32;
        facets.repeats = without_publications.count_and(&self.repeats) as u32;
        let without_by = self.passing(&masks, Facet::By);
        let credits = self
            .credit_names
            .iter()
            .zip(&self.credit_events)
            .map(|(name, list)| (name.clone(), list.iter().filter(|&&i| without_by.get(i as usize)).count()))
            .collect();
        Evaluation { rows, facets, credits }
    }

    /// The events that pass, in timeline order.
    pub fn timeline(&self, corpus: &Corpus, f: &Filter, oldest_first: bool) -> Rows {
        let mut all: Option<Events> = None;
        self.masks(corpus, f, &mut |_, events| all = Some(both(all.take(), events)));
        Rows::new(all.unwrap_or_else(|| Events::from(Bits::full(self.events))), oldest_first)
    }

    /// The rows every mask passes (see [`both`]).
    pub(crate) fn rows(&self, masks: impl Iterator<Item = Events>, oldest_first: bool) -> Rows {
        let all = masks.fold(None, |all, events| Some(both(all, events)));
        Rows::new(all.unwrap_or_else(|| Events::from(Bits::full(self.events))), oldest_first)
    }

    /// How many events each event kind and entity kind would leave, the other filters kept.
    pub fn facets(&self, corpus: &Corpus, f: &Filter) -> Facets {
        self.evaluate(corpus, f, true).facets
    }

    /// Articles whose title or text holds every word of `text`, in the given order.
    pub fn articles<'a>(
        &self,
        corpus: &'a Corpus,
        order: Vec<&'a crate::corpus::Article>,
        text: &str,
    ) -> Vec<&'a crate::corpus::Article> {
        let Some(docs) = self.text_docs(text) else { return order };
        let base = corpus.articles.as_ptr() as usize;
        let size = std::mem::size_of::<crate::corpus::Article>().max(1);
        order
            .into_iter()
            .filter(|a| {
                let i = (*a as *const crate::corpus::Article as usize).wrapping_sub(base) / size;
                i < corpus.articles.len() && docs.get(i)
            })
            .collect()
    }
}

/// Words [`Index::prepare_words`] decodes between looks at the clock (some hundreds
/// of microseconds of work in the browser).
pub(crate) const WORDS_PER_LOOK: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Facet {
    /// A filter no facet count leaves out (text, entities, dates).
    None,
    Kind,
    EntityKind,
    By,
    Recycled,
    Publications,
}

pub(super) fn entity_kind_slot(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Counts per facet value, in the order of `EventKind::ALL` and `EntityKind::ALL`, and
/// what hiding recycled background would leave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub kinds: [u32; 7],
    pub entity_kinds: [u32; 6],
    /// The events left with recycled background hidden, the other filters kept.
    pub fresh: u32,
    /// The events left with publication rows hidden, the other filters kept; and the
    /// publication rows the default leaves out as repeats.
    pub told: u32,
    pub repeats: u32,
}

pub fn kind_slot(kind: EventKind) -> usize {
    EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The folded words of a query, as the text index splits text.
pub fn query_words(text: &str) -> Vec<String> {
    crate::search::words(text).collect()
}

/// Where the folded query words begin words of `text` (byte ranges of `text`), for
/// highlighting what the search matched. Works on texts whose folding keeps character
/// counts (Latin text does).
pub fn highlights(text: &str, query: &str) -> Vec<(usize, usize)> {
    let words = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded: Vec<char> = chars.iter().map(|&(_, c)| fold(&c.to_string()).chars().next().unwrap_or(c)).collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for w in &words {
        let w: Vec<char> = w.chars().collect();
        if w.is_empty() || w.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - w.len() {
            let at_word_start = start == 0 || !folded[start - 1].is_alphanumeric();
            if at_word_start && folded[start..start + w.len()] == w[..] {
                let s = chars[start].0;
                let e = chars.get(start + w.len()).map_or(text.len(), |&(b, _)| b);
                out.push((s, e));
            }
        }
    }
    crate::order::sort(&mut out);
    // Merge overlaps.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Everyone credited in the corpus (authors, then outlets), each with the number of
/// events that `f` would leave if they were chosen.
pub fn credits(corpus: &Corpus, index: &Index, f: &Filter) -> Vec<(String, usize)> {
    index.evaluate(corpus, f, true).credits
}

/// The entities most named by the events shown and not chosen yet, each with the
/// number of those events it would leave if added, most first; `per_entity` is
/// [`Index::entity_counts`] of the events shown.
pub fn entity_options(corpus: &Corpus, per_entity: &[u32], f: &Filter, most: usize) -> Vec<(u32, usize)> {
    let chosen = |x: u32| corpus.entities.get(x as usize).is_some_and(|e| f.entities.contains(&e.id));
    most_named(per_entity, most, &chosen).into_iter().map(|(x, n)| (x, n as usize)).collect()
}

/// The `most` entities with the highest counts in `per_entity` ([`Index::entity_counts`]),
/// most first, ties by entity number, leaving out those with none and those `skip`
/// names: the few the side panel shows, kept as they come rather than by sorting
/// thousands of entities on every change of filters.
pub fn most_named(per_entity: &[u32], most: usize, skip: &dyn Fn(u32) -> bool) -> Vec<(u32, u32)> {
    let mut top: Vec<(u32, u32)> = Vec::with_capacity(most + 1);
    // Entity numbers ascend, so an entity ties behind every one already kept.
    for (x, &n) in per_entity.iter().enumerate() {
        if n == 0 || (top.len() == most && top.last().is_none_or(|&(_, last)| n <= last)) || skip(x as u32) {
            continue;
        }
        let at = top.partition_point(|&(_, kept)| kept >= n);
        top.insert(at, (x as u32, n));
        top.truncate(most);
    }
    top
}
