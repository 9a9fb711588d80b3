//! The embedded corpus format: `MAGIC`, a little-endian `u16` format version, then the
//! `Corpus` and its full-text index (`search::TextIndex`) split into streams. The
//! pipeline writes it at build time (`build.rs`), the app reads it once at start-up.
//! Bump `FORMAT_VERSION` whenever the layout or a type in this crate changes shape,
//! so a stale blob is reported instead of misread.
//!
//! The layout is chosen for size after compression, since the bytes travel inside
//! the wasm: text is stored once (a recycled passage, an event's source sentence, its
//! summary and its date's evidence point into the paragraph they come from instead
//! of repeating it), ids that follow from a name or a date are recomputed instead
//! of stored, and like values sit together in their own stream (all paragraphs, then
//! all other strings, small numbers, offsets, dates as deltas, mentions as deltas),
//! which brotli compresses far better than the same values interleaved.
//!
//! Every value the encoder cannot express as a reference it stores literally, so any
//! `Corpus` round-trips exactly; the decoder checks every reference and length and
//! reports damage as [`DecodeError::Malformed`] rather than panicking.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::corpus::{Article, Corpus, Recycled};
use crate::text::Text;
pub(crate) use crate::varint::put_varint;
use crate::date::{Basis, Date, DateSpan, Precision};
use crate::entity::{Alias, Entity, EntityKind, Mention, Related, Role};
use crate::event::{Event, EventKind, Source};
use crate::bits::Bits;
use crate::search::TextIndex;

pub const MAGIC: [u8; 4] = *b"CHRN";
pub const FORMAT_VERSION: u16 = 8;

/// Why embedded bytes could not be read as a corpus.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotACorpus,
    WrongVersion { found: u16, expected: u16 },
    Malformed(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotACorpus => write!(f, "the embedded data is not a Chronicle corpus"),
            DecodeError::WrongVersion { found, expected } => write!(
                f,
                "the embedded corpus has format version {found}, this app reads version {expected}; rebuild the site"
            ),
            DecodeError::Malformed(why) => write!(f, "the embedded corpus is damaged: {why}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The streams, in file order. Each holds one sort of value.
const STREAMS: usize = 11;
/// Article titles and paragraphs.
const BODY: usize = 0;
/// Every other string.
const TEXT: usize = 1;
/// Counts, flags and kinds.
const SMALL: usize = 2;
/// Article and paragraph numbers, byte offsets and lengths into text.
const REFS: usize = 3;
/// Dates, each as the difference from the previous one in its list.
const DATES: usize = 4;
/// Entity mentions as differences from the previous mention.
const MENTIONS: usize = 5;
/// The index's words, each as the length it shares with the previous word and the rest.
const WORDS: usize = 6;
/// The index's postings, as `search::TextIndex` holds them.
const POSTINGS: usize = 7;
/// Events' sources: article and paragraph numbers.
const SOURCES: usize = 8;
/// Where source sentences, summaries and evidence sit in their text.
const SPANS: usize = 9;
/// Entity numbers: events' entities and related entities.
const ENTITY_REFS: usize = 10;

/// Serialises a corpus, and the text index built from it, into the embedded format.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut w = Writer { streams: Default::default(), last_date: [0; 2] };
    write_corpus(&mut w, corpus);
    write_index(&mut w, &TextIndex::for_corpus(corpus));
    let mut out = Vec::with_capacity(w.streams.iter().map(Vec::len).sum::<usize>() + 64);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    for s in &w.streams {
        put_varint(&mut out, s.len() as u64);
    }
    for s in &w.streams {
        out.extend_from_slice(s);
    }
    out
}

/// The streams of an encoded corpus, named, for reports on where the bytes go;
/// `None` when the bytes are not a corpus of this version.
pub fn streams(bytes: &[u8]) -> Option<Vec<(&'static str, &[u8])>> {
    const NAMES: [&str; STREAMS] = ["body", "text", "small", "refs", "dates", "mentions", "words", "postings", "sources", "spans", "entity refs"];
    let streams = split(bytes).ok()?;
    Some(NAMES.iter().copied().zip(streams).collect())
}

/// Reads the corpus written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    decode_with_search(bytes).map(|(corpus, _)| corpus)
}

/// Reads the corpus and its text index written by [`encode`].
pub fn decode_with_search(bytes: &[u8]) -> Result<(Corpus, TextIndex), DecodeError> {
    decode_all(bytes).map(|(corpus, index, _)| (corpus, index))
}

/// [`decode_with_search`], and the events told only in recycled passages (what
/// [`crate::query::recycled_events`] finds by searching text), found from where the
/// stored sentences and passages sit in their paragraphs: what the app decodes.
pub fn decode_all(bytes: &[u8]) -> Result<(Corpus, TextIndex, Bits), DecodeError> {
    decode_with(bytes, |s| Cow::Owned(s.to_owned()))
}

/// [`decode_all`] of bytes that live as long as the program (the app's embedded
/// corpus): the text it stores as it reads (paragraphs, titles, furniture, file names)
/// and the sentences, passages and summaries that are slices of it are borrowed from
/// `bytes`, not copied (at 10,000 articles the paragraphs, the recycled passages with
/// their first articles' ids, and the source sentences alone are about 580,000 strings).
pub fn decode_static(bytes: &'static [u8]) -> Result<(Corpus, TextIndex, Bits), DecodeError> {
    decode_with(bytes, Cow::Borrowed)
}

fn decode_with<'a>(bytes: &'a [u8], keep: fn(&'a str) -> Text) -> Result<(Corpus, TextIndex, Bits), DecodeError> {
    Decoder::with(bytes, keep)?.finish()
}

/// A decode done a slice at a time, so that a large corpus need not be read in one
/// long task (the app reads the embedded corpus between frames while the page already
/// shows its preview). [`Decoder::step`] reads a few items at a time; reading it all
/// at once is [`decode_static`].
pub struct Decoder<'a> {
    r: Reader<'a>,
    corpus: Corpus,
    /// Recycled passages whose first article is resolved once every article is read:
    /// (article, passage, the first article's number or `PREDICTED`).
    origins: Vec<(u32, u32, u32)>,
    passages: Passages,
    recycled: Bits,
    index: Option<TextIndex>,
    stage: Stage,
    /// What is left to read of the current stage.
    left: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Articles,
    Entities,
    Events,
    Index,
    Done,
}

impl Decoder<'static> {
    /// A decoder of bytes that live as long as the program, reading their text in
    /// place as [`decode_static`] does.
    pub fn of_static(bytes: &'static [u8]) -> Result<Decoder<'static>, DecodeError> {
        Decoder::with(bytes, Cow::Borrowed)
    }
}

