//! One file's text to one [`Article`]: markup and furniture out, header lines
//! (headline, bylines, dateline) read, body paragraphs cleaned, publication date
//! stated or inferred. Recycled passages are found later, across the corpus.

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use model::{Article, DateSpan, Text};
use regex::Regex;

use crate::language::dates::{DateValue, find_dates};
use crate::page::clean;
use crate::page::dateline;
use crate::page::html;
use crate::page::main_content;
use crate::page::meta::{self, Credit};
use crate::page::words;
use crate::rules::alternation;

/// Blocks of an HTML page before its headline that are taken for the page's chrome.
const MAX_CHROME_BLOCKS: usize = 8;
/// Longest block that can be a headline.
const MAX_HEADLINE_CHARS: usize = 200;
/// Derived titles are cut to this many words.
const DERIVED_TITLE_WORDS: usize = 12;
/// Blocks (paragraphs, lines) read from one file; the rest is left out with a
/// warning. Each block costs the later stages work whatever its length, so a file of
/// a million one-word lines would take minutes; [`crate::MAX_BYTES`] of paragraphs
/// of 85 bytes or more stays under it.
pub const MAX_BLOCKS: usize = 50_000;

/// Parses one article. `Err` says why the file holds no readable article.
pub fn parse_article(path: &Path, text: &str) -> Result<Article, String> {
    parse(path, text).map(|(article, _)| article)
}

