//! Every word's events decoded once from the text index's postings, so a word looked
//! up while the user types costs a copy or a few bit sets instead of a pass over its
//! postings (the app builds it a slice at a time once the page is ready).

use std::sync::Arc;

use crate::bits::{Bits, Events};
use crate::search::{BITMAP, TextIndex, each_list_doc, posting_events};
use crate::varint::{put_varint, read_varint};

/// Every word's events, as [`TextIndex::matching_events`] finds them, decoded once
/// (a slice at a time, [`EventWords::build_some`]), so that a word looked up afresh
/// costs a copy or a few bit sets instead of a pass over its postings: a word more
/// than one event in [`DENSE_SHARE`] holds as a set of bits, the others as their event
/// numbers (LEB128, each the difference from the one before: at 100,000 generated
/// articles 9.2 million of them, 36.8 MB as `u32`). Then, for a prefix that begins
/// many common words ("sta"), their events together, so a query word being typed is
/// one lookup too.
#[derive(Clone, Debug, Default)]
pub struct EventWords {
    /// Per word, in the index's order: where its events sit in `lists`, or for a
    /// common word (`start == u32::MAX`) which of `dense` is its set.
    pub(crate) slots: Vec<(u32, u32)>,
    /// Each listed word's events: their count, then the first and each difference
    /// from the one before, in LEB128 ([`Listed`]).
    pub(crate) lists: Vec<u8>,
    pub(crate) dense: Vec<Arc<Bits>>,
    pub(crate) events: usize,
    /// The runs of words (first, end) that some prefix begins and that would take
    /// more than [`PREFIX_PASSES`] passes over a set to gather, ascending; found once
    /// every word is decoded.
    pub(crate) runs: Option<Vec<(u32, u32)>>,
    /// The events of the first of those runs, made so far.
    pub(crate) run_events: Vec<Arc<Bits>>,
}

/// A prefix's words are gathered once and kept when gathering them costs more than
/// this many passes over a set of every event (a common word is a pass of a step per
/// 64 events, a listed event [`LISTED_STEPS`]); so no prefix costs much more than this
/// when looked up afresh. Sixteen passes are some tens of microseconds at 100,000
/// articles, less than the facet counts of the same keystroke; at 3 the kept prefixes'
/// sets were 66 of the 139 MB the decoded words held there (16: 24 of 83 MB).
const PREFIX_PASSES: usize = 16;

/// Steps a listed event costs when gathered: setting one bit somewhere in the set took
/// about as long as two or three steps of a pass in a native profile at 10,000 articles.
const LISTED_STEPS: usize = 3;

/// A word held by more than one event in this many is kept as bits (one bit per event
/// costs less than 32 bits per event held from here on).
const DENSE_SHARE: usize = 32;

impl EventWords {
    pub fn new(events: usize) -> EventWords {
        EventWords { events, ..EventWords::default() }
    }

    /// Decodes up to `count` more words of `index`, then gathers the runs of words a
    /// prefix begins (one per 8 of `count`); says whether all of it is done.
    pub fn build_some(&mut self, index: &TextIndex, article_event: &[Option<u32>], count: usize) -> bool {
        if self.slots.len() < index.word_count() {
            self.decode_words(index, article_event, count);
            if self.slots.len() < index.word_count() {
                return false;
            }
        }
        if self.runs.is_none() {
            self.runs = Some(self.plan_runs(index));
        }
        let runs = self.runs.as_deref().unwrap_or(&[]);
        let made: Vec<Arc<Bits>> = runs
            .iter()
            .skip(self.run_events.len())
            .take(count.div_ceil(8))
            .map(|&(first, end)| {
                let mut events = Bits::empty(self.events);
                self.gather(first as usize..end as usize, &mut events);
                Arc::new(events)
            })
            .collect();
        let done = self.run_events.len() + made.len() == runs.len();
        self.run_events.extend(made);
        done
    }

