//! One article's dated statements: each sentence's dates, the clause each speaks for,
//! its summary, kind and entities, and the statements dated relative to another event,
//! left for `relative.rs`. Reads nothing but its own article (and where recycled
//! passages first appeared), so articles are read apart.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::pattern::Pattern;
use model::{Article, Basis, DateSpan, Entity, EventKind, Precision, Source};

use super::{Draft, Pending, list, word_set};
use crate::language::date_words;
use crate::language::kinds::kind_of;
use crate::language::when;
use crate::rules::alternation;
use crate::text::sentences;

/// Per (article, paragraph): each mention's byte range and entity index.
pub(super) type Spans = HashMap<(u32, u32), Vec<(usize, usize, u32)>>;

/// A verb of action (`ACTIONS`).
pub(super) static ACTION: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(&format!(r"(?i)\b({})\b", alternation(&list("ACTIONS")))).expect("valid regex"));
/// A clause that is only an attribution: who spoke, then the speech verb
/// (`ATTRIBUTION_VERBS`).
pub(super) static ATTRIBUTION: LazyLock<Pattern> = LazyLock::new(|| {
    let verbs = alternation(&list("ATTRIBUTION_VERBS"));
    Pattern::new(&format!(r"^[\s,;:–—-]*([\p{{L}}\p{{N}}'’\s.-]{{0,80}}?)\b(?:{verbs})[\s,.]*$")).expect("valid regex")
});
/// "eight months after Azerbaijan's victory in the war": a date relative to another
/// event (`RELATIVE_NUMBERS`).
pub(super) static RELATIVE_TO: LazyLock<Pattern> = LazyLock::new(|| {
    let numbers = alternation(&list("RELATIVE_NUMBERS"));
    Pattern::new(&format!(r"(?i)\b({numbers})\s+(years?|months?|weeks?|days?)\s+(after|before)\s+([^,.;]{{3,100}})"))
        .expect("valid regex")
});
/// Words too common to tie a relative date to its anchor event.
pub(super) static ANCHOR_STOP: LazyLock<Vec<&str>> = LazyLock::new(|| list("ANCHOR_STOP"));

/// The entries of section `[name]`, each escaped, as one alternation.
fn words_alternation(name: &str) -> String {
    list(name).into_iter().map(regex::escape).collect::<Vec<_>>().join("|")
}

/// A leading date phrase and its comma (`LEADING_DATE_WORDS`).
static LEADING_DATE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(r"^(?:{})\s[^,]{{1,40}},\s+", words_alternation("LEADING_DATE_WORDS"))).expect("valid regex")
});
/// A leading month with no comma after it ("In July the forum met …"; `LEADING_MONTH_WORDS`).
static LEADING_MONTH: LazyLock<Pattern> = LazyLock::new(|| {
    let months: Vec<String> = date_words::month_names().iter().map(|m| date_words::capitalised(m)).collect();
    Pattern::new(&format!(
        r"^(?:{})\s+(?:early\s+|late\s+|mid-?)?(?:{})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?\s+",
        words_alternation("LEADING_MONTH_WORDS"),
        months.join("|")
    ))
    .expect("valid regex")
});

/// The drafts and the relatively dated statements of article `a`, in reading order.
pub(super) fn of_article(
    a: u32,
    article: &Article,
    mentions: &Spans,
    by_id: &HashMap<&str, &Article>,
    entities: &[Entity],
) -> (Vec<Draft>, Vec<Pending>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    if let Some(published) = &article.published {
        drafts.push(Draft {
            when: published.clone(),
            summary: article.title.to_string(),
            kind: EventKind::Publication,
            entities: Vec::new(),
            sources: vec![Source { article: a, paragraph: 0, sentence: article.title.clone(), place: None }],
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
                    h.start >= dateline && !spans.iter().any(|&(s, e, _)| s < offset + h.end && offset + h.start < e)
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
                        sources: vec![Source {
                            article: a,
                            paragraph: p,
                            sentence: sentence.to_owned().into(),
                            place: None,
                        }],
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
                    sources: vec![Source {
                        article: a,
                        paragraph: p,
                        sentence: sentence.to_owned().into(),
                        place: None,
                    }],
                });
            }
        }
    }
    (drafts, pending)
}

/// Words that introduce a date and mean nothing once it is cut from a summary.
pub(super) static DATE_PREPOSITIONS: LazyLock<Vec<&str>> = LazyLock::new(|| list("DATE_PREPOSITIONS"));

/// A readable summary: the whole clause without a leading date phrase (or, for a
/// clause event, without its trailing date), capitalised.
pub(super) fn summarise(clause: &str, trailing_date: Option<&str>) -> String {
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
