//! A title derived from the lead when no headline is stated: its first sentence that
//! is no broadcast opener, less a wire dateline, cut to a few words.

use std::sync::LazyLock;

use regex::Regex;

use crate::page::dateline;

/// Derived titles are cut to this many words.
const DERIVED_TITLE_WORDS: usize = 12;

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
pub(super) fn derive_title(lead: &str) -> String {
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