/// [`parse_article`], with notes on what had to be left out.
pub(crate) fn parse(path: &Path, text: &str) -> Result<(Article, Vec<String>), String> {
    let mut notes = Vec::new();
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let file = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut removed = Vec::new();
    let mut credits = Vec::new();
    let mut title = None;
    let mut published = None;

    let is_html = crate::page::read::is_html_file(path) || looks_like_html_document(text);
    // How many of the first blocks may only be header lines (bylines, dates), never text.
    let mut header_only = 0;
    let blocks = if is_html {
        let doc = html::parse_document(text);
        removed.extend(doc.removed);
        let authors = doc.authors.iter().filter_map(|a| meta::credit(&html::plain(a)));
        credit_from(&mut credits, authors, "the page's markup (author tag, structured data or byline element)");
        let site = doc.site.as_deref().and_then(|s| outlet(&html::plain(s)));
        credit_from(&mut credits, site, "the page's markup (site name or publisher)");
        published = doc.published.as_deref().and_then(|p| stated_from_markup(&html::plain(p)));
        title = doc.title.as_deref().map(html::plain).filter(|t| !t.is_empty());
        // The body is the page's main content; the rest of the page's text is kept
        // aside as removed. A page where the extractor finds nothing falls back to
        // every block outside the page's marked furniture.
        let mut blocks = match main_content::blocks(text) {
            Some(mut main) => {
                // The headline, and a section's name above it ("News"), are no text.
                if let Some(at) = main.iter().take(3).position(|b| Some(b.as_str()) == title.as_deref()) {
                    removed.extend(main.drain(..at));
                    main.remove(0);
                }
                // The lines between the headline and the body (a byline, a date) are
                // read as header lines, never kept as text.
                let header = header_lines(&doc.blocks, title.as_deref(), &main);
                let kept: HashSet<&str> =
                    main.iter().chain(&header).map(String::as_str).chain(title.as_deref()).collect();
                removed.extend(doc.blocks.into_iter().filter(|b| !kept.contains(b.as_str())));
                header_only = header.len();
                header.into_iter().chain(main).collect()
            }
            None => doc.blocks,
        };
        cap(&mut blocks, &mut notes);
        let mut blocks = plain_blocks(blocks);
        // The headline's own block, and the page's chrome before it (a weather and
        // currency strip, a site menu no markup names), which is no article text.
        if let Some(t) = &title
            && let Some(i) = blocks.iter().take(MAX_CHROME_BLOCKS + 1).position(|b| b == t)
        {
            removed.extend(blocks.drain(..i));
            blocks.remove(0);
        }
        blocks
    } else {
        let (text, hidden) = html::blank_hidden(text);
        removed.extend(hidden);
        let mut blocks = clean::split_blocks(&text);
        cap(&mut blocks, &mut notes);
        plain_blocks(strip_debris(blocks, &mut removed))
    };
    if blocks.is_empty() && title.is_none() {
        return Err(if is_html || !removed.is_empty() {
            "has markup but no readable text; skipped".into()
        } else {
            "has no readable text; skipped".into()
        });
    }

    let marks = clean::mark_furniture(&blocks);
    let mut kept = Vec::new();
    let mut header_kept = 0;
    for (i, (block, mark)) in blocks.into_iter().zip(marks).enumerate() {
        header_kept += usize::from(i < header_only && mark.is_none());
        match mark {
            Some(mark) => {
                // "Copyright 2023 The Caspian Ledger. All rights reserved.": the outlet.
                if mark == clean::Furniture::Copyright
                    && let Some(c) = COPYRIGHT_OUTLET.captures(block.trim())
                {
                    credit_from(&mut credits, outlet(&c[1]), &quoted(&block));
                }
                removed.push(block)
            }
            None => kept.push(block),
        }
    }

    // Header lines come first: headline, bylines, datelines, in any order; a
    // standfirst right after the headline stays text (the body's first paragraph)
    // while the header lines after it are read.
    let mut body_start = 0;
    let mut headline_at = None;
    let mut standfirst = None;
    // A dateline's month and day, when it gives no year.
    let mut dateline_day = None;
    let blocks_kept = kept.len();
    let kickers = section_labels(&kept);
    // Wire copy: a headline, perhaps the reporter's name, then a dateline of its own
    // ("OTTAWA 1996-08-30").
    // A wire dateline may be split in two lines: the place ("FARMINGTON HILLS, Mich."),
    // then its date.
    let date_alone: Vec<bool> = kept.iter().take(5).map(|b| dateline::date_line(b, 0).is_some()).collect();
    let place_alone = |i: usize, b: &str| {
        date_alone.get(i + 1) == Some(&true)
            && b.split(',').next().is_some_and(all_capitals)
            && dateline::dateline_place(b)
    };
    let datelines: Vec<bool> = kept
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, b)| dateline::place_dateline(b).is_some() || place_alone(i, b))
        .collect();
    let dateline_follows = |i: usize| datelines.get(i + 1..).is_some_and(|d| d.iter().take(2).any(|&d| d));
    for (i, block) in kept.iter_mut().enumerate() {
        if title.is_none() && i == 0 && (wire_headline(block) || dateline_follows(0) && wire_headline_words(block)) {
            // "BLINKER BAN LIFTED.": a wire headline, closed by its full stop.
            title = Some(block.trim_end_matches('.').trim_end().to_owned());
            headline_at = Some(i);
        } else if headline_at == Some(0)
            && i == 1
            && datelines.get(2) == Some(&true)
            && meta::byline(block).is_none()
            && let Some(Credit::Person(name)) = meta::credit(block).filter(|_| block.split_whitespace().count() <= 4)
        {
            // The reporter's name between a wire headline and its dateline.
            credits.push((Credit::Person(name), quoted(block)));
        } else if title.is_none() && kickers.get(i) == Some(&true) {
            removed.push(std::mem::take(block));
        } else if let Some(names) = meta::byline(block).filter(|_| block.chars().count() <= 120) {
            if published.is_none() {
                published = dateline::dateline(block);
            }
            credit_from(&mut credits, names.iter().filter_map(|n| meta::credit(n)), &quoted(block));
        } else if let Some((name, date)) = meta::credit_line(block) {
            published.get_or_insert(date);
            credits.push((Credit::Person(name), quoted(block)));
        } else if let Some(line) = dateline::place_dateline(block) {
            match line.date {
                DateValue::Full(date) => {
                    published.get_or_insert(DateSpan::stated_day(date, block.trim()));
                }
                DateValue::MonthDay { month, day } => dateline_day = Some((month, day, block.trim().to_owned())),
                _ => {}
            }
            credit_from(&mut credits, line.outlet.as_deref().and_then(outlet), &quoted(block));
        } else if let Some(name) = meta::place_outlet(block) {
            credit_from(&mut credits, outlet(&name), &quoted(block));
        } else if let Some(date) = dateline::date_line(block, 2) {
            published.get_or_insert(date);
        } else if let Some((names, rest)) = meta::split_glued_byline(block) {
            // Quoted without the text glued after it.
            let line = block.strip_suffix(rest.as_str()).unwrap_or(block);
            credit_from(&mut credits, names.iter().filter_map(|n| meta::credit(n)), &quoted(line));
            *block = rest;
            body_start = i;
            break;
        } else if title.is_none() && is_headline(block) {
            title = Some(block.clone());
            headline_at = Some(i);
        } else if headline_at.is_some()
            && title.as_deref().is_some_and(all_capitals)
            && is_headline(block)
            && !all_capitals(block)
        {
            // A line in capitals before the headline names the place or the outlet
            // ("ISTANBUL DAILY SABAH WITH AA"): the headline is the one in mixed case.
            removed.extend(title.replace(block.clone()));
            headline_at = Some(i);
        } else if title.as_deref().is_some_and(|t| t.trim().eq_ignore_ascii_case(block.trim())) {
            // The headline again (a page's title, then its heading).
            removed.push(std::mem::take(block));
        } else if title.is_some()
            && i > headline_at.unwrap_or(0)
            && i + 1 < blocks_kept
            && is_label(block)
            && !all_capitals(block)
            && meta::byline(block).is_none()
        {
            // The section's name under the headline or its date line ("Politics"),
            // before the body (a place in capitals there is a dateline: kept).
            removed.push(std::mem::take(block));
        } else if (headline_at.is_some() && place_alone(i, block)) || i < header_kept {
            // A place alone under the headline, or a header line read above.
            removed.push(std::mem::take(block));
        } else if headline_at.is_some_and(|h| h + 1 == i) && i + 1 < blocks_kept && is_headline(block) {
            standfirst = Some(std::mem::take(block));
        } else {
            body_start = i;
            break;
        }
        body_start = i + 1;
    }
    let mut paragraphs: Vec<String> = kept.split_off(body_start.min(kept.len()));
    paragraphs.splice(0..0, standfirst);
    // A publication line or the wire's credit line may close the body instead of
    // heading it (either order).
    for _ in 0..3 {
        if paragraphs.len() < 2 {
            break;
        }
        let last = paragraphs.last().map_or("", String::as_str);
        if let Some(date) = published_line(last).or_else(|| dateline::date_line(last, 0)) {
            published.get_or_insert(date);
        } else if let Some(c) = SOURCE_LINE.captures(last) {
            credit_from(&mut credits, outlet(&c[1]), &quoted(last));
        } else if let Some(names) = closing_credits(last) {
            credit_from(&mut credits, names.iter().filter_map(|n| meta::credit(n)), &quoted(last));
        } else {
            break;
        }
        paragraphs.pop();
    }
    paragraphs.iter_mut().for_each(|p| *p = clean::unglue_sentences(p));
    if clean::needs_sentence_split(&paragraphs) {
        paragraphs = paragraphs.iter().flat_map(|p| clean::split_long_block(p)).collect();
    }
    // A lead that opens with its dateline: "Baku, 14 June 2023 — …".
    if published.is_none()
        && let Some(lead) = paragraphs.first()
        && let Some(m) = dateline::LEAD_DATE.find(lead)
    {
        published = dateline::dateline(m.as_str().trim_end_matches(['—', '–', '-', ' ']));
    }
    // "BAKU, Azerbaijan, March 3. The ministers …", "ANKARA, Oct 3 (Reuters) - …": a
    // dateline opening the lead, with a date perhaps lacking its year.
    if published.is_none()
        && dateline_day.is_none()
        && let Some(lead) = paragraphs.first()
        && let Some(end) = dateline::dateline_end(lead)
        && let [f] = find_dates(&lead[..end]).as_slice()
    {
        let words = lead[..end].trim_end_matches(|c: char| c.is_whitespace() || "-–—.".contains(c));
        match f.value {
            DateValue::Full(date) => published = Some(DateSpan::stated_day(date, words)),
            DateValue::MonthDay { month, day } => dateline_day = Some((month, day, words.to_owned())),
            _ => {}
        }
    }
    if published.is_none() {
        published = meta::infer_published(&paragraphs, dateline_day);
    }

    let (title, title_stated) = match title {
        Some(t) => (t, true),
        None => match paragraphs.first() {
            Some(lead) => (derive_title(lead), false),
            None => return Err("has no readable text; skipped".into()),
        },
    };
    // A wire dateline names the agency: "BAKU, Azerbaijan (AP) —", "Baku, October 5 (AZERTAC).".
    if let Some(c) = paragraphs.first().and_then(|p| dateline::DATELINE_AGENCY.captures(p)) {
        credit_from(&mut credits, outlet(&c[1]), &quoted(&c[0]));
    }
    // An agency's lead names it after the news: "…, APA reports.", "…, Trend reports
    // citing the ministry.".
    let lead = paragraphs.first().map(|p| dateline::lead_dateline(p).map_or(p.as_str(), |(_, _, cut)| &p[cut..]));
    if let Some(c) = lead
        .and_then(|p| crate::text::sentences(p).into_iter().next())
        .and_then(|s| AGENCY_REPORTS.captures(s.trim_end()))
    {
        credit_from(&mut credits, outlet(&c[1]), &quoted(c[0].trim_start_matches([',', ' '])));
    }
    let (mut authors, mut outlets) = (Vec::new(), Vec::new());
    let (mut credited, mut outlets_from) = (Vec::new(), Vec::new());
    for (c, from) in credits {
        let (list, froms, name) = match c {
            Credit::Person(n) => (&mut authors, &mut credited, n),
            Credit::Outlet(n) => (&mut outlets, &mut outlets_from, n),
        };
        if !list.contains(&name) {
            list.push(name);
            froms.push(Text::from(from));
        }
    }
    credited.extend(outlets_from);
    Ok((
        Article {
            id: id.into(),
            file: file.into(),
            title: title.into(),
            title_stated,
            authors,
            outlets,
            credited,
            published,
            paragraphs: paragraphs.into_iter().map(Text::from).collect(),
            removed: removed.into_iter().map(Text::from).collect(),
            recycled: vec![],
        },
        notes,
    ))
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

