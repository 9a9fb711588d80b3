//! One file's text to one [`Article`], as a list of stages: the file's blocks
//! (`blocks`), furniture set aside (`furniture`), header lines read by a table of
//! named rules (`header`), closing lines (`closing`), the lead's dateline and agency
//! (`lead`), the title (`title`) and the credits with where each was read (`credits`).
//! Recycled passages are found later, across the corpus.

mod blocks;
mod closing;
mod credits;
mod furniture;
mod header;
mod lead;
mod title;

use std::path::Path;

use model::{Article, DateSpan, Text};

use crate::page::clean;
use crate::page::meta::{self, Credit};

/// Blocks (paragraphs, lines) read from one file; the rest is left out with a
/// warning. Each block costs the later stages work whatever its length, so a file of
/// a million one-word lines would take minutes; [`crate::MAX_BYTES`] of paragraphs
/// of 85 bytes or more stays under it.
pub const MAX_BLOCKS: usize = 50_000;

/// What the stages have read of the article so far, besides its blocks.
#[derive(Default)]
struct Reading {
    /// The headline, once the page's markup or a header line states it.
    title: Option<String>,
    published: Option<DateSpan>,
    /// A dateline's month and day, when it gives no year.
    dateline_day: Option<(u8, u8, String)>,
    /// Each name credited, with where it was read.
    credits: Vec<(Credit, String)>,
    /// What was taken out of the text: furniture, chrome, header lines.
    removed: Vec<String>,
    /// What had to be left out, for the warnings.
    notes: Vec<String>,
}

/// Parses one article. `Err` says why the file holds no readable article.
pub fn parse_article(path: &Path, text: &str) -> Result<Article, String> {
    parse(path, text).map(|(article, _)| article)
}

/// [`parse_article`], with notes on what had to be left out.
pub(crate) fn parse(path: &Path, text: &str) -> Result<(Article, Vec<String>), String> {
    parse_by(path, text, header::RULES)
}

/// [`parse`] with the header lines read by `rules` (the tests leave one out).
fn parse_by(path: &Path, text: &str, rules: &[(&str, header::Rule)]) -> Result<(Article, Vec<String>), String> {
    let mut read = Reading::default();
    let is_html = crate::page::read::is_html_file(path) || blocks::looks_like_html_document(text);
    // How many of the first blocks may only be header lines (bylines, dates), never text.
    let (blocks, header_only) =
        if is_html { blocks::html_page(text, &mut read) } else { (blocks::text_file(text, &mut read), 0) };
    if blocks.is_empty() && read.title.is_none() {
        return Err(if is_html || !read.removed.is_empty() {
            "has markup but no readable text; skipped".into()
        } else {
            "has no readable text; skipped".into()
        });
    }
    let (kept, header_kept) = furniture::set_aside(&mut read, blocks, header_only);
    let mut paragraphs = header::read(&mut read, kept, header_kept, rules);
    closing::read(&mut read, &mut paragraphs);
    paragraphs.iter_mut().for_each(|p| *p = clean::unglue_sentences(p));
    if clean::needs_sentence_split(&paragraphs) {
        paragraphs = paragraphs.iter().flat_map(|p| clean::split_long_block(p)).collect();
    }
    lead::read_date(&mut read, &paragraphs);
    if read.published.is_none() {
        read.published = meta::infer_published(&paragraphs, read.dateline_day.take());
    }
    let (title, title_stated) = match read.title.take() {
        Some(t) => (t, true),
        None => match paragraphs.first() {
            Some(lead) => (title::derive_title(lead), false),
            None => return Err("has no readable text; skipped".into()),
        },
    };
    lead::read_agency(&mut read, &paragraphs);
    let (authors, outlets, credited) = credits::gather(read.credits);
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let file = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((
        Article {
            id: id.into(),
            file: file.into(),
            title: title.into(),
            title_stated,
            authors,
            outlets,
            credited,
            published: read.published,
            paragraphs: paragraphs.into_iter().map(Text::from).collect(),
            removed: read.removed.into_iter().map(Text::from).collect(),
            recycled: vec![],
        },
        read.notes,
    ))
}

#[cfg(test)]
mod tests;
