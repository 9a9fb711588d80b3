//! A paragraph's mentions, sentence by sentence: each capitalised run classified, with the
//! statistical tagger's names proposed only for sentences a rule asks about.

use std::collections::HashSet;

use model::EntityKind;

use crate::text::sentences;

use super::classify::classify_run;
use super::found::{Context, Found, Proposals, Proposed, push};
use super::tokens::{DAY_WAR, runs, tokens};
use crate::language::name_words::EXERCISE_WORDS;

/// A paragraph's mentions: for each sentence, its byte offset in the paragraph and what was found in it.
pub(super) type SentenceFinds = Vec<(usize, Vec<Found>)>;

/// Whether a sentence lists exercises ("drills such as …", "exercises, including …"),
/// whose names its runs then are.
pub(super) fn lists_exercises(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    EXERCISE_WORDS.iter().any(|w| lower.contains(&format!("{w} such as")) || lower.contains(&format!("{w}, including")))
}

/// Finds the mentions in one paragraph.
pub(super) fn find_in_paragraph(paragraph: &str, countries: &HashSet<String>) -> SentenceFinds {
    let mut per_sentence = Vec::new();
    let all = sentences(paragraph);
    let proposed = Proposals::new(paragraph, &all);
    for (index, &sentence) in all.iter().enumerate() {
        let offset = sentence.as_ptr() as usize - paragraph.as_ptr() as usize;
        let toks = tokens(sentence, offset);
        let mut found = Vec::new();
        let list_of_exercises = lists_exercises(sentence);
        for (run_start, run_end) in runs(paragraph, &toks) {
            let context = Context { list_of_exercises, countries, proposals: &proposed, sentence: index };
            classify_run(paragraph, &toks, run_start, run_end, &context, &mut found);
        }
        // Names whose dots split the rules' runs ("U.S.", "U.N.", "N. Knight"): the
        // tagger's, replacing the unresolved single letters the rules made of them.
        let sentence_end = offset + sentence.len();
        let held_by_runs = runs(paragraph, &toks);
        let dotted = sentence.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1] == b'.');
        let dotted_names: &[Proposed] = if dotted { proposed.get(index) } else { &[] };
        for p in dotted_names
            .iter()
            .filter(|p| p.start >= offset && p.end <= sentence_end && paragraph[p.start..p.end].contains('.'))
        {
            let held = held_by_runs.iter().any(|&(a, b)| toks[a].start <= p.start && p.end <= toks[b - 1].end);
            let overlaps = |f: &Found| f.start < p.end && p.start < f.end;
            if held || found.iter().any(|f| overlaps(f) && !(f.rule == "surname" && f.fallback.is_none())) {
                continue;
            }
            found.retain(|f| !overlaps(f));
            let text = &paragraph[p.start..p.end];
            push(&mut found, p.kind, text, text, "tagger", p.start, p.end);
        }
        for m in DAY_WAR.captures_iter(sentence) {
            let whole = m.get(0).expect("whole match");
            found.push(Found {
                kind: EntityKind::Event,
                surface: whole.as_str().to_owned(),
                name: whole.as_str().to_owned(),
                rule: "name",
                start: offset + whole.start(),
                end: offset + whole.end(),
                role: None,
                series: None,
                fallback: None,
            });
        }
        per_sentence.push((offset, found));
    }
    per_sentence
}
