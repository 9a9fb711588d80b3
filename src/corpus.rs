//! The embedded corpus, decoded once (a slice at a time between frames, or at once
//! when something needs it first), and its preview (the newest events, which the app
//! paints while the whole corpus is still to be decoded).

use std::sync::{LazyLock, Mutex, OnceLock};

use model::query::Index;
use model::{Corpus, DecodeError, Decoder};

/// Written by `build.rs` (the article pipeline) in `model`'s format, version
/// `model::FORMAT_VERSION`; `model::format`'s round-trip tests guard it.
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The newest events as a corpus of their own (`pipeline::preview`), same format;
/// empty when the corpus decodes fast enough to need none.
static PREVIEW_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/preview.bin"));

/// The embedded corpus and the filter/search index over it.
static EMBEDDED: Lazy = Lazy::new(BYTES, ITEMS_PER_LOOK);

static PREVIEW: LazyLock<Option<Corpus>> =
    LazyLock::new(|| if PREVIEW_BYTES.is_empty() { None } else { model::decode(PREVIEW_BYTES).ok() });

/// Items [`decode_some`] reads between looks at the clock (an article, entity or event
/// each: some tens of microseconds in all).
const ITEMS_PER_LOOK: usize = 64;

/// A corpus and the filter/search index over it (from the text index the pipeline
/// embedded beside it), both made once: a slice at a time, or whatever is left at once
/// when something asks for them.
struct Lazy {
    bytes: &'static [u8],
    /// Items read between looks at the clock.
    items: usize,
    /// A decode under way, between the slices [`Lazy::decode_some`] reads.
    decoding: Mutex<Option<Decoder<'static>>>,
    bundle: OnceLock<Result<(Corpus, Index), DecodeError>>,
}

impl Lazy {
    const fn new(bytes: &'static [u8], items: usize) -> Lazy {
        Lazy { bytes, items, decoding: Mutex::new(None), bundle: OnceLock::new() }
    }

    fn get(&self) -> &Result<(Corpus, Index), DecodeError> {
        self.bundle.get_or_init(|| {
            // Whatever the slices have not read yet is read now.
            let started = self.decoding.lock().unwrap_or_else(|e| e.into_inner()).take();
            let decoder = match started {
                Some(decoder) => decoder,
                None => Decoder::of_static(self.bytes)?,
            };
            let (corpus, search, recycled) = decoder.finish()?;
            let recycled = crate::bodies::recycled_events(corpus.events.len()).unwrap_or(recycled);
            let index = Index::with_parts(&corpus, search, recycled);
            Ok((corpus, index))
        })
    }

    fn decode_some(&self, mut enough: impl FnMut() -> bool) -> bool {
        if self.bundle.get().is_some() {
            return true;
        }
        let mut slot = self.decoding.lock().unwrap_or_else(|e| e.into_inner());
        let started = match slot.take() {
            Some(decoder) => Ok(decoder),
            None => Decoder::of_static(self.bytes),
        };
        let outcome = started.and_then(|mut decoder| {
            loop {
                match decoder.step(self.items) {
                    Ok(false) if !enough() => continue,
                    Ok(done) => {
                        *slot = Some(decoder);
                        break Ok(done);
                    }
                    Err(err) => break Err(err),
                }
            }
        });
        drop(slot);
        match outcome {
            Ok(false) => return false,
            // `get` finishes the decode the slices read and builds the index.
            Ok(true) => {
                let _ = self.get();
            }
            // Damage ends the decode: `corpus` reports it.
            Err(err) => {
                let _ = self.bundle.set(Err(err));
            }
        }
        true
    }
}

/// Reads a slice of the corpus, until `enough()` (asked every few dozen items) says to
/// stop, and says whether the corpus is now decoded (or has failed to: [`corpus`] then
/// says why). Once every item is read, it builds the index in the same call; whatever
/// is left when anything asks for the corpus is read then.
pub fn decode_some(enough: impl FnMut() -> bool) -> bool {
    EMBEDDED.decode_some(enough)
}

