//! Dates relative to another event ("eight months after the war"): each takes the
//! date of the event its anchor phrase names, once every dated statement is known.

use std::collections::HashMap;

use model::{EventKind, Source};
use rayon::prelude::*;

use super::statements::summarise;
use super::{Draft, Pending, word_set};
use crate::language::when;

/// Candidates kept per distinct anchor phrase of a relative date.
const ANCHOR_KEPT: usize = 64;

/// The drafts the relatively dated statements `pending` give, in their order.
pub(super) fn resolve(drafts: &[Draft], pending: Vec<Pending>) -> Vec<Draft> {
    // Relative dates take the date of the event they name: the dated event whose words
    // share most with the anchor phrase (at least two words), the earliest if several,
    // never one told by the same sentence. An index from word to drafts finds the
    // candidates (`best_sharing`); each distinct anchor is ranked once (the best
    // `ANCHOR_KEPT` kept), for anchors repeat.
    // Drafts are ranked by their start, then their index (the order candidates tie in),
    // and the index lists ranks: a draft met later in a list then never ties with one
    // kept before it, so the ranking can stop early (see `best_sharing`).
    let mut by_date: Vec<usize> = (0..drafts.len()).collect();
    by_date.sort_by_key(|&i| (drafts[i].when.start, i));
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (rank, &i) in by_date.iter().enumerate() {
        let d = &drafts[i];
        if d.kind != EventKind::Publication {
            for w in &d.words {
                by_word.entry(w.as_str()).or_default().push(rank);
            }
        }
    }
    let rank = |anchor: &[String], keep: usize| -> Vec<usize> {
        let lists: Vec<&[usize]> =
            anchor.iter().map(|w| by_word.get(w.as_str()).map_or(&[][..], Vec::as_slice)).collect();
        best_sharing(lists, keep).into_iter().map(|r| by_date[r]).collect()
    };
    // Each pending statement's anchor words, sorted: the key its ranking is kept under.
    let keys: Vec<Vec<String>> = pending
        .iter()
        .map(|p| {
            let mut key: Vec<String> = p.anchor.iter().cloned().collect();
            key.sort();
            key
        })
        .collect();
    let mut distinct: Vec<&Vec<String>> = keys.iter().collect();
    distinct.sort();
    distinct.dedup();
    // Rankings and statements are each their own work: in parallel, taken in order.
    let ranked_for: HashMap<&Vec<String>, Vec<usize>> = distinct
        .into_par_iter()
        .map(|key| {
            let mut best = rank(key, ANCHOR_KEPT);
            // Kept for the whole step: a ranking's spare capacity, once held for every
            // anchor, was most of the pipeline's memory at 100,000 articles.
            best.shrink_to_fit();
            (key, best)
        })
        .collect();
    pending
        .into_par_iter()
        .zip(&keys)
        .filter_map(|(p, key)| {
            let told_elsewhere = |i: &usize| drafts[*i].sources.iter().all(|s| s.sentence != p.sentence);
            let ranked = &ranked_for[key];
            let best = match ranked.iter().copied().find(told_elsewhere) {
                Some(i) => Some(i),
                // Every kept candidate is told by this very sentence: rank them all.
                None if ranked.len() == ANCHOR_KEPT => rank(key, usize::MAX).into_iter().find(told_elsewhere),
                None => None,
            };
            let anchor = &drafts[best?];
            let evidence = format!("{} ({})", p.evidence, anchor.when.label());
            let when = when::shift(&anchor.when, p.n, &p.unit, &evidence)?;
            let summary = summarise(&p.sentence, None);
            Some(Draft {
                words: word_set(&summary),
                when,
                summary,
                kind: p.kind,
                entities: p.ids,
                sources: vec![Source {
                    article: p.article,
                    paragraph: p.paragraph,
                    sentence: p.sentence.into(),
                    place: None,
                }],
            })
        })
        .collect()
}

/// The drafts in at least two of `lists` (each a word's drafts, ascending), best first:
/// in more lists, then the lower number; at most `keep`.
///
/// Ranked as search engines find their top hits (MaxScore): drafts are taken in
/// ascending order from the shorter lists only, and the longest lists are probed for
/// them, never walked: as many of the longest as together cannot give a draft found in
/// none of the others more than the `keep`-th best so far (a draft met later ties
/// with none kept before it, so it must be in more lists to enter). Counting every
/// list's drafts instead grew with the square of the corpus (anchor phrases hold
/// common words, and their number grows with the corpus).
pub(super) fn best_sharing(mut lists: Vec<&[usize]>, keep: usize) -> Vec<usize> {
    use std::cmp::Reverse;
    lists.sort_by_key(|l| l.len());
    let k = lists.len();
    let mut at = vec![0usize; k];
    // The best so far, the worst on top.
    let mut best: std::collections::BinaryHeap<(Reverse<usize>, usize)> = std::collections::BinaryHeap::new();
    loop {
        // A draft must be in at least `need` lists to enter; one found only in the
        // `need - 1` longest cannot be.
        let need = match best.peek() {
            Some(&(Reverse(n), _)) if best.len() >= keep => n + 1,
            _ => 2,
        };
        let Some(essential) = k.checked_sub(need - 1).filter(|&e| e > 0) else { break };
        let Some(draft) = (0..essential).filter_map(|j| lists[j].get(at[j]).copied()).min() else { break };
        let mut shared = 0;
        for (list, at) in lists.iter().zip(at.iter_mut()) {
            *at = seek(list, *at, draft);
            if list.get(*at) == Some(&draft) {
                shared += 1;
                *at += 1;
            }
        }
        if shared < need {
            continue;
        }
        if best.len() >= keep {
            best.pop();
        }
        best.push((Reverse(shared), draft));
    }
    best.into_sorted_vec().into_iter().map(|(_, i)| i).collect()
}

/// The first position at or after `from` whose value is not below `value`, in an
/// ascending list: galloping, so a probe far ahead costs its logarithm.
pub(super) fn seek(list: &[usize], from: usize, value: usize) -> usize {
    let mut step = 1;
    let mut low = from;
    while low < list.len() && list[low] < value {
        let high = (low + step).min(list.len());
        if high == list.len() || list[high] >= value {
            return low + 1 + list[low + 1..high].partition_point(|&x| x < value);
        }
        low = high;
        step *= 2;
    }
    low
}
