//! The app's components, one a file, and what they share: the [`Data`] context,
//! counts and SVG numbers.
//!
//! Class lists are written as one string (`format!("chip chip-{kind}")`), not built
//! with `classes!`: its pieces each went through Yew's `Classes` set, which cost the
//! wasm about 1.2 kB brotli more.

use yew::prelude::*;

pub mod article_item;
pub mod article_list;
pub mod density;
pub mod entity_card;
pub mod entity_list;
pub mod export;
pub mod filters;
pub mod graph;
pub mod map;
pub mod marked;
pub mod reader;
pub mod search_bar;
pub mod search_help;
pub mod timeline;

/// What the views read, given by the app as a context: the corpus and its index, or,
/// while the corpus is still to be decoded, the preview alone (the newest events, a
/// corpus of their own). Compared by address: comparing two corpora field by field on
/// every render would cost more than the render.
#[derive(Clone, Copy)]
pub struct Data {
    pub corpus: &'static model::Corpus,
    /// `None` while the corpus shown is the preview.
    pub index: Option<&'static model::query::Index>,
}

impl Data {
    /// Whether what is shown is the preview, the rest still to come.
    pub fn is_preview(&self) -> bool {
        self.index.is_none()
    }
}

impl PartialEq for Data {
    fn eq(&self, other: &Data) -> bool {
        std::ptr::eq(self.corpus, other.corpus)
            && match (self.index, other.index) {
                (Some(a), Some(b)) => std::ptr::eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

/// The app's [`Data`]; a component rendered outside the app's provider has none.
#[hook]
pub fn use_data() -> Option<Data> {
    use_context::<Data>()
}

/// "1 article", "2 articles": a count with its noun, singular or plural.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// `v` with two decimals, for SVG coordinates, without the float formatting machinery
/// (which costs the wasm bundle kilobytes).
pub fn fixed(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let n = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", n / 100, n % 100)
}

/// Sine and cosine of `x` in [0, 2π), by Taylor series about the nearest quarter
/// turn (error below 1e-7), so the wasm bundle needs no libm.
pub fn sin_cos(x: f64) -> (f64, f64) {
    let quarter = std::f64::consts::FRAC_PI_2;
    let turns = (x / quarter).round();
    let r = x - turns * quarter;
    let r2 = r * r;
    let s = r * (1.0 - r2 / 6.0 * (1.0 - r2 / 20.0 * (1.0 - r2 / 42.0 * (1.0 - r2 / 72.0))));
    let c = 1.0 - r2 / 2.0 * (1.0 - r2 / 12.0 * (1.0 - r2 / 30.0 * (1.0 - r2 / 56.0 * (1.0 - r2 / 90.0))));
    match (turns as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_prints_two_decimals() {
        assert_eq!(fixed(1.23456), "1.23");
        assert_eq!(fixed(-0.005), "-0.01");
        assert_eq!(fixed(-0.004), "0.00");
        assert_eq!(fixed(20.0), "20.00");
        assert_eq!(fixed(-12.5), "-12.50");
    }

    #[test]
    fn counts_take_the_noun_their_number_needs() {
        assert_eq!(count(1, "article", "articles"), "1 article");
        assert_eq!(count(0, "article", "articles"), "0 articles");
        assert_eq!(count(12, "entity", "entities"), "12 entities");
    }

    #[test]
    fn sin_cos_agree_with_the_library() {
        for k in 0..720 {
            let x = std::f64::consts::TAU * f64::from(k) / 720.0;
            let (s, c) = sin_cos(x);
            assert!((s - x.sin()).abs() < 1e-7 && (c - x.cos()).abs() < 1e-7, "{x}: {s} {c}");
        }
    }
}
