//! The reader: an article's clean text with entity mentions linked to their cards,
//! recycled passages marked, the removed page furniture on request, and how each
//! piece of metadata was found.

use model::query::{State, View};
use model::{Article, Basis, Corpus};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub id: AttrValue,
    pub state: State,
}

/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
pub fn reader(props: &ReaderProps) -> Html {
    let Ok(corpus) = crate::corpus::corpus() else { return html! {} };
    let close = State { view: View::Timeline, ..props.state.clone() }.to_fragment();
    let Some((index, article)) = corpus.articles.iter().enumerate().find(|(_, a)| a.id == props.id.as_str()) else {
        return html! {
            <section class="reader missing" role="alert">
                <h2>{ "No such article" }</h2>
                <p>{ format!("This corpus has no article “{}”.", props.id) }</p>
                <a href={close}>{ "Back to the timeline" }</a>
            </section>
        };
    };
    let published = match &article.published {
        Some(p) => format!(
            "{} ({}, from “{}”)",
            p.label(),
            if p.basis == Basis::Stated { "stated" } else { "inferred" },
            p.evidence
        ),
        None => "unknown".to_owned(),
    };
    html! {
        <article class="reader" aria-labelledby="reader-title">
            <header>
                <h2 id="reader-title">{ &*article.title }</h2>
                <a class="close" href={close} aria-label="Close the article (Escape)">{ "×" }</a>
            </header>
            <dl class="metadata">
                <dt>{ "Title" }</dt><dd>{ if article.title_stated { "from the headline" } else { "derived from the lead (no headline)" } }</dd>
                <dt>{ "Published" }</dt><dd>{ published }</dd>
                <dt>{ "Authors" }</dt><dd>{ if article.authors.is_empty() { "none named".to_owned() } else { credited(&article.authors, &article.credited) } }</dd>
                if !article.outlets.is_empty() {
                    <dt>{ "Outlet" }</dt><dd>{ credited(&article.outlets, article.credited.get(article.authors.len()..).unwrap_or_default()) }</dd>
                }
                <dt>{ "File" }</dt><dd>{ &*article.file }</dd>
            </dl>
            <div class="body">
                { for article.paragraphs.iter().enumerate().map(|(p, text)| paragraph(corpus, index as u32, article, p, text, &props.state)) }
            </div>
            if !article.removed.is_empty() {
                <details class="removed">
                    <summary>{ format!("Removed page furniture ({})", article.removed.len()) }</summary>
                    <ul>{ for article.removed.iter().map(|r| html! { <li>{ &**r }</li> }) }</ul>
                </details>
            }
        </article>
    }
}

/// Names with where each was read: "Ann Lee (from “By Ann Lee”)".
fn credited(names: &[String], from: &[model::Text]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(name);
        if let Some(f) = from.get(i).filter(|f| !f.is_empty()) {
            out.push_str(&format!(" (from {f})"));
        }
    }
    out
}

fn paragraph(corpus: &'static Corpus, a: u32, article: &Article, p: usize, text: &str, state: &State) -> Html {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, e) in corpus.entities.iter().enumerate() {
        for m in e.mentions.iter().filter(|m| m.article == a && m.paragraph as usize == p) {
            spans.push((m.start as usize, m.end as usize, i));
        }
    }
    model::order::sort(&mut spans);
    let mut parts = Vec::new();
    let mut at = 0;
    for (s, e, i) in spans {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        let entity = &corpus.entities[i];
        parts.push(html! { { &text[at..s] } });
        let href = State { view: View::Entity(entity.id.clone()), ..state.clone() }.to_fragment();
        parts.push(html! { <a class={classes!("mention", format!("chip-{}", entity.kind.as_str()))} href={href}>{ &text[s..e] }</a> });
        at = e;
    }
    parts.push(html! { { &text[at..] } });
    let recycled = article.recycled.iter().find(|r| r.paragraph as usize == p);
    match recycled {
        Some(r) => {
            let first = corpus.articles.iter().find(|x| x.id == r.first_seen);
            let when = first.and_then(|x| x.published.as_ref()).map_or(String::new(), |d| format!(", first on {}", d.label()));
            let others = r.articles.saturating_sub(1);
            html! {
                <details class="recycled" open=true>
                    <summary>{ format!("Recycled: also in {others} other articles{when}") }</summary>
                    <p>{ for parts }</p>
                </details>
            }
        }
        None => html! { <p>{ for parts }</p> },
    }
}
