//! From raw article text to an [`Article`]: paragraphs, then the header lines before
//! the body (headline, bylines, dateline). This is the first, simple pass; the
//! cleaning rules for page furniture build on it.

use std::path::Path;
use std::sync::LazyLock;

use model::{Article, Date, DateSpan};
use regex::Regex;

/// A header block longer than this is body text, not a headline or byline.
const MAX_HEADER_CHARS: usize = 200;
/// Derived titles are cut to this many words.
const DERIVED_TITLE_WORDS: usize = 12;

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));
static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bBy\s+([^\n]+?)\s*$").expect("valid regex"));

/// Parses one article. `None` when the file holds no text at all.
pub fn parse_article(path: &Path, text: &str) -> Option<Article> {
    let blocks = split_blocks(text);
    if blocks.is_empty() {
        return None;
    }
    let mut title = None;
    let mut authors = Vec::new();
    let mut published = None;
    let mut body_start = 0;
    for (i, block) in blocks.iter().enumerate() {
        if block.chars().count() > MAX_HEADER_CHARS {
            break;
        }
        let kind = classify_header(block);
        match kind {
            Header::Breadcrumb => {}
            Header::Meta { date, byline } => {
                if published.is_none() {
                    published = date;
                }
                authors.extend(byline);
            }
            Header::Headline if title.is_none() => title = Some(block.clone()),
            Header::Headline | Header::Body => break,
        }
        body_start = i + 1;
    }
    let paragraphs: Vec<String> = blocks[body_start..].to_vec();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let file = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (title, title_stated) = match title {
        Some(t) => (t, true),
        None => (derive_title(paragraphs.first().map(String::as_str).unwrap_or(&stem)), false),
    };
    Some(Article { id: stem, file, title, title_stated, authors, published, paragraphs })
}

/// Splits text into paragraphs. Where the text has blank lines, they separate
/// paragraphs and single line breaks inside one are hard wraps; where it has none,
/// every line is a paragraph.
fn split_blocks(text: &str) -> Vec<String> {
    let has_blank_lines = text.trim().contains("\n\n") || text.trim().contains("\n \n");
    let join = |lines: &[&str]| lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    let mut blocks = Vec::new();
    if has_blank_lines {
        let mut current: Vec<&str> = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    blocks.push(join(&current));
                    current.clear();
                }
            } else {
                current.push(line);
            }
        }
        if !current.is_empty() {
            blocks.push(join(&current));
        }
    } else {
        blocks.extend(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned));
    }
    blocks
}

enum Header {
    Breadcrumb,
    Meta { date: Option<DateSpan>, byline: Option<String> },
    Headline,
    Body,
}

fn classify_header(block: &str) -> Header {
    if block.contains(">>") {
        return Header::Breadcrumb;
    }
    let date = ISO_DATE.captures(block).and_then(|c| {
        let num = |i: usize| c[i].parse::<i32>().ok();
        let date = Date::new(i16::try_from(num(1)?).ok()?, u8::try_from(num(2)?).ok()?, u8::try_from(num(3)?).ok()?)?;
        Some(DateSpan::stated_day(date, c[0].to_owned()))
    });
    let byline = BYLINE.captures(block).map(|c| c[1].trim().to_owned());
    let leftover_words = ISO_DATE.replace_all(&BYLINE.replace(block, ""), "").split_whitespace().count();
    // A date-shaped token marks a dateline even when the date itself is impossible.
    if (ISO_DATE.is_match(block) || byline.is_some()) && leftover_words <= 3 {
        return Header::Meta { date, byline };
    }
    let ends_sentence = block.ends_with(['.', '!', '?', '"', '”']) && !block.ends_with("...");
    if ends_sentence { Header::Body } else { Header::Headline }
}

/// A title made from the first sentence of the lead, cut to a few words.
fn derive_title(lead: &str) -> String {
    let sentence = lead.split_inclusive(". ").next().unwrap_or(lead).trim().trim_end_matches('.');
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= DERIVED_TITLE_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..DERIVED_TITLE_WORDS].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `input` and compares (title, title_stated, authors, published ISO, first paragraph).
    fn check(input: &str, title: &str, stated: bool, authors: &[&str], date: Option<&str>, lead: &str) {
        let a = parse_article(Path::new("x/fixture.txt"), input).expect("an article");
        assert_eq!(a.title, title, "title");
        assert_eq!(a.title_stated, stated, "title_stated");
        assert_eq!(a.authors, authors, "authors");
        assert_eq!(a.published.as_ref().map(|p| p.start.iso()).as_deref(), date, "published");
        assert_eq!(a.lead(), lead, "lead");
        assert_eq!(a.id, "fixture");
        assert_eq!(a.file, "fixture.txt");
    }

    #[test]
    fn headline_then_byline_with_single_line_paragraphs() {
        check(
            "Ministers meet in Tbilisi\nBy Jane Roe\nThe ministers met on Monday.\nThey talked.",
            "Ministers meet in Tbilisi",
            true,
            &["Jane Roe"],
            None,
            "The ministers met on Monday.",
        );
    }

    #[test]
    fn dateline_and_byline_on_one_line_without_headline() {
        check(
            " date 2023-03-09 By Jon Doe\n\nThe navy held drills near the coast on Tuesday, officials said.\n\nMore text.",
            "The navy held drills near the coast on Tuesday, officials said",
            false,
            &["Jon Doe"],
            Some("2023-03-09"),
            "The navy held drills near the coast on Tuesday, officials said.",
        );
    }

    #[test]
    fn breadcrumb_is_never_the_title_and_hard_wraps_are_joined() {
        check(
            "Home >> World >> Today\n\nPort reopens after storm ...\n\nLink [2019-07-01 10:00:00]\n\nThe port\nreopened today.",
            "Port reopens after storm ...",
            true,
            &[],
            Some("2019-07-01"),
            "The port reopened today.",
        );
    }

    #[test]
    fn long_lead_gives_a_shortened_derived_title() {
        check(
            "By A. Writer\n\nOne two three four five six seven eight nine ten eleven twelve thirteen fourteen. Next.",
            "One two three four five six seven eight nine ten eleven twelve …",
            false,
            &["A. Writer"],
            None,
            "One two three four five six seven eight nine ten eleven twelve thirteen fourteen. Next.",
        );
    }

    #[test]
    fn impossible_iso_date_is_not_a_date() {
        check("date 2023-02-30\n\nBody.", "Body", false, &[], None, "Body.");
    }

    #[test]
    fn empty_text_is_no_article() {
        assert_eq!(parse_article(Path::new("e.txt"), " \n\n \n"), None);
    }
}
