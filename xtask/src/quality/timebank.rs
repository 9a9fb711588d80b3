//! The timebank part of `cargo xtask quality`: how many of TimeBank 1.2's hand-normalised
//! calendar dates reach the timeline as events with exactly their interval.
//!
//! Each TimeML document's text (tags stripped) is given to the pipeline as an article
//! whose first line is `Published: <DCT day>`, one article at a time. Gold targets are
//! the TIMEX3 of type DATE in the text whose value is a day, month, year, quarter or
//! season (`1998-02-27`, `1998-02`, `1998`, `1998-Q1`, `1998-SU`). A target is found when
//! an event told by its sentence has its value; events are read back as values by their
//! interval (a whole month is `YYYY-MM`, Jan–Mar `YYYY-Q1`, a season span `YYYY-SU`).

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use model::{Date, DateSpan, EventKind, Precision};
use pipeline::text::sentences;

/// Examples printed per class of miss.
const EXAMPLES: usize = 6;

/// A gold date in the text: its value, its words, and where it sits.
struct Target {
    value: String,
    words: String,
    /// Paragraph (index into the plain paragraphs) and byte range in it.
    paragraph: usize,
    start: usize,
    end: usize,
}

/// A document as plain paragraphs with its gold dates.
pub(super) struct Document {
    pub(super) name: String,
    pub(super) dct: String,
    pub(super) paragraphs: Vec<String>,
    targets: Vec<Target>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    gold: usize,
    found: usize,
    produced: usize,
    right: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Miss {
    NoEvent,
    NotRead,
    WrongValue,
    /// The pipeline splits the text so that no sentence of it is the gold date's.
    Unaligned,
}

impl Miss {
    fn label(self) -> &'static str {
        match self {
            Miss::NoEvent => "no event from the sentence",
            Miss::NotRead => "form not read (events from the sentence, none from these words)",
            Miss::WrongValue => "wrong value (the words read, dated otherwise)",
            Miss::Unaligned => "sentence split otherwise by the pipeline (counted as missed)",
        }
    }
}

