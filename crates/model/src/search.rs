//! The full-text index: every folded word of the corpus with the documents it occurs
//! in (an inverted index), built once by the pipeline at build time and embedded next
//! to the corpus, so the app never scans or folds article text while the user types.
//!
//! Documents are the articles (title and paragraphs), then the events (summary and
//! source sentences; publications have none of their own: they are their article).
//! A query word matches every indexed word it begins ("turk" finds "Türkiye").

use std::borrow::Cow;
use std::collections::HashMap;

pub use crate::bits::{Bits, Events, Ones};
use crate::corpus::Corpus;
use crate::event::EventKind;
pub use crate::text::{for_each_word, words};
use crate::varint::read_varint;

/// Folded words, each with its sorted document numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextIndex {
    /// Every distinct word, sorted, back to back.
    words: String,
    /// Where word `i` ends in `words` (it starts where word `i - 1` ends).
    word_ends: Vec<u32>,
    /// Per word, its document numbers as ascending deltas in LEB128 or a bitmap, back to
    /// back; borrowed from the embedded corpus when decoded from it.
    postings: Cow<'static, [u8]>,
    /// Where word `i`'s postings end in `postings`.
    posting_ends: Vec<u32>,
    /// Number of documents: articles, then events.
    docs: u32,
}

/// A document's words, for [`TextIndex::build`]: back to back in one string, so that
/// reading a document allocates a few buffers, not a string a word.
#[derive(Clone, Debug, Default)]
pub struct DocWords {
    text: String,
    /// Where each word is in `text`.
    spans: Vec<(u32, u32)>,
}

impl DocWords {
    fn push(&mut self, word: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(word);
        self.spans.push((start, self.text.len() as u32));
    }

    fn word(&self, (start, end): (u32, u32)) -> &str {
        &self.text[start as usize..end as usize]
    }

    /// Sorts the words and drops repeats.
    fn sort(&mut self) {
        let mut spans = std::mem::take(&mut self.spans);
        spans.sort_unstable_by(|&a, &b| self.word(a).cmp(self.word(b)));
        spans.dedup_by(|a, b| self.word(*a) == self.word(*b));
        self.spans = spans;
    }

    /// The words, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&span| self.word(span))
    }
}

/// A document as [`TextIndex::build`] reads it: its words, in any order, repeats allowed.
pub trait Document {
    fn each_word(&self, each: impl FnMut(&str));
}

impl Document for DocWords {
    fn each_word(&self, each: impl FnMut(&str)) {
        self.iter().for_each(each);
    }
}

impl Document for Vec<String> {
    fn each_word(&self, each: impl FnMut(&str)) {
        self.iter().map(String::as_str).for_each(each);
    }
}

impl TextIndex {
    /// The index of a corpus's articles and events (see the module notes).
    pub fn for_corpus(corpus: &Corpus) -> TextIndex {
        TextIndex::build((0..TextIndex::documents(corpus)).map(|d| TextIndex::words_of(corpus, d)))
    }

    /// The number of documents of a corpus: its articles, then its events.
    pub fn documents(corpus: &Corpus) -> usize {
        corpus.articles.len() + corpus.events.len()
    }

    /// Document `d`'s distinct words, sorted (none past the last document): each
    /// document's on its own, so a caller may read them in parallel and give them to
    /// [`TextIndex::build`] in order.
    pub fn words_of(corpus: &Corpus, d: usize) -> DocWords {
        let mut doc = DocWords::default();
        let mut add = |text: &str| for_each_word(text, |w| doc.push(w));
        if let Some(a) = corpus.articles.get(d) {
            add(&a.title);
            a.paragraphs.iter().for_each(|p| add(p));
        } else if let Some(e) = corpus.events.get(d - corpus.articles.len())
            && e.kind != EventKind::Publication
        {
            add(&e.summary);
            e.sources.iter().for_each(|s| add(&s.sentence));
        }
        doc.sort();
        doc
    }

