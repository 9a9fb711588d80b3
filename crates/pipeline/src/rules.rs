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
    lines.take_while(|l| !l.starts_with('[')).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// `entries` as one regular-expression alternation, `a|b|c`, in the file's order (the
/// first alternative that matches wins); each entry is a pattern of its own.
pub(crate) fn alternation(entries: &[&str]) -> String {
    entries.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# comment\n[ONE]\n# what it is\na\nb c\n\n[TWO]\nd\n";

    #[test]
    fn a_section_is_its_lines_without_comments_or_blanks() {
        assert_eq!(section(FILE, "test", "ONE"), ["a", "b c"]);
        assert_eq!(section(FILE, "test", "TWO"), ["d"]);
        assert_eq!(alternation(&section(FILE, "test", "ONE")), "a|b c");
    }

    #[test]
    #[should_panic(expected = "test has no section [THREE]")]
    fn a_missing_section_is_a_programming_error() {
        section(FILE, "test", "THREE");
    }
}
