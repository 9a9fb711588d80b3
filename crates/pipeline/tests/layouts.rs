//! Articles laid out as sites and wire services the bundled articles are not (in
//! tests/fixtures/layouts): each one's title, publication date and credits as a reader
//! would read them off the page, and no page furniture left in its text. The articles
//! were written for this test (their events and people made up or paraphrased, not
//! reporting), in layouts the bundled ones do not use: HTML with JSON-LD, site headers,
//! captions, class-named menus and share buttons; bylines in lowercase, glued to a
//! dateline or closing the body as a wire credit line; "Published" lines at the end;
//! datelines naming the agency; a headline with a standfirst, or after a line in capitals;
//! a byline whose separators make it look like a breadcrumb; a date on the line under
//! the headline; a dateline with no year that names the outlet; "Name · date" with no "By";
//! a section's name above the headline; "ANKARA - Anadolu Agency"; a date line closing
//! the body; an author named only by an element's class; the outlet's appeal to its
//! readers before its subscription furniture; the site's name in `og:site_name` or
//! JSON-LD's publisher; text in `<div>`s broken by `<br>`; Windows line endings; a
//! headline written twice; a dateline closed by a full stop opening the lead ("BAKU,
//! Azerbaijan, March 3. The …"); the section's name under the date line; the agency
//! named after the lead's news (", APA reports."); an office before a rank; an opinion
//! piece with a lowercase byline giving the author's post and a disclaimer; a copyright
//! line naming the outlet; a quarter of a year; an attribution clause with its own day;
//! a wire dateline with no year ("ANKARA, Oct 3 (Reuters) -"); a range in figures; a
//! company's "General Manager" before a name.

use std::path::PathBuf;

/// File, title, publication date (and whether it is stated), authors, outlets.
type Expected = (
    &'static str,
    &'static str,
    Option<(&'static str, model::Basis)>,
    &'static [&'static str],
    &'static [&'static str],
);

const STATED: model::Basis = model::Basis::Stated;
const INFERRED: model::Basis = model::Basis::Inferred;

