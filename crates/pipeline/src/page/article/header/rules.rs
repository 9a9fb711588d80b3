//! The header rules of `RULES`, each a small function that takes a line (reads it,
//! removes it, or starts the body there) or passes it to the next.
// Every rule has the table's signature, `&mut String` for the line, since some take
// the line out of the text or cut it; the rest only read it.
#![allow(clippy::ptr_arg)]

use model::DateSpan;

use super::{Header, Step, all_capitals, is_headline, is_label, is_wire_headline, wire_headline_words};
use crate::language::dates::DateValue;
use crate::page::article::credits::{credit_from, outlet, quoted};
use crate::page::dateline;
use crate::page::meta::{self, Credit};

/// "BLINKER BAN LIFTED.": a wire headline as the first line, closed by its full stop
/// (or any headline-like line with a dateline under it), when the page states none.
pub(super) fn wire_headline(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
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
pub(super) fn wire_reporter(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
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
pub(super) fn kicker(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if h.read.title.is_none() && h.kickers.get(i) == Some(&true) { h.remove(block) } else { None }
}

/// "By Ann Lee", perhaps with the date: the authors, and the date when none is known.
pub(super) fn byline(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let names = meta::byline(block).filter(|_| block.chars().count() <= 120)?;
    if h.read.published.is_none() {
        h.read.published = dateline::dateline(block);
    }
    credit_from(&mut h.read.credits, names.iter().filter_map(|n| meta::credit(n)), &quoted(block));
    Some(Step::Read)
}

/// "Ann de Vries · January 15, 2024": the author and the date, with no "By".
pub(super) fn credit_line(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let (name, date) = meta::credit_line(block)?;
    h.read.published.get_or_insert(date);
    h.read.credits.push((Credit::Person(name), quoted(block)));
    Some(Step::Read)
}

/// "ANKARA, 3 March 2023", "Baku, September 14, Report": the date (or a day lacking
/// its year) and the outlet named after it.
pub(super) fn place_dateline(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
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
pub(super) fn place_outlet(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let name = meta::place_outlet(block)?;
    credit_from(&mut h.read.credits, outlet(&name), &quoted(block));
    Some(Step::Read)
}

/// "17 April 2023 12:30", "Published 05.10.2021 11:20": the date.
pub(super) fn date_line(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let date = dateline::date_line(block, 2)?;
    h.read.published.get_or_insert(date);
    Some(Step::Read)
}

/// "By Ann LeeOn Monday, troops …": bylines glued to the text by lost markup; the
/// body starts at the text after them.
pub(super) fn glued_byline(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    let (names, rest) = meta::split_glued_byline(block)?;
    // Quoted without the text glued after it.
    let line = block.strip_suffix(rest.as_str()).unwrap_or(block);
    credit_from(&mut h.read.credits, names.iter().filter_map(|n| meta::credit(n)), &quoted(line));
    *block = rest;
    Some(Step::Body)
}

/// The first line that is shaped like a headline, when none is known.
pub(super) fn headline(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if !(h.read.title.is_none() && is_headline(block)) {
        return None;
    }
    h.read.title = Some(block.clone());
    h.headline_at = Some(i);
    Some(Step::Read)
}

/// A line in capitals before the headline names the place or the outlet ("ISTANBUL
/// DAILY SABAH WITH AA"): the headline is the one in mixed case after it.
pub(super) fn mixed_case_headline(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
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
pub(super) fn headline_again(h: &mut Header<'_>, _: usize, block: &mut String) -> Option<Step> {
    if h.read.title.as_deref().is_some_and(|t| t.trim().eq_ignore_ascii_case(block.trim())) {
        h.remove(block)
    } else {
        None
    }
}

/// The section's name under the headline or its date line ("Politics"), before the
/// body (a place in capitals there is a dateline: kept).
pub(super) fn section_label(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
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
pub(super) fn place_alone(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if h.headline_at.is_some() && h.is_place_alone(i, block) { h.remove(block) } else { None }
}

/// A line the page's layout puts between the headline and the body, which no rule
/// above read.
pub(super) fn header_line(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if i < h.header_kept { h.remove(block) } else { None }
}

/// A headline-like line right under the headline: it introduces the text and stays
/// text (the body's first paragraph), while the header lines after it are read.
pub(super) fn standfirst(h: &mut Header<'_>, i: usize, block: &mut String) -> Option<Step> {
    if !(h.headline_at.is_some_and(|at| at + 1 == i) && i + 1 < h.blocks && is_headline(block)) {
        return None;
    }
    h.standfirst = Some(std::mem::take(block));
    Some(Step::Read)
}
