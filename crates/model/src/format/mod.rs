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

use crate::bits::Bits;
use crate::corpus::{Article, Corpus, Recycled};
use crate::date::{Basis, Date, DateSpan, Precision};
use crate::entity::{Alias, Entity, EntityKind, Mention, Point, PointOf, Related, Role};
use crate::event::{Event, EventKind, Source};
use crate::search::TextIndex;
use crate::text::Text;
pub(crate) use crate::varint::put_varint;

mod articles;
mod chunks;
mod entities;
mod events;
mod ids;
mod index;
mod io;
#[cfg(test)]
mod tests;

use articles::*;
pub use chunks::{
    Body, ChunkRef, Manifest, decode_chunk, decode_manifest, encode_chunk, encode_core, encode_manifest,
    encode_with_index, fill_sentences,
};
use entities::*;
use events::*;
use ids::*;
pub use ids::{event_base_id, slug_words};
use index::*;
use io::*;

pub const MAGIC: [u8; 4] = *b"CHRN";
pub const FORMAT_VERSION: u16 = 13;

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
pub(super) const STREAMS: usize = 11;
/// Article titles and paragraphs.
pub(super) const BODY: usize = 0;
/// Every other string.
pub(super) const TEXT: usize = 1;
/// Counts, flags and kinds.
pub(super) const SMALL: usize = 2;
/// Article and paragraph numbers, byte offsets and lengths into text.
pub(super) const REFS: usize = 3;
/// Dates, each as the difference from the previous one in its list.
pub(super) const DATES: usize = 4;
/// Entity mentions as differences from the previous mention.
pub(super) const MENTIONS: usize = 5;
/// The index's words, each as the length it shares with the previous word and the rest,
/// and the length of its postings.
pub(super) const WORDS: usize = 6;
/// The index's postings, back to back, as `search::TextIndex` holds them (and borrows them).
pub(super) const POSTINGS: usize = 7;
/// Events' sources: article and paragraph numbers.
pub(super) const SOURCES: usize = 8;
/// Where source sentences, summaries and evidence sit in their text.
pub(super) const SPANS: usize = 9;
/// Entity numbers: events' entities and related entities.
pub(super) const ENTITY_REFS: usize = 10;

/// Serialises a corpus, and the text index built from it, into the embedded format.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    encode_with_index(corpus, &TextIndex::for_corpus(corpus))
}

/// The streams of an encoded corpus, named, for reports on where the bytes go;
/// `None` when the bytes are not a corpus of this version.
pub fn streams(bytes: &[u8]) -> Option<Vec<(&'static str, &[u8])>> {
    const NAMES: [&str; STREAMS] =
        ["body", "text", "small", "refs", "dates", "mentions", "words", "postings", "sources", "spans", "entity refs"];
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
    decode_with(bytes, Keep::copied())
}

/// [`decode_all`] of bytes that live as long as the program (the app's embedded
/// corpus): the text it stores as it reads (paragraphs, titles, furniture, file names)
/// and the sentences, passages and summaries that are slices of it are borrowed from
/// `bytes`, not copied (at 10,000 articles the paragraphs, the recycled passages with
/// their first articles' ids, and the source sentences alone are about 580,000 strings).
pub fn decode_static(bytes: &'static [u8]) -> Result<(Corpus, TextIndex, Bits), DecodeError> {
    decode_with(bytes, Keep::BORROWED)
}

fn decode_with<'a>(bytes: &'a [u8], keep: Keep<'a>) -> Result<(Corpus, TextIndex, Bits), DecodeError> {
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
pub(super) enum Stage {
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
        Decoder::with(bytes, Keep::BORROWED)
    }
}

impl<'a> Decoder<'a> {
    fn with(bytes: &'a [u8], keep: Keep<'a>) -> Result<Decoder<'a>, DecodeError> {
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
pub(super) struct Damage(&'static str);

impl From<Damage> for DecodeError {
    fn from(d: Damage) -> DecodeError {
        DecodeError::Malformed(d.0.to_owned())
    }
}

pub(super) fn malformed(why: &'static str) -> Damage {
    Damage(why)
}

pub(super) fn split(bytes: &[u8]) -> Result<[&[u8]; STREAMS], DecodeError> {
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
