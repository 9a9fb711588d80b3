//! HTML, parsed with a real parser (html5ever through `scraper`): whole documents
//! become text blocks plus the metadata their markup states; stray tags and entities
//! in plain-text files become plain text.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use crate::rules::section;

/// The element and class word lists, a section each (`assets/page/html.txt`).
static WORDS: &str = include_str!("../../../../assets/page/html.txt");

fn list(name: &str) -> Vec<&'static str> {
    section(WORDS, "assets/page/html.txt", name)
}

/// Elements whose content is never article text. Form fields and the old raw-text
/// elements (`xmp`, `noembed`, `noframes`) hold markup as text.
static SKIPPED: LazyLock<Vec<&str>> = LazyLock::new(|| list("SKIPPED"));
/// Elements nested deeper than this lose their tags (not their text) before parsing:
/// the parser's work grows with depth times tags, so a file of nothing but `<div>`s
/// would take hours, and walking the tree recurses once a level.
pub const MAX_DEPTH: usize = 256;
/// Elements that never hold others, or whose end tag may be left out (a new `<p>`
/// ends the last one): neither makes a document deeper.
static FLAT: LazyLock<Vec<&str>> = LazyLock::new(|| list("FLAT"));
/// Page regions that hold navigation and furniture (a photo's caption among them);
/// their text is kept as removed. A page's own `<header>` is one too, unless it holds
/// the headline: see [`walk`].
static FURNITURE: LazyLock<Vec<&str>> = LazyLock::new(|| list("FURNITURE"));
/// Elements that end a block of text.
static BLOCKS: LazyLock<Vec<&str>> = LazyLock::new(|| list("BLOCKS"));
/// Class and id words that mark a page region as furniture (`class="main-menu"`,
/// `id="share_buttons"`: the name is split at `-` and `_`).
static FURNITURE_NAMES: LazyLock<Vec<&str>> = LazyLock::new(|| list("FURNITURE_NAMES"));
/// How deep [`json_ld`] looks into a JSON-LD value for the article's fields.
const MAX_JSON_LD_DEPTH: usize = 8;

/// What an HTML document holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HtmlDoc {
    /// Text blocks in document order, white space collapsed.
    pub blocks: Vec<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// The site's or publisher's name (`og:site_name`, JSON-LD `publisher`).
    pub site: Option<String>,
    /// The raw text of a stated publication date (`article:published_time`, `<time datetime>`).
    pub published: Option<String>,
    /// Text of navigation, footers and other page furniture.
    pub removed: Vec<String>,
}

/// Parses a whole HTML document.
pub fn parse_document(source: &str) -> HtmlDoc {
    let doc = Html::parse_document(&flatten_deep(source));
    let mut out = HtmlDoc::default();
    let mut buffer = String::new();
    walk(doc.root_element(), &mut out, &mut buffer, true);
    flush(&mut buffer, &mut out.blocks);

    let first_text = |css: &str| -> Option<String> {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel).map(|e| collapse(&e.text().collect::<String>())).find(|t| !t.is_empty())
    };
    let meta = |css: &str| -> Option<String> {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel)
            .filter_map(|e| e.value().attr("content").or(e.value().attr("datetime")))
            .map(collapse)
            .find(|t| !t.is_empty())
    };
    // Structured data (schema.org JSON-LD), which many news pages state instead of
    // meta tags: the first headline, publication date and authors found in it.
    let mut linked = LinkedData::default();
    if let Ok(sel) = Selector::parse("script[type='application/ld+json']") {
        for script in doc.select(&sel) {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text().collect::<String>()) {
                json_ld(&value, &mut linked, 0);
            }
        }
    }
    out.title = first_text("h1")
        .or_else(|| meta("meta[property='og:title']"))
        .or_else(|| linked.headline.clone())
        .or_else(|| first_text("title").and_then(|t| headline_of_title(&t)));
    match meta("meta[name='author']") {
        Some(author) => out.authors.push(author),
        None => out.authors.extend(linked.authors),
    }
    // Else the page's own credit: the first short element whose class names the
    // author or the byline (`class="author"`, `"article__author-name"`).
    if out.authors.is_empty()
        && let Some(name) = doc.root_element().descendants().filter_map(ElementRef::wrap).find_map(|e| {
            let names_author = e.value().classes().any(|c| {
                c.split(['-', '_']).any(|p| p.eq_ignore_ascii_case("author") || p.eq_ignore_ascii_case("byline"))
            });
            names_author
                .then(|| collapse(&e.text().collect::<String>()))
                .filter(|t| !t.is_empty() && t.chars().count() <= 60)
        })
    {
        let name = name.strip_prefix("By ").or_else(|| name.strip_prefix("by ")).unwrap_or(&name).trim().to_owned();
        out.authors.push(name);
    }
    out.site = meta("meta[property='og:site_name']").or(linked.publisher);
    out.published = meta("meta[property='article:published_time']")
        .or_else(|| meta("meta[name='date']"))
        .or(linked.published)
        .or_else(|| meta("time[datetime]"));
    out
}

