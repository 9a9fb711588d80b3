//! The split corpus for a corpus too large to embed whole: its core (what the timeline,
//! filters and search need, each article's body cut to its lead) for the wasm, and
//! the article bodies in content-hashed chunk files beside the page, listed with their
//! SHA-256 in a manifest the wasm embeds (`model::Manifest`). The app fetches a chunk
//! when a view needs a body, and the service worker saves them all for offline.

use super::index::text_index;
use model::{Body, ChunkRef, Corpus, Manifest};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

/// From this many bytes of article bodies (paragraphs and removed furniture) the build
/// splits the corpus (`CHRONICLE_SPLIT_FROM` overrides): about 5,000 articles of
/// generated news. Below it the whole corpus is in the wasm, which opens fastest.
pub const SPLIT_FROM_BYTES: usize = 16 << 20;

/// About how many bytes of bodies a chunk holds: big enough that a corpus of 100,000
/// articles is a few hundred files, small enough that opening one article fetches
/// little more than it.
pub const CHUNK_BYTES: usize = 1 << 20;

/// A corpus as the build writes it.
pub struct Split {
    /// The embedded corpus: the whole one, or the core of a split one.
    pub corpus: Vec<u8>,
    /// The chunk files, named as the manifest names them; empty when whole.
    pub chunks: Vec<(String, Vec<u8>)>,
    /// The embedded manifest (`model::encode_manifest`); empty when whole.
    pub manifest: Vec<u8>,
}

/// `corpus` whole when its bodies hold fewer than `from` bytes, else split into chunks
/// of about `chunk_bytes`.
pub fn split(corpus: &Corpus, from: usize, chunk_bytes: usize) -> Split {
    if body_bytes(corpus) < from {
        let corpus = model::encode_with_index(corpus, &text_index(corpus));
        return Split { corpus, chunks: Vec::new(), manifest: Vec::new() };
    }
    split_into(corpus, chunk_bytes)
}

/// The bytes of the corpus's article bodies: what a split takes out of the wasm.
pub fn body_bytes(corpus: &Corpus) -> usize {
    corpus.articles.iter().flat_map(|a| a.paragraphs.iter().chain(&a.removed)).map(|t| t.len()).sum()
}

/// The core and chunks of `corpus`, chunks of about `chunk_bytes` each. Articles go into
/// chunks newest first (the order the article list and the timeline open in), so the
/// bodies a reader opens first share few files; an article whose body is its lead
/// alone stays whole in the core. The manifest lists the events told only in recycled
/// passages, which the core's decoder cannot find without them, and the repeated
/// publications, which the app would otherwise compare every title for at start-up.
pub fn split_into(corpus: &Corpus, chunk_bytes: usize) -> Split {
    // The whole corpus's text index and the events the manifest lists, and the
    // grouping, apart.
    let listed = |bits: model::search::Bits| bits.ones().map(|i| i as u32).collect::<Vec<u32>>();
    let ((index, recycled, repeats), (core, groups)) = rayon::join(
        || {
            let recycled = listed(model::query::recycled_events(corpus));
            (text_index(corpus), recycled, listed(model::query::repeated_publications(corpus)))
        },
        || group(corpus, chunk_bytes),
    );
    // Each chunk is encoded and hashed on its own, and listed in order.
    let chunks: Vec<(ChunkRef, Vec<u8>)> = groups
        .into_par_iter()
        .map(|mut group| {
            group.sort_by_key(|(n, _)| *n);
            let bytes = model::encode_chunk(&group);
            let sha256: [u8; 32] = Sha256::digest(&bytes).into();
            let file = format!("chunk-{}.bin", &Manifest::hex(&sha256)[..16]);
            (ChunkRef { file, sha256, articles: group.iter().map(|g| g.0).collect() }, bytes)
        })
        .collect();
    let (refs, chunks): (Vec<ChunkRef>, Vec<(String, Vec<u8>)>) = chunks
        .into_iter()
        .map(|(r, bytes)| {
            let file = r.file.clone();
            (r, (file, bytes))
        })
        .unzip();
    let manifest = Manifest { chunks: refs, recycled, repeats };
    let core = model::encode_core(&core, &corpus.articles, &index);
    Split { corpus: core, chunks, manifest: model::encode_manifest(&manifest) }
}

