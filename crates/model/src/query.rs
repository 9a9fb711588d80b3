//! The explorer's state as data: which view is open and which filters apply, how that
//! state reads from and writes to the URL fragment, and the pure functions that apply
//! it to the corpus (timeline rows, facet counts, search). The app only renders what
//! these return, so all of it is tested natively.

use crate::corpus::Corpus;
use crate::date::Date;
use crate::entity::EntityKind;
use crate::event::{Event, EventKind};

/// What the main area shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Timeline,
    Articles,
    Entities,
    Entity(String),
    Article(String),
}

/// The filters, combined with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Free text, matched case- and diacritic-insensitively.
    pub text: String,
    /// Entity ids; an event must name all of them.
    pub entities: Vec<String>,
    /// Event kinds; empty means all.
    pub kinds: Vec<EventKind>,
    /// Entity kind; an event must name at least one entity of it.
    pub entity_kind: Option<EntityKind>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Leave out events told only in recycled background passages.
    pub hide_recycled: bool,
    /// An author or outlet; an event must come from an article they wrote or published.
    pub by: Option<String>,
}

/// The whole explorer state, as the URL carries it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub view: View,
    pub filter: Filter,
    pub oldest_first: bool,
}

/// Lowercase without diacritics, for matching. Covers Latin letters with diacritics
/// (Latin-1 and Latin Extended-A, as in "Türkiye", "Erdoğan", "Naxçıvan"); other
/// characters are only lowercased. The pipeline folds the same way for these letters.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            _ => match base_letter(c) {
                Some(b) => out.push(b),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
    out
}

fn base_letter(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    Some(match lower {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'i' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return None,
    })
}

/// Read-only helpers over a corpus, built once at start-up.
#[derive(Debug)]
pub struct Index {
    /// Folded text per event: summary and source sentences; for a publication, the
    /// whole article, so the search box reaches article text too.
    event_text: Vec<String>,
    /// Folded title and text per article.
    article_text: Vec<String>,
    /// Per event: true when every source sentence lies in a recycled passage.
    event_recycled: Vec<bool>,
    /// Entity id → index.
    entity_ids: std::collections::HashMap<String, u32>,
}

