//! Chronicle's article pipeline: turns a folder of raw article files into the
//! [`model::Corpus`] that `build.rs` embeds in the app. Native only; it never ends up
//! in the wasm bundle. Every problem with an input file becomes a [`Warning`] naming
//! the file, and every readable article is kept.

mod read;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};

use model::Corpus;

pub use read::{ARTICLE_EXTENSIONS, list_articles};
pub use text::parse_article;

/// A problem with one input file that did not stop the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub file: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// A problem that leaves nothing useful to build.
#[derive(Debug)]
pub enum Error {
    /// The corpus folder could not be listed.
    Folder { path: PathBuf, source: std::io::Error },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Folder { path, source } => {
                write!(f, "cannot read the article folder {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for Error {}

/// What a pipeline run produced.
#[derive(Debug, Default)]
pub struct Output {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
    /// Every file that was read, so a build script can ask to be rerun when one changes.
    pub inputs: Vec<PathBuf>,
}

/// Runs the pipeline over every article file in `dir` (not recursive), in file-name order.
pub fn process_dir(dir: &Path) -> Result<Output, Error> {
    let files = list_articles(dir)
        .map_err(|source| Error::Folder { path: dir.to_path_buf(), source })?;
    let mut out = Output::default();
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match read::read_text(&path) {
            Ok((text, notes)) => {
                out.warnings.extend(notes.into_iter().map(|message| Warning { file: name.clone(), message }));
                match parse_article(&path, &text) {
                    Some(article) => out.corpus.articles.push(article),
                    None => out.warnings.push(Warning {
                        file: name.clone(),
                        message: "has no readable text; skipped".into(),
                    }),
                }
            }
            Err(message) => out.warnings.push(Warning { file: name.clone(), message }),
        }
        out.inputs.push(path);
    }
    Ok(out)
}

/// Runs the pipeline and encodes the result in the embedded format ([`model::encode`]).
pub fn bundle_dir(dir: &Path) -> Result<(Vec<u8>, Output), Error> {
    let out = process_dir(dir)?;
    Ok((model::encode(&out.corpus), out))
}
