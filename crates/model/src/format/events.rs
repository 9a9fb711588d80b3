//! The event record: date span, kind, entities, sources as references into the
//! paragraphs they come from, summaries derived from their sentence.

use super::*;

pub(super) const EVENT_KINDS: [EventKind; 7] = EventKind::ALL;

/// How a source sentence is stored.
pub(super) const SENTENCE_LITERAL: u32 = 0;
pub(super) const SENTENCE_TITLE: u32 = 1;
pub(super) const SENTENCE_SLICE: u32 = 2;
/// Only its place in the paragraph, which the core lacks (`Source::place`).
pub(super) const SENTENCE_PLACE: u32 = 3;

pub(super) fn write_event(w: &mut Writer, e: &Event, c: &Corpus, bodies: Option<&[Article]>) {
    w.streams[SMALL].push(EVENT_KINDS.iter().position(|&k| k == e.kind).unwrap_or(0) as u8);
    w.date(EVENT_DATES, e.when.start);
    write_span_tail(w, &e.when);
    w.num(SMALL, e.entities.len());
    let mut last = 0i64;
    for &x in &e.entities {
        w.signed(ENTITY_REFS, i64::from(x) - last);
        last = i64::from(x);
    }
    w.num(SMALL, e.sources.len());
    for (i, s) in e.sources.iter().enumerate() {
        w.u(SOURCES, s.article);
        w.u(SOURCES, s.paragraph);
        let article = c.articles.get(s.article as usize);
        // The first source's sentence stays text: the summary and evidence are read from it.
        let place = s
            .place
            .map(|(start, end)| (start, end.saturating_sub(start)))
            .or_else(|| bodies.filter(|_| i > 0).and_then(|b| paragraph(b, s)).and_then(|p| find(p, &s.sentence)));
        if article.is_some_and(|a| a.title == s.sentence) && s.place.is_none() {
            w.u(SMALL, SENTENCE_TITLE);
        } else if let Some((start, len)) =
            paragraph(&c.articles, s).filter(|_| s.place.is_none()).and_then(|p| find(p, &s.sentence))
        {
            w.u(SMALL, SENTENCE_SLICE);
            w.u(SPANS, start);
            w.u(SPANS, len);
        } else if let Some((start, len)) = place {
            w.u(SMALL, SENTENCE_PLACE);
            w.u(SPANS, start);
            w.u(SPANS, len);
        } else {
            w.u(SMALL, SENTENCE_LITERAL);
            w.str(TEXT, &s.sentence);
        }
    }
    // The summary and the date's evidence usually come from the first source sentence.
    let first = e.sources.first().map_or("", |s| &*s.sentence);
    write_derived(w, &e.summary, first);
    write_derived(w, &e.when.evidence, first);
    let article_id = e.sources.first().and_then(|s| c.articles.get(s.article as usize)).map_or("", |a| &*a.id);
    write_id(w, &e.id, &event_base_id(e.kind, e.when.start, &e.summary, article_id));
}

/// The paragraph `s` names in `articles`.
fn paragraph<'a>(articles: &'a [Article], s: &Source) -> Option<&'a Text> {
    articles.get(s.article as usize)?.paragraphs.get(s.paragraph as usize)
}

