//! A split corpus's article bodies: the embedded core holds each article's lead, the
//! chunk files beside the page the rest (`pipeline::chunks`). A view that shows a whole
//! article asks here; the chunk is fetched once (from the service worker's cache when
//! saved), its SHA-256 checked against the embedded manifest, and kept for the page's life.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

use js_sys::{ArrayBuffer, Uint8Array};
use model::{Body, Manifest};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// Written by `build.rs`: the chunk files of a split corpus, empty for a corpus held whole.
static MANIFEST_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/manifest.bin"));

/// The manifest and, for each article number, its chunk.
static MANIFEST: LazyLock<(Manifest, Vec<Option<u32>>)> = LazyLock::new(|| {
    // The manifest comes from the same build as the core, so damage here is a broken
    // build; it then reads as no chunks and readers show the leads.
    let m = model::decode_manifest(MANIFEST_BYTES).unwrap_or_default();
    let of = m.chunk_of();
    (m, of)
});

/// Where an article's whole body is.
#[derive(Clone)]
pub enum Whole {
    /// The embedded corpus holds it whole.
    Here,
    /// Fetched and checked.
    Ready(Rc<Body>),
    /// Being fetched.
    Loading,
    /// Why it cannot be had.
    Failed(Rc<str>),
}

/// A chunk file's state. Lists, not hash maps, here and in `CHUNKS`: chunks are
/// numbered from 0 and hold a few hundred articles each, and hash maps of these cost
/// the wasm some kilobytes of their own.
enum Chunk {
    NotAsked,
    Loading(Vec<Callback<()>>),
    /// Its articles' numbers and bodies.
    Ready(Vec<(u32, Rc<Body>)>),
    Failed(Rc<str>),
}

thread_local! {
    /// Each chunk's state, by chunk number (grown as chunks are asked for).
    static CHUNKS: RefCell<Vec<Chunk>> = const { RefCell::new(Vec::new()) };
}

/// Chunk `chunk`'s slot in `chunks`, made (not asked yet) when there is none.
fn slot(chunks: &mut Vec<Chunk>, chunk: u32) -> &mut Chunk {
    let at = chunk as usize;
    if chunks.len() <= at {
        chunks.resize_with(at + 1, || Chunk::NotAsked);
    }
    &mut chunks[at]
}

/// Whether the corpus is split (some bodies live in chunk files).
pub fn split() -> bool {
    !MANIFEST.0.chunks.is_empty()
}

/// What a split corpus's manifest lists of its `events` events: those told only in
/// recycled passages (the core's decoder cannot find them, for the passages are in the
/// chunks) and the repeated publications (found at build time, not at start-up).
/// `None` when whole.
pub fn listed_events(events: usize) -> Option<(model::search::Bits, model::search::Bits)> {
    if !split() {
        return None;
    }
    let bits = |list: &[u32]| {
        let mut bits = model::search::Bits::empty(events);
        for &e in list.iter().filter(|&&e| (e as usize) < events) {
            bits.set(e as usize);
        }
        bits
    };
    Some((bits(&MANIFEST.0.recycled), bits(&MANIFEST.0.repeats)))
}

/// Article `number`'s whole body; asks for its chunk the first time, and calls `then`
/// when it has come (or failed).
pub fn whole(number: u32, then: Callback<()>) -> Whole {
    let Some(chunk) = MANIFEST.1.get(number as usize).copied().flatten() else { return Whole::Here };
    let (answer, first) = CHUNKS.with(|c| {
        let mut c = c.borrow_mut();
        let slot = slot(&mut c, chunk);
        match slot {
            Chunk::Ready(bodies) => match bodies.iter().find(|(a, _)| *a == number) {
                Some((_, b)) => (Whole::Ready(b.clone()), false),
                None => (Whole::Failed("its chunk does not hold it".into()), false),
            },
            Chunk::Failed(why) => (Whole::Failed(why.clone()), false),
            Chunk::Loading(waiting) => {
                waiting.push(then);
                (Whole::Loading, false)
            }
            Chunk::NotAsked => {
                *slot = Chunk::Loading(vec![then]);
                (Whole::Loading, true)
            }
        }
    });
    if first {
        yew::platform::spawn_local(async move {
            let entry = &MANIFEST.0.chunks[chunk as usize];
            let next = match fetch(&entry.file, &entry.sha256).await {
                Ok(bodies) => Chunk::Ready(bodies.into_iter().map(|(a, b)| (a, Rc::new(b))).collect()),
                Err(why) => Chunk::Failed(why.into()),
            };
            let waiting = CHUNKS.with(|c| match std::mem::replace(slot(&mut c.borrow_mut(), chunk), next) {
                Chunk::Loading(w) => w,
                _ => Vec::new(),
            });
            waiting.into_iter().for_each(|cb| cb.emit(()));
        });
    }
    answer
}

