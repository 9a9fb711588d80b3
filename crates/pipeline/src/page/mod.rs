//! Reading one page, each file on its own: listing and decoding files (`read`), HTML
//! (`html`, `main_content`), cleaning (`clean`), bylines and credits (`meta`),
//! datelines (`dateline`), and the whole `Article` (`article`), with their word lists
//! (`words`). Imports the base modules and `language`, never `corpus` or `output`.

pub mod article;
pub mod clean;
pub mod dateline;
pub mod html;
pub mod main_content;
pub mod meta;
pub mod read;
pub mod words;