    /// An index of documents given as their words, one document at a time.
    ///
    /// Words are numbered as they come, so each (word, document) pair is two numbers,
    /// put in word order once the words' order is known: a string per pair, with every
    /// document's words held at once, took about 1 GB of the pipeline's 2.7 GB peak at
    /// 40,000 articles. A word is copied once, when it is first met.
    pub fn build<D: Document>(docs: impl IntoIterator<Item = D>) -> TextIndex {
        let mut numbers: HashMap<String, u32> = HashMap::new();
        // Each document's word numbers, ascending, back to back, and where each ends.
        let mut pairs: Vec<u32> = Vec::new();
        let mut doc_ends: Vec<usize> = Vec::new();
        let mut own: Vec<u32> = Vec::new();
        for doc in docs {
            own.clear();
            doc.each_word(|word| {
                let n = match numbers.get(word) {
                    Some(&n) => n,
                    None => {
                        let n = numbers.len() as u32;
                        numbers.insert(word.to_owned(), n);
                        n
                    }
                };
                own.push(n);
            });
            own.sort_unstable();
            own.dedup();
            pairs.extend_from_slice(&own);
            doc_ends.push(pairs.len());
        }
        let count = doc_ends.len() as u32;
        let mut vocabulary: Vec<(String, u32)> = numbers.into_iter().collect();
        vocabulary.sort_unstable();
        let mut rank = vec![0u32; vocabulary.len()];
        for (r, (_, n)) in vocabulary.iter().enumerate() {
            rank[*n as usize] = r as u32;
        }
        // Documents by word, in document order: a counting sort on the words' ranks.
        let mut starts = vec![0usize; vocabulary.len() + 1];
        for &n in &pairs {
            starts[rank[n as usize] as usize + 1] += 1;
        }
        for w in 1..starts.len() {
            starts[w] += starts[w - 1];
        }
        let mut by_word = vec![0u32; pairs.len()];
        let mut next = starts.clone();
        let mut from = 0;
        for (d, &end) in doc_ends.iter().enumerate() {
            for &n in &pairs[from..end] {
                let w = rank[n as usize] as usize;
                by_word[next[w]] = d as u32;
                next[w] += 1;
            }
            from = end;
        }
        drop(pairs);
        let mut index = TextIndex { docs: count, ..TextIndex::default() };
        let mut postings = Vec::new();
        for (w, (word, _)) in vocabulary.iter().enumerate() {
            let docs = &by_word[starts[w]..starts[w + 1]];
            index.words.push_str(word);
            index.word_ends.push(index.words.len() as u32);
            write_posting(&mut postings, docs.iter().copied(), docs.len(), count as usize);
            index.posting_ends.push(postings.len() as u32);
        }
        index.postings = Cow::Owned(postings);
        index
    }

    /// The words in order, each with its postings' bytes, and the number of documents:
    /// what the embedded format stores.
    pub(crate) fn parts(&self) -> (Vec<&str>, Vec<&[u8]>, usize) {
        let words = (0..self.word_count()).map(|i| self.word(i)).collect();
        let postings = (0..self.word_count())
            .map(|i| {
                let start = if i == 0 { 0 } else { self.posting_ends[i - 1] as usize };
                self.postings.get(start..self.posting_ends[i] as usize).unwrap_or(&[])
            })
            .collect();
        (words, postings, self.docs as usize)
    }

    /// The index from the pieces [`TextIndex::parts`] gives, or `None` when the words
    /// are not strictly ascending or the ends do not fit.
    pub(crate) fn from_parts(
        words: String,
        word_ends: Vec<u32>,
        postings: Cow<'static, [u8]>,
        posting_ends: Vec<u32>,
        docs: u32,
    ) -> Option<TextIndex> {
        let fits = |ends: &[u32], len: usize| {
            ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().is_none_or(|&e| e as usize == len)
        };
        if word_ends.len() != posting_ends.len()
            || !fits(&word_ends, words.len())
            || !fits(&posting_ends, postings.len())
        {
            return None;
        }
        let index = TextIndex { words, word_ends, postings, posting_ends, docs };
        let ascending = (1..index.word_count()).all(|i| index.word(i - 1) < index.word(i));
        let whole = index.word_ends.iter().all(|&e| index.words.is_char_boundary(e as usize));
        (ascending && whole).then_some(index)
    }

    pub fn docs(&self) -> usize {
        self.docs as usize
    }