/// The headline in a page's `<title>`: the longest part around " | ", " - " or " — "
/// (the rest names the site), if it has three words or more (a single name is the
/// site's).
fn headline_of_title(title: &str) -> Option<String> {
    let mut parts = vec![title];
    for separator in [" | ", " - ", " — ", " – "] {
        parts = parts.into_iter().flat_map(|p| p.split(separator)).collect();
    }
    let longest = parts.into_iter().max_by_key(|part| part.len())?.trim();
    (longest.split_whitespace().count() >= 3).then(|| longest.to_owned())
}

/// Whether an element's class or id names page furniture.
fn named_furniture(element: ElementRef<'_>) -> bool {
    let e = element.value();
    let names = e.attr("class").into_iter().chain(e.attr("id"));
    names
        .flat_map(|n| n.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|part| FURNITURE_NAMES.contains(&part.to_ascii_lowercase().as_str()))
}

/// An article's fields as JSON-LD states them.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

/// Gathers `headline`, `datePublished` and `author` (a name, an object with a name, or
/// a list of either) from a JSON-LD value, its lists and `@graph` included.
fn json_ld(value: &serde_json::Value, out: &mut LinkedData, depth: usize) {
    use serde_json::Value;
    if depth > MAX_JSON_LD_DEPTH {
        return;
    }
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(collapse).filter(|t| !t.is_empty());
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld(v, out, depth + 1)),
        Value::Object(map) => {
            if out.headline.is_none() {
                out.headline = text(map.get("headline"));
            }
            if out.published.is_none() {
                out.published = text(map.get("datePublished"));
            }
            if out.publisher.is_none() {
                out.publisher = match map.get("publisher") {
                    Some(Value::Object(o)) => text(o.get("name")),
                    other => text(other),
                };
            }
            if out.authors.is_empty() {
                let authors = match map.get("author") {
                    Some(Value::Array(list)) => list.iter().collect(),
                    Some(one) => vec![one],
                    None => Vec::new(),
                };
                out.authors = authors
                    .into_iter()
                    .filter_map(|a| match a {
                        Value::String(name) => Some(collapse(name)),
                        Value::Object(o) => text(o.get("name")),
                        _ => None,
                    })
                    .filter(|n| !n.is_empty())
                    .collect();
            }
            if let Some(graph) = map.get("@graph") {
                json_ld(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Whether an element has an ancestor with one of these names.
fn inside(element: ElementRef<'_>, names: &[&str]) -> bool {
    element.ancestors().filter_map(ElementRef::wrap).any(|a| names.contains(&a.value().name()))
}

/// The page as the pipeline's parser reads it, written out again without what no
/// reader sees: elements whose content is never text (scripts, SVG, forms' fields;
/// the head is kept) and elements the page hides (`hidden`, `aria-hidden="true"`,
/// `display: none`). What the main-content extractor reads, so it sees the page as
/// this parser does, nested no deeper than [`MAX_DEPTH`].
pub fn visible_markup(source: &str) -> String {
    let mut doc = Html::parse_document(&flatten_deep(source));
    let unseen: Vec<_> = doc
        .tree
        .nodes()
        .filter(|n| {
            n.value().as_element().is_some_and(|e| e.name() != "head" && SKIPPED.contains(&e.name()) || hidden(e))
        })
        .map(|n| n.id())
        .collect();
    for id in unseen {
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.detach();
        }
    }
    doc.html()
}

/// Whether an element is hidden from readers by its attributes or inline style.
fn hidden(e: &scraper::node::Element) -> bool {
    let style = e.attr("style").map(|s| s.to_ascii_lowercase().replace(' ', "")).unwrap_or_default();
    e.attr("hidden").is_some()
        || e.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// The text blocks of an HTML fragment that is all content (an extractor's output):
/// no region of it is judged furniture.
pub fn fragment_blocks(fragment: &str) -> Vec<String> {
    let doc = Html::parse_fragment(&flatten_deep(fragment));
    let mut out = HtmlDoc::default();
    let mut buffer = String::new();
    walk(doc.root_element(), &mut out, &mut buffer, false);
    flush(&mut buffer, &mut out.blocks);
    out.blocks
}

/// Gathers an element's text blocks; with `judge`, regions that hold the site's
/// furniture go to `out.removed` instead.
fn walk(element: ElementRef<'_>, out: &mut HtmlDoc, buffer: &mut String, judge: bool) {
    let name = element.value().name();
    if SKIPPED.contains(&name) {
        return;
    }
    if !judge {
        return walk_children(element, out, buffer, judge);
    }
    // The site's header (its name, its sections), not the article's, which holds the
    // headline and often the byline.
    let site_header = name == "header"
        && !inside(element, &["article", "main"])
        && Selector::parse("h1").is_ok_and(|h1| element.select(&h1).next().is_none());
    // Never the body or the article itself, whatever its class says.
    let named = !["html", "body", "article", "main"].contains(&name) && named_furniture(element);
    if FURNITURE.contains(&name) || site_header || named {
        // Text nodes apart: a region is mostly links and list items, one after another.
        let text = collapse(&element.text().collect::<Vec<_>>().join(" "));
        if !text.is_empty() {
            out.removed.push(text);
        }
        return;
    }
    walk_children(element, out, buffer, judge);
}

fn walk_children(element: ElementRef<'_>, out: &mut HtmlDoc, buffer: &mut String, judge: bool) {
    let is_block = BLOCKS.contains(&element.value().name());
    if is_block {
        flush(buffer, &mut out.blocks);
    }
    for child in element.children() {
        match child.value() {
            Node::Text(text) => buffer.push_str(text),
            Node::Element(e) if e.name() == "br" => flush(buffer, &mut out.blocks),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(child) {
                    walk(el, out, buffer, judge);
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
    let fragment = Html::parse_fragment(&flatten_deep(line));
    let mut out = String::new();
    for node in fragment.root_element().descendants() {
        if let Node::Text(text) = node.value() {
            let hidden = node.ancestors().any(|a| a.value().as_element().is_some_and(|e| SKIPPED.contains(&e.name())));
            if !hidden {
                out.push_str(text);
            }
        }
    }
    out.trim().to_owned()
}

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>").expect("valid regex"));

/// The source with the tags of elements nested deeper than [`MAX_DEPTH`] dropped, so
/// their text joins the element around them. Depth is counted from the tags as
/// written, which is close enough: only hostile or broken pages come near the limit.
pub fn flatten_deep(source: &str) -> Cow<'_, str> {
    let mut depth = 0usize;
    // Start tags dropped whose end tags are still to come: the next end tags are theirs.
    let mut dropped = 0usize;
    let mut out = String::new();
    let mut at = 0;
    for c in TAG.captures_iter(source) {
        let name = &c[2];
        if !c[3].is_empty() || FLAT.iter().any(|f| f.eq_ignore_ascii_case(name)) {
            continue;
        }
        let drop = if c[1].is_empty() {
            if depth >= MAX_DEPTH {
                dropped += 1;
                true
            } else {
                depth += 1;
                false
            }
        } else if dropped > 0 {
            dropped -= 1;
            true
        } else {
            depth = depth.saturating_sub(1);
            false
        };
        if drop {
            let m = c.get(0).expect("whole match");
            out.push_str(&source[at..m.start()]);
            at = m.end();
        }
    }
    if at == 0 {
        return Cow::Borrowed(source);
    }
    out.push_str(&source[at..]);
    Cow::Owned(out)
}

static HIDDEN_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)<!--|<({})(?:\s[^<>]*)?>", SKIPPED.join("|"))).expect("valid regex"));
static PARAGRAPH_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\n[ \t]*\n").expect("valid regex"));

/// Comments and elements whose content is never text (`<script>` and the like) in a
/// plain-text file, found across lines and paragraphs: returns the text with each of
/// them blanked but for its line breaks, so the paragraphs around stay as they were,
/// and the blanked parts. One never closed ends with its paragraph, as prose may
/// mention "<script>" without opening one.
pub fn blank_hidden(text: &str) -> (Cow<'_, str>, Vec<String>) {
    if !text.contains('<') {
        return (Cow::Borrowed(text), Vec::new());
    }
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut hidden = Vec::new();
    // Closers known to be missing from the rest of the text, so each is looked for once.
    let mut missing: HashSet<String> = HashSet::new();
    let mut at = 0;
    while let Some(c) = HIDDEN_OPEN.captures_at(text, at) {
        let open = c.get(0).expect("whole match");
        let closer =
            c.get(1).map_or_else(|| "-->".to_owned(), |name| format!("</{}", name.as_str().to_ascii_lowercase()));
        let found = if missing.contains(&closer) { None } else { lower[open.end()..].find(&closer) };
        let end = match found {
            Some(i) => {
                let after = open.end() + i + closer.len();
                if closer == "-->" { after } else { text[after..].find('>').map_or(text.len(), |j| after + j + 1) }
            }
            None => {
                missing.insert(closer);
                PARAGRAPH_END.find_at(text, open.end()).map_or(text.len(), |m| m.start())
            }
        };
        out.push_str(&text[at..open.start()]);
        out.extend(text[open.start()..end].chars().filter(|&ch| ch == '\n'));
        hidden.push(collapse(&text[open.start()..end]));
        at = end;
    }
    out.push_str(&text[at..]);
    (Cow::Owned(out), hidden)
}

/// Characters that change the direction text is shown in (embeddings, overrides,
/// isolates and marks): invisible, they can make a line read differently from what
/// it says, and they split words for search.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text as the pipeline hands it on. What still reads as markup after parsing
/// (escaped tags, tags formed when others were removed: `<<b>b>`) is stripped, a `<`
/// that could still open a tag is dropped, bidirectional and other control
/// characters are dropped, and white space is collapsed. The result holds no tag.
pub fn plain(text: &str) -> String {
    let mut text = Cow::Borrowed(text);
    // Each pass peels one layer; hostile input may have more, which the loop below ends.
    for _ in 0..3 {
        if !has_markup(&text) {
            break;
        }
        text = Cow::Owned(strip_markup(&text));
    }
    // Right to left, so whether a `<` is followed by a letter is decided on the final text.
    let mut kept: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars().rev() {
        let opens_tag =
            c == '<' && kept.last().is_some_and(|&n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        if c.is_whitespace() {
            kept.push(' ');
        } else if !(c.is_control() || is_bidi_control(c) || opens_tag) {
            kept.push(c);
        }
    }
    collapse(&kept.into_iter().rev().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each list of `assets/page/html.txt`, by its name: read whole, and doing what
    /// its rule says.
    #[test]
    fn every_element_list_is_read_whole_and_does_its_rule() {
        let lists: [(&str, &LazyLock<Vec<&str>>, usize); 5] = [
            ("SKIPPED", &SKIPPED, 16),
            ("FLAT", &FLAT, 31),
            ("FURNITURE", &FURNITURE, 5),
            ("BLOCKS", &BLOCKS, 24),
            ("FURNITURE_NAMES", &FURNITURE_NAMES, 22),
        ];
        for (name, list, expected) in lists {
            assert_eq!(list.len(), expected, "[{name}]");
            assert!(list.iter().all(|w| !w.is_empty() && *w == w.trim().to_lowercase()), "[{name}]");
        }
        let doc = parse_document(
            "<html><body><nav><p>Home News</p></nav><div class=\"share-bar\"><p>Tweet this</p></div>\
             <script>var hidden = 1;</script><p>The port reopened on Monday.</p></body></html>",
        );
        assert_eq!(doc.blocks, ["The port reopened on Monday."], "SKIPPED, FURNITURE, FURNITURE_NAMES");
        assert!(doc.removed.iter().any(|r| r == "Home News"), "FURNITURE");
        assert!(doc.removed.iter().any(|r| r == "Tweet this"), "FURNITURE_NAMES");
    }

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
    fn json_ld_site_header_and_captions() {
        let doc = parse_document(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":"NewsArticle","headline":"Drills begin","datePublished":"2022-11-03T08:15:00Z",
            "author":[{"@type":"Person","name":"Ann Lee"},"Jon Doe"],"publisher":{"@type":"Organization","name":"Daily Site"}}]}</script></head>
            <body><header><a href="/">The Site</a><ul><li>Politics</li></ul></header>
            <article><header><h2>Drills begin</h2></header><figure><img src=x><figcaption>Tanks. Photo: Army</figcaption></figure>
            <p>Troops moved on Monday.</p></article></body></html>"#,
        );
        assert_eq!(doc.title.as_deref(), Some("Drills begin"));
        assert_eq!(doc.authors, ["Ann Lee", "Jon Doe"]);
        assert_eq!(doc.site.as_deref(), Some("Daily Site"));
        assert_eq!(doc.published.as_deref(), Some("2022-11-03T08:15:00Z"));
        assert_eq!(doc.blocks, ["Drills begin", "Troops moved on Monday."]);
        assert_eq!(doc.removed, ["The Site Politics", "Tanks. Photo: Army"]);
        // A page header that holds the headline stays; broken JSON-LD is ignored.
        let doc = parse_document(
            r#"<html><head><script type="application/ld+json">{"headline": </script></head><body>
            <header><h1>Port reopens</h1><p>By Ann Lee</p></header><p>The port reopened.</p></body></html>"#,
        );
        assert_eq!(doc.blocks, ["Port reopens", "By Ann Lee", "The port reopened."]);
        assert_eq!((doc.title.as_deref(), doc.published), (Some("Port reopens"), None));
        // No meta tag or JSON-LD names the author: the element whose class does.
        let doc = parse_document(
            r#"<html><body><h1>Port reopens</h1><div class="info"><span class="article__author-name">By Ann Lee</span>
            <span class="date">08.06.2023</span></div><div class="author-bio">Ann Lee has covered the port for twenty years
            and more, for several newspapers.</div><p>The port reopened.</p></body></html>"#,
        );
        assert_eq!(doc.authors, ["Ann Lee"]);
    }

    #[test]
    fn regions_named_as_furniture_and_a_title_that_names_the_site() {
        let doc = parse_document(
            r#"<html><head><title>AZERTAC</title></head><body><div class="top"><div class="logo">AZERTAC</div>
            <div id="main-menu">Politics Economy</div></div><div class="article"><div class="title">Drills end in Lachin</div>
            <div>The drills ended.</div><div class="tags">Tags: drills</div><div class="share_buttons">Share</div>
            <div class="adapter">Kept, for no class word says otherwise.</div></div></body></html>"#,
        );
        assert_eq!(doc.title, None);
        assert_eq!(
            doc.blocks,
            ["Drills end in Lachin", "The drills ended.", "Kept, for no class word says otherwise."]
        );
        assert_eq!(doc.removed, ["AZERTAC", "Politics Economy", "Tags: drills", "Share"]);
        assert_eq!(headline_of_title("Drills end in Lachin | AZERTAC").as_deref(), Some("Drills end in Lachin"));
        assert_eq!(headline_of_title("Daily News - Home"), None);
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

    #[test]
    fn plain_text_holds_no_tag_and_no_control_character() {
        assert_eq!(plain("Harbour &amp; ferry"), "Harbour & ferry");
        assert_eq!(plain("&lt;script&gt;alert(1)&lt;/script&gt;The vote"), "The vote", "escaped tags");
        assert_eq!(plain("<<script>script>alert(2)<</script>/script>Nobody"), "Nobody", "tags formed by removal");
        assert_eq!(plain("<img src=x onerror=alert(1)>Council"), "Council");
        assert_eq!(plain("fares\u{202E} stay\u{2066} the\u{200F} same\u{1b}."), "fares stay the same.");
        assert_eq!(plain("a < b and 3<4, x <= y"), "a < b and 3<4, x <= y");
        assert_eq!(plain("tab\tand\u{0085}line"), "tab and line");
    }

    #[test]
    fn hidden_spans_in_text_files_are_blanked_across_paragraphs() {
        let (text, hidden) = blank_hidden("Kept.<!-- gone -->\n\n<script>\nvar a;\n\nb();\n</script >\n\nAlso kept.");
        assert_eq!(text, "Kept.\n\n\n\n\n\n\n\nAlso kept.");
        assert_eq!(hidden, ["<!-- gone -->", "<script> var a; b(); </script >"]);
        // Never closed: only its paragraph goes, as prose may name the tag.
        let (text, _) = blank_hidden("A <script> tag was found.\n\nThe site is fixed.");
        assert_eq!(text, "A \n\nThe site is fixed.");
        assert_eq!(blank_hidden("No markup here.").0, "No markup here.");
    }

    #[test]
    fn deep_nesting_is_flattened_below_the_limit() {
        let deep = format!("{}x{}", "<div>".repeat(MAX_DEPTH + 10), "</div>".repeat(MAX_DEPTH + 10));
        let flat = flatten_deep(&deep);
        assert_eq!(flat, format!("{}x{}", "<div>".repeat(MAX_DEPTH), "</div>".repeat(MAX_DEPTH)));
        let page = "<div><p>a<br/><img src=x><div>b</div></div>";
        assert!(matches!(flatten_deep(page), Cow::Borrowed(_)), "shallow pages are left alone");
    }
}
