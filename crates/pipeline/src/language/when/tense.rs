//! The tense of a sentence, and of the clause a date stands in: past, present or future, from its
//! verbs and auxiliaries (`date_words`), so "on Tuesday" falls before or after the reference day.

use std::sync::LazyLock;

use crate::pattern::Pattern;

use crate::language::date_words;

use super::Tense;
use super::patterns::{FUTURE, re};
use super::words::{CLAUSE_OPENERS, alternation};

/// The tense of a sentence: future when it says so ("will be held", "to be held in"),
/// past otherwise, as news mostly reports what happened.
pub fn tense(sentence: &str) -> Tense {
    if FUTURE.is_match(sentence) { Tense::Future } else { Tense::Past }
}

/// Words, for finding the verbs that mark a clause's tense.
static WORD: LazyLock<Pattern> = LazyLock::new(|| re(r"[\p{L}'’-]+"));

/// The tense marks in `text`, in order: (offset, tense, is "had"). A future phrase
/// ("will", "expected to"), an irregular past or a regular -ed form that is not a
/// passive or participle ("was named", "will be named", "to be completed"), or a
/// present "is"/"has" (unmarked).
fn tense_marks(text: &str) -> Vec<(usize, Tense, bool)> {
    let future: Vec<(usize, usize)> = FUTURE.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let mut out: Vec<(usize, Tense, bool)> = future.iter().map(|&(s, _)| (s, Tense::Future, false)).collect();
    let mut previous = String::new();
    for m in WORD.find_iter(text) {
        let word = m.as_str().to_lowercase();
        // A word both kinds know ("scheduled", "planned") is the future's.
        let inside_future = future.iter().any(|&(s, e)| s < m.end() && m.start() < e);
        // A past form after "be", "is", "to" … is a passive or participle ("will be held").
        let passive = date_words::is_passive_aux(&previous) && word != "had" && word != "was" && word != "were";
        if !inside_future && !passive {
            if date_words::is_past_verb(&word) {
                out.push((m.start(), Tense::Past, word == "had"));
            } else if date_words::is_present_verb(&word) {
                out.push((m.start(), Tense::Unmarked, false));
            } else if word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed") && !word.starts_with("un") {
                out.push((m.start(), Tense::Past, false));
            }
        }
        previous = word;
    }
    out.sort_by_key(|m| m.0);
    out
}

/// Where a clause ends, for the verb that governs a date: punctuation, quotes and
/// the words that open a reported or relative clause (`[CLAUSE_OPENERS]`).
static CLAUSE_BREAK: LazyLock<Pattern> =
    LazyLock::new(|| re(&format!(r#"[,;:()"“”]|\b(?:{})\b"#, alternation(CLAUSE_OPENERS.iter().copied()))));

/// The tense of the clause a date sits in: the verb nearest before the date in its
/// clause ("X said the plant will open on Friday": future; "Bush told reporters on
/// Tuesday that it might be extended": past), else the first after it ("On Feb. 28,
/// the bank released a note saying …": past), else unmarked. "by <date>" is a
/// deadline, ahead, unless the clause is past perfect ("By March it had sold …").
pub fn tense_at(sentence: &str, start: usize, end: usize) -> Tense {
    let before = &sentence[..start];
    let clause_start = CLAUSE_BREAK.find_iter(before).last().map_or(0, |m| m.end());
    // The date's own words count ("said Thursday" is read as one expression).
    // With no verb in it, the clause runs on back over commas ("to be held in Izmir,
    // Turkey in May-June"), to the last stronger break.
    // Only a place's second name opens such a clause; "…, payable Dec. 15" does not.
    let continues_a_name = sentence[clause_start..start].trim_start().chars().next().is_some_and(char::is_uppercase);
    let nearest_before = tense_marks(&sentence[clause_start..end]).last().copied().or_else(|| {
        let wider = CLAUSE_BREAK.find_iter(before).filter(|m| m.as_str() != ",").last().map_or(0, |m| m.end());
        continues_a_name.then(|| tense_marks(&sentence[wider..end]).last().copied()).flatten()
    });
    // After the date: its clause, or the next one when the date opens the sentence
    // with nothing else in its clause ("On Feb. 28, the bank released …").
    let after = &sentence[end..];
    let mut cut = after.len();
    for m in CLAUSE_BREAK.find_iter(after) {
        if after[..m.start()].split_whitespace().count() >= 2 {
            cut = m.start();
            break;
        }
    }
    // "had filed reports by Wednesday": a past perfect anywhere before in the clause.
    let perfect = tense_marks(&sentence[clause_start..end]).iter().any(|m| m.2);
    let mark = if perfect {
        Some((0, Tense::Past, true))
    } else {
        nearest_before.or_else(|| tense_marks(&after[..cut]).first().copied())
    };
    let by = |w: &str| w.eq_ignore_ascii_case("by");
    let deadline = before.trim_end().rsplit(char::is_whitespace).next().is_some_and(by)
        || sentence[start..end].split_whitespace().next().is_some_and(by);
    match mark {
        Some((_, _, true)) => Tense::Past,
        _ if deadline => Tense::Future,
        Some((_, t, _)) => t,
        // A clause with no verb in a sentence about what will be ("flights will leave
        // from March 30, with the third departing from August 6") is the future's.
        None if FUTURE.is_match(sentence) => Tense::Future,
        None => Tense::Unmarked,
    }
}
