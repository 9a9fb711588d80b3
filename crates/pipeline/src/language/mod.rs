//! Language: what the words of a sentence say, for any stage to ask. Dates and their
//! words (`dates`, `date_words`, `when`), places (`gazetteer`), an event's kind
//! (`kinds`), the name tagger (`tagger`) and the entity rules' word lists
//! (`name_words`). Imports only the base modules (`text`, `rules`), never a page,
//! corpus or output module.

pub mod date_words;
pub mod dates;
pub mod gazetteer;
pub mod kinds;
pub mod name_words;
pub mod tagger;
pub mod when;
