//! The article parser's tests: one short page or text a case, each layout news uses.

use model::{Basis, Date};

use super::title::derive_title;
use super::*;

#[test]
fn derived_titles_skip_broadcast_openers_and_greetings() {
    let cases = [
        (
            "CNN headline news, I'm Sachi Koto. Diplomacy appears to be making headway with Iraq.",
            "Diplomacy appears to be making headway with Iraq",
        ),
        (
            "Good evening. The council voted on Tuesday to close the port.",
            "The council voted on Tuesday to close the port",
        ),
        ("This is NPR News. Rains are expected across California.", "Rains are expected across California"),
        ("Welcome back to the programme. Markets fell sharply today.", "Markets fell sharply today"),
        // News that happens to begin like an opener, or to quote one, stays.
        (
            "This is the largest strike in the country's history, unions said.",
            "This is the largest strike in the country's history, unions said",
        ),
        ("Good Friday talks resumed in Belfast.", "Good Friday talks resumed in Belfast"),
        // All openers: the first is the title.
        ("Good evening.", "Good evening"),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(lead, title)| derive_title(lead) != *title)
        .map(|(lead, title)| format!("{lead:?}: {:?}, not {title:?}", derive_title(lead)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn parse(name: &str, input: &str) -> Article {
    parse_article(Path::new(name), input).expect("an article")
}

/// Compares (title, title_stated, authors, outlets, published ISO + basis, first paragraph).
#[allow(clippy::too_many_arguments)]
fn check(
    input: &str,
    title: &str,
    stated: bool,
    authors: &[&str],
    outlets: &[&str],
    date: Option<(&str, &str)>,
    lead: &str,
) {
    let a = parse("x/fixture.txt", input);
    assert_eq!(a.title, title, "title");
    assert_eq!(a.title_stated, stated, "title_stated");
    assert_eq!(a.authors, authors, "authors");
    assert_eq!(a.outlets, outlets, "outlets");
    let got = a.published.as_ref().map(|p| (p.start.iso(), format!("{:?}", p.basis)));
    assert_eq!(got.as_ref().map(|(d, b)| (d.as_str(), b.as_str())), date, "published");
    assert_eq!(a.lead(), lead, "lead");
    assert_eq!((&*a.id, &*a.file), ("fixture", "fixture.txt"));
}

#[test]
fn headline_then_byline_with_single_line_paragraphs() {
    check(
        "Ministers meet in Tbilisi\nBy Jane Roe\nThe ministers met on Monday.\nThey talked.",
        "Ministers meet in Tbilisi",
        true,
        &["Jane Roe"],
        &[],
        None,
        "The ministers met on Monday.",
    );
}

#[test]
fn dateline_and_byline_on_one_line_without_headline() {
    check(
        " date 2023-03-09 By Jon Doe\n\nThe navy held drills near the coast on Tuesday, officials said.\n\nMore text.",
        "The navy held drills near the coast on Tuesday, officials said",
        false,
        &["Jon Doe"],
        &[],
        Some(("2023-03-09", "Stated")),
        "The navy held drills near the coast on Tuesday, officials said.",
    );
}

#[test]
fn breadcrumb_is_never_the_title_and_hard_wraps_are_joined() {
    let a = parse(
        "x/fixture.txt",
        "Home >> World >> Today\n\nPort reopens after storm ...\n\nLink [2019-07-01 10:00:00]\n\nThe port\nreopened today.",
    );
    assert_eq!(a.title, "Port reopens after storm ...");
    assert_eq!(a.published.unwrap().start.iso(), "2019-07-01");
    assert_eq!(a.paragraphs, ["The port reopened today."]);
    assert_eq!(a.removed, ["Home >> World >> Today"]);
}

#[test]
fn glued_byline_outlet_and_sentences() {
    check(
        "Drills start\n\nBy DailyBy Ann LeeOn Monday, troops moved north, Daily reports.The drills last a week.",
        "Drills start",
        true,
        &["Ann Lee"],
        &["Daily"],
        None,
        "On Monday, troops moved north, Daily reports. The drills last a week.",
    );
}

#[test]
fn lowercase_byline_with_its_date_and_share_buttons_before_a_glued_dateline() {
    check(
        "Corvette launched in Istanbul\n\nby Mehmet Yilmaz | Published: 15 August 2021\n\nThe corvette was launched on Sunday.\n\nThe second ship follows in 2023.",
        "Corvette launched in Istanbul",
        true,
        &["Mehmet Yilmaz"],
        &[],
        Some(("2021-08-15", "Stated")),
        "The corvette was launched on Sunday.",
    );
    let a = parse(
        "x/fixture.txt",
        "Drills end\n\nShare on Facebook Share on Twitter\n\nBy Ayesha KhanKARACHI, March 14 –\n\nThe navies ended their drills on Tuesday.",
    );
    assert_eq!(
        (a.authors.as_slice(), a.lead()),
        (&["Ayesha Khan".to_owned()][..], "The navies ended their drills on Tuesday.")
    );
    assert_eq!(a.removed, ["Share on Facebook Share on Twitter"]);
}

#[test]
fn a_headline_written_twice_is_read_once() {
    check(
        "Ports reopen after the storm\nPorts reopen after the storm\n\n17 April 2023 12:30\n\nThe ports reopened on Monday.\n\nShips sailed.",
        "Ports reopen after the storm",
        true,
        &[],
        &[],
        Some(("2023-04-17", "Stated")),
        "The ports reopened on Monday.",
    );
}

#[test]
fn a_publication_line_may_close_the_body() {
    check(
        "BAKU (AP) — Troops began drills on Monday.\n\nThey end on Friday.\n\nPublished 11:20 AM EST, Thu October 6, 2022",
        "Troops began drills on Monday",
        false,
        &[],
        &["AP"],
        Some(("2022-10-06", "Stated")),
        "BAKU (AP) — Troops began drills on Monday.",
    );
    let a = parse(
        "x/fixture.txt",
        "Troops began drills on Monday.\n\nPublished reports say 2,000 took part on 6 October 2022 near the border.",
    );
    assert_eq!(a.paragraphs.len(), 2, "a sentence that starts with “Published” is text");
}

#[test]
fn a_dateline_names_its_agency_as_the_outlet() {
    for (lead, outlet) in [
        ("BAKU, Azerbaijan (AP) — Troops began drills on Monday.", Some("AP")),
        ("Baku, October 5 (AZERTAC). The drills ended.", Some("AZERTAC")),
        ("ANKARA, Sept 21 (Reuters) - Troops ended drills.", Some("Reuters")),
        ("Officials (two of them) - said so on Monday.", None),
    ] {
        let a = parse("x/fixture.txt", &format!("Drills end\n\n{lead}\n\nMore text here."));
        assert_eq!(a.outlets.first().map(|o| o.as_ref()), outlet, "{lead}");
    }
}

#[test]
fn a_line_in_capitals_gives_way_to_the_headline_after_the_date() {
    check(
        "ISTANBUL DAILY SABAH WITH AA\nPublished 05.10.2021 11:20\n\nForces wrap up joint drills in Lachin\n\nThe forces completed the drills.",
        "Forces wrap up joint drills in Lachin",
        true,
        &[],
        &[],
        Some(("2021-10-05", "Stated")),
        "The forces completed the drills.",
    );
    let a = parse("x/fixture.txt", "FORCES WRAP UP DRILLS IN LACHIN\n\nThe forces completed the drills on Monday.");
    assert_eq!(a.title, "FORCES WRAP UP DRILLS IN LACHIN", "a headline in capitals with none after it stays");
}

#[test]
fn html_chrome_before_the_headline_is_removed_and_the_byline_after_it_read() {
    let a = parse(
        "x/page.html",
        r#"<html><body><div class="header-top"><span>Baku +28°C</span> <span>USD 1.7</span></div>
        <h1>Navies hold drills</h1><div class="meta">12 July 2022 09:30 By Rauf Mammadov</div>
        <p>The navies held drills on July 11.</p></body></html>"#,
    );
    assert_eq!((a.title.as_ref(), a.lead()), ("Navies hold drills", "The navies held drills on July 11."));
    assert_eq!(a.authors, ["Rauf Mammadov"]);
    assert_eq!(a.published.map(|p| p.start.iso()).as_deref(), Some("2022-07-12"));
    assert_eq!(a.removed, ["Baku +28°C USD 1.7"]);
}

#[test]
fn a_lead_dateline_states_the_date_and_a_source_line_the_outlet() {
    check(
        "Forces complete training\n\nBaku, 14 June 2023 — Special forces completed a course on Wednesday.\n\nThe course included climbing.\n\nSource: Trend\n\nPrint this article",
        "Forces complete training",
        true,
        &[],
        &["Trend"],
        Some(("2023-06-14", "Stated")),
        "Baku, 14 June 2023 — Special forces completed a course on Wednesday.",
    );
    let a = parse(
        "x/fixture.txt",
        "Forces complete training\n\nBaku, the capital, hosted drills — in 2023, they said.\n\nMore.",
    );
    assert_eq!(a.published.map(|p| p.basis), Some(model::Basis::Inferred), "no day in the lead's opening");
}

#[test]
fn a_wire_credit_line_closes_the_body_and_names_the_authors() {
    check(
        "Drills end\n\nANKARA, Sept 21 (Reuters) - Troops ended drills.\n\nThey went home.\n\n(Reporting by Ece Toksabay and Ann Lee in Ankara; Writing by Daren Butler; Editing by Alex Richardson)",
        "Drills end",
        true,
        &["Ece Toksabay", "Ann Lee", "Daren Butler"],
        &["Reuters"],
        None,
        "ANKARA, Sept 21 (Reuters) - Troops ended drills.",
    );
    for text in
        ["Reporting by the ministry was thin, officials said (in private).", "Reporting by the ministry was thin."]
    {
        let a = parse("x/fixture.txt", &format!("Drills end\n\nTroops ended drills.\n\n{text}"));
        assert_eq!(a.paragraphs.len(), 2, "a sentence about reporting is text: {:?}", a.paragraphs);
    }
}

#[test]
fn each_credit_says_where_it_was_read() {
    let a = parse(
        "x/fixture.txt",
        "Drills end\n\nANKARA, Sept 21 (Reuters) - Troops ended drills.\n\nThey went home.\n\n(Reporting by Ece Toksabay; Editing by Alex Richardson)",
    );
    let closing = "“(Reporting by Ece Toksabay; Editing by Alex Richardson)”";
    assert_eq!(
        (a.authors.as_slice(), a.outlets.as_slice()),
        (&["Ece Toksabay".to_owned()][..], &["Reuters".to_owned()][..])
    );
    assert_eq!(a.credited, [closing, "“ANKARA, Sept 21 (Reuters) -”"]);
    let a = parse(
        "x/fixture.txt",
        "Port reopens\n\nBy Ann Lee\n\nThe port reopened on Monday.\n\n© 2024 The Harbour Daily. All rights reserved.",
    );
    assert_eq!(a.credited, ["“By Ann Lee”", "“© 2024 The Harbour Daily. All rights reserved.”"], "{:?}", a.outlets);
    let a = parse(
        "x/page.html",
        r#"<html><head><meta name="author" content="Ann Lee"></head><body><h1>Drills begin</h1><p>Troops moved on Monday.</p></body></html>"#,
    );
    assert_eq!(a.credited, ["the page's markup (author tag, structured data or byline element)"]);
    // A long line is cut.
    let long = format!("By Ann Lee, {}", "senior fellow at the institute".repeat(3));
    assert!((101..=120).contains(&long.chars().count()));
    let a = parse("x/fixture.txt", &format!("Port reopens\n\n{long}\n\nThe port reopened on Monday."));
    assert_eq!(a.authors, ["Ann Lee"]);
    let [from] = a.credited.as_slice() else { panic!("{:?}", a.credited) };
    assert!(from.starts_with("“By Ann Lee, senior") && from.ends_with("…”") && from.chars().count() == 103, "{from}");
}

#[test]
fn a_standfirst_stays_text_and_the_date_after_it_is_read() {
    check(
        "Ministers meet in Ankara\nTalks review the Shusha Declaration\n\nUpdated on 12 March 2023 | Published on 10 March 2023\n\nThe ministers met on Friday.",
        "Ministers meet in Ankara",
        true,
        &[],
        &[],
        Some(("2023-03-10", "Stated")),
        "Talks review the Shusha Declaration",
    );
}

#[test]
fn staff_bylines_name_no_one() {
    check(
        "By Staff Reporter\n\nThe port reopened today.",
        "The port reopened today",
        false,
        &[],
        &[],
        None,
        "The port reopened today.",
    );
}

#[test]
fn furniture_date_is_never_the_publication_date() {
    let a = parse(
        "x/fixture.txt",
        "Port reopens\n\nThe port reopened after the storm, the agency reported on March 3.\n\nRepairs began in 2019.\n\nLast update: April 16, 2024\n\nMost Read\n\n2024-09-20 09:41:41\n\nFootball club wins cup",
    );
    let p = a.published.unwrap();
    assert_eq!((p.start.iso(), p.basis), ("2019-03-03".into(), model::Basis::Inferred));
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(
        a.removed,
        ["Last update: April 16, 2024", "Most Read", "2024-09-20 09:41:41", "Football club wins cup"]
    );
}

#[test]
fn html_debris_is_removed_and_kept_aside() {
    let a = parse("x/fixture.txt", "Title here\n\nHe said it.</p></h2> </body> </html>\n\nTom &amp; Jerry met.");
    assert_eq!(a.paragraphs, ["He said it.", "Tom & Jerry met."]);
    assert_eq!(a.removed, ["</p></h2></body></html>", "&amp;"]);
}

#[test]
fn html_documents() {
    let a = parse(
        "x/page.html",
        r#"<html><head><title>Drills | Site</title><meta name="author" content="Ann Lee"><meta property="article:published_time" content="2023-04-02T10:00:00Z"></head>
        <body><nav>Home</nav><h1>Drills begin</h1><p>Troops moved on Monday.</p><p>Follow us on Twitter @site</p></body></html>"#,
    );
    assert_eq!(a.title, "Drills begin");
    assert!(a.title_stated);
    assert_eq!(a.authors, ["Ann Lee"]);
    assert_eq!(a.published.unwrap().start.iso(), "2023-04-02");
    assert_eq!(a.paragraphs, ["Troops moved on Monday."]);
    assert_eq!(a.removed, ["Home", "Follow us on Twitter @site"]);
}

#[test]
fn files_of_too_many_lines_are_cut_with_a_note() {
    let text = format!("Harbour log\n\nThe watch logged every ship.\n{}", "Ok.\n".repeat(MAX_BLOCKS + 5));
    let (article, notes) = super::parse(Path::new("log.txt"), &text).unwrap();
    assert_eq!(notes, [format!("has {} paragraphs or lines; only the first {MAX_BLOCKS} were read", MAX_BLOCKS + 7)]);
    assert_eq!(article.paragraphs.len(), MAX_BLOCKS - 1);
    assert_eq!(article.lead(), "The watch logged every ship.");
}

#[test]
fn wire_copy_states_its_date_in_the_dateline_and_its_headline_is_the_title() {
    // Plain-text wire copy as a user saves it: the headline (in capitals or not,
    // closed by a full stop), perhaps the reporter, then a dateline of its own.
    let body = "Shares in the harbour operator rose 4 percent on Friday after it said profits would beat forecasts in 1997.\n\n\
                Analysts said the rise was overdone.";
    for (head, title, authors) in [
        (
            "SHIPPING - HARBOUR OPERATOR SHARES JUMP.\n\nLONDON 1996-08-30",
            "SHIPPING - HARBOUR OPERATOR SHARES JUMP",
            vec![],
        ),
        (
            "Harbour operator shares jump on forecast.\n\nST. LOUIS 1996-08-30",
            "Harbour operator shares jump on forecast",
            vec![],
        ),
        (
            "Harbour shares jump as forecasts rise.\n\nAnn Lee\n\nWIGAN, England 1996-08-30",
            "Harbour shares jump as forecasts rise",
            vec!["Ann Lee"],
        ),
        ("[CORRECTED 08:40 GMT]\n\nHARBOUR SHARES JUMP.\n\nROCHESTER, N.H. 1996-08-30", "HARBOUR SHARES JUMP", vec![]),
        ("Harbour shares jump.\n\nFARMINGTON HILLS, Mich.\n\n1996-08-30", "Harbour shares jump", vec![]),
    ] {
        let a = parse("wire.txt", &format!("{head}\n\n{body}"));
        assert_eq!(&*a.title, title, "{head}");
        assert!(a.title_stated, "{head}");
        let published = a.published.as_ref().expect("a date");
        assert_eq!(
            (published.basis, published.start),
            (Basis::Stated, Date { year: 1996, month: 8, day: 30 }),
            "{head}"
        );
        assert_eq!(a.authors.iter().map(|a| &**a).collect::<Vec<_>>(), authors, "{head}");
        assert!(a.outlets.is_empty(), "no headline is an outlet: {:?}", a.outlets);
        assert!(a.paragraphs[0].starts_with("Shares in the harbour"), "{:?}", a.paragraphs);
    }
}

#[test]
fn a_byline_with_on_and_its_date_names_the_author_and_states_the_date() {
    let a = parse(
        "x/b.txt",
        "Harbour reopens\n\nBy Louis Jacobson on Monday, November 18th, 2019\n\nThe harbour reopened after a week of repairs.",
    );
    assert_eq!(a.authors, ["Louis Jacobson"]);
    assert_eq!(a.published.as_ref().map(|p| (p.start.iso(), p.basis)), Some(("2019-11-18".to_owned(), Basis::Stated)));
    assert_eq!(a.paragraphs, ["The harbour reopened after a week of repairs."]);
}

#[test]
fn files_without_text_are_refused() {
    assert!(parse_article(Path::new("e.txt"), " \n\n \n").is_err());
    assert!(
        parse_article(Path::new("m.html"), "<html><body><img src=x></body></html>").unwrap_err().contains("markup")
    );
}