/// Which of the first blocks label the site's section above the headline
/// ("Politics"): a word or two, not a sentence, with a longer headline right after
/// (past any date lines).
fn section_labels(blocks: &[String]) -> Vec<bool> {
    let words = |b: &str| b.split_whitespace().count();
    let mut labels = vec![false; blocks.len().min(3)];
    for (i, label) in labels.iter_mut().enumerate() {
        let block = &blocks[i];
        let short = is_label(block);
        let headline_next = blocks[i + 1..].iter().find(|b| dateline::date_line(b, 2).is_none()).is_some_and(|b| {
            is_headline(b)
                && words(b) >= 4
                && meta::byline(b).is_none()
                && dateline::place_dateline(b).is_none()
                && meta::credit_line(b).is_none()
        });
        *label = short && headline_next && meta::byline(block).is_none();
    }
    labels
}

/// A word or two, not a sentence and no date: a section's name ("Politics", "World news").
fn is_label(block: &str) -> bool {
    block.split_whitespace().count() <= 2
        && !block.ends_with(['.', '!', '?', ':', ','])
        && !block.chars().any(|c| c.is_ascii_digit())
        && block.trim_start().starts_with(char::is_uppercase)
}

/// Keeps the first [`MAX_BLOCKS`] blocks, with a note when there were more.
fn cap(blocks: &mut Vec<String>, notes: &mut Vec<String>) {
    if blocks.len() > MAX_BLOCKS {
        notes.push(format!("has {} paragraphs or lines; only the first {MAX_BLOCKS} were read", blocks.len()));
        blocks.truncate(MAX_BLOCKS);
    }
}