pub fn run(dir: &Path) -> Result<(), String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("timebank: cannot list {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    let mut by_granularity: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut misses: BTreeMap<Miss, Vec<String>> = BTreeMap::new();
    let mut wrong_events: Vec<String> = Vec::new();
    let (mut undated_events, mut unjudged_ranges, mut published_read) = (0usize, 0usize, 0usize);
    for path in &files {
        let xml = std::fs::read_to_string(path).map_err(|e| format!("timebank: {}: {e}", path.display()))?;
        let doc = read_document(path, &xml).map_err(|e| format!("timebank: {}: {e}", path.display()))?;
        let mut text = format!("Published: {}\n\n", doc.dct);
        for p in &doc.paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
        let article = pipeline::parse_article(Path::new(&format!("{}.txt", doc.name)), &text)
            .map_err(|e| format!("timebank: {}: {e}", doc.name))?;
        if article.published.as_ref().is_some_and(|p| p.start.iso() == doc.dct) {
            published_read += 1;
        }
        let articles = vec![article];
        let entities = pipeline::entities::extract(&articles);
        let events = pipeline::events::extract(&articles, &entities);
        let article = &articles[0];
        // Gold targets by (pipeline paragraph, sentence text).
        let mut gold: Vec<(usize, String, &Target)> = Vec::new();
        for t in &doc.targets {
            let plain = &doc.paragraphs[t.paragraph];
            let Some(s) = sentences(plain).into_iter().find(|s| {
                let at = s.as_ptr() as usize - plain.as_ptr() as usize;
                at <= t.start && t.end <= at + s.len()
            }) else {
                by_granularity.entry(granularity(&t.value)).or_default().gold += 1;
                misses
                    .entry(Miss::Unaligned)
                    .or_default()
                    .push(format!("{}: {:?} = {} (across sentences)", doc.name, t.words, t.value));
                continue;
            };
            // The pipeline may split a long paragraph at sentence ends: the sentence is
            // looked for in every paragraph.
            let Some(p) = article.paragraphs.iter().position(|q| sentences(q).contains(&s)) else {
                by_granularity.entry(granularity(&t.value)).or_default().gold += 1;
                misses.entry(Miss::Unaligned).or_default().push(format!(
                    "{}: {:?} = {} in {:?}",
                    doc.name,
                    t.words,
                    t.value,
                    clip(s)
                ));
                continue;
            };
            gold.push((p, s.to_owned(), t));
        }
        let dated: HashSet<(usize, &str)> = gold.iter().map(|(p, s, _)| (*p, s.as_str())).collect();
        let told: Vec<(usize, &str, String, &DateSpan)> = events
            .iter()
            .filter(|e| e.kind != EventKind::Publication)
            .flat_map(|e| {
                e.sources.iter().map(move |s| (s.paragraph as usize, &*s.sentence, value_of(&e.when), &e.when))
            })
            .collect();
        for (p, s, value, when) in &told {
            if !dated.contains(&(*p, *s)) {
                undated_events += 1;
                continue;
            }
            // A week, a range of days or months has no value of the gold's forms.
            if value == "range" {
                unjudged_ranges += 1;
                continue;
            }
            let right = gold.iter().any(|(gp, gs, t)| gp == p && gs == s && t.value == *value);
            let tally = by_granularity.entry(granularity(value)).or_default();
            tally.produced += 1;
            if right {
                tally.right += 1;
            } else if wrong_events.len() < 400 {
                wrong_events.push(format!("{}: {value} from {:?} in {:?}", doc.name, &*when.evidence, clip(s)));
            }
        }
        for (p, s, t) in &gold {
            let tally = by_granularity.entry(granularity(&t.value)).or_default();
            tally.gold += 1;
            let from_sentence: Vec<&(usize, &str, String, &DateSpan)> =
                told.iter().filter(|(tp, ts, _, _)| tp == p && ts == s).collect();
            if from_sentence.iter().any(|(_, _, v, _)| *v == t.value) {
                tally.found += 1;
                continue;
            }
            let read_here = from_sentence
                .iter()
                .any(|(_, _, _, w)| t.words.contains(&*w.evidence) || w.evidence.contains(&t.words));
            let class = if from_sentence.is_empty() {
                Miss::NoEvent
            } else if read_here {
                Miss::WrongValue
            } else {
                Miss::NotRead
            };
            let got: Vec<String> = from_sentence.iter().map(|(_, _, v, w)| format!("{v} ({})", &*w.evidence)).collect();
            misses.entry(class).or_default().push(format!(
                "{}: {:?} = {} [got {}] in {:?}",
                doc.name,
                t.words,
                t.value,
                if got.is_empty() { "nothing".to_owned() } else { got.join(", ") },
                clip(s)
            ));
        }
    }
    let total = by_granularity.values().fold(Tally::default(), |a, t| Tally {
        gold: a.gold + t.gold,
        found: a.found + t.found,
        produced: a.produced + t.produced,
        right: a.right + t.right,
    });
    println!("timebank: {} documents; publication line read in {published_read}", files.len());
    println!(
        "timebank: recall = gold dates with an event from their sentence carrying exactly their value / gold dates"
    );
    println!(
        "timebank:   (an event's value is read from its interval; an approximate part of one year counts as that year, as TimeML values \"mid-1996\")"
    );
    println!(
        "timebank: precision = events from sentences holding a gold date whose value is a gold date of that sentence / such events"
    );
    println!(
        "timebank:   (not judged: events from sentences with no gold date, {undated_events}; events whose span is no day, month, quarter, season or year (a week, a range), {unjudged_ranges})"
    );
    println!("| granularity | gold | found | recall | events | right | precision |");
    println!("|---|---|---|---|---|---|---|");
    for (name, t) in by_granularity.iter().chain(std::iter::once((&"all", &total))) {
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} |",
            t.gold,
            t.found,
            ratio(t.found, t.gold),
            t.produced,
            t.right,
            ratio(t.right, t.produced)
        );
    }
    for (class, list) in &misses {
        println!(
            "timebank: missed, {}: {} ({:.0}%)",
            class.label(),
            list.len(),
            100.0 * list.len() as f64 / total.gold.max(1) as f64
        );
        for m in list.iter().step_by((list.len() / EXAMPLES).max(1)).take(EXAMPLES) {
            println!("    {m}");
        }
    }
    println!("timebank: events from dated sentences with no gold value: {}", total.produced - total.right);
    for w in wrong_events.iter().step_by((wrong_events.len() / EXAMPLES).max(1)).take(EXAMPLES) {
        println!("    {w}");
    }
    if std::env::var_os("TIMEBANK_ALL").is_some() {
        for (class, list) in &misses {
            for m in list {
                println!("MISS {:?} {m}", *class as u8);
            }
        }
        for w in &wrong_events {
            println!("WRONG {w}");
        }
    }
    Ok(())
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 { "-".to_owned() } else { format!("{:.3}", a as f64 / b as f64) }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(140).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// The granularity of a TimeML value.
fn granularity(value: &str) -> &'static str {
    match value.len() {
        10 => "day",
        7 if value.as_bytes()[5] == b'Q' => "quarter",
        7 if value.as_bytes()[5].is_ascii_alphabetic() => "season",
        7 => "month",
        4 => "year",
        _ => "range",
    }
}

