//! The format's primitives: zigzag numbers, strings, packed dates, and the
//! `Writer` of streams with the `Cursor` and `Reader` that read them back.

use super::*;

pub(super) fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

pub(super) fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// Strings end with a 0 byte; a 0 or 1 byte inside one is written as 1 and then itself.
pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    for &b in s.as_bytes() {
        if b <= 1 {
            out.push(1);
        }
        out.push(b);
    }
    out.push(0);
}

/// A date as one ordered number, lossless for any field values.
pub(super) fn pack(d: Date) -> i64 {
    (i64::from(d.year) << 16) | (i64::from(d.month) << 8) | i64::from(d.day)
}

pub(super) fn unpack(n: i64) -> Result<Date, Damage> {
    let year = i16::try_from(n >> 16).map_err(|_| malformed("a year is out of range"))?;
    Ok(Date { year, month: (n >> 8) as u8, day: n as u8 })
}

pub(super) struct Writer {
    pub(super) streams: [Vec<u8>; STREAMS],
    /// The previous date of each list (events, publications).
    pub(super) last_date: [i64; 2],
}

/// The two lists of dates: events (in timeline order), then publications (in article order).
pub(super) const EVENT_DATES: usize = 0;
pub(super) const PUBLICATION_DATES: usize = 1;

impl Writer {
    pub(super) fn num(&mut self, stream: usize, n: usize) {
        put_varint(&mut self.streams[stream], n as u64);
    }
    pub(super) fn u(&mut self, stream: usize, n: u32) {
        put_varint(&mut self.streams[stream], u64::from(n));
    }
    pub(super) fn signed(&mut self, stream: usize, n: i64) {
        put_varint(&mut self.streams[stream], zigzag(n));
    }
    pub(super) fn str(&mut self, stream: usize, s: &str) {
        put_str(&mut self.streams[stream], s);
    }
    pub(super) fn flag(&mut self, b: bool) {
        self.streams[SMALL].push(u8::from(b));
    }
    pub(super) fn date(&mut self, list: usize, d: Date) {
        let n = pack(d);
        self.signed(DATES, n - self.last_date[list]);
        self.last_date[list] = n;
    }
}

pub(super) struct Cursor<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn varint(&mut self) -> Result<u64, Damage> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at).ok_or_else(|| malformed("a stream ends early"))?;
            self.at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(malformed("a number is too long"))
    }

    /// A string as stored: borrowed from the bytes when it needed no escapes (almost
    /// always), else unescaped into a copy.
    pub(super) fn str(&mut self) -> Result<Cow<'a, str>, Damage> {
        let bytes: &'a [u8] = self.bytes;
        let rest = &bytes[self.at..];
        let end = rest.iter().position(|&b| b <= 1).ok_or_else(|| malformed("a string is not terminated"))?;
        if rest[end] == 0 {
            self.at += end + 1;
            return std::str::from_utf8(&rest[..end])
                .map(Cow::Borrowed)
                .map_err(|_| malformed("a string is not UTF-8"));
        }
        let mut out = Vec::with_capacity(end + 16);
        let mut i = 0;
        loop {
            match rest.get(i) {
                None => return Err(malformed("a string is not terminated")),
                Some(0) => break,
                Some(1) => {
                    out.push(*rest.get(i + 1).ok_or_else(|| malformed("a string is not terminated"))?);
                    i += 2;
                }
                Some(&b) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        self.at += i + 1;
        String::from_utf8(out).map(Cow::Owned).map_err(|_| malformed("a string is not UTF-8"))
    }
}

pub(super) struct Reader<'a> {
    pub(super) streams: [Cursor<'a>; STREAMS],
    pub(super) last_date: [i64; 2],
    pub(super) keep: Keep<'a>,
}

