//! The wire-copy part of `cargo xtask quality`: CoNLL-2003's development documents
//! (Reuters, 1996) written out as a user would save them (the headline on its own
//! line, then the dateline `LONDON 1996-08-30`, then the body, a paragraph a
//! sentence), read by the pipeline. Every dateline's date must be read as the stated
//! publication date, and no headline may become an author or an outlet.

use std::path::Path;

use model::{Basis, DateSpan, Precision};

/// Documents listed under the table for each kind of miss.
const SHOWN: usize = 8;

pub fn run(dir: &Path) -> Result<(), String> {
    let file = dir.join("eng.testa");
    let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let documents = documents(&text);
    let (mut dated, mut read, mut wrong, mut credited) = (0, 0, Vec::new(), Vec::new());
    for (n, lines) in documents.iter().enumerate() {
        let name = format!("testa-{n:03}.txt");
        let Ok(article) = pipeline::parse_article(Path::new(&name), &lines.join("\n\n")) else {
            wrong.push(format!("{name}: not read"));
            continue;
        };
        let stated = lines.iter().take(3).find_map(|l| dateline_date(l));
        if let Some(expected) = stated {
            dated += 1;
            match &article.published {
                Some(span) if span.basis == Basis::Stated && day_of(span) == Some(expected) => read += 1,
                other => wrong.push(format!(
                    "{name}: dateline {:04}-{:02}-{:02}, read {}",
                    expected.0,
                    expected.1,
                    expected.2,
                    other.as_ref().map_or("nothing".to_owned(), |s| format!("{s:?}"))
                )),
            }
        }
        let headline = lines.first().map(String::as_str).unwrap_or("");
        for name in article.authors.iter().chain(&article.outlets) {
            if headline.contains(&**name) && name.split_whitespace().count() > 1 || **name == *headline {
                credited.push(format!("{name:?} credited from the headline {headline:?}"));
            }
        }
    }
    println!("| documents | with a dateline date | read as stated | headlines credited |");
    println!("| --- | --- | --- | --- |");
    println!("| {} | {dated} | {read} | {} |", documents.len(), credited.len());
    for line in wrong.iter().take(SHOWN).chain(credited.iter().take(SHOWN)) {
        println!("  {line}");
    }
    Ok(())
}

/// The documents of a CoNLL file, each a list of sentences written as plain text.
fn documents(conll: &str) -> Vec<Vec<String>> {
    let mut docs: Vec<Vec<String>> = Vec::new();
    let mut sentence: Vec<&str> = Vec::new();
    for line in conll.lines().chain(std::iter::once("")) {
        let word = line.split(' ').next().unwrap_or("");
        if word == "-DOCSTART-" {
            docs.push(Vec::new());
        } else if word.is_empty() {
            if !sentence.is_empty()
                && let Some(doc) = docs.last_mut()
            {
                doc.push(detokenize(&sentence));
            }
            sentence.clear();
        } else {
            sentence.push(word);
        }
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// Tokens joined as text is written: no space before closing punctuation or after
/// opening brackets and quotes' first half.
fn detokenize(tokens: &[&str]) -> String {
    let mut out = String::new();
    let mut open_quote = false;
    let mut glue_next = false;
    for t in tokens {
        let closing = matches!(*t, "." | "," | ";" | ":" | "?" | "!" | ")" | "]" | "'s" | "n't" | "'")
            || (*t == "\"" && open_quote);
        if !out.is_empty() && !closing && !glue_next {
            out.push(' ');
        }
        glue_next = matches!(*t, "(" | "[") || (*t == "\"" && !open_quote);
        if *t == "\"" {
            open_quote = !open_quote;
        }
        out.push_str(t);
    }
    out
}

/// The date of a dateline line, `LONDON 1996-08-30`.
fn dateline_date(line: &str) -> Option<(i32, u32, u32)> {
    let last = line.split_whitespace().last()?;
    let mut parts = last.split('-');
    let (y, m, d) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    (parts.next().is_none() && y > 1900 && line.split_whitespace().count() <= 6).then_some((y, m, d))
}

fn day_of(span: &DateSpan) -> Option<(i32, u32, u32)> {
    (span.precision == Precision::Day)
        .then(|| (i32::from(span.start.year), u32::from(span.start.month), u32::from(span.start.day)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_written_back_as_text() {
        assert_eq!(detokenize(&["He", "said", ",", "\"", "yes", "\"", "(", "AP", ")", "."]), "He said, \"yes\" (AP).");
        assert_eq!(dateline_date("LONDON 1996-08-30"), Some((1996, 8, 30)));
        assert_eq!(dateline_date("Scores 1-2-3 on the day"), None);
    }
}