impl Index {
    pub fn new(corpus: &Corpus) -> Index {
        let article_text: Vec<String> = corpus
            .articles
            .iter()
            .map(|a| {
                let mut t = fold(&a.title);
                for p in &a.paragraphs {
                    t.push('\n');
                    t.push_str(&fold(p));
                }
                t
            })
            .collect();
        let event_text = corpus
            .events
            .iter()
            .map(|e| {
                let mut t = fold(&e.summary);
                for s in &e.sources {
                    t.push('\n');
                    if e.kind == EventKind::Publication {
                        t.push_str(article_text.get(s.article as usize).map_or("", String::as_str));
                    } else {
                        t.push_str(&fold(&s.sentence));
                    }
                }
                t
            })
            .collect();
        let event_recycled = corpus
            .events
            .iter()
            .map(|e| {
                e.kind != EventKind::Publication
                    && e.sources.iter().all(|s| {
                        corpus.articles.get(s.article as usize).is_some_and(|a| {
                            a.recycled.iter().any(|r| r.paragraph == s.paragraph && r.text.contains(s.sentence.as_str()))
                        })
                    })
            })
            .collect();
        let entity_ids = corpus.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i as u32)).collect();
        Index { event_text, article_text, event_recycled, entity_ids }
    }

    /// Articles whose title or text holds every word of `text`, in the given order.
    pub fn articles<'a>(&self, corpus: &'a Corpus, order: Vec<&'a crate::corpus::Article>, text: &str) -> Vec<&'a crate::corpus::Article> {
        let words = query_words(text);
        if words.is_empty() {
            return order;
        }
        order
            .into_iter()
            .filter(|a| {
                corpus.articles.iter().position(|x| std::ptr::eq(x, *a)).and_then(|i| self.article_text.get(i)).is_some_and(|t| words.iter().all(|w| t.contains(w.as_str())))
            })
            .collect()
    }

    pub fn entity(&self, id: &str) -> Option<u32> {
        self.entity_ids.get(id).copied()
    }

    pub fn is_recycled(&self, event: usize) -> bool {
        self.event_recycled.get(event).copied().unwrap_or(false)
    }

    /// Whether one event passes the filter. `skip` leaves one facet out, to count
    /// what choosing another value of that facet would leave.
    fn passes(&self, corpus: &Corpus, i: usize, f: &Filter, skip: Facet, words: &[String]) -> bool {
        let e = &corpus.events[i];
        if skip != Facet::Kind && !f.kinds.is_empty() && !f.kinds.contains(&e.kind) {
            return false;
        }
        if skip != Facet::EntityKind
            && let Some(kind) = f.entity_kind
            && !e.entities.iter().any(|&x| corpus.entities.get(x as usize).is_some_and(|en| en.kind == kind))
        {
            return false;
        }
        for id in &f.entities {
            match self.entity(id) {
                Some(x) if e.entities.contains(&x) => {}
                _ => return false,
            }
        }
        if f.from.is_some_and(|from| e.when.end < from) || f.to.is_some_and(|to| e.when.start > to) {
            return false;
        }
        if f.hide_recycled && self.is_recycled(i) {
            return false;
        }
        if let Some(by) = &f.by {
            let credited = e.sources.iter().any(|s| {
                corpus.articles.get(s.article as usize).is_some_and(|a| a.authors.contains(by) || a.outlets.contains(by))
            });
            if !credited {
                return false;
            }
        }
        words.iter().all(|w| self.event_text[i].contains(w.as_str()))
    }

    /// Indices of the events that pass, in timeline order.
    pub fn timeline(&self, corpus: &Corpus, f: &Filter, oldest_first: bool) -> Vec<usize> {
        let words = query_words(&f.text);
        let mut rows: Vec<usize> =
            (0..corpus.events.len()).filter(|&i| self.passes(corpus, i, f, Facet::None, &words)).collect();
        if !oldest_first {
            rows.reverse();
        }
        rows
    }

    /// How many events each event kind and entity kind would leave, the other filters kept.
    pub fn facets(&self, corpus: &Corpus, f: &Filter) -> Facets {
        let words = query_words(&f.text);
        let mut out = Facets::default();
        for i in 0..corpus.events.len() {
            let e = &corpus.events[i];
            if self.passes(corpus, i, f, Facet::Kind, &words) {
                out.kinds[kind_slot(e.kind)] += 1;
            }
            if self.passes(corpus, i, f, Facet::EntityKind, &words) {
                for (slot, kind) in EntityKind::ALL.iter().enumerate() {
                    if e.entities.iter().any(|&x| corpus.entities.get(x as usize).is_some_and(|en| en.kind == *kind)) {
                        out.entity_kinds[slot] += 1;
                    }
                }
            }
        }
        out
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Facet {
    None,
    Kind,
    EntityKind,
}

/// Counts per facet value, in the order of `EventKind::ALL` and `EntityKind::ALL`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub kinds: [u32; 7],
    pub entity_kinds: [u32; 6],
}

pub fn kind_slot(kind: EventKind) -> usize {
    EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The folded words of a query.
pub fn query_words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_owned).collect()
}

