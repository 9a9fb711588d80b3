//! Cleaning article text: paragraphs from raw lines, page furniture out (kept aside
//! so readers can see it), glued words and sentences split apart, and sentence
//! segmentation that knows "Gen." and "Oct." do not end a sentence.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::page::words;
use crate::rules::alternation;

/// Splits text into blocks. Where the text has blank lines, they separate paragraphs
/// and single line breaks inside one are hard wraps; where it has none, every line is
/// a paragraph. No-break spaces become spaces and runs of white space collapse.
pub fn split_blocks(text: &str) -> Vec<String> {
    let has_blank_lines = text.trim().lines().any(|l| l.trim().is_empty());
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let blank = line.trim().is_empty();
        // A line break is a hard wrap inside a paragraph only when the line before
        // does not end a sentence or the next line goes on in lowercase; otherwise it
        // starts a new block ("… he added.\nMost Read" is two blocks).
        let new_block = current.last().is_some_and(|prev: &&str| {
            let prev = prev.trim_end();
            let next = line.trim_start();
            prev.ends_with(['.', '!', '?', '"', '”', ':']) && next.starts_with(|c: char| !c.is_lowercase())
                || furniture(next.trim()).is_some()
                || furniture(prev.trim()).is_some()
                || date_alone(next)
                || date_alone(prev)
        });
        if (!has_blank_lines || blank || new_block) && !current.is_empty() {
            push_block(&mut blocks, &current);
            current.clear();
        }
        if !blank {
            current.push(line);
        }
    }
    if !current.is_empty() {
        push_block(&mut blocks, &current);
    }
    blocks
}

/// A line that is a full date and perhaps its time, nothing else ("2023/08/21 14:05"
/// under a headline): a dateline of its own, never a hard wrap.
fn date_alone(line: &str) -> bool {
    let line = line.trim();
    line.len() <= 40 && !line.ends_with(['.', ',']) && crate::page::dateline::date_line(line, 0).is_some()
}

/// Adds the block of these lines; a file's first block made of lines none of which
/// ends a sentence is a headline and its standfirst, a block each, not a hard wrap.
fn push_block(blocks: &mut Vec<String>, lines: &[&str]) {
    let heading = |line: &&str| {
        let line = line.trim();
        line.chars().count() <= 200
            && line.split_whitespace().count() >= 2
            && !line.ends_with(['.', '!', '?', '"', '”', ':', ','])
    };
    if blocks.is_empty() && lines.len() >= 2 && lines.iter().all(heading) {
        blocks.extend(lines.iter().map(|l| crate::page::html::collapse(l)));
    } else {
        blocks.push(crate::page::html::collapse(&lines.join(" ")));
    }
}

/// Why a block is page furniture rather than article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Furniture {
    Breadcrumb,
    SectionHeading,
    Social,
    Subscription,
    Copyright,
    PhotoCredit,
    FontWidget,
    UpdateStamp,
    Separator,
    Appeal,
    SectionList,
    CookieNotice,
    /// A page widget's label ("Print", "Advertisement"), which heads nothing.
    Widget,
}

impl Furniture {
    /// Every kind, with the name the furniture rules (`assets/page/furniture.tsv`) give it.
    const NAMES: [(Furniture, &'static str); 13] = [
        (Furniture::Breadcrumb, "breadcrumb"),
        (Furniture::SectionHeading, "section-heading"),
        (Furniture::Social, "social"),
        (Furniture::Subscription, "subscription"),
        (Furniture::Copyright, "copyright"),
        (Furniture::PhotoCredit, "photo-credit"),
        (Furniture::FontWidget, "font-widget"),
        (Furniture::UpdateStamp, "update-stamp"),
        (Furniture::Separator, "separator"),
        (Furniture::Appeal, "appeal"),
        (Furniture::SectionList, "section-list"),
        (Furniture::CookieNotice, "cookie-notice"),
        (Furniture::Widget, "widget"),
    ];

    /// The kind's name in the furniture rules.
    pub fn name(self) -> &'static str {
        Self::NAMES.iter().find(|(f, _)| *f == self).map_or("", |(_, n)| n)
    }