/// Whether a TimeML value is a gold target: a day, month, year, quarter or season.
fn is_target(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => {
            digits(0..4)
                && b[4] == b'-'
                && (digits(5..7) || matches!(&value[5..], "Q1" | "Q2" | "Q3" | "Q4" | "SP" | "SU" | "FA" | "WI"))
        }
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// An event's interval as a TimeML value: a day, a whole month, a calendar quarter, a
/// whole year, or a season span (its start's month and year); an approximate part of
/// one year is that year (TimeML's value for "mid-1996"); anything else is `range`.
fn value_of(when: &DateSpan) -> String {
    let (s, e) = (when.start, when.end);
    let month_end = |d: Date| Date::new(d.year, d.month, d.day + 1).is_none();
    let whole_months = s.day == 1 && month_end(e);
    let months = (i32::from(e.year) * 12 + i32::from(e.month)) - (i32::from(s.year) * 12 + i32::from(s.month)) + 1;
    if when.precision == Precision::Season && whole_months && months == 3 {
        let season = match s.month {
            3 => "SP",
            6 => "SU",
            9 => "FA",
            12 => "WI",
            _ => return "range".to_owned(),
        };
        // Winter is named by the year it ends in when it starts in December.
        let year = if s.month == 12 { e.year } else { s.year };
        return format!("{year:04}-{season}");
    }
    if s == e {
        return s.iso();
    }
    // "mid-1996", "the end of 1994": TimeML gives the year as the value (and the part
    // as a modifier); the pipeline an approximate part of that year.
    if when.precision == Precision::Approximate && s.year == e.year {
        return format!("{:04}", s.year);
    }
    if !whole_months {
        return "range".to_owned();
    }
    match months {
        1 => format!("{:04}-{:02}", s.year, s.month),
        3 if s.month % 3 == 1 => format!("{:04}-Q{}", s.year, s.month / 3 + 1),
        12 if s.month == 1 => format!("{:04}", s.year),
        _ => "range".to_owned(),
    }
}

/// A TimeML document's creation day, its text as paragraphs of single-spaced plain
/// text, and its gold dates located in those paragraphs.
pub(super) fn read_document(path: &Path, xml: &str) -> Result<Document, String> {
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let dct_at = xml.find("<DCT>").ok_or("no <DCT>")?;
    let dct_at = xml[dct_at..].find("<TIMEX3").ok_or("no TIMEX3 in <DCT>")? + dct_at;
    let dct = attribute(&xml[dct_at..], "value").ok_or("no DCT value")?;
    let dct: String = dct.chars().take(10).collect();
    let start = xml.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let end = xml[start..].find("</TEXT>").ok_or("no </TEXT>")? + start;
    let body = &xml[start..end];
    // Walk the text: tags out, entities decoded, whitespace runs to one space, blank
    // lines as paragraph breaks; each gold TIMEX3 keeps its place.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut targets: Vec<Target> = Vec::new();
    let mut current = String::new();
    let mut open: Option<(String, usize)> = None;
    let mut newlines = 0;
    let mut rest = body;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let trimmed = current.trim_end().to_owned();
        if !trimmed.is_empty() {
            paragraphs.push(trimmed);
        }
        current.clear();
    };
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let close = rest.find('>').ok_or("unclosed tag")?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                let kind = attribute(tag, "type").unwrap_or_default();
                let value = attribute(tag, "value").unwrap_or_default();
                if kind == "DATE" && is_target(&value) {
                    open = Some((value, current.len()));
                }
            } else if tag.starts_with("</TIMEX3")
                && let Some((value, from)) = open.take()
            {
                let from = from + current[from..].len() - current[from..].trim_start().len();
                let to = current.trim_end().len().max(from);
                targets.push(Target {
                    value,
                    words: current[from..to].to_owned(),
                    paragraph: paragraphs.len(),
                    start: from,
                    end: to,
                });
            }
            rest = &rest[close + 1..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if c == '\n' {
            newlines += 1;
        }
        if c.is_whitespace() {
            if newlines >= 2 && open.is_none() {
                flush(&mut current, &mut paragraphs);
                newlines = 0;
            } else if !current.is_empty() && !current.ends_with(' ') {
                current.push(' ');
            }
            continue;
        }
        newlines = 0;
        if c == '&' {
            let (word, len) = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&apos;", '\'')]
                .into_iter()
                .find(|(e, _)| rest_starts(rest, c, e))
                .map_or((c, 0), |(e, ch)| (ch, e.len() - 1));
            current.push(word);
            rest = &rest[len..];
            continue;
        }
        current.push(c);
    }
    flush(&mut current, &mut paragraphs);
    // Targets were placed before trailing spaces were cut; clamp to each paragraph.
    for t in &mut targets {
        let len = paragraphs.get(t.paragraph).map_or(0, String::len);
        t.end = t.end.min(len);
        t.start = t.start.min(t.end);
    }
    let mut out = String::new();
    let _ = write!(out, "{name}");
    Ok(Document { name: out, dct, paragraphs, targets })
}