impl<'a> Decoder<'a> {
    fn with(bytes: &'a [u8], keep: fn(&'a str) -> Text) -> Result<Decoder<'a>, DecodeError> {
        let streams = split(bytes)?;
        let mut r = Reader { streams: streams.map(|s| Cursor { bytes: s, at: 0 }), last_date: [0; 2], keep };
        let left = r.count(SMALL)?;
        let mut corpus = Corpus::default();
        corpus.articles.reserve(left);
        Ok(Decoder {
            r,
            corpus,
            origins: Vec::new(),
            passages: Passages::default(),
            recycled: Bits::default(),
            index: None,
            stage: Stage::Articles,
            left,
        })
    }

    /// Reads about `items` more items (an article, an entity or an event each; the
    /// steps between the kinds count as one) and says whether everything is read.
    /// After an error the decoder is of no further use.
    pub fn step(&mut self, mut items: usize) -> Result<bool, DecodeError> {
        let r = &mut self.r;
        let c = &mut self.corpus;
        while items > 0 {
            items -= 1;
            match self.stage {
                Stage::Articles if self.left > 0 => {
                    self.left -= 1;
                    self.passages.first.push(self.passages.all.len() as u32);
                    let a = read_article(r, c.articles.len() as u32, &mut self.origins, &mut self.passages.all)?;
                    c.articles.push(a);
                }
                Stage::Articles => {
                    self.passages.first.push(self.passages.all.len() as u32);
                    self.left = r.count(SMALL)?;
                    c.entities.reserve(self.left);
                    self.stage = Stage::Entities;
                }
                Stage::Entities if self.left > 0 => {
                    self.left -= 1;
                    c.entities.push(read_entity(r)?);
                }
                Stage::Entities => {
                    resolve_origins(c, std::mem::take(&mut self.origins))?;
                    self.left = r.count(SMALL)?;
                    c.events.reserve(self.left);
                    self.recycled = Bits::empty(self.left);
                    self.stage = Stage::Events;
                }
                Stage::Events if self.left > 0 => {
                    self.left -= 1;
                    let (e, in_background) = read_event(r, c, &self.passages)?;
                    if in_background {
                        self.recycled.set(c.events.len());
                    }
                    c.events.push(e);
                }
                Stage::Events => self.stage = Stage::Index,
                Stage::Index => {
                    self.index = Some(read_index(r)?);
                    if r.streams.iter().any(|s| s.at != s.bytes.len()) {
                        return Err(malformed("bytes are left over in a stream").into());
                    }
                    self.stage = Stage::Done;
                }
                Stage::Done => break,
            }
        }
        Ok(self.stage == Stage::Done)
    }

    /// Reads whatever is left: the corpus, its text index, and the events told only in
    /// recycled passages (as [`decode_all`] gives them).
    pub fn finish(mut self) -> Result<(Corpus, TextIndex, Bits), DecodeError> {
        while !self.step(usize::MAX)? {}
        let index = self.index.take().unwrap_or_default();
        Ok((self.corpus, index, self.recycled))
    }
}

/// What is wrong with damaged data: a fixed message, so that the many checks of the
/// decoder compile to little code.
#[derive(Clone, Copy, Debug)]
struct Damage(&'static str);

impl From<Damage> for DecodeError {
    fn from(d: Damage) -> DecodeError {
        DecodeError::Malformed(d.0.to_owned())
    }
}

fn malformed(why: &'static str) -> Damage {
    Damage(why)
}

fn split(bytes: &[u8]) -> Result<[&[u8]; STREAMS], DecodeError> {
    let rest = bytes.strip_prefix(&MAGIC).ok_or(DecodeError::NotACorpus)?;
    let (version, body) = rest.split_at_checked(2).ok_or(DecodeError::NotACorpus)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(DecodeError::WrongVersion { found, expected: FORMAT_VERSION });
    }
    let mut header = Cursor { bytes: body, at: 0 };
    let mut lens = [0usize; STREAMS];
    for len in &mut lens {
        *len = usize::try_from(header.varint()?).map_err(|_| malformed("a stream is too long"))?;
    }
    let mut rest = &body[header.at..];
    let mut streams: [&[u8]; STREAMS] = [&[]; STREAMS];
    for (s, len) in streams.iter_mut().zip(lens) {
        let (this, next) = rest.split_at_checked(len).ok_or_else(|| malformed("the data ends inside a stream"))?;
        *s = this;
        rest = next;
    }
    if !rest.is_empty() {
        return Err(malformed("bytes follow the last stream").into());
    }
    Ok(streams)
}

// ---------------------------------------------------------------------------------
// Primitives.

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// Strings end with a 0 byte; a 0 or 1 byte inside one is written as 1 and then itself.
fn put_str(out: &mut Vec<u8>, s: &str) {
    for &b in s.as_bytes() {
        if b <= 1 {
            out.push(1);
        }
        out.push(b);
    }
    out.push(0);
}

/// A date as one ordered number, lossless for any field values.
fn pack(d: Date) -> i64 {
    (i64::from(d.year) << 16) | (i64::from(d.month) << 8) | i64::from(d.day)
}

fn unpack(n: i64) -> Result<Date, Damage> {
    let year = i16::try_from(n >> 16).map_err(|_| malformed("a year is out of range"))?;
    Ok(Date { year, month: (n >> 8) as u8, day: n as u8 })
}

struct Writer {
    streams: [Vec<u8>; STREAMS],
    /// The previous date of each list (events, publications).
    last_date: [i64; 2],
}

/// The two lists of dates: events (in timeline order), then publications (in article order).
const EVENT_DATES: usize = 0;
const PUBLICATION_DATES: usize = 1;

impl Writer {
    fn num(&mut self, stream: usize, n: usize) {
        put_varint(&mut self.streams[stream], n as u64);
    }
    fn u(&mut self, stream: usize, n: u32) {
        put_varint(&mut self.streams[stream], u64::from(n));
    }
    fn signed(&mut self, stream: usize, n: i64) {
        put_varint(&mut self.streams[stream], zigzag(n));
    }
    fn str(&mut self, stream: usize, s: &str) {
        put_str(&mut self.streams[stream], s);
    }
    fn flag(&mut self, b: bool) {
        self.streams[SMALL].push(u8::from(b));
    }
    fn date(&mut self, list: usize, d: Date) {
        let n = pack(d);
        self.signed(DATES, n - self.last_date[list]);
        self.last_date[list] = n;
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn varint(&mut self) -> Result<u64, Damage> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at).ok_or_else(|| malformed("a stream ends early"))?;
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(malformed("a number is too long"))
    }

    /// A string as stored: borrowed from the bytes when it needed no escapes (almost
    /// always), else unescaped into a copy.
    fn str(&mut self) -> Result<Cow<'a, str>, Damage> {
        let bytes: &'a [u8] = self.bytes;
        let rest = &bytes[self.at..];
        let end = rest.iter().position(|&b| b <= 1).ok_or_else(|| malformed("a string is not terminated"))?;
        if rest[end] == 0 {
            self.at += end + 1;
            return std::str::from_utf8(&rest[..end]).map(Cow::Borrowed).map_err(|_| malformed("a string is not UTF-8"));
        }
        let mut out = Vec::with_capacity(end + 16);
        let mut i = 0;
        loop {
            match rest.get(i) {
                None => return Err(malformed("a string is not terminated")),
                Some(0) => break,
                Some(1) => {
                    out.push(*rest.get(i + 1).ok_or_else(|| malformed("a string is not terminated"))?);
                    i += 2;
                }
                Some(&b) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        self.at += i + 1;
        String::from_utf8(out).map(Cow::Owned).map_err(|_| malformed("a string is not UTF-8"))
    }
}

struct Reader<'a> {
    streams: [Cursor<'a>; STREAMS],
    last_date: [i64; 2],
    /// How a string of the bytes becomes corpus text: borrowed when the bytes live as
    /// long as the program ([`decode_static`]), else copied.
    keep: fn(&'a str) -> Text,
}

impl<'a> Reader<'a> {
    fn u(&mut self, stream: usize) -> Result<u32, Damage> {
        u32::try_from(self.streams[stream].varint()?).map_err(|_| malformed("a number is out of range"))
    }
    /// A count of items to follow, checked against the bytes left so that damaged
    /// data cannot ask for a huge allocation.
    fn count(&mut self, stream: usize) -> Result<usize, Damage> {
        let n = self.u(stream)? as usize;
        let left: usize = self.streams.iter().map(|s| s.bytes.len() - s.at).sum();
        if n > left {
            return Err(malformed("a count exceeds the data"));
        }
        Ok(n)
    }
    fn signed(&mut self, stream: usize) -> Result<i64, Damage> {
        Ok(unzigzag(self.streams[stream].varint()?))
    }
    fn str(&mut self, stream: usize) -> Result<String, Damage> {
        self.streams[stream].str().map(Cow::into_owned)
    }
    /// [`Reader::str`] as corpus text, read in place where it can be.
    fn text(&mut self, stream: usize) -> Result<Text, Damage> {
        Ok(match self.streams[stream].str()? {
            Cow::Borrowed(s) => (self.keep)(s),
            Cow::Owned(s) => Cow::Owned(s),
        })
    }
    fn byte(&mut self) -> Result<u8, Damage> {
        let s = &mut self.streams[SMALL];
        let b = *s.bytes.get(s.at).ok_or_else(|| malformed("a stream ends early"))?;
        s.at += 1;
        Ok(b)
    }
    fn flag(&mut self) -> Result<bool, Damage> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(malformed("a flag is neither 0 nor 1")),
        }
    }
    fn date(&mut self, list: usize) -> Result<Date, Damage> {
        let n = self.last_date[list].checked_add(self.signed(DATES)?).ok_or_else(|| malformed("a date is out of range"))?;
        self.last_date[list] = n;
        unpack(n)
    }
}