    /// The kind a furniture rule names.
    pub fn named(name: &str) -> Option<Furniture> {
        Self::NAMES.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }
}

/// A heading of a list of links ("Most Read", "Related stories:"): `SECTION_HEADINGS`
/// of `assets/page/words.txt`.
static SECTION_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^({})\s*(:|\.\.\.|…)?$", alternation(&words::SECTION_HEADINGS))).expect("valid regex")
});
/// A link to another story ("Read more: …"): `INLINE_SECTIONS` of `assets/page/words.txt`.
static INLINE_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^[\[(]?({})\s*:", alternation(&words::INLINE_SECTIONS))).expect("valid regex")
});
static BREADCRUMB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S\s*(>>|»|›|→|\s>\s|\s/\s|\s\|\s)\s*\S").expect("valid regex"));
/// The furniture rules, `assets/page/furniture.tsv`: a kind and a pattern a line, the
/// first that matches a block deciding its kind.
static RULES: LazyLock<(RegexSet, Vec<Furniture>)> = LazyLock::new(|| {
    let rules: Vec<(Furniture, &str)> = FURNITURE_RULES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (kind, pattern) = l.split_once('\t').expect("assets/page/furniture.tsv: kind <TAB> pattern");
            (Furniture::named(kind).unwrap_or_else(|| panic!("assets/page/furniture.tsv: no kind {kind}")), pattern)
        })
        .collect();
    let set = RegexSet::new(rules.iter().map(|(_, r)| *r)).expect("valid regexes");
    (set, rules.iter().map(|(f, _)| *f).collect())
});
static FURNITURE_RULES: &str = include_str!("../../../../assets/page/furniture.tsv");
/// The reader addressed: "you", "your", or a lowercase "us" ("US" is a country). A
/// block that quotes someone is never an appeal.
static SECOND_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[^"“”«»]*((?i:(?-u:\b)(you|your|we are here)(?-u:\b))|(?-u:\b)us(?-u:\b))[^"“”«»]*$"#)
        .expect("valid regex")
});

/// An outlet speaking to its reader, not quoting anyone ("Here we are to serve you with
/// news right now. It does not cost much, but worth your attention.").
static APPEAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r#"(?i)^[^"“”«»]*(?-u:\b)({})(?-u:\b)[^"“”«»]*$"#, alternation(&words::APPEALS)))
        .expect("valid regex")
});

/// Blocks longer than this are article text even when a furniture pattern matches.
const MAX_FURNITURE_CHARS: usize = 300;
/// After a section heading ("Most Read"), blocks up to this long are the section's items.
const MAX_SECTION_ITEM_CHARS: usize = 200;

/// Classifies one block on its own.
pub fn furniture(block: &str) -> Option<Furniture> {
    let len = block.chars().count();
    if len > MAX_FURNITURE_CHARS {
        return None;
    }
    if SECTION_HEADING.is_match(block) || INLINE_SECTION.is_match(block) {
        return Some(Furniture::SectionHeading);
    }
    // "By Ann Lee | 19 May 2022 | 3 min read" is a byline, however it is separated.
    if (len < 150 && BREADCRUMB.find_iter(block).count() >= 1 && block.contains(">>")
        || len < 150 && BREADCRUMB.find_iter(block).count() >= 2 && !block.ends_with('.'))
        && !table_row(block)
        && crate::page::meta::byline(block).is_none()
        && crate::page::dateline::dateline(block).is_none()
    {
        return Some(Furniture::Breadcrumb);
    }
    let (set, kinds) = &*RULES;
    let kind = set.matches(block).iter().next().map(|i| kinds[i]);
    // "Updated … | Published on …" is where the publication date is stated.
    if kind == Some(Furniture::UpdateStamp) && crate::page::dateline::PUBLISHED_WORD.is_match(block) {
        return None;
    }
    kind
}

