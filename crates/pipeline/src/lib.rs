//! Chronicle's article pipeline: turns folders of raw article files into the
//! [`model::Corpus`] that `build.rs` embeds in the app, and into the JSON the CLI
//! exports. Native only; it never ends up in the wasm bundle. Every problem with an
//! input file becomes a [`Warning`] naming the file, and every readable article is kept.
//!
//! The modules, by stage; imports run one way, down this list (a test holds it):
//! `text`, `rules` and `pattern` (base: import no other pipeline module), `language` (what the
//! words of a sentence say), `page` (reading one file into an `Article`), `corpus`
//! (across articles: recycled passages, entities, events), `output` (preview, opening
//! screen); this root runs them in order and encodes the corpus.

pub mod corpus;
pub mod language;
pub mod output;
pub mod page;
mod pattern;
mod rules;
pub mod testing;
pub mod text;

// The paths the command line, `build.rs`, xtask, the fuzz targets and the tests name.
pub use corpus::{entities, events, recycle};
pub use language::{dates, tagger, when};
pub use output::{chunks, opening, preview};
pub use page::html;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use model::Corpus;

pub use page::article::{MAX_BLOCKS, parse_article};
pub use page::read::{ARTICLE_EXTENSIONS, MAX_BYTES, decode, list_articles, list_files};

use page::{article, read};

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
    /// A corpus folder could not be listed.
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
    /// Every file that was looked at, so a build script can ask to be rerun when one changes.
    pub inputs: Vec<PathBuf>,
    /// Bytes of article files read.
    pub bytes: u64,
    /// Wall time of each step, in order, for the command line's summary.
    pub steps: Vec<(&'static str, Duration)>,
}

/// Runs the pipeline over every file directly inside `dir`, in file-name order.
pub fn process_dir(dir: &Path) -> Result<Output, Error> {
    process_dirs(&[dir.to_path_buf()], |_| {})
}

/// Runs the pipeline over several folders; `progress` is called after each file
/// with the number of files done.
pub fn process_dirs(dirs: &[PathBuf], mut progress: impl FnMut(usize)) -> Result<Output, Error> {
    let mut files = Vec::new();
    for dir in dirs {
        files.extend(list_files(dir).map_err(|source| Error::Folder { path: dir.clone(), source })?);
    }
    let mut out = Output::default();
    let mut clock = Instant::now();
    // Articles with the same clean text are one article: the first file keeps it.
    let mut seen: HashMap<u64, String> = HashMap::new();
    let mut ids: HashSet<String> = HashSet::new();
    // Files are read and parsed in parallel, a batch at a time; what each gives is
    // then taken in file order, so the corpus and the warnings are the same whatever
    // the number of threads (and progress is told after each batch).
    let mut done = 0;
    for batch in files.chunks(READ_BATCH) {
        let read: Vec<Read> = {
            use rayon::prelude::*;
            batch.par_iter().map(|path| read_one(path)).collect()
        };
        for (path, one) in batch.iter().zip(read) {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let mut warn = |message: String| out.warnings.push(Warning { file: name.clone(), message });
            out.bytes += one.bytes;
            one.notes.into_iter().for_each(&mut warn);
            if let Some(mut article) = one.article {
                let key = text_key(&article.paragraphs);
                // Empty texts are no one's duplicates: each such page is its own article.
                if let Some(first) = seen.get(&key).filter(|_| !article.paragraphs.is_empty()) {
                    warn(format!("has the same text as {first}; skipped as a duplicate"));
                } else {
                    if ids.contains(&*article.id) {
                        // `news.txt` beside `news.html`: both are kept, the later
                        // in name order under an id with its extension.
                        let free = free_id(&article.id, &article.file, &ids);
                        warn(format!("has the same name as another article ({}); its id is {free}", article.id));
                        article.id = free.into();
                    }
                    seen.insert(key, name.clone());
                    ids.insert(article.id.to_string());
                    out.corpus.articles.push(article);
                }
            }
            out.inputs.push(path.clone());
        }
        done += batch.len();
        progress(done);
    }
    if out.corpus.articles.is_empty() {
        // Not an error: the app builds and says there is nothing to show yet.
        let folders: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        out.warnings.push(Warning {
            file: folders.join(", "),
            message: format!(
                "holds no readable article (.{} files); the corpus is empty",
                ARTICLE_EXTENSIONS.join(", .")
            ),
        });
    }
    let mut lap = |out: &mut Output, step: &'static str| {
        let now = Instant::now();
        out.steps.push((step, now - clock));
        clock = now;
    };
    lap(&mut out, "read");
    recycle::mark_recycled(&mut out.corpus.articles);
    lap(&mut out, "recycled");
    out.corpus.entities = entities::extract(&out.corpus.articles);
    lap(&mut out, "entities");
    out.corpus.events = events::extract(&out.corpus.articles, &out.corpus.entities);
    lap(&mut out, "events");
    Ok(out)
}

/// Files read and parsed in parallel before their articles join the corpus in order:
/// enough to keep every core busy, few enough that progress is told often.
const READ_BATCH: usize = 256;

/// What one file gave: its article, if it holds one, and the notes on it in order.
struct Read {
    article: Option<model::Article>,
    notes: Vec<String>,
    bytes: u64,
}