/// A `.txt` file that is really a saved web page.
fn looks_like_html_document(text: &str) -> bool {
    let head = text.trim_start().get(..200).unwrap_or(text.trim_start()).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
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

/// A name that a source line or a dateline gives as the article's outlet, whatever
/// [`meta::credit`] would take it for, if it takes it for a credit at all.
/// Adds the credits `found` in one place, with where: what the reader shows after
/// "from".
fn credit_from(credits: &mut Vec<(Credit, String)>, found: impl IntoIterator<Item = Credit>, from: &str) {
    credits.extend(found.into_iter().map(|c| (c, from.to_owned())));
}

/// A line of the article as a credit's source: in quotes, cut at 100 characters.
fn quoted(line: &str) -> String {
    let line = line.trim();
    match line.char_indices().nth(100) {
        Some((cut, _)) => format!("“{}…”", line[..cut].trim_end()),
        None => format!("“{line}”"),
    }
}

fn outlet(name: &str) -> Option<Credit> {
    meta::credit(name).map(|(Credit::Person(name) | Credit::Outlet(name))| Credit::Outlet(name))
}

/// The agency named after the lead's news, in the present: ", APA reports.", ", Trend
/// reports citing the ministry.", ", Report informs.".
static AGENCY_REPORTS: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(&words::AGENCY_VERBS);
    Regex::new(&format!(r",\s+(\p{{Lu}}[\p{{L}}\p{{N}}.&'-]*(?:\s+\p{{Lu}}[\p{{L}}\p{{N}}.&'-]*){{0,2}})\s+(?:{verbs})(?:\s+(?:citing|with reference to)\b[^.]{{0,80}})?\.?$"))
        .expect("valid regex")
});

