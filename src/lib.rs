//! Chronicle's Yew app: the component tree that shows the embedded corpus.
//! It never parses raw article text; everything it shows comes from
//! [`corpus::corpus`], decoded once from the bytes `build.rs` embedded.

pub mod components;
pub mod corpus;
mod shell;

use yew::prelude::*;

use crate::components::article_list::ArticleList;

/// The whole app: a corpus that decoded shows its articles; one that did not shows
/// why, instead of a blank page.
#[component]
pub fn App() -> Html {
    use_effect_with((), |_| shell::mark_ready());
    match corpus::corpus() {
        Ok(corpus) => html! {
            <>
                <header class="masthead">
                    <h1>{ "Chronicle" }</h1>
                    <p class="tagline">{ format!("{} articles", corpus.articles.len()) }</p>
                </header>
                <ArticleList articles={corpus.newest_first()} />
            </>
        },
        Err(err) => html! {
            <div class="failure" role="alert">
                <h1>{ "Chronicle could not start" }</h1>
                <p>{ err.to_string() }</p>
            </div>
        },
    }
}

/// Mounts [`App`] into the page's `#app` element, replacing the loading message.
pub fn start() {
    shell::install_panic_hook();
    let root = shell::app_root();
    yew::Renderer::<App>::with_root(root).render();
}
