//! Furniture set aside: the blocks `clean::mark_furniture` marks (share buttons,
//! navigation, copyright lines) go to removed, and a copyright line names the outlet.

use std::sync::LazyLock;

use regex::Regex;

use super::Reading;
use super::credits::{credit_from, outlet, quoted};
use crate::page::clean;

/// A copyright line naming its holder: "© 2024 The Daily. All rights reserved.",
/// "Copyright 2023 The Caspian Ledger".
static COPYRIGHT_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:copyright\s*)?(?:©\s*|\([cC]\)\s*)?\d{4}(?:\s*[-–]\s*\d{4})?,?\s+(?i:by\s+)?(\p{Lu}[\p{L}\p{N} .&'-]{1,50}?)\.?(?:\s+(?i:all rights reserved)\.?)?$")
        .expect("valid regex")
});

/// The blocks that are no furniture, and how many of the first `header_only` (the
/// page's header lines) are among them.
pub(super) fn set_aside(read: &mut Reading, blocks: Vec<String>, header_only: usize) -> (Vec<String>, usize) {
    let marks = clean::mark_furniture(&blocks);
    let mut kept = Vec::new();
    let mut header_kept = 0;
    for (i, (block, mark)) in blocks.into_iter().zip(marks).enumerate() {
        header_kept += usize::from(i < header_only && mark.is_none());
        match mark {
            Some(mark) => {
                // "Copyright 2023 The Caspian Ledger. All rights reserved.": the outlet.
                if mark == clean::Furniture::Copyright
                    && let Some(c) = COPYRIGHT_OUTLET.captures(block.trim())
                {
                    credit_from(&mut read.credits, outlet(&c[1]), &quoted(&block));
                }
                read.removed.push(block)
            }
            None => kept.push(block),
        }
    }
    (kept, header_kept)
}
