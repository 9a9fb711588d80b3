//! Ids that follow from content (a slug of words, an event's date and summary), so
//! the format stores only the ids that do not.

use super::*;

/// The words of `text` as an id spells them: folded, joined by `-`.
pub fn slug_words(text: &str, at_most: usize) -> String {
    // Folds as it goes and stops after the last word wanted: ids of events take six
    // words of a summary, and the decoder derives thousands of them.
    let mut out = String::with_capacity(text.len().min(48));
    slug_words_into(text, at_most, &mut out);
    out
}

pub(super) fn slug_words_into(text: &str, at_most: usize, out: &mut String) {
    let (mut words, mut in_word) = (0usize, false);
    // Adds one folded character; false once every word wanted is in.
    let mut take = |f: char, out: &mut String| -> bool {
        if !f.is_alphanumeric() {
            in_word = false;
            return true;
        }
        if !in_word {
            if words == at_most {
                return false;
            }
            if words > 0 {
                out.push('-');
            }
            words += 1;
            in_word = true;
        }
        out.push(f);
        true
    };
    let mut piece = String::new();
    for c in text.chars() {
        // ASCII folds to its lowercase; only other letters need the folding tables.
        if c.is_ascii() {
            if !take(c.to_ascii_lowercase(), out) {
                return;
            }
        } else {
            piece.clear();
            crate::text::fold_char(c, &mut piece);
            for f in piece.chars() {
                if !take(f, out) {
                    return;
                }
            }
        }
    }
}

/// The id an event of this kind, date and summary gets before any `-2`, `-3` suffix
/// that tells apart events which would otherwise share it. A publication's id names
/// its article.
pub fn event_base_id(kind: EventKind, start: Date, summary: &str, article_id: &str) -> String {
    // One allocation: the decoder derives an id for every event before the first paint.
    if kind == EventKind::Publication {
        let mut id = String::with_capacity(12 + article_id.len());
        id.push_str("publication:");
        id.push_str(article_id);
        id
    } else {
        let mut id = String::with_capacity(17 + summary.len().min(48));
        id.push_str("event:");
        start.push_iso(&mut id);
        id.push('-');
        slug_words_into(summary, 6, &mut id);
        id
    }
}

/// Writes an id as 1 when it is `base`, n when it is `base-n` (n ≥ 2), or 0 and the
/// id itself.
pub(super) fn write_id(w: &mut Writer, id: &str, base: &str) {
    if id == base {
        w.u(SMALL, 1);
        return;
    }
    if let Some(n) = id.strip_prefix(base).and_then(|r| r.strip_prefix('-')).and_then(|n| n.parse::<u32>().ok())
        && n >= 2
        && id == format!("{base}-{n}")
    {
        w.u(SMALL, n);
        return;
    }
    w.u(SMALL, 0);
    w.str(TEXT, id);
}

pub(super) fn read_id(r: &mut Reader, base: impl FnOnce() -> String) -> Result<String, Damage> {
    match r.u(SMALL)? {
        0 => r.str(TEXT),
        1 => Ok(base()),
        n => {
            let mut id = base();
            id.push('-');
            id.push_str(&n.to_string());
            Ok(id)
        }
    }
}
