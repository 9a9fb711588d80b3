//! The header lines above the body, read by a table of named rules (`RULES`) tried
//! in order on each line until one takes it: headlines (a wire's, in capitals, in
//! mixed case, written twice), bylines and credit lines, datelines and date lines,
//! section labels (kickers), and a standfirst, which stays text. The first line no
//! rule takes starts the body.

use model::DateSpan;

use super::Reading;
use super::credits::{credit_from, outlet, quoted};
use crate::language::dates::{DateValue, find_dates};
use crate::page::dateline;
use crate::page::meta::{self, Credit};

/// Longest block that can be a headline.
const MAX_HEADLINE_CHARS: usize = 200;

/// What the header rules share while they read the first blocks.
pub(super) struct Header<'r> {
    read: &'r mut Reading,
    /// Which block is the headline, once one is read.
    headline_at: Option<usize>,
    /// The line right under the headline that introduces the text.
    standfirst: Option<String>,
    /// Which of the first blocks label the site's section above the headline.
    kickers: Vec<bool>,
    /// Which of the first blocks are a date alone.
    date_alone: Vec<bool>,
    /// Which of the first blocks are a dateline (a place and its date, or a place
    /// alone above its date).
    datelines: Vec<bool>,
    /// How many blocks there are.
    blocks: usize,
    /// How many of the first blocks the page's layout put between the headline and
    /// the body: header lines whatever they say.
    header_kept: usize,
}

/// What a rule does with the line it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// The line was a header line: read on.
    Read,
    /// The body starts at this line (what the rule left of it).
    Body,
}

