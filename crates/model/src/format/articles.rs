//! The corpus record and its articles: paragraphs, credits, recycled passages (most
//! predicted from the other articles instead of stored).

use super::*;

/// Writes `c`; `bodies`, for a split corpus's core, are its articles whole, where a later
/// source sentence past a cut lead is found and stored as its place.
pub(super) fn write_corpus(w: &mut Writer, c: &Corpus, bodies: Option<&[Article]>) {
    w.num(SMALL, c.articles.len());
    let origins = predict_recycled(&c.articles);
    // Article numbers by id (the first article with an id, as a scan would find), for
    // passages whose first article is not the predicted one: scanning every article
    // for each of them grew with the square of the corpus.
    let mut numbers: HashMap<&str, usize> = HashMap::with_capacity(c.articles.len());
    for (i, a) in c.articles.iter().enumerate() {
        numbers.entry(&*a.id).or_insert(i);
    }
    for (a, origins) in c.articles.iter().zip(&origins) {
        write_article(w, a, c, origins, &numbers);
    }
    w.num(SMALL, c.entities.len());
    for e in &c.entities {
        write_entity(w, e);
    }
    w.num(SMALL, c.events.len());
    for e in &c.events {
        write_event(w, e, c, bodies);
    }
}

/// Where each recycled passage sits in its paragraph, for every article: `(paragraph,
/// byte range)`, the range `None` for a passage stored as its own text. `first[a]` is
/// article `a`'s first passage in `all`.
#[derive(Default)]
pub(super) struct Passages {
    pub(super) first: Vec<u32>,
    pub(super) all: Vec<(u32, Option<(u32, u32)>)>,
}

/// Names each recycled passage's first article, which may come after the passage's
/// own (`origins` as [`Decoder`] gathers them while reading the articles).
pub(super) fn resolve_origins(c: &mut Corpus, origins: Vec<(u32, u32, u32)>) -> Result<(), Damage> {
    let predicted = if origins.iter().any(|o| o.2 == PREDICTED) { predict_recycled(&c.articles) } else { Vec::new() };
    for (a, k, origin) in origins {
        // A prediction gives the spread too; a stored first article comes with its own.
        let (first, count) = match origin {
            PREDICTED => {
                let p = predicted.get(a as usize).and_then(|p| p.get(k as usize));
                let (first, count) = p.copied().ok_or_else(|| malformed("a recycled passage is out of place"))?;
                (first, Some(count))
            }
            first => (first as usize, None),
        };
        let id = c.articles.get(first).ok_or_else(|| malformed("a recycled passage names no article"))?.id.clone();
        if let Some(rec) = c.articles.get_mut(a as usize).and_then(|x| x.recycled.get_mut(k as usize)) {
            rec.first_seen = id;
            if let Some(count) = count {
                rec.articles = count;
            }
        }
    }
    Ok(())
}

pub(super) fn stem(file: &str) -> &str {
    match file.rfind('.') {
        Some(i) if i > 0 => &file[..i],
        _ => file,
    }
}

pub(super) fn write_strings<S: AsRef<str>>(w: &mut Writer, list: &[S]) {
    w.num(SMALL, list.len());
    for s in list {
        w.str(TEXT, s.as_ref());
    }
}

pub(super) fn read_strings(r: &mut Reader) -> Result<Vec<String>, Damage> {
    let n = r.count(SMALL)?;
    (0..n).map(|_| r.str(TEXT)).collect()
}

pub(super) fn read_texts(r: &mut Reader) -> Result<Vec<Text>, Damage> {
    let n = r.count(SMALL)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(r.text(TEXT)?);
    }
    Ok(out)
}

pub(super) fn write_span_tail(w: &mut Writer, s: &DateSpan) {
    w.signed(DATES, pack(s.end) - pack(s.start));
    w.streams[SMALL].push(precision_code(s.precision) * 2 + u8::from(s.basis == Basis::Inferred));
}

pub(super) fn read_span_tail(r: &mut Reader, start: Date) -> Result<(Date, Precision, Basis), Damage> {
    let end = unpack(pack(start).checked_add(r.signed(DATES)?).ok_or_else(|| malformed("a date is out of range"))?)?;
    let code = r.byte()?;
    let precision =
        PRECISIONS.get(usize::from(code / 2)).copied().ok_or_else(|| malformed("unknown date precision"))?;
    let basis = if code % 2 == 1 { Basis::Inferred } else { Basis::Stated };
    Ok((end, precision, basis))
}

