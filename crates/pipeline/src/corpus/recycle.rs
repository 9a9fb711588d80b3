//! Recycled passages: sentences that recur across articles, word for word or with
//! small changes ("Turkey"/"Turkiye", "defence"/"defense", a clause reworded). Each
//! recurring sentence is traced to the earliest article that carries it.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use model::{Article, Recycled};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::text::{fold, sentences, shared};

/// Sentences with fewer distinct words than this are too short to call recycled.
const MIN_WORDS: usize = 8;
/// Share of the shorter sentence's words the two must have in common.
const MIN_OVERLAP: f64 = 0.8;
/// Sentences kept per three-word phrase in the index. Matching sentences join one
/// group, so comparing a new sentence with the first few that share a phrase is
/// enough, and the work per sentence stays bounded however large the corpus.
const PER_PHRASE: usize = 16;

/// Words of already folded text.
fn tokens(folded: &str) -> Vec<&str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// A fixed-key hash: `DefaultHasher::new` has fixed keys, so the same text hashes the
/// same in every build and on every thread.
fn hash(value: impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Hashes of each run of three consecutive words, sorted and deduplicated.
fn phrases(tokens: &[&str]) -> Vec<u64> {
    let mut out: Vec<u64> = tokens.windows(3).map(hash).collect();
    out.sort_unstable();
    out.dedup();
    out
}

struct Sentence {
    article: usize,
    paragraph: usize,
    text: String,
    /// Sorted, deduplicated hashes of its words (a 64-bit hash stands for the word:
    /// no shared vocabulary, so articles are read apart).
    words: Vec<u64>,
    phrases: Vec<u64>,
}

/// The sentences of article `a`, each once: a sentence repeated inside one article is
/// indexed once, for repeats within an article are not recycling, and indexing them
/// would make the work quadratic.
fn sentences_of(a: usize, article: &Article) -> Vec<Sentence> {
    let mut seen_here = HashSet::new();
    let mut out = Vec::new();
    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        for s in sentences(paragraph) {
            let folded = fold(s);
            let toks = tokens(&folded);
            let mut words: Vec<u64> = toks.iter().map(hash).collect();
            words.sort_unstable();
            words.dedup();
            let phrases = phrases(&toks);
            if seen_here.insert(folded) {
                out.push(Sentence { article: a, paragraph: p, text: s.to_owned(), words, phrases });
            }
        }
    }
    out
}

/// Whether `shared` words are enough for two sentences whose smaller has `smaller`.
fn enough(shared: f64, smaller: usize) -> bool {
    shared >= MIN_OVERLAP * smaller as f64
}

/// A word's bit in a `Sketch`: the hash's top six bits pick one of 64.
fn bit(word: u64) -> u64 {
    1 << (word >> 58)
}

/// What a candidate is first checked by, kept in the phrase index's lists beside its
/// number so that ruling it out reads nothing else (16 bytes): its number of words and
/// the union of its words' bits. A word whose bit is not in the union is not among its
/// words, so what two sentences share is bounded from above without reading the
/// other's words.
#[derive(Clone, Copy)]
struct Sketch {
    bits: u64,
    sentence: u32,
    words: u32,
}

impl Sketch {
    fn of(i: usize, s: &Sentence) -> Sketch {
        Sketch {
            bits: s.words.iter().fold(0, |acc, &w| acc | bit(w)),
            // Files are read up to 4 MB each: a sentence has fewer than 2^32 words, and a
            // corpus of 2^32 sentences would need terabytes of memory first.
            sentence: u32::try_from(i).expect("fewer than 2^32 sentences"),
            words: u32::try_from(s.words.len()).expect("fewer than 2^32 words in a sentence"),
        }
    }

    /// The most words this sentence can share with `other`: the bits both have, plus
    /// this one's words whose bit another of its words already has (at most one word
    /// a bit is counted by the first term).
    fn most_shared(&self, other: &Sketch) -> u32 {
        (self.bits & other.bits).count_ones() + (self.words - self.bits.count_ones())
    }
}

