//! The explorer's state as data: which view is open and which filters apply, how that
//! state reads from and writes to the URL fragment, and the pure functions that apply
//! it to the corpus (timeline rows, facet counts, search). The app only renders what
//! these return, so all of it is tested natively.

use std::sync::Arc;

use crate::bits::{Bits, Events};
use crate::corpus::{Corpus, passage_holds};
use crate::date::Date;
use crate::entity::EntityKind;
use crate::event::{Event, EventKind};
use crate::search::{EventWords, TextIndex};
pub use crate::text::fold;

/// What the main area shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Timeline,
    Articles,
    Entities,
    Entity(String),
    /// An article, by id, and the event whose sentence in it the reader marks and
    /// scrolls to (a source link's target), by event id.
    Article(String, Option<String>),
}

impl View {
    /// The view a timeline row's source link opens: `article` (of `corpus.articles`)
    /// at the event's sentence. A publication's "sentence" is the article's title, not
    /// a sentence of its text, so its link opens the article at the top.
    pub fn source(event: &Event, article_id: &str) -> View {
        let at = (event.kind != EventKind::Publication).then(|| event.id.clone());
        View::Article(article_id.to_owned(), at)
    }
}

/// The filters, combined with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Free text, matched case- and diacritic-insensitively.
    pub text: String,
    /// Entity ids; an event must name all of them.
    pub entities: Vec<String>,
    /// Event kinds; empty means all.
    pub kinds: Vec<EventKind>,
    /// Entity kind; an event must name at least one entity of it.
    pub entity_kind: Option<EntityKind>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Leave out events told only in recycled background passages.
    pub hide_recycled: bool,
    /// An author or outlet; an event must come from an article they wrote or published.
    pub by: Option<String>,
    /// Which publication rows (one per article, its title) the timeline shows.
    pub publications: Publications,
}

/// Which publication rows the timeline shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Publications {
    /// All but those an event of the same article already says ([`repeated_publications`]).
    #[default]
    Distinct,
    /// None: the timeline shows what the articles tell, not that they were published.
    Hidden,
    /// Every one.
    All,
}

impl Publications {
    /// The value of `pubs=` in a link; the default writes none.
    fn as_str(self) -> &'static str {
        match self {
            Publications::Distinct => "distinct",
            Publications::Hidden => "none",
            Publications::All => "all",
        }
    }
}

/// The whole explorer state, as the URL carries it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub view: View,
    pub filter: Filter,
    pub oldest_first: bool,
}

/// Read-only helpers over a corpus, built once at start-up from the corpus and the
/// text index the pipeline embedded beside it: per-facet sets of events and postings
/// per entity and per credited name, so each filter is a few set operations and no
/// keystroke scans text.
#[derive(Debug)]
pub struct Index {
    search: TextIndex,
    events: usize,
    /// Per article, its publication event (whose text is the article's), if any.
    publication_of_article: Vec<Option<u32>>,
    /// Events of each kind, in the order of `EventKind::ALL`.
    kind_events: Vec<Bits>,
    /// Events naming an entity of each kind, in the order of `EntityKind::ALL`.
    entity_kind_events: Vec<Bits>,
    /// Events told only in recycled background passages.
    recycled: Bits,
    /// Publication events, and those an event of their article already says.
    publications: Bits,
    repeats: Bits,
    /// Per entity (corpus order): the events naming it, ascending.
    entity_events: Vec<Vec<u32>>,
    /// Entity ids, sorted, with their position in the corpus.
    entity_ids: Vec<(String, u32)>,
    /// Everyone credited (authors, then outlets, in order of first appearance) and
    /// the events their articles tell, ascending.
    credit_names: Vec<String>,
    credit_events: Vec<Vec<u32>>,
    /// The latest query words with their events, reused while the user types on.
    recent: std::sync::Mutex<Vec<Word>>,
    /// Every word's events, once decoded ([`Index::prepare_words`]); until then a word
    /// is looked up in the postings.
    word_events: std::sync::OnceLock<EventWords>,
    /// The decode of `word_events` under way, between slices.
    preparing: std::sync::Mutex<Option<EventWords>>,
}

/// One query word and the events whose text holds it (a publication through its
/// article).
#[derive(Debug)]
struct Word {
    word: String,
    /// Shared, not copied: a word's set as the decoded index holds it, when one word
    /// is all it matches; a list when few events hold it (see
    /// [`EventWords::matching_shared`]).
    events: Events,
}

/// Source links and entity chips a timeline row shows; past these it says how many
/// more. A statement that hundreds of articles recycle, or a report naming dozens of
/// places, would otherwise make one row screens tall and its render a long task. Here,
/// not in the app, because the build's static opening screen (`pipeline::opening`)
/// draws the same rows.
pub const SHOWN_SOURCES: usize = 3;
pub const SHOWN_ENTITIES: usize = 10;

/// A summary longer than this (in characters) is folded to its first two lines on its
/// row, with a button that shows it whole: more than two lines of the timeline's column
/// at desktop widths (about 100 characters a line), so the button always has more to
/// show. Summaries are whole statements, so the key fact is never cut from the page;
/// folding only keeps rows short to scan.
pub const FOLDED_SUMMARY: usize = 240;

/// Whether a row folds `summary` (see [`FOLDED_SUMMARY`]).
pub fn folds(summary: &str) -> bool {
    summary.chars().nth(FOLDED_SUMMARY).is_some()
}

/// " and N more" when `total` items are more than `shown` (a row's last chip or link).
pub fn and_more(total: usize, shown: usize) -> Option<String> {
    (total > shown).then(|| format!(" and {} more", total - shown))
}

/// The events a filter leaves, in timeline order, kept as the set itself rather than a
/// list of them: the count and the row at any position take a few steps however many
/// events match, so a query matching most of a large corpus costs no more than one
/// matching few, and nothing that grows with the matches is allocated (a set of few
/// events is already their list: see [`Events`]).
#[derive(Clone, Debug, Default)]
pub struct Rows {
    /// Shared with the index when a query is one decoded word (nothing is copied).
    set: Events,
    /// For a set of bits, events of the set before each block of [`BLOCK_WORDS`] × 64
    /// events, then the total; for a list, nothing.
    before: Vec<u32>,
    newest_first: bool,
}

/// Words of the set per entry of [`Rows::before`]: the count made per query is one
/// tight pass of popcounts, and finding a row counts at most this many words more.
const BLOCK_WORDS: usize = 8;

impl Rows {
    pub fn new(set: impl Into<Events>, oldest_first: bool) -> Rows {
        let set = set.into();
        let mut before = Vec::new();
        if let Events::Bits(bits) = &set {
            before.reserve(bits.words().len().div_ceil(BLOCK_WORDS) + 1);
            let mut n = 0u32;
            for block in bits.words().chunks(BLOCK_WORDS) {
                before.push(n);
                n += block.iter().map(|w| w.count_ones()).sum::<u32>();
            }
            before.push(n);
        }
        Rows { set, before, newest_first: !oldest_first }
    }

