//! Test support: hostile inputs for the pipeline's tests and for the end-to-end build.
//! The small hostile articles are committed in [`HOSTILE_DIR`], one attack a file;
//! the ones too big, binary or invisible to keep in the repository are written by
//! [`write_generated_hostile_files`]. Every readable one holds a sentence of its own
//! ([`READABLE`]) that must survive cleaning, and some hide text that must not
//! ([`HIDDEN`]); [`REFUSED`] lists the files that must be refused with a warning.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The committed hostile articles.
pub const HOSTILE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");

/// Nesting depth of the generated deep-nesting file.
pub const DEEP_NESTING: usize = 5_000;
/// Lines in the generated million-line file.
pub const MILLION_LINES: usize = 1_000_000;
/// Characters in the generated long word.
pub const LONG_WORD: usize = 10_000;

/// For each readable hostile article (committed or generated), by file name, a
/// sentence of its own that must reach the article's paragraphs as written.
pub const READABLE: [(&str, &str); 27] = [
    ("__proto__.txt", "The trading firm __proto__ Holdings bought the old mill at Brackle for an undisclosed sum."),
    ("bidi.html", "The winter ferry timetable for Glasmore starts on the first Monday of December."),
    ("comments-text.txt", "The retired lighthouse keepers of Skerrow Point were honoured at a ceremony on Sunday."),
    ("comments.html", "Residents of Pellow planted forty apple trees in the new community orchard."),
    ("constructor.html", "The builder Constructor Ltd won the contract to rebuild the harbour wall at Fenwick."),
    ("css-injection-text.txt", "The Larkfield choir gave its winter concert in the town hall on Friday."),
    ("css-injection.html", "The Thursday market in Rowanford moves into the old grain hall for the winter."),
    ("event-handlers-text.txt", "Pupils at the Fernbrook school picked forty kilos of beans from their garden."),
    ("event-handlers.html", "The municipal swimming pool in Corran reopened after its roof was repaired."),
    ("img-onerror-text.txt", "The family bakery on Mill Lane won the regional bread prize this year."),
    ("img-onerror.html", "The public library in Brackwater will stay open until nine in the evening."),
    ("javascript-url-text.txt", "The new cycle path along the Wendle canal opened to riders on Saturday."),
    (
        "javascript-url.html",
        "The tram line to Eastfold station will be extended by three stops, the transport office announced.",
    ),
    ("meta-injection.html", "The parish council of Ashby Fold voted to keep the village post office open."),
    ("rcdata.html", "The maritime museum in Orsby opened a new wing for its collection of ship models."),
    ("script-text.txt", "The quarry near Hollin Ridge reopened after a two-week safety inspection."),
    ("script.html", "The harbour council of Saltmere approved the budget for the new ferry on Tuesday."),
    ("svg-script.html", "Volunteers painted the old iron bridge at Dunlow a deep shade of green."),
    ("toString.txt", "The Valueof district council approved a new park beside the river Tamble."),
    ("tricks.txt", "The clock now chimes every hour."),
    ("bidi-text.txt", "The harbour office printed new tide tables for the summer season."),
    ("deep-nesting.html", "Divers inspected the sunken barge off Mossbank on Wednesday."),
    ("invalid-utf8.txt", "Owners of cafés in Dunmore protested on Monday, the union said."),
    ("long-word.txt", "The pier at Gullhaven reopened after winter storms damaged its deck."),
    ("million-lines.txt", "The night watch at Kelby harbour logged every ship that passed the breakwater."),
    ("nul-bytes.txt", "The seed bank at Harrowdene opened its doors to gardeners this week."),
    ("Q&A #1 = 100% + more.txt", "Readers of the Tollwick Gazette sent forty questions to the ferry operator."),
];

/// Text that hostile articles hide in comments, scripts, styles and the like: it must
/// not appear anywhere in the output.
pub const HIDDEN: [(&str, &str); 14] = [
    ("comments.html", "stolen land"),
    ("comments.html", "budget was doubled"),
    ("comments.html", "The orchard failed"),
    ("comments.html", "The orchard was sold"),
    ("comments-text.txt", "ceremony was cancelled"),
    ("comments-text.txt", "refused the honour"),
    ("comments-text.txt", "never paid"),
    ("comments-text.txt", "Nobody came"),
    ("script.html", "budget was rejected"),
    ("script.html", "resigned in protest"),
    ("script-text.txt", "quarry is unsafe"),
    ("svg-script.html", "bridge collapsed"),
    ("css-injection.html", "market was cancelled"),
    ("img-onerror.html", "library burned down"),
];

