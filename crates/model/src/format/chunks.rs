//! The split corpus: a large corpus's article bodies in chunk files beside the page,
//! and the manifest the wasm embeds that lists each chunk's file, SHA-256 and articles.
//!
//! A split corpus is its core (the corpus with each listed article's body cut to its
//! lead, encoded as ever by [`encode_with_index`] beside the text index of the whole
//! corpus) plus chunks holding the listed articles' whole paragraphs and removed
//! furniture. The core decodes on its own; [`Body::fill`] puts an article back whole.
//! Which articles go in which chunk, and the hashing, are the pipeline's business.

use super::*;

/// The first bytes of a chunk file.
pub const CHUNK_MAGIC: [u8; 4] = *b"CHRC";
/// The first bytes of a manifest.
pub const MANIFEST_MAGIC: [u8; 4] = *b"CHRM";

/// The chunk files of a split corpus; empty for a corpus held whole in the wasm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    pub chunks: Vec<ChunkRef>,
    /// The events told only in recycled passages (`query::recycled_events` of the whole
    /// corpus), ascending: the decoder finds them from the passages, which the chunks hold.
    pub recycled: Vec<u32>,
    /// The publications an event of their article already says
    /// (`query::repeated_publications`), ascending: found at build time, for comparing
    /// every title with its article's events was most of the app's start-up at 100,000
    /// articles.
    pub repeats: Vec<u32>,
}

/// One chunk file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkRef {
    /// The file's name beside the page (content-hashed, so a new build's never clash).
    pub file: String,
    /// SHA-256 of the file's bytes, checked before they are read.
    pub sha256: [u8; 32],
    /// The numbers of the articles whose bodies it holds, ascending.
    pub articles: Vec<u32>,
}

/// An article's whole body as a chunk holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    pub paragraphs: Vec<Text>,
    pub removed: Vec<Text>,
    pub recycled: Vec<Recycled>,
}

impl Body {
    /// The body of an article of the whole corpus.
    pub fn of(article: &Article) -> Body {
        Body {
            paragraphs: article.paragraphs.clone(),
            removed: article.removed.clone(),
            recycled: article.recycled.clone(),
        }
    }

    /// `article` of a core with this body put back: the article of the whole corpus.
    pub fn fill(&self, article: &Article) -> Article {
        Article {
            paragraphs: self.paragraphs.clone(),
            removed: self.removed.clone(),
            recycled: self.recycled.clone(),
            ..article.clone()
        }
    }

    /// What of an article's body its core keeps: the lead (lists show it); no furniture,
    /// no recycled passages (at 10,000 generated articles, 12 MB of the core's 31 MB).
    pub fn cut(article: &Article) -> Article {
        Article {
            paragraphs: article.paragraphs.iter().take(1).cloned().collect(),
            removed: Vec::new(),
            recycled: Vec::new(),
            ..article.clone()
        }
    }

    /// Whether the core's cut of `article` is all of it.
    pub fn is_lead(article: &Article) -> bool {
        article.paragraphs.len() <= 1 && article.removed.is_empty() && article.recycled.is_empty()
    }
}

impl Manifest {
    /// For each article number, the chunk holding its body (`None`: whole in the core).
    pub fn chunk_of(&self) -> Vec<Option<u32>> {
        let n = self.chunks.iter().flat_map(|c| c.articles.last()).max().map_or(0, |&a| a as usize + 1);
        let mut of = vec![None; n];
        for (k, c) in self.chunks.iter().enumerate() {
            for &a in &c.articles {
                of[a as usize] = Some(k as u32);
            }
        }
        of
    }

