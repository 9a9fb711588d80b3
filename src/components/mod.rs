//! The app's components, one a file.

pub mod article_item;
pub mod article_list;
pub mod density;
pub mod entity_card;
pub mod entity_list;
pub mod export;
pub mod filters;
pub mod graph;
pub mod marked;
pub mod reader;
pub mod search_bar;
pub mod timeline;
