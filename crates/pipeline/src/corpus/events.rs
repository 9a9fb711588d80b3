//! Timeline events: each dated statement (a sentence, or the clause around a second
//! date in it) that names an entity or an action, with a short summary, a kind, its
//! entities and its source sentences. A statement told in several articles becomes one
//! event with several sources; recycled passages are dated from the article where they
//! first appeared. Each article's publication is an event too.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use model::{Article, Basis, DateSpan, Entity, EntityKind, Event, EventKind, Precision, Source};
use regex::Regex;

use crate::language::date_words;
use crate::language::kinds::kind_of;
use crate::language::when;
use crate::rules::{alternation, section};
use crate::text::fold;
use crate::text::sentences;

/// Words of a summary that decide which reports are of one event (a summary is the
/// whole clause; its opening words tell what happened, the rest varies by outlet).
const SUMMARY_WORDS: usize = 24;
/// Candidates kept per distinct anchor phrase of a relative date (see `extract`).
const ANCHOR_KEPT: usize = 64;
/// Share of the shorter summary's words two reports must share to be one event.
const SAME_EVENT_OVERLAP: f64 = 0.6;

/// The word lists of this module, a section each (`crate::rules`).
static WORDS: &str = include_str!("../../../../assets/events/words.txt");

fn list(name: &str) -> Vec<&'static str> {
    section(WORDS, "assets/events/words.txt", name)
}

/// A verb of action (`ACTIONS`).
static ACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b({})\b", alternation(&list("ACTIONS")))).expect("valid regex"));
/// A clause that is only an attribution: who spoke, then the speech verb
/// (`ATTRIBUTION_VERBS`).
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(&list("ATTRIBUTION_VERBS"));
    Regex::new(&format!(r"^[\s,;:–—-]*([\p{{L}}\p{{N}}'’\s.-]{{0,80}}?)\b(?:{verbs})[\s,.]*$")).expect("valid regex")
});
/// "eight months after Azerbaijan's victory in the war": a date relative to another
/// event (`RELATIVE_NUMBERS`).
static RELATIVE_TO: LazyLock<Regex> = LazyLock::new(|| {
    let numbers = alternation(&list("RELATIVE_NUMBERS"));
    Regex::new(&format!(r"(?i)\b({numbers})\s+(years?|months?|weeks?|days?)\s+(after|before)\s+([^,.;]{{3,100}})"))
        .expect("valid regex")
});
/// Words too common to tie a relative date to its anchor event.
static ANCHOR_STOP: LazyLock<Vec<&str>> = LazyLock::new(|| list("ANCHOR_STOP"));

/// A statement dated relative to another event, resolved once all events are known.
struct Pending {
    article: u32,
    paragraph: u32,
    sentence: String,
    ids: Vec<u32>,
    n: i64,
    unit: String,
    anchor: HashSet<String>,
    evidence: String,
    kind: EventKind,
}

/// The entries of section `[name]`, each escaped, as one alternation.
fn words_alternation(name: &str) -> String {
    list(name).into_iter().map(regex::escape).collect::<Vec<_>>().join("|")
}

/// A leading date phrase and its comma (`LEADING_DATE_WORDS`).
static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{})\s[^,]{{1,40}},\s+", words_alternation("LEADING_DATE_WORDS"))).expect("valid regex")
});
/// A leading month with no comma after it ("In July the forum met …"; `LEADING_MONTH_WORDS`).
static LEADING_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let months: Vec<String> = date_words::month_names().iter().map(|m| date_words::capitalised(m)).collect();
    Regex::new(&format!(
        r"^(?:{})\s+(?:early\s+|late\s+|mid-?)?(?:{})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?\s+",
        words_alternation("LEADING_MONTH_WORDS"),
        months.join("|")
    ))
    .expect("valid regex")
});

struct Draft {
    when: DateSpan,
    summary: String,
    kind: EventKind,
    entities: Vec<u32>,
    sources: Vec<Source>,
    /// Folded words of the summary, for matching reports of one event.
    words: HashSet<String>,
}

