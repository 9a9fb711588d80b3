//! The embedded corpus, decoded once (a slice at a time between frames, or at once
//! when something needs it first), and its preview (the newest events, which the app
//! paints while the whole corpus is still to be decoded).

use std::sync::{LazyLock, Mutex, OnceLock};

use model::query::{Index, IndexBuilder};
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
/// each: some tens of microseconds in all); events added to the index between looks are
/// [`EVENTS_PER_ITEM`] times as many, each a few set bits.
const ITEMS_PER_LOOK: usize = 64;
const EVENTS_PER_ITEM: usize = 16;

/// A corpus and the filter/search index over it (from the text index the pipeline
/// embedded beside it), both made once: a slice at a time, or whatever is left at once
/// when something asks for them.
struct Lazy {
    bytes: &'static [u8],
    /// Items read between looks at the clock.
    items: usize,
    /// The work under way between the slices [`Lazy::decode_some`] does.
    under_way: Mutex<Option<Progress>>,
    bundle: OnceLock<Result<(Corpus, Index), DecodeError>>,
}

/// Where the slices have got to: reading the corpus, then building its index.
enum Progress {
    Decoding(Decoder<'static>),
    Indexing(Corpus, IndexBuilder),
}

impl Progress {
    /// Does a slice of the work, looking at `enough` after each few items (all of it
    /// when `enough` never says so): what is left while there is more, then the corpus
    /// and its index.
    fn advance(
        mut self,
        items: usize,
        enough: &mut dyn FnMut() -> bool,
    ) -> Result<Result<(Corpus, Index), Progress>, DecodeError> {
        loop {
            self = match self {
                Progress::Decoding(mut decoder) => {
                    if !decoder.step(items)? {
                        if enough() {
                            return Ok(Err(Progress::Decoding(decoder)));
                        }
                        Progress::Decoding(decoder)
                    } else {
                        let (corpus, search, recycled) = decoder.finish()?;
                        // A split corpus's manifest lists what the core cannot show.
                        let (recycled, repeats) = crate::bodies::listed_events(corpus.events.len())
                            .unwrap_or_else(|| (recycled, model::query::repeated_publications(&corpus)));
                        let builder = IndexBuilder::new(&corpus, search, recycled, repeats);
                        if enough() {
                            return Ok(Err(Progress::Indexing(corpus, builder)));
                        }
                        Progress::Indexing(corpus, builder)
                    }
                }
                Progress::Indexing(corpus, mut builder) => {
                    if builder.step(&corpus, items.saturating_mul(EVENTS_PER_ITEM)) {
                        let index = builder.finish(&corpus);
                        return Ok(Ok((corpus, index)));
                    }
                    if enough() {
                        return Ok(Err(Progress::Indexing(corpus, builder)));
                    }
                    Progress::Indexing(corpus, builder)
                }
            }
        }
    }
}

impl Lazy {
    const fn new(bytes: &'static [u8], items: usize) -> Lazy {
        Lazy { bytes, items, under_way: Mutex::new(None), bundle: OnceLock::new() }
    }

    fn get(&self) -> &Result<(Corpus, Index), DecodeError> {
        self.bundle.get_or_init(|| {
            // Whatever the slices have not done yet is done now.
            let started = self.under_way.lock().unwrap_or_else(|e| e.into_inner()).take();
            let mut progress = match started {
                Some(progress) => progress,
                None => Progress::Decoding(Decoder::of_static(self.bytes)?),
            };
            loop {
                match progress.advance(usize::MAX, &mut || false)? {
                    Ok(bundle) => return Ok(bundle),
                    Err(left) => progress = left,
                }
            }
        })
    }

    fn decode_some(&self, mut enough: impl FnMut() -> bool) -> bool {
        if self.bundle.get().is_some() {
            return true;
        }
        let mut slot = self.under_way.lock().unwrap_or_else(|e| e.into_inner());
        let started = match slot.take() {
            Some(progress) => Ok(progress),
            None => Decoder::of_static(self.bytes).map(Progress::Decoding),
        };
        let outcome = started.and_then(|progress| progress.advance(self.items, &mut enough));
        let done = match outcome {
            Ok(Err(progress)) => {
                *slot = Some(progress);
                return false;
            }
            Ok(Ok(bundle)) => Ok(bundle),
            // Damage ends the decode: `corpus` reports it.
            Err(err) => Err(err),
        };
        drop(slot);
        let _ = self.bundle.set(done);
        true
    }
}

/// Reads a slice of the corpus, until `enough()` (asked every few dozen items) says to
/// stop, and says whether the corpus is now decoded (or has failed to: [`corpus`] then
/// says why). Once every item is read, it builds the index, a slice of events at a
/// time too; whatever is left when anything asks for the corpus is done then.
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
        let (mut slices, mut indexing) = (1, 0);
        while !lazy.decode_some(|| true) {
            slices += 1;
            indexing += usize::from(matches!(*lazy.under_way.lock().unwrap(), Some(super::Progress::Indexing(..))));
        }
        assert!(slices > 1, "the bundled corpus is read in more than one slice");
        // 4 × EVENTS_PER_ITEM events a slice.
        let events = whole.events.len();
        assert_eq!(
            indexing,
            events.div_ceil(4 * super::EVENTS_PER_ITEM),
            "the index of {events} events is built in slices too"
        );
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
        assert!(lazy.under_way.lock().unwrap().is_some(), "the decode under way is kept");
        assert_eq!(&lazy.get().as_ref().unwrap().0, &whole);
        assert_eq!(rows(lazy.get()), whole.events.len());
        assert!(lazy.under_way.lock().unwrap().is_none(), "and finished from where it was");
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
