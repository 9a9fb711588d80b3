//! What the build writes besides the corpus's bytes (`model::encode`, in `lib.rs`):
//! the preview embedded for large corpora (`preview`) and the opening screen's static
//! HTML (`opening`). Imports nothing of the pipeline but the crate's root in tests.

pub mod chunks;
pub mod opening;
pub mod preview;