/// Codes are positions: a new precision is appended, so older codes keep their meaning.
pub(super) const PRECISIONS: [Precision; 7] = [
    Precision::Day,
    Precision::Month,
    Precision::Season,
    Precision::Year,
    Precision::Range,
    Precision::Approximate,
    Precision::Quarter,
];

pub(super) fn precision_code(p: Precision) -> u8 {
    PRECISIONS.iter().position(|&x| x == p).unwrap_or(0) as u8
}

pub(super) fn write_article(
    w: &mut Writer,
    a: &Article,
    c: &Corpus,
    origins: &[(usize, u32)],
    numbers: &HashMap<&str, usize>,
) {
    w.str(TEXT, &a.file);
    let derived = stem(&a.file) == a.id;
    w.flag(derived);
    if !derived {
        w.str(TEXT, &a.id);
    }
    w.str(BODY, &a.title);
    w.flag(a.title_stated);
    write_strings(w, &a.authors);
    write_strings(w, &a.outlets);
    write_strings(w, &a.credited);
    match &a.published {
        None => w.flag(false),
        Some(p) => {
            w.flag(true);
            w.date(PUBLICATION_DATES, p.start);
            write_span_tail(w, p);
            w.str(TEXT, &p.evidence);
        }
    }
    w.num(SMALL, a.paragraphs.len());
    for p in &a.paragraphs {
        w.str(BODY, p);
    }
    write_strings(w, &a.removed);
    w.num(SMALL, a.recycled.len());
    for (k, rec) in a.recycled.iter().enumerate() {
        w.u(REFS, rec.paragraph);
        // 0 and the text, 1 for the whole paragraph, or 2 + its start and its length.
        let paragraph = a.paragraphs.get(rec.paragraph as usize);
        match paragraph.and_then(|p| find(p, &rec.text)) {
            _ if paragraph.is_some_and(|p| *p == rec.text) => w.u(SPANS, 1),
            Some((start, len)) => {
                w.u(SPANS, start + 2);
                w.u(SPANS, len);
            }
            None => {
                w.u(SPANS, 0);
                w.str(TEXT, &rec.text);
            }
        }
        // 0 when the passage's origin and spread are what its copies predict (see
        // `predict_recycled`), else 1 + the first article's number (or 0 and its id)
        // and the count.
        let (first, count) = origins[k];
        if (&*c.articles[first].id, count) == (&*rec.first_seen, rec.articles) {
            w.u(REFS, 0);
            continue;
        }
        match numbers.get(&*rec.first_seen) {
            Some(&i) => w.num(REFS, i + 2),
            None => {
                w.u(REFS, 1);
                w.str(TEXT, &rec.first_seen);
            }
        }
        w.u(SMALL, rec.articles);
    }
}

/// For each recycled passage of each article: the oldest article holding the same
/// text (dated before undated, then by date, then by id, as the pipeline ranks
/// them) and how many articles hold it. Usually exactly what each copy records, so
/// only exceptions are stored. Copies are grouped by their length and a 64-bit hash
/// of their text, not by comparing texts (sorting or comparing the texts themselves
/// costs the decoder more than the rest of the corpus): the encoder makes the same
/// prediction and stores whatever it gets wrong, so even a collision round-trips.
pub(super) fn predict_recycled(articles: &[Article]) -> Vec<Vec<(usize, u32)>> {
    // (hash, length, article, passage), made in article and passage order and kept in
    // it within each hash by a stable radix sort on the hash alone (a comparison sort
    // of these was the decoder's largest single cost at 10,000 articles). The length is
    // part of the hash's seed, so copies of one hash and two lengths (which `chunk_by`
    // below would split) take a 64-bit collision.
    let mut copies: Vec<(u64, usize, usize, usize)> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        copies.extend(a.recycled.iter().enumerate().map(|(k, r)| (hash(&r.text), r.text.len(), i, k)));
    }
    radix_sort_by_hash(&mut copies);
    let age = |i: usize| {
        let a = &articles[i];
        (a.published.is_none(), a.published.as_ref().map(|p| p.start), &*a.id)
    };
    let mut out: Vec<Vec<(usize, u32)>> = articles.iter().map(|a| vec![(0, 0); a.recycled.len()]).collect();
    for same in copies.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
        // Copies are in article order within a group, so each holder's copies are together.
        let holders = same.chunk_by(|x, y| x.2 == y.2).count() as u32;
        let oldest = same.iter().map(|c| c.2).min_by(|&x, &y| age(x).cmp(&age(y))).unwrap_or(0);
        for c in same {
            out[c.2][c.3] = (oldest, holders);
        }
    }
    out
}

