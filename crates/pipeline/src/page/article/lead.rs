//! The lead's opening: a dateline there states the publication date (or a day
//! lacking its year) and names the agency ("BAKU, Azerbaijan (AP) —"); an agency's
//! lead names it after the news ("…, APA reports.").

use std::sync::LazyLock;

use model::DateSpan;
use regex::Regex;

use super::Reading;
use super::credits::{credit_from, outlet, quoted};
use crate::language::dates::{DateValue, find_dates};
use crate::page::dateline;
use crate::page::words;
use crate::rules::alternation;

/// The date of a dateline opening the lead, when no header line gave one.
pub(super) fn read_date(read: &mut Reading, paragraphs: &[String]) {
    // A lead that opens with its dateline: "Baku, 14 June 2023 — …".
    if read.published.is_none()
        && let Some(lead) = paragraphs.first()
        && let Some(m) = dateline::LEAD_DATE.find(lead)
    {
        read.published = dateline::dateline(m.as_str().trim_end_matches(['—', '–', '-', ' ']));
    }
    // "BAKU, Azerbaijan, March 3. The ministers …", "ANKARA, Oct 3 (Reuters) - …": a
    // dateline opening the lead, with a date perhaps lacking its year.
    if read.published.is_none()
        && read.dateline_day.is_none()
        && let Some(lead) = paragraphs.first()
        && let Some(end) = dateline::dateline_end(lead)
        && let [f] = find_dates(&lead[..end]).as_slice()
    {
        let words = lead[..end].trim_end_matches(|c: char| c.is_whitespace() || "-–—.".contains(c));
        match f.value {
            DateValue::Full(date) => read.published = Some(DateSpan::stated_day(date, words)),
            DateValue::MonthDay { month, day } => read.dateline_day = Some((month, day, words.to_owned())),
            _ => {}
        }
    }
}

/// The agency the lead names, in its dateline or after its news.
pub(super) fn read_agency(read: &mut Reading, paragraphs: &[String]) {
    // A wire dateline names the agency: "BAKU, Azerbaijan (AP) —", "Baku, October 5 (AZERTAC).".
    if let Some(c) = paragraphs.first().and_then(|p| dateline::DATELINE_AGENCY.captures(p)) {
        credit_from(&mut read.credits, outlet(&c[1]), &quoted(&c[0]));
    }
    // An agency's lead names it after the news: "…, APA reports.", "…, Trend reports
    // citing the ministry.".
    let lead = paragraphs.first().map(|p| dateline::lead_dateline(p).map_or(p.as_str(), |(_, _, cut)| &p[cut..]));
    if let Some(c) = lead
        .and_then(|p| crate::text::sentences(p).into_iter().next())
        .and_then(|s| AGENCY_REPORTS.captures(s.trim_end()))
    {
        credit_from(&mut read.credits, outlet(&c[1]), &quoted(c[0].trim_start_matches([',', ' '])));
    }
}

/// The agency named after the lead's news, in the present: ", APA reports.", ", Trend
/// reports citing the ministry.", ", Report informs.".
static AGENCY_REPORTS: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(&words::AGENCY_VERBS);
    Regex::new(&format!(r",\s+(\p{{Lu}}[\p{{L}}\p{{N}}.&'-]*(?:\s+\p{{Lu}}[\p{{L}}\p{{N}}.&'-]*){{0,2}})\s+(?:{verbs})(?:\s+(?:citing|with reference to)\b[^.]{{0,80}})?\.?$"))
        .expect("valid regex")
});