/// Whether a block is a table's row ("3 | Kevin Harvick | 5033 | 4"): some cell is a
/// number, which no breadcrumb's is.
fn table_row(block: &str) -> bool {
    block
        .split(['|', '>', '»', '›', '/'])
        .map(str::trim)
        .any(|cell| !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || ".,%+-−".contains(c)))
}

/// Whether a block reads as a paragraph of the article (a sentence of ten words or more
/// that ends as one), which no list of links holds.
fn prose(block: &str) -> bool {
    block.trim_end().ends_with(['.', '!', '?', '"', '”']) && block.split_whitespace().count() >= 10
}

/// Marks furniture across an article's blocks: each block on its own, then the items
/// under a section heading, then the reader appeals that trail a furniture block near
/// the end of the article. Returns one verdict per block.
pub fn mark_furniture(blocks: &[String]) -> Vec<Option<Furniture>> {
    let mut marks: Vec<Option<Furniture>> = blocks.iter().map(|b| furniture(b)).collect();
    let mut in_section = false;
    let tail_start = blocks.len() / 3;
    let mut in_tail_furniture = false;
    for (i, block) in blocks.iter().enumerate() {
        let short = block.chars().count() <= MAX_SECTION_ITEM_CHARS;
        match marks[i] {
            Some(Furniture::SectionHeading) if !INLINE_SECTION.is_match(block) => in_section = true,
            Some(_) => {}
            None if in_section && short && !prose(block) => marks[i] = Some(Furniture::SectionList),
            None => in_section = false,
        }
        if marks[i].is_some() && i >= tail_start {
            in_tail_furniture = true;
        } else if in_tail_furniture && marks[i].is_none() && short && SECOND_PERSON.is_match(block) {
            marks[i] = Some(Furniture::Appeal);
        }
    }
    // The outlet's appeal may also come first in the closing furniture ("Here we are to
    // serve you with news …", then "Subscribe …"): blocks that end the article, each
    // furniture or such an appeal, with one furniture block at least.
    let mut start = blocks.len();
    while start > tail_start.max(1) {
        let k = start - 1;
        if marks[k].is_none() && !(blocks[k].chars().count() <= MAX_SECTION_ITEM_CHARS && APPEAL.is_match(&blocks[k])) {
            break;
        }
        start = k;
    }
    if (start..blocks.len()).any(|k| marks[k].is_some()) {
        for mark in &mut marks[start..] {
            mark.get_or_insert(Furniture::Appeal);
        }
    }
    marks
}

static GLUED_SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([a-z\)\]”’%])([.!?])([“\x22A-Z])").expect("valid regex"));

/// Puts back the space lost between sentences glued by dropped markup
/// ("per Trend.The drills" becomes "per Trend. The drills"). Initials and
/// abbreviations such as "U.S." are left alone: they have no lowercase letter before
/// the stop.
pub fn unglue_sentences(text: &str) -> String {
    GLUED_SENTENCE.replace_all(text, "$1$2 $3").into_owned()
}

/// Blocks longer than this, in an article that has almost no paragraph breaks, are
/// split into paragraphs at sentence ends.
const LONG_BLOCK_CHARS: usize = 800;

