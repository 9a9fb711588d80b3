//! One article in the list: title, date, authors and opening line, expandable to the
//! full text. Text is always inserted as text, never as markup.

use model::Article;
use yew::prelude::*;

/// How much of the lead a closed article shows.
pub const OPENING_CHARS: usize = 240;

#[derive(Properties, PartialEq)]
pub struct ArticleItemProps {
    pub article: &'static Article,
}

#[component]
pub fn ArticleItem(props: &ArticleItemProps) -> Html {
    let expanded = use_state(|| false);
    let article = props.article;
    let on_toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let body_id = format!("article-body-{}", article.id);
    let title_class = if article.title_stated { "title" } else { "title derived" };
    html! {
        <li class="article" data-id={article.id.clone()}>
            <article aria-labelledby={format!("article-title-{}", article.id)}>
                <h2 class={title_class} id={format!("article-title-{}", article.id)}>
                    <button type="button" class="toggle" aria-expanded={expanded.to_string()}
                        aria-controls={body_id.clone()} onclick={on_toggle}>
                        { &article.title }
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
                        { for article.paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
                    </div>
                } else {
                    <p class="lead" id={body_id}>{ article.opening(OPENING_CHARS) }</p>
                }
            </article>
        </li>
    }
}