/// Where the folded query words occur in `text` (byte ranges of `text`), for highlighting.
/// Works on texts whose folding keeps character counts (Latin text does).
pub fn highlights(text: &str, query: &str) -> Vec<(usize, usize)> {
    let words = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded: Vec<char> = chars.iter().map(|&(_, c)| fold(&c.to_string()).chars().next().unwrap_or(c)).collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for w in &words {
        let w: Vec<char> = w.chars().collect();
        if w.is_empty() || w.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - w.len() {
            if folded[start..start + w.len()] == w[..] {
                let s = chars[start].0;
                let e = chars.get(start + w.len()).map_or(text.len(), |&(b, _)| b);
                out.push((s, e));
            }
        }
    }
    out.sort_unstable();
    // Merge overlaps.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// What a URL fragment could not be read as, for a message beside the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem(pub String);

impl State {
    /// Reads a URL fragment ("#view=timeline&q=drills&e=place:baku"). Whatever cannot be
    /// read is left at its default and reported; reading never fails.
    pub fn from_fragment(fragment: &str) -> (State, Vec<Problem>) {
        let mut state = State::default();
        let mut problems = Vec::new();
        let body = fragment.trim_start_matches('#').trim_start_matches('/').trim_start_matches('?');
        let too_long = || vec![Problem(format!("the link is too long ({} characters); it was ignored", body.len()))];
        if body.len() > MAX_FRAGMENT {
            return (state, too_long());
        }
        for pair in body.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode(raw) else {
                problems.push(Problem(format!("“{}” is not a readable value for {key}", shorten(raw))));
                continue;
            };
            match key {
                "view" => match value.as_str() {
                    "timeline" => state.view = View::Timeline,
                    "articles" => state.view = View::Articles,
                    "entities" => state.view = View::Entities,
                    _ => problems.push(Problem(format!("there is no view called “{}”", shorten(&value)))),
                },
                "entity" => state.view = View::Entity(value),
                "article" => state.view = View::Article(value),
                "q" => state.filter.text = value,
                "e" => state.filter.entities = value.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
                "k" => {
                    for k in value.split(',').filter(|s| !s.is_empty()) {
                        match EventKind::ALL.iter().find(|x| x.as_str() == k) {
                            Some(kind) => state.filter.kinds.push(*kind),
                            None => problems.push(Problem(format!("there is no event kind “{}”", shorten(k)))),
                        }
                    }
                }
                "ek" => match EntityKind::ALL.iter().find(|x| x.as_str() == value) {
                    Some(kind) => state.filter.entity_kind = Some(*kind),
                    None => problems.push(Problem(format!("there is no entity kind “{}”", shorten(&value)))),
                },
                "from" | "to" => match parse_iso(&value) {
                    Some(d) if key == "from" => state.filter.from = Some(d),
                    Some(d) => state.filter.to = Some(d),
                    None => problems.push(Problem(format!("“{}” is not a date (YYYY-MM-DD) for {key}", shorten(&value)))),
                },
                "hide" => state.filter.hide_recycled = value == "recycled",
                "by" => state.filter.by = Some(value).filter(|v| !v.is_empty()),
                "order" => state.oldest_first = value == "oldest",
                _ => problems.push(Problem(format!("“{}” is not something a link can set", shorten(key)))),
            }
        }
        if let (Some(from), Some(to)) = (state.filter.from, state.filter.to)
            && from > to
        {
            problems.push(Problem(format!("the date range ends ({to}) before it starts ({from}); it was ignored")));
            state.filter.from = None;
            state.filter.to = None;
        }
        // What is read must read back from the link `to_fragment` writes for it, and
        // percent-encoding can make that link longer than this one (a raw "é" becomes
        // "%C3%A9", "+" becomes "%20"): such a state is refused like a long link.
        if state.to_fragment().len() - 1 > MAX_FRAGMENT {
            return (State::default(), too_long());
        }
        (state, problems)
    }

    /// Writes the fragment that [`State::from_fragment`] reads back to the same state.
    pub fn to_fragment(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match &self.view {
            View::Timeline => {}
            View::Articles => parts.push("view=articles".into()),
            View::Entities => parts.push("view=entities".into()),
            View::Entity(id) => parts.push(format!("entity={}", percent_encode(id))),
            View::Article(id) => parts.push(format!("article={}", percent_encode(id))),
        }
        let f = &self.filter;
        if !f.text.is_empty() {
            parts.push(format!("q={}", percent_encode(&f.text)));
        }
        if !f.entities.is_empty() {
            parts.push(format!("e={}", percent_encode(&f.entities.join(","))));
        }
        if !f.kinds.is_empty() {
            parts.push(format!("k={}", f.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(",")));
        }
        if let Some(k) = f.entity_kind {
            parts.push(format!("ek={}", k.as_str()));
        }
        if let Some(d) = f.from {
            parts.push(format!("from={}", d.iso()));
        }
        if let Some(d) = f.to {
            parts.push(format!("to={}", d.iso()));
        }
        if f.hide_recycled {
            parts.push("hide=recycled".into());
        }
        if let Some(by) = &f.by {
            parts.push(format!("by={}", percent_encode(by)));
        }
        if self.oldest_first {
            parts.push("order=oldest".into());
        }
        format!("#{}", parts.join("&"))
    }
}

/// Fragments longer than this are not read: no real view needs one.
pub const MAX_FRAGMENT: usize = 4096;

fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 { text.to_owned() } else { format!("{}…", text.chars().take(40).collect::<String>()) }
}

