//! What the build writes besides the corpus's bytes (`model::encode`, in `lib.rs`):
//! the text index beside it, built in parallel (`index`), the split into core and chunk files
//! (`chunks`), the preview embedded for large corpora (`preview`) and the opening screen's
//! static HTML (`opening`). Imports nothing of the pipeline but the crate's root in tests.

pub mod chunks;
pub mod index;
pub mod opening;
pub mod preview;
