//! An event's kind from the evidence in its clause (`assets/events/kinds.tsv`): a
//! meeting needs people meeting ("X met Y", "held talks", "a meeting with"), a visit
//! someone going somewhere, an agreement one signed, reached or dated, an exercise
//! drills held or military; a word of it alone ("has not met our expectations", "under
//! the agreement") is no evidence. Each rule is a named function over the clause's
//! words; `kind_of` weighs what they find by its distance from the date.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use model::{Entity, EntityKind, EventKind};

/// Evidence farther than this (in bytes) from the date does not decide the kind.
const KIND_REACH: usize = 100;

static WORDS: &str = include_str!("../../../../assets/events/kinds.tsv");

/// Each list of `kinds.tsv` by name; multi-word entries ("wrapped up") as written.
static LISTS: LazyLock<HashMap<&'static str, HashSet<&'static str>>> = LazyLock::new(|| {
    let mut lists: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (list, word) in WORDS.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')) {
        lists.entry(list).or_default().insert(word.trim());
    }
    lists
});

fn is(list: &str, word: &str) -> bool {
    LISTS.get(list).is_some_and(|l| l.contains(word))
}

/// A word of a clause: its text as written, lowercased, and its byte range.
struct Word<'a> {
    text: &'a str,
    lower: String,
    at: Range<usize>,
}

impl Word<'_> {
    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn words(clause: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in clause.char_indices().chain(std::iter::once((clause.len(), ' '))) {
        let inside = c.is_alphanumeric() || (start.is_some() && (c == '-' || c == '\'' || c == '’'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let text = clause[s..i].trim_end_matches(['-', '\'', '’']);
                out.push(Word { text, lower: text.to_lowercase(), at: s..s + text.len() });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether the words at `i` (one, or two for a two-word entry) are in `list`.
fn is_at(list: &str, words: &[Word], i: usize) -> bool {
    is(list, &words[i].lower)
        || words.get(i + 1).is_some_and(|next| is(list, &format!("{} {}", words[i].lower, next.lower)))
}

/// What a rule found: the kind and the words that show it.
pub struct Evidence {
    pub kind: EventKind,
    pub rule: &'static str,
    pub at: Range<usize>,
}

/// A rule: the evidence it finds in a clause's words, the date's words given.
type Rule = fn(&[Word], &Range<usize>) -> Vec<Range<usize>>;

/// The rules, each with its name and the kind it shows.
const RULES: [(&str, EventKind, Rule); 9] = [
    ("met-someone", EventKind::Meeting, met_someone),
    ("meeting-held", EventKind::Meeting, meeting_held),
    ("visited-somewhere", EventKind::Visit, visited_somewhere),
    ("state-visit", EventKind::Visit, state_visit),
    ("agreement-signed", EventKind::Agreement, agreement_signed),
    ("agreement-dated", EventKind::Agreement, agreement_dated),
    ("drills-held", EventKind::Exercise, drills_held),
    ("speech", EventKind::Statement, speech),
    ("discussed-with", EventKind::Meeting, discussed_with),
];

/// "met Saddam", "met with", "met in Tbilisi", "will meet the president", and nothing
/// met that is no one within four words ("met our expectations").
fn met_someone(w: &[Word], _: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !is("meet-verb", &w[i].lower) || w[i + 1..].iter().take(4).any(|x| is("not-met", &x.lower)) {
            continue;
        }
        let Some(next) = w.get(i + 1) else { continue };
        let person_after = |k: usize| w.get(k).is_some_and(|x| is("person", &x.lower) || x.capitalised());
        let someone = is("after-meet", &next.lower)
            || (next.capitalised() && w[i].lower != "meeting")
            || is("person", &next.lower)
            || (is("met-determiner", &next.lower) && person_after(i + 2));
        if someone {
            out.push(w[i].at.clone());
        }
    }
    out
}

/// "held talks", "wrapped up a three hour meeting", "a meeting held in Turkey",
/// "approved at a special shareholders' meeting", "talks with Iran".
fn meeting_held(w: &[Word], _: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !is("meeting-noun", &w[i].lower) {
            continue;
        }
        let before = i.saturating_sub(4)..i;
        let held_before = before.clone().any(|k| is_at("hold-verb", w, k));
        let held_after = (i + 1..(i + 3).min(w.len())).any(|k| is_at("hold-verb", w, k));
        let at_one = before
            .clone()
            .any(|k| is("at-meeting", &w[k].lower) && w.get(k + 1).is_some_and(|d| is("meeting-determiner", &d.lower)));
        let with = w.get(i + 1).is_some_and(|x| ["with", "between"].contains(&x.lower.as_str()));
        if held_before || held_after || at_one || with {
            out.push(w[i].at.clone());
        }
    }
    out
}

/// "discussed the crisis with Blair", "have discussed cooperation between the two
/// countries": talks between the subject and someone.
fn discussed_with(w: &[Word], _: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if is("discuss-verb", &w[i].lower)
            && w[i + 1..].iter().take(8).any(|x| x.lower == "with" || x.lower == "between")
        {
            out.push(w[i].at.clone());
        }
    }
    out
}

/// "visited Ankara", "arrived in Washington", "arrived Thursday": a name within two
/// words, and no passive ("visited by inspectors").
fn visited_somewhere(w: &[Word], _: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !is("visit-verb", &w[i].lower) || w.get(i + 1).is_some_and(|x| x.lower == "by") {
            continue;
        }
        let named = |k: usize| w.get(k).is_some_and(Word::capitalised);
        let to = w.get(i + 1).is_some_and(|x| ["in", "to", "at"].contains(&x.lower.as_str()));
        if named(i + 1) || (to && named(i + 2)) {
            out.push(w[i].at.clone());
        }
    }
    out
}

