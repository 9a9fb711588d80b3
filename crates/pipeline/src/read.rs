//! Finding article files and reading them as text.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// File endings the pipeline reads as articles; other files are reported, not read.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "html", "htm"];

/// The article files directly inside `dir`, sorted by name so every build sees the
/// same order whatever the file system returns.
pub fn list_articles(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
        if path.is_file() && wanted {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads a file as text. Returns the text and notes about what had to be repaired,
/// or a message saying why nothing could be read.
pub fn read_text(path: &Path) -> Result<(String, Vec<String>), String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    let mut notes = Vec::new();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(body) {
        Ok(s) => s.to_owned(),
        Err(e) => {
            notes.push(format!(
                "is not valid UTF-8 (first bad byte at offset {}); unreadable bytes were replaced",
                e.valid_up_to()
            ));
            String::from_utf8_lossy(body).into_owned()
        }
    };
    Ok((text.replace("\r\n", "\n").replace('\r', "\n"), notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_only_article_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.HTML", "c.htm", "notes.md", "z.json"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join("sub.txt")).unwrap();
        let names: Vec<String> = list_articles(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.HTML", "b.txt", "c.htm"]);
    }

    #[test]
    fn strips_bom_and_normalises_line_endings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, b"\xEF\xBB\xBFTitle\r\n\r\nBody\rend").unwrap();
        assert_eq!(read_text(&path).unwrap(), ("Title\n\nBody\nend".to_owned(), vec![]));
    }

    #[test]
    fn invalid_utf8_is_kept_with_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, b"caf\xE9 ok").unwrap();
        let (text, notes) = read_text(&path).unwrap();
        assert!(text.starts_with("caf") && text.ends_with(" ok"));
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("offset 3"), "{notes:?}");
    }
}
