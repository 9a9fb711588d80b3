//! The export schema: the documented contract of `pipeline extract` and of the
//! explorer's "Download JSON" (see README.md, "JSON export"). Field names and forms
//! here are public; change them only with the README. Serialize-only: the pipeline
//! writes it with serde_json, the app hands it to the browser's JSON.

use serde::Serialize;

use crate::corpus::{Article, Corpus};
use crate::date::{Basis, DateSpan};
use crate::entity::Entity;
use crate::event::Event;

#[derive(Serialize)]
pub struct Export<'a> {
    pub articles: Vec<ArticleJson<'a>>,
    pub entities: Vec<EntityJson<'a>>,
    pub events: Vec<EventJson<'a>>,
    pub warnings: Vec<WarningJson<'a>>,
}

#[derive(Serialize)]
pub struct ArticleJson<'a> {
    pub id: &'a str,
    pub file: &'a str,
    pub title: &'a str,
    pub title_stated: bool,
    pub authors: &'a [String],
    pub outlets: &'a [String],
    pub credited: &'a [crate::Text],
    pub published: Option<WhenJson<'a>>,
    pub text: String,
    pub paragraphs: &'a [crate::Text],
    pub removed: &'a [crate::Text],
    pub recycled: Vec<RecycledJson<'a>>,
}

#[derive(Serialize)]
pub struct WhenJson<'a> {
    pub start: String,
    pub end: String,
    pub precision: &'static str,
    pub basis: &'static str,
    pub evidence: &'a str,
}

#[derive(Serialize)]
pub struct RecycledJson<'a> {
    pub text: &'a str,
    pub first_seen: &'a str,
    pub paragraph: u32,
    pub articles: u32,
}

#[derive(Serialize)]
pub struct EntityJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    pub aliases: Vec<AliasJson<'a>>,
    pub roles: Vec<RoleJson<'a>>,
    pub articles: Vec<&'a str>,
    pub mentions: Vec<MentionJson<'a>>,
    pub related: Vec<RelatedJson<'a>>,
    pub series: Option<&'a str>,
    /// Where a place is, in degrees, and whose point it is: "city" (its own),
    /// "subdivision" or "country" (the representative point of what holds it).
    pub point: Option<PointJson>,
}

#[derive(Serialize)]
pub struct PointJson {
    pub lat: f64,
    pub lon: f64,
    pub of: &'static str,
}

#[derive(Serialize)]
pub struct AliasJson<'a> {
    pub text: &'a str,
    pub count: u32,
    pub rule: &'a str,
}

#[derive(Serialize)]
pub struct RoleJson<'a> {
    pub text: &'a str,
    pub article: &'a str,
}

/// `start` and `end` count characters (Unicode scalar values) into the article's `text`.
#[derive(Serialize)]
pub struct MentionJson<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct RelatedJson<'a> {
    pub id: &'a str,
    /// Sentences that mention both.
    pub count: u32,
    /// Articles that mention both.
    pub articles: u32,
}

/// Article `i` as an export reads it: the corpus's, or a split corpus's with its body
/// put back.
type ArticleAt<'f, 'a> = &'f dyn Fn(u32) -> Option<&'a Article>;

fn entity<'a>(corpus: &'a Corpus, e: &'a Entity, at: ArticleAt<'_, 'a>) -> EntityJson<'a> {
    let article_id = |i: u32| corpus.articles.get(i as usize).map_or("", |a| &*a.id);
    let mut indices: Vec<u32> = e.mentions.iter().map(|m| m.article).chain(e.roles.iter().map(|r| r.article)).collect();
    crate::order::sort(&mut indices);
    indices.dedup();
    let articles: Vec<&str> = indices.into_iter().map(article_id).collect();
    EntityJson {
        id: &e.id,
        name: &e.name,
        kind: e.kind.as_str(),
        aliases: e.aliases.iter().map(|a| AliasJson { text: &a.text, count: a.count, rule: &a.rule }).collect(),
        roles: e.roles.iter().map(|r| RoleJson { text: &r.text, article: article_id(r.article) }).collect(),
        articles,
        mentions: e
            .mentions
            .iter()
            .filter_map(|m| {
                let article = at(m.article)?;
                let paragraph = article.paragraphs.get(m.paragraph as usize)?;
                let text = paragraph.get(m.start as usize..m.end as usize)?;
                // Offsets into `text`, where paragraphs are joined by a blank line.
                let before: usize =
                    article.paragraphs[..m.paragraph as usize].iter().map(|p| p.chars().count() + 2).sum();
                let start = before + paragraph[..m.start as usize].chars().count();
                Some(MentionJson { article: &article.id, text, start, end: start + text.chars().count() })
            })
            .collect(),
        related: e
            .related
            .iter()
            .filter_map(|r| {
                let other = corpus.entities.get(r.entity as usize)?;
                Some(RelatedJson { id: &other.id, count: r.sentences, articles: r.articles })
            })
            .collect(),
        series: e.series.as_deref(),
        point: e.point.map(|p| PointJson { lat: p.lat_degrees(), lon: p.lon_degrees(), of: p.of.as_str() }),
    }
}

