//! An HTML page's main content: the article's body without the site around it
//! (menus, teasers, related lists, comments), found by `rs-trafilatura`, a Rust port
//! of trafilatura. It was chosen by measurement on the article-extraction benchmark's
//! development half (see ARCHITECTURE.md, "Page cleaning"); the pipeline's own rules
//! then read header lines and drop the furniture it leaves.

/// The main content's blocks (its paragraphs, list items and headings), white space
/// collapsed, in page order; `None` when the extractor finds no content.
pub fn blocks(source: &str) -> Option<Vec<String>> {
    let options = rs_trafilatura::Options::default();
    // The extractor gets the page as the pipeline's parser read it, without scripts
    // or hidden elements and nested no deeper than that parser allows (it recurses).
    let found = rs_trafilatura::extract_with_options(&crate::page::html::visible_markup(source), &options).ok()?;
    // The content's markup keeps its paragraphs apart; its text joins short ones.
    let blocks: Vec<String> = match found.content_html.as_deref().map(crate::page::html::fragment_blocks) {
        Some(blocks) if !blocks.is_empty() => blocks,
        _ => found.content_text.lines().map(crate::page::html::collapse).filter(|b| !b.is_empty()).collect(),
    };
    (!blocks.is_empty()).then_some(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_wrapped_in_classes_with_furniture_words_is_kept() {
        // Wrappers named like furniture once split at '-' or '_' ("l-sidebar-fixed",
        // "ad_body", "has-section-nav") threw whole bodies away before.
        let paragraph = "The council voted on Tuesday to rebuild the harbour wall, which storms breached twice \
                         last winter, and to pay for it from the port's own reserves rather than new taxes.";
        let page = format!(
            "<html><head><title>Harbour wall to be rebuilt</title></head><body>\
             <div class=\"l-sidebar-fixed has-section-nav\"><div class=\"ad_body content-with-sidebar-wrp\">\
             <h1>Harbour wall to be rebuilt</h1><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div></div>\
             <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></body></html>"
        );
        let found = blocks(&page).expect("a body");
        assert!(found.iter().filter(|b| b.as_str() == paragraph).count() == 3, "{found:?}");
        assert!(!found.iter().any(|b| b.contains("Home")), "{found:?}");
    }

    #[test]
    fn hidden_elements_and_scripts_are_no_content() {
        let paragraph = "The council voted on Tuesday to rebuild the harbour wall, which storms breached twice \
                         last winter, and to pay for it from the port's own reserves rather than new taxes.";
        let page = format!(
            "<html><body><article><p>{paragraph}</p><p hidden>Hidden words.</p>\
             <div style=\"display: none\">Unseen words.</div><p aria-hidden=\"true\">Silent words.</p>\
             <svg><text>Drawn words.</text></svg><p>{paragraph}</p></article></body></html>"
        );
        let found = blocks(&page).expect("a body").join(" ");
        for unseen in ["Hidden", "Unseen", "Silent", "Drawn"] {
            assert!(!found.contains(unseen), "{unseen}: {found}");
        }
    }

    #[test]
    fn a_page_with_no_text_has_no_content() {
        assert_eq!(blocks("<html><body><div></div></body></html>"), None);
    }
}