fn parse_iso(s: &str) -> Option<Date> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    if it.next().is_some() {
        return None;
    }
    Date::new(y, m, d)
}

/// Percent-encodes everything but unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent escapes (and `+` as a space); `None` for a broken escape or bytes
/// that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Everyone credited in the corpus (authors, then outlets), each with the number of
/// events that `f` would leave if they were chosen.
pub fn credits(corpus: &Corpus, index: &Index, f: &Filter) -> Vec<(String, usize)> {
    let mut names: Vec<String> = Vec::new();
    for a in &corpus.articles {
        for n in a.authors.iter().chain(a.outlets.iter()) {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
    }
    names
        .into_iter()
        .map(|n| {
            let mut g = f.clone();
            g.by = Some(n.clone());
            let count = index.timeline(corpus, &g, true).len();
            (n, count)
        })
        .collect()
}

/// The entities most named by the events shown (`rows`) and not chosen yet, each with
/// the number of those events it would leave if added, most first.
pub fn entity_options(corpus: &Corpus, rows: &[usize], f: &Filter, most: usize) -> Vec<(u32, usize)> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for &i in rows {
        for &x in &corpus.events[i].entities {
            let chosen = corpus.entities.get(x as usize).is_some_and(|e| f.entities.contains(&e.id));
            if chosen {
                continue;
            }
            match counts.iter_mut().find(|(e, _)| *e == x) {
                Some(entry) => entry.1 += 1,
                None => counts.push((x, 1)),
            }
        }
    }
    counts.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
    counts.truncate(most);
    counts
}

/// Events per bucket between the first and the last event start, for the density
/// strip: `(first day, last day, counts)`; `None` when there are no events.
pub fn density(corpus: &Corpus, rows: &[usize], buckets: usize) -> Option<(Date, Date, Vec<u32>)> {
    let first = corpus.events.first()?.when.start;
    let last = corpus.events.iter().map(|e| e.when.start).max()?;
    let (a, b) = (day_number(first), day_number(last).max(day_number(first) + 1));
    let n = buckets.max(1);
    let mut counts = vec![0u32; n];
    for &i in rows {
        let d = day_number(corpus.events[i].when.start);
        let slot = ((d - a) as f64 / (b - a) as f64 * (n - 1) as f64).round() as usize;
        counts[slot.min(n - 1)] += 1;
    }
    Some((first, last, counts))
}

