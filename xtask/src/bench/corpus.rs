//! The corpora the bench measures (the bundled articles, or generated ones) and their bytes: the
//! embedded corpus's brotli size beside its floor, per stream; `cargo xtask bytes`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{Value, json};

use super::SEED;
use super::process::unix_now;
use crate::r#gen;

/// The corpus folder for `size`: a copy of the bundled articles for 5, else generated.
pub(super) fn corpus_dir(work: &Path, size: usize) -> Result<PathBuf, String> {
    let dir = work.join(format!("corpus-{size}"));
    if size == 5 {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let bundled = crate::root().join("assets/articles");
        for entry in std::fs::read_dir(&bundled).map_err(|e| format!("cannot list {}: {e}", bundled.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_file() {
                std::fs::copy(&path, dir.join(path.file_name().unwrap_or_default())).map_err(|e| e.to_string())?;
            }
        }
        return Ok(dir);
    }
    if !r#gen::is_generated(&dir, size, SEED) {
        println!("xtask: bench: generating {size} articles (seed {SEED}) into {}", dir.display());
        let started = Instant::now();
        r#gen::generate(size, SEED, &dir)?;
        println!("xtask: bench: generated in {:.0?}", started.elapsed());
    }
    Ok(dir)
}

/// Makes cargo run `build.rs` again for this folder (it watches every file in it), so
/// the site build time includes the pipeline even when the folder was built before.
pub(super) fn touch_corpus(dir: &Path) {
    let stamp = dir.join(".bench-touch");
    let _ = std::fs::write(&stamp, unix_now().to_string());
}

pub(super) fn folder_bytes(dir: &Path) -> u64 {
    pipeline_files(dir).iter().filter_map(|p| p.metadata().ok()).map(|m| m.len()).sum()
}

fn pipeline_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                .collect()
        })
        .unwrap_or_default()
}

/// [`bundle_sizes`], kept beside the corpus (`corpus-N.sizes.json`) with the SHA-256 of
/// the corpus and of its preview (which this build of `pipeline::preview` makes from it):
/// brotli at quality 11 takes a quarter of an hour at 10,000 articles, and `--reuse`
/// runs the browser side again over the same bytes.
pub(super) fn cached_bundle_sizes(bin: &Path, bundle: &Bundle) -> Value {
    use sha2::Digest as _;
    let (bytes, corpus) = (&bundle.core[..], &bundle.corpus);
    let preview = pipeline::preview::preview_bytes(corpus, bytes.len(), pipeline::preview::PREVIEW_FROM_BYTES);
    let mut digest = sha2::Sha256::new().chain_update(bytes).chain_update(&preview);
    for c in &bundle.chunks {
        digest.update(c);
    }
    let digest = digest.finalize();
    let hash: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let cache = bin.with_extension("sizes.json");
    let kept = std::fs::read_to_string(&cache).ok().and_then(|t| serde_json::from_str::<Value>(&t).ok());
    if let Some(kept) = kept.filter(|k| k["sha256"] == json!(hash)) {
        println!("xtask: bench: sizes of these exact bytes kept from before ({})", cache.display());
        return kept["bundle"].clone();
    }
    let sizes = bundle_sizes(bytes, &preview, &bundle.chunks, corpus);
    let _ = std::fs::write(&cache, json!({ "sha256": hash, "bundle": sizes }).to_string());
    sizes
}

/// What `pipeline bundle DIR --out FILE` wrote: the embedded corpus (a split corpus's
/// core), its chunk files (beside FILE, `.chunks`), and the whole corpus they make.
pub(super) struct Bundle {
    pub(super) core: Vec<u8>,
    pub(super) chunks: Vec<Vec<u8>>,
    pub(super) corpus: model::Corpus,
}

