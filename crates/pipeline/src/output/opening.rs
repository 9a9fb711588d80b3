//! The opening screen as static HTML: the timeline's newest rows, laid out as the app
//! lays out its opening view, which the build writes into the page (`cargo xtask seal`)
//! so they are painted as soon as the page is parsed, before the app has loaded. The
//! app replaces them with the same rows once it renders.
//!
//! Invariant: the markup is the app's (`src/lib.rs`'s opening layout, `event_row` in
//! `src/components/timeline.rs`) with the same classes, text, links and ARIA; the
//! end-to-end test `the_opening_screen_is_in_the_page_before_the_app_and_matches_it`
//! compares the two row by row.

use std::fmt::Write as _;

use model::Corpus;
use model::query::{Rows, SHOWN_ENTITIES, SHOWN_SOURCES, State, View, and_more, folds};

/// Rows the opening screen holds: more than the app's first window on a 900-pixel-tall
/// screen (13 rows), so the screen is full wherever the page is read.
pub const OPENING_ROWS: usize = 16;

/// The opening screen for `corpus` (the content of the page's `#app`), or nothing when
/// the corpus has no events (the page keeps its plain loading message).
///
/// Everything but the loading message carries `data-opening`; a link naming another
/// view marks `<html class="linked">` (`assets/boot.js`), and the stylesheet then
/// shows the loading message instead of rows the app would at once replace.
pub fn opening_html(corpus: &Corpus, rows: usize) -> String {
    if corpus.events.is_empty() || rows == 0 {
        return String::new();
    }
    let state = State::default();
    let link = |view: View| escape(&State { view, ..state.clone() }.to_fragment());
    // The default view's rows: every event but the publications repeating one.
    let mut shown_events = model::query::repeated_publications(corpus);
    shown_events.invert();
    let order = Rows::new(shown_events, state.oldest_first);
    let total = order.len();
    let shown = rows.min(total);
    let mut h = String::with_capacity(2000 + shown * 1200);
    h.push_str("<p class=\"loading opening-linked\" role=\"status\" aria-live=\"polite\">Loading Chronicle…</p>\n");
    // The masthead: title, tagline, tabs, and the search box (disabled until the app
    // can search: text typed now would be lost when the app replaces it).
    h.push_str("<header class=\"masthead\" data-opening><h1><a href=\"#\">Chronicle</a></h1>");
    h.push_str("<p class=\"tagline\">Loading the articles…</p><nav class=\"tabs\" aria-label=\"Views\">");
    let tabs =
        [("Timeline", View::Timeline), ("Articles", View::Articles), ("Entities", View::Entities), ("Map", View::Map)];
    for (label, view) in tabs {
        let current = view == View::Timeline;
        let (class, aria) = if current { ("tab current", " aria-current=\"page\"") } else { ("tab", "") };
        let _ = write!(h, "<a class=\"{class}\" href=\"{}\"{aria}>{label}</a>", link(view));
    }
    h.push_str(
        "</nav><div class=\"search\" role=\"search\"><label for=\"search\">Search</label><input id=\"search\" \
         type=\"search\" placeholder=\"Search events and articles\" autocomplete=\"off\" disabled><kbd \
         class=\"key-hint\" title=\"Press / to search\">/</kbd></div><button type=\"button\" \
         class=\"shortcuts-button\" aria-label=\"Keyboard shortcuts\" disabled>?</button>\
         </header>\n",
    );
    h.push_str(
        "<div class=\"explorer\" data-opening><div class=\"drawer\"><div class=\"side\"><p class=\"loading\" \
         role=\"status\">Loading Chronicle…</p></div></div><div class=\"main-column\"><h2 class=\"visually-hidden\">\
         Results</h2><button type=\"button\" class=\"filters-toggle\" disabled>Filters</button><figure \
         class=\"density\" aria-hidden=\"true\"><div class=\"pending-strip\"></div><figcaption>\u{a0}</figcaption>\
         </figure>",
    );
    let count = if shown < total {
        format!("The newest of {total} events; loading the rest…")
    } else if total == 1 {
        "1 event; loading…".to_owned()
    } else {
        format!("{total} events; loading…")
    };
    let _ = write!(
        h,
        "<section class=\"timeline\" aria-label=\"Timeline\" data-total=\"{total}\"><p class=\"result-count\" \
         role=\"status\">{count}</p><div class=\"spacer\" aria-hidden=\"true\"></div><div class=\"years\">"
    );
    // Years, then months, as the timeline groups its window.
    let mut year = None;
    let mut month = String::new();
    for position in 0..shown {
        let Some(i) = order.get(position) else { break };
        let e = &corpus.events[i];
        let d = e.when.start;
        let label = format!("{} {}", model::month_name(d.month), d.year);
        if year != Some(d.year) {
            if year.is_some() {
                h.push_str("</ol></section></section>");
            }
            let _ = write!(h, "<section class=\"year\"><h3>{}</h3>", d.year);
            year = Some(d.year);
            month.clear();
        }
        if month != label {
            if !month.is_empty() {
                h.push_str("</ol></section>");
            }
            let _ = write!(h, "<section class=\"month\"><h4>{label}</h4><ol class=\"events\">");
            month = label;
        }
        let precision = e.when.precision.as_str();
        let long = folds(&e.summary);
        let _ = write!(
            h,
            "\n<li class=\"event kind-{kind}{folded}\" data-id=\"{id}\" tabindex=\"-1\" aria-posinset=\"{pos}\" \
             aria-setsize=\"{total}\"><time class=\"when when-{precision}\" datetime=\"{iso}\" title=\"{title}\">{when}\
             </time><span class=\"kind\">{kind}</span><p class=\"summary\" id=\"summary-{pos}\">{summary}</p>",
            folded = if long { " folded" } else { "" },
            kind = e.kind.as_str(),
            id = escape(&e.id),
            pos = position + 1,
            iso = e.when.start.iso(),
            title = escape(&format!("{} ({precision})", e.when.evidence)),
            when = escape(&e.when.label()),
            summary = escape(&e.summary),
        );
        // The app's fold button; it works once the app has replaced this screen.
        if long {
            let _ = write!(
                h,
                "<button type=\"button\" class=\"unfold\" aria-expanded=\"false\" aria-controls=\"summary-{}\">Show all</button>",
                position + 1
            );
        }
        if !e.entities.is_empty() {
            h.push_str("<ul class=\"chips\" aria-label=\"Entities\">");
            for en in e.entities.iter().take(SHOWN_ENTITIES).filter_map(|&x| corpus.entities.get(x as usize)) {
                let _ = write!(
                    h,
                    "<li><a class=\"chip chip-{}\" href=\"{}\">{}</a></li>",
                    en.kind.as_str(),
                    link(View::Entity(en.id.clone())),
                    escape(&en.name)
                );
            }
            if let Some(more) = and_more(e.entities.len(), SHOWN_ENTITIES) {
                let _ = write!(h, "<li class=\"more\">{more}</li>");
            }
            h.push_str("</ul>");
        }
        let sources = e.sources.len();
        if sources == 1 {
            h.push_str("<p class=\"sources\">Source: ");
        } else {
            let _ = write!(h, "<p class=\"sources\">Reported by {sources} articles: ");
        }
        for a in e.sources.iter().take(SHOWN_SOURCES).filter_map(|s| corpus.articles.get(s.article as usize)) {
            let _ = write!(h, "<a class=\"source\" href=\"{}\">{}</a>", link(View::source(e, &a.id)), escape(&a.title));
        }
        if let Some(more) = and_more(sources, SHOWN_SOURCES) {
            let _ = write!(h, "<span class=\"more\">{more}</span>");
        }
        h.push_str("</p></li>");
    }
    if year.is_some() {
        h.push_str("</ol></section></section>");
    }
    h.push_str("</div><div class=\"spacer\" aria-hidden=\"true\"></div></section></div></div>\n");
    h
}

