//! The text index's record: its words and postings.

use super::*;

pub(super) fn write_index(w: &mut Writer, index: &TextIndex) {
    let (words, postings, docs) = index.parts();
    w.num(SMALL, docs);
    w.num(SMALL, words.len());
    let mut previous = "";
    for (word, posting) in words.iter().zip(&postings) {
        // Shared bytes up to a character's start: "æble" and "øre" share the first
        // byte of two, which is no prefix to cut at.
        let mut shared = previous.bytes().zip(word.bytes()).take_while(|(a, b)| a == b).count();
        while !word.is_char_boundary(shared) {
            shared -= 1;
        }
        w.num(WORDS, shared);
        w.str(WORDS, &word[shared..]);
        w.num(WORDS, posting.len());
        // The postings stream is the postings alone, back to back: the index reads it in place.
        w.streams[POSTINGS].extend_from_slice(posting);
        previous = word;
    }
}

pub(super) fn read_index(r: &mut Reader) -> Result<TextIndex, Damage> {
    let docs = r.u(SMALL)?;
    let n = r.count(SMALL)?;
    let mut words: Vec<u8> = Vec::new();
    let mut word_ends = Vec::with_capacity(n);
    let mut posting_ends = Vec::with_capacity(n);
    let mut postings_len = 0usize;
    let mut previous_start = 0usize;
    for _ in 0..n {
        let shared = r.u(WORDS)? as usize;
        let rest = r.str(WORDS)?;
        let previous_len = words.len() - previous_start;
        if shared > previous_len {
            return Err(malformed("an index word shares more than the previous word has"));
        }
        let start = words.len();
        words.extend_from_within(previous_start..previous_start + shared);
        words.extend_from_slice(rest.as_bytes());
        previous_start = start;
        word_ends.push(words.len() as u32);
        postings_len = postings_len
            .checked_add(r.u(WORDS)? as usize)
            .filter(|&l| u32::try_from(l).is_ok())
            .ok_or_else(|| malformed("the index's postings are too long"))?;
        posting_ends.push(postings_len as u32);
    }
    let p = &mut r.streams[POSTINGS];
    let bytes = p.bytes.get(p.at..p.at + postings_len).ok_or_else(|| malformed("the index's postings end early"))?;
    p.at += postings_len;
    let postings = (r.keep.bytes)(bytes);
    let words = String::from_utf8(words).map_err(|_| malformed("the index's words are not UTF-8"))?;
    TextIndex::from_parts(words, word_ends, postings, posting_ends, docs)
        .ok_or_else(|| malformed("the index's words are not in order"))
}