    /// The runs of words that some prefix begins, each as long as it goes (the words
    /// a prefix begins are those its longest common prefix with them begins), kept
    /// when gathering them costs more than [`PREFIX_PASSES`] passes over a set.
    fn plan_runs(&self, index: &TextIndex) -> Vec<(u32, u32)> {
        let pass = self.events.div_ceil(64).max(1);
        let mut cost_before = Vec::with_capacity(self.slots.len() + 1);
        let mut cost = 0;
        for &(start, end) in &self.slots {
            cost_before.push(cost);
            cost += if start == u32::MAX { pass } else { LISTED_STEPS * self.listed(start, end).len() };
        }
        cost_before.push(cost);
        // Words in order, with the length of the prefix each shares with the one
        // before: a run opens where that grows and closes where it shrinks below it.
        let n = self.slots.len();
        let mut runs = Vec::new();
        let mut open: Vec<(usize, usize)> = vec![(0, 0)];
        for i in 1..=n {
            let shared = if i < n { common_prefix(index.word(i - 1), index.word(i)) } else { 0 };
            let mut first = i - 1;
            while let Some(&(len, from)) = open.last()
                && shared < len
            {
                open.pop();
                if cost_before[i] - cost_before[from] > PREFIX_PASSES * pass {
                    runs.push((from as u32, i as u32));
                }
                first = from;
            }
            if open.last().is_none_or(|&(len, _)| shared > len) {
                open.push((shared, first));
            }
        }
        crate::order::sort(&mut runs);
        runs
    }

    /// Sets in `events` the events of the words numbered in `words`.
    fn gather(&self, words: std::ops::Range<usize>, events: &mut Bits) {
        for &slot in self.slots.get(words).unwrap_or(&[]) {
            match slot {
                (u32::MAX, k) => {
                    if let Some(bits) = self.dense.get(k as usize) {
                        events.or_with(bits);
                    }
                }
                (start, end) => {
                    for e in self.listed(start, end) {
                        events.set(e as usize);
                    }
                }
            }
        }
    }

    fn decode_words(&mut self, index: &TextIndex, article_event: &[Option<u32>], count: usize) {
        let (articles, events) = (article_event.len(), self.events);
        let end = (self.slots.len() + count).min(index.word_count());
        let mut word = Vec::new();
        for i in self.slots.len()..end {
            let bytes = index.posting(i);
            if let Some((_, list)) = bytes.split_first().filter(|(tag, _)| **tag != BITMAP) {
                word.clear();
                each_list_doc(list, |d| {
                    let event = match d.checked_sub(articles) {
                        Some(e) => Some(e as u32),
                        None => article_event.get(d).copied().flatten(),
                    };
                    if let Some(e) = event.filter(|&e| (e as usize) < events) {
                        word.push(e);
                    }
                });
                if word.len() * DENSE_SHARE <= events {
                    // Articles' publications come first in the postings: put the list
                    // in event order, as a list of events is read (see `Events`).
                    ascending_union(&mut word);
                    let start = self.lists.len();
                    put_varint(&mut self.lists, word.len() as u64);
                    let mut last = 0;
                    for &e in &word {
                        put_varint(&mut self.lists, u64::from(e - last));
                        last = e;
                    }
                    self.slots.push((start as u32, self.lists.len() as u32));
                    continue;
                }
            }
            let mut bits = Bits::empty(self.events);
            posting_events(bytes, article_event, &mut bits);
            self.slots.push((u32::MAX, self.dense.len() as u32));
            self.dense.push(Arc::new(bits));
        }
    }

    /// Sets in `events` every event whose text holds a word that begins with `prefix`
    /// (`index` is the one these were decoded from, every word of it decoded).
    pub fn matching(&self, index: &TextIndex, prefix: &str, events: &mut Bits) {
        self.gather(index.words_beginning(prefix), events);
    }

