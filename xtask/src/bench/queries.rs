//! What the bench searches and filters for, picked from the corpus with a fixed seed: never a
//! person's name, since the report is committed.

use std::collections::{HashMap, HashSet};

use super::SEED;
use crate::r#gen::Rng;

/// Queries picked with a fixed seed from the words of the events' texts: 20 words (half
/// among the 200 most common, half from the whole vocabulary), 10 prefixes and 8 pairs of
/// words from one event.
pub(super) fn queries(corpus: &model::Corpus) -> Vec<String> {
    let mut rng = Rng::new(SEED);
    let words_of = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 4).map(str::to_lowercase).collect()
    };
    // The report is generated text: it must not quote people's names from the bundled
    // articles, so no word of a person's name or alias becomes a query.
    let names: HashSet<String> = corpus
        .entities
        .iter()
        .filter(|e| e.kind == model::EntityKind::Person)
        .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(|a| a.text.as_str())))
        .flat_map(&words_of)
        .collect();
    let words_of = |text: &str| -> Vec<String> { words_of(text).into_iter().filter(|w| !names.contains(w)).collect() };
    let mut frequency: HashMap<String, usize> = HashMap::new();
    for e in &corpus.events {
        let mut seen = HashSet::new();
        for w in words_of(&e.summary).into_iter().chain(e.sources.iter().flat_map(|s| words_of(&s.sentence))) {
            if seen.insert(w.clone()) {
                *frequency.entry(w).or_default() += 1;
            }
        }
    }
    let mut vocabulary: Vec<(String, usize)> = frequency.into_iter().collect();
    vocabulary.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if vocabulary.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let add = |q: String, out: &mut Vec<String>| {
        if !out.contains(&q) {
            out.push(q);
        }
    };
    let common = vocabulary.len().min(200);
    for _ in 0..10 {
        add(vocabulary[rng.below(common)].0.clone(), &mut out);
    }
    for _ in 0..10 {
        add(vocabulary[rng.below(vocabulary.len())].0.clone(), &mut out);
    }
    for _ in 0..10 {
        let word = &vocabulary[rng.below(common)].0;
        let cut = word.char_indices().nth(3).map_or(word.len(), |(i, _)| i);
        add(word[..cut].to_owned(), &mut out);
    }
    let with_words: Vec<&model::Event> = corpus.events.iter().filter(|e| words_of(&e.summary).len() >= 2).collect();
    for _ in 0..8 {
        if with_words.is_empty() {
            break;
        }
        let words = words_of(&rng.pick(&with_words).summary);
        let first = rng.below(words.len() - 1);
        add(format!("{} {}", words[first], words[first + 1]), &mut out);
    }
    out
}

/// Entity ids for the filter timing: half among the most-named, half from all. People
/// are left out, so the report never names a person from the articles.
pub(super) fn entity_sample(corpus: &model::Corpus, count: usize) -> Vec<String> {
    let mut rng = Rng::new(SEED ^ 0xE);
    let mut events_of = vec![0usize; corpus.entities.len()];
    for e in &corpus.events {
        for &x in &e.entities {
            if let Some(n) = events_of.get_mut(x as usize) {
                *n += 1;
            }
        }
    }
    let mut named: Vec<usize> = (0..corpus.entities.len())
        .filter(|&i| events_of[i] > 0 && corpus.entities[i].kind != model::EntityKind::Person)
        .collect();
    named.sort_by(|&a, &b| events_of[b].cmp(&events_of[a]).then(a.cmp(&b)));
    let mut out = Vec::new();
    for k in 0..count.min(named.len()) {
        let i = if k % 2 == 0 { named[rng.below(named.len().min(50))] } else { named[rng.below(named.len())] };
        let id = corpus.entities[i].id.clone();
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}
