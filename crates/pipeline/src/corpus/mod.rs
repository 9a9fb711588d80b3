//! Across the corpus, once every article is read: recycled passages (`recycle`),
//! entities found in each article and merged across them (`entities`), and events
//! merged from every report of them (`events`). Imports the base modules, `language`
//! and `page`, never `output`.

pub mod entities;
pub mod events;
pub mod recycle;
