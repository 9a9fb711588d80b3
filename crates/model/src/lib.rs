//! Chronicle's data model: the plain types the pipeline produces and the app shows,
//! the binary format they are embedded in, and the pure functions that order and
//! filter them. Nothing here knows about Yew, the DOM or the file system, so all of
//! it is tested natively and shipped unchanged in the wasm bundle.

mod bits;
mod corpus;
mod date;
mod entity;
mod event;
mod event_words;
pub mod export;
mod format;
pub mod order;
pub mod query;
pub mod search;
pub mod suggest;
pub mod text;
mod varint;

pub use corpus::{Article, Corpus, Recycled, Text};
pub use date::{Basis, Date, DateSpan, Precision, month_name};
pub use entity::{Alias, Entity, EntityKind, Mention, Point, PointOf, Related, Role};
pub use event::{Event, EventKind, Source};
pub use format::{
    Body, ChunkRef, DecodeError, Decoder, FORMAT_VERSION, MAGIC, Manifest, decode, decode_all, decode_chunk,
    decode_manifest, decode_static, decode_with_search, encode, encode_chunk, encode_core, encode_manifest,
    encode_with_index, event_base_id, fill_sentences, slug_words, streams,
};