/// How a string of the bytes becomes corpus text, and the index's postings its own:
/// borrowed when the bytes live as long as the program ([`decode_static`]), else copied.
#[derive(Clone, Copy)]
pub(super) struct Keep<'a> {
    pub(super) text: fn(&'a str) -> Text,
    pub(super) bytes: fn(&'a [u8]) -> Cow<'static, [u8]>,
}

impl Keep<'static> {
    pub(super) const BORROWED: Keep<'static> = Keep { text: Cow::Borrowed, bytes: Cow::Borrowed };
}

impl<'a> Keep<'a> {
    pub(super) fn copied() -> Keep<'a> {
        Keep { text: |s| Cow::Owned(s.to_owned()), bytes: |b| Cow::Owned(b.to_vec()) }
    }
}

impl<'a> Reader<'a> {
    pub(super) fn u(&mut self, stream: usize) -> Result<u32, Damage> {
        u32::try_from(self.streams[stream].varint()?).map_err(|_| malformed("a number is out of range"))
    }
    /// A count of items to follow, checked against the bytes left so that damaged
    /// data cannot ask for a huge allocation.
    pub(super) fn count(&mut self, stream: usize) -> Result<usize, Damage> {
        let n = self.u(stream)? as usize;
        let left: usize = self.streams.iter().map(|s| s.bytes.len() - s.at).sum();
        if n > left {
            return Err(malformed("a count exceeds the data"));
        }
        Ok(n)
    }
    pub(super) fn signed(&mut self, stream: usize) -> Result<i64, Damage> {
        Ok(unzigzag(self.streams[stream].varint()?))
    }
    pub(super) fn str(&mut self, stream: usize) -> Result<String, Damage> {
        self.streams[stream].str().map(Cow::into_owned)
    }
    /// [`Reader::str`] as corpus text, read in place where it can be.
    pub(super) fn text(&mut self, stream: usize) -> Result<Text, Damage> {
        Ok(match self.streams[stream].str()? {
            Cow::Borrowed(s) => (self.keep.text)(s),
            Cow::Owned(s) => Cow::Owned(s),
        })
    }
    pub(super) fn byte(&mut self) -> Result<u8, Damage> {
        let s = &mut self.streams[SMALL];
        let b = *s.bytes.get(s.at).ok_or_else(|| malformed("a stream ends early"))?;
        s.at += 1;
        Ok(b)
    }
    pub(super) fn flag(&mut self) -> Result<bool, Damage> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(malformed("a flag is neither 0 nor 1")),
        }
    }
    pub(super) fn date(&mut self, list: usize) -> Result<Date, Damage> {
        let n =
            self.last_date[list].checked_add(self.signed(DATES)?).ok_or_else(|| malformed("a date is out of range"))?;
        self.last_date[list] = n;
        unpack(n)
    }
}

/// `text[start..start + len]` when that is a whole, in-bounds slice.
pub(super) fn slice(text: &str, start: u32, len: u32) -> Result<&str, Damage> {
    let (start, end) = (start as usize, start as usize + len as usize);
    text.get(start..end).ok_or_else(|| malformed("a text reference is out of bounds"))
}

/// [`slice`] as corpus text: still read in place when `text` is.
pub(super) fn sub(text: &Text, start: u32, len: u32) -> Result<Text, Damage> {
    Ok(match text {
        Cow::Borrowed(whole) => {
            let whole: &'static str = whole;
            Cow::Borrowed(slice(whole, start, len)?)
        }
        Cow::Owned(whole) => Cow::Owned(slice(whole, start, len)?.to_owned()),
    })
}

/// [`stem`] of corpus text, still read in place when the text is.
pub(super) fn stem_text(file: &Text) -> Text {
    // A stem is a whole prefix of its file name, so the slice always fits.
    sub(file, 0, stem(file).len() as u32).unwrap_or_else(|_| Cow::Owned(stem(file).to_owned()))
}

/// Where `part` sits in `whole`, as the encoder's references write it.
pub(super) fn find(whole: &str, part: &str) -> Option<(u32, u32)> {
    if part.is_empty() {
        return None;
    }
    whole.find(part).map(|at| (at as u32, part.len() as u32))
}