const EXPECTED: [Expected; 44] = [
    (
        "a1.html",
        "Pakistan, Türkiye navies wrap up Turgutreis-IX drills off Karachi",
        Some(("2023-03-14", STATED)),
        &["Ayesha Khan"],
        &[],
    ),
    (
        "a2.txt",
        "Turkish, Pakistani corvette PNS Babur commissioned in Istanbul",
        Some(("2021-08-15", STATED)),
        &["Mehmet Yilmaz"],
        &[],
    ),
    (
        "a3.html",
        "Greece and Cyprus stage air defence drill as Ankara watches",
        Some(("2022-11-03", STATED)),
        &["Sarah Thompson"],
        &[],
    ),
    (
        "a4.txt",
        "Azerbaijan and Turkey began a week of joint military exercises near the …",
        Some(("2022-10-06", STATED)),
        &[],
        &["AP"],
    ),
    (
        "a5.txt",
        "The Turkish defence company Baykar said on 2022-10-06 that it had delivered …",
        Some(("2022-10-06", INFERRED)),
        &[],
        &[],
    ),
    (
        "a6.txt",
        "TURKISH, AZERBAIJANI SPECIAL FORCES TRAIN IN NAKHCHIVAN",
        None,
        &["Ece Toksabay", "Daren Butler"],
        &["Reuters"],
    ),
    (
        "a7.html",
        "Azerbaijani, Turkish servicemen complete \"Unshakable Brotherhood-2021\" exercises",
        Some(("2021-10-05", STATED)),
        &[],
        &["AZERTAC"],
    ),
    ("b1.txt", "Çavuşoğlu, Bayramov discuss regional security in Ankara", Some(("2023-03-10", STATED)), &[], &[]),
    ("b2.html", "Azerbaijan to host Türkiye's Efes-2024 observers", Some(("2024-05-21", STATED)), &[], &[]),
    (
        "c1.txt",
        "Gulf and Turkish officials meet on drone exports",
        Some(("2024-01-17", STATED)),
        &["Layla Al-Mansouri"],
        &[],
    ),
    ("e1.txt", "Azerbaijan, Türkiye to hold joint tactical exercises in Kars", None, &[], &["Trend"]),
    ("e2.txt", "Defense ministers of Azerbaijan and Türkiye hold phone talks", Some(("2023-03-03", STATED)), &[], &[]),
    ("e3.txt", "Turkish, Azerbaijani forces wrap up joint drills in Lachin", Some(("2021-10-05", STATED)), &[], &[]),
    (
        "f1.html",
        "Azerbaijani, Turkish navies hold drills in Caspian Sea",
        Some(("2022-07-12", STATED)),
        &["Rauf Mammadov"],
        &["APA"],
    ),
    (
        "g1.txt",
        "Azerbaijani and Turkish special forces complete mountain training",
        Some(("2023-06-14", STATED)),
        &[],
        &["Trend"],
    ),
    (
        "h1.txt",
        "Azerbaijani and Turkish special forces complete \"Mustafa Kemal Atatürk - 2024\" drills in Nakhchivan",
        Some(("2024-09-14", INFERRED)),
        &[],
        &["Report"],
    ),
    (
        "h2.html",
        "Turkey, Azerbaijan sign protocol on military education",
        Some(("2023-03-02", STATED)),
        &["Leyla Aliyeva"],
        &[],
    ),
    (
        "h3.txt",
        "Trilateral defence ministers' meeting held in Tbilisi",
        Some(("2022-05-19", STATED)),
        &[],
        &["Caucasus Wire"],
    ),
    (
        "h4.txt",
        "Azerbaijani, Turkish navies hold \"Caspian Shield-2023\" drills",
        Some(("2023-08-21", STATED)),
        &[],
        &[],
    ),
    (
        "h5.html",
        "Analysis: What the Azerbaijan-Turkey alliance means for the South Caucasus",
        Some(("2024-01-15", STATED)),
        &["Tomas de Vries"],
        &["Eurasia Review Weekly"],
    ),
    (
        "h6.txt",
        "Azerbaijan, Türkiye to hold large-scale drills in liberated territories",
        Some(("2023-06-30", STATED)),
        &[],
        &[],
    ),
    ("i1.txt", "Azerbaijani Air Force pilots train at Konya air base", Some(("2022-10-12", STATED)), &[], &["Caliber"]),
    (
        "i2.txt",
        "Turkish, Azerbaijani marines practise amphibious landing",
        Some(("2022-10-10", STATED)),
        &[],
        &["Anadolu Agency"],
    ),
    (
        "i3.txt",
        "Azerbaijan and Turkey have signed an agreement on the joint production of …",
        Some(("2024-03-12", STATED)),
        &[],
        &[],
    ),
    ("i4.html", "Nakhchivan hosts joint staff training", Some(("2023-06-08", STATED)), &["Orkhan Jafarli"], &[]),
    ("i5.txt", "Azerbaijan's Defence Minister receives Turkish delegation", Some(("2022-11-21", STATED)), &[], &[]),
    (
        "j1.txt",
        "Azerbaijan, Turkiye to hold over 10 joint military exercises this year",
        Some(("2024-01-01", INFERRED)),
        &["Leyla Guliyeva"],
        &["Azernews"],
    ),
    (
        "j2.txt",
        "Azerbaijani President visits Turkish-built corvette in Baku port",
        Some(("2023-05-17", STATED)),
        &["Farid Aliyev"],
        &[],
    ),
    (
        "k1.txt",
        "Azerbaijani and Turkish troops complete joint drills",
        Some(("2023-09-14", STATED)),
        &["Samir Quliyev"],
        &[],
    ),
    (
        "k2.txt",
        "Turkish defence firms to open plants in Azerbaijan",
        Some(("2024-02-20", STATED)),
        &["Nurlan Babayev"],
        &[],
    ),
    (
        "l1.html",
        "Azerbaijan, Türkiye hold joint air defence drills",
        Some(("2023-10-11", STATED)),
        &[],
        &["Baku Observer"],
    ),
    ("l2.txt", "Turkish, Azerbaijani generals meet in Kars", Some(("2023-11-17", STATED)), &["Aylin Demir"], &["AP"]),
    ("n1.txt", "AZERBAIJANI, TURKISH SNIPERS COMPETE IN BAKU", Some(("2023-07-03", STATED)), &[], &["APA"]),
    (
        "n2.txt",
        "Turkey's parliament extends troop mandate in Azerbaijan",
        Some(("2022-11-08", INFERRED)),
        &[],
        &["Trend"],
    ),
    ("o1.txt", "Azerbaijan, Turkey discuss military education cooperation", Some(("2023-04-17", STATED)), &[], &[]),
    (
        "q1.txt",
        "The defence ministers of Azerbaijan and Uzbekistan signed a plan of military …",
        Some(("2024-03-03", INFERRED)),
        &[],
        &["Trend"],
    ),
    (
        "q2.txt",
        "Azerbaijan, Türkiye hold joint tactical exercises in Kars",
        Some(("2023-06-14", STATED)),
        &[],
        &["APA"],
    ),
    (
        "q3.txt",
        "Servicemen of Azerbaijan, Pakistan and Türkiye have launched the \"Three Brothers - …",
        Some(("2023-05-12", STATED)),
        &["Elnur Gasimzade"],
        &[],
    ),
    ("q4.txt", "Why the Caspian defence pact matters", Some(("2024-01-01", INFERRED)), &["Marta Kowalczyk"], &[]),
    ("q5.txt", "Turkish drones to be assembled in Ganja", Some(("2023-09-27", STATED)), &[], &["The Caspian Ledger"]),
    ("q6.txt", "Azerbaijani cadets graduate from Turkish military academy", Some(("2023-07-19", STATED)), &[], &[]),
    (
        "q7.txt",
        "Turkey, Azerbaijan to expand joint naval drills in Caspian - minister",
        Some(("2021-10-03", INFERRED)),
        &["Deniz Arslan"],
        &["Reuters"],
    ),
    ("q8.txt", "Joint staff training of Azerbaijani, Turkish armies completed", Some(("2023-10-05", STATED)), &[], &[]),
    (
        "q9.txt",
        "Azerbaijan's state oil company SOCAR and Türkiye's BOTAS have signed a memorandum …",
        Some(("2024-04-18", STATED)),
        &["Gunay Rzayeva"],
        &[],
    ),
];

