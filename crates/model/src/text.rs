//! Text as the crate handles it everywhere: [`Text`], the corpus's strings, and the one
//! fold (lowercase, Latin diacritics removed) that search, ids and matching share, with
//! the words of a text as folded runs of letters and digits. A base module: it depends
//! on nothing else in the crate.

use std::borrow::Cow;

/// Text of the corpus: owned where the pipeline made it, and, in the app, read in
/// place from the embedded bytes where the format stores it as it reads
/// (`model::decode_static`): paragraphs, titles, sentences and passages are not copied
/// at start-up.
pub type Text = Cow<'static, str>;

/// Lowercase without diacritics, for matching. Covers Latin letters with diacritics
/// (Latin-1 and Latin Extended-A, as in "Türkiye", "Erdoğan", "Naxçıvan"); other
/// characters are only lowercased. The pipeline folds the same way for these letters.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Appends `c` folded (one character, or more for a few lowercase forms) to `out`.
pub(crate) fn fold_char(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => out.push(c),
        _ => match base_letter(c) {
            Some(b) => out.push(b),
            None => out.extend(c.to_lowercase()),
        },
    }
}

fn base_letter(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    Some(match lower {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'i' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    })
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