    /// The SHA-256 as 64 lowercase hex digits.
    pub fn hex(sha256: &[u8; 32]) -> String {
        sha256.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The corpus's bytes in the embedded format with `index` as its text index: a split
/// corpus's core carries the index of the whole corpus, not of its cut bodies.
pub fn encode_with_index(corpus: &Corpus, index: &TextIndex) -> Vec<u8> {
    encode_parts(corpus, None, index)
}

/// A split corpus's core (`core`, its articles cut by [`Body::cut`]) as
/// [`encode_with_index`] writes it, except that a source sentence after an event's first
/// that lies past the lead is stored as its place in the whole article (`whole`, the
/// corpus's articles before the cut): read once the body comes (`Source::sentence_in`,
/// [`fill_sentences`]). At 10,000 generated articles those sentences were 4.4 MB of a
/// 19.5 MB core.
pub fn encode_core(core: &Corpus, whole: &[Article], index: &TextIndex) -> Vec<u8> {
    encode_parts(core, Some(whole), index)
}

/// Puts back the sentences of sources the core held only as places, from the articles
/// as they now are (their bodies filled by [`Body::fill`]); those whose body is not
/// back stay places.
pub fn fill_sentences(corpus: &mut Corpus) {
    let Corpus { articles, events, .. } = corpus;
    for s in events.iter_mut().flat_map(|e| &mut e.sources) {
        let Some((start, end)) = s.place else { continue };
        let text = articles.get(s.article as usize).and_then(|a| a.paragraphs.get(s.paragraph as usize));
        if let Some(sentence) = text.and_then(|p| p.get(start as usize..end as usize)) {
            s.sentence = Text::from(sentence.to_owned());
            s.place = None;
        }
    }
}

fn encode_parts(corpus: &Corpus, whole: Option<&[Article]>, index: &TextIndex) -> Vec<u8> {
    let mut w = Writer { streams: Default::default(), last_date: [0; 2] };
    write_corpus(&mut w, corpus, whole);
    write_index(&mut w, index);
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

/// A chunk file: `CHUNK_MAGIC`, the format version, then each article's number and body.
pub fn encode_chunk(bodies: &[(u32, Body)]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&CHUNK_MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    put_varint(&mut out, bodies.len() as u64);
    for (article, body) in bodies {
        put_varint(&mut out, u64::from(*article));
        for list in [&body.paragraphs, &body.removed] {
            put_varint(&mut out, list.len() as u64);
            for text in list {
                put_str(&mut out, text);
            }
        }
        put_varint(&mut out, body.recycled.len() as u64);
        for r in &body.recycled {
            put_varint(&mut out, u64::from(r.paragraph));
            put_str(&mut out, &r.text);
            put_str(&mut out, &r.first_seen);
            put_varint(&mut out, u64::from(r.articles));
        }
    }
    out
}

/// Reads a chunk written by [`encode_chunk`], its text borrowed from `bytes` (which
/// the app keeps for the page's life once fetched and checked).
pub fn decode_chunk(bytes: &'static [u8]) -> Result<Vec<(u32, Body)>, DecodeError> {
    let mut c = header(bytes, CHUNK_MAGIC)?;
    let n = count(&mut c)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let article = u32::try_from(c.varint()?).map_err(|_| malformed("an article number is out of range"))?;
        let mut lists = [Vec::new(), Vec::new()];
        for list in &mut lists {
            let k = count(&mut c)?;
            list.reserve(k);
            for _ in 0..k {
                list.push(c.str()?);
            }
        }
        let [paragraphs, removed] = lists;
        let k = count(&mut c)?;
        let mut recycled = Vec::with_capacity(k);
        for _ in 0..k {
            let paragraph = u32::try_from(c.varint()?).map_err(|_| malformed("a paragraph number is out of range"))?;
            let (text, first_seen) = (c.str()?, c.str()?);
            let articles = u32::try_from(c.varint()?).map_err(|_| malformed("a count is out of range"))?;
            recycled.push(Recycled { paragraph, text, first_seen, articles });
        }
        out.push((article, Body { paragraphs, removed, recycled }));
    }
    if c.at != c.bytes.len() {
        return Err(malformed("bytes follow the last article of a chunk").into());
    }
    Ok(out)
}

/// A manifest: `MANIFEST_MAGIC`, the format version, then each chunk's file name,
/// hash and article numbers (as differences), then the recycled events and the
/// repeated publications (as differences).
pub fn encode_manifest(m: &Manifest) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&MANIFEST_MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    put_varint(&mut out, m.chunks.len() as u64);
    for c in &m.chunks {
        put_str(&mut out, &c.file);
        out.extend_from_slice(&c.sha256);
        put_ascending(&mut out, &c.articles);
    }
    put_ascending(&mut out, &m.recycled);
    put_ascending(&mut out, &m.repeats);
    out
}

/// Ascending numbers as their count and differences.
fn put_ascending(out: &mut Vec<u8>, list: &[u32]) {
    put_varint(out, list.len() as u64);
    let mut last = 0;
    for &a in list {
        put_varint(out, u64::from(a - last));
        last = a;
    }
}

/// Numbers written by [`put_ascending`]; strictly ascending.
fn ascending(c: &mut Cursor) -> Result<Vec<u32>, Damage> {
    let k = count(c)?;
    let mut list = Vec::with_capacity(k);
    let mut last = 0u32;
    for i in 0..k {
        let step = u32::try_from(c.varint()?).map_err(|_| malformed("a number is out of range"))?;
        if i > 0 && step == 0 {
            return Err(malformed("a list names a number twice"));
        }
        last = last.checked_add(step).ok_or_else(|| malformed("a number is out of range"))?;
        list.push(last);
    }
    Ok(list)
}

/// Reads a manifest written by [`encode_manifest`]; empty bytes are the empty manifest
/// of a corpus held whole.
pub fn decode_manifest(bytes: &[u8]) -> Result<Manifest, DecodeError> {
    if bytes.is_empty() {
        return Ok(Manifest::default());
    }
    let mut c = header(bytes, MANIFEST_MAGIC)?;
    let n = count(&mut c)?;
    let mut chunks = Vec::with_capacity(n);
    for _ in 0..n {
        let file = c.str()?.into_owned();
        let sha256: [u8; 32] = c
            .bytes
            .get(c.at..c.at + 32)
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| malformed("a chunk's hash is cut short"))?;
        c.at += 32;
        let articles = ascending(&mut c)?;
        chunks.push(ChunkRef { file, sha256, articles });
    }
    let recycled = ascending(&mut c)?;
    let repeats = ascending(&mut c)?;
    if c.at != c.bytes.len() {
        return Err(malformed("bytes follow the last chunk of a manifest").into());
    }
    Ok(Manifest { chunks, recycled, repeats })
}

