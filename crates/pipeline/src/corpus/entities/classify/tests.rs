//! Each rule of `RULES` and `FALLBACKS` tested alone, by its name: sentences in which a run is
//! decided by that rule, and what the rule finds there.

use std::collections::HashSet;

use super::*;
use crate::corpus::entities::find::lists_exercises;
use crate::corpus::entities::found::Proposals;
use crate::corpus::entities::tokens::{runs, tokens};
use crate::text::sentences;

/// A found mention as the tests write it: `Kind surface [rule]`, then ` as name` when
/// the name differs, ` (role)` and ` else Kind name [rule]` for a surname's fallback.
fn show(f: &Found) -> String {
    let mut out = format!("{:?} {}", f.kind, f.surface);
    if !f.name.is_empty() && f.name != f.surface {
        out += &format!(" as {}", f.name);
    }
    out += &format!(" [{}]", f.rule);
    if let Some(role) = &f.role {
        out += &format!(" ({role})");
    }
    if let Some((kind, name, rule)) = &f.fallback {
        out += &format!(" else {kind:?} {name} [{rule}]");
    }
    out
}

/// Every run of `paragraph` as the rules read it, sentence by sentence, given to `each`
/// (the countries the paragraph names first, as the article's would be).
fn each_run(paragraph: &str, mut each: impl FnMut(&Run<'_>)) {
    let countries: HashSet<String> = super::super::countries_named(&super::super::tests::article_of(paragraph));
    let all = sentences(paragraph);
    let proposals = Proposals::new(paragraph, &all);
    for (index, &sentence) in all.iter().enumerate() {
        let offset = sentence.as_ptr() as usize - paragraph.as_ptr() as usize;
        let toks = tokens(sentence, offset);
        let list_of_exercises = lists_exercises(sentence);
        let context = Context { list_of_exercises, countries: &countries, proposals: &proposals, sentence: index };
        for (start, end) in runs(paragraph, &toks) {
            if let Some(run) = Run::new(paragraph, &toks, start, end, &context) {
                each(&run);
            }
        }
    }
}

/// What is wrong when the runs of `text` that rule `name` of `RULES` decides do not find
/// `expected` (`show`n, in order), or when it decides none.
fn check(name: &str, text: &str, expected: &[&str]) {
    assert!(RULES.iter().any(|(n, _)| *n == name), "no rule {name}");
    let mut got = Vec::new();
    let mut decided = false;
    each_run(text, |run| {
        let (by, found) = decide(run);
        if by == name {
            decided = true;
            got.extend(found.iter().map(show));
        }
    });
    assert!(decided, "{name} decides no run of {text:?}");
    assert_eq!(got, expected, "{name} in {text:?}");
}

/// What is wrong when the lone words of `text` that fallback `name` of `FALLBACKS`
/// decides do not give `expected` (the surnames, `show`n with their fallback).
fn check_fallback(name: &str, text: &str, expected: &[&str]) {
    assert!(FALLBACKS.iter().any(|(n, _)| *n == name), "no fallback {name}");
    let mut got = Vec::new();
    each_run(text, |run| {
        let (by, found) = decide(run);
        if by == "surname" && fallback(run).0 == name {
            got.extend(found.iter().map(show));
        }
    });
    assert!(!got.is_empty(), "{name} decides no lone word of {text:?}");
    assert_eq!(got, expected, "{name} in {text:?}");
}

/// Every rule and fallback has a test of its own name below, and names are not repeated.
#[test]
fn every_rule_has_a_test_by_its_name() {
    let source = include_str!("tests.rs");
    let rules: Vec<&str> = RULES.iter().map(|(n, _)| *n).collect();
    crate::testing::assert_every_rule_has_a_test("rules", &rules, source);
    let fallbacks: Vec<&str> = FALLBACKS.iter().map(|(n, _)| *n).collect();
    crate::testing::assert_every_rule_has_a_test("fallbacks", &fallbacks, source);
}

mod rules {
    use super::check;

    #[test]
    fn title_of_office() {
        check(
            "title-of-office",
            "Minister of Defense Ana Rojas met them.",
            &["Person Ana Rojas [name] (Minister of Defense) else Person Ana Rojas [name]"],
        );
        check(
            "title-of-office",
            "President of Chile Mateo Luis Ortega spoke.",
            &[
                "Place Chile [name]",
                "Person Mateo Luis Ortega [name] (President of Chile) else Person Mateo Luis Ortega [name]",
            ],
        );
        // The courtesy title is no part of the office.
        check(
            "title-of-office",
            "Chile's Minister of Defence Mr. Mateo Ortega spoke.",
            &["Person Mateo Ortega [name] (Chile's Minister of Defence) else Person Mateo Ortega [name]"],
        );
    }

    #[test]
    fn title() {
        check(
            "title",
            "Norway's Defence Minister Ola Nordmann met troops.",
            &["Person Ola Nordmann [name] (Norway's Defence Minister) else Person Ola Nordmann [name]"],
        );
        check(
            "title",
            "Major General Ana Rojas, commander of the border troops, spoke.",
            &["Person Ana Rojas [name] (Major General, commander of the border troops) else Person Ana Rojas [name]"],
        );
        check(
            "title",
            "Lt. Gen. Kerim Veliyev observed it.",
            &["Person Kerim Veliyev [name] (Lt. Gen.) else Person Kerim Veliyev [name]"],
        );
    }

    #[test]
    fn lowercase_role() {
        check(
            "lowercase-role",
            "his Chilean counterpart Ana Rojas arrived.",
            &["Person Ana Rojas [name] (Chilean counterpart)"],
        );
    }

    #[test]
    fn role_before_comma() {
        check(
            "role-before-comma",
            "They met the Azerbaijani ambassador to Chile, Lars Holm, on Monday.",
            &["Person Lars Holm [name] (Azerbaijani ambassador to Chile)"],
        );
    }

    #[test]
    fn edition() {
        check("edition", "The Northern Shield-2019 exercises began.", &["Exercise Northern Shield-2019 [name]"]);
        check("edition", "Crews visited the Aerofest-2023 fair.", &["Event Aerofest-2023 [name]"]);
    }

    #[test]
    fn agreement_head() {
        check(
            "agreement-head",
            "The Treaty of Lisbon and the Oslo Accords matter.",
            &["Agreement Treaty of Lisbon [name]", "Agreement Oslo Accords [name]"],
        );
    }

    #[test]
    fn before_exercise_word() {
        // "Joint" describes exercises, it names none.
        check("before-exercise-word", "Efes exercises began. Joint exercises followed.", &["Exercise Efes [name]"]);
    }

    #[test]
    fn after_exercise_word() {
        check(
            "after-exercise-word",
            "The navies ended the bilateral exercise Turgutreis-IX early. During the exercise Azerbaijan sent troops.",
            &["Exercise Turgutreis-IX [name]"],
        );
    }

    #[test]
    fn event_head() {
        check("event-head", "Delegates met at the Eurasian Economic Forum.", &["Event Eurasian Economic Forum [name]"]);
    }

    #[test]
    fn dateline() {
        check(
            "dateline",
            "KAGRAD, Oct. 20 (Daily) -- Talks resumed in Kagrad.",
            &["Place KAGRAD as Kagrad [dateline]"],
        );
    }

    #[test]
    fn initials() {
        check(
            "initials",
            "The USA and the UAE agreed.",
            &["Place USA as United States [initials]", "Place UAE as United Arab Emirates [initials]"],
        );
    }

    #[test]
    fn organisation() {
        check(
            "organisation",
            "NATO, the UN and the Kenyan Defence Ministry met.",
            &["Organization NATO [name]", "Organization UN [name]", "Organization Kenyan Defence Ministry [name]"],
        );
    }

    #[test]
    fn organisation_of_place() {
        check(
            "organisation-of-place",
            "The State Border Service of Chile and ASELSAN reported it.",
            &["Organization State Border Service of Chile [name]", "Place Chile [name]"],
        );
    }

    #[test]
    fn place_head() {
        check("place-head", "Troops crossed the Danube River near Vienna.", &["Place Danube River [name]"]);
    }

    #[test]
    fn gazetteer() {
        check(
            "gazetteer",
            "Talks in Punta Arenas and Turkey ended. Some Chilean troops left.",
            &["Place Punta Arenas [name]", "Place Turkey as Türkiye [gazetteer]", "Place Chilean as Chile [demonym]"],
        );
    }

    #[test]
    fn list_of_exercises() {
        check(
            "list-of-exercises",
            "They held drills such as Blue Falcon, Red Wolf in 2020.",
            &["Exercise Blue Falcon [name]", "Exercise Red Wolf [name]"],
        );
    }

    #[test]
    fn speaker() {
        check(
            "speaker",
            "The talks went well, Maria Lopez said. It was signed by Ana Rojas, director of the port.",
            &["Person Maria Lopez [name]", "Person Ana Rojas [name]"],
        );
    }

    #[test]
    fn apposition() {
        check(
            "apposition",
            "Ana Rojas, an analyst at the Andean Institute, agreed.",
            &["Person Ana Rojas [name] (analyst at the Andean Institute)"],
        );
    }

    #[test]
    fn surname() {
        // A demonym pair is never a surname: its countries.
        check(
            "surname",
            "Lund added that Peruvian-Chilean drills went well.",
            &["Person Lund [surname]", "Place Peruvian as Peru [demonym]", "Place Chilean as Chile [demonym]"],
        );
    }

    #[test]
    fn tagger() {
        check(
            "tagger",
            "Takuya Takagi scored twice. Shares of Gazprom rose.",
            &["Person Takuya Takagi [tagger]", "Organization Gazprom [tagger]"],
        );
    }
}

mod fallbacks {
    use super::check_fallback;

    #[test]
    fn team() {
        check_fallback("team", "They played Ajax at home.", &["Person Ajax [surname] else Organization Ajax [tagger]"]);
    }

    #[test]
    fn common_word() {
        check_fallback("common-word", "Police said the talks ended.", &["Person Police [surname]"]);
    }

    #[test]
    fn place() {
        check_fallback(
            "place",
            "Troops crossed the river near Vienna.",
            &["Person Vienna [surname] else Place Vienna [name]"],
        );
    }

    #[test]
    fn outlet() {
        check_fallback(
            "outlet",
            "Daily reports that talks ended.",
            &["Person Daily [surname] else Organization Daily [name]"],
        );
    }

    #[test]
    fn context() {
        check_fallback(
            "context",
            "Troops moved near Kagrad on Monday.",
            &["Person Kagrad [surname] else Place Kagrad [context]"],
        );
    }

    #[test]
    fn tagger() {
        check_fallback(
            "tagger",
            "The deal with Reuters was signed.",
            &["Person Reuters [surname] else Organization Reuters [tagger]"],
        );
    }
}