/// Words of page furniture that none of these articles' own text holds.
const FURNITURE: [&str; 35] = [
    "cookies", "Share on", "Follow", "Tags:", "Our Standards", "ADVERTISEMENT", "Reporting by", "Published", "Updated",
    "Politics Economy", "°C", "Most Read", "Photo: Hellenic", "DAILY SABAH", "Source:", "Download our", "Comments (",
    "Print this", "Related news", "min read", "14:05", "September 14", "· January", "Politics", "ANKARA - ", "11:20",
    "Jafarli", "serve you", "USD", "GMT+3", "WhatsApp", "READ MORE", "views expressed", "rights reserved",
    "senior fellow",
];

#[test]
fn each_layout_gives_its_title_date_and_credits_and_no_furniture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts");
    let out = pipeline::process_dir(&dir).unwrap();
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let mut files: Vec<&str> = out.corpus.articles.iter().map(|a| &*a.file).collect();
    files.sort_unstable();
    assert_eq!(files, EXPECTED.map(|e| e.0));
    for (file, title, published, authors, outlets) in EXPECTED {
        let a = out.corpus.articles.iter().find(|a| &*a.file == file).unwrap();
        assert_eq!(&*a.title, title, "{file}: title");
        let got = a.published.as_ref().map(|p| (p.start.iso(), p.basis));
        assert_eq!(got, published.map(|(d, b)| (d.to_owned(), b)), "{file}: published");
        assert_eq!(a.authors, authors, "{file}: authors");
        assert_eq!(a.outlets, outlets, "{file}: outlets");
        for p in a.paragraphs.iter().chain([&a.title]) {
            for word in FURNITURE {
                assert!(!p.contains(word), "{file}: furniture “{word}” in {p:?}");
            }
        }
    }
}

#[test]
fn their_people_keep_their_offices_and_their_exercises_their_names() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts");
    let out = pipeline::process_dir(&dir).unwrap();
    let role = |name: &str| {
        let e = out.corpus.entities.iter().find(|e| e.kind == model::EntityKind::Person && e.name == name);
        e.unwrap_or_else(|| panic!("no person {name}")).roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>()
    };
    assert!(role("Zakir Hasanov").contains(&"Minister of Defense".to_owned()));
    assert_eq!(role("Jens Stoltenberg"), ["NATO Secretary-General"]);
    assert_eq!(role("Mohamed bin Zayed Al Nahyan"), ["Sheikh"]);
    assert_eq!(role("Kerim Veliyev"), ["Lt. Gen."]);
    for exercise in ["Turgutreis-IX", "Unshakable Brotherhood-2021", "Mustafa Kemal Atatürk - 2022", "Efes-2024"] {
        assert!(
            out.corpus.entities.iter().any(|e| e.kind == model::EntityKind::Exercise && e.name == exercise),
            "no exercise {exercise}"
        );
    }
    // No dateline, byline or credit line is an event.
    for e in &out.corpus.events {
        for word in ["By ", "(AZERTAC)", "(Reuters)", "(AP)", "Reporting by", "Published"] {
            assert!(!e.summary.contains(word) || e.kind == model::EventKind::Publication, "{:?}", e.summary);
        }
    }
}