/// "a four-day state visit", "his visit to Ankara", "a trip to Brussels".
fn state_visit(w: &[Word], _: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !["visit", "visits", "trip"].contains(&w[i].lower.as_str()) {
            continue;
        }
        let kind_before = i > 0 && is("visit-kind", &w[i - 1].lower);
        let to_somewhere = w.get(i + 1).is_some_and(|x| x.lower == "to") && w.get(i + 2).is_some_and(Word::capitalised);
        if kind_before || to_somewhere {
            out.push(w[i].at.clone());
        }
    }
    out
}

/// "signed a memorandum", "the treaty they signed", "reached an agreement".
fn agreement_signed(w: &[Word], _: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !is("agreement-noun", &w[i].lower) {
            continue;
        }
        let near = i.saturating_sub(6)..(i + 7).min(w.len());
        if let Some(k) = near.clone().find(|&k| is("sign-verb", &w[k].lower)) {
            out.push(w[k].at.clone());
        } else if let Some(k) = (i.saturating_sub(4)..i).find(|&k| is("reach-verb", &w[k].lower)) {
            out.push(w[k].at.clone());
        }
    }
    out
}

/// "the Feb. 23 accord", "a 1971 Convention", "an Aug. 10, 1988, stock purchase
/// agreement": an agreement of the date, within three words after it. A date's
/// possessive ("Tuesday's declaration by Ford") dates an act, not an agreement.
fn agreement_dated(w: &[Word], date: &Range<usize>) -> Vec<Range<usize>> {
    if w.iter()
        .any(|x| x.at.contains(&date.end.saturating_sub(1)) && (x.lower.ends_with("'s") || x.lower.ends_with("’s")))
    {
        return Vec::new();
    }
    let after: Vec<&Word> = w.iter().filter(|x| x.at.start >= date.end).take(3).collect();
    after.into_iter().filter(|x| is("agreement-noun", &x.lower)).map(|x| x.at.clone()).collect()
}

/// "joint drills", "naval exercises", "exercises will be held", "kicked off exercises".
fn drills_held(w: &[Word], _: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !is("exercise-noun", &w[i].lower) {
            continue;
        }
        let military = (i.saturating_sub(2)..i).any(|k| is("exercise-word", &w[k].lower));
        let held = (i.saturating_sub(4)..i).any(|k| is_at("hold-verb", w, k))
            || (i + 1..(i + 4).min(w.len())).any(|k| is_at("hold-verb", w, k));
        if military || held {
            out.push(w[i].at.clone());
        }
    }
    out
}