/// The corpus compiled into this build, or why it could not be read.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    EMBEDDED.get().as_ref().map(|(corpus, _)| corpus)
}

/// The index over [`corpus`], when it could be read.
pub fn index() -> Option<&'static Index> {
    EMBEDDED.get().as_ref().ok().map(|(_, index)| index)
}

/// Whether [`corpus`] has been decoded (it is, once anything has asked for it, or the
/// slices have read it all).
pub fn decoded() -> bool {
    EMBEDDED.bundle.get().is_some()
}

/// The newest events, for the opening timeline: `None` when the build has no preview,
/// or when it does not decode (the app then waits for the whole corpus).
pub fn preview() -> Option<&'static Corpus> {
    PREVIEW.as_ref().filter(|c| !c.events.is_empty())
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_corpus_decodes_and_is_not_empty() {
        let corpus = super::corpus().expect("the embedded corpus decodes");
        assert!(!corpus.articles.is_empty(), "the bundled corpus has articles");
    }

    /// Rows of the whole timeline of a decoded bundle, as the app lists them.
    fn rows(bundle: &Result<(model::Corpus, model::query::Index), model::DecodeError>) -> usize {
        let (corpus, index) = bundle.as_ref().unwrap();
        index.timeline(corpus, &model::query::Filter::default(), false).len()
    }

    #[test]
    fn the_corpus_read_a_slice_at_a_time_is_the_embedded_corpus() {
        let (whole, _, _) = model::decode_static(super::BYTES).unwrap();
        // One look at the clock per slice, every 4 items: the bundled corpus takes a few.
        let lazy = super::Lazy::new(super::BYTES, 4);
        let mut slices = 1;
        while !lazy.decode_some(|| true) {
            slices += 1;
        }
        assert!(slices > 1, "the bundled corpus is read in more than one slice");
        assert!(lazy.bundle.get().is_some(), "the last slice builds the index");
        assert_eq!(&lazy.get().as_ref().unwrap().0, &whole);
        assert_eq!(rows(lazy.get()), whole.events.len());
        assert!(lazy.decode_some(|| unreachable!("nothing is left to read")));
    }

    #[test]
    fn asking_for_the_corpus_between_slices_reads_the_rest_at_once() {
        let (whole, _, _) = model::decode_static(super::BYTES).unwrap();
        let lazy = super::Lazy::new(super::BYTES, 4);
        assert!(!lazy.decode_some(|| true), "one slice does not read the bundled corpus");
        assert!(lazy.decoding.lock().unwrap().is_some(), "the decode under way is kept");
        assert_eq!(&lazy.get().as_ref().unwrap().0, &whole);
        assert_eq!(rows(lazy.get()), whole.events.len());
        assert!(lazy.decoding.lock().unwrap().is_none(), "and finished from where it was");
    }

    #[test]
    fn damage_met_between_slices_is_what_one_decode_reports() {
        let cut: &'static [u8] = Box::leak(super::BYTES[..super::BYTES.len() / 2].to_vec().into_boxed_slice());
        let whole = model::decode_static(cut).map(|_| ()).unwrap_err();
        let lazy = super::Lazy::new(cut, 4);
        while !lazy.decode_some(|| true) {}
        assert_eq!(lazy.get().as_ref().map(|_| ()).unwrap_err(), &whole);
    }

    #[test]
    fn a_preview_embedded_is_the_newest_events_of_the_corpus() {
        // Whether this build has one depends on CHRONICLE_PREVIEW_FROM (the end-to-end
        // tests build one with and one without).
        assert_eq!(super::preview().is_some(), !super::PREVIEW_BYTES.is_empty(), "an embedded preview decodes");
        let Some(preview) = super::preview() else { return };
        let corpus = super::corpus().unwrap();
        let newest = &corpus.events[corpus.events.len() - preview.events.len()..];
        let ids = |events: &[model::Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&preview.events), ids(newest));
    }
}