    /// Whether the postings are read in place from bytes that live as long as the program.
    #[cfg(test)]
    pub(crate) fn postings_borrowed(&self) -> bool {
        matches!(self.postings, Cow::Borrowed(_))
    }

    pub fn word_count(&self) -> usize {
        self.word_ends.len()
    }

    pub(crate) fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.word_ends[i - 1] as usize };
        self.words.get(start..self.word_ends[i] as usize).unwrap_or("")
    }

    /// Sets in `out` (a bitset over documents) every document holding a word that
    /// begins with `prefix`.
    pub fn matching(&self, prefix: &str, out: &mut Bits) {
        for bytes in self.postings_of(prefix) {
            read_posting(bytes, out);
        }
    }

    /// Sets in `events` every event whose document holds a word that begins with
    /// `prefix`, in one pass over the postings: document `d` from `article_event.len()`
    /// on is event `d - article_event.len()`, and an article's document counts as the
    /// event `article_event` gives it, if any (its publication).
    pub fn matching_events(&self, prefix: &str, article_event: &[Option<u32>], events: &mut Bits) {
        for i in self.words_beginning(prefix) {
            posting_events(self.posting(i), article_event, events);
        }
    }

    /// The postings of every word that begins with `prefix`.
    fn postings_of<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.words_beginning(prefix).map(move |i| self.posting(i))
    }

    /// The numbers of the words that begin with `prefix` (they sit together, sorted).
    pub(crate) fn words_beginning(&self, prefix: &str) -> std::ops::Range<usize> {
        // The first word not below the prefix; words with the prefix follow it.
        let (mut lo, mut hi) = (0, self.word_ends.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid) < prefix {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut end = lo;
        while end < self.word_ends.len() && self.word(end).starts_with(prefix) {
            end += 1;
        }
        lo..end
    }

    /// The words that begin with `prefix`, each with the number of documents holding
    /// it (for suggestions: a handful of candidates, so their postings are decoded).
    pub fn words_with_documents<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        self.words_beginning(prefix).map(move |i| {
            let mut docs = Bits::empty(self.docs as usize);
            read_posting(self.posting(i), &mut docs);
            (self.word(i), docs.count())
        })
    }

    /// Whether some word begins with `prefix`.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        !self.words_beginning(prefix).is_empty()
    }

    /// Word `i`'s postings.
    pub(crate) fn posting(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.posting_ends[i - 1] as usize };
        self.posting_ends.get(i).and_then(|&end| self.postings.get(start..end as usize)).unwrap_or(&[])
    }
}

/// Sets in `events` the events of one word's postings: document `d` from
/// `article_event.len()` on is event `d - article_event.len()`, and an article's
/// document counts as the event `article_event` gives it, if any (its publication).
pub(crate) fn posting_events(bytes: &[u8], article_event: &[Option<u32>], events: &mut Bits) {
    let articles = article_event.len();
    match bytes.split_first() {
        Some((&BITMAP, map)) => {
            // The articles' bits one at a time, the events' a word at a time.
            for (i, &byte) in map.iter().enumerate().take(articles.div_ceil(8)) {
                let mut byte = byte;
                while byte != 0 {
                    let d = i * 8 + byte.trailing_zeros() as usize;
                    byte &= byte - 1;
                    if let Some(&Some(e)) = article_event.get(d) {
                        events.set(e as usize);
                    }
                }
            }
            for (k, w) in events.words.iter_mut().enumerate() {
                *w |= bits_at(map, articles + 64 * k);
            }
            events.trim();
        }
        Some((_, list)) => each_list_doc(list, |d| match d.checked_sub(articles) {
            Some(e) => events.set(e),
            None => {
                if let Some(&Some(e)) = article_event.get(d) {
                    events.set(e as usize);
                }
            }
        }),
        None => {}
    }
}

/// A word's postings take one of two forms, whichever is shorter: `LIST`, then the
/// ascending document numbers as LEB128 gaps; or `BITMAP`, then one bit per document
/// (little-endian bytes), for words most documents hold.
const LIST: u8 = 0;
pub(crate) const BITMAP: u8 = 1;