/// Days since 1970-01-01 (proleptic Gregorian), for spacing dates on a line.
pub fn day_number(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year), i64::from(d.month), i64::from(d.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`day_number`]).
pub fn from_day_number(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(i16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// Events an entity appears in, in date order (its mini-timeline).
pub fn events_of(corpus: &Corpus, entity: u32) -> Vec<&Event> {
    corpus.events.iter().filter(|e| e.entities.contains(&entity)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Recycled};
    use crate::date::DateSpan;
    use crate::entity::Entity;
    use crate::event::Source;

    #[test]
    fn folding_matches_across_diacritics_and_case() {
        assert_eq!(fold("Türkiye ERDOĞAN Naxçıvan Şuşa"), "turkiye erdogan naxcivan susa");
        assert_eq!(fold("Москва"), "москва");
    }

    #[test]
    fn fragments_round_trip() {
        let state = State {
            view: View::Entity("person:jane-roe".into()),
            filter: Filter {
                text: "joint drills & more".into(),
                entities: vec!["place:baku".into(), "place:turkiye".into()],
                kinds: vec![EventKind::Meeting, EventKind::Exercise],
                entity_kind: Some(EntityKind::Person),
                from: Date::new(2021, 1, 1),
                to: Date::new(2022, 12, 31),
                hide_recycled: true,
                by: Some("Ann Lee".into()),
            },
            oldest_first: true,
        };
        let fragment = state.to_fragment();
        assert_eq!(State::from_fragment(&fragment), (state, vec![]));
        assert_eq!(State::from_fragment(""), (State::default(), vec![]));
        assert_eq!(State::default().to_fragment(), "#");
    }

    #[test]
    fn garbled_fragments_keep_what_they_can_and_say_what_they_could_not() {
        let (state, problems) = State::from_fragment("#q=drills&k=meeting,party&from=2021-13-01&zz=1&e=%E0%A4&view=nope");
        assert_eq!(state.filter.text, "drills");
        assert_eq!(state.filter.kinds, [EventKind::Meeting]);
        assert_eq!(state.filter.from, None);
        assert_eq!(problems.len(), 5, "{problems:?}");
        let (state, problems) = State::from_fragment("#from=2022-01-01&to=2021-01-01");
        assert_eq!((state.filter.from, state.filter.to, problems.len()), (None, None, 1));
        let (state, problems) = State::from_fragment(&format!("#q={}", "a".repeat(100_000)));
        assert_eq!((state, problems.len()), (State::default(), 1));
        let (state, _) = State::from_fragment("#q=%2541");
        assert_eq!(state.filter.text, "%41", "decoded once, not twice");
    }

    #[test]
    fn a_state_whose_link_would_grow_past_the_limit_is_refused() {
        // Found by the fragment fuzz target: 2,000 "+" read as spaces, written back as "%20".
        let (state, problems) = State::from_fragment(&format!("#q={}", "+".repeat(2000)));
        assert_eq!((state, problems.len()), (State::default(), 1));
        assert!(problems[0].0.contains("too long"), "{problems:?}");
        let (state, problems) = State::from_fragment(&format!("#q={}", "é".repeat(1000)));
        assert_eq!((state, problems.len()), (State::default(), 1), "raw é is written back as %C3%A9");
        let (state, problems) = State::from_fragment(&format!("#q={}", "+".repeat(1000)));
        assert_eq!((state.filter.text.len(), problems), (1000, vec![]), "short enough once written back");
    }

    fn corpus() -> Corpus {
        let day = |m, d| DateSpan::stated_day(Date::new(2021, m, d).unwrap(), "");
        let entity = |id: &str, kind| Entity {
            id: id.into(),
            name: id.into(),
            kind,
            aliases: vec![],
            roles: vec![],
            mentions: vec![],
            related: vec![],
            series: None,
        };
        let event = |id: &str, m, summary: &str, kind, entities: Vec<u32>, paragraph| Event {
            id: id.into(),
            when: day(m, 1),
            summary: summary.into(),
            kind,
            entities,
            sources: vec![Source { article: 0, paragraph, sentence: summary.into() }],
        };
        Corpus {
            articles: vec![Article {
                id: "a".into(),
                file: "a.txt".into(),
                title: "A".into(),
                title_stated: true,
                authors: vec![],
                outlets: vec![],
                published: None,
                paragraphs: vec!["Ministers met in Türkiye.".into(), "Old background drills.".into()],
                removed: vec![],
                recycled: vec![Recycled { paragraph: 1, text: "Old background drills.".into(), first_seen: "a".into(), articles: 2 }],
            }],
            entities: vec![entity("place:turkiye", EntityKind::Place), entity("person:x", EntityKind::Person)],
            events: vec![
                event("e1", 1, "Ministers met in Türkiye.", EventKind::Meeting, vec![0, 1], 0),
                event("e2", 2, "Old background drills.", EventKind::Exercise, vec![0], 1),
                event("e3", 3, "A quiet month.", EventKind::Other, vec![], 0),
            ],
        }
    }

    #[test]
    fn filters_combine_with_and() {
        let c = corpus();
        let idx = Index::new(&c);
        let run = |f: Filter| idx.timeline(&c, &f, true);
        assert_eq!(run(Filter::default()), [0, 1, 2]);
        assert_eq!(idx.timeline(&c, &Filter::default(), false), [2, 1, 0], "newest first");
        assert_eq!(run(Filter { text: "turkiye".into(), ..Filter::default() }), [0]);
        let articles = idx.articles(&c, c.articles.iter().collect(), "TÜRKIYE");
        assert_eq!(articles.len(), 1);
        assert!(idx.articles(&c, c.articles.iter().collect(), "absent").is_empty());
        assert_eq!(run(Filter { entities: vec!["place:turkiye".into()], ..Filter::default() }), [0, 1]);
        assert_eq!(run(Filter { entities: vec!["place:turkiye".into(), "person:x".into()], ..Filter::default() }), [0]);
        assert_eq!(run(Filter { entities: vec!["place:nowhere".into()], ..Filter::default() }), Vec::<usize>::new());
        assert_eq!(run(Filter { kinds: vec![EventKind::Exercise], ..Filter::default() }), [1]);
        assert_eq!(run(Filter { entity_kind: Some(EntityKind::Person), ..Filter::default() }), [0]);
        assert_eq!(run(Filter { hide_recycled: true, ..Filter::default() }), [0, 2]);
        assert_eq!(run(Filter { from: Date::new(2021, 2, 1), to: Date::new(2021, 2, 28), ..Filter::default() }), [1]);
        assert_eq!(run(Filter { text: "drills".into(), kinds: vec![EventKind::Meeting], ..Filter::default() }), Vec::<usize>::new());
    }

    #[test]
    fn facet_counts_say_what_each_choice_would_leave() {
        let c = corpus();
        let idx = Index::new(&c);
        let f = Filter { kinds: vec![EventKind::Meeting], text: "m".into(), ..Filter::default() };
        let facets = idx.facets(&c, &f);
        // The kind facet ignores the chosen kind, keeps the text filter ("m" is in e1, e3).
        assert_eq!(facets.kinds[kind_slot(EventKind::Meeting)], 1);
        assert_eq!(facets.kinds[kind_slot(EventKind::Other)], 1);
        assert_eq!(facets.kinds[kind_slot(EventKind::Exercise)], 0);
        assert_eq!(facets.entity_kinds[0], 1, "persons among meetings matching 'm'");
    }

    #[test]
    fn an_empty_corpus_gives_empty_views() {
        let c = Corpus::default();
        let idx = Index::new(&c);
        let (state, _) = State::from_fragment("#entity=person:x&q=drills&from=2021-01-01");
        assert!(idx.timeline(&c, &state.filter, false).is_empty());
        assert_eq!(idx.facets(&c, &state.filter), Facets::default());
        assert!(idx.articles(&c, c.newest_first(), "drills").is_empty());
        assert!(credits(&c, &idx, &state.filter).is_empty());
        assert!(entity_options(&c, &[], &state.filter, 5).is_empty());
        assert_eq!(density(&c, &[], 10), None);
        assert_eq!(crate::decode(&crate::encode(&c)), Ok(c));
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2021, 12, 31), (1921, 3, 1), (2024, 2, 29)] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(from_day_number(day_number(date)), Some(date));
        }
        assert_eq!(day_number(Date::new(1970, 1, 2).unwrap()), 1);
        assert_eq!(day_number(Date::new(2021, 3, 1).unwrap()) - day_number(Date::new(2021, 2, 28).unwrap()), 1);
    }

    #[test]
    fn density_counts_rows_into_buckets() {
        let c = corpus();
        let (first, last, counts) = density(&c, &[0, 1, 2], 3).unwrap();
        assert_eq!((first.iso(), last.iso()), ("2021-01-01".into(), "2021-03-01".into()));
        assert_eq!(counts, [1, 1, 1]);
        assert_eq!(density(&c, &[2], 3).unwrap().2, [0, 0, 1]);
    }

    #[test]
    fn entity_options_count_what_adding_them_would_leave() {
        let c = corpus();
        let idx = Index::new(&c);
        let rows = idx.timeline(&c, &Filter::default(), true);
        assert_eq!(entity_options(&c, &rows, &Filter::default(), 5), [(0, 2), (1, 1)]);
        let chosen = Filter { entities: vec!["place:turkiye".into()], ..Filter::default() };
        let rows = idx.timeline(&c, &chosen, true);
        assert_eq!(entity_options(&c, &rows, &chosen, 5), [(1, 1)], "a chosen entity is not offered again");
    }

    #[test]
    fn credits_count_what_choosing_them_would_leave() {
        let mut c = corpus();
        c.articles[0].authors = vec!["Ann Lee".into()];
        let idx = Index::new(&c);
        assert_eq!(credits(&c, &idx, &Filter::default()), [("Ann Lee".to_owned(), 3)]);
        let none = Filter { by: Some("Nobody".into()), ..Filter::default() };
        assert!(idx.timeline(&c, &none, true).is_empty());
    }

    #[test]
    fn highlights_find_folded_words_in_original_text() {
        let text = "Ministers met in Türkiye and TURKIYE.";
        let h = highlights(text, "turkiye");
        let words: Vec<&str> = h.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["Türkiye", "TURKIYE"]);
        assert!(highlights(text, "  ").is_empty());
    }
}