/// Fills each article's `recycled` list. `order` ranks articles by age: the earliest
/// article of a group of matching sentences is where the passage was first seen.
pub fn mark_recycled(articles: &mut [Article]) {
    let rank = age_rank(articles);
    // Sentences are read per article in parallel and taken in article order.
    let all: Vec<Sentence> =
        articles.par_iter().enumerate().flat_map_iter(|(a, article)| sentences_of(a, article)).collect();

    // Candidates share a three-word phrase; each is confirmed by word overlap. Each
    // phrase keeps its first `PER_PHRASE` long sentences, in order; a sentence is
    // compared with those before it, which are exactly what the list held when it came.
    let long = |s: &Sentence| s.words.len() >= MIN_WORDS;
    let mut index: FxHashMap<u64, Vec<Sketch>> = FxHashMap::default();
    for (i, s) in all.iter().enumerate().filter(|(_, s)| long(s)) {
        let sketch = Sketch::of(i, s);
        for p in &s.phrases {
            let list = index.entry(*p).or_default();
            if list.len() < PER_PHRASE {
                list.push(sketch);
            }
        }
    }
    // Comparing is most of the work and each sentence's is its own: in parallel. Each
    // candidate is first ruled out, where it can be, by its `Sketch` alone.
    let matches: Vec<Vec<usize>> = all
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            if !long(s) {
                return Vec::new();
            }
            let mine = Sketch::of(i, s);
            let mut candidates: Vec<usize> = Vec::new();
            for p in &s.phrases {
                if let Some(list) = index.get(p) {
                    candidates.extend(
                        list.iter()
                            .take_while(|other| other.sentence < mine.sentence)
                            .filter(|other| {
                                enough(f64::from(mine.most_shared(other)), mine.words.min(other.words) as usize)
                            })
                            .map(|other| other.sentence as usize),
                    );
                }
            }
            // A sentence shares many phrases with one like it: each candidate is read once.
            candidates.sort_unstable();
            candidates.dedup();
            candidates.retain(|&j| {
                let other = &all[j];
                other.article != s.article
                    && enough(shared(&s.words, &other.words) as f64, s.words.len().min(other.words.len()))
            });
            candidates
        })
        .collect();
    let mut groups = UnionFind::new(all.len());
    for (i, js) in matches.into_iter().enumerate() {
        for j in js {
            groups.union(i, j);
        }
    }

    // For each group: the articles that carry it and the earliest of them.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..all.len() {
        members.entry(groups.find(i)).or_default().push(i);
    }
    let mut recycled: Vec<Vec<Recycled>> = vec![Vec::new(); articles.len()];
    let mut sorted: Vec<&Vec<usize>> = members.values().collect();
    sorted.sort_by_key(|m| m[0]);
    let mut marks: Vec<Option<(String, u32)>> = vec![None; all.len()];
    for group in sorted {
        let mut carriers: Vec<usize> = group.iter().map(|&i| all[i].article).collect();
        carriers.sort();
        carriers.dedup();
        if carriers.len() < 2 {
            continue;
        }
        let first = carriers.iter().copied().min_by_key(|&a| rank[a]).expect("non-empty");
        let count = u32::try_from(carriers.len()).unwrap_or(u32::MAX);
        for &i in group {
            marks[i] = Some((articles[first].id.to_string(), count));
        }
    }
    // Consecutive recycled sentences of one paragraph with the same origin form one passage.
    for (i, s) in all.iter().enumerate() {
        let Some((first_seen, count)) = &marks[i] else { continue };
        let list = &mut recycled[s.article];
        let paragraph = u32::try_from(s.paragraph).unwrap_or(u32::MAX);
        let continues = i > 0
            && marks[i - 1].as_ref().is_some_and(|(f, _)| f == first_seen)
            && all[i - 1].article == s.article
            && all[i - 1].paragraph == s.paragraph;
        match list.last_mut() {
            Some(last) if continues => {
                let text = last.text.to_mut();
                text.push(' ');
                text.push_str(&s.text);
                last.articles = last.articles.max(*count);
            }
            _ => list.push(Recycled {
                paragraph,
                text: s.text.clone().into(),
                first_seen: first_seen.clone().into(),
                articles: *count,
            }),
        }
    }
    for (article, list) in articles.iter_mut().zip(recycled) {
        article.recycled = list;
    }
}