/// The core (each article in a chunk cut to its lead) and the chunks' bodies, newest
/// articles first, about `chunk_bytes` a chunk.
fn group(corpus: &Corpus, chunk_bytes: usize) -> (Corpus, Vec<Vec<(u32, Body)>>) {
    let mut core = corpus.clone();
    let mut groups: Vec<Vec<(u32, Body)>> = Vec::new();
    let mut size = 0;
    // `Corpus::newest_first`'s order, as numbers.
    let mut order: Vec<usize> = (0..corpus.articles.len()).collect();
    let start = |i: usize| corpus.articles[i].published.as_ref().map(|p| p.start);
    order.sort_by(|&x, &y| start(y).cmp(&start(x)).then_with(|| corpus.articles[x].id.cmp(&corpus.articles[y].id)));
    for number in order {
        let a = &corpus.articles[number];
        if Body::is_lead(a) {
            continue;
        }
        let passages: usize = a.recycled.iter().map(|r| r.text.len() + r.first_seen.len() + 4).sum();
        let bytes: usize = a.paragraphs.iter().chain(&a.removed).map(|t| t.len() + 1).sum::<usize>() + passages;
        if groups.is_empty() || size + bytes > chunk_bytes && size > 0 {
            groups.push(Vec::new());
            size = 0;
        }
        size += bytes;
        groups.last_mut().expect("a group was pushed").push((number as u32, Body::of(a)));
        core.articles[number] = Body::cut(a);
    }
    (core, groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        crate::process_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles"))
            .expect("the bundled corpus reads")
            .corpus
    }

    #[test]
    fn a_small_corpus_stays_whole() {
        let c = corpus();
        let s = split(&c, body_bytes(&c) + 1, CHUNK_BYTES);
        assert_eq!((s.corpus, s.chunks.len(), s.manifest.len()), (model::encode(&c), 0, 0));
        assert!(!split(&c, body_bytes(&c), CHUNK_BYTES).chunks.is_empty(), "from the threshold on, split");
    }

    #[test]
    fn the_core_and_its_chunks_give_back_the_whole_corpus() {
        let c = corpus();
        let whole = model::encode(&c);
        // Small chunks, so that the bundled articles make several.
        let s = split_into(&c, 4_000);
        assert!(s.chunks.len() > 1, "{} chunks", s.chunks.len());
        assert!(s.corpus.len() < whole.len());
        let manifest = model::decode_manifest(&s.manifest).unwrap();
        assert_eq!(manifest.chunks.len(), s.chunks.len());
        let (mut core, index, _) = model::decode_all(&s.corpus).unwrap();
        let (_, whole_index, whole_recycled) = model::decode_all(&whole).unwrap();
        assert_eq!(index, whole_index);
        let listed: Vec<usize> = manifest.recycled.iter().map(|&e| e as usize).collect();
        assert_eq!(listed, whole_recycled.ones().collect::<Vec<_>>(), "the manifest lists the recycled events");
        assert!(!listed.is_empty(), "the bundled corpus has events told only in recycled passages");
        for (entry, (file, bytes)) in manifest.chunks.iter().zip(&s.chunks) {
            assert_eq!(&entry.file, file);
            let sha: [u8; 32] = Sha256::digest(bytes).into();
            assert_eq!(entry.sha256, sha, "the manifest holds each file's hash");
            assert!(file.contains(&Manifest::hex(&sha)[..16]), "the name carries the hash");
            let bodies = model::decode_chunk(Box::leak(bytes.clone().into_boxed_slice())).unwrap();
            assert_eq!(bodies.iter().map(|b| b.0).collect::<Vec<_>>(), entry.articles);
            for (a, body) in bodies {
                core.articles[a as usize] = body.fill(&core.articles[a as usize]);
            }
        }
        let places = core.events.iter().flat_map(|e| &e.sources).filter(|s| s.place.is_some()).count();
        assert!(places > 0, "later sources past a lead are held as places");
        model::fill_sentences(&mut core);
        assert_eq!(core, c);
    }

    #[test]
    fn the_manifest_lists_the_repeated_publications() {
        let mut c = corpus();
        // An article whose title says what one of its events says, as a wire headline does.
        let (p, said) = (0..c.events.len())
            .filter(|&p| c.events[p].kind == model::EventKind::Publication)
            .find_map(|p| {
                let article = c.events[p].sources.first()?.article;
                let said = c.events.iter().position(|e| {
                    e.kind != model::EventKind::Publication
                        && e.sources.iter().any(|s| s.article == article)
                        && e.summary.split_whitespace().count() >= 3
                })?;
                Some((p, said))
            })
            .expect("a bundled article tells an event");
        c.events[p].summary = c.events[said].summary.clone();
        let repeats: Vec<usize> = model::query::repeated_publications(&c).ones().collect();
        assert!(repeats.contains(&p));
        let manifest = model::decode_manifest(&split_into(&c, 4_000).manifest).unwrap();
        assert_eq!(manifest.repeats.iter().map(|&e| e as usize).collect::<Vec<_>>(), repeats);
    }

    #[test]
    fn the_same_corpus_splits_into_the_same_files() {
        let c = corpus();
        let (a, b) = (split_into(&c, 4_000), split_into(&c, 4_000));
        assert_eq!((a.corpus, a.chunks, a.manifest), (b.corpus, b.chunks, b.manifest));
    }
}