#[derive(Serialize)]
pub struct EventJson<'a> {
    pub id: &'a str,
    pub when: WhenJson<'a>,
    pub summary: &'a str,
    pub kind: &'static str,
    pub entities: Vec<&'a str>,
    pub sources: Vec<SourceJson<'a>>,
}

#[derive(Serialize)]
pub struct SourceJson<'a> {
    pub article: &'a str,
    pub sentence: &'a str,
}

fn event<'a>(corpus: &'a Corpus, e: &'a Event, at: ArticleAt<'_, 'a>) -> EventJson<'a> {
    EventJson {
        id: &e.id,
        when: when(&e.when),
        summary: &e.summary,
        kind: e.kind.as_str(),
        entities: e.entities.iter().filter_map(|&i| corpus.entities.get(i as usize)).map(|x| x.id.as_str()).collect(),
        sources: e
            .sources
            .iter()
            .filter_map(|s| {
                let article = at(s.article)?;
                Some(SourceJson { article: &article.id, sentence: s.sentence_in(&article.paragraphs) })
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct WarningJson<'a> {
    pub file: &'a str,
    pub message: &'a str,
}

pub fn when(span: &DateSpan) -> WhenJson<'_> {
    WhenJson {
        start: span.start.iso(),
        end: span.end.iso(),
        precision: span.precision.as_str(),
        basis: match span.basis {
            Basis::Stated => "stated",
            Basis::Inferred => "inferred",
        },
        evidence: &span.evidence,
    }
}

fn article(a: &Article) -> ArticleJson<'_> {
    ArticleJson {
        id: &a.id,
        file: &a.file,
        title: &a.title,
        title_stated: a.title_stated,
        authors: &a.authors,
        outlets: &a.outlets,
        credited: &a.credited,
        published: a.published.as_ref().map(when),
        text: a.paragraphs.join("\n\n"),
        paragraphs: &a.paragraphs,
        removed: &a.removed,
        recycled: a
            .recycled
            .iter()
            .map(|r| RecycledJson {
                text: &r.text,
                first_seen: &r.first_seen,
                paragraph: r.paragraph,
                articles: r.articles,
            })
            .collect(),
    }
}

/// The export of a whole corpus with its warnings (`(file, message)` pairs).
pub fn export<'a>(corpus: &'a Corpus, warnings: &'a [(String, String)]) -> Export<'a> {
    Export {
        articles: corpus.articles.iter().map(article).collect(),
        entities: corpus.entities.iter().map(|e| entity(corpus, e, &|i| corpus.articles.get(i as usize))).collect(),
        events: corpus.events.iter().map(|e| event(corpus, e, &|i| corpus.articles.get(i as usize))).collect(),
        warnings: warnings.iter().map(|(file, message)| WarningJson { file, message }).collect(),
    }
}

/// The export of a view: the given events (timeline rows), the articles they come
/// from and the entities they name.
pub fn export_view<'a>(corpus: &'a Corpus, events: &[usize]) -> Export<'a> {
    export_view_in(corpus, events, &|i| corpus.articles.get(i as usize))
}

/// [`export_view`] with each article as `at` gives it: a split corpus's, whole.
pub fn export_view_in<'a>(corpus: &'a Corpus, events: &[usize], at: ArticleAt<'_, 'a>) -> Export<'a> {
    let mut articles: Vec<u32> = Vec::new();
    let mut entities: Vec<u32> = Vec::new();
    for &i in events {
        let e = &corpus.events[i];
        articles.extend(e.sources.iter().map(|s| s.article));
        entities.extend(e.entities.iter().copied());
    }
    crate::order::sort(&mut articles);
    articles.dedup();
    crate::order::sort(&mut entities);
    entities.dedup();
    Export {
        articles: articles.iter().filter_map(|&a| at(a)).map(article).collect(),
        entities: entities
            .iter()
            .filter_map(|&x| corpus.entities.get(x as usize))
            .map(|e| entity(corpus, e, at))
            .collect(),
        events: events.iter().filter_map(|&i| corpus.events.get(i)).map(|e| event(corpus, e, at)).collect(),
        warnings: Vec::new(),
    }
}