/// Reads and parses one file, on its own (no other file's result is needed).
fn read_one(path: &Path) -> Read {
    let mut one = Read { article: None, notes: Vec::new(), bytes: 0 };
    if !read::is_article_file(path) {
        one.notes
            .push(format!("is not an article file (expected a .{} file); skipped", ARTICLE_EXTENSIONS.join(", .")));
        return one;
    }
    let decoded = match read::read_text(path) {
        Ok(decoded) => decoded,
        Err(message) => {
            one.notes.push(message);
            return one;
        }
    };
    one.bytes = decoded.text.len() as u64;
    one.notes.extend(decoded.notes);
    match article::parse(path, &decoded.text) {
        Ok((article, notes)) => {
            one.notes.extend(notes);
            if article.paragraphs.is_empty() {
                one.notes.push(format!(
                    "no body text was found, only the title “{}” ({} passages of page furniture set aside); kept with its title",
                    article.title,
                    article.removed.len()
                ));
            }
            one.article = Some(article);
        }
        Err(message) => one.notes.push(message),
    }
    one
}

/// The JSON export of a run (`model::export`'s schema), pretty-printed.
pub fn to_json(out: &Output) -> String {
    let warnings: Vec<(String, String)> = out.warnings.iter().map(|w| (w.file.clone(), w.message.clone())).collect();
    serde_json::to_string_pretty(&model::export::export(&out.corpus, &warnings))
        .expect("export types serialise to JSON")
}

/// An article id not in `taken` for a file whose name's stem (`id`) is: the stem and
/// the extension (`news-html`), then a number if even that is taken.
fn free_id(id: &str, file: &str, taken: &HashSet<String>) -> String {
    let extension = Path::new(file).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let base = if extension.is_empty() { id.to_owned() } else { format!("{id}-{extension}") };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// A fingerprint of an article's clean text, for spotting duplicate files.
fn text_key(paragraphs: &[model::Text]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    paragraphs.hash(&mut h);
    h.finish()
}

/// Runs the pipeline and encodes the result in the embedded format ([`model::encode`]).
pub fn bundle_dir(dir: &Path) -> Result<(Vec<u8>, Output), Error> {
    let (split, out) = bundle_split(dir, usize::MAX, chunks::CHUNK_BYTES)?;
    Ok((split.corpus, out))
}

/// [`bundle_dir`] as the build writes it: split when its bodies hold `from` bytes or
/// more, in chunks of about `chunk_bytes` (`chunks::split`).
pub fn bundle_split(dir: &Path, from: usize, chunk_bytes: usize) -> Result<(chunks::Split, Output), Error> {
    let mut out = process_dir(dir)?;
    let started = Instant::now();
    let split = chunks::split(&out.corpus, from, chunk_bytes);
    out.steps.push(("encode", started.elapsed()));
    Ok((split, out))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    /// The stages in import order: a module may import only modules of its own stage or
    /// of one above it; the base modules import none.
    const STAGES: [&str; 7] = ["text", "rules", "pattern", "language", "page", "corpus", "output"];

    /// The last base module's place in [`STAGES`].
    const BASE: usize = 2;

    /// A module of the crate as the import rule sees it: a base module, or a stage's
    /// module (`page::meta`, `language::when`), from a path under `src/`.
    fn unit(path: &str) -> Option<String> {
        let parts: Vec<&str> = path.trim_end_matches(".rs").split('/').collect();
        match parts[..] {
            [base] if stage(base) <= BASE => Some(base.to_owned()),
            [stage, module, ..] if STAGES.contains(&stage) && module != "mod" => Some(format!("{stage}::{module}")),
            _ => None,
        }
    }

    fn stage(unit: &str) -> usize {
        let first = unit.split("::").next().unwrap_or(unit);
        STAGES.iter().position(|s| *s == first).unwrap_or(STAGES.len())
    }

    /// Every module's imports of other modules of the crate, from its source outside
    /// comments and its tests.
    fn imports() -> BTreeMap<String, BTreeSet<String>> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        let mut dirs = vec![src.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && path.file_name().is_some_and(|n| n != "tests.rs")
                {
                    // A `tests.rs` is a module's tests in a file of their own.
                    files.push(path);
                }
            }
        }
        let path_of = regex::Regex::new(r"crate::(\w+)(?:::(\w+))?").expect("valid regex");
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in files {
            let relative = file.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/");
            let Some(from) = unit(&relative) else { continue };
            let text = std::fs::read_to_string(&file).expect("source is readable");
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for c in path_of.captures_iter(line) {
                    let to = match (&c[1], c.get(2)) {
                        (base, _) if stage(base) <= BASE => base.to_owned(),
                        (stage, Some(module)) if STAGES.contains(&stage) => format!("{stage}::{}", module.as_str()),
                        (other, _) => other.to_owned(),
                    };
                    if to != from {
                        out.entry(from.clone()).or_default().insert(to);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn imports_run_one_way_down_the_stages() {
        let imports = imports();
        assert!(imports.get("page::meta").is_some_and(|i| i.contains("page::dateline")), "{imports:?}");
        for (from, tos) in &imports {
            for to in tos {
                let ok = if stage(from) <= BASE { false } else { stage(to) <= stage(from) };
                assert!(ok, "{from} imports {to}, which is not above it (stages: {STAGES:?})");
            }
        }
    }

    #[test]
    fn no_module_imports_itself_through_others() {
        let imports = imports();
        // Depth-first search for a cycle, naming it when found.
        fn visit<'a>(
            at: &'a str,
            imports: &'a BTreeMap<String, BTreeSet<String>>,
            path: &mut Vec<&'a str>,
            done: &mut BTreeSet<&'a str>,
        ) {
            if let Some(i) = path.iter().position(|p| *p == at) {
                panic!("import circle: {} -> {at}", path[i..].join(" -> "));
            }
            if !done.insert(at) {
                return;
            }
            path.push(at);
            for to in imports.get(at).into_iter().flatten() {
                visit(to, imports, path, done);
            }
            path.pop();
        }
        let mut done = BTreeSet::new();
        for from in imports.keys() {
            visit(from, &imports, &mut Vec::new(), &mut done);
        }
    }
}