    pub fn len(&self) -> usize {
        match &self.set {
            Events::Bits(_) => self.before.last().map_or(0, |&n| n as usize),
            Events::Few(few) => few.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The event at position `i` of the timeline.
    pub fn get(&self, i: usize) -> Option<usize> {
        let len = self.len();
        if i >= len {
            return None;
        }
        let rank = if self.newest_first { len - 1 - i } else { i };
        let bits = match &self.set {
            Events::Few(few) => return few.get(rank).map(|&e| e as usize),
            Events::Bits(bits) => bits,
        };
        // The block holding it is the last with fewer events before it than `rank + 1`;
        // then its words are counted off up to the one holding it.
        let rank = rank as u32;
        let block = self.before.partition_point(|&b| b <= rank) - 1;
        let mut left = rank - self.before[block];
        for (k, &word) in bits.words().iter().enumerate().skip(block * BLOCK_WORDS) {
            let ones = word.count_ones();
            if left < ones {
                let mut word = word;
                for _ in 0..left {
                    word &= word - 1;
                }
                return Some(k * 64 + word.trailing_zeros() as usize);
            }
            left -= ones;
        }
        None
    }

    /// How many events of the set come before event `event` (all of them from the
    /// end of the corpus on): a read and a count of at most [`BLOCK_WORDS`] words, or
    /// a binary search of a list.
    pub fn count_before(&self, event: usize) -> usize {
        let words = match &self.set {
            Events::Few(few) => return few.partition_point(|&e| (e as usize) < event),
            Events::Bits(bits) => bits.words(),
        };
        let (word, bit) = (event / 64, event % 64);
        if word >= words.len() {
            return self.len();
        }
        let block = word / BLOCK_WORDS;
        let whole: u32 = words[block * BLOCK_WORDS..word].iter().map(|w| w.count_ones()).sum();
        (self.before[block] + whole + (words[word] & ((1u64 << bit) - 1)).count_ones()) as usize
    }

    /// Whether event `event` is on the timeline.
    pub fn contains(&self, event: usize) -> bool {
        self.set.contains(event)
    }

    /// The events in timeline order.
    pub fn iter(&self) -> RowsIter<'_> {
        let all = match &self.set {
            Events::Bits(bits) => All::Bits(bits.ones()),
            Events::Few(few) => All::Few(few.iter()),
        };
        RowsIter { all, newest_first: self.newest_first }
    }
}

/// Rows are equal when they list the same events in the same order, whichever form
/// their sets take.
impl PartialEq for Rows {
    fn eq(&self, other: &Rows) -> bool {
        match (&self.set, &other.set) {
            (Events::Bits(a), Events::Bits(b)) => self.newest_first == other.newest_first && a == b,
            _ => self.len() == other.len() && self.iter().eq(other.iter()),
        }
    }
}

impl Eq for Rows {}

/// The iterator of [`Rows::iter`].
#[derive(Debug)]
pub struct RowsIter<'a> {
    all: All<'a>,
    newest_first: bool,
}

#[derive(Debug)]
enum All<'a> {
    Bits(crate::search::Ones<'a>),
    Few(std::slice::Iter<'a, u32>),
}

impl Iterator for RowsIter<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match (&mut self.all, self.newest_first) {
            (All::Bits(ones), false) => ones.next(),
            (All::Bits(ones), true) => ones.next_back(),
            (All::Few(few), false) => few.next().map(|&e| e as usize),
            (All::Few(few), true) => few.next_back().map(|&e| e as usize),
        }
    }
}

/// The events of `all` (all of them when it is still unset) that are in `events`: the
/// first set is taken rather than copied (a query of one decoded word, alone, is the
/// index's own set), and a list stays a list.
fn both(all: Option<Events>, events: Events) -> Events {
    match all {
        Some(all) => all.and(&events),
        None => events,
    }
}

