//! HTML, parsed with a real parser (html5ever through `scraper`): whole documents
//! become text blocks plus the metadata their markup states; stray tags and entities
//! in plain-text files become plain text.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never article text.
const SKIPPED: [&str; 12] =
    ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "select", "button", "head"];
/// Page regions that hold navigation and furniture; their text is kept as removed.
const FURNITURE: [&str; 4] = ["nav", "footer", "aside", "form"];
/// Elements that end a block of text.
const BLOCKS: [&str; 24] = [
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "figcaption", "figure", "td", "tr", "dt", "dd", "table",
];

/// What an HTML document holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HtmlDoc {
    /// Text blocks in document order, white space collapsed.
    pub blocks: Vec<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// The raw text of a stated publication date (`article:published_time`, `<time datetime>`).
    pub published: Option<String>,
    /// Text of navigation, footers and other page furniture.
    pub removed: Vec<String>,
}

/// Parses a whole HTML document.
pub fn parse_document(source: &str) -> HtmlDoc {
    let doc = Html::parse_document(source);
    let mut out = HtmlDoc::default();
    let mut buffer = String::new();
    walk(doc.root_element(), &mut out, &mut buffer);
    flush(&mut buffer, &mut out.blocks);

    let first_text = |css: &str| -> Option<String> {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel).map(|e| collapse(&e.text().collect::<String>())).find(|t| !t.is_empty())
    };
    let meta = |css: &str| -> Option<String> {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel).filter_map(|e| e.value().attr("content").or(e.value().attr("datetime"))).map(collapse).find(|t| !t.is_empty())
    };
    out.title = first_text("h1")
        .or_else(|| meta("meta[property='og:title']"))
        .or_else(|| first_text("title"));
    if let Some(author) = meta("meta[name='author']") {
        out.authors.push(author);
    }
    out.published = meta("meta[property='article:published_time']")
        .or_else(|| meta("meta[name='date']"))
        .or_else(|| meta("time[datetime]"));
    out
}

fn walk(element: ElementRef<'_>, out: &mut HtmlDoc, buffer: &mut String) {
    let name = element.value().name();
    if SKIPPED.contains(&name) {
        return;
    }
    if FURNITURE.contains(&name) {
        let text = collapse(&element.text().collect::<String>());
        if !text.is_empty() {
            out.removed.push(text);
        }
        return;
    }
    let is_block = BLOCKS.contains(&name);
    if is_block {
        flush(buffer, &mut out.blocks);
    }
    for child in element.children() {
        match child.value() {
            Node::Text(text) => buffer.push_str(text),
            Node::Element(e) if e.name() == "br" => flush(buffer, &mut out.blocks),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(child) {
                    walk(el, out, buffer);
                }
            }
            _ => {}
        }
    }
    if is_block {
        flush(buffer, &mut out.blocks);
    }
}

fn flush(buffer: &mut String, blocks: &mut Vec<String>) {
    let text = collapse(buffer);
    if !text.is_empty() {
        blocks.push(text);
    }
    buffer.clear();
}

/// Collapses runs of white space into one space and trims.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--|&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z]{2,8});")
        .expect("valid regex")
});

/// Whether a line of a plain-text file carries tags or character references.
pub fn has_markup(line: &str) -> bool {
    MARKUP.is_match(line)
}

/// The tags and character references in a line, joined: what stripping drops.
pub fn markup_in(line: &str) -> String {
    MARKUP.find_iter(line).map(|m| m.as_str()).collect::<Vec<_>>().join("")
}

/// The text of a line that carries stray markup: tags dropped, entities decoded, by
/// the HTML parser. Script and style content is dropped with its tags.
pub fn strip_markup(line: &str) -> String {
    let fragment = Html::parse_fragment(line);
    let mut out = String::new();
    for node in fragment.root_element().descendants() {
        if let Node::Text(text) = node.value() {
            let hidden = node.ancestors().any(|a| {
                a.value().as_element().is_some_and(|e| SKIPPED.contains(&e.name()))
            });
            if !hidden {
                out.push_str(text);
            }
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_blocks_title_and_metadata() {
        let doc = parse_document(
            r#"<html><head><title>Site | Drills begin</title><meta name="author" content="Ann Lee">
            <meta property="article:published_time" content="2023-04-02T10:00:00Z"><script>alert(1)</script></head>
            <body><nav>Home | World</nav><h1>Drills begin</h1><p>Troops &amp; tanks <b>moved</b> on Monday.</p>
            <p>Second<br>line</p><footer>© 2023 Site</footer></body></html>"#,
        );
        assert_eq!(doc.title.as_deref(), Some("Drills begin"));
        assert_eq!(doc.authors, ["Ann Lee"]);
        assert_eq!(doc.published.as_deref(), Some("2023-04-02T10:00:00Z"));
        assert_eq!(doc.blocks, ["Drills begin", "Troops & tanks moved on Monday.", "Second", "line"]);
        assert_eq!(doc.removed, ["Home | World", "© 2023 Site"]);
    }

    #[test]
    fn markup_only_document_has_no_blocks() {
        let doc = parse_document("<html><body><div><img src=x><script>x()</script></div></body></html>");
        assert!(doc.blocks.is_empty());
    }

    #[test]
    fn stray_tags_and_entities_in_text() {
        assert!(has_markup("said.</p></h2> </body> </html>"));
        assert!(has_markup("Tom &amp; Jerry"));
        assert!(!has_markup("a < b and c > d"));
        assert_eq!(strip_markup("he said.</p></h2> </body> </html>"), "he said.");
        assert_eq!(strip_markup("Tom &amp; Jerry &#8211; together"), "Tom & Jerry – together");
        assert_eq!(strip_markup("ok<script>alert(1)</script> fine"), "ok fine");
    }
}
