//! The tagger's features: one function, [`document`], that both the trainer (over
//! CoNLL tokens) and the run-time tagger (over tokenised article text) call, so the
//! model always sees the same kind of evidence. Each token gets a list of attribute
//! names (all weighted 1): the word and its lowercase, its shape, prefixes and
//! suffixes, its neighbours within two, capitalisation in context, gazetteer and
//! title/head-word membership, and what the rest of the document says about the word.

use std::collections::HashSet;

use crate::language::gazetteer::{GAZETTEER, PlaceKind, Via};
use crate::language::name_words::{LOWER_TITLES, ORG_HEADS, PLACE_HEADS, TITLES};

/// The shape of a word: capitals X, small letters x, digits d, anything else kept
/// ("U.S." → "X.X.", "Takagi" → "Xxxxxx").
pub fn shape(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            }
        })
        .collect()
}

/// The shape with runs of one character kept once ("Xxxxxx" → "Xx", "dd.dd" → "d.d").
pub fn short_shape(word: &str) -> String {
    let mut out = String::new();
    for c in shape(word).chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn has_upper(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

fn is_title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.clone().any(char::is_lowercase)
}

fn all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// What the whole document says about words: which appear in lowercase somewhere
/// (a common word), and which appear capitalised in the middle of a sentence that is
/// not in capitals (a name, whatever case its headline or first word has).
pub struct DocumentView {
    lower: HashSet<String>,
    mid_capitalised: HashSet<String>,
}

impl DocumentView {
    pub fn new(doc: &[Vec<&str>]) -> DocumentView {
        let mut lower = HashSet::new();
        let mut mid_capitalised = HashSet::new();
        for sentence in doc {
            let caps_sentence = sentence_in_capitals(sentence);
            for (i, word) in sentence.iter().enumerate() {
                if word.chars().any(char::is_alphabetic) && !has_upper(word) {
                    lower.insert(word.to_string());
                } else if i > 0 && !caps_sentence && is_title_case(word) && !opens_clause(sentence[i - 1]) {
                    mid_capitalised.insert(word.to_lowercase());
                }
            }
        }
        DocumentView { lower, mid_capitalised }
    }
}

/// Punctuation after which a capital says nothing about a name.
fn opens_clause(previous: &str) -> bool {
    matches!(previous, "\"" | "'" | ":" | "(" | "-" | "--" | "``")
}

/// A headline, a table row or a dateline written in capitals: most of its words
/// (three or more letters) have no small letter.
fn sentence_in_capitals(sentence: &[&str]) -> bool {
    let words: Vec<&&str> = sentence.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3).collect();
    !words.is_empty() && words.iter().filter(|w| all_caps(w)).count() * 2 > words.len()
}

fn gazetteer_kind(text: &str) -> Option<&'static str> {
    let (place, via) = GAZETTEER.lookup(text)?;
    Some(match (via, place.kind) {
        (Via::Demonym, _) => "demonym",
        (_, PlaceKind::Country) => "country",
        (_, PlaceKind::Subdivision) => "subdivision",
        (_, PlaceKind::City) if place.population >= 1_000_000 => "bigcity",
        (_, PlaceKind::City) => "city",
    })
}

/// The word's first and last one to four characters ("p1=T", "s1=i", ... "s4=kagi").
fn prefixes_suffixes(word: &str, out: &mut Writer<'_, impl Sink>) {
    let ends: Vec<usize> = word.char_indices().map(|(at, c)| at + c.len_utf8()).collect();
    let starts: Vec<usize> = word.char_indices().map(|(at, _)| at).collect();
    for n in 1..=4.min(ends.len()) {
        out.put(format_args!("p{n}={}", &word[..ends[n - 1]]));
        out.put(format_args!("s{n}={}", &word[starts[starts.len() - n]..]));
    }
}

