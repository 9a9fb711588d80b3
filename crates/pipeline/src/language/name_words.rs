//! The word lists the entity rules read: titles and ranks, the head words that make a name an
//! organisation, a place, an agreement or an event, the words around exercises, speech verbs,
//! the capitalised words that never start a name, and the small words around a role or a place.
//! Written for the rules; none comes from the bundled articles or the development corpora. The entity rules (`crate::corpus::entities`) and
//! the tagger's features read them.
//!
//! The lists themselves are data: `assets/entities/words.txt`, one section a list.

use std::sync::LazyLock;

/// The data file, read at compile time.
static FILE: &str = include_str!("../../../../assets/entities/words.txt");

/// The words of section `[name]` of the data file, in order; a missing section is a
/// programming error (a test reads every list).
fn list(name: &str) -> Vec<&'static str> {
    crate::rules::section(FILE, "assets/entities/words.txt", name)
}

/// Titles and ranks written capitalised before a name ("Defence Minister Zakir …").
pub(crate) static TITLES: LazyLock<Vec<&str>> = LazyLock::new(|| list("TITLES"));

/// The same roles written in lowercase before a name ("his Chilean counterpart Ana Rojas").
pub(crate) static LOWER_TITLES: LazyLock<Vec<&str>> = LazyLock::new(|| list("LOWER_TITLES"));

/// Last words that make a name an organisation.
pub(crate) static ORG_HEADS: LazyLock<Vec<&str>> = LazyLock::new(|| list("ORG_HEADS"));

/// Last words of a company's or a research body's name ("Tobror Shipbuilding",
/// "Mofar Institute for Regional Studies"), which no person's name ends with.
pub(crate) static COMPANY_HEADS: LazyLock<Vec<&str>> = LazyLock::new(|| list("COMPANY_HEADS"));

/// First words of a place's name ("Port Harcourt", "Mount Ararat", "New Delhi").
pub(crate) static PLACE_FIRST_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| list("PLACE_FIRST_WORDS"));

/// Last words that make a name a place.
pub(crate) static PLACE_HEADS: LazyLock<Vec<&str>> = LazyLock::new(|| list("PLACE_HEADS"));

/// Words that make a name an agreement.
pub(crate) static AGREEMENT_HEADS: LazyLock<Vec<&str>> = LazyLock::new(|| list("AGREEMENT_HEADS"));

/// Last words that make a name an event.
pub(crate) static EVENT_HEADS: LazyLock<Vec<&str>> = LazyLock::new(|| list("EVENT_HEADS"));

/// Lowercase words after an edition name that make it an event rather than an exercise.
pub(crate) static EVENT_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| list("EVENT_WORDS"));

/// Lowercase words after a name that make it a military exercise.
pub(crate) static EXERCISE_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| list("EXERCISE_WORDS"));

/// Lowercase words after a name that mark it as a speaker.
pub(crate) static SPEECH_VERBS: LazyLock<Vec<&str>> = LazyLock::new(|| list("SPEECH_VERBS"));

/// Words that describe exercises rather than name one ("Joint exercises began …").
pub(crate) static EXERCISE_ADJECTIVES: LazyLock<Vec<&str>> = LazyLock::new(|| list("EXERCISE_ADJECTIVES"));

/// Lowercase words besides [`LOWER_TITLES`] that make an apposition a person's role.
pub(crate) static APPOSITION_ROLES: LazyLock<Vec<&str>> = LazyLock::new(|| list("APPOSITION_ROLES"));

/// Capitalised words that start sentences or join clauses but never start a name.
pub(crate) static FUNCTION_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| list("FUNCTION_WORDS"));

/// Lowercase words allowed inside a name ("Treaty of Kars", "Declaration on Allied Relations").
/// Name particles (`crate::page::words::NAME_PARTICLES`) join a name too, and are not counted among a
/// person's name's words.
pub(crate) static CONNECTORS: LazyLock<Vec<&str>> = LazyLock::new(|| list("CONNECTORS"));

