//! The embedded corpus format: `MAGIC`, a little-endian `u16` format version, then the
//! `Corpus` and its full-text index (`search::TextIndex`), both in postcard. The pipeline writes it at build time (`build.rs`), the app
//! reads it once at start-up. Bump `FORMAT_VERSION` whenever a type in this crate
//! changes shape, so a stale blob is reported instead of misread.

use std::fmt;

use crate::corpus::Corpus;
use crate::search::TextIndex;

pub const MAGIC: [u8; 4] = *b"CHRN";
pub const FORMAT_VERSION: u16 = 5;

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

/// Serialises a corpus, and the text index built from it, into the embedded format.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    // Serialising plain owned data into a Vec cannot fail; postcard only errors on
    // unsupported serde features, which these types do not use.
    let out = postcard::to_extend(corpus, out).expect("corpus types serialise with postcard");
    postcard::to_extend(&TextIndex::for_corpus(corpus), out).expect("index types serialise with postcard")
}

/// Reads the corpus written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    decode_with_search(bytes).map(|(corpus, _)| corpus)
}

/// Reads the corpus and its text index written by [`encode`].
pub fn decode_with_search(bytes: &[u8]) -> Result<(Corpus, TextIndex), DecodeError> {
    let rest = bytes.strip_prefix(&MAGIC).ok_or(DecodeError::NotACorpus)?;
    let (version, body) = rest.split_at_checked(2).ok_or(DecodeError::NotACorpus)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(DecodeError::WrongVersion { found, expected: FORMAT_VERSION });
    }
    let malformed = |e: postcard::Error| DecodeError::Malformed(e.to_string());
    let (corpus, rest) = postcard::take_from_bytes::<Corpus>(body).map_err(malformed)?;
    let (search, rest) = postcard::take_from_bytes::<TextIndex>(rest).map_err(malformed)?;
    if !rest.is_empty() {
        return Err(DecodeError::Malformed(format!("{} bytes after the index", rest.len())));
    }
    Ok((corpus, search))
}

#[cfg(test)]
mod tests {
    use super::*;
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
                published: Some(DateSpan {
                    start: Date::new(2021, 10, 1).unwrap(),
                    end: Date::new(2021, 10, 31).unwrap(),
                    precision: Precision::Month,
                    basis: Basis::Inferred,
                    evidence: "October 2021".into(),
                }),
                paragraphs: vec!["First.".into(), "Second.".into()],
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
}