/// Where a sentence's attributes go, token by token: collected as strings for training
/// and evaluation ([`sentence`]), or scored as they come by the run-time tagger.
pub trait Sink {
    /// The attributes that follow belong to the next token, `word`. The first of them, up
    /// to [`Sink::word_done`], depend on the word alone: a sink that returns true has
    /// what they give it already, and they are not given.
    fn token(&mut self, word: &str) -> bool;
    /// The attributes of the word alone are given.
    fn word_done(&mut self) {}
    /// One attribute (weighted 1) of the current token.
    fn attribute(&mut self, name: &str);
}

/// Collects each token's attributes as strings.
struct Collect(Vec<Vec<String>>);

impl Sink for Collect {
    fn token(&mut self, _: &str) -> bool {
        self.0.push(Vec::with_capacity(64));
        false
    }

    fn attribute(&mut self, name: &str) {
        self.0.last_mut().expect("an attribute follows a token").push(name.to_owned());
    }
}

/// Formats attributes into one reused buffer before handing them to a sink.
struct Writer<'s, S> {
    sink: &'s mut S,
    buffer: String,
}

impl<S: Sink> Writer<'_, S> {
    fn plain(&mut self, name: &str) {
        self.sink.attribute(name);
    }

    fn put(&mut self, name: std::fmt::Arguments<'_>) {
        use std::fmt::Write;
        self.buffer.clear();
        self.buffer.write_fmt(name).expect("formatting into a String");
        self.sink.attribute(&self.buffer);
    }
}

/// The attributes of every token of a document given as sentences of tokens.
pub fn document(doc: &[Vec<&str>]) -> Vec<Vec<Vec<String>>> {
    let view = DocumentView::new(doc);
    doc.iter().map(|sentence| self::sentence(sentence, &view)).collect()
}

/// Whether a word is a title or rank, an organisation's or a place's head word.
struct Heads {
    title: bool,
    org: bool,
    place: bool,
}

/// The attributes of every token of one sentence of a document seen as `view`: the
/// same as that sentence's part of [`document`].
pub fn sentence(words: &[&str], view: &DocumentView) -> Vec<Vec<String>> {
    let mut out = Collect(Vec::with_capacity(words.len()));
    sentence_into(words, view, &mut out);
    out.0
}

