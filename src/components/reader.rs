//! The reader: an article's clean text with entity mentions linked to their cards,
//! recycled passages marked, the search words marked, the sentence a source link
//! opened it at marked and scrolled to, the removed page furniture on request, and
//! how each piece of metadata was found.

use std::borrow::Cow;

use model::query::{State, View};
use model::{Article, Basis, Corpus};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bodies::{self, Whole};
use crate::components::use_data;
use crate::hooks::{no_cleanup, use_effect_on};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub id: AttrValue,
    pub state: State,
}

/// The article `id`, whole: a component, since a split corpus's body may have to be
/// fetched first (`bodies`), and the reader renders again when it comes.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let update = use_force_update();
    let data = use_data();
    let number = data.and_then(|d| d.corpus.articles.iter().position(|a| *a.id == *props.id));
    let whole = number.map_or(Whole::Here, |n| bodies::whole(n as u32, Callback::from(move |_| update.force_update())));
    // A body that came after the first render: its target sentence is shown now.
    let came = matches!(whole, Whole::Ready(_));
    use_effect_on(came, |&came| {
        if came {
            show_target();
        }
        no_cleanup()
    });
    match data {
        Some(d) => reader(d.corpus, &props.id, &props.state, whole),
        None => Html::default(),
    }
}

/// The article `id` of `corpus`, its links keeping `state`'s filters, its body as
/// `whole` says.
fn reader(corpus: &'static Corpus, id: &str, state: &State, whole: Whole) -> Html {
    let close = State { view: View::Timeline, ..state.clone() }.to_fragment();
    let Some((index, article)) = corpus.articles.iter().enumerate().find(|(_, a)| a.id == id) else {
        return html! {
            <section class="reader missing" role="alert">
                <h2>{ "No such article" }</h2>
                <p>{ format!("This corpus has no article “{}”.", id) }</p>
                <a href={close}>{ "Back to the timeline" }</a>
            </section>
        };
    };
    let (article, rest) = match &whole {
        Whole::Here => (Cow::Borrowed(article), Html::default()),
        Whole::Ready(body) => (Cow::Owned(body.fill(article)), Html::default()),
        Whole::Loading => (
            Cow::Borrowed(article),
            html! { <p class="body-loading" role="status">{ "Loading the rest of the article…" }</p> },
        ),
        Whole::Failed(why) => (
            Cow::Borrowed(article),
            html! { <p class="body-loading failed" role="alert">{ format!("The rest of this article cannot be shown. {why}") }</p> },
        ),
    };
    let article = &*article;
    // Where a source link opened it: the event's sentence, marked.
    let target = match &state.view {
        View::Article(_, Some(event)) => model::query::target_in(corpus, article, event),
        _ => None,
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
                { for article.paragraphs.iter().enumerate().map(|(p, text)| {
                    let target = target.filter(|t| t.0 == p).map(|t| (t.1, t.2));
                    paragraph(corpus, index as u32, article, p, text, state, target)
                }) }
                { rest }
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

/// A paragraph: entity mentions linked to their cards, the words of the search marked
/// (`<mark>`), and the target sentence (`target`: its byte range, when the article was
/// opened at an event of this paragraph) in one `<mark class="at">` the app scrolls to.
fn paragraph(
    corpus: &'static Corpus,
    a: u32,
    article: &Article,
    p: usize,
    text: &str,
    state: &State,
    target: Option<(usize, usize)>,
) -> Html {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, e) in corpus.entities.iter().enumerate() {
        for m in e.mentions.iter().filter(|m| m.article == a && m.paragraph as usize == p) {
            spans.push((m.start as usize, m.end as usize, i));
        }
    }
    model::order::sort(&mut spans);
    // Mentions that overlap one before them, or cross the target's edge, are left
    // unlinked: the target stays one element holding the whole sentence.
    let mut mentions = Vec::new();
    let mut at = 0;
    for (s, e, i) in spans {
        let crosses = target.is_some_and(|(ts, te)| (s < ts && e > ts) || (s < te && e > te));
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) || crosses {
            continue;
        }
        mentions.push((s, e, i));
        at = e;
    }
    let words = model::query::highlights(text, &state.filter.text);
    let run = |from: usize, to: usize| inline(corpus, text, (from, to), &mentions, &words, state);
    let parts = match target {
        Some((s, e)) if s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e) => html! {
            <>
                { run(0, s) }
                <mark class="at" id="at" tabindex="-1">{ run(s, e) }</mark>
                { run(e, text.len()) }
            </>
        },
        _ => run(0, text.len()),
    };
    let recycled = article.recycled.iter().find(|r| r.paragraph as usize == p);
    match recycled {
        Some(r) => {
            let first = corpus.articles.iter().find(|x| x.id == r.first_seen);
            let when =
                first.and_then(|x| x.published.as_ref()).map_or(String::new(), |d| format!(", first on {}", d.label()));
            let others = r.articles.saturating_sub(1);
            html! {
                <details class="recycled" open=true>
                    <summary>{ format!("Recycled: also in {others} other articles{when}") }</summary>
                    <p>{ parts }</p>
                </details>
            }
        }
        None => html! { <p>{ parts }</p> },
    }
}

/// `text[from..to]` with the mentions in it linked and the search words in it marked
/// (a word running into or out of a mention is marked on each side).
fn inline(
    corpus: &'static Corpus,
    text: &str,
    (from, to): (usize, usize),
    mentions: &[(usize, usize, usize)],
    words: &[(usize, usize)],
    state: &State,
) -> Html {
    let mut parts = Vec::new();
    let mut at = from;
    for &(s, e, i) in mentions.iter().filter(|&&(s, e, _)| s >= from && e <= to) {
        parts.push(marked(text, at, s, words));
        let entity = &corpus.entities[i];
        let href = State { view: View::Entity(entity.id.clone()), ..state.clone() }.to_fragment();
        let class = format!("mention chip-{}", entity.kind.as_str());
        parts.push(html! { <a class={class} href={href}>{ marked(text, s, e, words) }</a> });
        at = e;
    }
    parts.push(marked(text, at, to, words));
    html! { <>{ for parts }</> }
}

/// `text[from..to]` with the parts of it the search words cover in `<mark>`.
fn marked(text: &str, from: usize, to: usize, words: &[(usize, usize)]) -> Html {
    let mut parts = Vec::new();
    let mut at = from;
    for &(s, e) in words {
        let (s, e) = (s.max(from), e.min(to));
        if s >= e || s < at {
            continue;
        }
        parts.push(html! { { &text[at..s] } });
        parts.push(html! { <mark>{ &text[s..e] }</mark> });
        at = e;
    }
    if at < to {
        parts.push(html! { { &text[at..to] } });
    }
    html! { <>{ for parts }</> }
}

/// Scrolls the sentence an article was opened at (`mark.at`) to the middle of the
/// screen and focuses it, so a screen reader starts there too; nothing when there is
/// none. The app calls it after rendering an article view.
pub fn show_target() {
    let Some(mark) = gloo::utils::document().get_element_by_id("at") else { return };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(mark) = mark.dyn_into::<web_sys::HtmlElement>() {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = mark.focus_with_options(&focus);
    }
}