/// Hostile files the pipeline must refuse, each with words its warning must hold.
pub const REFUSED: [(&str, &str); 2] = [("markup-only.html", "no readable text"), ("binary-nul.txt", "binary")];

/// Writes the hostile files that are not committed into `dir`: a million short lines,
/// a 10,000-character word, 5,000 nested `<div>`s, NUL bytes (sparse, and so many the
/// file is binary), bytes that are not UTF-8, bidirectional control characters, and a
/// file name full of URL syntax. Returns the paths written.
pub fn write_generated_hostile_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let sentence = |name: &str| READABLE.iter().find(|(n, _)| *n == name).map_or("", |(_, s)| s);
    let mut files: Vec<(&str, Vec<u8>)> = Vec::new();

    let mut lines = format!("Harbour night log\n\n{}\n\n", sentence("million-lines.txt"));
    lines.reserve(MILLION_LINES * 4);
    for _ in 0..MILLION_LINES {
        lines.push_str("Ok.\n");
    }
    files.push(("million-lines.txt", lines.into_bytes()));

    let word: String = "abcdefghij".chars().cycle().take(LONG_WORD - 1).collect();
    files.push((
        "long-word.txt",
        format!(
            "Pier reopens\n\n{}\n\nThe engineers thanked Q{word} for the loan of a crane.\n\nA second {word} word ends here.\n",
            sentence("long-word.txt")
        )
        .into_bytes(),
    ));

    let deep = format!(
        "<!doctype html><html><head><title>Barge inspected</title></head><body><h1>Barge inspected</h1>{}<p>{}</p>{}<p>The barge will be raised in spring.</p></body></html>",
        "<div>".repeat(DEEP_NESTING),
        sentence("deep-nesting.html"),
        "</div>".repeat(DEEP_NESTING)
    );
    files.push(("deep-nesting.html", deep.into_bytes()));

    // A few NUL bytes in a long text are dropped; many make the file binary.
    let mut nul = format!("Seed bank opens\n\n{}\0\n\n", sentence("nul-bytes.txt")).into_bytes();
    for _ in 0..12 {
        nul.extend_from_slice(b"It holds four hundred varieties of beans, peas and old apples from the valley.\n\n");
    }
    nul.extend_from_slice(b"Gardeners may borrow\0 seeds for a season.\n");
    files.push(("nul-bytes.txt", nul));
    let mut binary = b"Tide gauge dump\n\nThe gauge wrote its readings as raw numbers.\n".to_vec();
    binary.extend(std::iter::repeat_n(0u8, 2048));
    files.push(("binary-nul.txt", binary));

    files.push((
        "invalid-utf8.txt",
        b"Caf\xe9 owners protest\n\nOwners of caf\xe9s in Dunmore protested on Monday, the union said.\n\nThe union\x81 leader\xff\xfe spoke \x80 briefly.\n"
            .to_vec(),
    ));

    files.push((
        "bidi-text.txt",
        "Tide tables printed\n\nThe harbour office printed new tide tables\u{202E} for the summer season.\u{202C}\n\nThe \u{2067}tables\u{2069} cost\u{200F} nothing and \u{202D}list\u{202C} every \u{2066}high\u{2069} tide.\n"
            .as_bytes()
            .to_vec(),
    ));

    files.push((
        "Q&A #1 = 100% + more.txt",
        format!(
            "Questions for the ferry operator\n\n{}\n\nThe answers will be printed next week.\n",
            sentence("Q&A #1 = 100% + more.txt")
        )
        .into_bytes(),
    ));

    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        fs::write(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Fails unless every name of a table of rules is distinct and `source` (the tests
/// file, read with `include_str!`) holds a test named after it (`-` as `_`): taking a
/// rule out of the table, or renaming it, then fails its test by name.
pub fn assert_every_rule_has_a_test(table: &str, names: &[&str], source: &str) {
    let distinct: std::collections::HashSet<&str> = names.iter().copied().collect();
    assert_eq!(distinct.len(), names.len(), "{table}: a name twice");
    for name in names {
        let test = format!("fn {}()", name.replace('-', "_"));
        assert!(source.contains(&test), "{table}: no test `{test}` for {name}");
    }
}