/// A rule: given the header so far, the line's index and the line, what it does with
/// the line, or `None` to pass it to the next rule.
pub(super) type Rule = fn(&mut Header<'_>, usize, &mut String) -> Option<Step>;

/// The rules, in the order they are tried; the first that takes a line decides. A
/// line none takes starts the body.
pub(super) const RULES: &[(&str, Rule)] = &[
    ("wire-headline", wire_headline),
    ("wire-reporter", wire_reporter),
    ("kicker", kicker),
    ("byline", byline),
    ("credit-line", credit_line),
    ("place-dateline", place_dateline),
    ("place-outlet", place_outlet),
    ("date-line", date_line),
    ("glued-byline", glued_byline),
    ("headline", headline),
    ("mixed-case-headline", mixed_case_headline),
    ("headline-again", headline_again),
    ("section-label", section_label),
    ("place-alone", place_alone),
    ("header-line", header_line),
    ("standfirst", standfirst),
];

/// Reads the header lines at the top of `blocks` with `rules`; `header_kept` of the
/// first are header lines by the page's layout. Gives the body, its standfirst first.
pub(super) fn read(
    read: &mut Reading,
    mut blocks: Vec<String>,
    header_kept: usize,
    rules: &[(&str, Rule)],
) -> Vec<String> {
    let mut header = Header::new(read, &blocks, header_kept);
    let mut body_start = blocks.len();
    for (i, block) in blocks.iter_mut().enumerate() {
        let step = rules.iter().find_map(|(_, rule)| rule(&mut header, i, block)).unwrap_or(Step::Body);
        if step == Step::Body {
            body_start = i;
            break;
        }
    }
    let mut paragraphs = blocks.split_off(body_start);
    paragraphs.splice(0..0, header.standfirst);
    paragraphs
}

impl<'r> Header<'r> {
    fn new(read: &'r mut Reading, blocks: &[String], header_kept: usize) -> Self {
        let date_alone = blocks.iter().take(5).map(|b| dateline::date_line(b, 0).is_some()).collect();
        let mut header = Header {
            read,
            headline_at: None,
            standfirst: None,
            kickers: section_labels(blocks),
            date_alone,
            datelines: Vec::new(),
            blocks: blocks.len(),
            header_kept,
        };
        header.datelines = blocks
            .iter()
            .take(4)
            .enumerate()
            .map(|(i, b)| dateline::place_dateline(b).is_some() || header.is_place_alone(i, b))
            .collect();
        header
    }

    /// A wire dateline split in two lines: the place ("FARMINGTON HILLS, Mich."),
    /// then its date.
    fn is_place_alone(&self, i: usize, block: &str) -> bool {
        self.date_alone.get(i + 1) == Some(&true)
            && block.split(',').next().is_some_and(all_capitals)
            && dateline::dateline_place(block)
    }

    /// Whether a dateline is among the two blocks after block `i`.
    fn dateline_follows(&self, i: usize) -> bool {
        self.datelines.get(i + 1..).is_some_and(|d| d.iter().take(2).any(|&d| d))
    }

    /// Takes the line out of the text, as removed: a header line.
    fn remove(&mut self, block: &mut String) -> Option<Step> {
        self.read.removed.push(std::mem::take(block));
        Some(Step::Read)
    }
}

/// "BLINKER BAN LIFTED.": a wire headline as the first line, closed by its full stop
/// (or any headline-like line with a dateline under it), when the page states none.
fn wire_headline(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if !(h.read.title.is_none()
        && i == 0
        && (is_wire_headline(block) || h.dateline_follows(0) && wire_headline_words(block)))
    {
        return None;
    }
    h.read.title = Some(block.trim_end_matches('.').trim_end().to_owned());
    h.headline_at = Some(i);
    Some(Step::Read)
}

/// The reporter's name between a wire headline and its dateline.
fn wire_reporter(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if !(h.headline_at == Some(0) && i == 1 && h.datelines.get(2) == Some(&true) && meta::byline(block).is_none()) {
        return None;
    }
    let Some(Credit::Person(name)) = meta::credit(block).filter(|_| block.split_whitespace().count() <= 4) else {
        return None;
    };
    h.read.credits.push((Credit::Person(name), quoted(block)));
    Some(Step::Read)
}

/// The site's section above the headline ("Politics").
fn kicker(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if h.read.title.is_none() && h.kickers.get(i) == Some(&true) { h.remove(block) } else { None }
}

/// "By Ann Lee", perhaps with the date: the authors, and the date when none is known.
fn byline(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let names = meta::byline(block).filter(|_| block.chars().count() <= 120)?;
    if h.read.published.is_none() {
        h.read.published = dateline::dateline(block);
    }
    credit_from(&mut h.read.credits, names.iter().filter_map(|n| meta::credit(n)), &quoted(block));
    Some(Step::Read)
}

/// "Ann de Vries · January 15, 2024": the author and the date, with no "By".
fn credit_line(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let (name, date) = meta::credit_line(block)?;
    h.read.published.get_or_insert(date);
    h.read.credits.push((Credit::Person(name), quoted(block)));
    Some(Step::Read)
}

/// "ANKARA, 3 March 2023", "Baku, September 14, Report": the date (or a day lacking
/// its year) and the outlet named after it.
fn place_dateline(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let line = dateline::place_dateline(block)?;
    match line.date {
        DateValue::Full(date) => {
            h.read.published.get_or_insert(DateSpan::stated_day(date, block.trim()));
        }
        DateValue::MonthDay { month, day } => h.read.dateline_day = Some((month, day, block.trim().to_owned())),
        _ => {}
    }
    credit_from(&mut h.read.credits, line.outlet.as_deref().and_then(outlet), &quoted(block));
    Some(Step::Read)
}

/// "ANKARA - Anadolu Agency": the outlet.
fn place_outlet(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let name = meta::place_outlet(block)?;
    credit_from(&mut h.read.credits, outlet(&name), &quoted(block));
    Some(Step::Read)
}

/// "17 April 2023 12:30", "Published 05.10.2021 11:20": the date.
fn date_line(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let date = dateline::date_line(block, 2)?;
    h.read.published.get_or_insert(date);
    Some(Step::Read)
}

/// "By Ann LeeOn Monday, troops …": bylines glued to the text by lost markup; the
/// body starts at the text after them.
fn glued_byline(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let (names, rest) = meta::split_glued_byline(block)?;
    // Quoted without the text glued after it.
    let line = block.strip_suffix(rest.as_str()).unwrap_or(block);
    credit_from(&mut h.read.credits, names.iter().filter_map(|n| meta::credit(n)), &quoted(line));
    *block = rest;
    Some(Step::Body)
}

/// The first line that is shaped like a headline, when none is known.
fn headline(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if !(h.read.title.is_none() && is_headline(block)) {
        return None;
    }
    h.read.title = Some(block.clone());
    h.headline_at = Some(i);
    Some(Step::Read)
}

/// A line in capitals before the headline names the place or the outlet ("ISTANBUL
/// DAILY SABAH WITH AA"): the headline is the one in mixed case after it.
fn mixed_case_headline(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if !(h.headline_at.is_some()
        && h.read.title.as_deref().is_some_and(all_capitals)
        && is_headline(block)
        && !all_capitals(block))
    {
        return None;
    }
    h.read.removed.extend(h.read.title.replace(block.clone()));
    h.headline_at = Some(i);
    Some(Step::Read)
}

/// The headline again (a page's title, then its heading).
fn headline_again(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    if h.read.title.as_deref().is_some_and(|t| t.trim().eq_ignore_ascii_case(block.trim())) {
        h.remove(block)
    } else {
        None
    }
}

/// The section's name under the headline or its date line ("Politics"), before the
/// body (a place in capitals there is a dateline: kept).
fn section_label(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if h.read.title.is_some()
        && i > h.headline_at.unwrap_or(0)
        && i + 1 < h.blocks
        && is_label(block)
        && !all_capitals(block)
        && meta::byline(block).is_none()
    {
        h.remove(block)
    } else {
        None
    }
}

/// A place alone under the headline, its date on the next line.
fn place_alone(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if h.headline_at.is_some() && h.is_place_alone(i, block) { h.remove(block) } else { None }
}

/// A line the page's layout puts between the headline and the body, which no rule
/// above read.
fn header_line(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if i < h.header_kept { h.remove(block) } else { None }
}

/// A headline-like line right under the headline: it introduces the text and stays
/// text (the body's first paragraph), while the header lines after it are read.
fn standfirst(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if !(h.headline_at.is_some_and(|at| at + 1 == i) && i + 1 < h.blocks && is_headline(block)) {
        return None;
    }
    h.standfirst = Some(std::mem::take(block));
    Some(Step::Read)
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

/// Whether every letter of a block is a capital.
fn all_capitals(block: &str) -> bool {
    block.chars().any(char::is_alphabetic) && !block.chars().any(char::is_lowercase)
}

/// A wire service's headline: in capitals, a few words, closed by a full stop
/// ("SOCCER - BARATELLI TO COACH NICE."), which no dateline or credit line is.
fn is_wire_headline(block: &str) -> bool {
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

/// A line shaped like a headline: two words or more, not too long, not closed like a
/// sentence (an ellipsis may close it).
fn is_headline(block: &str) -> bool {
    let len = block.chars().count();
    let sentence_end = block.ends_with(['.', '”', '"']) && !block.ends_with("...") && !block.ends_with('…');
    len <= MAX_HEADLINE_CHARS && !sentence_end && block.split_whitespace().count() >= 2
}

#[cfg(test)]
mod tests;