/// `text[start..start + len]` when that is a whole, in-bounds slice.
fn slice(text: &str, start: u32, len: u32) -> Result<&str, Damage> {
    let (start, end) = (start as usize, start as usize + len as usize);
    text.get(start..end).ok_or_else(|| malformed("a text reference is out of bounds"))
}

/// [`slice`] as corpus text: still read in place when `text` is.
fn sub(text: &Text, start: u32, len: u32) -> Result<Text, Damage> {
    Ok(match text {
        Cow::Borrowed(whole) => {
            let whole: &'static str = whole;
            Cow::Borrowed(slice(whole, start, len)?)
        }
        Cow::Owned(whole) => Cow::Owned(slice(whole, start, len)?.to_owned()),
    })
}

/// [`stem`] of corpus text, still read in place when the text is.
fn stem_text(file: &Text) -> Text {
    // A stem is a whole prefix of its file name, so the slice always fits.
    sub(file, 0, stem(file).len() as u32).unwrap_or_else(|_| Cow::Owned(stem(file).to_owned()))
}

/// Where `part` sits in `whole`, as the encoder's references write it.
fn find(whole: &str, part: &str) -> Option<(u32, u32)> {
    if part.is_empty() {
        return None;
    }
    whole.find(part).map(|at| (at as u32, part.len() as u32))
}

// ---------------------------------------------------------------------------------
// Ids that follow from content.

/// The words of `text` as an id spells them: folded, joined by `-`.
pub fn slug_words(text: &str, at_most: usize) -> String {
    // Folds as it goes and stops after the last word wanted: ids of events take six
    // words of a summary, and the decoder derives thousands of them.
    let mut out = String::with_capacity(text.len().min(48));
    slug_words_into(text, at_most, &mut out);
    out
}

fn slug_words_into(text: &str, at_most: usize, out: &mut String) {
    let (mut words, mut in_word) = (0usize, false);
    // Adds one folded character; false once every word wanted is in.
    let mut take = |f: char, out: &mut String| -> bool {
        if !f.is_alphanumeric() {
            in_word = false;
            return true;
        }
        if !in_word {
            if words == at_most {
                return false;
            }
            if words > 0 {
                out.push('-');
            }
            words += 1;
            in_word = true;
        }
        out.push(f);
        true
    };
    let mut piece = String::new();
    for c in text.chars() {
        // ASCII folds to its lowercase; only other letters need the folding tables.
        if c.is_ascii() {
            if !take(c.to_ascii_lowercase(), out) {
                return;
            }
        } else {
            piece.clear();
            crate::text::fold_char(c, &mut piece);
            for f in piece.chars() {
                if !take(f, out) {
                    return;
                }
            }
        }
    }
}

/// The id an event of this kind, date and summary gets before any `-2`, `-3` suffix
/// that tells apart events which would otherwise share it. A publication's id names
/// its article.
pub fn event_base_id(kind: EventKind, start: Date, summary: &str, article_id: &str) -> String {
    // One allocation: the decoder derives an id for every event before the first paint.
    if kind == EventKind::Publication {
        let mut id = String::with_capacity(12 + article_id.len());
        id.push_str("publication:");
        id.push_str(article_id);
        id
    } else {
        let mut id = String::with_capacity(17 + summary.len().min(48));
        id.push_str("event:");
        start.push_iso(&mut id);
        id.push('-');
        slug_words_into(summary, 6, &mut id);
        id
    }
}

/// Writes an id as 1 when it is `base`, n when it is `base-n` (n ≥ 2), or 0 and the
/// id itself.
fn write_id(w: &mut Writer, id: &str, base: &str) {
    if id == base {
        w.u(SMALL, 1);
        return;
    }
    if let Some(n) = id.strip_prefix(base).and_then(|r| r.strip_prefix('-')).and_then(|n| n.parse::<u32>().ok())
        && n >= 2
        && id == format!("{base}-{n}")
    {
        w.u(SMALL, n);
        return;
    }
    w.u(SMALL, 0);
    w.str(TEXT, id);
}

fn read_id(r: &mut Reader, base: impl FnOnce() -> String) -> Result<String, Damage> {
    match r.u(SMALL)? {
        0 => r.str(TEXT),
        1 => Ok(base()),
        n => {
            let mut id = base();
            id.push('-');
            id.push_str(&n.to_string());
            Ok(id)
        }
    }
}

// ---------------------------------------------------------------------------------
// The corpus.

fn write_corpus(w: &mut Writer, c: &Corpus) {
    w.num(SMALL, c.articles.len());
    let origins = predict_recycled(&c.articles);
    // Article numbers by id (the first article with an id, as a scan would find), for
    // passages whose first article is not the predicted one: scanning every article
    // for each of them grew with the square of the corpus.
    let mut numbers: HashMap<&str, usize> = HashMap::with_capacity(c.articles.len());
    for (i, a) in c.articles.iter().enumerate() {
        numbers.entry(&*a.id).or_insert(i);
    }
    for (a, origins) in c.articles.iter().zip(&origins) {
        write_article(w, a, c, origins, &numbers);
    }
    w.num(SMALL, c.entities.len());
    for e in &c.entities {
        write_entity(w, e);
    }
    w.num(SMALL, c.events.len());
    for e in &c.events {
        write_event(w, e, c);
    }
}

/// Where each recycled passage sits in its paragraph, for every article: `(paragraph,
/// byte range)`, the range `None` for a passage stored as its own text. `first[a]` is
/// article `a`'s first passage in `all`.
#[derive(Default)]
struct Passages {
    first: Vec<u32>,
    all: Vec<(u32, Option<(u32, u32)>)>,
}

/// Names each recycled passage's first article, which may come after the passage's
/// own (`origins` as [`Decoder`] gathers them while reading the articles).
fn resolve_origins(c: &mut Corpus, origins: Vec<(u32, u32, u32)>) -> Result<(), Damage> {
    let predicted = if origins.iter().any(|o| o.2 == PREDICTED) { predict_recycled(&c.articles) } else { Vec::new() };
    for (a, k, origin) in origins {
        // A prediction gives the spread too; a stored first article comes with its own.
        let (first, count) = match origin {
            PREDICTED => {
                let p = predicted.get(a as usize).and_then(|p| p.get(k as usize));
                let (first, count) = p.copied().ok_or_else(|| malformed("a recycled passage is out of place"))?;
                (first, Some(count))
            }
            first => (first as usize, None),
        };
        let id = c.articles.get(first).ok_or_else(|| malformed("a recycled passage names no article"))?.id.clone();
        if let Some(rec) = c.articles.get_mut(a as usize).and_then(|x| x.recycled.get_mut(k as usize)) {
            rec.first_seen = id;
            if let Some(count) = count {
                rec.articles = count;
            }
        }
    }
    Ok(())
}