/// Sorts by the first field, a byte at a time from the lowest (stable: equal hashes
/// keep their order).
pub(super) fn radix_sort_by_hash<T: Copy>(items: &mut Vec<(u64, T, T, T)>) {
    if items.len() < 2 {
        return;
    }
    let mut other = items.clone();
    for byte in 0..8 {
        let key = |x: &(u64, T, T, T)| (x.0 >> (8 * byte)) as u8 as usize;
        let mut starts = [0usize; 256];
        for x in items.iter() {
            starts[key(x)] += 1;
        }
        if starts.contains(&items.len()) {
            continue; // every item has this byte: the order stays
        }
        let mut at = 0;
        for slot in &mut starts {
            let n = *slot;
            *slot = at;
            at += n;
        }
        for x in items.iter() {
            let k = key(x);
            other[starts[k]] = *x;
            starts[k] += 1;
        }
        std::mem::swap(items, &mut other);
    }
}

/// A 64-bit hash of a text, eight bytes at a time (not for anything adversarial: a
/// collision only costs a comparison).
pub(super) fn hash(text: &str) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ text.len() as u64;
    let mut chunks = text.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    }
    h ^ (h >> 32)
}

/// Marks a recycled passage's first article as the decoder's prediction.
pub(super) const PREDICTED: u32 = u32::MAX;

pub(super) fn read_article(
    r: &mut Reader,
    number: u32,
    origins: &mut Vec<(u32, u32, u32)>,
    places: &mut Vec<(u32, Option<(u32, u32)>)>,
) -> Result<Article, Damage> {
    let file = r.text(TEXT)?;
    let id = if r.flag()? { stem_text(&file) } else { r.text(TEXT)? };
    let title = r.text(BODY)?;
    let title_stated = r.flag()?;
    let authors = read_strings(r)?;
    let outlets = read_strings(r)?;
    let credited = read_texts(r)?;
    let published = if r.flag()? {
        let start = r.date(PUBLICATION_DATES)?;
        let (end, precision, basis) = read_span_tail(r, start)?;
        Some(DateSpan { start, end, precision, basis, evidence: r.text(TEXT)? })
    } else {
        None
    };
    let n = r.count(SMALL)?;
    let mut paragraphs = Vec::with_capacity(n);
    for _ in 0..n {
        paragraphs.push(r.text(BODY)?);
    }
    let removed = read_texts(r)?;
    let n = r.count(SMALL)?;
    let mut recycled = Vec::with_capacity(n);
    for _ in 0..n {
        let paragraph = r.u(REFS)?;
        let p = paragraphs.get(paragraph as usize);
        let (text, place) = match r.u(SPANS)? {
            0 => (r.text(TEXT)?, None),
            1 => (p.ok_or_else(|| malformed("a recycled passage names no paragraph"))?.clone(), Some((0, u32::MAX))),
            start => {
                let len = r.u(SPANS)?;
                let text = sub(p.ok_or_else(|| malformed("a recycled passage names no paragraph"))?, start - 2, len)?;
                (text, Some((start - 2, start - 2 + len)))
            }
        };
        places.push((paragraph, place));
        // Resolved once every article is read (see `read_corpus`).
        let passage = recycled.len() as u32;
        let (first_seen, articles) = match r.u(REFS)? {
            0 => {
                origins.push((number, passage, PREDICTED));
                (Text::default(), 0)
            }
            1 => (r.text(TEXT)?, r.u(SMALL)?),
            i => {
                origins.push((number, passage, i - 2));
                (Text::default(), r.u(SMALL)?)
            }
        };
        recycled.push(Recycled { paragraph, text, first_seen, articles });
    }
    Ok(Article { id, file, title, title_stated, authors, outlets, credited, published, paragraphs, removed, recycled })
}