/// Finds the events of a corpus whose entities are already extracted.
pub fn extract(articles: &[Article], entities: &[Entity]) -> Vec<Event> {
    // Per (article, paragraph): each mention's byte range and entity index.
    type Spans = HashMap<(u32, u32), Vec<(usize, usize, u32)>>;
    let mut mentions: Spans = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            mentions.entry((m.article, m.paragraph)).or_default().push((m.start as usize, m.end as usize, i as u32));
        }
    }
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (&*a.id, a)).collect();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();

    for (a, article) in articles.iter().enumerate() {
        let a = a as u32;
        if let Some(published) = &article.published {
            drafts.push(Draft {
                when: published.clone(),
                summary: article.title.to_string(),
                kind: EventKind::Publication,
                entities: Vec::new(),
                sources: vec![Source { article: a, paragraph: 0, sentence: article.title.clone() }],
                words: HashSet::new(),
            });
        }
        let mut article_quarter: Option<DateSpan> = None;
        for (p, paragraph) in article.paragraphs.iter().enumerate() {
            let p = p as u32;
            let spans = mentions.get(&(a, p)).map(Vec::as_slice).unwrap_or(&[]);
            for (k, sentence) in sentences(paragraph).into_iter().enumerate() {
                let offset = sentence.as_ptr() as usize - paragraph.as_ptr() as usize;
                // A recycled sentence is dated from the article it first appeared in.
                let reference = article
                    .recycled
                    .iter()
                    .find(|r| r.paragraph == p && r.text.contains(sentence))
                    .and_then(|r| by_id.get(&*r.first_seen))
                    .and_then(|first| first.published.as_ref())
                    .or(article.published.as_ref());
                let tense = when::tense(sentence);
                // The lead's dateline dates the article, not what its first sentence tells.
                let dateline =
                    if p == 0 && k == 0 { crate::page::dateline::dateline_end(sentence).unwrap_or(0) } else { 0 };
                let hits: Vec<when::Hit> = when::find(sentence)
                    .into_iter()
                    .filter(|h| {
                        h.start >= dateline
                            && !spans.iter().any(|&(s, e, _)| s < offset + h.end && offset + h.start < e)
                    })
                    .collect();
                for c in RELATIVE_TO.captures_iter(sentence) {
                    let whole = c.get(0).expect("whole match");
                    let Some(n) = when::number(&c[1].to_lowercase()) else { continue };
                    let sign = if c[3].eq_ignore_ascii_case("before") { -1 } else { 1 };
                    let ids = entities_within(spans, offset, offset + sentence.len());
                    pending.push(Pending {
                        article: a,
                        paragraph: p,
                        sentence: sentence.to_owned(),
                        kind: kind_of(sentence, whole.range(), &ids, entities),
                        ids,
                        n: n * sign,
                        unit: c[2].to_lowercase(),
                        anchor: word_set(&c[4]).into_iter().filter(|w| !ANCHOR_STOP.contains(&w.as_str())).collect(),
                        evidence: whole.as_str().to_owned(),
                    });
                }
                // The lead's first sentence tells the news of the day it was published
                // ("Joint exercises have started in Kars, APA reports."): with no date of
                // its own, it takes the publication's day, inferred.
                if p == 0
                    && k == 0
                    && hits.is_empty()
                    && tense == when::Tense::Past
                    && !article.recycled.iter().any(|r| r.paragraph == 0)
                    && let Some(day) = article.published.as_ref().filter(|d| d.precision == Precision::Day)
                {
                    let ids = entities_within(spans, offset, offset + sentence.len());
                    if !ids.is_empty() && ACTION.is_match(sentence) && tells_something(sentence, "") {
                        let summary = summarise(&sentence[dateline..], None);
                        drafts.push(Draft {
                            words: word_set(&summary),
                            when: DateSpan { basis: Basis::Inferred, ..day.clone() },
                            summary,
                            kind: kind_of(sentence, 0..0, &ids, entities),
                            entities: ids,
                            sources: vec![Source { article: a, paragraph: p, sentence: sentence.to_owned().into() }],
                        });
                    }
                }
                let mut clause_start = 0;
                // "the quarter" and "a year earlier" speak of the quarter this sentence
                // names, or else of the one the article named last.
                let resolve = |hit: &when::Hit, quarter: Option<&DateSpan>| {
                    let tense = when::tense_at(sentence, hit.start, hit.end);
                    when::resolve_with(hit.expr, reference, tense, &sentence[hit.start..hit.end], quarter)
                };
                let own_quarter = hits
                    .iter()
                    .filter(|h| matches!(h.expr, when::Expr::Quarter { .. } | when::Expr::QuarterEnding { .. }))
                    .find_map(|h| resolve(h, None));
                if own_quarter.is_some() {
                    article_quarter = own_quarter.clone();
                }
                // A sentence that speaks of a quarter ("in the latest quarter") compares
                // it with "last year": the same quarter a year before.
                let spoken_quarter = own_quarter.clone().or_else(|| {
                    hits.iter()
                        .filter(|h| matches!(h.expr, when::Expr::SameQuarter { .. }))
                        .find_map(|h| resolve(h, article_quarter.as_ref()))
                });
                for (n, hit) in hits.iter().enumerate() {
                    let date = &sentence[hit.start..hit.end];
                    let compared = hit.expr == when::Expr::YearsFromReference(-1)
                        && spoken_quarter.is_some()
                        && date.to_lowercase().starts_with("last year");
                    let span = if compared {
                        when::resolve_with(
                            when::Expr::YearEarlier,
                            reference,
                            when::Tense::Past,
                            date,
                            spoken_quarter.as_ref(),
                        )
                    } else {
                        resolve(hit, article_quarter.as_ref())
                    };
                    let Some(span) = span else {
                        continue;
                    };
                    // The first date speaks for the sentence; a later one for its own clause,
                    // from the entity named just before it ("the Treaty of Kars signed 100 years ago").
                    let (mut from, to) = if n == 0 {
                        (dateline, sentence.len())
                    } else {
                        let from = spans
                            .iter()
                            .filter(|&&(s, _, _)| s >= offset + clause_start && s < offset + hit.start)
                            .map(|&(s, _, _)| s - offset)
                            .max()
                            .unwrap_or(clause_start);
                        (from, hit.end)
                    };
                    clause_start = hit.end;
                    // A later clause that only says who spoke and when (", the minister
                    // said on Wednesday") is the sentence's attribution, not an event.
                    if n > 0
                        && let Some(c) = ATTRIBUTION.captures(&sentence[from..to].replacen(date, "", 1))
                        && !ACTION.is_match(&c[1])
                    {
                        continue;
                    }
                    // A later date whose clause is little more than the date ("… and
                    // Thursday", "… ended June 30") speaks for the sentence up to it.
                    if n > 0 && !tells_something(&sentence[from..to], date) {
                        from = dateline;
                    }
                    let clause = &sentence[from..to];
                    let ids = entities_within(spans, offset + from, offset + to);
                    // A clause that says when something happened is an event whatever its
                    // subject; one that says nothing besides its date is not.
                    if !tells_something(clause, date) {
                        continue;
                    }
                    let kind =
                        kind_of(clause, hit.start.saturating_sub(from)..hit.end.saturating_sub(from), &ids, entities);
                    let summary = if n == 0 {
                        summarise(clause, None)
                    } else {
                        // A later clause with no subject of its own (", ended on June 9")
                        // takes the sentence's ("The exercise, which started …").
                        let bare = clause.trim_start_matches([',', ';', ':', '–', '—', '-', ' ']);
                        match subject_of(sentence) {
                            Some(subject) if bare.chars().next().is_some_and(char::is_lowercase) => {
                                summarise(&format!("{subject} {bare}"), Some(date))
                            }
                            _ => summarise(clause, Some(date)),
                        }
                    };
                    drafts.push(Draft {
                        words: word_set(&summary),
                        when: span,
                        summary,
                        kind,
                        entities: ids,
                        sources: vec![Source { article: a, paragraph: p, sentence: sentence.to_owned().into() }],
                    });
                }
            }
        }
    }
    // Relative dates take the date of the event they name: the dated event whose words
    // share most with the anchor phrase (at least two words), the earliest if several,
    // never one told by the same sentence. An index from word to drafts finds the
    // candidates (`best_sharing`); each distinct anchor is ranked once (the best
    // `ANCHOR_KEPT` kept), for anchors repeat.
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if d.kind != EventKind::Publication {
            for w in &d.words {
                by_word.entry(w.as_str()).or_default().push(i);
            }
        }
    }
    let rank = |anchor: &[String], keep: usize| -> Vec<usize> {
        let lists: Vec<&[usize]> =
            anchor.iter().map(|w| by_word.get(w.as_str()).map_or(&[][..], Vec::as_slice)).collect();
        best_sharing(lists, keep, |i| drafts[i].when.start)
    };
    let mut ranked_for: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    let mut extra = Vec::new();
    for p in pending {
        let mut key: Vec<String> = p.anchor.iter().cloned().collect();
        key.sort();
        let told_elsewhere = |i: &usize| drafts[*i].sources.iter().all(|s| s.sentence != p.sentence);
        let ranked = ranked_for.entry(key.clone()).or_insert_with(|| {
            let mut best = rank(&key, ANCHOR_KEPT);
            // Kept for the whole loop: a ranking's spare capacity, once held for every
            // anchor, was most of the pipeline's memory at 100,000 articles.
            best.shrink_to_fit();
            best
        });
        let best = match ranked.iter().copied().find(told_elsewhere) {
            Some(i) => Some(i),
            // Every kept candidate is told by this very sentence: rank them all.
            None if ranked.len() == ANCHOR_KEPT => rank(&key, usize::MAX).into_iter().find(told_elsewhere),
            None => None,
        };
        let Some(anchor) = best.map(|i| &drafts[i]) else { continue };
        let evidence = format!("{} ({})", p.evidence, anchor.when.label());
        let Some(when) = when::shift(&anchor.when, p.n, &p.unit, &evidence) else { continue };
        let summary = summarise(&p.sentence, None);
        extra.push(Draft {
            words: word_set(&summary),
            when,
            summary,
            kind: p.kind,
            entities: p.ids,
            sources: vec![Source { article: p.article, paragraph: p.paragraph, sentence: p.sentence.into() }],
        });
    }
    drafts.extend(extra);
    // Exercises, agreements and named events tell events apart: two reports that name
    // different ones are of different events, however alike their words. Where no such
    // name decides, places do: "a summit in Piacenza" and "a summit in Hohhot" are two.
    let naming: Vec<Telling> = entities
        .iter()
        .map(|e| match e.kind {
            EntityKind::Exercise | EntityKind::Agreement | EntityKind::Event => Telling::Name,
            EntityKind::Place => Telling::Place,
            _ => Telling::Neither,
        })
        .collect();
    merge_and_finish(drafts, articles, &naming)
}