/// The attributes of every token of one sentence, handed to `sink` in the order
/// [`sentence`] lists them.
pub fn sentence_into(words: &[&str], view: &DocumentView, sink: &mut impl Sink) {
    let n = words.len();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let shapes: Vec<String> = words.iter().map(|w| short_shape(w)).collect();
    let caps_sentence = sentence_in_capitals(words);
    let gazetteer: Vec<Option<&str>> =
        words.iter().map(|w| if has_upper(w) { gazetteer_kind(w) } else { None }).collect();
    // Each word and the next as one place name, looked up once for both words.
    let pairs: Vec<Option<&str>> = (0..n)
        .map(|i| {
            if i + 1 < n && has_upper(words[i]) {
                gazetteer_kind(&format!("{} {}", words[i], words[i + 1]))
            } else {
                None
            }
        })
        .collect();
    // Each word's list memberships, once: its neighbours ask again.
    let heads: Vec<Heads> = words
        .iter()
        .zip(&lower)
        .map(|(w, l)| Heads {
            title: TITLES.contains(&w.trim_end_matches('.')) || LOWER_TITLES.contains(&l.as_str()),
            org: has_upper(w) && ORG_HEADS.iter().any(|h| h.eq_ignore_ascii_case(w)),
            place: PLACE_HEADS.contains(w),
        })
        .collect();
    let at = |i: isize| -> Option<usize> { (i >= 0 && (i as usize) < n).then_some(i as usize) };
    let mut f = Writer { sink, buffer: String::with_capacity(64) };
    for (i, &word) in words.iter().enumerate() {
        if !f.sink.token(word) {
            f.plain("bias");
            f.put(format_args!("w={word}"));
            f.put(format_args!("wl={}", lower[i]));
            f.put(format_args!("sh={}", shape(word).chars().take(8).collect::<String>()));
            f.put(format_args!("ssh={}", shapes[i]));
            prefixes_suffixes(word, &mut f);
            f.sink.word_done();
        }
        if i == 0 {
            f.plain("first");
        }
        if i + 1 == n {
            f.plain("last");
        }
        if caps_sentence {
            f.plain("caps_sentence");
            f.put(format_args!("caps_sentence|ssh={}", shapes[i]));
        }
        if word.contains('-') {
            f.plain("hyphen");
        }
        if has_upper(word) {
            if view.lower.contains(&lower[i]) {
                f.plain("doc_lower");
            }
            if view.mid_capitalised.contains(&lower[i]) {
                f.plain("doc_midcap");
            }
            if i == 0 || caps_sentence {
                // Where the case here says little, what the document says matters more.
                f.put(format_args!("weak_case|doc_midcap={}", view.mid_capitalised.contains(&lower[i])));
            }
        }
        if let Some(kind) = gazetteer[i] {
            f.put(format_args!("gz={kind}"));
        }
        for (o, name) in [(-1isize, "-1"), (1, "+1")] {
            if let Some(j) = at(i as isize + o)
                && let Some(kind) = gazetteer[j]
            {
                f.put(format_args!("gz{name}={kind}"));
            }
        }
        // Two-word places ("New York", "Hong Kong").
        if let Some(kind) = pairs[i] {
            f.put(format_args!("gz2+={kind}"));
        }
        if let Some(kind) = i.checked_sub(1).and_then(|j| pairs[j]) {
            f.put(format_args!("gz2-={kind}"));
        }
        if heads[i].title {
            f.plain("title");
        }
        if heads[i].org {
            f.plain("orghead");
        }
        if heads[i].place {
            f.plain("placehead");
        }
        for (o, name) in [(-2isize, "-2"), (-1, "-1"), (1, "+1"), (2, "+2")] {
            match at(i as isize + o) {
                Some(j) => {
                    f.put(format_args!("wl{name}={}", lower[j]));
                    f.put(format_args!("ssh{name}={}", shapes[j]));
                    if heads[j].title {
                        f.put(format_args!("title{name}"));
                    }
                    if heads[j].org {
                        f.put(format_args!("orghead{name}"));
                    }
                    if heads[j].place {
                        f.put(format_args!("placehead{name}"));
                    }
                }
                None => f.put(format_args!("wl{name}={}", if o < 0 { "<s>" } else { "</s>" })),
            }
        }
        let prev = at(i as isize - 1).map_or("<s>", |j| lower[j].as_str());
        let next = at(i as isize + 1).map_or("</s>", |j| lower[j].as_str());
        f.put(format_args!("wl-1|wl={prev}|{}", lower[i]));
        f.put(format_args!("wl|wl+1={}|{next}", lower[i]));
        let sh = |o: isize| at(i as isize + o).map_or("_", |j| shapes[j].as_str());
        f.put(format_args!("ssh-1|ssh|ssh+1={}|{}|{}", sh(-1), sh(0), sh(1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_keep_case_digits_and_punctuation() {
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("Takagi"), "Xxxxxx");
        assert_eq!(short_shape("Takagi"), "Xx");
        assert_eq!(short_shape("1,250.5"), "d,d.d");
    }

    #[test]
    fn a_word_seen_capitalised_mid_sentence_is_marked_where_its_case_says_little() {
        let doc = vec![vec!["VRELO", "WINS", "AGAIN"], vec!["President", "Pablo", "praised", "Vrelo", "."]];
        let f = document(&doc);
        assert!(f[0][0].contains(&"caps_sentence".to_owned()));
        assert!(f[0][0].contains(&"weak_case|doc_midcap=true".to_owned()));
        assert!(f[1][1].contains(&"title-1".to_owned()));
        assert!(!f[1][2].contains(&"doc_lower".to_owned()));
    }

    #[test]
    fn gazetteer_membership_is_a_feature() {
        let doc = vec![vec!["He", "flew", "to", "Madrid", "from", "New", "York", "."]];
        let f = document(&doc);
        assert!(f[0][3].iter().any(|a| a.starts_with("gz=")), "{:?}", f[0][3]);
        assert!(f[0][5].iter().any(|a| a.starts_with("gz2+=")), "{:?}", f[0][5]);
    }
}
