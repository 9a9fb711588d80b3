//! One article in the list: title, date, authors and opening line, expandable to the
//! full text. Text is always inserted as text, never as markup.

use model::Article;
use yew::prelude::*;

use crate::bodies::{self, Whole};
use crate::components::use_data;

/// How much of the lead a closed article shows.
pub const OPENING_CHARS: usize = 240;

#[derive(Properties, PartialEq)]
pub struct ArticleItemProps {
    pub article: &'static Article,
}

#[component]
pub fn ArticleItem(props: &ArticleItemProps) -> Html {
    let expanded = use_state(|| false);
    let update = use_force_update();
    let data = use_data();
    let article = props.article;
    // A split corpus's article opened here may need its body fetched (`bodies`).
    let whole = match data.filter(|_| *expanded) {
        Some(d) => match d.corpus.articles.iter().position(|a| std::ptr::eq(a, article)) {
            Some(n) => bodies::whole(n as u32, Callback::from(move |_| update.force_update())),
            None => Whole::Here,
        },
        None => Whole::Here,
    };
    let (paragraphs, rest) = match &whole {
        Whole::Ready(body) => (&body.paragraphs[..], Html::default()),
        Whole::Here => (&article.paragraphs[..], Html::default()),
        Whole::Loading => (
            &article.paragraphs[..],
            html! { <p class="body-loading" role="status">{ "Loading the rest of the article…" }</p> },
        ),
        Whole::Failed(why) => (
            &article.paragraphs[..],
            html! { <p class="body-loading failed" role="alert">{ format!("The rest of this article cannot be shown. {why}") }</p> },
        ),
    };
    let on_toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    // Article ids are file names (spaces, "#", "&" and all); DOM ids must not be.
    let token = dom_token(&article.id);
    let body_id = format!("article-body-{token}");
    let title_class = if article.title_stated { "title" } else { "title derived" };
    html! {
        <li class="article" data-id={article.id.clone()}>
            <article aria-labelledby={format!("article-title-{token}")}>
                <h2 class={title_class} id={format!("article-title-{token}")}>
                    <button type="button" class="toggle" aria-expanded={expanded.to_string()}
                        aria-controls={body_id.clone()} onclick={on_toggle}>
                        { &*article.title }
                    </button>
                </h2>
                <p class="meta">
                    {
                        match &article.published {
                            Some(p) => html! { <time datetime={p.start.iso()}>{ p.label() }</time> },
                            None => html! { <span class="undated">{ "Date unknown" }</span> },
                        }
                    }
                    if !article.authors.is_empty() {
                        <span class="authors">{ format!(" · {}", article.authors.join(", ")) }</span>
                    }
                    if !article.outlets.is_empty() {
                        <span class="outlets">{ format!(" · {}", article.outlets.join(", ")) }</span>
                    }
                </p>
                if *expanded {
                    <div class="body" id={body_id}>
                        { for paragraphs.iter().map(|p| html! { <p>{ &**p }</p> }) }
                        { rest }
                    </div>
                } else {
                    <p class="lead" id={body_id}>{ article.opening(OPENING_CHARS) }</p>
                }
            </article>
        </li>
    }
}

/// `id` as a DOM id part: letters, digits and "-" kept, every other byte as "_" and two
/// hex digits, so different ids stay different and references never break.
pub fn dom_token(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(b as char);
        } else {
            out.push_str(&format!("_{b:02x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn dom_tokens_are_plain_and_distinct() {
        use super::dom_token;
        assert_eq!(dom_token("000_ab-1"), "000_5fab-1");
        assert_eq!(dom_token("Q&A #1 = 100%"), "Q_26A_20_231_20_3d_20100_25");
        assert_ne!(dom_token("a b"), dom_token("a_b"));
        assert!(dom_token("Türkiye").chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }
}
