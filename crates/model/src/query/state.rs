//! The explorer's state as data: the view, the filters, and how they read from and
//! write to the URL fragment (percent-encoding, ISO dates, what could not be read).

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
    /// The places map: a dot per place the filtered events name.
    Map,
    Entity(String),
    /// An article, by id, and the event whose sentence in it the reader marks and
    /// scrolls to (a source link's target), by event id.
    Article(String, Option<String>),
}

impl View {
    /// The view a timeline row's source link opens: `article` (of `corpus.articles`)
    /// at the event's sentence. A publication's "sentence" is the article's title, not
    /// a sentence of its text, so its link opens the article at the top.
    pub fn source(event: &Event, article_id: &str) -> View {
        let at = (event.kind != EventKind::Publication).then(|| event.id.clone());
        View::Article(article_id.to_owned(), at)
    }
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
    /// Which publication rows (one per article, its title) the timeline shows.
    pub publications: Publications,
}

/// Which publication rows the timeline shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Publications {
    /// All but those an event of the same article already says ([`repeated_publications`]).
    #[default]
    Distinct,
    /// None: the timeline shows what the articles tell, not that they were published.
    Hidden,
    /// Every one.
    All,
}

impl Publications {
    /// The value of `pubs=` in a link; the default writes none.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Publications::Distinct => "distinct",
            Publications::Hidden => "none",
            Publications::All => "all",
        }
    }
}

/// The whole explorer state, as the URL carries it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub view: View,
    pub filter: Filter,
    pub oldest_first: bool,
    /// The days the density strip shows, when zoomed or panned (`strip=FROM..TO`); it
    /// filters nothing. Without it the strip shows the date range chosen, or the span
    /// holding most events ([`super::strip_span`]).
    pub axis: Option<(Date, Date)>,
}

/// What a URL fragment could not be read as, for a message beside the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem(pub String);

impl State {
    /// Whether `self` and `other` differ in their search text and nothing else (a
    /// keystroke; the app's side panel follows any change within a view a frame behind).
    pub fn differs_only_in_text(&self, other: &State) -> bool {
        // Taken apart field by field, so that a field added to either type must be
        // added here too.
        let State { view, filter, oldest_first, axis } = self;
        let Filter { text, entities, kinds, entity_kind, from, to, hide_recycled, by, publications } = filter;
        let o = &other.filter;
        *text != o.text
            && (*view == other.view && *oldest_first == other.oldest_first && *axis == other.axis)
            && (*entities == o.entities && *kinds == o.kinds && *entity_kind == o.entity_kind)
            && (*from == o.from && *to == o.to && *hide_recycled == o.hide_recycled && *by == o.by)
            && *publications == o.publications
    }

    /// Chooses the date range `from` to `to`, which the strip then shows (any zoom
    /// of it is left behind): every choice of dates goes through here.
    pub fn choose_dates(&mut self, from: Option<Date>, to: Option<Date>) {
        self.filter.from = from;
        self.filter.to = to;
        self.axis = None;
    }

    /// Reads a URL fragment ("#view=timeline&q=drills&e=place:baku"). Whatever cannot be
    /// read is left at its default and reported; reading never fails.
    pub fn from_fragment(fragment: &str) -> (State, Vec<Problem>) {
        let mut state = State::default();
        let mut problems = Vec::new();
        // Where in an article to open, applied once the view is known (keys come in any order).
        let mut at = None;
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
                    "map" => state.view = View::Map,
                    _ => problems.push(Problem(format!("there is no view called “{}”", shorten(&value)))),
                },
                "entity" => state.view = View::Entity(value),
                "article" => state.view = View::Article(value, None),
                "at" if is_event_id(&value) => at = Some(value),
                "at" => {
                    let at = shorten(&value);
                    problems
                        .push(Problem(format!("“{at}” is not an event to open the article at; it opens at its top")));
                }
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
                    None => {
                        problems.push(Problem(format!("“{}” is not a date (YYYY-MM-DD) for {key}", shorten(&value))))
                    }
                },
                "hide" => state.filter.hide_recycled = value == "recycled",
                "by" => state.filter.by = Some(value).filter(|v| !v.is_empty()),
                "pubs" => {
                    let choices = [Publications::Distinct, Publications::Hidden, Publications::All];
                    match choices.into_iter().find(|p| p.as_str() == value) {
                        Some(p) => state.filter.publications = p,
                        None => {
                            problems.push(Problem(format!("“{}” is not a choice of publication rows", shorten(&value))))
                        }
                    }
                }
                "order" => state.oldest_first = value == "oldest",
                "strip" => match value.split_once("..").map(|(a, b)| (parse_iso(a), parse_iso(b))) {
                    Some((Some(from), Some(to))) if from <= to => state.axis = Some((from, to)),
                    Some((Some(from), Some(to))) => problems.push(Problem(format!(
                        "the strip's span ends ({to}) before it starts ({from}); it shows its usual span"
                    ))),
                    _ => problems.push(Problem(format!(
                        "“{}” is not a span of dates (YYYY-MM-DD..YYYY-MM-DD) for the strip",
                        shorten(&value)
                    ))),
                },
                _ => problems.push(Problem(format!("“{}” is not something a link can set", shorten(key)))),
            }
        }
        match (&mut state.view, at) {
            (View::Article(_, target), Some(at)) => *target = Some(at),
            (_, Some(_)) => {
                problems.push(Problem("“at” points into an article, and this link opens none; it was ignored".into()));
            }
            (_, None) => {}
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
            View::Map => parts.push("view=map".into()),
            View::Entity(id) => parts.push(format!("entity={}", percent_encode(id))),
            View::Article(id, at) => {
                parts.push(format!("article={}", percent_encode(id)));
                if let Some(at) = at {
                    parts.push(format!("at={}", percent_encode(at)));
                }
            }
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
        if f.publications != Publications::Distinct {
            parts.push(format!("pubs={}", f.publications.as_str()));
        }
        if self.oldest_first {
            parts.push("order=oldest".into());
        }
        if let Some((from, to)) = self.axis {
            parts.push(format!("strip={}..{}", from.iso(), to.iso()));
        }
        format!("#{}", parts.join("&"))
    }
}

/// Fragments longer than this are not read: no real view needs one.
pub const MAX_FRAGMENT: usize = 4096;

/// Whether `text` has the shape of an event id as `format::event_base_id` makes them
/// ("event:2021-03-01-joint-drills", "publication:some-article", either with "-2"
/// after it): a link's `at` is read only then, so a garbled one is reported, not kept.
pub(crate) fn is_event_id(text: &str) -> bool {
    let rest = text.strip_prefix("event:").or_else(|| text.strip_prefix("publication:"));
    rest.is_some_and(|r| !r.is_empty() && r.len() <= 256 && !r.chars().any(|c| c.is_whitespace() || c.is_control()))
}

pub(crate) fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(40).collect::<String>())
    }
}

pub(crate) fn parse_iso(s: &str) -> Option<Date> {
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
