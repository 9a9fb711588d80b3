//! The file's blocks (paragraphs, lines) as plain text: an HTML page's main content
//! with the header lines above it, or a text file's blocks. The rest of the page
//! (chrome, the headline's own block, stray markup) is set aside as removed.

use std::collections::HashSet;

use model::DateSpan;

use super::credits::{credit_from, outlet};
use super::{MAX_BLOCKS, Reading};
use crate::language::dates::{DateValue, find_dates};
use crate::page::clean;
use crate::page::html;
use crate::page::main_content;
use crate::page::meta;

/// Blocks of an HTML page before its headline that are taken for the page's chrome.
const MAX_CHROME_BLOCKS: usize = 8;

/// A `.txt` file that is really a saved web page.
pub(super) fn looks_like_html_document(text: &str) -> bool {
    let head = text.trim_start().get(..200).unwrap_or(text.trim_start()).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The blocks of an HTML page, and how many of the first may only be header lines
/// (bylines, dates), never text. What the markup states (authors, site, date,
/// title) goes into `read`.
pub(super) fn html_page(text: &str, read: &mut Reading) -> (Vec<String>, usize) {
    let doc = html::parse_document(text);
    read.removed.extend(doc.removed);
    let authors = doc.authors.iter().filter_map(|a| meta::credit(&html::plain(a)));
    credit_from(&mut read.credits, authors, "the page's markup (author tag, structured data or byline element)");
    let site = doc.site.as_deref().and_then(|s| outlet(&html::plain(s)));
    credit_from(&mut read.credits, site, "the page's markup (site name or publisher)");
    read.published = doc.published.as_deref().and_then(|p| stated_from_markup(&html::plain(p)));
    read.title = doc.title.as_deref().map(html::plain).filter(|t| !t.is_empty());
    let mut header_only = 0;
    // The body is the page's main content; the rest of the page's text is kept
    // aside as removed. A page where the extractor finds nothing falls back to
    // every block outside the page's marked furniture.
    let mut blocks = match main_content::blocks(text) {
        Some(mut main) => {
            // The headline, and a section's name above it ("News"), are no text.
            if let Some(at) = main.iter().take(3).position(|b| Some(b.as_str()) == read.title.as_deref()) {
                read.removed.extend(main.drain(..at));
                main.remove(0);
            }
            // The lines between the headline and the body (a byline, a date) are
            // read as header lines, never kept as text.
            let header = header_lines(&doc.blocks, read.title.as_deref(), &main);
            let kept: HashSet<&str> =
                main.iter().chain(&header).map(String::as_str).chain(read.title.as_deref()).collect();
            read.removed.extend(doc.blocks.into_iter().filter(|b| !kept.contains(b.as_str())));
            header_only = header.len();
            header.into_iter().chain(main).collect()
        }
        None => doc.blocks,
    };
    cap(&mut blocks, &mut read.notes);
    let mut blocks = plain_blocks(blocks);
    // The headline's own block, and the page's chrome before it (a weather and
    // currency strip, a site menu no markup names), which is no article text.
    if let Some(t) = &read.title
        && let Some(i) = blocks.iter().take(MAX_CHROME_BLOCKS + 1).position(|b| b == t)
    {
        read.removed.extend(blocks.drain(..i));
        blocks.remove(0);
    }
    (blocks, header_only)
}

/// The blocks of a text file; hidden text and stray markup go into `read.removed`.
pub(super) fn text_file(text: &str, read: &mut Reading) -> Vec<String> {
    let (text, hidden) = html::blank_hidden(text);
    read.removed.extend(hidden);
    let mut blocks = clean::split_blocks(&text);
    cap(&mut blocks, &mut read.notes);
    plain_blocks(strip_debris(blocks, &mut read.removed))
}

/// The page's blocks between its headline and the main content's first block, when
/// both are near the top: where bylines and dates stand that an extractor leaves out.
fn header_lines(page: &[String], title: Option<&str>, main: &[String]) -> Vec<String> {
    let Some(title) = title else { return Vec::new() };
    let Some(start) = page.iter().take(MAX_CHROME_BLOCKS * 4).position(|b| b == title) else { return Vec::new() };
    let window = &page[start + 1..page.len().min(start + 2 + MAX_CHROME_BLOCKS)];
    // The extractor may split or trim a header line of its own ("12 July 2022 09:30"
    // of "12 July 2022 09:30 By Ann Lee"): the body starts at the first of its first
    // blocks that the page has as it is.
    main.iter()
        .take(3)
        .find_map(|first| window.iter().position(|b| b == first))
        .map_or_else(Vec::new, |n| window[..n].to_vec())
}

/// Keeps the first [`MAX_BLOCKS`] blocks, with a note when there were more.
fn cap(blocks: &mut Vec<String>, notes: &mut Vec<String>) {
    if blocks.len() > MAX_BLOCKS {
        notes.push(format!("has {} paragraphs or lines; only the first {MAX_BLOCKS} were read", blocks.len()));
        blocks.truncate(MAX_BLOCKS);
    }
}

/// Drops stray tags and decodes entities in plain-text blocks; what was dropped is
/// kept in `removed`.
fn strip_debris(blocks: Vec<String>, removed: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        if !html::has_markup(&block) {
            out.push(block);
            continue;
        }
        let text = html::collapse(&html::strip_markup(&block));
        let debris = html::markup_in(&block);
        if !debris.is_empty() {
            removed.push(debris);
        }
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

/// Blocks as plain text (see [`html::plain`]), without those left empty.
fn plain_blocks(blocks: Vec<String>) -> Vec<String> {
    blocks.iter().map(|b| html::plain(b)).filter(|b| !b.is_empty()).collect()
}

/// The publication date a page's markup states (`article:published_time` and the like).
fn stated_from_markup(value: &str) -> Option<DateSpan> {
    find_dates(value).into_iter().find_map(|f| match f.value {
        DateValue::Full(date) => Some(DateSpan::stated_day(date, value)),
        _ => None,
    })
}