#[test]
fn their_roles_in_apposition_and_their_days_are_read() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts");
    let out = pipeline::process_dir(&dir).unwrap();
    let person =
        |name: &str| out.corpus.entities.iter().find(|e| e.kind == model::EntityKind::Person && e.name == name);
    // "Nigar Rustamli, an analyst at …", then "said Rustamli".
    let analyst = person("Nigar Rustamli").expect("the analyst named in apposition");
    assert_eq!(
        analyst.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(),
        ["analyst at the Caspian Policy Forum"]
    );
    let karimzade = person("Vusal Karimzade").expect("the minister");
    assert_eq!(
        karimzade.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(),
        ["Minister of Defense Industry"]
    );
    let durmaz = person("Kemal Durmaz").expect("the agency's president, in apposition with no article");
    assert_eq!(
        durmaz.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(),
        ["president of the Turkish Defence Industry Agency"]
    );
    // A rank before the name and the office in apposition after it: both.
    let safarov = person("Ramin Safarov").expect("the general");
    assert_eq!(
        safarov.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(),
        ["Major General, commander of the Air Defence Troops"]
    );
    // An office before the rank, after a comma or as "Chief of the …": both.
    let kazimli = person("Rauf Kazimli").expect("the deputy minister");
    assert_eq!(
        kazimli.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(),
        ["Azerbaijani Deputy Defence Minister, Lieutenant-General"]
    );
    let orhun = person("Selim Orhun").expect("the chief of staff");
    assert_eq!(
        orhun.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(),
        ["Turkish Chief of the General Staff General"]
    );
    // "General Manager" is one title, not a rank and a name.
    let manager = person("Kerem Sezgin").expect("the general manager");
    assert_eq!(manager.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(), ["BOTAS General Manager"]);
    // A name in apposition after its lowercase role and a comma.
    let ambassador = person("Rashad Mammadli").expect("the ambassador");
    assert_eq!(
        ambassador.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(),
        ["Azerbaijani ambassador to Türkiye"]
    );
    // The last words of a quotation before "said" are no speaker.
    assert!(person("Central Asia").is_none());
    let article = |file: &str| out.corpus.articles.iter().position(|a| &*a.file == file).unwrap() as u32;
    let dated = |file: &str, day: &str| {
        out.corpus.events.iter().any(|e| {
            e.kind != model::EventKind::Publication
                && e.when.start.iso() == day
                && e.sources.iter().any(|s| s.article == article(file))
        })
    };
    // "… the ministry said Monday" and "met in Tbilisi on Wednesday", from the stated days.
    assert!(dated("h4.txt", "2023-08-21"));
    assert!(dated("h3.txt", "2022-05-18"));
    // "from 12 till 16 March" and "between 7 September and 9 September" are ranges; "on
    // the 5th of September 2023" a day.
    let span = |start: &str, end: &str| {
        out.corpus.events.iter().any(|e| e.when.start.iso() == start && e.when.end.iso() == end)
    };
    assert!(span("2024-03-12", "2024-03-16"));
    assert!(span("2023-09-07", "2023-09-09"));
    assert!(span("2023-09-05", "2023-09-05"));
    // "In September, …" opening a sentence.
    assert!(dated("l1.html", "2023-09-01"));
    // "signed a plan … for 2024 … on Friday": the year the plan covers does not date it.
    assert!(dated("q1.txt", "2024-03-01"));
    // A lead with no date of its own tells the news of its publication day.
    assert!(dated("q2.txt", "2023-06-14"));
    // "in the second quarter of 2024" is three months; "held on 25.09-04.10.2023" a range.
    assert!(span("2024-04-01", "2024-06-30"));
    assert!(span("2023-09-25", "2023-10-04"));
    // A courtesy title is no part of an office; an organisation "of" a country and
    // one in capitals of seven letters are organisations.
    let nasirov = person("Talib Nasirov").expect("the minister");
    assert_eq!(
        nasirov.roles.iter().map(|r| r.text.to_string()).collect::<Vec<_>>(),
        ["Azerbaijan's Minister of Defence Industry"]
    );
    for name in ["State Border Service of Azerbaijan", "ASELSAN"] {
        assert!(
            out.corpus.entities.iter().any(|e| e.kind == model::EntityKind::Organization && e.name == name),
            "no {name}"
        );
    }
    // A headline written twice is read once, not kept as the first paragraph.
    let twice = &out.corpus.articles[article("o1.txt") as usize];
    assert!(twice.paragraphs.iter().all(|p| **p != *twice.title), "{:?}", twice.paragraphs);
    // "Joint exercises of …" opening a sentence names no exercise.
    assert!(!out.corpus.entities.iter().any(|e| e.name == "Joint"));
    // A summary cut before its date loses the date's preposition too; a clause that
    // only says who spoke and when (", the minister said on Wednesday") is no event.
    for e in &out.corpus.events {
        assert!(!e.summary.starts_with(','), "{:?}", e.summary);
        let last = e.summary.rsplit(' ').next().unwrap_or("");
        assert!(!["in", "on", "at", "until"].contains(&last), "{:?}", e.summary);
    }
}