    /// [`EventWords::matching`] as a set of its own: when `prefix` begins one word only
    /// and it is kept as bits, or begins a run of words gathered once, that set itself,
    /// shared (nothing copied); when the words it begins are all kept as lists and few
    /// events hold them, those events as a list (nothing of the corpus's size is
    /// made); else a set of bits.
    pub fn matching_shared(&self, index: &TextIndex, prefix: &str) -> Events {
        let words = index.words_beginning(prefix);
        if words.len() == 1
            && let Some(&(u32::MAX, k)) = self.slots.get(words.start)
            && let Some(bits) = self.dense.get(k as usize)
        {
            return Events::Bits(Arc::clone(bits));
        }
        let listed: Option<usize> = self.slots.get(words.clone()).and_then(|slots| {
            slots.iter().try_fold(0, |n, &(start, end)| (start != u32::MAX).then(|| n + self.listed(start, end).len()))
        });
        if let Some(n) = listed.filter(|&n| n * DENSE_SHARE <= self.events) {
            let mut few = Vec::with_capacity(n);
            for &(start, end) in &self.slots[words.clone()] {
                few.extend(self.listed(start, end));
            }
            // One word's list is in order already.
            if words.len() > 1 {
                ascending_union(&mut few);
            }
            return Events::Few(few.into());
        }
        let run = (words.start as u32, words.end as u32);
        if let Some(runs) = &self.runs
            && let Ok(k) = runs.binary_search(&run)
            && let Some(events) = self.run_events.get(k)
        {
            return Events::Bits(Arc::clone(events));
        }
        let mut events = Bits::empty(self.events);
        self.matching(index, prefix, &mut events);
        Events::Bits(Arc::new(events))
    }

    /// The events of the listed word whose bytes are `lists[start..end]`.
    fn listed(&self, start: u32, end: u32) -> Listed<'_> {
        let bytes = self.lists.get(start as usize..end as usize).unwrap_or(&[]);
        let (left, rest) = read_varint(bytes).unwrap_or((0, &[]));
        Listed { rest, left: left as usize, last: 0 }
    }

    /// Bytes held (what the decoded words cost in memory).
    pub fn heap_bytes(&self) -> usize {
        let sets = self.dense.iter().chain(&self.run_events).map(|b| b.words.len() * 8).sum::<usize>();
        self.slots.len() * 8 + self.lists.len() + self.runs.as_ref().map_or(0, |r| r.len() * 8) + sets
    }
}

/// A listed word's events, read from their differences.
pub(crate) struct Listed<'a> {
    rest: &'a [u8],
    left: usize,
    last: u32,
}

impl Iterator for Listed<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (step, rest) = read_varint(self.rest)?;
        self.rest = rest;
        self.left = self.left.saturating_sub(1);
        self.last = self.last.checked_add(step)?;
        Some(self.last)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Listed<'_> {}

/// Puts `values` in ascending order, each number once: its ascending runs merged
/// pairwise, so stretches already in order (each word's list, the events after an
/// article's publications) cost a pass. Not `slice::sort*`, which would add a copy of
/// the standard sort to the wasm per element type (see `crate::order`).
pub(crate) fn ascending_union(values: &mut Vec<u32>) {
    // Where each strictly ascending run ends.
    let mut ends: Vec<usize> = (1..values.len()).filter(|&i| values[i] <= values[i - 1]).collect();
    ends.push(values.len());
    let mut merged = Vec::with_capacity(values.len());
    while ends.len() > 1 {
        merged.clear();
        let mut merged_ends = Vec::with_capacity(ends.len().div_ceil(2));
        let mut start = 0;
        for pair in ends.chunks(2) {
            match *pair {
                [middle, end] => merge_into(&values[start..middle], &values[middle..end], &mut merged),
                _ => merged.extend_from_slice(&values[start..pair[0]]),
            }
            start = pair[pair.len() - 1];
            merged_ends.push(merged.len());
        }
        std::mem::swap(values, &mut merged);
        ends = merged_ends;
    }
}

/// Appends to `out` the numbers of the ascending `a` and `b` in order, those in both once.
fn merge_into(a: &[u32], b: &[u32], out: &mut Vec<u32>) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// How many bytes `a` and `b` begin with alike.
pub(crate) fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}
