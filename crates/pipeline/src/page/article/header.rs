//! The header lines above the body, read by a table of named rules (`RULES`) tried
//! in order on each line until one takes it: headlines (a wire's, in capitals, in
//! mixed case, written twice), bylines and credit lines, datelines and date lines,
//! section labels (kickers), and a standfirst, which stays text. The first line no
//! rule takes starts the body.

use super::Reading;
use crate::language::dates::{DateValue, find_dates};
use crate::page::dateline;
use crate::page::meta;

mod rules;

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
    ("wire-headline", rules::wire_headline),
    ("wire-reporter", rules::wire_reporter),
    ("kicker", rules::kicker),
    ("byline", rules::byline),
    ("credit-line", rules::credit_line),
    ("place-dateline", rules::place_dateline),
    ("place-outlet", rules::place_outlet),
    ("date-line", rules::date_line),
    ("glued-byline", rules::glued_byline),
    ("headline", rules::headline),
    ("mixed-case-headline", rules::mixed_case_headline),
    ("headline-again", rules::headline_again),
    ("section-label", rules::section_label),
    ("place-alone", rules::place_alone),
    ("header-line", rules::header_line),
    ("standfirst", rules::standfirst),
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
