//! Sets of small numbers (documents, events) as the engine passes them on: [`Bits`],
//! one bit per member, its iterator [`Ones`], and [`Events`], bits or a short list.
//! A base module: it depends on nothing else in the crate.

use std::sync::Arc;

/// A set of events as a query's steps pass it on: bits, one per event of the corpus,
/// or, for a set of few events, their numbers ascending, so that a rare word's
/// events cost what they hold rather than the corpus's size.
#[derive(Clone, Debug)]
pub enum Events {
    Bits(Arc<Bits>),
    Few(Arc<[u32]>),
}

impl Default for Events {
    fn default() -> Events {
        Events::Bits(Arc::default())
    }
}

impl From<Bits> for Events {
    fn from(bits: Bits) -> Events {
        Events::Bits(Arc::new(bits))
    }
}

impl From<Arc<Bits>> for Events {
    fn from(bits: Arc<Bits>) -> Events {
        Events::Bits(bits)
    }
}

impl Events {
    /// The events of both sets: a list when either is one (each listed event looked up
    /// in the other), else the bits, copied only if shared.
    pub fn and(self, other: &Events) -> Events {
        match (self, other) {
            (Events::Few(few), other) => {
                Events::Few(few.iter().copied().filter(|&e| other.contains(e as usize)).collect())
            }
            (Events::Bits(bits), Events::Few(few)) => {
                Events::Few(few.iter().copied().filter(|&e| bits.get(e as usize)).collect())
            }
            (Events::Bits(mut bits), Events::Bits(other)) => {
                Arc::make_mut(&mut bits).and_with(other);
                Events::Bits(bits)
            }
        }
    }

    pub fn contains(&self, event: usize) -> bool {
        match self {
            Events::Bits(bits) => bits.get(event),
            Events::Few(few) => u32::try_from(event).is_ok_and(|e| few.binary_search(&e).is_ok()),
        }
    }

    /// As bits over `len` events (a list's events past `len` left out).
    pub fn to_bits(&self, len: usize) -> Bits {
        match self {
            Events::Bits(bits) => Bits::clone(bits),
            Events::Few(few) => {
                let mut bits = Bits::empty(len);
                for &e in few.iter() {
                    bits.set(e as usize);
                }
                bits
            }
        }
    }
}

/// A set of small numbers (documents, events) as bits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bits {
    pub(crate) words: Vec<u64>,
    len: usize,
}

impl Bits {
    pub fn empty(len: usize) -> Bits {
        Bits { words: vec![0; len.div_ceil(64)], len }
    }

    pub fn full(len: usize) -> Bits {
        let mut b = Bits { words: vec![u64::MAX; len.div_ceil(64)], len };
        b.trim();
        b
    }

    pub(crate) fn trim(&mut self) {
        let rest = self.len % 64;
        if rest != 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << rest) - 1;
        }
    }

    /// The bits, 64 to a word, lowest first.
    pub(crate) fn words(&self) -> &[u64] {
        &self.words
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Runs once per posting while the user types: `get_mut`, not indexing, whose
    /// `IndexMut` the size-built wasm once left out of line in this loop (with it and
    /// the helpers `matching_events` now avoids, a word's first lookup at 10,000
    /// articles took 27.5 µs, not 10.5).
    #[inline(always)]
    pub fn set(&mut self, i: usize) {
        if i < self.len
            && let Some(w) = self.words.get_mut(i / 64)
        {
            *w |= 1 << (i % 64);
        }
    }

    #[inline]
    pub fn get(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn and_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= *b;
        }
    }

    pub fn or_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= *b;
        }
    }

    pub fn invert(&mut self) {
        for w in &mut self.words {
            *w = !*w;
        }
        self.trim();
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many numbers both sets hold.
    pub fn count_and(&self, other: &Bits) -> usize {
        self.words.iter().zip(&other.words).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    /// The numbers in the set, ascending (or, reversed, descending); each step skips
    /// straight to the next set bit.
    pub fn ones(&self) -> Ones<'_> {
        Ones { words: &self.words, front: 0, back: self.words.len(), front_bits: 0, back_bits: 0, started: false }
    }

    /// Sets every `i` of `other` with `i >= from` as `i - from` in `self`: the
    /// documents after the first `from`, renumbered from 0, a word at a time.
    pub fn or_shifted(&mut self, other: &Bits, from: usize) {
        let (skip, shift) = (from / 64, from % 64);
        for (i, w) in self.words.iter_mut().enumerate() {
            let lo = other.words.get(skip + i).copied().unwrap_or(0);
            let hi = other.words.get(skip + i + 1).copied().unwrap_or(0);
            *w |= if shift == 0 { lo } else { (lo >> shift) | (hi << (64 - shift)) };
        }
        self.trim();
    }
}

/// The iterator of [`Bits::ones`].
#[derive(Debug)]
pub struct Ones<'a> {
    words: &'a [u64],
    /// The next word to load at each end (`front` up, `back` down, exclusive).
    front: usize,
    back: usize,
    /// The bits of the words loaded and not yet given out, at each end.
    front_bits: u64,
    back_bits: u64,
    started: bool,
}

impl Ones<'_> {
    fn start(&mut self) {
        if !self.started {
            self.started = true;
            if self.front < self.back {
                self.front_bits = self.words[self.front];
                self.front += 1;
            }
        }
    }
}

impl Iterator for Ones<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        self.start();
        loop {
            if self.front_bits != 0 {
                let b = self.front_bits.trailing_zeros() as usize;
                self.front_bits &= self.front_bits - 1;
                return Some((self.front - 1) * 64 + b);
            }
            if self.front < self.back {
                self.front_bits = self.words[self.front];
                self.front += 1;
            } else {
                // The back end may hold the last loaded word.
                if self.back_bits != 0 {
                    let b = self.back_bits.trailing_zeros() as usize;
                    self.back_bits &= self.back_bits - 1;
                    return Some(self.back * 64 + b);
                }
                return None;
            }
        }
    }
}

impl DoubleEndedIterator for Ones<'_> {
    fn next_back(&mut self) -> Option<usize> {
        self.start();
        loop {
            if self.back_bits != 0 {
                let b = 63 - self.back_bits.leading_zeros() as usize;
                self.back_bits &= !(1u64 << b);
                return Some(self.back * 64 + b);
            }
            if self.front < self.back {
                self.back -= 1;
                self.back_bits = self.words[self.back];
            } else {
                // The front end may hold the last loaded word.
                if self.front_bits != 0 {
                    let b = 63 - self.front_bits.leading_zeros() as usize;
                    self.front_bits &= !(1u64 << b);
                    return Some((self.front - 1) * 64 + b);
                }
                return None;
            }
        }
    }
}
