//! Reports of one event merged: drafts with the same dates and mostly the same words,
//! unless the exercises, agreements or places they name tell them apart; then ids and
//! the timeline's order.

use std::collections::{HashMap, HashSet};

use model::{Article, Event, EventKind, Source};

use super::Draft;

/// Share of the shorter summary's words two reports must share to be one event.
const SAME_EVENT_OVERLAP: f64 = 0.6;

/// What an entity tells about which event a report is of (see `merge_and_finish`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Telling {
    /// An exercise, agreement or named event: reports naming different ones differ.
    Name,
    /// A place: reports naming different places differ, unless one name joins them.
    Place,
    Neither,
}

/// Joins drafts that report one event (same dates, mostly the same words), then gives
/// ids and orders the timeline.
pub(super) fn merge_and_finish(mut drafts: Vec<Draft>, articles: &[Article], naming: &[Telling]) -> Vec<Event> {
    let is = |i: u32, kind: Telling| naming.get(i as usize) == Some(&kind);
    let names = |ids: &[u32], kind: Telling| ids.iter().any(|&i| is(i, kind));
    let share = |a: &[u32], b: &[u32], kind: Telling| a.iter().any(|&i| is(i, kind) && b.contains(&i));
    // Both name some of a kind, and none in common: a shared name joins them first.
    let distinct = |a: &[u32], b: &[u32]| {
        !share(a, b, Telling::Name)
            && (names(a, Telling::Name) && names(b, Telling::Name)
                || names(a, Telling::Place) && names(b, Telling::Place) && !share(a, b, Telling::Place))
    };
    let age = |a: u32| {
        let article = &articles[a as usize];
        (article.published.is_none(), article.published.as_ref().map(|p| p.start), article.id.clone())
    };
    // Oldest reports first, so an event's summary and id come from its first report,
    // not from whichever file sorts first: a newer article retelling it, or one that
    // happens to share its id's words, changes neither.
    drafts.sort_by_cached_key(|d| (age(d.sources[0].article), d.sources[0].paragraph));
    let mut merged: Vec<Draft> = Vec::new();
    // Merged drafts by their dates, in merge order: a draft can only join one with the
    // same dates, and scanning every draft for each would grow with the square of the
    // corpus (most of the build at 100,000 articles). Within one date, candidates are
    // found through their words too (see `Candidates`), for a date such as a whole year
    // gathers tens of thousands of drafts.
    let ranked_all: Vec<Vec<u32>> = {
        let ranks = rarity_ranks(&drafts);
        drafts.iter().map(|d| ranked_words(&d.words, &ranks)).collect()
    };
    let mut by_dates: HashMap<(model::Date, model::Date, model::Precision), Candidates> = HashMap::new();
    // Each merged draft's words as ranks, compared as sorted lists: the same sets as
    // its words, compared without hashing strings.
    let mut merged_ranked: Vec<Vec<u32>> = Vec::new();
    // And the hashes of its sources.
    let mut merged_sources: Vec<HashSet<u64>> = Vec::new();
    for (d, ranked) in drafts.into_iter().zip(ranked_all) {
        let key = (d.when.start, d.when.end, d.when.precision);
        let same = if d.kind == EventKind::Publication {
            None
        } else {
            by_dates.get(&key).and_then(|c| {
                c.possible(&ranked).into_iter().find(|&k| {
                    let m = &merged[k];
                    m.kind != EventKind::Publication
                        && overlap(&merged_ranked[k], &ranked) >= SAME_EVENT_OVERLAP
                        && !distinct(&m.entities, &d.entities)
                })
            })
        };
        let same = match same {
            Some(k) => Some((&mut merged[k], &mut merged_sources[k])),
            None => {
                if d.kind != EventKind::Publication {
                    by_dates.entry(key).or_default().add(merged.len(), &ranked);
                }
                None
            }
        };
        match same {
            Some((m, seen)) => {
                // A passage recycled in thousands of articles is one event with thousands
                // of sources: each is looked for by its hash first, not in the whole list.
                for s in d.sources {
                    if !seen.insert(source_hash(&s)) && m.sources.contains(&s) {
                        continue;
                    }
                    m.sources.push(s);
                }
                // Kept sorted and distinct.
                for e in d.entities {
                    if let Err(at) = m.entities.binary_search(&e) {
                        m.entities.insert(at, e);
                    }
                }
            }
            None => {
                merged_sources.push(d.sources.iter().map(source_hash).collect());
                merged.push(d);
                merged_ranked.push(ranked);
            }
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut events: Vec<Event> = merged
        .into_iter()
        .map(|mut d| {
            d.sources.sort_by_key(|s| (age(s.article), s.paragraph));
            // The embedded format recomputes ids with the same function.
            let base =
                model::event_base_id(d.kind, d.when.start, &d.summary, &articles[d.sources[0].article as usize].id);
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            Event {
                id,
                when: d.when,
                summary: d.summary.into(),
                kind: d.kind,
                entities: d.entities,
                sources: d.sources,
            }
        })
        .collect();
    events.sort_by(|x, y| (x.when.start, x.when.end, &x.id).cmp(&(y.when.start, y.when.end, &y.id)));
    events
}

/// Every summary word's place when all words are ordered rarest first (by how many
/// drafts use it, then alphabetically, so the order depends on the input alone).
fn rarity_ranks(drafts: &[Draft]) -> HashMap<&str, u32> {
    let mut uses: HashMap<&str, u32> = HashMap::new();
    for d in drafts {
        for w in &d.words {
            *uses.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut order: Vec<(u32, &str)> = uses.into_iter().map(|(w, n)| (n, w)).collect();
    order.sort_unstable();
    order.into_iter().enumerate().map(|(rank, (_, w))| (w, rank as u32)).collect()
}

/// A draft's words as their ranks, rarest first.
fn ranked_words(words: &HashSet<String>, ranks: &HashMap<&str, u32>) -> Vec<u32> {
    let mut out: Vec<u32> = words.iter().filter_map(|w| ranks.get(w.as_str()).copied()).collect();
    out.sort_unstable();
    out
}

/// The fewest shared words that make sets of which the smaller has `size` words one
/// event: the least `o` with `o / size >= SAME_EVENT_OVERLAP`, as `overlap` computes it.
fn words_needed(size: usize) -> usize {
    (1..=size).find(|&o| o as f64 / size as f64 >= SAME_EVENT_OVERLAP).unwrap_or(size + 1)
}

/// The merged drafts of one date, indexed so a new draft is checked only against those
/// that could share enough words with it (prefix filtering, as in set-similarity joins).
/// If sets A and B share at least `o` words, any `|B| - o + 1` words of B include a
/// shared one. So when B is the smaller set, one of B's `|B| - needed(|B|) + 1` rarest
/// words is in A (the `rare` index, looked up with every word of A); when A is the
/// smaller, one of A's rarest `|A| - needed(|A|) + 1` words is in B (the `every` index,
/// looked up with those words only). Rarest words have the shortest lists.
#[derive(Default)]
struct Candidates {
    rare: HashMap<u32, Vec<usize>>,
    every: HashMap<u32, Vec<usize>>,
}

impl Candidates {
    fn add(&mut self, k: usize, ranked: &[u32]) {
        let prefix = (ranked.len() + 1).saturating_sub(words_needed(ranked.len()));
        for &w in &ranked[..prefix.min(ranked.len())] {
            self.rare.entry(w).or_default().push(k);
        }
        for &w in ranked {
            self.every.entry(w).or_default().push(k);
        }
    }

    /// Merged drafts that may share enough words with a draft of these words, in merge
    /// order (a superset: the caller checks each).
    fn possible(&self, ranked: &[u32]) -> Vec<usize> {
        let prefix = (ranked.len() + 1).saturating_sub(words_needed(ranked.len()));
        let mut out: Vec<usize> = Vec::new();
        for w in ranked {
            out.extend(self.rare.get(w).into_iter().flatten());
        }
        for w in &ranked[..prefix.min(ranked.len())] {
            out.extend(self.every.get(w).into_iter().flatten());
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A source's hash (fixed keys: the same in every run).
fn source_hash(s: &Source) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (s.article, s.paragraph, &*s.sentence).hash(&mut h);
    h.finish()
}

/// The share of the smaller of two sets (sorted, distinct ranks) that both hold.
fn overlap(a: &[u32], b: &[u32]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    crate::text::shared(a, b) as f64 / smaller as f64
}