/// Splits an over-long block into paragraphs of whole sentences, never inside a
/// quotation: a paragraph ends at a sentence end outside quotation marks.
pub fn split_long_block(block: &str) -> Vec<String> {
    if block.chars().count() <= LONG_BLOCK_CHARS {
        return vec![block.to_owned()];
    }
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth: i32 = 0;
    for sentence in crate::text::sentences(block) {
        for c in sentence.chars() {
            match c {
                '“' => depth += 1,
                '”' => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(sentence);
        if depth == 0 {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Whether the body has so few breaks that long blocks should be split.
pub fn needs_sentence_split(body: &[String]) -> bool {
    let long = body.iter().filter(|b| b.chars().count() > LONG_BLOCK_CHARS).count();
    long > 0 && body.len() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;

    #[test]
    fn blocks_from_blank_lines_or_from_lines() {
        assert_eq!(split_blocks("A\nb c\n\nD\u{a0}e\n"), ["A b c", "D e"]);
        assert_eq!(
            split_blocks("Intro\n\nHe said it.\nMost Read\nTitle x"),
            ["Intro", "He said it.", "Most Read", "Title x"]
        );
        assert_eq!(
            split_blocks("Intro\n\nThe port\nreopened. Then\nmore."),
            ["Intro", "The port reopened. Then more."]
        );
        assert_eq!(split_blocks("A\nB\n  C  "), ["A", "B", "C"]);
        assert_eq!(
            split_blocks("Ministers meet in Ankara\nTalks review the declaration\n\nThe ministers met.\nThey talked"),
            ["Ministers meet in Ankara", "Talks review the declaration", "The ministers met.", "They talked"]
        );
        assert_eq!(
            split_blocks("The port was closed on\nMonday by the storm.\n\nMore."),
            ["The port was closed on Monday by the storm.", "More."]
        );
        // A date on the line under a headline is a dateline of its own, not a hard wrap.
        assert_eq!(
            split_blocks("KICKER\n\nNavies hold drills\n2023/08/21 14:05\n\nThe navies met."),
            ["KICKER", "Navies hold drills", "2023/08/21 14:05", "The navies met."]
        );
        assert_eq!(
            split_blocks("The port closed on\n5 May 2023 after the storm.\n\nMore."),
            ["The port closed on 5 May 2023 after the storm.", "More."]
        );
        assert_eq!(split_blocks("\n\n  \n"), Vec::<String>::new());
    }

    fn check_furniture(block: &str, expected: Option<Furniture>) {
        assert_eq!(furniture(block), expected, "{block:?}");
    }

    #[test]
    fn furniture_patterns() {
        use Furniture::*;
        check_furniture("Home >> World >> Today", Some(Breadcrumb));
        check_furniture("News » Politics » Europe", Some(Breadcrumb));
        check_furniture("Facebook Twitter WhatsApp", Some(Social));
        check_furniture("Facebook", None);
        // Separated like a breadcrumb, but a byline or a dateline.
        check_furniture("By Staff Reporter | 19 May 2022 | 3 min read", None);
        check_furniture("News | Politics | 19 May 2022", None);
        check_furniture("Most Read", Some(SectionHeading));
        check_furniture("ALSO READ: Ministers meet again", Some(SectionHeading));
        check_furniture("Other news in this section", Some(SectionHeading));
        check_furniture("Follow us on Twitter @DailyNews", Some(Social));
        check_furniture("You can also follow Daily on Facebook @DailyPage", Some(Social));
        check_furniture("Share on Facebook Share on Twitter", Some(Social));
        check_furniture("Tweet Share Email", Some(Social));
        check_furniture("Share this article:", Some(Social));
        check_furniture("Sign up for our morning newsletter.", Some(Subscription));
        check_furniture("Choose to support open, independent journalism and subscribe.", Some(Subscription));
        check_furniture("© 2024 The Daily. All rights reserved.", Some(Copyright));
        check_furniture("The views expressed are the author's own.", Some(Copyright));
        check_furniture("The views expressed in this article do not reflect the editors'.", Some(Copyright));
        check_furniture("The views expressed by both ministers were close.", None);
        check_furniture("Photo: Ministry of Defence", Some(PhotoCredit));
        check_furniture("Soldiers at the range. (Getty Images)", Some(PhotoCredit));
        check_furniture("A A A", Some(FontWidget));
        check_furniture("Font size:", Some(FontWidget));
        check_furniture("Last update: April 16, 2024", Some(UpdateStamp));
        check_furniture("Updated on 12 March 2023 | Published on 10 March 2023", None);
        check_furniture("—", Some(Separator));
        check_furniture("Thank you!", Some(Appeal));
        check_furniture("Tags: Azerbaijan, Turkey, exercises", Some(SectionHeading));
        check_furniture("Print this article", Some(Widget));
        check_furniture("Comments (0)", Some(Widget));
        check_furniture("Download our mobile app for the latest news", Some(Subscription));
        check_furniture(
            "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies. Accept",
            Some(CookieNotice),
        );
        check_furniture(
            "This website uses cookies to ensure you get the best experience. Learn more | Got it",
            Some(CookieNotice),
        );
        check_furniture("Cookies help us deliver our services. Manage preferences", Some(CookieNotice));
        check_furniture("Our Standards: The Trust Principles.", Some(Copyright));
        check_furniture("Subscribe to our daily newsletter", Some(Subscription));
        check_furniture("Get the latest updates right in your inbox.", Some(Subscription));
        check_furniture("Copyright 2019 The Daily Courier", Some(Copyright));
        check_furniture("ADVERTISEMENT", Some(Widget));
        check_furniture("You may also like...", Some(SectionHeading));
        check_furniture("Related: Five facts about the harbour", Some(SectionHeading));
        check_furniture("0 Comments (+)", Some(Widget));
        check_furniture("4 min read", Some(Widget));
        check_furniture("[CORRECTED 08:40 GMT]", Some(UpdateStamp));
        check_furniture("(Adds quotes from the minister, paragraphs 4-6)", Some(UpdateStamp));
        check_furniture("Reading time: 3 minutes", Some(Widget));
        check_furniture("[Related: Ministers meet again ]", Some(SectionHeading));
    }

    /// Each rule of `assets/page/furniture.tsv`, by the name of its kind: a block it
    /// alone must mark. A rule of a kind with no example here fails the test.
    #[test]
    fn every_furniture_rule_marks_its_example_by_name() {
        let examples = [
            ("social", "Follow us on Twitter"),
            ("social", "Share this article on Facebook"),
            ("social", "Facebook Twitter WhatsApp"),
            ("subscription", "Subscribe to our newsletter"),
            ("subscription", "Get the news in your inbox every morning"),
            ("subscription", "Support independent journalism today"),
            ("subscription", "Download our app for the latest news"),
            ("copyright", "© 2024 The Daily. All rights reserved."),
            ("copyright", "Our standards: The Daily Ledger follows the press code."),
            ("copyright", "The views expressed in this column are the author's own."),
            ("photo-credit", "Photo: Ann Lee"),
            ("photo-credit", "A crowd in the square (Getty Images)"),
            ("font-widget", "A+ A-"),
            ("update-stamp", "Last updated: 5 May 2023"),
            ("update-stamp", "[CORRECTED 08:40 GMT]"),
            ("separator", "* * *"),
            ("section-heading", "Comments"),
            ("section-heading", "Tags: drills, navy"),
            ("widget", "Advertisement"),
            ("appeal", "Thanks for reading!"),
            ("cookie-notice", "We use cookies to improve your experience."),
        ];
        for (name, block) in examples {
            assert_eq!(furniture(block).map(Furniture::name), Some(name), "{block}");
        }
        for line in FURNITURE_RULES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let (kind, _) = line.split_once('\t').expect("kind <TAB> pattern");
            assert!(Furniture::named(kind).is_some(), "{kind} is no kind of furniture");
            assert!(examples.iter().any(|(name, _)| *name == kind), "the rule {kind} has no example");
        }
        assert_eq!(RULES.1.len(), 21, "every rule of the data file is read");
    }

    #[test]
    fn real_sentences_that_name_furniture_words_are_kept() {
        // Each was once removed as furniture from a real article.
        for s in [
            "Small investors have welcomed the deal, subscribing for so many shares that each will get a tenth of what they asked for.",
            "Negotiators resumed talks on copyright rules for streaming services on Monday.",
            "The newspaper's subscription revenue rose by a fifth, the company said.",
            "If you just want the film service, you can sign up for a free 7-day trial.",
            "4 | Denny Hamlin | 5027 | 6 | 3",
        ] {
            check_furniture(s, None);
        }
    }

    #[test]
    fn article_sentences_are_not_furniture() {
        for s in [
            "The ministers met in Tbilisi on Monday.", "Troops crossed the river > 3 times, officials said.",
            "“We follow the situation closely,” he said.", "The latest drills were held in May.",
            "The photos were published by the ministry.", "Share prices fell on Monday.", "Post offices were closed.",
            "The bakery sold cookies to the troops.",
        ] {
            check_furniture(s, None);
        }
    }

    #[test]
    fn section_items_and_trailing_appeals_are_marked() {
        let blocks: Vec<String> = [
            "Body one is a sentence that is long enough to be article text for sure.",
            "Body two.",
            "Body three.",
            "—",
            "Here we are to serve you with news right now.",
            "Most Read",
            "Unrelated headline about football",
            "2024-09-20 09:41:41",
        ]
        .map(String::from)
        .to_vec();
        let marks = mark_furniture(&blocks);
        use Furniture::*;
        assert_eq!(
            marks,
            [
                None,
                None,
                None,
                Some(Separator),
                Some(Appeal),
                Some(SectionHeading),
                Some(SectionList),
                Some(SectionList)
            ]
        );
        // The appeal may come first in the closing furniture; a quotation never is one.
        let blocks = |last: &[&str]| -> Vec<String> {
            ["Body one.", "Body two.", "Body three.", "Body four."].iter().chain(last).map(|s| s.to_string()).collect()
        };
        let appeal = "Here we are to serve you with news right now. It does not cost much, but worth your attention.";
        let marks = mark_furniture(&blocks(&[appeal, "Subscribe on a monthly basis."]));
        assert_eq!(marks[4..], [Some(Appeal), Some(Subscription)]);
        let quote = "“We are here to serve you and your attention matters,” the minister told the troops.";
        assert_eq!(mark_furniture(&blocks(&[quote, "Subscribe on a monthly basis."]))[4], None);
        // Short text after closing furniture that names the US or quotes a reader.
        for kept in ["According to the health agency in the US, cases fell.", "“You are going to be OK,” she told him."]
        {
            let marks = mark_furniture(&blocks(&["Advertisement", kept]));
            assert_eq!(marks[5], None, "{kept}");
        }
        assert_eq!(mark_furniture(&blocks(&[appeal]))[4], None, "no furniture follows");
        // A widget's label heads nothing; a paragraph ends a section.
        let blocks: Vec<String> = [
            "Body one.",
            "Advertisement",
            "Ann Lee, head of the training command, and officials from the border service attended.",
            "Related",
            "Unrelated headline about football",
            "The talks will resume in May, the ministry said, and a treaty may follow.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(mark_furniture(&blocks), [None, Some(Widget), None, Some(SectionHeading), Some(SectionList), None]);
    }

    #[test]
    fn glued_sentences_get_their_space_back() {
        assert_eq!(unglue_sentences("per Trend.The drills"), "per Trend. The drills");
        assert_eq!(unglue_sentences("Aliyev said.“Vision"), "Aliyev said. “Vision");
        assert_eq!(unglue_sentences("the U.S. Army and e.g. this"), "the U.S. Army and e.g. this");
        assert_eq!(unglue_sentences("version 2.0 is out"), "version 2.0 is out");
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Gen. Rafet Dalk met Lt. Col. Ames on Oct. 5. They talked. Col-Gen Ray left."),
            ["Gen. Rafet Dalk met Lt. Col. Ames on Oct. 5.", "They talked.", "Col-Gen Ray left."]
        );
        assert_eq!(sentences("J. R. Smith spoke. It rained."), ["J. R. Smith spoke.", "It rained."]);
    }

    #[test]
    fn long_blocks_split_at_sentences_outside_quotes() {
        let quote = "“One. Two. Three.”";
        let block = format!("{} {quote} he said. {}", "Lead sentence here. ".repeat(50).trim(), "Last one.");
        let parts = split_long_block(&block);
        assert_eq!(parts.len(), 52, "{parts:?}");
        assert_eq!(parts[50], format!("{quote} he said."));
        assert_eq!(parts.join(" "), block);
    }
}