fn write_posting(out: &mut Vec<u8>, docs: impl Iterator<Item = u32> + Clone, count: usize, total: usize) {
    let mut list = vec![LIST];
    let mut previous: Option<u32> = None;
    for doc in docs.clone() {
        crate::varint::put_varint(&mut list, u64::from(doc - previous.map_or(0, |p| p + 1)));
        previous = Some(doc);
    }
    let bitmap_len = 1 + total.div_ceil(8);
    if count > 0 && bitmap_len < list.len() {
        let at = out.len();
        out.push(BITMAP);
        out.resize(at + bitmap_len, 0);
        for doc in docs {
            out[at + 1 + doc as usize / 8] |= 1 << (doc % 8);
        }
    } else {
        out.extend_from_slice(&list);
    }
}

/// Sets the documents of one word's postings in `out`; damaged postings set what
/// they can and never panic.
pub(crate) fn read_posting(bytes: &[u8], out: &mut Bits) {
    match bytes.split_first() {
        Some((&BITMAP, map)) => {
            for (w, chunk) in out.words.iter_mut().zip(map.chunks(8)) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                *w |= u64::from_le_bytes(word);
            }
            out.trim();
        }
        Some((_, list)) => each_list_doc(list, |d| out.set(d)),
        None => {}
    }
}

/// Runs `each` over the document numbers of a `LIST` posting (after its tag); damaged
/// bytes end it. A plain loop, as in `read_varint`: the size-built wasm left an
/// iterator's `next` out of line here, a call per posting.
#[inline(always)]
pub(crate) fn each_list_doc(mut list: &[u8], mut each: impl FnMut(usize)) {
    let mut next = 0u32;
    while let Some((delta, rest)) = read_varint(list) {
        list = rest;
        let d = next.saturating_add(delta);
        next = d.saturating_add(1);
        each(d as usize);
    }
}

