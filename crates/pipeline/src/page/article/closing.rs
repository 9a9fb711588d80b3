//! Closing lines: what may close the body instead of heading it, in any order: a
//! publication line or date line (the date), a source line (the outlet), the wire's
//! credit line (the authors).

use std::sync::LazyLock;

use model::DateSpan;
use regex::Regex;

use super::Reading;
use super::credits::{credit_from, outlet, quoted};
use crate::page::dateline;
use crate::page::meta;
use crate::page::words;
use crate::rules::alternation;

/// Reads up to three closing lines off the end of `paragraphs`, leaving one
/// paragraph at least.
pub(super) fn read(read: &mut Reading, paragraphs: &mut Vec<String>) {
    for _ in 0..3 {
        if paragraphs.len() < 2 {
            break;
        }
        let last = paragraphs.last().map_or("", String::as_str);
        if let Some(date) = published_line(last).or_else(|| dateline::date_line(last, 0)) {
            read.published.get_or_insert(date);
        } else if let Some(c) = SOURCE_LINE.captures(last) {
            credit_from(&mut read.credits, outlet(&c[1]), &quoted(last));
        } else if let Some(names) = closing_credits(last) {
            credit_from(&mut read.credits, names.iter().filter_map(|n| meta::credit(n)), &quoted(last));
        } else {
            break;
        }
        paragraphs.pop();
    }
}

/// A closing credit line, its roles `CREDIT_ROLES` of `assets/page/words.txt`.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let roles = alternation(&words::CREDIT_ROLES);
    Regex::new(&format!(r"(?i)^\(?\s*((additional\s+)?{roles})\s+by\s+[^()]{{2,300}}\)?\.?$")).expect("valid regex")
});
/// One role of a closing credit line and its names.
static CREDIT_PART: LazyLock<Regex> = LazyLock::new(|| {
    let roles = alternation(&words::CREDIT_ROLES);
    Regex::new(&format!(r"(?i)^\s*(additional\s+)?({roles})\s+by\s+(.+?)\s*$")).expect("valid regex")
});

/// The wire's closing credit line ("(Reporting by Ann Lee in Oslo; Writing by Jon Doe;
/// Editing by Sam Poe)"): the names of those who reported and wrote (editors are not
/// the article's authors); `None` when the block is not one.
fn closing_credits(block: &str) -> Option<Vec<String>> {
    if !CREDIT_LINE.is_match(block.trim()) {
        return None;
    }
    let inner = block.trim().trim_start_matches('(').trim_end_matches('.').trim_end_matches(')');
    let mut names = Vec::new();
    for part in inner.split(';') {
        let Some(c) = CREDIT_PART.captures(part) else { continue };
        let role = c[2].to_lowercase();
        if role.starts_with("edit") {
            continue;
        }
        for name in c[3].split(" and ").flat_map(|n| n.split(',')) {
            // "Ann Lee in Oslo": the place is where they reported from.
            let name = name.split(" in ").next().unwrap_or("").trim();
            if !name.is_empty() {
                names.push(name.to_owned());
            }
        }
    }
    // Every name a credit, or it is a sentence about reporting.
    (!names.is_empty() && names.iter().all(|n| meta::credit(n).is_some())).then_some(names)
}

/// "Source: Trend" closing the body: the outlet the text comes from.
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:source)\s*:\s*(\p{Lu}[\p{L}\p{N} .&'-]{0,40}?)\.?$").expect("valid regex"));

static PUBLISHED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*(first\s+)?({})\b", alternation(&words::PUBLISHED))).expect("valid regex")
});

/// A publication line at the end of the body ("Published 11:20 AM EST, Thu October 6,
/// 2022"), as wire copy puts it: its date.
fn published_line(block: &str) -> Option<DateSpan> {
    PUBLISHED_LINE.is_match(block).then(|| dateline::date_line(block, 2)).flatten()
}