/// The given events as CSV (RFC 4180 quoting): one row an event.
pub fn timeline_csv(corpus: &Corpus, events: &[usize]) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::from("id,start,end,precision,basis,kind,summary,entities,sources\n");
    for &i in events {
        let Some(e) = corpus.events.get(i) else { continue };
        let w = when(&e.when);
        let entities: Vec<&str> =
            e.entities.iter().filter_map(|&x| corpus.entities.get(x as usize)).map(|x| x.id.as_str()).collect();
        let sources: Vec<&str> =
            e.sources.iter().filter_map(|s| corpus.articles.get(s.article as usize)).map(|a| &*a.id).collect();
        let row = [
            quote(&e.id),
            w.start,
            w.end,
            w.precision.to_owned(),
            w.basis.to_owned(),
            e.kind.as_str().to_owned(),
            quote(&e.summary),
            quote(&entities.join(" ")),
            quote(&sources.join(" ")),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::event::{EventKind, Source};

    #[test]
    fn csv_quotes_and_lists_rows() {
        let corpus = Corpus {
            articles: vec![],
            entities: vec![],
            events: vec![Event {
                id: "event:x".into(),
                when: DateSpan::stated_day(Date::new(2021, 1, 2).unwrap(), "2 Jan"),
                summary: "He said \"yes\", then left".into(),
                kind: EventKind::Statement,
                entities: vec![],
                sources: vec![Source { article: 9, paragraph: 0, sentence: "s".into(), place: None }],
            }],
        };
        assert_eq!(
            timeline_csv(&corpus, &[0]),
            "id,start,end,precision,basis,kind,summary,entities,sources\n\"event:x\",2021-01-02,2021-01-02,day,stated,statement,\"He said \"\"yes\"\", then left\",\"\",\"\"\n"
        );
        assert_eq!(export_view(&corpus, &[0]).events.len(), 1);
    }

    #[test]
    fn a_source_a_core_holds_as_a_place_exports_its_sentence_from_the_whole_article() {
        let whole = Article {
            id: "a".into(),
            file: "a.txt".into(),
            title: "T".into(),
            title_stated: true,
            authors: vec![],
            outlets: vec![],
            credited: vec![],
            published: None,
            paragraphs: vec!["Lead.".into(), "One. Two.".into()],
            removed: vec![],
            recycled: vec![],
        };
        let core_article = crate::format::Body::cut(&whole);
        let source =
            |sentence: &str, place| Source { article: 0, paragraph: 1, sentence: sentence.to_owned().into(), place };
        let corpus = Corpus {
            articles: vec![core_article],
            entities: vec![],
            events: vec![Event {
                id: "event:x".into(),
                when: DateSpan::stated_day(Date::new(2021, 1, 2).unwrap(), ""),
                summary: "One".into(),
                kind: EventKind::Statement,
                entities: vec![],
                sources: vec![source("One.", None), source("", Some((5, 9)))],
            }],
        };
        let sentences =
            |export: Export| export.events[0].sources.iter().map(|s| s.sentence.to_owned()).collect::<Vec<_>>();
        assert_eq!(sentences(export_view_in(&corpus, &[0], &|_| Some(&whole))), ["One.", "Two."]);
        assert_eq!(sentences(export_view(&corpus, &[0])), ["One.", ""], "the core alone lacks it");
    }

    #[test]
    fn a_place_exports_its_point_in_degrees_and_whose_it_is() {
        use crate::entity::{EntityKind, Point, PointOf};
        let place = Entity {
            id: "place:kars".into(),
            name: "Kars".into(),
            kind: EntityKind::Place,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
            related: vec![],
            series: None,
            point: Some(Point { lat: 40_608, lon: -43_097, of: PointOf::City }),
        };
        let corpus = Corpus { articles: vec![], entities: vec![place], events: vec![] };
        let json = export(&corpus, &[]);
        let point = json.entities[0].point.as_ref().unwrap();
        assert_eq!((point.lat, point.lon, point.of), (40.608, -43.097, "city"));
    }
}
