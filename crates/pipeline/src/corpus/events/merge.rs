//! Reports of one event merged: drafts with the same dates and mostly the same words,
//! unless the exercises, agreements or places they name tell them apart; then ids and
//! the timeline's order.

use std::collections::{HashMap, HashSet};

use model::{Article, Event, EventKind, Source};
use rayon::prelude::*;

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

/// The dates a draft can merge on: only drafts with the same are compared.
type DateKey = (model::Date, model::Date, model::Precision);

/// A draft waiting to merge: its place in age order and its words as ranks.
type Waiting = (usize, Draft, Vec<u32>);

/// Joins drafts that report one event (same dates, mostly the same words), then gives
/// ids and orders the timeline.
pub(super) fn merge_and_finish(mut drafts: Vec<Draft>, articles: &[Article], naming: &[Telling]) -> Vec<Event> {
    // Articles by age: dated ones by their start, then undated ones, ties by id (ids
    // are distinct, so this is a total order).
    let age: Vec<usize> = {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by_cached_key(|&a| {
            let article = &articles[a];
            (article.published.is_none(), article.published.as_ref().map(|p| p.start), article.id.clone())
        });
        let mut age = vec![0; articles.len()];
        for (rank, a) in order.into_iter().enumerate() {
            age[a] = rank;
        }
        age
    };
    // Oldest reports first, so an event's summary and id come from its first report,
    // not from whichever file sorts first: a newer article retelling it, or one that
    // happens to share its id's words, changes neither.
    drafts.sort_by_key(|d| (age[d.sources[0].article as usize], d.sources[0].paragraph));
    let ranks = rarity_ranks(&drafts);
    let ranked_all: Vec<Vec<u32>> = drafts.par_iter().map(|d| ranked_words(&d.words, &ranks)).collect();
    drop(ranks);
    // A draft can only join one with the same dates, so each date's drafts are merged
    // on their own, in age order, the dates in parallel (a date such as a whole year
    // gathers tens of thousands); publications join nothing. Each merged draft keeps
    // the age place of the draft that began it, which restores the serial order.
    let mut merged: Vec<(usize, Draft)> = Vec::new();
    let mut dates: Vec<Vec<Waiting>> = Vec::new();
    let mut date_of: HashMap<DateKey, usize> = HashMap::new();
    for (i, (d, ranked)) in drafts.into_iter().zip(ranked_all).enumerate() {
        if d.kind == EventKind::Publication {
            merged.push((i, d));
            continue;
        }
        let g = *date_of.entry((d.when.start, d.when.end, d.when.precision)).or_insert_with(|| {
            dates.push(Vec::new());
            dates.len() - 1
        });
        dates[g].push((i, d, ranked));
    }
    // The largest dates first, so no core is left with one at the end.
    dates.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let per_date: Vec<Vec<(usize, Draft)>> = dates.into_par_iter().map(|g| merge_one_date(g, naming)).collect();
    merged.extend(per_date.into_iter().flatten());
    merged.sort_unstable_by_key(|(i, _)| *i);
    // Sources in age order and ids, in parallel; an id's number, when two events would
    // share one, in timeline-independent merge order.
    let finished: Vec<(String, Draft)> = merged
        .into_par_iter()
        .map(|(_, mut d)| {
            d.sources.sort_by_key(|s| (age[s.article as usize], s.paragraph));
            // The embedded format recomputes ids with the same function.
            let base =
                model::event_base_id(d.kind, d.when.start, &d.summary, &articles[d.sources[0].article as usize].id);
            (base, d)
        })
        .collect();
    let mut taken: HashSet<String> = HashSet::new();
    let mut events: Vec<Event> = finished
        .into_iter()
        .map(|(base, d)| {
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
    events.par_sort_by(|x, y| (x.when.start, x.when.end, &x.id).cmp(&(y.when.start, y.when.end, &y.id)));
    events
}

/// Merges the drafts of one date, given in age order: each joins the first earlier
/// merged draft that shares enough of its words and no telling entity sets apart, or
/// begins one. Returns the merged drafts with the age place of the draft that began each.
fn merge_one_date(drafts: Vec<Waiting>, naming: &[Telling]) -> Vec<(usize, Draft)> {
    let mut merged: Vec<(usize, Draft)> = Vec::new();
    // Candidates are found through their words (see `Candidates`).
    let mut candidates = Candidates::default();
    // Each merged draft's words as ranks, compared as sorted lists: the same sets as
    // its words, compared without hashing strings.
    let mut merged_ranked: Vec<Vec<u32>> = Vec::new();
    // And the hashes of its sources.
    let mut merged_sources: Vec<HashSet<u64>> = Vec::new();
    for (i, d, ranked) in drafts {
        let same = candidates.possible(&ranked).into_iter().find(|&k| {
            overlap(&merged_ranked[k], &ranked) >= SAME_EVENT_OVERLAP
                && !distinct(&merged[k].1.entities, &d.entities, naming)
        });
        match same {
            Some(k) => {
                let (m, seen) = (&mut merged[k].1, &mut merged_sources[k]);
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
                candidates.add(merged.len(), &ranked);
                merged_sources.push(d.sources.iter().map(source_hash).collect());
                merged.push((i, d));
                merged_ranked.push(ranked);
            }
        }
    }
    merged
}

/// Whether two reports' entities tell them apart: both name some of a kind, and none
/// in common (a shared name joins them first); exercises, agreements and named events
/// decide before places.
fn distinct(a: &[u32], b: &[u32], naming: &[Telling]) -> bool {
    let is = |i: u32, kind: Telling| naming.get(i as usize) == Some(&kind);
    let names = |ids: &[u32], kind: Telling| ids.iter().any(|&i| is(i, kind));
    let share = |a: &[u32], b: &[u32], kind: Telling| a.iter().any(|&i| is(i, kind) && b.contains(&i));
    !share(a, b, Telling::Name)
        && (names(a, Telling::Name) && names(b, Telling::Name)
            || names(a, Telling::Place) && names(b, Telling::Place) && !share(a, b, Telling::Place))
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
/// looked up with those words only). Each index is asked only for the sets of its case
/// (by their sizes), which still finds every pair that can merge. Rarest words have the
/// shortest lists.
#[derive(Default)]
struct Candidates {
    rare: HashMap<u32, Vec<usize>>,
    every: HashMap<u32, Vec<usize>>,
    /// Each merged draft's number of words.
    sizes: Vec<usize>,
}

impl Candidates {
    /// Adds merged draft `k`, the next after those added.
    fn add(&mut self, k: usize, ranked: &[u32]) {
        debug_assert_eq!(k, self.sizes.len());
        self.sizes.push(ranked.len());
        for &w in &ranked[..prefix(ranked.len())] {
            self.rare.entry(w).or_default().push(k);
        }
        for &w in ranked {
            self.every.entry(w).or_default().push(k);
        }
    }

    /// Merged drafts that may share enough words with a draft of these words, in merge
    /// order (a superset: the caller checks each).
    fn possible(&self, ranked: &[u32]) -> Vec<usize> {
        let size = ranked.len();
        let mut out: Vec<usize> = Vec::new();
        for w in ranked {
            out.extend(self.rare.get(w).into_iter().flatten().filter(|&&k| self.sizes[k] <= size));
        }
        for w in &ranked[..prefix(size)] {
            out.extend(self.every.get(w).into_iter().flatten().filter(|&&k| self.sizes[k] > size));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// How many of a set's rarest words must include a shared one if it is the smaller of
/// two sets that merge.
fn prefix(size: usize) -> usize {
    (size + 1).saturating_sub(words_needed(size)).min(size)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random sets of ranks, some drawn from a small vocabulary so that many
    /// pairs share enough words, of every size from 1 to 24.
    fn sets(n: usize) -> Vec<Vec<u32>> {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..n)
            .map(|_| {
                let size = 1 + (next() % 24) as usize;
                let vocabulary = if next() % 2 == 0 { 30 } else { 400 };
                let mut set: Vec<u32> = (0..size).map(|_| (next() % vocabulary) as u32).collect();
                set.sort_unstable();
                set.dedup();
                set
            })
            .collect()
    }

    /// Prefix filtering with each index asked only for sets of its size case finds
    /// every earlier set that shares enough words: the same as comparing all pairs.
    #[test]
    fn candidates_include_every_earlier_set_that_shares_enough() {
        let all = sets(600);
        let mut candidates = Candidates::default();
        let mut pairs = 0;
        for (k, set) in all.iter().enumerate() {
            let possible = candidates.possible(set);
            for (j, earlier) in all[..k].iter().enumerate() {
                if overlap(earlier, set) >= SAME_EVENT_OVERLAP {
                    pairs += 1;
                    assert!(possible.contains(&j), "{earlier:?} and {set:?} share enough but {j} is no candidate");
                }
            }
            assert!(possible.windows(2).all(|w| w[0] < w[1]), "in merge order, once each");
            candidates.add(k, set);
        }
        assert!(pairs > 100, "the sets hold pairs that merge ({pairs})");
    }
}