/// Whether `c` followed by `rest` starts with `entity` (`rest` is after `c`).
fn rest_starts(rest: &str, c: char, entity: &str) -> bool {
    entity.starts_with(c) && rest.starts_with(&entity[c.len_utf8()..])
}

/// The value of `name="…"` in the first tag of `xml`.
fn attribute(xml: &str, name: &str) -> Option<String> {
    let tag = &xml[..xml.find('>')?];
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(tag[at..at + len].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_back_from_intervals() {
        let span = |a: (i16, u8, u8), b: (i16, u8, u8), precision| DateSpan {
            start: Date::new(a.0, a.1, a.2).unwrap(),
            end: Date::new(b.0, b.1, b.2).unwrap(),
            precision,
            basis: model::Basis::Stated,
            evidence: "x".into(),
        };
        assert_eq!(value_of(&span((1998, 2, 27), (1998, 2, 27), Precision::Day)), "1998-02-27");
        assert_eq!(value_of(&span((1998, 2, 1), (1998, 2, 28), Precision::Month)), "1998-02");
        assert_eq!(value_of(&span((1998, 7, 1), (1998, 9, 30), Precision::Range)), "1998-Q3");
        assert_eq!(value_of(&span((1998, 1, 1), (1998, 12, 31), Precision::Year)), "1998");
        assert_eq!(value_of(&span((1998, 6, 1), (1998, 8, 31), Precision::Season)), "1998-SU");
        assert_eq!(value_of(&span((1998, 2, 1), (1998, 3, 15), Precision::Range)), "range");
        assert_eq!(value_of(&span((1996, 5, 1), (1996, 8, 31), Precision::Approximate)), "1996");
    }

    #[test]
    fn gold_targets_are_calendar_values() {
        for v in ["1998-02-27", "1998-02", "1998", "1998-Q1", "1998-SU"] {
            assert!(is_target(v), "{v}");
        }
        for v in ["PAST_REF", "P3D", "1998-W05", "1998-02-27T10:00", "199X"] {
            assert!(!is_target(v), "{v}");
        }
    }

    #[test]
    fn documents_lose_their_tags_and_keep_their_dates() {
        let xml = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT>
<TEXT>Sales <EVENT eid="e1">rose</EVENT> in <TIMEX3 tid="t1" type="DATE" value="1997-Q4">the fourth
quarter</TIMEX3> &amp; fell.

Next <TIMEX3 tid="t2" type="DURATION" value="P1Y">year</TIMEX3> too.</TEXT>"#;
        let doc = read_document(Path::new("d.tml"), xml).unwrap();
        assert_eq!(doc.dct, "1998-01-08");
        assert_eq!(doc.paragraphs, ["Sales rose in the fourth quarter & fell.", "Next year too."]);
        assert_eq!(doc.targets.len(), 1);
        let t = &doc.targets[0];
        assert_eq!(
            (t.value.as_str(), t.paragraph, &doc.paragraphs[0][t.start..t.end]),
            ("1997-Q4", 0, "the fourth quarter")
        );
    }
}
