//! Rules as data: the word lists and patterns the stages read from files under
//! `assets/`, each a section `[NAME]` of a file (its comments say where the words came
//! from), one entry a line, `#` starting a comment line. A base module: it imports no
//! other pipeline module.

/// The entries of section `[name]` of `file` (named `path` in messages), in order;
/// a missing section is a programming error, which the tests of each list catch.
pub(crate) fn section(file: &'static str, path: &str, name: &str) -> Vec<&'static str> {
    let header = format!("[{name}]");
    let mut lines = file.lines().map(str::trim).skip_while(|l| *l != header);
    assert!(lines.next().is_some(), "{path} has no section {header}");
    lines.take_while(|l| !is_header(l)).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Whether a line opens a section: `[NAME]`, the name a capital letter then capitals,
/// digits and underscores (an entry of a pattern may start with a bracket: `[Ii]n`).
fn is_header(line: &str) -> bool {
    line.strip_prefix('[').and_then(|l| l.strip_suffix(']')).is_some_and(|name| {
        name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    })
}

/// `entries` as one regular-expression alternation, `a|b|c`, in the file's order (the
/// first alternative that matches wins); each entry is a pattern of its own.
pub(crate) fn alternation(entries: &[&str]) -> String {
    entries.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# comment\n[ONE]\n# what it is\na\nb c\n\n[TWO]\nd\n[Ii]n\n[THREE_4]\n";

    #[test]
    fn a_section_is_its_lines_without_comments_or_blanks() {
        assert_eq!(section(FILE, "test", "ONE"), ["a", "b c"]);
        assert_eq!(section(FILE, "test", "TWO"), ["d", "[Ii]n"], "a pattern's bracket opens no section");
        assert_eq!(alternation(&section(FILE, "test", "ONE")), "a|b c");
    }

    #[test]
    #[should_panic(expected = "test has no section [FOUR]")]
    fn a_missing_section_is_a_programming_error() {
        section(FILE, "test", "FOUR");
    }
}
