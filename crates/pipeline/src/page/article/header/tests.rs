//! Each rule of `RULES` tested alone, by its name: a short page or text in the layout
//! the rule reads, what the article is with it, and that the article differs without it.

use std::path::Path;

use model::Article;

use super::*;

/// The article as the tests read it: one `field: value` line a field.
fn show(a: &Article) -> Vec<String> {
    let join = |list: &mut dyn Iterator<Item = &str>| list.collect::<Vec<_>>().join(" | ");
    vec![
        format!("title: {}{}", a.title, if a.title_stated { "" } else { " (derived)" }),
        format!("authors: {}", join(&mut a.authors.iter().map(String::as_str))),
        format!("outlets: {}", join(&mut a.outlets.iter().map(String::as_str))),
        format!("credited: {}", join(&mut a.credited.iter().map(|c| &**c))),
        match &a.published {
            Some(p) => format!("published: {} {:?}", p.start.iso(), p.basis),
            None => "published: none".to_owned(),
        },
        format!("lead: {}", a.lead()),
        format!("paragraphs: {}", a.paragraphs.len()),
        format!("removed: {}", join(&mut a.removed.iter().map(|r| &**r))),
    ]
}

/// The article of `input` (a file named `file`) with the header lines read by `rules`.
fn article(file: &str, input: &str, rules: &[(&str, Rule)]) -> Vec<String> {
    let (article, _) = super::super::parse_by(Path::new(file), input, rules).expect("an article");
    show(&article)
}

/// What is wrong when the article of `input` lacks a line of `expected` (as [`show`]
/// writes them), or has them all without rule `name` too: the case must need the rule.
fn check(name: &str, file: &str, input: &str, expected: &[&str]) {
    assert!(RULES.iter().any(|(n, _)| *n == name), "no rule {name}");
    let with = article(file, input, RULES);
    let missing: Vec<&&str> = expected.iter().filter(|e| !with.iter().any(|l| l == *e)).collect();
    assert!(missing.is_empty(), "{name}: {missing:?} not in\n{}", with.join("\n"));
    let others: Vec<(&str, Rule)> = RULES.iter().copied().filter(|(n, _)| *n != name).collect();
    let without = article(file, input, &others);
    assert!(
        expected.iter().any(|e| !without.iter().any(|l| l == e)),
        "{name}: the article reads the same without the rule:\n{}",
        without.join("\n")
    );
}

/// Every rule has a test of its own name below, and names are not repeated.
#[test]
fn every_rule_has_a_test_by_its_name() {
    let names: Vec<&str> = RULES.iter().map(|(n, _)| *n).collect();
    crate::testing::assert_every_rule_has_a_test("header rules", &names, include_str!("tests.rs"));
}

mod rules {
    use super::check;

    const BODY: &str = "The ministers met on Monday in the capital.\n\nThey talked for an hour.";

    #[test]
    fn wire_headline() {
        check(
            "wire-headline",
            "x/wire.txt",
            &format!("HARBOUR SHARES JUMP.\n\nLONDON 1996-08-30\n\n{BODY}"),
            &[
                "title: HARBOUR SHARES JUMP", "published: 1996-08-30 Stated",
                "lead: The ministers met on Monday in the capital.",
            ],
        );
        // Not in capitals, its dateline under it.
        check(
            "wire-headline",
            "x/wire.txt",
            &format!("Harbour operator shares jump on forecast.\n\nST. LOUIS 1996-08-30\n\n{BODY}"),
            &["title: Harbour operator shares jump on forecast"],
        );
    }

    #[test]
    fn wire_reporter() {
        check(
            "wire-reporter",
            "x/wire.txt",
            &format!("Harbour shares jump as forecasts rise.\n\nAnn Lee\n\nWIGAN, England 1996-08-30\n\n{BODY}"),
            &["authors: Ann Lee", "credited: “Ann Lee”"],
        );
    }

    #[test]
    fn kicker() {
        check(
            "kicker",
            "x/fixture.txt",
            &format!("Politics\n\nMinisters meet in Tbilisi on Monday\n\n{BODY}"),
            &["title: Ministers meet in Tbilisi on Monday", "removed: Politics"],
        );
    }

    #[test]
    fn byline() {
        check(
            "byline",
            "x/fixture.txt",
            &format!("Ministers meet in Tbilisi\n\nBy Jane Roe | 14 March 2023\n\n{BODY}"),
            &["authors: Jane Roe", "published: 2023-03-14 Stated", "lead: The ministers met on Monday in the capital."],
        );
    }