/// A copyright line naming its holder: "© 2024 The Daily. All rights reserved.",
/// "Copyright 2023 The Caspian Ledger".
static COPYRIGHT_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:copyright\s*)?(?:©\s*|\([cC]\)\s*)?\d{4}(?:\s*[-–]\s*\d{4})?,?\s+(?i:by\s+)?(\p{Lu}[\p{L}\p{N} .&'-]{1,50}?)\.?(?:\s+(?i:all rights reserved)\.?)?$")
        .expect("valid regex")
});

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

/// Whether every letter of a block is a capital.
fn all_capitals(block: &str) -> bool {
    block.chars().any(char::is_alphabetic) && !block.chars().any(char::is_lowercase)
}

/// A wire service's headline: in capitals, a few words, closed by a full stop
/// ("SOCCER - BARATELLI TO COACH NICE."), which no dateline or credit line is.
fn wire_headline(block: &str) -> bool {
    all_capitals(block) && block.ends_with('.') && wire_headline_words(block)
}

/// A headline's length and close, as wire copy writes it (a full stop may end it); no
/// full date in it, which would make it a dateline.
fn wire_headline_words(block: &str) -> bool {
    let words = block.split_whitespace().count();
    !block.ends_with("..")
        && (2..=30).contains(&words)
        && block.chars().count() <= MAX_HEADLINE_CHARS
        && !find_dates(block).iter().any(|f| matches!(f.value, DateValue::Full(_)))
}

fn is_headline(block: &str) -> bool {
    let len = block.chars().count();
    let sentence_end = block.ends_with(['.', '”', '"']) && !block.ends_with("...") && !block.ends_with('…');
    len <= MAX_HEADLINE_CHARS && !sentence_end && block.split_whitespace().count() >= 2
}

/// The publication date a page's markup states (`article:published_time` and the like).
fn stated_from_markup(value: &str) -> Option<DateSpan> {
    find_dates(value).into_iter().find_map(|f| match f.value {
        DateValue::Full(date) => Some(DateSpan::stated_day(date, value)),
        _ => None,
    })
}

/// A wire dateline heading a lead: "BAKU, Azerbaijan (AP) — ", "NICOSIA – ".
static LEAD_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}{3,}[\p{Lu} .'-]*(,\s*\p{Lu}[\p{L} .'-]{0,30})?\s*(\([^)]{1,30}\))?\s*[—–-]+\s+")
        .expect("valid regex")
});

static OPENERS: &str = include_str!("../../../../../assets/titles/openers.tsv");

/// Whether a sentence only opens a broadcast or greets (`assets/titles/openers.tsv`).
fn is_opener(sentence: &str) -> bool {
    let folded = crate::text::fold(sentence.trim());
    let words = folded.split_whitespace().count();
    OPENERS.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).any(|(kind, entry)| {
        let entry = entry.trim();
        let begins = folded.starts_with(entry) && !folded[entry.len()..].starts_with(char::is_alphanumeric);
        let holds = folded.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).any(|w| w == entry)
            || (entry.contains(' ') && folded.contains(&format!(" {entry} ")));
        match kind {
            "greeting" => begins,
            "introduction" => words <= 12 && (holds || begins),
            "station" => words <= 8 && begins,
            _ => false,
        }
    })
}

/// A title made from the lead's first sentence (less a wire dateline) that is no
/// broadcast opener, cut to a few words.
fn derive_title(lead: &str) -> String {
    let lead = match LEAD_DATELINE.find(lead) {
        Some(m) if lead[m.end()..].split_whitespace().count() >= 3 => &lead[m.end()..],
        _ => match dateline::lead_dateline(lead) {
            Some((_, _, cut)) => &lead[cut..],
            None => lead,
        },
    };
    // The first sentence that is no broadcast opener or greeting ("CNN headline news,
    // I'm Sachi Koto."); the first, if all are.
    let all = crate::text::sentences(lead);
    let first = all.iter().copied().find(|s| !is_opener(s)).or(all.first().copied()).unwrap_or(lead);
    let sentence = first.trim().trim_end_matches(['.', '!', '?']);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= DERIVED_TITLE_WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..DERIVED_TITLE_WORDS].join(" "))
    }
}

#[cfg(test)]
mod tests;