/// The 64 bits of a little-endian bitmap from bit `bit` on (zeros past its end).
pub(crate) fn bits_at(map: &[u8], bit: usize) -> u64 {
    let (byte, shift) = (bit / 8, bit % 8);
    let from = map.get(byte..).unwrap_or(&[]);
    // Byte by byte, not `copy_from_slice` into a buffer: the size-built wasm made that
    // a call per 64 events.
    let mut bits: u128 = 0;
    let mut i = 0;
    while i < 9 && i < from.len() {
        bits |= u128::from(from[i]) << (8 * i);
        i += 1;
    }
    (bits >> shift) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use crate::event_words::{EventWords, ascending_union, common_prefix};

    fn index(docs: &[&str]) -> TextIndex {
        TextIndex::build(docs.iter().map(|d| words(d).collect::<Vec<_>>()))
    }

    #[test]
    fn a_document_read_into_one_buffer_is_its_words_sorted_once_each() {
        let texts = ["Türkiye's navy met Greece's navy.", "", "ÉTÉ été 2021, 2021 and été"];
        let buffers: Vec<DocWords> = texts
            .iter()
            .map(|t| {
                let mut doc = DocWords::default();
                for_each_word(t, |w| doc.push(w));
                doc.sort();
                doc
            })
            .collect();
        for (doc, text) in buffers.iter().zip(texts) {
            let mut expected: Vec<String> = words(text).collect();
            expected.sort();
            expected.dedup();
            assert_eq!(doc.iter().collect::<Vec<_>>(), expected, "{text}");
        }
        assert_eq!(TextIndex::build(buffers), index(&texts));
    }

    #[test]
    fn events_found_in_one_pass_are_the_documents_renumbered() {
        // 70 articles (not a whole number of bytes or words), then 300 events; "common"
        // is in most documents (a bitmap), "rare" in a few (a list), "mid" in between.
        let mut docs: Vec<Vec<String>> = Vec::new();
        let mut seed = 3u64;
        for d in 0..370 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let mut w = Vec::new();
            if seed >> 61 != 0 {
                w.push("common".to_owned());
            }
            if d % 61 == 5 {
                w.push("rare".to_owned());
            }
            if d == 188 || d == 330 {
                w.push("rarer".to_owned());
            }
            // An article's publication (event 233) listed before an event numbered lower.
            if d == 66 || d == 127 {
                w.push("lone".to_owned());
            }
            if (seed >> 20).is_multiple_of(3) {
                w.push("mid".to_owned());
            }
            if d % 20 == 9 {
                w.push("some".to_owned());
            }
            docs.push(w);
        }
        let index = TextIndex::build(docs);
        let forms: Vec<u8> = index.parts().1.iter().map(|p| p[0]).collect();
        assert!(forms.contains(&BITMAP) && forms.contains(&LIST), "both forms tested: {forms:?}");
        // Every third article has a publication event, numbered from the end.
        let article_event: Vec<Option<u32>> = (0..70).map(|a| (a % 3 == 0).then_some(299 - a as u32)).collect();
        // The same, decoded once a word at a time: "common" and "mid" as bits from a
        // bitmap, "some" as bits from a list (one event in 20), "rare", "rarer" (one
        // event of which "rare" holds too) and "lone" as lists.
        let mut decoded = EventWords::new(300);
        let mut slices = 0;
        while !decoded.build_some(&index, &article_event, 1) {
            slices += 1;
        }
        assert_eq!(slices, index.word_count() - 1);
        assert_eq!(decoded.dense.len(), 3, "common, mid and some are kept as bits");
        assert_eq!(
            decoded.slots.iter().filter(|s| s.0 != u32::MAX).count(),
            3,
            "rare, rarer and lone are kept as lists"
        );
        const LISTED: [&str; 5] = ["rare", "rar", "rarer", "lone", "absent"];
        for prefix in ["common", "rare", "rar", "rarer", "lone", "mid", "some", "m", "", "absent"] {
            let mut expected = Bits::empty(300);
            for d in hits(&index, prefix) {
                match d.checked_sub(70) {
                    Some(e) => expected.set(e),
                    None => {
                        if let Some(e) = article_event[d] {
                            expected.set(e as usize);
                        }
                    }
                }
            }
            let mut events = Bits::empty(300);
            index.matching_events(prefix, &article_event, &mut events);
            assert_eq!(events.ones().collect::<Vec<_>>(), expected.ones().collect::<Vec<_>>(), "prefix {prefix:?}");
            let mut from_decoded = Bits::empty(300);
            decoded.matching(&index, prefix, &mut from_decoded);
            assert_eq!(from_decoded, expected, "prefix {prefix:?}, decoded");
            let shared = decoded.matching_shared(&index, prefix);
            assert_eq!(shared.to_bits(300), expected, "prefix {prefix:?}, shared");
            match &shared {
                Events::Few(few) => {
                    assert!(LISTED.contains(&prefix), "prefix {prefix:?} gave a list");
                    assert!(few.windows(2).all(|w| w[0] < w[1]), "prefix {prefix:?}: listed once each, ascending");
                }
                Events::Bits(_) => assert!(!LISTED.contains(&prefix), "prefix {prefix:?} gave bits"),
            }
        }
    }

    #[test]
    fn prefixes_of_many_common_words_are_gathered_once_and_found_alike() {
        // 640 events (a pass over a set is 10 steps), no articles: words sharing
        // prefixes, some common (bits), some rare (lists, of up to 20 events), and one
        // word alone; "stat", "sta" and "s" each begin words costing more than
        // PREFIX_PASSES passes.
        let vocabulary = [
            ("sta", 2),
            ("stab", 3),
            ("stable", 5),
            ("stadium", 40),
            ("staff", 2),
            ("stage", 7),
            ("state", 2),
            ("statement", 34),
            ("states", 33),
            ("station", 35),
            ("statue", 36),
            ("stop", 2),
            ("store", 60),
            ("zeta", 2),
            ("zebra", 300),
        ];
        let docs = (0..640).map(|d| {
            vocabulary.iter().filter(|(_, every)| d % every == 1).map(|(w, _)| w.to_string()).collect::<Vec<String>>()
        });
        let index = TextIndex::build(docs);
        let mut decoded = EventWords::new(640);
        while !decoded.build_some(&index, &[], 3) {}
        let runs = decoded.runs.clone().unwrap_or_default();
        assert!(runs.len() >= 3, "some runs are gathered: {runs:?}");
        assert_eq!(runs.len(), decoded.run_events.len());
        // Each run is every word some prefix begins, and costs more than it may.
        for (&(first, end), events) in runs.iter().zip(&decoded.run_events) {
            let (a, b) = (index.word(first as usize), index.word(end as usize - 1));
            let prefix = &a[..common_prefix(a, b)];
            assert_eq!(index.words_beginning(prefix), first as usize..end as usize, "run of {prefix:?}");
            let mut expected = Bits::empty(640);
            decoded.matching(&index, prefix, &mut expected);
            assert_eq!(**events, expected, "run of {prefix:?}");
        }
        // Every prefix of every word, and some that begin none, found alike; those a
        // run stands for come as the run's own set.
        let mut prefixes: Vec<String> = vec!["x".into(), "stx".into(), "zz".into()];
        for (w, _) in vocabulary {
            prefixes.extend((1..=w.len()).map(|l| w[..l].to_owned()));
        }
        let mut shared = 0;
        for prefix in &prefixes {
            let mut expected = Bits::empty(640);
            decoded.matching(&index, prefix, &mut expected);
            let found = decoded.matching_shared(&index, prefix);
            assert_eq!(found.to_bits(640), expected, "prefix {prefix:?}");
            let words = index.words_beginning(prefix);
            let is_run = runs.binary_search(&(words.start as u32, words.end as u32));
            if let (Ok(k), Events::Bits(bits)) = (is_run, &found) {
                assert!(Arc::ptr_eq(bits, &decoded.run_events[k]), "prefix {prefix:?} is its run's set");
                shared += 1;
            } else {
                assert!(is_run.is_err(), "prefix {prefix:?} gave its own set");
            }
        }
        assert!(shared >= 4, "{shared} prefixes found as runs");
        assert!(matches!(decoded.matching_shared(&index, "s"), Events::Bits(_)));
    }

    #[test]
    fn an_ascending_union_orders_any_numbers_once_each() {
        let mut seed = 5u64;
        for len in [0usize, 1, 2, 3, 10, 100, 1000] {
            for spread in [2u64, 50, 100_000] {
                let mut values: Vec<u32> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        ((seed >> 33) % spread) as u32
                    })
                    .collect();
                // Some ascending stretches, as the lists it is given have.
                if len > 10 {
                    values[..len / 2].sort_unstable();
                }
                let expected: Vec<u32> =
                    values.iter().copied().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
                ascending_union(&mut values);
                assert_eq!(values, expected, "len {len}, spread {spread}");
            }
        }
    }

    #[test]
    fn events_intersect_alike_as_bits_or_as_lists() {
        let mut seed = 11u64;
        let mut random = |len: usize, one_in: u64| {
            let mut b = Bits::empty(len);
            for i in 0..len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                if (seed >> 33).is_multiple_of(one_in) {
                    b.set(i);
                }
            }
            b
        };
        let as_list = |b: &Bits| Events::Few(b.ones().map(|e| e as u32).collect());
        for (one_in, other_one_in) in [(2, 3), (40, 2), (40, 50), (1, 90)] {
            let (a, b) = (random(1000, one_in), random(1000, other_one_in));
            let mut expected = a.clone();
            expected.and_with(&b);
            for left in [Events::from(a.clone()), as_list(&a)] {
                for right in [Events::from(b.clone()), as_list(&b)] {
                    let both = left.clone().and(&right);
                    let listed = matches!(left, Events::Few(_)) || matches!(right, Events::Few(_));
                    assert_eq!(matches!(both, Events::Few(_)), listed, "a list stays a list");
                    assert_eq!(both.to_bits(1000), expected, "{one_in}, {other_one_in}, {left:?} and {right:?}");
                    assert!((0..1000).all(|e| both.contains(e) == expected.get(e)));
                }
            }
        }
    }

    fn hits(index: &TextIndex, prefix: &str) -> Vec<usize> {
        let mut b = Bits::empty(index.docs());
        index.matching(prefix, &mut b);
        b.ones().collect()
    }

    #[test]
    fn words_fold_and_split_on_anything_not_a_letter_or_digit() {
        let w: Vec<String> = words("Türkiye's 44-day war, Naxçıvan; Москва!").collect();
        assert_eq!(w, ["turkiye", "s", "44", "day", "war", "naxcivan", "москва"]);
    }

    #[test]
    fn a_prefix_finds_every_document_with_a_word_it_begins() {
        let idx = index(&["Ministers met in Türkiye", "Turkish troops", "The turkey farm", "Nothing here", "TURKMEN"]);
        assert_eq!(hits(&idx, "turk"), [0, 1, 2, 4]);
        assert_eq!(hits(&idx, "turkiye"), [0]);
        assert_eq!(hits(&idx, "turkiyes"), Vec::<usize>::new());
        assert_eq!(hits(&idx, "here"), [3]);
        assert_eq!(hits(&idx, "ere"), Vec::<usize>::new(), "not inside a word");
        assert_eq!(hits(&idx, "zzz"), Vec::<usize>::new());
        assert_eq!(idx.word_count(), 12);
    }

    #[test]
    fn postings_survive_large_gaps_and_many_documents() {
        let mut docs: Vec<Vec<String>> = vec![Vec::new(); 100_000];
        for d in [0usize, 1, 127, 128, 16_384, 99_999] {
            docs[d] = vec!["rare".into()];
        }
        let idx = TextIndex::build(docs);
        assert_eq!(hits(&idx, "rare"), [0, 1, 127, 128, 16_384, 99_999]);
    }

    #[test]
    fn common_words_are_stored_as_bitmaps_and_read_the_same() {
        let docs: Vec<String> =
            (0..200).map(|i| if i % 20 == 0 { "rare common".into() } else { "common".into() }).collect();
        let idx = TextIndex::build(docs.iter().map(|d| words(d).collect::<Vec<_>>()));
        let (_, postings, _) = idx.parts();
        assert_eq!(postings[0][0], BITMAP, "a word in every document is a bitmap");
        assert_eq!(postings[1][0], LIST, "a word in one document of twenty is a list");
        assert_eq!(hits(&idx, "common"), (0..200).collect::<Vec<_>>());
        assert_eq!(hits(&idx, "rare"), (0..200).filter(|i| i % 20 == 0).collect::<Vec<_>>());
        assert_eq!(hits(&idx, ""), (0..200).collect::<Vec<_>>());
    }

    #[test]
    fn ones_walks_from_both_ends_and_shifts_keep_every_bit() {
        // A fixed pseudo-random sequence of sets, walked in mixed directions.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in [0usize, 1, 63, 64, 65, 130, 700] {
            let mut b = Bits::empty(len);
            let mut want: Vec<usize> = Vec::new();
            for i in 0..len {
                if next() % 3 == 0 {
                    b.set(i);
                    want.push(i);
                }
            }
            assert_eq!(b.ones().collect::<Vec<_>>(), want);
            assert_eq!(b.ones().rev().collect::<Vec<_>>(), want.iter().rev().copied().collect::<Vec<_>>());
            let mut it = b.ones();
            let (mut front, mut back) = (Vec::new(), Vec::new());
            loop {
                let step = if next() % 2 == 0 {
                    it.next().map(|x| front.push(x))
                } else {
                    it.next_back().map(|x| back.push(x))
                };
                if step.is_none() {
                    break;
                }
            }
            back.reverse();
            front.extend(back);
            assert_eq!(front, want, "mixed walk over {len} bits");
            for from in [0usize, 1, 5, 63, 64, 100] {
                let mut shifted = Bits::empty(len.saturating_sub(from));
                shifted.or_shifted(&b, from);
                let expect: Vec<usize> = want.iter().filter(|&&i| i >= from).map(|i| i - from).collect();
                assert_eq!(shifted.ones().collect::<Vec<_>>(), expect, "{len} bits from {from}");
            }
        }
    }

    #[test]
    fn bits_combine() {
        let mut a = Bits::full(70);
        assert_eq!(a.count(), 70);
        let mut b = Bits::empty(70);
        b.set(3);
        b.set(69);
        b.set(70);
        assert_eq!(b.ones().collect::<Vec<_>>(), [3, 69]);
        assert_eq!(b.ones().rev().collect::<Vec<_>>(), [69, 3]);
        a.and_with(&b);
        assert_eq!(a.count(), 2);
        a.invert();
        assert_eq!(a.count(), 68);
        assert!(!a.get(3) && a.get(4));
        assert_eq!(a.count_and(&b), 0);
    }
}