/// The drafts in at least two of `lists` (each a word's drafts, ascending), best first:
/// in more lists, then the earlier `start`, then the lower index; at most `keep`.
///
/// Ranked as search engines find their top hits (MaxScore): drafts are taken in index
/// order from the shorter lists only, and the longest lists are probed for them, never
/// walked: as many of the longest as together cannot give a draft found in none of the
/// others the share of the `keep`-th best so far. Counting every list's drafts instead
/// grew with the square of the corpus (anchor phrases hold common words, and their
/// number grows with the corpus).
fn best_sharing(mut lists: Vec<&[usize]>, keep: usize, start: impl Fn(usize) -> model::Date) -> Vec<usize> {
    use std::cmp::Reverse;
    lists.sort_by_key(|l| l.len());
    let k = lists.len();
    let mut at = vec![0usize; k];
    // The best so far, the worst on top.
    let mut best: std::collections::BinaryHeap<(Reverse<usize>, model::Date, usize)> =
        std::collections::BinaryHeap::new();
    loop {
        // A draft must be in at least `need` lists to enter; one found only in the
        // `need - 1` longest cannot be.
        let need = match best.peek() {
            Some(&(Reverse(n), _, _)) if best.len() >= keep => n,
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
        if shared < 2 {
            continue;
        }
        let entry = (Reverse(shared), start(draft), draft);
        if best.len() < keep {
            best.push(entry);
        } else if best.peek().is_some_and(|worst| entry < *worst) {
            best.pop();
            best.push(entry);
        }
    }
    best.into_sorted_vec().into_iter().map(|(_, _, i)| i).collect()
}

/// The first position at or after `from` whose value is not below `value`, in an
/// ascending list: galloping, so a probe far ahead costs its logarithm.
fn seek(list: &[usize], from: usize, value: usize) -> usize {
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

/// Words that introduce a date and mean nothing once it is cut from a summary.
static DATE_PREPOSITIONS: LazyLock<Vec<&str>> = LazyLock::new(|| list("DATE_PREPOSITIONS"));

/// A readable summary: the whole clause without a leading date phrase (or, for a
/// clause event, without its trailing date), capitalised.
fn summarise(clause: &str, trailing_date: Option<&str>) -> String {
    let mut text = clause
        .trim_start_matches([',', ';', ':', '–', '—', '-', ' '])
        .trim()
        .trim_end_matches(['.', ';', ':'])
        .to_owned();
    if let Some(date) = trailing_date {
        if let Some(stem) = text.strip_suffix(date) {
            text = stem.trim_end().to_owned();
            // "… left the region in": the date's own preposition goes with it.
            while let Some((head, last)) = text.rsplit_once(' ')
                && DATE_PREPOSITIONS.contains(&last.to_lowercase().as_str())
            {
                text = head.trim_end().to_owned();
            }
        }
        text = text.trim_start_matches("the ").to_owned();
    }
    let text = LEADING_DATE.replace(&text, "").into_owned();
    let text = LEADING_MONTH.replace(&text, "").into_owned();
    // The whole statement: a cut one lost the key fact after its 24th word (65% of
    // summaries of real reporting were cut); the timeline folds long ones instead.
    let mut out = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(first) = out.chars().next() {
        let upper: String = first.to_uppercase().collect();
        out.replace_range(..first.len_utf8(), &upper);
    }
    out
}

/// The words before a sentence's first comma, when they read as a short subject
/// ("The exercise"): at most six words, beginning with a capital, with no date in them.
fn subject_of(sentence: &str) -> Option<&str> {
    let head = sentence[..sentence.find(',')?].trim();
    let words = head.split_whitespace().count();
    let capital = head.chars().next().is_some_and(char::is_uppercase);
    (capital && (1..=6).contains(&words) && when::find(head).is_empty()).then_some(head)
}

/// The folded words of a summary's first `SUMMARY_WORDS` words, for matching reports
/// of one event.
fn word_set(text: &str) -> HashSet<String> {
    let head: Vec<&str> = text.split_whitespace().take(SUMMARY_WORDS).collect();
    fold(&head.join(" ")).split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_owned).collect()
}

/// What an entity tells about which event a report is of (see `merge_and_finish`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Telling {
    /// An exercise, agreement or named event: reports naming different ones differ.
    Name,
    /// A place: reports naming different places differ, unless one name joins them.
    Place,
    Neither,
}