/// `all` intersected with `bits` (`bits` itself when `all` is still unset).
fn and_into(all: &mut Option<Bits>, bits: &Bits) {
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
    let words = |text: &str| -> Vec<String> {
        let folded = fold(text.trim_end_matches(" …"));
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
    };
    // Per article, its publication and its other events' word lists.
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
    for (a, p) in publication.into_iter().enumerate() {
        let Some(p) = p else { continue };
        let title = words(&corpus.events[p].summary);
        let same = told[a].iter().any(|&i| {
            let summary = words(&corpus.events[i].summary);
            let (short, long) = if title.len() <= summary.len() { (&title, &summary) } else { (&summary, &title) };
            short.len() >= 3 && short.len() * 2 >= long.len() && short.iter().all(|w| long.contains(w))
        });
        if same {
            repeats.set(p);
        }
    }
    repeats
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
        Index::with_parts(corpus, search, recycled_events(corpus))
    }

    /// The index from the pieces the decoder gives ([`crate::format::decode_all`]):
    /// `recycled` is [`recycled_events`] of the corpus, which the decoder finds
    /// without searching text.
    pub fn with_parts(corpus: &Corpus, search: TextIndex, recycled: Bits) -> Index {
        let n = corpus.events.len();
        let mut kind_events = vec![Bits::empty(n); EventKind::ALL.len()];
        let mut entity_kind_events = vec![Bits::empty(n); EntityKind::ALL.len()];
        let mut entity_events = vec![Vec::new(); corpus.entities.len()];
        // Everyone credited, in order of first appearance, found by sorting (a scan of
        // the names so far for each new one grows with the square of the articles).
        let mut seen: Vec<(&str, usize)> = corpus
            .articles
            .iter()
            .flat_map(|a| a.authors.iter().chain(&a.outlets))
            .map(String::as_str)
            .enumerate()
            .map(|(i, s)| (s, i))
            .collect();
        crate::order::sort(&mut seen);
        seen.dedup_by(|later, first| later.0 == first.0);
        let mut by_appearance: Vec<(usize, &str)> = seen.iter().map(|&(s, i)| (i, s)).collect();
        crate::order::sort(&mut by_appearance);
        let credit_names: Vec<String> = by_appearance.iter().map(|(_, s)| (*s).to_owned()).collect();
        let slot_of_first: Vec<usize> = {
            let mut slots = vec![0; by_appearance.last().map_or(0, |l| l.0 + 1)];
            for (slot, (first, _)) in by_appearance.iter().enumerate() {
                slots[*first] = slot;
            }
            slots
        };
        let name_slot =
            |name: &str| seen.binary_search_by(|(s, _)| (*s).cmp(name)).ok().map(|k| slot_of_first[seen[k].1]);
        // Each article's credited slots, looked up once rather than once per event.
        let article_slots: Vec<Vec<usize>> = corpus
            .articles
            .iter()
            .map(|a| a.authors.iter().chain(&a.outlets).filter_map(|n| name_slot(n)).collect())
            .collect();
        let mut credit_events = vec![Vec::new(); credit_names.len()];
        let mut publication_of_article = vec![None; corpus.articles.len()];
        for (i, e) in corpus.events.iter().enumerate() {
            kind_events[kind_slot(e.kind)].set(i);
            for &x in &e.entities {
                if let Some(en) = corpus.entities.get(x as usize) {
                    entity_kind_events[entity_kind_slot(en.kind)].set(i);
                    let list: &mut Vec<u32> = &mut entity_events[x as usize];
                    if list.last() != Some(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
            }
            for s in &e.sources {
                for &k in article_slots.get(s.article as usize).map_or(&[][..], Vec::as_slice) {
                    let list: &mut Vec<u32> = &mut credit_events[k];
                    if list.last() != Some(&(i as u32)) {
                        list.push(i as u32);
                    }
                }
            }
            if e.kind == EventKind::Publication
                && let Some(slot) = e.sources.first().and_then(|s| publication_of_article.get_mut(s.article as usize))
            {
                *slot = Some(i as u32);
            }
        }
        let mut entity_ids: Vec<(String, u32)> =
            corpus.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i as u32)).collect();
        crate::order::sort(&mut entity_ids);
        let publication_events = kind_events[kind_slot(EventKind::Publication)].clone();
        Index {
            search,
            events: n,
            publication_of_article,
            kind_events,
            entity_kind_events,
            recycled,
            repeats: repeated_publications(corpus),
            publications: publication_events,
            entity_events,
            entity_ids,
            credit_names,
            credit_events,
            recent: std::sync::Mutex::new(Vec::new()),
            word_events: std::sync::OnceLock::new(),
            preparing: std::sync::Mutex::new(None),
        }
    }

    /// How many events of `rows` name each entity, by entity number: for the whole
    /// timeline, the lengths of the entities' event lists; else one pass over the rows
    /// (events name an entity at most once, as the pipeline makes them).
    pub fn entity_counts(&self, corpus: &Corpus, rows: &Rows) -> Vec<u32> {
        if rows.len() == self.events {
            return self.entity_events.iter().map(|list| list.len() as u32).collect();
        }
        let mut per_entity = vec![0u32; corpus.entities.len()];
        for i in rows.iter() {
            for &x in corpus.events.get(i).map_or(&[][..], |e| &e.entities[..]) {
                if let Some(n) = per_entity.get_mut(x as usize) {
                    *n += 1;
                }
            }
        }
        per_entity
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
            && target(corpus, id, event).is_none()
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
    fn with_words(&self, text: &str, mut each: impl FnMut(&Word)) {
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

    fn word(&self, w: &str) -> Word {
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
    fn text_docs(&self, text: &str) -> Option<Bits> {
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
    fn text_events(&self, text: &str) -> Option<Events> {
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

    fn postings_bits(&self, list: &[u32]) -> Bits {
        let mut b = Bits::empty(self.events);
        for &i in list {
            b.set(i as usize);
        }
        b
    }

    /// One set per active filter, tagged with the facet it belongs to, each given to
    /// `each` as it is made (behind `dyn`: one copy in the wasm for both callers).
    fn masks(&self, corpus: &Corpus, f: &Filter, each: &mut dyn FnMut(Facet, Events)) {
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

    fn passing(&self, masks: &[(Facet, Arc<Bits>)], skip: Facet) -> Bits {
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
    fn rows(&self, masks: impl Iterator<Item = Events>, oldest_first: bool) -> Rows {
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
const WORDS_PER_LOOK: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facet {
    /// A filter no facet count leaves out (text, entities, dates).
    None,
    Kind,
    EntityKind,
    By,
    Recycled,
    Publications,
}

fn entity_kind_slot(kind: EntityKind) -> usize {
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

/// What a URL fragment could not be read as, for a message beside the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem(pub String);

impl State {
    /// Whether `self` and `other` differ in their search text and nothing else (the
    /// app lets its side panel follow typing a frame behind, and nothing else).
    pub fn differs_only_in_text(&self, other: &State) -> bool {
        // Taken apart field by field, so that a field added to either type must be
        // added here too.
        let State { view, filter, oldest_first } = self;
        let Filter { text, entities, kinds, entity_kind, from, to, hide_recycled, by, publications } = filter;
        let o = &other.filter;
        *text != o.text
            && (*view == other.view && *oldest_first == other.oldest_first)
            && (*entities == o.entities && *kinds == o.kinds && *entity_kind == o.entity_kind)
            && (*from == o.from && *to == o.to && *hide_recycled == o.hide_recycled && *by == o.by)
            && *publications == o.publications
    }

    /// Reads a URL fragment ("#view=timeline&q=drills&e=place:baku"). Whatever cannot be
    /// read is left at its default and reported; reading never fails.
    pub fn from_fragment(fragment: &str) -> (State, Vec<Problem>) {
        let mut state = State::default();
        let mut problems = Vec::new();
        // Where in an article to open, applied once the view is known (keys come in any order).
        let mut at = None;
        let body = fragment.trim_start_matches('#').trim_start_matches('/').trim_start_matches('?');
        let too_long = || vec![Problem(format!("the link is too long ({} characters); it was ignored", body.len()))];
        if body.len() > MAX_FRAGMENT {
            return (state, too_long());
        }
        for pair in body.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode(raw) else {
                problems.push(Problem(format!("“{}” is not a readable value for {key}", shorten(raw))));
                continue;
            };
            match key {
                "view" => match value.as_str() {
                    "timeline" => state.view = View::Timeline,
                    "articles" => state.view = View::Articles,
                    "entities" => state.view = View::Entities,
                    _ => problems.push(Problem(format!("there is no view called “{}”", shorten(&value)))),
                },
                "entity" => state.view = View::Entity(value),
                "article" => state.view = View::Article(value, None),
                "at" if is_event_id(&value) => at = Some(value),
                "at" => {
                    let at = shorten(&value);
                    problems
                        .push(Problem(format!("“{at}” is not an event to open the article at; it opens at its top")));
                }
                "q" => state.filter.text = value,
                "e" => state.filter.entities = value.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
                "k" => {
                    for k in value.split(',').filter(|s| !s.is_empty()) {
                        match EventKind::ALL.iter().find(|x| x.as_str() == k) {
                            Some(kind) => state.filter.kinds.push(*kind),
                            None => problems.push(Problem(format!("there is no event kind “{}”", shorten(k)))),
                        }
                    }
                }
                "ek" => match EntityKind::ALL.iter().find(|x| x.as_str() == value) {
                    Some(kind) => state.filter.entity_kind = Some(*kind),
                    None => problems.push(Problem(format!("there is no entity kind “{}”", shorten(&value)))),
                },
                "from" | "to" => match parse_iso(&value) {
                    Some(d) if key == "from" => state.filter.from = Some(d),
                    Some(d) => state.filter.to = Some(d),
                    None => {
                        problems.push(Problem(format!("“{}” is not a date (YYYY-MM-DD) for {key}", shorten(&value))))
                    }
                },
                "hide" => state.filter.hide_recycled = value == "recycled",
                "by" => state.filter.by = Some(value).filter(|v| !v.is_empty()),
                "pubs" => {
                    let choices = [Publications::Distinct, Publications::Hidden, Publications::All];
                    match choices.into_iter().find(|p| p.as_str() == value) {
                        Some(p) => state.filter.publications = p,
                        None => {
                            problems.push(Problem(format!("“{}” is not a choice of publication rows", shorten(&value))))
                        }
                    }
                }
                "order" => state.oldest_first = value == "oldest",
                _ => problems.push(Problem(format!("“{}” is not something a link can set", shorten(key)))),
            }
        }
        match (&mut state.view, at) {
            (View::Article(_, target), Some(at)) => *target = Some(at),
            (_, Some(_)) => {
                problems.push(Problem("“at” points into an article, and this link opens none; it was ignored".into()));
            }
            (_, None) => {}
        }
        if let (Some(from), Some(to)) = (state.filter.from, state.filter.to)
            && from > to
        {
            problems.push(Problem(format!("the date range ends ({to}) before it starts ({from}); it was ignored")));
            state.filter.from = None;
            state.filter.to = None;
        }
        // What is read must read back from the link `to_fragment` writes for it, and
        // percent-encoding can make that link longer than this one (a raw "é" becomes
        // "%C3%A9", "+" becomes "%20"): such a state is refused like a long link.
        if state.to_fragment().len() - 1 > MAX_FRAGMENT {
            return (State::default(), too_long());
        }
        (state, problems)
    }

    /// Writes the fragment that [`State::from_fragment`] reads back to the same state.
    pub fn to_fragment(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match &self.view {
            View::Timeline => {}
            View::Articles => parts.push("view=articles".into()),
            View::Entities => parts.push("view=entities".into()),
            View::Entity(id) => parts.push(format!("entity={}", percent_encode(id))),
            View::Article(id, at) => {
                parts.push(format!("article={}", percent_encode(id)));
                if let Some(at) = at {
                    parts.push(format!("at={}", percent_encode(at)));
                }
            }
        }
        let f = &self.filter;
        if !f.text.is_empty() {
            parts.push(format!("q={}", percent_encode(&f.text)));
        }
        if !f.entities.is_empty() {
            parts.push(format!("e={}", percent_encode(&f.entities.join(","))));
        }
        if !f.kinds.is_empty() {
            parts.push(format!("k={}", f.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(",")));
        }
        if let Some(k) = f.entity_kind {
            parts.push(format!("ek={}", k.as_str()));
        }
        if let Some(d) = f.from {
            parts.push(format!("from={}", d.iso()));
        }
        if let Some(d) = f.to {
            parts.push(format!("to={}", d.iso()));
        }
        if f.hide_recycled {
            parts.push("hide=recycled".into());
        }
        if let Some(by) = &f.by {
            parts.push(format!("by={}", percent_encode(by)));
        }
        if f.publications != Publications::Distinct {
            parts.push(format!("pubs={}", f.publications.as_str()));
        }
        if self.oldest_first {
            parts.push("order=oldest".into());
        }
        format!("#{}", parts.join("&"))
    }
}

/// Fragments longer than this are not read: no real view needs one.
pub const MAX_FRAGMENT: usize = 4096;

/// Whether `text` has the shape of an event id as `format::event_base_id` makes them
/// ("event:2021-03-01-joint-drills", "publication:some-article", either with "-2"
/// after it): a link's `at` is read only then, so a garbled one is reported, not kept.
fn is_event_id(text: &str) -> bool {
    let rest = text.strip_prefix("event:").or_else(|| text.strip_prefix("publication:"));
    rest.is_some_and(|r| !r.is_empty() && r.len() <= 256 && !r.chars().any(|c| c.is_whitespace() || c.is_control()))
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(40).collect::<String>())
    }
}

fn parse_iso(s: &str) -> Option<Date> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    if it.next().is_some() {
        return None;
    }
    Date::new(y, m, d)
}

/// Percent-encodes everything but unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent escapes (and `+` as a space); `None` for a broken escape or bytes
/// that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
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
    let mut counts: Vec<(u32, usize)> = per_entity
        .iter()
        .zip(&corpus.entities)
        .enumerate()
        .filter(|&(_, (&n, e))| n > 0 && !f.entities.contains(&e.id))
        .map(|(x, (&n, _))| (x as u32, n as usize))
        .collect();
    crate::order::sort_by_key(&mut counts, |&(e, n)| (std::cmp::Reverse(n), e));
    counts.truncate(most);
    counts
}

/// Events of `rows` per bucket between the first and the last event start, for the
/// density strip: `(first day, last day, counts)`; `None` when there are no events.
/// See [`density_between`].
pub fn density(corpus: &Corpus, rows: &Rows, buckets: usize) -> Option<(Date, Date, Vec<u32>)> {
    density_between(corpus, rows, None, None, buckets)
}

/// Events of `rows` per bucket from `from` to `to` (each, when not given, the first or
/// the last event start), for the density strip, which spans the date range chosen:
/// choosing a stretch zooms the strip into it. `(first day, last day, counts)`; `None`
/// when the corpus has no events.
///
/// The days are shared out evenly, and there are never more buckets than days, so each
/// bucket holds whole days ([`bar_days`]). Events starting before the first day count
/// in the first bucket, after the last in the last (a range event can overlap a
/// date range it starts before).
///
/// The corpus's events are in date order, so each bucket's events are a run of them,
/// found by binary search, and its count is the rows before the run's end less those
/// before its start: no pass over the rows.
pub fn density_between(
    corpus: &Corpus,
    rows: &Rows,
    from: Option<Date>,
    to: Option<Date>,
    buckets: usize,
) -> Option<(Date, Date, Vec<u32>)> {
    let events = &corpus.events;
    let first = from.unwrap_or(events.first()?.when.start);
    let last = to.unwrap_or(events.last()?.when.start).max(first);
    let a = day_number(first);
    let days = day_number(last) - a + 1;
    let n = buckets.clamp(1, usize::try_from(days).unwrap_or(1));
    let slot = |d: Date| ((day_number(d) - a).clamp(0, days - 1) * n as i64 / days) as usize;
    let mut counts = vec![0u32; n];
    let mut start = 0;
    for (k, count) in counts.iter_mut().enumerate() {
        let end = if k + 1 == n {
            events.len()
        } else {
            start + events[start..].partition_point(|e| slot(e.when.start) <= k)
        };
        *count = (rows.count_before(end) - rows.count_before(start)) as u32;
        start = end;
    }
    Some((first, last, counts))
}

/// The first and the last day of bucket `k` of a strip of `buckets` buckets from
/// `first` to `last`, as [`density_between`] shares the days out.
pub fn bar_days(first: Date, last: Date, buckets: usize, k: usize) -> (Date, Date) {
    let a = day_number(first);
    let days = (day_number(last) - a + 1).max(1);
    let n = buckets.clamp(1, usize::try_from(days).unwrap_or(1)) as i64;
    let k = (k as i64).min(n - 1);
    // Day offset d is in bucket floor(d * n / days): bucket k begins at the first d with
    // d * n >= k * days.
    let begin = |k: i64| (k * days + n - 1) / n;
    let day = |offset: i64| from_day_number(a + offset).unwrap_or(first);
    (day(begin(k)), day(begin(k + 1) - 1))
}

/// The stretch a click on bar `k` of the strip `(first, last, counts)` zooms to: the
/// nearest bar with events to it and about a sixth of the strip around that bar, kept
/// inside the strip; `None` when no bar has events. The bar's events stay in the
/// stretch, so the timeline never empties, and the strip redrawn over it shows them
/// spread over more bars.
pub fn zoom_around(first: Date, last: Date, counts: &[u32], k: usize) -> Option<(Date, Date)> {
    let n = counts.len();
    let nearest = (0..n).filter(|&i| counts[i] > 0).min_by_key(|&i| (i.abs_diff(k), i))?;
    let half = n / 12;
    let lo = nearest.saturating_sub(half).min(n.saturating_sub(2 * half + 1));
    let hi = (lo + 2 * half).min(n - 1);
    Some((bar_days(first, last, n, lo).0, bar_days(first, last, n, hi).1))
}

/// Days since 1970-01-01 (proleptic Gregorian), for spacing dates on a line.
pub fn day_number(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year), i64::from(d.month), i64::from(d.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`day_number`]).
pub fn from_day_number(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(i16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Recycled};
    use crate::date::DateSpan;
    use crate::entity::Entity;
    use crate::event::Source;

    #[test]
    fn folding_matches_across_diacritics_and_case() {
        assert_eq!(fold("Türkiye ERDOĞAN Naxçıvan Şuşa"), "turkiye erdogan naxcivan susa");
        assert_eq!(fold("Москва"), "москва");
    }

    #[test]
    fn states_differing_only_in_their_text_are_told_apart_from_any_other_change() {
        let (typed, problems) = State::from_fragment("#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann");
        assert!(problems.is_empty(), "{problems:?}");
        let (more, _) = State::from_fragment("#q=turkiye&e=place:baku&k=meeting&from=2023-01-01&by=Ann");
        assert!(typed.differs_only_in_text(&more) && more.differs_only_in_text(&typed));
        assert!(!typed.differs_only_in_text(&typed), "no change is not a change of text");
        let changes = [
            "#q=turk&e=place:baku&k=meeting&from=2023-01-01",
            "#q=turk&e=place:baku&from=2023-01-01&by=Ann",
            "#q=turk&k=meeting&from=2023-01-01&by=Ann",
            "#q=turk&e=place:baku,person:ann&k=meeting&from=2023-01-01&by=Ann",
            "#q=turk&e=place:baku&k=meeting,visit&from=2023-01-01&by=Ann",
            "#q=turk&e=place:baku&k=meeting&by=Ann",
            "#q=turk&e=place:baku&k=meeting&from=2023-01-01&to=2024-01-01&by=Ann",
            "#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann&hide=recycled",
            "#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann&order=oldest",
            "#view=articles&q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann",
            "#entity=place:baku&q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann",
            "#q=turk&e=place:baku&k=meeting&from=2023-01-01&by=Ann&ek=person",
        ];
        for fragment in changes {
            let (other, problems) = State::from_fragment(&fragment.replacen("q=turk", "q=turkiye", 1));
            assert!(problems.is_empty(), "{fragment}: {problems:?}");
            assert_ne!(other.filter.text, typed.filter.text);
            assert!(!typed.differs_only_in_text(&other), "{fragment} changes more than the text");
        }
    }

    #[test]
    fn fragments_round_trip() {
        let state = State {
            view: View::Entity("person:jane-roe".into()),
            filter: Filter {
                text: "joint drills & more".into(),
                entities: vec!["place:baku".into(), "place:turkiye".into()],
                kinds: vec![EventKind::Meeting, EventKind::Exercise],
                entity_kind: Some(EntityKind::Person),
                from: Date::new(2021, 1, 1),
                to: Date::new(2022, 12, 31),
                hide_recycled: true,
                by: Some("Ann Lee".into()),
                publications: Publications::Hidden,
            },
            oldest_first: true,
        };
        let fragment = state.to_fragment();
        assert_eq!(State::from_fragment(&fragment), (state, vec![]));
        for publications in [Publications::Distinct, Publications::Hidden, Publications::All] {
            let state = State { filter: Filter { publications, ..Filter::default() }, ..State::default() };
            assert_eq!(State::from_fragment(&state.to_fragment()), (state, vec![]));
        }
        assert_eq!(State::from_fragment(""), (State::default(), vec![]));
        assert_eq!(State::default().to_fragment(), "#");
    }

    #[test]
    fn garbled_fragments_keep_what_they_can_and_say_what_they_could_not() {
        let (state, problems) =
            State::from_fragment("#q=drills&k=meeting,party&from=2021-13-01&zz=1&e=%E0%A4&view=nope");
        assert_eq!(state.filter.text, "drills");
        assert_eq!(state.filter.kinds, [EventKind::Meeting]);
        assert_eq!(state.filter.from, None);
        assert_eq!(problems.len(), 5, "{problems:?}");
        let (state, problems) = State::from_fragment("#from=2022-01-01&to=2021-01-01");
        assert_eq!((state.filter.from, state.filter.to, problems.len()), (None, None, 1));
        let (state, problems) = State::from_fragment(&format!("#q={}", "a".repeat(100_000)));
        assert_eq!((state, problems.len()), (State::default(), 1));
        let (state, _) = State::from_fragment("#q=%2541");
        assert_eq!(state.filter.text, "%41", "decoded once, not twice");
    }

    #[test]
    fn an_article_link_carries_the_event_to_open_it_at() {
        let state = State {
            view: View::Article("baku-talks".into(), Some("event:2021-03-01-ministers-met".into())),
            filter: Filter { text: "türkiye".into(), ..Filter::default() },
            oldest_first: false,
        };
        let fragment = state.to_fragment();
        assert_eq!(fragment, "#article=baku-talks&at=event:2021-03-01-ministers-met&q=t%C3%BCrkiye");
        assert_eq!(State::from_fragment(&fragment), (state.clone(), vec![]));
        assert_eq!(
            State::from_fragment("#at=event:2021-03-01-ministers-met&article=baku-talks&q=t%C3%BCrkiye").0,
            state,
            "keys in any order"
        );
        assert_eq!(State::from_fragment("#article=baku-talks").0.view, View::Article("baku-talks".into(), None));
    }

    #[test]
    fn a_garbled_or_stray_target_is_dropped_and_reported() {
        for link in [
            "#article=a&at=%3Cscript%3E", "#article=a&at=event:", "#article=a&at=event:two%20words", "#article=a&at=",
            "#article=a&at=%E0%A4",
        ] {
            let (state, problems) = State::from_fragment(link);
            assert_eq!(state.view, View::Article("a".into(), None), "{link}");
            assert_eq!(problems.len(), 1, "{link}: {problems:?}");
        }
        let (state, problems) = State::from_fragment("#q=met&at=event:2021-03-01-met");
        assert_eq!((state.view, state.filter.text.as_str(), problems.len()), (View::Timeline, "met", 1));
        assert!(problems[0].0.contains("at"), "{problems:?}");
    }

    #[test]
    fn a_target_finds_the_events_sentence_in_its_paragraph() {
        let mut c = corpus();
        c.articles[0].paragraphs[0] = "Talks ended. Ministers met in Türkiye. Then lunch.".into();
        c.events[0].id = "event:2021-01-01-ministers-met".into();
        c.events[0].sources[0].sentence = "Ministers met in Türkiye.".into();
        let (p, s, e) = target(&c, "a", "event:2021-01-01-ministers-met").unwrap();
        assert_eq!((p, &c.articles[0].paragraphs[0][s..e]), (0, "Ministers met in Türkiye."));
        // A sentence the paragraph does not hold word for word: the whole paragraph.
        c.events[0].sources[0].sentence = "Ministers met.".into();
        assert_eq!(target(&c, "a", "event:2021-01-01-ministers-met"), Some((0, 0, c.articles[0].paragraphs[0].len())));
        assert_eq!(target(&c, "b", "event:2021-01-01-ministers-met"), None, "no such article");
        assert_eq!(target(&c, "a", "event:1999-01-01-nothing"), None, "no such event");
        // The app drops a target the article does not tell, and says so.
        let idx = Index::new(&c);
        let (mut state, _) = State::from_fragment("#article=a&at=event:1999-01-01-nothing");
        let problems = idx.drop_unknown(&c, &mut state);
        assert_eq!((state.view, problems.len()), (View::Article("a".into(), None), 1));
        let (mut state, _) = State::from_fragment("#article=a&at=event:2021-01-01-ministers-met");
        assert!(idx.drop_unknown(&c, &mut state).is_empty());
        assert_eq!(state.view, View::Article("a".into(), Some("event:2021-01-01-ministers-met".into())));
    }

    #[test]
    fn source_links_open_events_at_their_sentence_and_publications_at_the_top() {
        let c = corpus();
        assert_eq!(View::source(&c.events[0], "a"), View::Article("a".into(), Some("e1".into())));
        let publication = Event { kind: EventKind::Publication, ..c.events[0].clone() };
        assert_eq!(View::source(&publication, "a"), View::Article("a".into(), None));
    }

    #[test]
    fn a_state_whose_link_would_grow_past_the_limit_is_refused() {
        // Found by the fragment fuzz target: 2,000 "+" read as spaces, written back as "%20".
        let (state, problems) = State::from_fragment(&format!("#q={}", "+".repeat(2000)));
        assert_eq!((state, problems.len()), (State::default(), 1));
        assert!(problems[0].0.contains("too long"), "{problems:?}");
        let (state, problems) = State::from_fragment(&format!("#q={}", "é".repeat(1000)));
        assert_eq!((state, problems.len()), (State::default(), 1), "raw é is written back as %C3%A9");
        let (state, problems) = State::from_fragment(&format!("#q={}", "+".repeat(1000)));
        assert_eq!((state.filter.text.len(), problems), (1000, vec![]), "short enough once written back");
    }

    fn corpus() -> Corpus {
        let day = |m, d| DateSpan::stated_day(Date::new(2021, m, d).unwrap(), "");
        let entity = |id: &str, kind| Entity {
            id: id.into(),
            name: id.into(),
            kind,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
            related: vec![],
            series: None,
        };
        let event = |id: &str, m, summary: &str, kind, entities: Vec<u32>, paragraph| Event {
            id: id.into(),
            when: day(m, 1),
            summary: summary.to_owned().into(),
            kind,
            entities,
            sources: vec![Source { article: 0, paragraph, sentence: summary.to_owned().into() }],
        };
        Corpus {
            articles: vec![Article {
                id: "a".into(),
                file: "a.txt".into(),
                title: "A".into(),
                title_stated: true,
                authors: vec![],
                outlets: vec![],
                credited: vec![],
                published: None,
                paragraphs: vec!["Ministers met in Türkiye.".into(), "Old background drills.".into()],
                removed: vec![],
                recycled: vec![Recycled {
                    paragraph: 1,
                    text: "Old background drills.".into(),
                    first_seen: "a".into(),
                    articles: 2,
                }],
            }],
            entities: vec![entity("place:turkiye", EntityKind::Place), entity("person:x", EntityKind::Person)],
            events: vec![
                event("e1", 1, "Ministers met in Türkiye.", EventKind::Meeting, vec![0, 1], 0),
                event("e2", 2, "Old background drills.", EventKind::Exercise, vec![0], 1),
                event("e3", 3, "A quiet month.", EventKind::Other, vec![], 0),
            ],
        }
    }

    /// `corpus()` with one article's publication whose title is, or is not, what an
    /// event of the article says.
    fn with_publication(title: &str) -> Corpus {
        let mut c = corpus();
        let mut publication = c.events[2].clone();
        publication.id = "publication:a".into();
        publication.kind = EventKind::Publication;
        publication.summary = title.to_owned().into();
        publication.entities = vec![];
        c.events.push(publication);
        c
    }

    #[test]
    fn a_publication_repeating_an_event_of_its_article_is_hidden_by_default() {
        let repeat = |title: &str| repeated_publications(&with_publication(title)).get(3);
        // The lead's first sentence as the title, whole or cut, or word for word an event.
        assert!(repeat("Ministers met in Türkiye"));
        assert!(repeat("ministers met in turkiye …"));
        // A headline of its own, or too few words to say.
        assert!(!repeat("Defence chiefs meet in Türkiye to talk drills"));
        assert!(!repeat("Ministers"));
        assert!(!repeat("Ministers met in Türkiye, and then they flew home to sign a pact with the envoys"));
        for (title, publications, rows) in [
            ("Ministers met in Türkiye", Publications::Distinct, vec![0, 1, 2]),
            ("Ministers met in Türkiye", Publications::All, vec![0, 1, 2, 3]),
            ("Ministers met in Türkiye", Publications::Hidden, vec![0, 1, 2]),
            ("A headline", Publications::Distinct, vec![0, 1, 2, 3]),
            ("A headline", Publications::Hidden, vec![0, 1, 2]),
        ] {
            let c = with_publication(title);
            let idx = Index::new(&c);
            let f = Filter { publications, ..Filter::default() };
            assert_eq!(idx.timeline(&c, &f, true).iter().collect::<Vec<_>>(), rows, "{title:?} {publications:?}");
            let facets = idx.facets(&c, &f);
            assert_eq!(facets.told, 3, "hiding publications leaves the three events");
            assert_eq!(facets.repeats, u32::from(title != "A headline"));
        }
    }

    #[test]
    fn filters_combine_with_and() {
        let c = corpus();
        let idx = Index::new(&c);
        let run = |f: Filter| idx.timeline(&c, &f, true).iter().collect::<Vec<usize>>();
        assert_eq!(run(Filter::default()), [0, 1, 2]);
        assert_eq!(idx.timeline(&c, &Filter::default(), false).iter().collect::<Vec<_>>(), [2, 1, 0], "newest first");
        assert_eq!(run(Filter { text: "turkiye".into(), ..Filter::default() }), [0]);
        let articles = idx.articles(&c, c.articles.iter().collect(), "TÜRKIYE");
        assert_eq!(articles.len(), 1);
        assert!(idx.articles(&c, c.articles.iter().collect(), "absent").is_empty());
        assert_eq!(run(Filter { entities: vec!["place:turkiye".into()], ..Filter::default() }), [0, 1]);
        assert_eq!(run(Filter { entities: vec!["place:turkiye".into(), "person:x".into()], ..Filter::default() }), [0]);
        assert_eq!(run(Filter { entities: vec!["place:nowhere".into()], ..Filter::default() }), Vec::<usize>::new());
        assert_eq!(run(Filter { kinds: vec![EventKind::Exercise], ..Filter::default() }), [1]);
        assert_eq!(run(Filter { entity_kind: Some(EntityKind::Person), ..Filter::default() }), [0]);
        assert_eq!(run(Filter { hide_recycled: true, ..Filter::default() }), [0, 2]);
        assert_eq!(run(Filter { from: Date::new(2021, 2, 1), to: Date::new(2021, 2, 28), ..Filter::default() }), [1]);
        assert_eq!(
            run(Filter { text: "drills".into(), kinds: vec![EventKind::Meeting], ..Filter::default() }),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn filters_naming_nothing_in_the_corpus_are_dropped_and_reported() {
        let c = corpus();
        let idx = Index::new(&c);
        let (mut state, _) = State::from_fragment("#e=place:turkiye,person:gone,__proto__&by=Nobody&q=met");
        let problems = idx.drop_unknown(&c, &mut state);
        assert_eq!(state.filter.entities, ["place:turkiye"]);
        assert_eq!(state.filter.by, None);
        assert_eq!(state.filter.text, "met", "the rest of the link stays");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].0.contains("person:gone") && problems[2].0.contains("Nobody"));
        let (mut clean, _) = State::from_fragment("#e=person:x");
        assert!(idx.drop_unknown(&c, &mut clean).is_empty());
        assert_eq!(clean.filter.entities, ["person:x"]);
    }

    #[test]
    fn facet_counts_say_what_each_choice_would_leave() {
        let c = corpus();
        let idx = Index::new(&c);
        let f = Filter { kinds: vec![EventKind::Meeting], text: "m".into(), ..Filter::default() };
        let facets = idx.facets(&c, &f);
        // The kind facet ignores the chosen kind, keeps the text filter ("m" is in e1, e3).
        assert_eq!(facets.kinds[kind_slot(EventKind::Meeting)], 1);
        assert_eq!(facets.kinds[kind_slot(EventKind::Other)], 1);
        assert_eq!(facets.kinds[kind_slot(EventKind::Exercise)], 0);
        assert_eq!(facets.entity_kinds[0], 1, "persons among meetings matching 'm'");
    }

    #[test]
    fn the_recycled_count_says_what_hiding_recycled_background_would_leave() {
        let c = corpus();
        let idx = Index::new(&c);
        assert!((0..c.events.len()).any(|e| idx.is_recycled(e)), "the test corpus has recycled events");
        for text in ["", "m", "drills"] {
            for hide_recycled in [false, true] {
                let f = Filter { text: text.into(), hide_recycled, ..Filter::default() };
                let hidden = idx.timeline(&c, &Filter { hide_recycled: true, ..f.clone() }, false).len() as u32;
                let shown = idx.timeline(&c, &Filter { hide_recycled: false, ..f.clone() }, false).len() as u32;
                let fresh = idx.facets(&c, &f).fresh;
                assert_eq!(fresh, hidden, "{f:?}");
                if text.is_empty() {
                    assert!(fresh < shown, "hiding leaves fewer events than showing");
                }
            }
        }
    }

    #[test]
    fn an_empty_corpus_gives_empty_views() {
        let c = Corpus::default();
        let idx = Index::new(&c);
        let (state, _) = State::from_fragment("#entity=person:x&q=drills&from=2021-01-01");
        assert!(idx.timeline(&c, &state.filter, false).is_empty());
        assert_eq!(idx.facets(&c, &state.filter), Facets::default());
        assert!(idx.articles(&c, c.newest_first(), "drills").is_empty());
        assert!(credits(&c, &idx, &state.filter).is_empty());
        let rows = idx.timeline(&c, &state.filter, false);
        assert!(entity_options(&c, &idx.entity_counts(&c, &rows), &state.filter, 5).is_empty());
        assert_eq!(density(&c, &rows, 10), None);
        assert_eq!(crate::decode(&crate::encode(&c)), Ok(c));
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2021, 12, 31), (1921, 3, 1), (2024, 2, 29)] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(from_day_number(day_number(date)), Some(date));
        }
        assert_eq!(day_number(Date::new(1970, 1, 2).unwrap()), 1);
        assert_eq!(day_number(Date::new(2021, 3, 1).unwrap()) - day_number(Date::new(2021, 2, 28).unwrap()), 1);
    }

    /// The rows of the events numbered in `events`, oldest first.
    fn rows_of(c: &Corpus, events: &[usize]) -> Rows {
        let mut set = Bits::empty(c.events.len());
        for &e in events {
            set.set(e);
        }
        Rows::new(set, true)
    }

    #[test]
    fn density_counts_rows_into_buckets() {
        let c = corpus();
        let (first, last, counts) = density(&c, &rows_of(&c, &[0, 1, 2]), 3).unwrap();
        assert_eq!((first.iso(), last.iso()), ("2021-01-01".into(), "2021-03-01".into()));
        assert_eq!(counts, [1, 1, 1]);
        assert_eq!(density(&c, &rows_of(&c, &[2]), 3).unwrap().2, [0, 0, 1]);
        assert_eq!(density(&c, &rows_of(&c, &[0, 2]), 2).unwrap().2, [1, 1]);
        // Never more buckets than days: 2021-01-01 to 2021-03-01 is 60 days.
        assert_eq!(density(&c, &rows_of(&c, &[0, 1, 2]), 100).unwrap().2.len(), 60);
    }

    #[test]
    fn a_chosen_date_range_is_the_strips_span() {
        let c = corpus();
        let (from, to) = (Date::new(2021, 1, 20), Date::new(2021, 2, 9));
        let (first, last, counts) = density_between(&c, &rows_of(&c, &[0, 1, 2]), from, to, 60).unwrap();
        assert_eq!((Some(first), Some(last)), (from, to));
        assert_eq!(counts.len(), 21, "one bar a day over three weeks");
        assert_eq!(counts.iter().sum::<u32>(), 3, "events outside count at the edges");
        assert_eq!(counts[12], 1, "February 1st is day 12 of the span");
        let (first, last, _) = density_between(&c, &rows_of(&c, &[0]), None, Date::new(2021, 2, 1), 10).unwrap();
        assert_eq!((first.iso(), last.iso()), ("2021-01-01".into(), "2021-02-01".into()));
    }

    #[test]
    fn bars_share_the_days_out_without_gaps_or_overlaps() {
        for (first, last) in
            [((1990, 1, 1), (1990, 1, 1)), ((1990, 1, 1), (1990, 1, 31)), ((1921, 3, 5), (2024, 2, 29))]
        {
            let (first, last) =
                (Date::new(first.0, first.1, first.2).unwrap(), Date::new(last.0, last.1, last.2).unwrap());
            for buckets in [1, 7, 60, 500] {
                let n = buckets.min((day_number(last) - day_number(first) + 1) as usize);
                let bars: Vec<(Date, Date)> = (0..n).map(|k| bar_days(first, last, buckets, k)).collect();
                assert_eq!(bars[0].0, first);
                assert_eq!(bars[n - 1].1, last);
                for k in 0..n {
                    assert!(bars[k].0 <= bars[k].1, "{first} to {last}, {buckets} buckets: bar {k} holds a day");
                    if k > 0 {
                        assert_eq!(
                            day_number(bars[k].0),
                            day_number(bars[k - 1].1) + 1,
                            "bar {k} follows bar {}",
                            k - 1
                        );
                    }
                }
            }
        }
        // And each bar's days are the ones the strip counts in it.
        let template = corpus().events[0].clone();
        let (first, last) = (Date::new(2000, 1, 1).unwrap(), Date::new(2003, 7, 14).unwrap());
        let events: Vec<Event> = (day_number(first)..=day_number(last))
            .step_by(5)
            .map(|d| Event { when: DateSpan::stated_day(from_day_number(d).unwrap(), ""), ..template.clone() })
            .collect();
        let c = Corpus { events, ..Corpus::default() };
        let all: Vec<usize> = (0..c.events.len()).collect();
        let (_, _, counts) = density_between(&c, &rows_of(&c, &all), Some(first), Some(last), 60).unwrap();
        for (k, &count) in counts.iter().enumerate() {
            let (lo, hi) = bar_days(first, last, 60, k);
            let inside = c.events.iter().filter(|e| lo <= e.when.start && e.when.start <= hi).count();
            assert_eq!(count as usize, inside, "bar {k}: {lo} to {hi}");
        }
    }

    #[test]
    fn a_click_zooms_to_a_stretch_around_the_nearest_bar_with_events() {
        let (first, last) = (Date::new(1980, 1, 1).unwrap(), Date::new(2019, 12, 31).unwrap());
        let mut counts = vec![0u32; 60];
        counts[20] = 4;
        counts[50] = 1;
        let (from, to) = zoom_around(first, last, &counts, 22).unwrap();
        assert_eq!(from, bar_days(first, last, 60, 15).0);
        assert_eq!(to, bar_days(first, last, 60, 25).1, "eleven bars around bar 20");
        // Kept inside the strip at its edges; the nearest bar with events is taken.
        let mut edge = counts.clone();
        edge[58] = 1;
        assert_eq!(zoom_around(first, last, &edge, 59), Some((bar_days(first, last, 60, 49).0, last)));
        counts[20] = 0;
        let (from, _) = zoom_around(first, last, &counts, 0).unwrap();
        assert_eq!(from, bar_days(first, last, 60, 45).0, "bar 50 is the only one left");
        assert_eq!(zoom_around(first, last, &[0, 0, 0], 1), None);
        // A strip of a few days zooms to the day clicked.
        let day = Date::new(1990, 8, 2).unwrap();
        assert_eq!(zoom_around(day, day, &[3], 0), Some((day, day)));
    }

    proptest::proptest! {
        #[test]
        fn density_by_runs_of_events_counts_as_a_pass_over_the_rows(
            mut days in proptest::collection::vec(0i64..3000, 1..300),
            pick in proptest::collection::vec(proptest::bool::ANY, 300),
            buckets in 1usize..90,
        ) {
            days.sort_unstable();
            let template = corpus().events[0].clone();
            let when = |d| DateSpan::stated_day(from_day_number(18_000 + d).unwrap(), "");
            let events = days.iter().map(|&d| Event { when: when(d), ..template.clone() }).collect();
            let c = Corpus { events, ..Corpus::default() };
            let chosen: Vec<usize> = (0..c.events.len()).filter(|&i| pick[i]).collect();
            let (first, last, counts) = density(&c, &rows_of(&c, &chosen), buckets).unwrap();
            // The same buckets, filled one row at a time.
            let n = counts.len();
            proptest::prop_assert_eq!(n, buckets.min((day_number(last) - day_number(first) + 1) as usize));
            let mut expected = vec![0u32; n];
            for &i in &chosen {
                let d = c.events[i].when.start;
                let slot = (0..n).find(|&k| bar_days(first, last, n, k).1 >= d).unwrap();
                expected[slot] += 1;
            }
            proptest::prop_assert_eq!(counts, expected);
        }
    }

    #[test]
    fn rows_count_the_events_before_any_event() {
        let mut set = Bits::empty(200);
        for e in [0, 5, 63, 64, 130, 199] {
            set.set(e);
        }
        let rows = Rows::new(set, false);
        let before: Vec<usize> =
            [0, 1, 6, 63, 64, 65, 130, 131, 199, 200, 500].iter().map(|&e| rows.count_before(e)).collect();
        assert_eq!(before, [0, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6]);
    }

    #[test]
    fn entity_options_count_what_adding_them_would_leave() {
        let c = corpus();
        let idx = Index::new(&c);
        let rows = idx.timeline(&c, &Filter::default(), true);
        assert_eq!(entity_options(&c, &idx.entity_counts(&c, &rows), &Filter::default(), 5), [(0, 2), (1, 1)]);
        let chosen = Filter { entities: vec!["place:turkiye".into()], ..Filter::default() };
        let rows = idx.timeline(&c, &chosen, true);
        assert_eq!(
            entity_options(&c, &idx.entity_counts(&c, &rows), &chosen, 5),
            [(1, 1)],
            "a chosen entity is not offered again"
        );
        let some = Filter { text: "drills".into(), ..Filter::default() };
        let rows = idx.timeline(&c, &some, true);
        assert_eq!(idx.entity_counts(&c, &rows), [1, 0], "counted over the rows shown");
    }

    #[test]
    fn credits_count_what_choosing_them_would_leave() {
        let mut c = corpus();
        c.articles[0].authors = vec!["Ann Lee".into()];
        let idx = Index::new(&c);
        assert_eq!(credits(&c, &idx, &Filter::default()), [("Ann Lee".to_owned(), 3)]);
        let none = Filter { by: Some("Nobody".into()), ..Filter::default() };
        assert!(idx.timeline(&c, &none, true).is_empty());
    }

    #[test]
    fn highlights_find_folded_words_in_original_text() {
        let text = "Ministers met in Türkiye and TURKIYE.";
        let h = highlights(text, "turkiye");
        let words: Vec<&str> = h.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["Türkiye", "TURKIYE"]);
        assert!(highlights(text, "  ").is_empty());
        // As the search matches: word beginnings only.
        let h = highlights("Turkish troops in Türkiye; the Ankara-Turk line", "turk");
        assert_eq!(h.len(), 3, "{h:?}");
        assert!(highlights("Anturkish", "turk").is_empty());
    }

    #[test]
    fn search_is_by_word_beginnings_and_every_query_word_must_match() {
        let c = corpus();
        let idx = Index::new(&c);
        let run = |text: &str| {
            idx.timeline(&c, &Filter { text: text.into(), ..Filter::default() }, true).iter().collect::<Vec<usize>>()
        };
        assert_eq!(run("türk"), [0]);
        assert_eq!(run("MET türkiye"), [0]);
        assert_eq!(run("met drills"), Vec::<usize>::new());
        assert_eq!(run("rkiye"), Vec::<usize>::new(), "not from inside a word");
        assert_eq!(run("back"), [1]);
        // Typing on reuses the sets of earlier words and stays right.
        assert_eq!(run("q"), [2]);
        assert_eq!(run("qu"), [2]);
        assert_eq!(run("quiet mo"), [2]);
        assert_eq!(run("quiet mx"), Vec::<usize>::new());
    }

    #[test]
    fn words_decoded_in_slices_find_what_the_postings_find() {
        let c = corpus();
        let idx = Index::new(&c);
        let queries = ["türk", "MET türkiye", "met drills", "rkiye", "back", "q", "quiet mo", "a", "t", ""];
        let run = |idx: &Index| -> Vec<Vec<usize>> {
            queries
                .iter()
                .map(|q| {
                    idx.forget_words();
                    idx.timeline(&c, &Filter { text: (*q).into(), ..Filter::default() }, true).iter().collect()
                })
                .collect()
        };
        let from_postings = run(&idx);
        assert!(from_postings.iter().any(|r| r.len() > 1), "some query matches several events: {from_postings:?}");
        assert_eq!(idx.word_events_bytes(), 0);
        let mut slices = 1;
        while !idx.prepare_words(|| true) {
            slices += 1;
        }
        assert!(idx.word_events_bytes() > 0);
        assert!(idx.prepare_words(|| unreachable!("nothing is left to decode")));
        assert_eq!(run(&idx), from_postings, "after {slices} slices");
    }

    #[test]
    fn searches_of_a_larger_corpus_find_what_reading_every_event_finds() {
        // 60 articles, each with its publication and 6 more events, their words drawn
        // so that some are in most events (kept as bits), some in few (lists, with
        // publications among them) and many begin alike (runs gathered once).
        let vocabulary = [
            "sta", "stab", "stable", "stadium", "staff", "stage", "state", "statement", "states", "station", "statue",
            "stop", "store", "zeta", "zebra", "alpha", "alps", "türkiye", "turkish", "quiet",
        ];
        let mut seed = 17u64;
        let mut pick = || {
            let mut k = vocabulary.len();
            for _ in 0..3 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                k = k.min((seed >> 33) as usize % vocabulary.len());
            }
            vocabulary[k]
        };
        let mut text = |words: usize| (0..words).map(|_| pick()).collect::<Vec<_>>().join(" ");
        let template = corpus();
        let mut c = Corpus { entities: template.entities.clone(), ..Corpus::default() };
        for a in 0..60u32 {
            let (title, body) = (text(2), text(5));
            c.articles.push(Article {
                id: format!("a{a}").into(),
                title: title.into(),
                paragraphs: vec![body.into()],
                recycled: vec![],
                ..template.articles[0].clone()
            });
            let publication = Event {
                kind: EventKind::Publication,
                sources: vec![Source { article: a, paragraph: 0, sentence: "".into() }],
                ..template.events[0].clone()
            };
            c.events.push(publication);
            for k in 0..6 {
                let (summary, sentence) = (text(3), text(2));
                let kind = if k % 2 == 0 { EventKind::Meeting } else { EventKind::Other };
                let source = Source { article: a, paragraph: 0, sentence: sentence.into() };
                c.events.push(Event {
                    summary: summary.into(),
                    kind,
                    sources: vec![source],
                    ..template.events[0].clone()
                });
            }
        }
        // What reading each event's own text finds (a publication's is its article's).
        let event_words: Vec<Vec<String>> = c
            .events
            .iter()
            .map(|e| {
                let a = &c.articles[e.sources[0].article as usize];
                let own = if e.kind == EventKind::Publication {
                    format!("{} {}", a.title, a.paragraphs[0])
                } else {
                    format!("{} {}", e.summary, e.sources[0].sentence)
                };
                crate::search::words(&own).collect()
            })
            .collect();
        let mut queries: Vec<String> = vec!["absent".into(), "sta zeb".into(), "turk alp".into(), "STATE stat".into()];
        for w in vocabulary {
            queries.extend(w.char_indices().map(|(i, ch)| w[..i + ch.len_utf8()].to_owned()));
        }
        let expected = |q: &str, kinds: &[EventKind]| -> Vec<usize> {
            let query: Vec<String> = crate::search::words(q).collect();
            (0..c.events.len())
                .filter(|&i| kinds.is_empty() || kinds.contains(&c.events[i].kind))
                .filter(|&i| query.iter().all(|w| event_words[i].iter().any(|t| t.starts_with(w.as_str()))))
                .collect()
        };
        let idx = Index::new(&c);
        let mut listed = 0;
        let mut check = |idx: &Index, when: &str| {
            for q in &queries {
                for kinds in [vec![], vec![EventKind::Meeting]] {
                    idx.forget_words();
                    let f = Filter { text: q.clone(), kinds: kinds.clone(), ..Filter::default() };
                    let rows = idx.timeline(&c, &f, true);
                    assert_eq!(rows.iter().collect::<Vec<_>>(), expected(q, &kinds), "{when}: {q:?}, kinds {kinds:?}");
                    assert_eq!(idx.evaluate(&c, &f, true).rows, rows, "{when}: {q:?}");
                    listed += usize::from(matches!(rows.set, Events::Few(_)));
                }
            }
        };
        check(&idx, "from the postings");
        while !idx.prepare_words(|| true) {}
        check(&idx, "decoded");
        assert!(listed > 0, "some queries gave lists");
        assert!(expected("sta", &[]).len() > c.events.len() / 2, "some prefixes are common");
    }

    #[test]
    fn rows_give_each_position_as_listing_them_would() {
        // Sets with empty blocks, full blocks, a last partial block, and none at all;
        // the longer ones span several blocks of counts.
        let mut seed = 7u64;
        for len in [0usize, 1, 63, 64, 65, 200, 511, 512, 513, 1000, 5000] {
            for density in [0u64, 1, 8, 63, 64] {
                let mut set = Bits::empty(len);
                let mut listed = Vec::new();
                for i in 0..len {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    if (seed >> 58) < density {
                        set.set(i);
                        listed.push(i);
                    }
                }
                let as_list = || Events::Few(listed.iter().map(|&e| e as u32).collect());
                for (oldest_first, rows) in [true, false]
                    .into_iter()
                    .flat_map(|o| [(o, Rows::new(set.clone(), o)), (o, Rows::new(as_list(), o))])
                {
                    assert_eq!(rows, Rows::new(set.clone(), oldest_first), "a list's rows equal the bits' rows");
                    let expected: Vec<usize> =
                        if oldest_first { listed.clone() } else { listed.iter().rev().copied().collect() };
                    assert_eq!(rows.len(), expected.len());
                    assert_eq!(rows.iter().collect::<Vec<_>>(), expected);
                    let by_position: Vec<usize> = (0..rows.len()).map(|i| rows.get(i).unwrap()).collect();
                    assert_eq!(by_position, expected, "len {len}, density {density}, oldest first {oldest_first}");
                    assert_eq!(rows.get(rows.len()), None);
                    assert!(expected.iter().all(|&e| rows.contains(e)));
                    assert_eq!(
                        (0..len + 2).filter(|&e| rows.contains(e)).count(),
                        listed.len(),
                        "len {len}: only its events"
                    );
                    for e in 0..len + 2 {
                        assert_eq!(rows.count_before(e), listed.partition_point(|&l| l < e), "len {len}, event {e}");
                    }
                }
            }
        }
    }

    #[test]
    fn one_evaluation_gives_rows_facets_and_credits_as_the_separate_calls_do() {
        let c = corpus();
        let idx = Index::new(&c);
        for f in [
            Filter::default(),
            Filter { text: "m".into(), kinds: vec![EventKind::Meeting], ..Filter::default() },
            Filter { entities: vec!["place:turkiye".into()], hide_recycled: true, ..Filter::default() },
        ] {
            let all = idx.evaluate(&c, &f, false);
            assert_eq!(all.rows, idx.timeline(&c, &f, false));
            assert_eq!(all.facets, idx.facets(&c, &f));
            assert_eq!(all.credits, credits(&c, &idx, &f));
        }
    }
}
