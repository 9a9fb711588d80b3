//! Credits: each name found with where it was read (what the reader shows after
//! "from"), and at the end gathered into the article's authors and outlets.

use model::Text;

use crate::page::meta::{self, Credit};

/// Adds the credits `found` in one place, with where: what the reader shows after
/// "from".
pub(super) fn credit_from(credits: &mut Vec<(Credit, String)>, found: impl IntoIterator<Item = Credit>, from: &str) {
    credits.extend(found.into_iter().map(|c| (c, from.to_owned())));
}

/// A line of the article as a credit's source: in quotes, cut at 100 characters.
pub(super) fn quoted(line: &str) -> String {
    let line = line.trim();
    match line.char_indices().nth(100) {
        Some((cut, _)) => format!("“{}…”", line[..cut].trim_end()),
        None => format!("“{line}”"),
    }
}

/// A name that a source line or a dateline gives as the article's outlet, whatever
/// [`meta::credit`] would take it for, if it takes it for a credit at all.
pub(super) fn outlet(name: &str) -> Option<Credit> {
    meta::credit(name).map(|(Credit::Person(name) | Credit::Outlet(name))| Credit::Outlet(name))
}

/// The credits as the article's authors and outlets, each once, in the order read,
/// and where each was read: the authors' first, then the outlets'.
pub(super) fn gather(credits: Vec<(Credit, String)>) -> (Vec<String>, Vec<String>, Vec<Text>) {
    let (mut authors, mut outlets) = (Vec::new(), Vec::new());
    let (mut credited, mut outlets_from) = (Vec::new(), Vec::new());
    for (c, from) in credits {
        let (list, froms, name) = match c {
            Credit::Person(n) => (&mut authors, &mut credited, n),
            Credit::Outlet(n) => (&mut outlets, &mut outlets_from, n),
        };
        if !list.contains(&name) {
            list.push(name);
            froms.push(Text::from(from));
        }
    }
    credited.extend(outlets_from);
    (authors, outlets, credited)
}
