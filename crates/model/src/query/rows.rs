//! The timeline's rows: a set of events in timeline order with block counts, so a
//! window of rows is found without listing them; what a row shows at most.

use crate::bits::Events;

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
    pub(crate) set: Events,
    /// For a set of bits, events of the set before each block of [`BLOCK_WORDS`] × 64
    /// events, then the total; for a list, nothing.
    pub(crate) before: Vec<u32>,
    pub(crate) newest_first: bool,
}

/// Words of the set per entry of [`Rows::before`]: the count made per query is one
/// tight pass of popcounts, and finding a row counts at most this many words more.
pub(crate) const BLOCK_WORDS: usize = 8;

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
    pub(crate) all: All<'a>,
    pub(crate) newest_first: bool,
}

#[derive(Debug)]
pub(crate) enum All<'a> {
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
