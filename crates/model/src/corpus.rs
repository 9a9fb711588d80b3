//! The processed corpus as the app receives it: articles with clean text and metadata.

use serde::{Deserialize, Serialize};

use crate::date::DateSpan;
use crate::entity::Entity;
use crate::event::Event;

pub use crate::text::Text;

/// Everything the pipeline hands to the app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    /// In date order (start, then end), ties by id.
    pub events: Vec<Event>,
}

/// One article after cleaning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file stem: stable across builds as long as the file keeps its name.
    pub id: Text,
    /// The file name the article was read from, for messages and provenance.
    pub file: Text,
    pub title: Text,
    /// True when the title was found in the file, false when derived from the text.
    pub title_stated: bool,
    /// People named in bylines.
    pub authors: Vec<String>,
    /// Outlets named in bylines or datelines ("By Azernews"), which are not authors.
    pub outlets: Vec<String>,
    /// Where each name of `authors`, then of `outlets`, was read: the line in quotes
    /// ("“By Ann Lee”") or the part of the page's markup. Shorter when unknown.
    #[serde(default)]
    pub credited: Vec<Text>,
    pub published: Option<DateSpan>,
    /// The body, one entry a paragraph, always plain text (never markup).
    pub paragraphs: Vec<Text>,
    /// Page furniture and debris the cleaner took out, in file order, for readers who
    /// want to see what was dropped.
    pub removed: Vec<Text>,
    /// Passages that also appear in other articles of the corpus.
    pub recycled: Vec<Recycled>,
}

/// A passage of an article that recurs elsewhere in the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recycled {
    /// Index into the article's `paragraphs` of the paragraph holding the passage.
    pub paragraph: u32,
    /// The passage as it reads in this article (one or more whole sentences).
    pub text: Text,
    /// Id of the earliest article the passage appeared in (may be this article).
    pub first_seen: Text,
    /// How many articles of the corpus carry the passage, this one included.
    pub articles: u32,
}

impl Article {
    /// The opening paragraph, or an empty string for an article with no body.
    pub fn lead(&self) -> &str {
        self.paragraphs.first().map_or("", |p| p)
    }
}

impl Article {
    /// The start of the lead, cut at a word boundary to at most `max_chars`
    /// characters (with "…" when cut): what a list shows before the article is opened.
    pub fn opening(&self, max_chars: usize) -> String {
        let lead = self.lead();
        if lead.chars().count() <= max_chars {
            return lead.to_owned();
        }
        let cut: String = lead.chars().take(max_chars).collect();
        let at_word = match cut.rfind(char::is_whitespace) {
            Some(i) if i > 0 => &cut[..i],
            _ => cut.as_str(),
        };
        format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
    }
}

impl Corpus {
    /// Articles newest first; undated articles come last, and ties keep id order so
    /// the list is the same on every load.
    pub fn newest_first(&self) -> Vec<&Article> {
        let mut list: Vec<&Article> = self.articles.iter().collect();
        crate::order::sort_by(&mut list, &|a, b| {
            let key = |x: &Article| x.published.as_ref().map(|p| p.start);
            key(b).cmp(&key(a)).then_with(|| a.id.cmp(&b.id))
        });
        list
    }
}

/// Whether a recycled passage's text holds a source sentence.
pub(crate) fn passage_holds(passage: &str, sentence: &str) -> bool {
    passage.len() >= sentence.len() && passage.contains(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{Date, DateSpan};

    fn article(id: &str, date: Option<(i16, u8, u8)>) -> Article {
        Article {
            id: id.to_owned().into(),
            file: format!("{id}.txt").into(),
            title: id.to_uppercase().into(),
            title_stated: true,
            authors: vec![],
            outlets: vec![],
            credited: vec![],
            published: date.map(|(y, m, d)| DateSpan::stated_day(Date::new(y, m, d).unwrap(), "")),
            paragraphs: vec![format!("{id} lead").into(), "more".into()],
            removed: vec![],
            recycled: vec![],
        }
    }

    #[test]
    fn newest_first_puts_undated_last_and_breaks_ties_by_id() {
        let corpus = Corpus {
            articles: vec![
                article("c", None),
                article("a", Some((2021, 10, 5))),
                article("b", Some((2022, 12, 5))),
                article("e", Some((2021, 10, 5))),
                article("d", None),
            ],
            entities: vec![],
            events: vec![],
        };
        let ids: Vec<&str> = corpus.newest_first().iter().map(|a| &*a.id).collect();
        assert_eq!(ids, ["b", "a", "e", "c", "d"]);
    }

    #[test]
    fn opening_cuts_long_leads_at_a_word() {
        let mut a = article("x", None);
        a.paragraphs = vec!["Short lead.".into()];
        assert_eq!(a.opening(20), "Short lead.");
        a.paragraphs = vec!["Ministers met in Tbilisi, discussing drills and more".into()];
        assert_eq!(a.opening(26), "Ministers met in Tbilisi…");
        a.paragraphs = vec!["Unbrokenwordwithoutanyspaces".into()];
        assert_eq!(a.opening(8), "Unbroken…");
        a.paragraphs = vec!["Türkiye üçüncü".into()];
        assert_eq!(a.opening(9), "Türkiye…");
    }

    #[test]
    fn lead_is_first_paragraph_or_empty() {
        let mut a = article("x", None);
        assert_eq!(a.lead(), "x lead");
        a.paragraphs.clear();
        assert_eq!(a.lead(), "");
    }
}