/// Reads and decodes the bundle at `bin`, putting a split corpus's bodies back.
pub(super) fn read_bundle(bin: &Path) -> Result<Bundle, String> {
    let core = std::fs::read(bin).map_err(|e| format!("no bundle written: {e}"))?;
    let mut corpus = model::decode(&core).map_err(|e| format!("its bundle does not decode: {e}"))?;
    let mut names: Vec<PathBuf> = match std::fs::read_dir(bin.with_extension("chunks")) {
        Ok(dir) => dir.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    let mut chunks = Vec::with_capacity(names.len());
    for path in names {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        // The bench lives as long as the bodies it reads, so they may borrow for ever.
        let kept: &'static [u8] = Box::leak(bytes.clone().into_boxed_slice());
        let bodies = model::decode_chunk(kept).map_err(|e| format!("{}: {e}", path.display()))?;
        for (a, body) in bodies {
            let article =
                corpus.articles.get_mut(a as usize).ok_or_else(|| format!("{}: no article {a}", path.display()))?;
            *article = body.fill(article);
        }
        chunks.push(bytes);
    }
    model::fill_sentences(&mut corpus);
    Ok(Bundle { core, chunks, corpus })
}

/// The embedded corpus's size (with `preview`, what `build.rs` embeds beside it, which
/// the caller makes from the decoded corpus by the same function, and a split corpus's
/// chunk files) and its floor: the corpus's own text (titles and clean paragraphs)
/// compressed with brotli.
fn bundle_sizes(bytes: &[u8], preview: &[u8], chunks: &[Vec<u8>], corpus: &model::Corpus) -> Value {
    let mut text = String::new();
    for a in &corpus.articles {
        text.push_str(&a.title);
        text.push('\n');
        for p in &a.paragraphs {
            text.push_str(p);
            text.push('\n');
        }
        text.push('\n');
    }
    let quality = brotli_quality(bytes.len().max(text.len()));
    let (corpus_brotli, floor_brotli) = std::thread::scope(|s| {
        let corpus = s.spawn(|| brotli_len(bytes, quality));
        let floor = brotli_len(text.as_bytes(), quality);
        (corpus.join().unwrap_or(0), floor)
    });
    let preview_brotli = brotli_len(preview, quality);
    let chunks_raw: usize = chunks.iter().map(Vec::len).sum();
    let chunks_brotli: usize = chunks.iter().map(|c| brotli_len(c, quality)).sum();
    let embedded_brotli = corpus_brotli + preview_brotli;
    let corpus_brotli = embedded_brotli + chunks_brotli;
    // Where the bytes go: each stream of the format alone (brotli of the parts does
    // not add up exactly to brotli of the whole).
    let streams: Vec<Value> = model::streams(bytes)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, part)| json!({"stream": name, "raw": part.len(), "brotli": brotli_len(part, quality)}))
        .collect();
    json!({
        "streams": streams,
        "corpus_raw": bytes.len() + preview.len() + chunks_raw,
        "corpus_brotli": corpus_brotli,
        "embedded_raw": bytes.len() + preview.len(),
        "embedded_brotli": embedded_brotli,
        "chunks": chunks.len(),
        "chunks_raw": chunks_raw,
        "chunks_brotli": chunks_brotli,
        "preview_raw": preview.len(),
        "preview_brotli": preview_brotli,
        "floor_text_raw": text.len(),
        "floor_brotli": floor_brotli,
        "brotli_quality": quality,
        "ratio": corpus_brotli as f64 / floor_brotli.max(1) as f64,
    })
}

/// `cargo xtask bytes DIR`: the corpus of DIR in the embedded format, its size and
/// floor, and each stream's share, without building or loading a site.
pub fn bytes(args: &[String]) -> Result<(), String> {
    let [dir] = args else { return Err("bytes needs one folder of articles".into()) };
    let started = Instant::now();
    let (bytes, output) = pipeline::bundle_dir(Path::new(dir)).map_err(|e| e.to_string())?;
    println!("pipeline: {:.1?}", started.elapsed());
    let started = Instant::now();
    let decoded = model::decode_with_search(&bytes).map_err(|e| e.to_string())?;
    println!("decode: {:.1?}", started.elapsed());
    let started = Instant::now();
    let index = model::search::TextIndex::for_corpus(&output.corpus);
    println!("text index from the corpus: {:.1?} ({} words)", started.elapsed(), index.word_count());
    if decoded.0 != output.corpus {
        return Err("the corpus does not survive encoding and decoding".into());
    }
    let preview = pipeline::preview::preview_bytes(&output.corpus, bytes.len(), pipeline::preview::PREVIEW_FROM_BYTES);
    let sizes = bundle_sizes(&bytes, &preview, &[], &output.corpus);
    println!("{}", serde_json::to_string_pretty(&sizes).unwrap_or_default());
    Ok(())
}

/// Brotli's highest quality (11) runs at about 1 MB/s; past 64 MB the bench uses 9 for
/// both the corpus and its floor, and says so.
fn brotli_quality(len: usize) -> u32 {
    if len <= 64_000_000 { 11 } else { 9 }
}

pub(crate) fn brotli_len(bytes: &[u8], quality: u32) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: quality as i32, lgwin: 22, ..Default::default() };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => bytes.len(),
    }
}