/// `text` safe inside an element or a double-quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Corpus {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/articles");
        crate::process_dir(&dir).expect("the bundled articles process").corpus
    }

    /// The names of the elements `html` opens, each once, and whether every one it
    /// opens it also closes (`input` has no end tag).
    fn tags(html: &str) -> (std::collections::BTreeSet<String>, bool) {
        let tag = regex::Regex::new(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)").unwrap();
        let mut open: std::collections::HashMap<String, i64> = Default::default();
        for c in tag.captures_iter(html) {
            *open.entry(c[2].to_owned()).or_default() += if c[1].is_empty() { 1 } else { -1 };
        }
        let balanced = open.iter().all(|(name, n)| *n == 0 || name == "input");
        (open.into_keys().collect(), balanced)
    }

    #[test]
    fn the_opening_screen_is_the_newest_rows_grouped_as_the_timeline_groups_them() {
        let corpus = bundled();
        assert!(corpus.events.len() > 3, "the bundled corpus has events");
        let html = opening_html(&corpus, 3);
        let ids: Vec<&str> = html.split("data-id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
        let newest: Vec<&str> = corpus.events.iter().rev().take(3).map(|e| e.id.as_str()).collect();
        assert_eq!(ids, newest);
        assert!(html.contains(&format!("data-total=\"{}\"", corpus.events.len())));
        assert!(html.contains(&format!("aria-setsize=\"{}\"", corpus.events.len())));
        assert!(html.contains("aria-posinset=\"3\"") && !html.contains("aria-posinset=\"4\""));
        // One heading per year and per month the rows fall in, in row order.
        let years: Vec<String> = html.split("<h3>").skip(1).map(|s| s[..s.find('<').unwrap()].to_owned()).collect();
        let mut want: Vec<String> = corpus.events.iter().rev().take(3).map(|e| e.when.start.year.to_string()).collect();
        want.dedup();
        assert_eq!(years, want);
        let (_, balanced) = tags(&html);
        assert!(balanced, "every element is closed: {html}");
        // Every row, and no more than there are events.
        let all = opening_html(&corpus, usize::MAX);
        assert_eq!(all.matches("<li class=\"event ").count(), corpus.events.len());
        assert!(all.contains("events; loading…") && !all.contains("The newest of"));
        assert!(html.contains(&format!("The newest of {} events", corpus.events.len())));
    }

    #[test]
    fn text_from_articles_cannot_become_markup() {
        let ours = [
            "a", "button", "div", "figcaption", "figure", "h1", "h2", "h3", "h4", "header", "input", "kbd", "label",
            "li", "nav", "ol", "p",
        ];
        let ours: std::collections::BTreeSet<String> =
            ours.iter().chain(&["section", "span", "time", "ul"]).map(|s| s.to_string()).collect();
        let check = |corpus: &Corpus| {
            let html = opening_html(corpus, usize::MAX);
            let (names, balanced) = tags(&html);
            assert!(names.is_subset(&ours), "only the screen's own elements: {names:?}");
            assert!(balanced, "{html}");
            html
        };
        // The hostile articles, as the pipeline reads them.
        let hostile = crate::process_dir(std::path::Path::new(crate::testing::HOSTILE_DIR)).expect("processed").corpus;
        assert!(!hostile.events.is_empty(), "the hostile articles have events");
        check(&hostile);
        // Markup in every text a row shows: summary, date evidence, entity name, title.
        let attack = "<img src=x onerror=\"alert(1)\"> & </li></ol>";
        let mut corpus = bundled();
        let e = corpus.events.iter_mut().find(|e| !e.entities.is_empty() && !e.sources.is_empty()).unwrap();
        e.summary = attack.to_owned().into();
        e.when.evidence = attack.to_owned().into();
        let (entity, article) = (e.entities[0] as usize, e.sources[0].article as usize);
        corpus.entities[entity].name = attack.to_owned();
        corpus.articles[article].title = attack.to_owned().into();
        let html = check(&corpus);
        assert!(html.contains(&escape(attack)) && !html.contains(attack));
        assert_eq!(escape("<b title=\"x\">&amp;</b>"), "&lt;b title=&quot;x&quot;&gt;&amp;amp;&lt;/b&gt;");
    }

    #[test]
    fn an_empty_corpus_has_no_opening_screen() {
        assert_eq!(opening_html(&Corpus::default(), OPENING_ROWS), "");
        assert_eq!(opening_html(&bundled(), 0), "");
    }
}