    #[test]
    fn credit_line() {
        check(
            "credit-line",
            "x/fixture.txt",
            &format!("Ministers meet in Tbilisi\n\nAnn de Vries · January 15, 2024 · 4 min read\n\n{BODY}"),
            &["authors: Ann de Vries", "published: 2024-01-15 Stated"],
        );
    }

    #[test]
    fn place_dateline() {
        check(
            "place-dateline",
            "x/fixture.txt",
            &format!("Ministers meet in Baku\n\nBaku, 14 September 2023, Report\n\n{BODY}"),
            &["outlets: Report", "published: 2023-09-14 Stated", "lead: The ministers met on Monday in the capital."],
        );
    }

    #[test]
    fn place_outlet() {
        check(
            "place-outlet",
            "x/fixture.txt",
            &format!("Ministers meet in Ankara\n\nANKARA - Anadolu Agency\n\n{BODY}"),
            &["outlets: Anadolu Agency", "lead: The ministers met on Monday in the capital."],
        );
    }

    #[test]
    fn date_line() {
        check(
            "date-line",
            "x/fixture.txt",
            &format!("Ministers meet in Ankara\n\n17 April 2023 12:30\n\n{BODY}"),
            &["published: 2023-04-17 Stated", "lead: The ministers met on Monday in the capital."],
        );
    }

    #[test]
    fn glued_byline() {
        check(
            "glued-byline",
            "x/fixture.txt",
            "Drills start\n\nBy DailyBy Ann LeeOn Monday, troops moved north, Daily reports.The drills last a week.",
            &[
                "authors: Ann Lee",
                "outlets: Daily",
                "lead: On Monday, troops moved north, Daily reports. The drills last a week.",
            ],
        );
    }

    #[test]
    fn headline() {
        check(
            "headline",
            "x/fixture.txt",
            &format!("Ministers meet in Tbilisi\n\n{BODY}"),
            &["title: Ministers meet in Tbilisi", "lead: The ministers met on Monday in the capital."],
        );
    }

    #[test]
    fn mixed_case_headline() {
        check(
            "mixed-case-headline",
            "x/fixture.txt",
            &format!(
                "ISTANBUL DAILY SABAH WITH AA\n\nPublished 05.10.2021 11:20\n\nForces wrap up joint drills in Lachin\n\n{BODY}"
            ),
            &["title: Forces wrap up joint drills in Lachin", "removed: ISTANBUL DAILY SABAH WITH AA"],
        );
    }

    #[test]
    fn headline_again() {
        check(
            "headline-again",
            "x/fixture.txt",
            &format!("Ports reopen after the storm\n\nPorts reopen after the storm\n\n{BODY}"),
            &["removed: Ports reopen after the storm", "lead: The ministers met on Monday in the capital."],
        );
    }

    #[test]
    fn section_label() {
        check(
            "section-label",
            "x/fixture.txt",
            &format!("Ministers meet in Tbilisi\n\nWorld news\n\n{BODY}"),
            &["removed: World news", "lead: The ministers met on Monday in the capital."],
        );
    }

    #[test]
    fn place_alone() {
        check(
            "place-alone",
            "x/wire.txt",
            &format!("Harbour shares jump.\n\nFARMINGTON HILLS, Mich.\n\n1996-08-30\n\n{BODY}"),
            &["removed: FARMINGTON HILLS, Mich.", "lead: The ministers met on Monday in the capital."],
        );
    }

    #[test]
    fn header_line() {
        // A line the page puts between its headline and the text, whatever it says.
        check(
            "header-line",
            "x/page.html",
            r#"<html><body><h1>Navies hold drills</h1><div class="meta">Special report from the coast</div>
            <p>The navies held drills on July 11 near the coast, officials said.</p>
            <p>The drills lasted three days and ended without incident.</p></body></html>"#,
            &[
                "removed: Special report from the coast",
                "lead: The navies held drills on July 11 near the coast, officials said.",
            ],
        );
    }

    #[test]
    fn standfirst() {
        check(
            "standfirst",
            "x/fixture.txt",
            &format!("Ministers meet in Ankara\n\nTalks review the Shusha Declaration\n\n10 March 2023\n\n{BODY}"),
            &["lead: Talks review the Shusha Declaration", "published: 2023-03-10 Stated", "paragraphs: 3"],
        );
    }
}