fn stem(file: &str) -> &str {
    match file.rfind('.') {
        Some(i) if i > 0 => &file[..i],
        _ => file,
    }
}

fn write_strings<S: AsRef<str>>(w: &mut Writer, list: &[S]) {
    w.num(SMALL, list.len());
    for s in list {
        w.str(TEXT, s.as_ref());
    }
}

fn read_strings(r: &mut Reader) -> Result<Vec<String>, Damage> {
    let n = r.count(SMALL)?;
    (0..n).map(|_| r.str(TEXT)).collect()
}

fn read_texts(r: &mut Reader) -> Result<Vec<Text>, Damage> {
    let n = r.count(SMALL)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(r.text(TEXT)?);
    }
    Ok(out)
}

fn write_span_tail(w: &mut Writer, s: &DateSpan) {
    w.signed(DATES, pack(s.end) - pack(s.start));
    w.streams[SMALL].push(precision_code(s.precision) * 2 + u8::from(s.basis == Basis::Inferred));
}

fn read_span_tail(r: &mut Reader, start: Date) -> Result<(Date, Precision, Basis), Damage> {
    let end = unpack(pack(start).checked_add(r.signed(DATES)?).ok_or_else(|| malformed("a date is out of range"))?)?;
    let code = r.byte()?;
    let precision = PRECISIONS.get(usize::from(code / 2)).copied().ok_or_else(|| malformed("unknown date precision"))?;
    let basis = if code % 2 == 1 { Basis::Inferred } else { Basis::Stated };
    Ok((end, precision, basis))
}

/// Codes are positions: a new precision is appended, so older codes keep their meaning.
const PRECISIONS: [Precision; 7] = [
    Precision::Day,
    Precision::Month,
    Precision::Season,
    Precision::Year,
    Precision::Range,
    Precision::Approximate,
    Precision::Quarter,
];

fn precision_code(p: Precision) -> u8 {
    PRECISIONS.iter().position(|&x| x == p).unwrap_or(0) as u8
}

fn write_article(w: &mut Writer, a: &Article, c: &Corpus, origins: &[(usize, u32)], numbers: &HashMap<&str, usize>) {
    w.str(TEXT, &a.file);
    let derived = stem(&a.file) == a.id;
    w.flag(derived);
    if !derived {
        w.str(TEXT, &a.id);
    }
    w.str(BODY, &a.title);
    w.flag(a.title_stated);
    write_strings(w, &a.authors);
    write_strings(w, &a.outlets);
    write_strings(w, &a.credited);
    match &a.published {
        None => w.flag(false),
        Some(p) => {
            w.flag(true);
            w.date(PUBLICATION_DATES, p.start);
            write_span_tail(w, p);
            w.str(TEXT, &p.evidence);
        }
    }
    w.num(SMALL, a.paragraphs.len());
    for p in &a.paragraphs {
        w.str(BODY, p);
    }
    write_strings(w, &a.removed);
    w.num(SMALL, a.recycled.len());
    for (k, rec) in a.recycled.iter().enumerate() {
        w.u(REFS, rec.paragraph);
        // 0 and the text, 1 for the whole paragraph, or 2 + its start and its length.
        let paragraph = a.paragraphs.get(rec.paragraph as usize);
        match paragraph.and_then(|p| find(p, &rec.text)) {
            _ if paragraph.is_some_and(|p| *p == rec.text) => w.u(SPANS, 1),
            Some((start, len)) => {
                w.u(SPANS, start + 2);
                w.u(SPANS, len);
            }
            None => {
                w.u(SPANS, 0);
                w.str(TEXT, &rec.text);
            }
        }
        // 0 when the passage's origin and spread are what its copies predict (see
        // `predict_recycled`), else 1 + the first article's number (or 0 and its id)
        // and the count.
        let (first, count) = origins[k];
        if (&*c.articles[first].id, count) == (&*rec.first_seen, rec.articles) {
            w.u(REFS, 0);
            continue;
        }
        match numbers.get(&*rec.first_seen) {
            Some(&i) => w.num(REFS, i + 2),
            None => {
                w.u(REFS, 1);
                w.str(TEXT, &rec.first_seen);
            }
        }
        w.u(SMALL, rec.articles);
    }
}

/// For each recycled passage of each article: the oldest article holding the same
/// text (dated before undated, then by date, then by id, as the pipeline ranks
/// them) and how many articles hold it. Usually exactly what each copy records, so
/// only exceptions are stored. Copies are grouped by their length and a 64-bit hash
/// of their text, not by comparing texts (sorting or comparing the texts themselves
/// costs the decoder more than the rest of the corpus): the encoder makes the same
/// prediction and stores whatever it gets wrong, so even a collision round-trips.
fn predict_recycled(articles: &[Article]) -> Vec<Vec<(usize, u32)>> {
    // (hash, length, article, passage), made in article and passage order and kept in
    // it within each hash by a stable radix sort on the hash alone (a comparison sort
    // of these was the decoder's largest single cost at 10,000 articles). The length is
    // part of the hash's seed, so copies of one hash and two lengths (which `chunk_by`
    // below would split) take a 64-bit collision.
    let mut copies: Vec<(u64, usize, usize, usize)> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        copies.extend(a.recycled.iter().enumerate().map(|(k, r)| (hash(&r.text), r.text.len(), i, k)));
    }
    radix_sort_by_hash(&mut copies);
    let age = |i: usize| {
        let a = &articles[i];
        (a.published.is_none(), a.published.as_ref().map(|p| p.start), &*a.id)
    };
    let mut out: Vec<Vec<(usize, u32)>> = articles.iter().map(|a| vec![(0, 0); a.recycled.len()]).collect();
    for same in copies.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
        // Copies are in article order within a group, so each holder's copies are together.
        let holders = same.chunk_by(|x, y| x.2 == y.2).count() as u32;
        let oldest = same.iter().map(|c| c.2).min_by(|&x, &y| age(x).cmp(&age(y))).unwrap_or(0);
        for c in same {
            out[c.2][c.3] = (oldest, holders);
        }
    }
    out
}

/// Sorts by the first field, a byte at a time from the lowest (stable: equal hashes
/// keep their order).
fn radix_sort_by_hash<T: Copy>(items: &mut Vec<(u64, T, T, T)>) {
    if items.len() < 2 {
        return;
    }
    let mut other = items.clone();
    for byte in 0..8 {
        let key = |x: &(u64, T, T, T)| (x.0 >> (8 * byte)) as u8 as usize;
        let mut starts = [0usize; 256];
        for x in items.iter() {
            starts[key(x)] += 1;
        }
        if starts.contains(&items.len()) {
            continue; // every item has this byte: the order stays
        }
        let mut at = 0;
        for slot in &mut starts {
            let n = *slot;
            *slot = at;
            at += n;
        }
        for x in items.iter() {
            let k = key(x);
            other[starts[k]] = *x;
            starts[k] += 1;
        }
        std::mem::swap(items, &mut other);
    }
}

/// A 64-bit hash of a text, eight bytes at a time (not for anything adversarial: a
/// collision only costs a comparison).
fn hash(text: &str) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ text.len() as u64;
    let mut chunks = text.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    }
    h ^ (h >> 32)
}

/// Marks a recycled passage's first article as the decoder's prediction.
const PREDICTED: u32 = u32::MAX;