/// Rank of each article by age: dated articles by their start date, then undated
/// ones, ties by id.
fn age_rank(articles: &[Article]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| {
            (articles[i].published.is_none(), articles[i].published.as_ref().map(|p| p.start), articles[i].id.clone())
        };
        key(a).cmp(&key(b))
    });
    let mut rank = vec![0; articles.len()];
    for (r, i) in order.into_iter().enumerate() {
        rank[i] = r;
    }
    rank
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect() }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Date, DateSpan};

    fn article(id: &str, date: Option<(i16, u8, u8)>, paragraphs: &[&str]) -> Article {
        Article {
            id: id.to_owned().into(),
            file: format!("{id}.txt").into(),
            title: id.to_owned().into(),
            title_stated: true,
            authors: vec![],
            outlets: vec![],
            credited: vec![],
            published: date.map(|(y, m, d)| DateSpan::stated_day(Date::new(y, m, d).unwrap(), "")),
            paragraphs: paragraphs.iter().map(|s| s.to_string().into()).collect(),
            removed: vec![],
            recycled: vec![],
        }
    }

    const BACKGROUND: &str =
        "Naval cooperation between Norway and Denmark began in 1994 with a treaty on shared patrols.";

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Türkiye ERDOĞAN Naxçıvan İzmir"), "turkiye erdogan naxcivan izmir");
    }

    #[test]
    fn recurring_sentence_is_traced_to_the_earliest_article() {
        let mut articles = vec![
            article("b", Some((2022, 5, 1)), &["Fresh news about a new port.", BACKGROUND]),
            article("a", Some((2021, 3, 1)), &[&format!("Other news today. {BACKGROUND}")]),
            article(
                "c",
                None,
                &["Naval co-operation between Norway and Dänemark began in 1994 with a treaty on joint patrols."],
            ),
            article("d", Some((2020, 1, 1)), &["Nothing in common with the others at all, really nothing."]),
        ];
        mark_recycled(&mut articles);
        let r = |i: usize| {
            articles[i].recycled.iter().map(|r| (r.paragraph, &*r.first_seen, r.articles)).collect::<Vec<_>>()
        };
        assert_eq!(r(0), [(1, "a", 3)]);
        assert_eq!(r(1), [(0, "a", 3)]);
        assert_eq!(articles[1].recycled[0].text, BACKGROUND);
        assert_eq!(r(2), [(0, "a", 3)]);
        assert_eq!(r(3), []);
    }

    /// A sketch's bound is never below what two sentences share, so it rules out no
    /// pair that shares enough: checked on sentences of one small vocabulary.
    #[test]
    fn a_sketch_rules_out_only_pairs_that_share_too_little() {
        let words = "the navy said ships from norway and denmark will patrol the strait in may after talks";
        let vocabulary: Vec<&str> = words.split(' ').collect();
        let sentence = |seed: usize| {
            let text: Vec<&str> =
                (0..12).map(|i| vocabulary[(seed * 7 + i * (seed % 5 + 1)) % vocabulary.len()]).collect();
            let mut hashes: Vec<u64> = text.iter().map(hash).collect();
            hashes.sort_unstable();
            hashes.dedup();
            Sentence { article: seed, paragraph: 0, text: text.join(" "), words: hashes, phrases: vec![] }
        };
        let all: Vec<Sentence> = (0..60).map(sentence).collect();
        let (mut enough_pairs, mut ruled_out) = (0, 0);
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                let bound = Sketch::of(i, a).most_shared(&Sketch::of(j, b)) as usize;
                let shared = shared(&a.words, &b.words);
                assert!(bound >= shared, "{} / {}", a.text, b.text);
                let smaller = a.words.len().min(b.words.len());
                enough_pairs += usize::from(enough(shared as f64, smaller));
                ruled_out += usize::from(!enough(bound as f64, smaller));
            }
        }
        assert!(enough_pairs > 60 && ruled_out > 0, "both kinds of pair occur ({enough_pairs}, {ruled_out})");
    }

    #[test]
    fn short_or_single_article_sentences_are_not_recycled() {
        let mut articles =
            vec![article("a", None, &["He said so.", BACKGROUND, BACKGROUND]), article("b", None, &["He said so."])];
        mark_recycled(&mut articles);
        assert!(articles.iter().all(|a| a.recycled.is_empty()));
    }
}
