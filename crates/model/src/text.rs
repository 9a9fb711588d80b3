//! Text as the crate handles it everywhere: [`Text`], the corpus's strings, and the one
//! fold (lowercase, Latin diacritics removed) that search, ids and the pipeline share, with
//! the words of a text as folded runs of letters and digits. A base module: it depends
//! on nothing else in the crate.

use std::borrow::Cow;

mod latin;
mod latin_table;

/// Text of the corpus: owned where the pipeline made it, and, in the app, read in
/// place from the embedded bytes where the format stores it as it reads
/// (`model::decode_static`): paragraphs, titles, sentences and passages are not copied
/// at start-up.
pub type Text = Cow<'static, str>;

/// Lowercase without diacritics, for matching: the one fold of the project (search, ids,
/// and the pipeline's matching of names and passages). A Latin letter folds to the
/// letter canonical decomposition (NFD) leaves once its marks are dropped ("Türkiye",
/// "Erdoğan", "Naxçıvan", "Hồ Chí Minh"), and the letters with a stroke or bar, which
/// have no decomposition, to their plain letter ("Łódź" → "lodz", "Ørsted", "Əliyev");
/// the combining diacritical marks (U+0300–U+036F) are dropped; every other character
/// is only lowercased. The table is generated data ([`latin`]).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Appends `c` folded (one character, none for a combining mark, or more for a few
/// lowercase forms) to `out`.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if latin::is_combining_diacritic(c) {
        return;
    }
    let mut lower = c.to_lowercase();
    match lower.next() {
        // "İ" lowercases to "i" and a combining dot above, which the fold drops.
        Some(first) if first.is_ascii() => out.push(first),
        Some(first) => match latin::base(first) {
            Some(base) => out.push(base),
            None => {
                out.push(first);
                out.extend(lower);
            }
        },
        None => {}
    }
}

/// The folded words of `text`: runs of letters and digits, lowercased, Latin
/// diacritics removed (as [`fold`] does).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_owned()));
    out.into_iter()
}

/// Runs `each` over the folded words of `text`, as [`words`] gives them, each borrowed
/// from one folded copy of the text (what a query is split into, while the user types).
pub fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let folded = fold(text);
    let mut start = None;
    for (i, c) in folded.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                each(&folded[from..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        each(&folded[from..]);
    }
}
