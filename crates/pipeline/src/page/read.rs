//! Finding article files and reading them as text: encodings, byte-order marks, line
//! endings, and the files that cannot be articles (empty, binary, unknown format).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

/// File endings the pipeline reads as articles.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "html", "htm"];
/// Larger files are read up to this size, with a warning: a news article is never
/// this long, and the build must stay fast whatever is dropped into the folder.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Every regular file directly inside `dir` that is not hidden, sorted by name so
/// every build sees the same order whatever the file system returns.
pub fn list_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if path.is_file() && !hidden {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The files in `dir` with an article ending (see [`ARTICLE_EXTENSIONS`]), in name order.
pub fn list_articles(dir: &Path) -> io::Result<Vec<PathBuf>> {
    Ok(list_files(dir)?.into_iter().filter(|p| is_article_file(p)).collect())
}

pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Whether the file is HTML by its ending.
pub fn is_html_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Text read from a file, and what had to be repaired on the way.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub notes: Vec<String>,
}

/// Reads a file as text, or says why it holds no article.
pub fn read_text(path: &Path) -> Result<Decoded, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    decode(&bytes)
}

/// Decodes file bytes: UTF-8 (with or without a byte-order mark), else Windows-1252;
/// line endings become `\n`. Empty and binary files are refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut notes = Vec::new();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty; skipped".into());
    }
    let mut body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.len() > MAX_BYTES {
        notes.push(format!(
            "is {:.1} MB; only the first {} MB were read",
            body.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
        body = &body[..MAX_BYTES];
    }
    if looks_binary(body) {
        return Err("looks like a binary file, not text; skipped".into());
    }
    let text = match std::str::from_utf8(body) {
        Ok(s) => s.to_owned(),
        // A cut at MAX_BYTES may split the last character: keep the valid prefix.
        Err(e) if e.error_len().is_none() => String::from_utf8_lossy(&body[..e.valid_up_to()]).into_owned(),
        Err(e) => {
            notes.push(format!(
                "is not valid UTF-8 (first bad byte at offset {}); read as Windows-1252",
                e.valid_up_to()
            ));
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(body).0.into_owned()
        }
    };
    let mut text = text.replace("\r\n", "\n").replace('\r', "\n").replace('\0', "");
    // Composed form (NFC) keeps the spelling and makes "ü" one character whether the
    // file wrote it as one or as "u" plus a combining mark.
    if !text.is_ascii() && unicode_normalization::is_nfc_quick(text.chars()) != unicode_normalization::IsNormalized::Yes
    {
        text = text.nfc().collect();
    }
    Ok(Decoded { text, notes })
}

/// Binary when it has NUL bytes in its first kilobytes or many control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    nuls * 100 > head.len() || controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_files_in_name_order_and_marks_article_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.HTML", "c.htm", "notes.md", ".DS_Store"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join("sub.txt")).unwrap();
        let names = |v: Vec<PathBuf>| -> Vec<String> {
            v.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect()
        };
        assert_eq!(names(list_files(dir.path()).unwrap()), ["a.HTML", "b.txt", "c.htm", "notes.md"]);
        assert_eq!(names(list_articles(dir.path()).unwrap()), ["a.HTML", "b.txt", "c.htm"]);
    }

    #[test]
    fn strips_bom_and_normalises_line_endings() {
        let d = decode(b"\xEF\xBB\xBFTitle\r\n\r\nBody\rend").unwrap();
        assert_eq!(d, Decoded { text: "Title\n\nBody\nend".into(), notes: vec![] });
    }

    #[test]
    fn text_is_composed_but_keeps_its_spelling() {
        let d = decode("Tu\u{308}rkiye and Erdog\u{306}an".as_bytes()).unwrap();
        assert_eq!(d.text, "Türkiye and Erdoğan");
    }

    #[test]
    fn windows_1252_is_decoded_with_a_note() {
        let d = decode(b"caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "café “quoted”");
        assert_eq!(d.notes.len(), 1);
        assert!(d.notes[0].contains("Windows-1252") && d.notes[0].contains("offset 3"), "{:?}", d.notes);
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(decode(b""), Err("is empty; skipped".into()));
        assert_eq!(decode(b" \n\t\n"), Err("is empty; skipped".into()));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
        assert!(decode(png).unwrap_err().contains("binary"));
    }

    #[test]
    fn oversized_files_are_cut_with_a_note() {
        let mut big = "word ".repeat(MAX_BYTES / 5 + 10).into_bytes();
        big.extend_from_slice("é".as_bytes());
        let d = decode(&big).unwrap();
        assert_eq!(d.text.len(), MAX_BYTES);
        assert!(d.notes[0].contains("only the first 4 MB"), "{:?}", d.notes);
    }
}