/// Every body the chunks hold, once all have come: `Err(Whole::Loading)` while some
/// are on their way (all are asked for; `then` is called once, when the first of them
/// still to come has come, so the caller asks again), `Err(Whole::Failed)` when one
/// cannot be had. What a download of a split corpus's articles waits for. The bodies
/// are by article number (`None` for an article no chunk holds).
pub fn all(then: Callback<()>) -> Result<Vec<Option<Rc<Body>>>, Whole> {
    let mut bodies: Vec<Option<Rc<Body>>> = Vec::new();
    let mut waiting = Some(then);
    // Whether a chunk is still on its way: then nothing is returned, however many came.
    let mut loading = false;
    for (k, c) in MANIFEST.0.chunks.iter().enumerate() {
        let Some(&first) = c.articles.first() else { continue };
        // Only one call of `then` is pending at a time, so one click gives one download.
        let tell = waiting.take().unwrap_or_else(Callback::noop);
        match whole(first, tell.clone()) {
            Whole::Ready(_) => {
                if waiting.is_none() && !loading {
                    waiting = Some(tell);
                }
                CHUNKS.with(|chunks| {
                    if let Some(Chunk::Ready(got)) = chunks.borrow().get(k) {
                        for (a, b) in got {
                            let at = *a as usize;
                            if bodies.len() <= at {
                                bodies.resize(at + 1, None);
                            }
                            bodies[at] = Some(b.clone());
                        }
                    }
                });
            }
            Whole::Failed(why) => return Err(Whole::Failed(why)),
            Whole::Loading => loading = true,
            Whole::Here => {}
        }
    }
    if loading { Err(Whole::Loading) } else { Ok(bodies) }
}

/// Fetches `chunks/{file}` (same origin, which the page's `connect-src 'self'` allows),
/// checks it and reads it; the error says what went wrong in words for the reader.
async fn fetch(file: &str, sha256: &[u8; 32]) -> Result<Vec<(u32, Body)>, String> {
    let url = format!("chunks/{file}");
    let window = gloo::utils::window();
    let unreachable = || {
        format!("Its text is in {url}, which could not be fetched: offline before it was saved, or the site lacks it.")
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(unreachable)?;
    if !response.ok() {
        return Err(format!(
            "Its text is in {url}, which the site does not have (HTTP {}). Rebuild the site.",
            response.status()
        ));
    }
    let buffer: ArrayBuffer = match response.array_buffer() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|b| b.dyn_into().ok()).ok_or_else(unreachable)?,
        Err(_) => return Err(unreachable()),
    };
    let digest = window
        .crypto()
        .and_then(|c| c.subtle().digest_with_str_and_buffer_source("SHA-256", &buffer))
        .map(JsFuture::from)
        .map_err(|_| "This browser cannot check the article's text (no Web Crypto).".to_owned())?;
    let digest = digest.await.map_err(|e: JsValue| format!("The article's text could not be checked: {e:?}"))?;
    if Uint8Array::new(&digest).to_vec() != sha256 {
        return Err(format!(
            "Its text file {url} is not the one this build made (its SHA-256 differs): the site's files are damaged \
             or from another build. Reload, or rebuild the site."
        ));
    }
    // Kept for the page's life, so the bodies borrow their text from it.
    let bytes: &'static [u8] = Box::leak(Uint8Array::new(&buffer).to_vec().into_boxed_slice());
    model::decode_chunk(bytes).map_err(|e| format!("Its text file {url} could not be read: {e}."))
}