fn read_article(
    r: &mut Reader,
    number: u32,
    origins: &mut Vec<(u32, u32, u32)>,
    places: &mut Vec<(u32, Option<(u32, u32)>)>,
) -> Result<Article, Damage> {
    let file = r.text(TEXT)?;
    let id = if r.flag()? { stem_text(&file) } else { r.text(TEXT)? };
    let title = r.text(BODY)?;
    let title_stated = r.flag()?;
    let authors = read_strings(r)?;
    let outlets = read_strings(r)?;
    let credited = read_texts(r)?;
    let published = if r.flag()? {
        let start = r.date(PUBLICATION_DATES)?;
        let (end, precision, basis) = read_span_tail(r, start)?;
        Some(DateSpan { start, end, precision, basis, evidence: r.text(TEXT)? })
    } else {
        None
    };
    let n = r.count(SMALL)?;
    let mut paragraphs = Vec::with_capacity(n);
    for _ in 0..n {
        paragraphs.push(r.text(BODY)?);
    }
    let removed = read_texts(r)?;
    let n = r.count(SMALL)?;
    let mut recycled = Vec::with_capacity(n);
    for _ in 0..n {
        let paragraph = r.u(REFS)?;
        let p = paragraphs.get(paragraph as usize);
        let (text, place) = match r.u(SPANS)? {
            0 => (r.text(TEXT)?, None),
            1 => (p.ok_or_else(|| malformed("a recycled passage names no paragraph"))?.clone(), Some((0, u32::MAX))),
            start => {
                let len = r.u(SPANS)?;
                let text = sub(p.ok_or_else(|| malformed("a recycled passage names no paragraph"))?, start - 2, len)?;
                (text, Some((start - 2, start - 2 + len)))
            }
        };
        places.push((paragraph, place));
        // Resolved once every article is read (see `read_corpus`).
        let passage = recycled.len() as u32;
        let (first_seen, articles) = match r.u(REFS)? {
            0 => {
                origins.push((number, passage, PREDICTED));
                (Text::default(), 0)
            }
            1 => (r.text(TEXT)?, r.u(SMALL)?),
            i => {
                origins.push((number, passage, i - 2));
                (Text::default(), r.u(SMALL)?)
            }
        };
        recycled.push(Recycled { paragraph, text, first_seen, articles });
    }
    Ok(Article { id, file, title, title_stated, authors, outlets, credited, published, paragraphs, removed, recycled })
}

const ENTITY_KINDS: [EntityKind; 6] = EntityKind::ALL;
const RULES: [&str; 6] = ["name", "spelling", "gazetteer", "demonym", "surname", "part of a longer name"];

fn write_entity(w: &mut Writer, e: &Entity) {
    w.streams[SMALL].push(ENTITY_KINDS.iter().position(|&k| k == e.kind).unwrap_or(0) as u8);
    w.str(TEXT, &e.name);
    let base = format!("{}:{}", e.kind.as_str(), slug_words(&e.name, usize::MAX));
    write_id(w, &e.id, &base);
    w.num(SMALL, e.aliases.len());
    for a in &e.aliases {
        w.str(TEXT, &a.text);
        w.u(SMALL, a.count);
        match RULES.iter().position(|&r| r == a.rule) {
            Some(i) => w.num(SMALL, i + 1),
            None => {
                w.u(SMALL, 0);
                w.str(TEXT, &a.rule);
            }
        }
    }
    w.num(SMALL, e.roles.len());
    for role in &e.roles {
        w.str(TEXT, &role.text);
        w.u(REFS, role.article);
    }
    w.num(SMALL, e.mentions.len());
    let mut last = Mention { article: 0, paragraph: 0, start: 0, end: 0 };
    for m in &e.mentions {
        let da = i64::from(m.article) - i64::from(last.article);
        w.signed(MENTIONS, da);
        let base_p = if da == 0 { last.paragraph } else { 0 };
        let dp = i64::from(m.paragraph) - i64::from(base_p);
        w.signed(MENTIONS, dp);
        let base_s = if da == 0 && dp == 0 { last.start } else { 0 };
        w.signed(MENTIONS, i64::from(m.start) - i64::from(base_s));
        w.signed(MENTIONS, i64::from(m.end) - i64::from(m.start));
        last = *m;
    }
    w.num(SMALL, e.related.len());
    for rel in &e.related {
        w.u(ENTITY_REFS, rel.entity);
        w.u(SMALL, rel.sentences);
        w.u(SMALL, rel.articles);
    }
    match &e.series {
        None => w.flag(false),
        Some(s) => {
            w.flag(true);
            w.str(TEXT, s);
        }
    }
}

fn read_entity(r: &mut Reader) -> Result<Entity, Damage> {
    let kind = ENTITY_KINDS.get(usize::from(r.byte()?)).copied().ok_or_else(|| malformed("unknown entity kind"))?;
    let name = r.str(TEXT)?;
    let id = read_id(r, || format!("{}:{}", kind.as_str(), slug_words(&name, usize::MAX)))?;
    let n = r.count(SMALL)?;
    let mut aliases = Vec::with_capacity(n);
    for _ in 0..n {
        let text = r.str(TEXT)?;
        let count = r.u(SMALL)?;
        let rule = match r.u(SMALL)? {
            0 => r.str(TEXT)?,
            i => RULES.get(i as usize - 1).ok_or_else(|| malformed("unknown alias rule"))?.to_string(),
        };
        aliases.push(Alias { text, count, rule });
    }
    let n = r.count(SMALL)?;
    let mut roles = Vec::with_capacity(n);
    for _ in 0..n {
        roles.push(Role { text: r.str(TEXT)?, article: r.u(REFS)? });
    }
    let n = r.count(SMALL)?;
    let mut mentions = Vec::with_capacity(n);
    let mut last = Mention { article: 0, paragraph: 0, start: 0, end: 0 };
    let num = |base: u32, d: i64| u32::try_from(i64::from(base) + d).map_err(|_| malformed("a mention is out of range"));
    for _ in 0..n {
        let da = r.signed(MENTIONS)?;
        let article = num(last.article, da)?;
        let dp = r.signed(MENTIONS)?;
        let paragraph = num(if da == 0 { last.paragraph } else { 0 }, dp)?;
        let start = num(if da == 0 && dp == 0 { last.start } else { 0 }, r.signed(MENTIONS)?)?;
        let end = num(start, r.signed(MENTIONS)?)?;
        last = Mention { article, paragraph, start, end };
        mentions.push(last);
    }
    let n = r.count(SMALL)?;
    let mut related = Vec::with_capacity(n);
    for _ in 0..n {
        related.push(Related { entity: r.u(ENTITY_REFS)?, sentences: r.u(SMALL)?, articles: r.u(SMALL)? });
    }
    let series = if r.flag()? { Some(r.str(TEXT)?) } else { None };
    Ok(Entity { id, name, kind, aliases, roles, mentions, related, series })
}

const EVENT_KINDS: [EventKind; 7] = EventKind::ALL;

/// How a source sentence is stored.
const SENTENCE_LITERAL: u32 = 0;
const SENTENCE_TITLE: u32 = 1;
const SENTENCE_SLICE: u32 = 2;

fn write_event(w: &mut Writer, e: &Event, c: &Corpus) {
    w.streams[SMALL].push(EVENT_KINDS.iter().position(|&k| k == e.kind).unwrap_or(0) as u8);
    w.date(EVENT_DATES, e.when.start);
    write_span_tail(w, &e.when);
    w.num(SMALL, e.entities.len());
    let mut last = 0i64;
    for &x in &e.entities {
        w.signed(ENTITY_REFS, i64::from(x) - last);
        last = i64::from(x);
    }
    w.num(SMALL, e.sources.len());
    for s in &e.sources {
        w.u(SOURCES, s.article);
        w.u(SOURCES, s.paragraph);
        let article = c.articles.get(s.article as usize);
        if article.is_some_and(|a| a.title == s.sentence) {
            w.u(SMALL, SENTENCE_TITLE);
        } else if let Some((start, len)) =
            article.and_then(|a| a.paragraphs.get(s.paragraph as usize)).and_then(|p| find(p, &s.sentence))
        {
            w.u(SMALL, SENTENCE_SLICE);
            w.u(SPANS, start);
            w.u(SPANS, len);
        } else {
            w.u(SMALL, SENTENCE_LITERAL);
            w.str(TEXT, &s.sentence);
        }
    }
    // The summary and the date's evidence usually come from the first source sentence.
    let first = e.sources.first().map_or("", |s| &*s.sentence);
    write_derived(w, &e.summary, first);
    write_derived(w, &e.when.evidence, first);
    let article_id = e.sources.first().and_then(|s| c.articles.get(s.article as usize)).map_or("", |a| &*a.id);
    write_id(w, &e.id, &event_base_id(e.kind, e.when.start, &e.summary, article_id));
}