/// An event and whether it is told only in recycled passages: each source sentence
/// lies inside a recycled passage of its paragraph (by where both sit when both are
/// stored as places in the paragraph, else by searching the passage's text, as
/// [`crate::query::recycled_events`] does for every one).
pub(super) fn read_event(r: &mut Reader, c: &Corpus, passages: &Passages) -> Result<(Event, bool), Damage> {
    let kind = EVENT_KINDS.get(usize::from(r.byte()?)).copied().ok_or_else(|| malformed("unknown event kind"))?;
    let start = r.date(EVENT_DATES)?;
    let (end, precision, basis) = read_span_tail(r, start)?;
    let n = r.count(SMALL)?;
    let mut entities = Vec::with_capacity(n);
    let mut last = 0i64;
    for _ in 0..n {
        last += r.signed(ENTITY_REFS)?;
        entities.push(u32::try_from(last).map_err(|_| malformed("an entity number is out of range"))?);
    }
    let n = r.count(SMALL)?;
    let mut sources = Vec::with_capacity(n);
    let mut in_background = kind != EventKind::Publication;
    for _ in 0..n {
        let article = r.u(SOURCES)?;
        let paragraph = r.u(SOURCES)?;
        let a = c.articles.get(article as usize);
        // `place`: where the sentence sits, when the paragraph holds it; `pending`: when
        // the core holds only that.
        let (sentence, place, pending) = match r.u(SMALL)? {
            SENTENCE_LITERAL => (r.text(TEXT)?, None, None),
            SENTENCE_TITLE => (a.ok_or_else(|| malformed("a source names no article"))?.title.clone(), None, None),
            SENTENCE_SLICE => {
                let p = a
                    .and_then(|a| a.paragraphs.get(paragraph as usize))
                    .ok_or_else(|| malformed("a source names no paragraph"))?;
                let (s, len) = (r.u(SPANS)?, r.u(SPANS)?);
                (sub(p, s, len)?, Some((s, s + len)), None)
            }
            SENTENCE_PLACE => {
                let (s, len) = (r.u(SPANS)?, r.u(SPANS)?);
                let end = s.checked_add(len).ok_or_else(|| malformed("a source's place is out of range"))?;
                (Text::Borrowed(""), None, Some((s, end)))
            }
            _ => return Err(malformed("unknown source sentence form")),
        };
        if in_background {
            let range = passages.first.get(article as usize).zip(passages.first.get(article as usize + 1));
            let (from, to) = range.map_or((0, 0), |(&f, &t)| (f as usize, t as usize));
            let recycled = a.map_or(&[][..], |a| &a.recycled[..]);
            in_background =
                passages.all.get(from..to).unwrap_or(&[]).iter().zip(recycled).any(|(&(p, passage), rec)| {
                    p == paragraph
                        && match (passage, place) {
                            (Some((ps, pe)), Some((ss, se))) if ps <= ss && se <= pe => true,
                            _ => crate::corpus::passage_holds(&rec.text, &sentence),
                        }
                });
        }
        sources.push(Source { article, paragraph, sentence, place: pending });
    }
    let none = Text::default();
    let first = sources.first().map_or(&none, |s| &s.sentence);
    let summary = read_derived(r, first)?;
    let evidence = read_derived(r, first)?;
    let article_id = sources.first().and_then(|s| c.articles.get(s.article as usize)).map_or("", |a| &*a.id);
    let id = read_id(r, || event_base_id(kind, start, &summary, article_id))?;
    Ok((
        Event { id, when: DateSpan { start, end, precision, basis, evidence }, summary, kind, entities, sources },
        in_background,
    ))
}

/// A short text that is usually a slice of `from`, perhaps with its first letter
/// capitalised and " …" appended (as event summaries are made).
pub(super) fn write_derived(w: &mut Writer, text: &str, from: &str) {
    let (core, cut) = match text.strip_suffix(" …") {
        Some(core) => (core, true),
        None => (text, false),
    };
    if text.is_empty() {
        w.u(SMALL, 1);
        return;
    }
    if text == from {
        w.u(SMALL, 2);
        return;
    }
    if let Some((start, len)) = find(from, core) {
        w.u(SMALL, 3 + u32::from(cut));
        w.u(SPANS, start);
        w.u(SPANS, len);
        return;
    }
    let mut chars = core.chars();
    if let Some(first) = chars.next() {
        let lowered = format!("{}{}", first.to_ascii_lowercase(), chars.as_str());
        if lowered != core
            && let Some((start, len)) = find(from, &lowered)
            && capitalise(&from[start as usize..(start + len) as usize]) == core
        {
            w.u(SMALL, 5 + u32::from(cut));
            w.u(SPANS, start);
            w.u(SPANS, len);
            return;
        }
    }
    w.u(SMALL, 0);
    w.str(TEXT, text);
}

pub(super) fn read_derived(r: &mut Reader, from: &Text) -> Result<Text, Damage> {
    let form = r.u(SMALL)?;
    match form {
        0 => r.text(TEXT),
        1 => Ok(Text::default()),
        2 => Ok(from.clone()),
        // As it reads in `from`: read in place when `from` is.
        3 => {
            let (start, len) = (r.u(SPANS)?, r.u(SPANS)?);
            sub(from, start, len)
        }
        4..=6 => {
            let (start, len) = (r.u(SPANS)?, r.u(SPANS)?);
            let part = slice(from, start, len)?;
            // Sized for the " …" of a cut summary: one allocation, not two.
            let mut text = String::with_capacity(part.len() + 4);
            text.push_str(part);
            if form >= 5 && text.as_bytes().first().is_some_and(u8::is_ascii) {
                text[..1].make_ascii_uppercase();
            }
            if form % 2 == 0 {
                text.push_str(" …");
            }
            Ok(Cow::Owned(text))
        }
        _ => Err(malformed("unknown text form")),
    }
}

/// `text` with its first letter uppercased when it is an ASCII letter (the full
/// Unicode case tables would add 12 kB to the wasm for the few summaries that begin
/// with another letter; those are stored literally).
pub(super) fn capitalise(text: &str) -> String {
    let mut out = text.to_owned();
    if out.as_bytes().first().is_some_and(u8::is_ascii) {
        out[..1].make_ascii_uppercase();
    }
    out
}
