//! The word lists that read a page's metadata, credits, datelines and furniture:
//! byline words, name particles, the words of date lines and credit lines, section
//! headings and appeals. The lists are data, `assets/page/words.txt`, a section a list;
//! the furniture rules are `assets/page/furniture.tsv` (`clean`).

use std::sync::LazyLock;

use crate::rules::section;

/// The data file, read at compile time.
static FILE: &str = include_str!("../../../../assets/page/words.txt");

fn list(name: &str) -> Vec<&'static str> {
    section(FILE, "assets/page/words.txt", name)
}

/// Byline words that name a role or a desk, never a person.
pub(crate) static GENERIC: LazyLock<Vec<&str>> = LazyLock::new(|| list("GENERIC"));
/// Words that make a byline's name an organisation.
pub(crate) static ORGANISATION: LazyLock<Vec<&str>> = LazyLock::new(|| list("ORGANISATION"));
/// Lowercase words a person's name may hold ("Mohamed bin Zayed").
pub(crate) static NAME_PARTICLES: LazyLock<Vec<&str>> = LazyLock::new(|| list("NAME_PARTICLES"));
/// The word that introduces a publication date (a pattern's alternatives).
pub(crate) static PUBLISHED: LazyLock<Vec<&str>> = LazyLock::new(|| list("PUBLISHED"));
/// Verbs of reporting that, with "on" after them, give the report's date.
pub(crate) static REPORTED_ON: LazyLock<Vec<&str>> = LazyLock::new(|| list("REPORTED_ON"));
/// Words a date line holds besides its date.
pub(crate) static DATELINE_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| list("DATELINE_WORDS"));
/// The roles of a wire's closing credit line.
pub(crate) static CREDIT_ROLES: LazyLock<Vec<&str>> = LazyLock::new(|| list("CREDIT_ROLES"));
/// The verbs after an agency's name that end a lead.
pub(crate) static AGENCY_VERBS: LazyLock<Vec<&str>> = LazyLock::new(|| list("AGENCY_VERBS"));
/// Headings of lists of links.
pub(crate) static SECTION_HEADINGS: LazyLock<Vec<&str>> = LazyLock::new(|| list("SECTION_HEADINGS"));
/// Openings of a block that links to another story.
pub(crate) static INLINE_SECTIONS: LazyLock<Vec<&str>> = LazyLock::new(|| list("INLINE_SECTIONS"));
/// An outlet speaking to its reader.
pub(crate) static APPEALS: LazyLock<Vec<&str>> = LazyLock::new(|| list("APPEALS"));
/// Words that end a name in a byline, introducing its date.
pub(crate) static BYLINE_END: LazyLock<Vec<&str>> = LazyLock::new(|| list("BYLINE_END"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read_whole_from_the_data_file() {
        let lists: [(&str, &LazyLock<Vec<&str>>, usize); 12] = [
            ("GENERIC", &GENERIC, 14),
            ("ORGANISATION", &ORGANISATION, 16),
            ("NAME_PARTICLES", &NAME_PARTICLES, 14),
            ("PUBLISHED", &PUBLISHED, 2),
            ("REPORTED_ON", &REPORTED_ON, 10),
            ("DATELINE_WORDS", &DATELINE_WORDS, 34),
            ("CREDIT_ROLES", &CREDIT_ROLES, 7),
            ("AGENCY_VERBS", &AGENCY_VERBS, 2),
            ("SECTION_HEADINGS", &SECTION_HEADINGS, 33),
            ("INLINE_SECTIONS", &INLINE_SECTIONS, 10),
            ("APPEALS", &APPEALS, 7),
            ("BYLINE_END", &BYLINE_END, 4),
        ];
        for (name, list, expected) in lists {
            assert_eq!(list.len(), expected, "[{name}]");
            assert!(list.iter().all(|w| !w.is_empty() && w.trim() == *w), "[{name}]");
        }
    }
}