fn header(bytes: &[u8], magic: [u8; 4]) -> Result<Cursor<'_>, DecodeError> {
    let rest = bytes.strip_prefix(&magic).ok_or(DecodeError::NotACorpus)?;
    let (version, body) = rest.split_at_checked(2).ok_or(DecodeError::NotACorpus)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(DecodeError::WrongVersion { found, expected: FORMAT_VERSION });
    }
    Ok(Cursor { bytes: body, at: 0 })
}

/// A count checked against the bytes left, so that damage cannot ask for a huge allocation.
fn count(c: &mut Cursor) -> Result<usize, Damage> {
    let n = usize::try_from(c.varint()?).map_err(|_| malformed("a count is out of range"))?;
    if n > c.bytes.len() - c.at {
        return Err(malformed("a count exceeds the data"));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }

    /// The core and chunks of `corpus` as the pipeline makes them, with every article
    /// of more than one paragraph or with furniture in a chunk of its own.
    fn split(corpus: &Corpus) -> (Vec<u8>, Vec<Vec<u8>>) {
        let mut core = corpus.clone();
        let mut chunks = Vec::new();
        for (i, a) in corpus.articles.iter().enumerate() {
            if !Body::is_lead(a) {
                core.articles[i] = Body::cut(a);
                chunks.push(encode_chunk(&[(i as u32, Body::of(a))]));
            }
        }
        (encode_with_index(&core, &TextIndex::for_corpus(corpus)), chunks)
    }

    #[test]
    fn a_core_with_its_chunks_put_back_is_the_whole_corpus() {
        for corpus in [super::super::tests::sample(), super::super::tests::odd()] {
            let (core, chunks) = split(&corpus);
            let (mut decoded, index, _) = decode_all(&core).unwrap();
            let (_, whole_index, _) = decode_all(&encode(&corpus)).unwrap();
            assert_eq!(index, whole_index, "the core carries the whole corpus's index");
            assert!(!chunks.is_empty());
            for chunk in chunks {
                for (a, body) in decode_chunk(leak(chunk)).unwrap() {
                    decoded.articles[a as usize] = body.fill(&decoded.articles[a as usize]);
                }
            }
            assert_eq!(decoded, corpus);
        }
    }

    #[test]
    fn a_manifest_round_trips_and_says_where_each_article_is() {
        let m = Manifest {
            chunks: vec![
                ChunkRef { file: "chunk-a.bin".into(), sha256: [7; 32], articles: vec![0, 3, 9] },
                ChunkRef { file: "chunk-b.bin".into(), sha256: [255; 32], articles: vec![1] },
            ],
            recycled: vec![2, 40, 41],
            repeats: vec![0, 5],
        };
        assert_eq!(decode_manifest(&encode_manifest(&m)), Ok(m.clone()));
        assert_eq!(decode_manifest(&[]), Ok(Manifest::default()), "no manifest: the corpus is whole");
        let of = m.chunk_of();
        assert_eq!(of.len(), 10);
        assert_eq!((of[0], of[1], of[2], of[3], of[9]), (Some(0), Some(1), None, Some(0), Some(0)));
        assert_eq!(Manifest::hex(&[0xab; 32]), "ab".repeat(32));
    }

    #[test]
    fn damaged_chunks_and_manifests_are_errors_not_panics() {
        let corpus = super::super::tests::odd();
        let bodies: Vec<(u32, Body)> =
            corpus.articles.iter().enumerate().map(|(i, a)| (i as u32, Body::of(a))).collect();
        let chunk = encode_chunk(&bodies);
        assert_eq!(decode_chunk(leak(chunk.clone())).unwrap(), bodies);
        let manifest = encode_manifest(&Manifest {
            chunks: vec![ChunkRef { file: "c.bin".into(), sha256: [1; 32], articles: vec![2, 5] }],
            recycled: vec![1, 7],
            repeats: vec![3],
        });
        assert_eq!(decode_chunk(leak(manifest.clone())), Err(DecodeError::NotACorpus), "a manifest is no chunk");
        for bytes in [chunk, manifest] {
            for i in 0..bytes.len() {
                for flip in [0x01u8, 0x80, 0xff] {
                    let mut damaged = bytes.clone();
                    damaged[i] ^= flip;
                    let _ = decode_chunk(leak(damaged.clone()));
                    let _ = decode_manifest(&damaged);
                }
                assert!(decode_manifest(&bytes[..i]).is_err() || i == 0);
                assert!(decode_chunk(leak(bytes[..i].to_vec())).is_err());
            }
        }
    }
}