/// Joins drafts that report one event (same dates, mostly the same words), then gives
/// ids and orders the timeline.
fn merge_and_finish(mut drafts: Vec<Draft>, articles: &[Article], naming: &[Telling]) -> Vec<Event> {
    let is = |i: u32, kind: Telling| naming.get(i as usize) == Some(&kind);
    let names = |ids: &[u32], kind: Telling| ids.iter().any(|&i| is(i, kind));
    let share = |a: &[u32], b: &[u32], kind: Telling| a.iter().any(|&i| is(i, kind) && b.contains(&i));
    // Both name some of a kind, and none in common: a shared name joins them first.
    let distinct = |a: &[u32], b: &[u32]| {
        !share(a, b, Telling::Name)
            && (names(a, Telling::Name) && names(b, Telling::Name)
                || names(a, Telling::Place) && names(b, Telling::Place) && !share(a, b, Telling::Place))
    };
    let age = |a: u32| {
        let article = &articles[a as usize];
        (article.published.is_none(), article.published.as_ref().map(|p| p.start), article.id.clone())
    };
    // Oldest reports first, so an event's summary and id come from its first report,
    // not from whichever file sorts first: a newer article retelling it, or one that
    // happens to share its id's words, changes neither.
    drafts.sort_by_cached_key(|d| (age(d.sources[0].article), d.sources[0].paragraph));
    let mut merged: Vec<Draft> = Vec::new();
    // Merged drafts by their dates, in merge order: a draft can only join one with the
    // same dates, and scanning every draft for each would grow with the square of the
    // corpus (most of the build at 100,000 articles). Within one date, candidates are
    // found through their words too (see `Candidates`), for a date such as a whole year
    // gathers tens of thousands of drafts.
    let ranked_all: Vec<Vec<u32>> = {
        let ranks = rarity_ranks(&drafts);
        drafts.iter().map(|d| ranked_words(&d.words, &ranks)).collect()
    };
    let mut by_dates: HashMap<(model::Date, model::Date, model::Precision), Candidates> = HashMap::new();
    for (d, ranked) in drafts.into_iter().zip(ranked_all) {
        let key = (d.when.start, d.when.end, d.when.precision);
        let same = if d.kind == EventKind::Publication {
            None
        } else {
            by_dates.get(&key).and_then(|c| {
                c.possible(&ranked).into_iter().find(|&k| {
                    let m = &merged[k];
                    m.kind != EventKind::Publication
                        && overlap(&m.words, &d.words) >= SAME_EVENT_OVERLAP
                        && !distinct(&m.entities, &d.entities)
                })
            })
        };
        let same = match same {
            Some(k) => Some(&mut merged[k]),
            None => {
                if d.kind != EventKind::Publication {
                    by_dates.entry(key).or_default().add(merged.len(), &ranked);
                }
                None
            }
        };
        match same {
            Some(m) => {
                for s in d.sources {
                    if !m.sources.contains(&s) {
                        m.sources.push(s);
                    }
                }
                for e in d.entities {
                    if !m.entities.contains(&e) {
                        m.entities.push(e);
                    }
                }
                m.entities.sort_unstable();
            }
            None => merged.push(d),
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut events: Vec<Event> = merged
        .into_iter()
        .map(|mut d| {
            d.sources.sort_by_key(|s| (age(s.article), s.paragraph));
            // The embedded format recomputes ids with the same function.
            let base =
                model::event_base_id(d.kind, d.when.start, &d.summary, &articles[d.sources[0].article as usize].id);
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            Event {
                id,
                when: d.when,
                summary: d.summary.into(),
                kind: d.kind,
                entities: d.entities,
                sources: d.sources,
            }
        })
        .collect();
    events.sort_by(|x, y| (x.when.start, x.when.end, &x.id).cmp(&(y.when.start, y.when.end, &y.id)));
    events
}

/// Every summary word's place when all words are ordered rarest first (by how many
/// drafts use it, then alphabetically, so the order depends on the input alone).
fn rarity_ranks(drafts: &[Draft]) -> HashMap<&str, u32> {
    let mut uses: HashMap<&str, u32> = HashMap::new();
    for d in drafts {
        for w in &d.words {
            *uses.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut order: Vec<(u32, &str)> = uses.into_iter().map(|(w, n)| (n, w)).collect();
    order.sort_unstable();
    order.into_iter().enumerate().map(|(rank, (_, w))| (w, rank as u32)).collect()
}

/// A draft's words as their ranks, rarest first.
fn ranked_words(words: &HashSet<String>, ranks: &HashMap<&str, u32>) -> Vec<u32> {
    let mut out: Vec<u32> = words.iter().filter_map(|w| ranks.get(w.as_str()).copied()).collect();
    out.sort_unstable();
    out
}

/// The fewest shared words that make sets of which the smaller has `size` words one
/// event: the least `o` with `o / size >= SAME_EVENT_OVERLAP`, as `overlap` computes it.
fn words_needed(size: usize) -> usize {
    (1..=size).find(|&o| o as f64 / size as f64 >= SAME_EVENT_OVERLAP).unwrap_or(size + 1)
}

/// The merged drafts of one date, indexed so a new draft is checked only against those
/// that could share enough words with it (prefix filtering, as in set-similarity joins).
/// If sets A and B share at least `o` words, any `|B| - o + 1` words of B include a
/// shared one. So when B is the smaller set, one of B's `|B| - needed(|B|) + 1` rarest
/// words is in A (the `rare` index, looked up with every word of A); when A is the
/// smaller, one of A's rarest `|A| - needed(|A|) + 1` words is in B (the `every` index,
/// looked up with those words only). Rarest words have the shortest lists.
#[derive(Default)]
struct Candidates {
    rare: HashMap<u32, Vec<usize>>,
    every: HashMap<u32, Vec<usize>>,
}

impl Candidates {
    fn add(&mut self, k: usize, ranked: &[u32]) {
        let prefix = (ranked.len() + 1).saturating_sub(words_needed(ranked.len()));
        for &w in &ranked[..prefix.min(ranked.len())] {
            self.rare.entry(w).or_default().push(k);
        }
        for &w in ranked {
            self.every.entry(w).or_default().push(k);
        }
    }

    /// Merged drafts that may share enough words with a draft of these words, in merge
    /// order (a superset: the caller checks each).
    fn possible(&self, ranked: &[u32]) -> Vec<usize> {
        let prefix = (ranked.len() + 1).saturating_sub(words_needed(ranked.len()));
        let mut out: Vec<usize> = Vec::new();
        for w in ranked {
            out.extend(self.rare.get(w).into_iter().flatten());
        }
        for w in &ranked[..prefix.min(ranked.len())] {
            out.extend(self.every.get(w).into_iter().flatten());
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The entities mentioned within `from..to` of a paragraph (`spans`: its mentions as
/// start, end and entity), each once, ascending.
fn entities_within(spans: &[(usize, usize, u32)], from: usize, to: usize) -> Vec<u32> {
    let mut ids: Vec<u32> = spans.iter().filter(|&&(s, e, _)| s >= from && e <= to).map(|&(_, _, i)| i).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Whether a clause says something besides its date: two lowercase words at least.
/// A wire dateline ("Baku, October 5 (AZERTAC)") names a place and a date, and no event.
fn tells_something(clause: &str, date: &str) -> bool {
    let rest = clause.replacen(date, " ", 1);
    rest.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count() >= 2
}

fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each list of `assets/events/words.txt`, by its name: read whole, and doing
    /// what its rule says.
    #[test]
    fn every_word_list_is_read_whole_and_does_its_rule() {
        for (name, expected) in [
            ("ACTIONS", 37),
            ("ATTRIBUTION_VERBS", 13),
            ("RELATIVE_NUMBERS", 20),
            ("ANCHOR_STOP", 12),
            ("DATE_PREPOSITIONS", 10),
            ("LEADING_DATE_WORDS", 8),
            ("LEADING_MONTH_WORDS", 5),
        ] {
            let words = list(name);
            assert_eq!(words.len(), expected, "[{name}]");
            assert!(words.iter().all(|w| !w.is_empty() && w.trim() == *w), "[{name}]");
        }
        assert!(ACTION.is_match("The ministers Kicked Off the talks"), "ACTIONS");
        assert!(!ACTION.is_match("The ministers wondered"), "ACTIONS");
        assert!(ATTRIBUTION.is_match(", the ministry told reporters."), "ATTRIBUTION_VERBS");
        assert!(!ATTRIBUTION.is_match(", the ministry wondered."), "ATTRIBUTION_VERBS");
        let c = RELATIVE_TO.captures("a hundred days after the war ended").expect("RELATIVE_NUMBERS");
        assert_eq!(&c[1], "a hundred");
        assert!(ANCHOR_STOP.contains(&"between") && DATE_PREPOSITIONS.contains(&"until"));
        assert_eq!(summarise("On October 5, the ministers met", None), "The ministers met", "LEADING_DATE_WORDS");
        assert_eq!(summarise("In early July the forum met", None), "The forum met", "LEADING_MONTH_WORDS");
    }

    /// `best_sharing` against its definition: count every list, sort, cut.
    fn best_sharing_by_counting(lists: &[&[usize]], keep: usize, start: &dyn Fn(usize) -> model::Date) -> Vec<usize> {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for list in lists {
            for &i in *list {
                *shared.entry(i).or_insert(0) += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = shared.into_iter().filter(|&(_, n)| n >= 2).collect();
        ranked.sort_unstable_by_key(|&(i, n)| (std::cmp::Reverse(n), start(i), i));
        ranked.into_iter().take(keep).map(|(i, _)| i).collect()
    }

    proptest::proptest! {
        #[test]
        fn best_sharing_is_the_best_by_counting(
            members in proptest::collection::vec(proptest::collection::btree_set(0usize..300, 0..120), 0..9),
            keep in 1usize..80,
            days in proptest::collection::vec(1u8..=28, 300),
        ) {
            let lists: Vec<Vec<usize>> = members.into_iter().map(|set| set.into_iter().collect()).collect();
            let lists: Vec<&[usize]> = lists.iter().map(Vec::as_slice).collect();
            let start = |i: usize| model::Date::new(2021, 3, days[i]).unwrap();
            proptest::prop_assert_eq!(best_sharing(lists.clone(), keep, start), best_sharing_by_counting(&lists, keep, &start));
            proptest::prop_assert_eq!(best_sharing(lists.clone(), usize::MAX, start), best_sharing_by_counting(&lists, usize::MAX, &start));
        }
    }

    #[test]
    fn seek_finds_the_first_not_below() {
        let list = [1, 3, 3, 5, 8, 13, 21, 34, 55];
        for from in 0..=list.len() {
            for value in 0..60 {
                let expected = from + list[from..].iter().take_while(|&&x| x < value).count();
                assert_eq!(seek(&list, from, value), expected, "from {from}, value {value}");
            }
        }
    }

    #[test]
    fn summaries_drop_the_leading_date_and_keep_the_whole_statement() {
        assert_eq!(
            summarise("On June 15, the two countries signed a memorandum.", None),
            "The two countries signed a memorandum"
        );
        assert_eq!(summarise("In July the forum held its summit.", None), "The forum held its summit");
        assert_eq!(summarise("In July 2013 the forum met.", None), "The forum met");
        assert_eq!(summarise("In Julyville the forum met.", None), "In Julyville the forum met");
        assert_eq!(
            summarise("the Treaty of Kars signed 100 years ago", Some("100 years ago")),
            "Treaty of Kars signed"
        );
        assert_eq!(summarise("Ships left the port in April 2024", Some("April 2024")), "Ships left the port");
        assert_eq!(summarise("Ships will stay until 5 May", Some("5 May")), "Ships will stay");
        assert_eq!(summarise(", ended on 9 June", Some("9 June")), "Ended");
        // Long statements are whole: the key fact may come late.
        let long = format!("{}the key fact", "word ".repeat(40));
        assert_eq!(summarise(&long, None), format!("W{}the key fact", &"word ".repeat(40)[1..]));
    }
}