/// An event and whether it is told only in recycled passages: each source sentence
/// lies inside a recycled passage of its paragraph (by where both sit when both are
/// stored as places in the paragraph, else by searching the passage's text, as
/// [`crate::query::recycled_events`] does for every one).
fn read_event(r: &mut Reader, c: &Corpus, passages: &Passages) -> Result<(Event, bool), Damage> {
    let kind = EVENT_KINDS.get(usize::from(r.byte()?)).copied().ok_or_else(|| malformed("unknown event kind"))?;
    let start = r.date(EVENT_DATES)?;
    let (end, precision, basis) = read_span_tail(r, start)?;
    let n = r.count(SMALL)?;
    let mut entities = Vec::with_capacity(n);
    let mut last = 0i64;
    for _ in 0..n {
        last += r.signed(ENTITY_REFS)?;
        entities.push(u32::try_from(last).map_err(|_| malformed("an entity number is out of range"))?);
    }
    let n = r.count(SMALL)?;
    let mut sources = Vec::with_capacity(n);
    let mut in_background = kind != EventKind::Publication;
    for _ in 0..n {
        let article = r.u(SOURCES)?;
        let paragraph = r.u(SOURCES)?;
        let a = c.articles.get(article as usize);
        let (sentence, place) = match r.u(SMALL)? {
            SENTENCE_LITERAL => (r.text(TEXT)?, None),
            SENTENCE_TITLE => (a.ok_or_else(|| malformed("a source names no article"))?.title.clone(), None),
            SENTENCE_SLICE => {
                let p = a
                    .and_then(|a| a.paragraphs.get(paragraph as usize))
                    .ok_or_else(|| malformed("a source names no paragraph"))?;
                let (s, len) = (r.u(SPANS)?, r.u(SPANS)?);
                (sub(p, s, len)?, Some((s, s + len)))
            }
            _ => return Err(malformed("unknown source sentence form")),
        };
        if in_background {
            let range = passages.first.get(article as usize).zip(passages.first.get(article as usize + 1));
            let (from, to) = range.map_or((0, 0), |(&f, &t)| (f as usize, t as usize));
            let recycled = a.map_or(&[][..], |a| &a.recycled[..]);
            in_background = passages.all.get(from..to).unwrap_or(&[]).iter().zip(recycled).any(|(&(p, passage), rec)| {
                p == paragraph
                    && match (passage, place) {
                        (Some((ps, pe)), Some((ss, se))) if ps <= ss && se <= pe => true,
                        _ => crate::corpus::passage_holds(&rec.text, &sentence),
                    }
            });
        }
        sources.push(Source { article, paragraph, sentence });
    }
    let none = Text::default();
    let first = sources.first().map_or(&none, |s| &s.sentence);
    let summary = read_derived(r, first)?;
    let evidence = read_derived(r, first)?;
    let article_id = sources.first().and_then(|s| c.articles.get(s.article as usize)).map_or("", |a| &*a.id);
    let id = read_id(r, || event_base_id(kind, start, &summary, article_id))?;
    Ok((Event { id, when: DateSpan { start, end, precision, basis, evidence }, summary, kind, entities, sources }, in_background))
}

/// A short text that is usually a slice of `from`, perhaps with its first letter
/// capitalised and " …" appended (as event summaries are made).
fn write_derived(w: &mut Writer, text: &str, from: &str) {
    let (core, cut) = match text.strip_suffix(" …") {
        Some(core) => (core, true),
        None => (text, false),
    };
    if text.is_empty() {
        w.u(SMALL, 1);
        return;
    }
    if text == from {
        w.u(SMALL, 2);
        return;
    }
    if let Some((start, len)) = find(from, core) {
        w.u(SMALL, 3 + u32::from(cut));
        w.u(SPANS, start);
        w.u(SPANS, len);
        return;
    }
    let mut chars = core.chars();
    if let Some(first) = chars.next() {
        let lowered = format!("{}{}", first.to_ascii_lowercase(), chars.as_str());
        if lowered != core
            && let Some((start, len)) = find(from, &lowered)
            && capitalise(&from[start as usize..(start + len) as usize]) == core
        {
            w.u(SMALL, 5 + u32::from(cut));
            w.u(SPANS, start);
            w.u(SPANS, len);
            return;
        }
    }
    w.u(SMALL, 0);
    w.str(TEXT, text);
}

fn read_derived(r: &mut Reader, from: &Text) -> Result<Text, Damage> {
    let form = r.u(SMALL)?;
    match form {
        0 => r.text(TEXT),
        1 => Ok(Text::default()),
        2 => Ok(from.clone()),
        // As it reads in `from`: read in place when `from` is.
        3 => {
            let (start, len) = (r.u(SPANS)?, r.u(SPANS)?);
            sub(from, start, len)
        }
        4..=6 => {
            let (start, len) = (r.u(SPANS)?, r.u(SPANS)?);
            let part = slice(from, start, len)?;
            // Sized for the " …" of a cut summary: one allocation, not two.
            let mut text = String::with_capacity(part.len() + 4);
            text.push_str(part);
            if form >= 5 && text.as_bytes().first().is_some_and(u8::is_ascii) {
                text[..1].make_ascii_uppercase();
            }
            if form % 2 == 0 {
                text.push_str(" …");
            }
            Ok(Cow::Owned(text))
        }
        _ => Err(malformed("unknown text form")),
    }
}

/// `text` with its first letter uppercased when it is an ASCII letter (the full
/// Unicode case tables would add 12 kB to the wasm for the few summaries that begin
/// with another letter; those are stored literally).
fn capitalise(text: &str) -> String {
    let mut out = text.to_owned();
    if out.as_bytes().first().is_some_and(u8::is_ascii) {
        out[..1].make_ascii_uppercase();
    }
    out
}

// ---------------------------------------------------------------------------------
// The text index.

fn write_index(w: &mut Writer, index: &TextIndex) {
    let (words, postings, docs) = index.parts();
    w.num(SMALL, docs);
    w.num(SMALL, words.len());
    let mut previous = "";
    for (word, posting) in words.iter().zip(&postings) {
        // Shared bytes up to a character's start: "æble" and "øre" share the first
        // byte of two, which is no prefix to cut at.
        let mut shared = previous.bytes().zip(word.bytes()).take_while(|(a, b)| a == b).count();
        while !word.is_char_boundary(shared) {
            shared -= 1;
        }
        w.num(WORDS, shared);
        w.str(WORDS, &word[shared..]);
        w.num(POSTINGS, posting.len());
        w.streams[POSTINGS].extend_from_slice(posting);
        previous = word;
    }
}