/// Someone speaking: "said", "told", "in an interview".
fn speech(w: &[Word], _: &Range<usize>) -> Vec<Range<usize>> {
    w.iter().filter(|x| is("speech-verb", &x.lower)).map(|x| x.at.clone()).collect()
}

/// Everything the rules find in `clause`, in rule order.
pub fn evidence(clause: &str, date: &Range<usize>) -> Vec<Evidence> {
    let w = words(clause);
    RULES
        .iter()
        .flat_map(|&(rule, kind, find)| find(&w, date).into_iter().map(move |at| Evidence { kind, rule, at }))
        .collect()
}

/// The kind of the event told by `clause` whose date is at `date` (bytes of the
/// clause), the entities it names given by index (`ids` into `entities`).
///
/// Evidence within `KIND_REACH` of the date decides: an agreement unless someone is
/// speaking nearer to the date; a meeting unless there is an agreement too (a meeting
/// held during drills is a meeting); otherwise the nearest. With none, a named
/// exercise or agreement in the clause decides; else the kind is "other".
pub fn kind_of(clause: &str, date: Range<usize>, ids: &[u32], entities: &[Entity]) -> EventKind {
    // Bytes between the evidence and the date; 0 when they overlap.
    let distance = |at: &Range<usize>| date.start.saturating_sub(at.end).max(at.start.saturating_sub(date.end));
    let mut found = evidence(clause, &date);
    // A named agreement the clause says was signed ("The Shusha Declaration … that
    // the presidents signed"), however many words stand between.
    if ids.iter().any(|&i| entities.get(i as usize).is_some_and(|e| e.kind == EntityKind::Agreement)) {
        let signed = words(clause).into_iter().filter(|x| is("sign-verb", &x.lower));
        found.extend(signed.map(|x| Evidence { kind: EventKind::Agreement, rule: "named-agreement-signed", at: x.at }));
    }
    let near: Vec<(usize, EventKind)> =
        found.iter().map(|e| (distance(&e.at), e.kind)).filter(|&(d, _)| d <= KIND_REACH).collect();
    let nearest = |kind: EventKind| near.iter().filter(|w| w.1 == kind).map(|w| w.0).min();
    if let Some(a) = nearest(EventKind::Agreement)
        && nearest(EventKind::Statement).is_none_or(|s| s > a)
    {
        return EventKind::Agreement;
    }
    if nearest(EventKind::Meeting).is_some() && nearest(EventKind::Agreement).is_none() {
        return EventKind::Meeting;
    }
    if let Some(&(_, kind)) = near.iter().min_by_key(|w| (w.0, w.1)) {
        return kind;
    }
    for &i in ids {
        match entities.get(i as usize).map(|e| e.kind) {
            Some(EntityKind::Exercise) => return EventKind::Exercise,
            Some(EntityKind::Agreement) => return EventKind::Agreement,
            Some(EntityKind::Event) => return EventKind::Other,
            _ => {}
        }
    }
    EventKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is wrong when `clause` with the date `date` in it does not give `kind`.
    fn check(clause: &str, date: &str, kind: EventKind) -> Option<String> {
        let at = clause.find(date).unwrap_or_else(|| panic!("{date:?} in {clause:?}"));
        let found: Vec<&str> = evidence(clause, &(at..at + date.len())).iter().map(|e| e.rule).collect();
        let got = kind_of(clause, at..at + date.len(), &[], &[]);
        (got != kind).then(|| format!("{clause:?}: {got:?}, not {kind:?} (evidence {found:?})"))
    }

    #[test]
    fn kinds_come_from_clauses_that_do_the_thing() {
        use EventKind::*;
        let cases = [
            // Meetings: people meeting, a meeting held or attended.
            ("The ministers have met in Tbilisi, the ministry reported on October 5", "October 5", Meeting),
            ("King Hussein was carrying a message from Saddam, with whom the king met Monday", "Monday", Meeting),
            ("The monarch will meet Bush on Thursday in Kennebunkport", "Thursday", Meeting),
            ("Officials said the president himself met with Sununu Sunday", "Sunday", Meeting),
            (
                "Annan wrapped up a three hour meeting with Iraqi president Saddam Hussein in Baghdad today",
                "today",
                Meeting,
            ),
            ("The move was approved at a special shareholders' meeting yesterday", "yesterday", Meeting),
            ("The president discussed the crisis on Friday with the one ally who backed him", "Friday", Meeting),
            // Not meetings: what is met is no one; talks named, not held.
            ("Kellogg said, \"Cereal volume growth has not met our expectations for 1989\"", "1989", Statement),
            ("The bank may not meet the new capital criteria effective Dec. 7", "Dec. 7", Other),
            ("The bank met the Fed's capital targets in March", "March", Other),
            (
                "The FBI says it received more than eight thousand reports of hate crimes last year",
                "last year",
                Statement,
            ),
            (
                "Extremists have bombed two towns since Sinn Fein was expelled from peace talks on Feb. 20",
                "Feb. 20",
                Other,
            ),
            ("Police seized a car bomb Sunday on the eve of the return to peace talks", "Sunday", Other),
            ("He said he received death threats after the Nov. 9 loss at Minnesota", "Nov. 9", Statement),
            // Visits: someone going somewhere.
            ("Also today, King Hussein of Jordan arrived in Washington seeking to mediate", "today", Visit),
            ("He visited Epstein in New York in 2010", "2010", Visit),
            ("The man visited his local doctor in November 2016", "November 2016", Other),
            ("These sites could only be visited by a team of monitors from March", "March", Other),
            // Agreements: signed, reached, or of the date.
            ("On June 15, the two countries signed a memorandum", "June 15", Agreement),
            ("Under an accord signed yesterday, the government would become a shareholder", "yesterday", Agreement),
            (
                "Hewlett-Packard acquired shares as a result of an Aug. 10, 1988, stock purchase agreement",
                "Aug. 10, 1988",
                Agreement,
            ),
            ("The declaration they signed during the official visit eight months after the war", "eight", Agreement),
            ("Costs were boosted by the company's new labor pact effective June 1", "June 1", Other),
            ("Sign up for The Water Coolest today to get the free daily newsletter", "today", Other),
            (
                "Chelsea have this morning paid the fee to secure the world record signing of the keeper",
                "this morning",
                Other,
            ),
            ("The GM move follows Tuesday's declaration by Ford that it is prepared to bid", "Tuesday", Other),
            // Exercises: drills held, or military ones.
            ("Joint exercises began in Kars on Monday", "Monday", Exercise),
            (
                "The Indestructible Brotherhood-2021 exercises will be held in Nakhchivan between 05-08 October 2021",
                "05-08 October 2021",
                Exercise,
            ),
            ("He lost the exercise of his rights in 2019", "2019", Other),
            // Statements.
            (
                "In an interview on September 27, the president said that the signing raised ties",
                "September 27",
                Statement,
            ),
            ("On May 2, the envoy said the treaty signed in Oslo holds", "May 2", Statement),
            ("Nothing to see on Monday here", "Monday", Other),
        ];
        let wrong: Vec<String> =
            cases.into_iter().filter_map(|(clause, date, kind)| check(clause, date, kind)).collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn every_list_the_rules_read_is_in_the_data_file() {
        for list in [
            "meet-verb", "not-met", "after-meet", "person", "meeting-noun", "hold-verb", "at-meeting", "visit-verb",
            "visit-kind",
        ]
        .into_iter()
        .chain(["agreement-noun", "sign-verb", "reach-verb", "exercise-noun", "exercise-word", "speech-verb"])
        .chain(["met-determiner", "meeting-determiner", "discuss-verb"])
        {
            assert!(LISTS.get(list).is_some_and(|l| !l.is_empty()), "{list}");
        }
    }
}
