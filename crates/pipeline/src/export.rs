//! The JSON export: the documented contract of `pipeline extract` (see README.md,
//! "JSON export"). Field names and forms here are public; change them only with
//! the README.

use model::{Article, Basis, DateSpan, Precision};
use serde::Serialize;

use crate::{Output, Warning};

#[derive(Serialize)]
pub struct Export<'a> {
    pub articles: Vec<ArticleJson<'a>>,
    /// Filled by the entity stage; empty until then.
    pub entities: Vec<serde_json::Value>,
    /// Filled by the event stage; empty until then.
    pub events: Vec<serde_json::Value>,
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
    pub published: Option<WhenJson<'a>>,
    pub text: String,
    pub paragraphs: &'a [String],
    pub removed: &'a [String],
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
pub struct WarningJson<'a> {
    pub file: &'a str,
    pub message: &'a str,
}

pub fn when(span: &DateSpan) -> WhenJson<'_> {
    WhenJson {
        start: span.start.iso(),
        end: span.end.iso(),
        precision: match span.precision {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Range => "range",
            Precision::Approximate => "approximate",
        },
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
        published: a.published.as_ref().map(when),
        text: a.paragraphs.join("\n\n"),
        paragraphs: &a.paragraphs,
        removed: &a.removed,
        recycled: a
            .recycled
            .iter()
            .map(|r| RecycledJson { text: &r.text, first_seen: &r.first_seen, paragraph: r.paragraph, articles: r.articles })
            .collect(),
    }
}

fn warning(w: &Warning) -> WarningJson<'_> {
    WarningJson { file: &w.file, message: &w.message }
}

/// The export of a pipeline run.
pub fn export(out: &Output) -> Export<'_> {
    Export {
        articles: out.corpus.articles.iter().map(article).collect(),
        entities: Vec::new(),
        events: Vec::new(),
        warnings: out.warnings.iter().map(warning).collect(),
    }
}

/// The export as pretty-printed JSON.
pub fn to_json(out: &Output) -> String {
    serde_json::to_string_pretty(&export(out)).expect("export types serialise to JSON")
}