/// Capitalised words that are calendar words, never parts of names.
pub(crate) static CALENDAR: LazyLock<Vec<&str>> = LazyLock::new(|| list("CALENDAR"));

/// Words that end an office named after a title ("Minister of Foreign Affairs").
pub(crate) static OFFICE_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| list("OFFICE_WORDS"));

/// Titles written short with a full stop ("Lt. Gen. Ann Lee"), which does not end the name.
pub(crate) static SHORT_TITLES: LazyLock<Vec<&str>> = LazyLock::new(|| list("SHORT_TITLES"));

/// Words set in capitals that label a story, not name an organisation ("BREAKING").
pub(crate) static CAPITALS_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| list("CAPITALS_WORDS"));

/// Words a lowercase role before a name does not reach back over (determiners, joins).
pub(crate) static ROLE_BOUNDARIES: LazyLock<Vec<&str>> = LazyLock::new(|| list("ROLE_BOUNDARIES"));

/// Lowercase words of a role's complement before the comma of a name in apposition.
pub(crate) static ROLE_COMPLEMENTS: LazyLock<Vec<&str>> = LazyLock::new(|| list("ROLE_COMPLEMENTS"));

/// Prepositions that make a lone capitalised word after them a place when nothing else decides.
pub(crate) static LOCATIVES: LazyLock<Vec<&str>> = LazyLock::new(|| list("LOCATIVES"));

/// Roman numerals in capitals, which are no acronyms.
pub(crate) static ROMAN_NUMERALS: LazyLock<Vec<&str>> = LazyLock::new(|| list("ROMAN_NUMERALS"));

/// Courtesy titles cut from the end of an office before a name ("… Industry Mr."), longest first.
pub(crate) static COURTESY_TITLES: LazyLock<Vec<&str>> = LazyLock::new(|| list("COURTESY_TITLES"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read_whole_from_the_data_file() {
        let lists: [(&str, &LazyLock<Vec<&str>>, usize); 24] = [
            ("TITLES", &TITLES, 59),
            ("LOWER_TITLES", &LOWER_TITLES, 20),
            ("ORG_HEADS", &ORG_HEADS, 40),
            ("COMPANY_HEADS", &COMPANY_HEADS, 36),
            ("PLACE_FIRST_WORDS", &PLACE_FIRST_WORDS, 6),
            ("PLACE_HEADS", &PLACE_HEADS, 19),
            ("AGREEMENT_HEADS", &AGREEMENT_HEADS, 10),
            ("EVENT_HEADS", &EVENT_HEADS, 15),
            ("EVENT_WORDS", &EVENT_WORDS, 10),
            ("EXERCISE_WORDS", &EXERCISE_WORDS, 8),
            ("SPEECH_VERBS", &SPEECH_VERBS, 14),
            ("EXERCISE_ADJECTIVES", &EXERCISE_ADJECTIVES, 30),
            ("APPOSITION_ROLES", &APPOSITION_ROLES, 14),
            ("FUNCTION_WORDS", &FUNCTION_WORDS, 73),
            ("CONNECTORS", &CONNECTORS, 3),
            ("CALENDAR", &CALENDAR, 19),
            ("OFFICE_WORDS", &OFFICE_WORDS, 17),
            ("SHORT_TITLES", &SHORT_TITLES, 14),
            ("CAPITALS_WORDS", &CAPITALS_WORDS, 14),
            ("ROLE_BOUNDARIES", &ROLE_BOUNDARIES, 11),
            ("ROLE_COMPLEMENTS", &ROLE_COMPLEMENTS, 8),
            ("LOCATIVES", &LOCATIVES, 5),
            ("ROMAN_NUMERALS", &ROMAN_NUMERALS, 4),
            ("COURTESY_TITLES", &COURTESY_TITLES, 6),
        ];
        for (name, list, expected) in lists {
            assert_eq!(list.len(), expected, "[{name}]");
            assert!(list.iter().all(|w| !w.is_empty() && w.trim() == *w), "[{name}]");
        }
    }
}