fn read_index(r: &mut Reader) -> Result<TextIndex, Damage> {
    let docs = r.u(SMALL)?;
    let n = r.count(SMALL)?;
    let mut words: Vec<u8> = Vec::new();
    let mut word_ends = Vec::with_capacity(n);
    let mut postings = Vec::new();
    let mut posting_ends = Vec::with_capacity(n);
    let mut previous_start = 0usize;
    for _ in 0..n {
        let shared = r.u(WORDS)? as usize;
        let rest = r.str(WORDS)?;
        let previous_len = words.len() - previous_start;
        if shared > previous_len {
            return Err(malformed("an index word shares more than the previous word has"));
        }
        let start = words.len();
        words.extend_from_within(previous_start..previous_start + shared);
        words.extend_from_slice(rest.as_bytes());
        previous_start = start;
        word_ends.push(words.len() as u32);
        let len = r.u(POSTINGS)? as usize;
        let p = &mut r.streams[POSTINGS];
        let bytes = p.bytes.get(p.at..p.at + len).ok_or_else(|| malformed("the index's postings end early"))?;
        p.at += len;
        postings.extend_from_slice(bytes);
        posting_ends.push(postings.len() as u32);
    }
    let words = String::from_utf8(words).map_err(|_| malformed("the index's words are not UTF-8"))?;
    TextIndex::from_parts(words, word_ends, postings, posting_ends, docs).ok_or_else(|| malformed("the index's words are not in order"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_radix_sort_orders_by_hash_and_keeps_ties_in_place() {
        let mut seed = 11u64;
        let mut items: Vec<(u64, usize, usize, usize)> = (0..2000)
            .map(|i| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                // Few distinct hashes, spread over every byte, so ties are many.
                let hash = (seed >> 61).wrapping_mul(0x0101_0101_0101_0101) ^ (seed >> 62);
                (hash, i % 7, i, 0)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|x| x.0); // stable
        radix_sort_by_hash(&mut items);
        assert_eq!(items, expected);
    }
    use crate::corpus::{Article, Recycled};
    use crate::entity::{Alias, Entity, EntityKind, Mention, Related, Role};
    use crate::event::{Event, EventKind, Source};
    use crate::date::{Basis, Date, DateSpan, Precision};

    fn sample() -> Corpus {
        Corpus {
            articles: vec![Article {
                id: "001".into(),
                file: "001.txt".into(),
                title: "Türkiye and Azerbaijan".into(),
                title_stated: false,
                authors: vec!["A. Writer".into()],
                outlets: vec!["Daily".into()],
                credited: vec!["“By Ann Lee, Daily”".into()],
                published: Some(DateSpan {
                    start: Date::new(2021, 10, 1).unwrap(),
                    end: Date::new(2021, 10, 31).unwrap(),
                    precision: Precision::Month,
                    basis: Basis::Inferred,
                    evidence: "October 2021".into(),
                }),
                paragraphs: vec!["Ministers met on October 5, 2021.".into(), "Second.".into()],
                removed: vec!["Most Read".into()],
                recycled: vec![Recycled { paragraph: 1, text: "Second.".into(), first_seen: "000".into(), articles: 3 }],
            }],
            entities: vec![Entity {
                id: "place:turkiye".into(),
                name: "Türkiye".into(),
                kind: EntityKind::Place,
                aliases: vec![Alias { text: "Turkish".into(), count: 2, rule: "demonym".into() }],
                roles: vec![Role { text: "host".into(), article: 0 }],
                mentions: vec![Mention { article: 0, paragraph: 0, start: 0, end: 7 }],
                related: vec![Related { entity: 0, sentences: 1, articles: 1 }],
                series: None,
            }],
            events: vec![Event {
                id: "event:2021-10-05-ministers-met".into(),
                when: DateSpan::stated_day(Date::new(2021, 10, 5).unwrap(), "October 5, 2021"),
                summary: "Ministers met".into(),
                kind: EventKind::Meeting,
                entities: vec![0],
                sources: vec![Source { article: 0, paragraph: 0, sentence: "Ministers met on October 5, 2021.".into() }],
            }],
        }
    }

    #[test]
    fn round_trips() {
        let corpus = sample();
        assert_eq!(decode(&encode(&corpus)), Ok(corpus.clone()));
        let (_, search) = decode_with_search(&encode(&corpus)).unwrap();
        assert_eq!(search, TextIndex::for_corpus(&corpus), "the index travels with the corpus");
    }

    #[test]
    fn every_precision_and_basis_round_trips() {
        for &precision in &PRECISIONS {
            for basis in [Basis::Stated, Basis::Inferred] {
                let mut corpus = sample();
                for e in &mut corpus.events {
                    e.when.precision = precision;
                    e.when.basis = basis;
                }
                assert_eq!(decode(&encode(&corpus)), Ok(corpus.clone()), "{precision:?} {basis:?}");
            }
        }
        // Codes are positions in `PRECISIONS`: the first six keep the codes of format 7.
        assert_eq!(precision_code(Precision::Approximate), 5);
        assert_eq!(precision_code(Precision::Quarter), 6);
    }

    #[test]
    fn bytes_that_live_forever_are_read_in_place() {
        for corpus in [sample(), odd()] {
            let bytes: &'static [u8] = Box::leak(encode(&corpus).into_boxed_slice());
            let (owned, owned_index, owned_recycled) = decode_all(bytes).unwrap();
            let (read, index, recycled) = decode_static(bytes).unwrap();
            assert_eq!(read, corpus);
            assert_eq!((&read, &index, &recycled), (&owned, &owned_index, &owned_recycled));
            let inside = |t: &Text| match t {
                Cow::Borrowed(s) => bytes.as_ptr_range().contains(&s.as_ptr()) || s.is_empty(),
                Cow::Owned(_) => false,
            };
            let a = &read.articles[0];
            assert!(inside(&a.title) && inside(&a.file) && inside(&a.id), "{a:?}");
            assert!(a.paragraphs.iter().all(|p| inside(p) || p.contains(['\u{0}', '\u{1}'])), "{:?}", a.paragraphs);
            assert!(a.recycled.iter().all(|r| inside(&r.text) && inside(&r.first_seen)), "{:?}", a.recycled);
            let slices = read.events.iter().flat_map(|e| &e.sources).filter(|s| a.paragraphs.iter().any(|p| p.contains(&*s.sentence)));
            assert!(slices.clone().count() > 0 && slices.clone().all(|s| inside(&s.sentence)));
            // The copying decoder copies.
            assert!(!inside(&owned.articles[0].title));
        }
    }

    #[test]
    fn a_decode_in_slices_gives_what_one_decode_gives() {
        for corpus in [sample(), odd()] {
            let bytes: &'static [u8] = Box::leak(encode(&corpus).into_boxed_slice());
            let whole = decode_static(bytes).unwrap();
            for items in [1, 2, 3, 7] {
                let mut decoder = Decoder::of_static(bytes).unwrap();
                let mut steps = 1;
                while !decoder.step(items).unwrap() {
                    steps += 1;
                }
                // Articles, entities and events one item each, and a step between kinds.
                let least = corpus.articles.len() + corpus.entities.len() + corpus.events.len() + 3;
                assert!(steps >= least.div_ceil(items), "{steps} steps of {items} for {least} items");
                assert_eq!(decoder.finish().unwrap(), whole, "in steps of {items}");
            }
        }
    }

    #[test]
    fn a_decode_in_slices_reports_damage_as_one_decode_does() {
        let bytes = encode(&odd());
        for cut in [bytes.len() - 3, bytes.len() / 2, bytes.len() / 3] {
            let bytes: &'static [u8] = Box::leak(bytes[..cut].to_vec().into_boxed_slice());
            let whole = decode_static(bytes).map(|_| ()).unwrap_err();
            let sliced = Decoder::of_static(bytes).and_then(|mut d| {
                while !d.step(2)? {}
                Ok(())
            });
            assert_eq!(sliced.unwrap_err(), whole, "cut at {cut}");
        }
    }

    #[test]
    fn rejects_foreign_bytes() {
        assert_eq!(decode(b"hello"), Err(DecodeError::NotACorpus));
        assert_eq!(decode(b"CHR"), Err(DecodeError::NotACorpus));
        assert_eq!(decode(b"CHRN\x01"), Err(DecodeError::NotACorpus));
    }

    #[test]
    fn rejects_other_versions() {
        let mut bytes = encode(&sample());
        bytes[4] = bytes[4].wrapping_add(1);
        assert!(matches!(decode(&bytes), Err(DecodeError::WrongVersion { .. })));
    }

    #[test]
    fn reports_truncation() {
        let bytes = encode(&sample());
        assert!(matches!(decode(&bytes[..bytes.len() - 3]), Err(DecodeError::Malformed(_))));
    }

    /// A corpus where nothing follows the usual pattern, so every value takes its
    /// literal form: text that is in no paragraph, ids that are not derived from
    /// names, a first article that does not exist, bytes 0 and 1 inside strings,
    /// a date no calendar has.
    fn odd() -> Corpus {
        let mut c = sample();
        c.articles.push(Article {
            id: "not-the-stem".into(),
            file: "002.html".into(),
            title: "Zero\u{0}and\u{1}one".into(),
            title_stated: true,
            authors: vec![],
            outlets: vec![],
            credited: vec![],
            published: Some(DateSpan {
                start: Date { year: -300, month: 14, day: 40 },
                end: Date { year: -301, month: 0, day: 0 },
                precision: Precision::Approximate,
                basis: Basis::Inferred,
                evidence: Text::default(),
            }),
            paragraphs: vec!["Alpha beta. Gamma delta.".into(), "\u{1}".into()],
            removed: vec!["\u{0}".into(), Text::default()],
            recycled: vec![
                Recycled { paragraph: 0, text: "Gamma delta.".into(), first_seen: "001".into(), articles: 7 },
                Recycled { paragraph: 1, text: "\u{1}".into(), first_seen: "gone".into(), articles: 1 },
                Recycled { paragraph: 9, text: "nowhere".into(), first_seen: "not-the-stem".into(), articles: 0 },
            ],
        });
        c.entities.push(Entity {
            id: "person:someone-else".into(),
            name: "Jane Roe".into(),
            kind: EntityKind::Person,
            aliases: vec![Alias { text: "Roe".into(), count: 1, rule: "a rule not yet known".into() }],
            roles: vec![],
            mentions: vec![
                Mention { article: 1, paragraph: 0, start: 6, end: 10 },
                Mention { article: 1, paragraph: 0, start: 2, end: 1 },
                Mention { article: 0, paragraph: 5, start: 0, end: 0 },
            ],
            related: vec![Related { entity: 0, sentences: 0, articles: 9 }],
            series: Some("exercise:efes".into()),
        });
        let when = DateSpan::stated_day(Date::new(2021, 10, 5).unwrap(), "not in the sentence");
        c.events.push(Event {
            id: "event:2021-10-05-gamma-delta-3".into(),
            when: when.clone(),
            summary: "Gamma delta".into(),
            kind: EventKind::Visit,
            entities: vec![1, 0, 1],
            sources: vec![
                Source { article: 1, paragraph: 0, sentence: "Gamma delta.".into() },
                Source { article: 1, paragraph: 0, sentence: "Zero\u{0}and\u{1}one".into() },
                Source { article: 7, paragraph: 0, sentence: "from an article that is not there".into() },
            ],
        });
        c.events.push(Event {
            id: "made up".into(),
            when,
            summary: "Alpha …".into(),
            kind: EventKind::Other,
            entities: vec![],
            sources: vec![Source { article: 1, paragraph: 0, sentence: "alpha beta.".into() }],
        });
        c
    }

    #[test]
    fn the_decoder_finds_the_events_told_only_in_recycled_passages_as_searching_does() {
        let mut c = sample();
        let mut a = c.articles[0].clone();
        a.paragraphs = vec!["One two. Three four. One two.".into(), "Five six. Seven eight.".into(), "Nine ten.".into()];
        a.recycled = vec![
            // A part of its paragraph, the whole of one, and text in no paragraph.
            Recycled { paragraph: 0, text: "Three four. One two.".into(), first_seen: a.id.clone(), articles: 2 },
            Recycled { paragraph: 1, text: "Five six. Seven eight.".into(), first_seen: a.id.clone(), articles: 2 },
            Recycled { paragraph: 2, text: "not in it".into(), first_seen: a.id.clone(), articles: 2 },
        ];
        c.articles = vec![a];
        let event = |kind: EventKind, sources: &[(u32, &str)]| Event {
            id: format!("e{}", sources.len()),
            when: DateSpan::stated_day(Date::new(2021, 1, 1).unwrap(), ""),
            summary: Text::default(),
            kind,
            entities: vec![],
            sources: sources.iter().map(|&(p, text)| Source { article: 0, paragraph: p, sentence: text.to_owned().into() }).collect(),
        };
        c.events = vec![
            // Stored at its first place, outside the passage, yet the passage holds it too.
            event(EventKind::Other, &[(0, "One two.")]),
            event(EventKind::Other, &[(0, "Three four.")]),
            event(EventKind::Other, &[(1, "Seven eight.")]),
            event(EventKind::Other, &[(2, "Nine ten.")]),
            event(EventKind::Other, &[(1, "Five six."), (2, "Nine ten.")]),
            event(EventKind::Other, &[(1, "in no paragraph")]),
            event(EventKind::Other, &[]),
            event(EventKind::Publication, &[(1, "Seven eight.")]),
        ];
        let expected = crate::query::recycled_events(&c);
        assert_eq!(expected.ones().collect::<Vec<_>>(), [0, 1, 2, 6], "the searching definition, for this corpus");
        let (decoded, _, recycled) = decode_all(&encode(&c)).unwrap();
        assert_eq!(decoded, c);
        assert_eq!(recycled, expected);
    }

    #[test]
    fn index_words_that_share_part_of_a_character_round_trip() {
        // Letters of two bytes with the same first byte, next to each other in the
        // index's word order: Latin (æ, ø), Cyrillic (д, е), Greek (α, β).
        let mut corpus = sample();
        corpus.articles[0].paragraphs.push("Æble og øre; да ещё; αλφα βήτα.".into());
        let bytes = encode(&corpus);
        assert_eq!(decode(&bytes), Ok(corpus.clone()));
        let (_, search) = decode_with_search(&bytes).unwrap();
        assert_eq!(search, TextIndex::for_corpus(&corpus));
        for word in ["øre", "ещё", "βήτα"] {
            let folded = crate::search::words(word).next().unwrap();
            let mut found = Bits::empty(search.docs());
            search.matching(&folded, &mut found);
            assert_eq!(found.count(), 1, "{word} is found in the one document that holds it");
        }
    }

    #[test]
    fn round_trips_values_that_fit_no_pattern() {
        let corpus = odd();
        assert_eq!(decode(&encode(&corpus)), Ok(corpus));
    }

    #[test]
    fn derived_values_are_not_stored_twice() {
        // The sample's recycled passage, source sentence, summary and ids are all
        // derived, so the other-strings stream holds none of their text.
        let bytes = encode(&sample());
        let text = streams(&bytes).unwrap().into_iter().find(|(n, _)| *n == "text").unwrap().1;
        let text = String::from_utf8_lossy(text);
        for derived in ["Ministers met", "Second.", "place:turkiye", "event:2021"] {
            assert!(!text.contains(derived), "{derived:?} is stored in {text:?}");
        }
        assert!(text.contains("Most Read"), "and the stream is the one holding other strings: {text:?}");
    }

    #[test]
    fn damage_anywhere_is_an_error_not_a_panic() {
        let bytes = encode(&odd());
        for i in 6..bytes.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[i] ^= flip;
                // Either an error or some corpus; reaching the next line is the test.
                let _ = decode_with_search(&damaged);
            }
            let _ = decode_with_search(&bytes[..i]);
        }
    }
}
