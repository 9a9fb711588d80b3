//! LEB128 numbers, as the embedded format and the text index's postings write them.
//! A base module: it depends on nothing else in the crate.

/// Appends `n` in LEB128.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// One LEB128 number of at most five bytes and the bytes after it; written as a plain
/// loop, for it runs once per posting while the user types (and the bundle is built
/// for size, which leaves iterator adapters uninlined).
#[inline(always)]
pub(crate) fn read_varint(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let mut n: u32 = 0;
    let mut i = 0;
    while i < bytes.len() && i < 5 {
        let b = bytes[i];
        n |= u32::from(b & 0x7f) << (7 * i);
        i += 1;
        if b < 0x80 {
            return Some((n, &bytes[i..]));
        }
    }
    None
}
