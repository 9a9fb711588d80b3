//! The app's components, one a file.

pub mod article_item;
pub mod article_list;
