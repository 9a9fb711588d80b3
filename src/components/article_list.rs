//! The list of articles, in the order it is given.

use model::Article;
use yew::prelude::*;

use crate::components::article_item::ArticleItem;

/// A plain function, not a component: it keeps no state, and each component type
/// costs the wasm bundle kilobytes.
pub fn article_list(articles: &[&'static Article]) -> Html {
    if articles.is_empty() {
        return html! {
            <p class="empty">{ "No articles yet. Put article files in assets/articles/ and rebuild." }</p>
        };
    }
    html! {
        <ol class="articles" aria-label="Articles, newest first">
            { for articles.iter().map(|a| html! { <ArticleItem key={a.id.to_string()} article={*a} /> }) }
        </ol>
    }
}
