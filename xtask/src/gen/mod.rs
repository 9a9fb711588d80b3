//! `cargo xtask gen`: writes a corpus of realistic, messy news articles about an
//! invented world, byte for byte the same for the same seed, so benchmarks can run at
//! any size. Articles mix invented countries, people, organisations, places, exercises
//! and agreements with real places from `assets/gazetteer/`, and carry what scraped news
//! carries: bylines (some glued to the first word), datelines in many forms, page
//! furniture, missing titles and dates, and background paragraphs recycled word for word.
//! Between the fixed sentences that carry the article's dated facts runs free prose
//! (`prose`): what experts, locals and officials said, plans, figures, doubts.
//!
//! Here: the command, the seeded generator (`Rng`) and the folder it writes. Below it, one idea a
//! file: `world.rs` (the invented world and its names), `story.rs` (an article's facts and body),
//! `dates.rs` (days and the phrases that date them), `layout.rs` (plain text or a saved web page)
//! and `prose.rs` (the grammar of the free prose).

mod dates;
mod layout;
mod prose;
mod story;
mod world;

use std::path::{Path, PathBuf};

use world::World;

/// The seed `gen` and `bench` use unless told otherwise.
pub const DEFAULT_SEED: u64 = 7;

/// A file in the output folder that marks it as written by the generator (a dot file,
/// which the pipeline skips), so a second run may clear it.
pub const STAMP: &str = ".chronicle-gen";

/// splitmix64: tiny, fast and the same sequence on every platform for a seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// An independent stream for item `stream` of a run seeded with `seed`.
    pub fn fork(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of `words`.
    pub fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    /// An index in `0..n` skewed towards 0: news names a few actors often and most
    /// of them rarely.
    pub fn skewed(&mut self, n: usize) -> usize {
        ((self.unit().powi(3) * n as f64) as usize).min(n.saturating_sub(1))
    }
}

/// `cargo xtask gen --articles N [--seed S] --out DIR`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut articles = None;
    let mut seed = DEFAULT_SEED;
    let mut out = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--articles" => {
                articles = Some(value("--articles")?.parse::<usize>().map_err(|e| format!("--articles: {e}"))?)
            }
            "--seed" => seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            other => return Err(format!("gen: unknown argument `{other}` (gen --articles N [--seed S] --out DIR)")),
        }
    }
    let (Some(articles), Some(out)) = (articles, out) else {
        return Err("gen needs --articles N and --out DIR".into());
    };
    let started = std::time::Instant::now();
    let bytes = generate(articles, seed, &out)?;
    println!(
        "xtask: wrote {articles} articles ({:.1} MB, seed {seed}) to {} in {:.1?}",
        bytes as f64 / 1e6,
        out.display(),
        started.elapsed()
    );
    Ok(())
}

/// Whether `dir` already holds exactly what `generate(articles, seed, dir)` writes.
pub fn is_generated(dir: &Path, articles: usize, seed: u64) -> bool {
    std::fs::read_to_string(dir.join(STAMP)).is_ok_and(|s| s == stamp_text(articles, seed))
}

fn stamp_text(articles: usize, seed: u64) -> String {
    format!("chronicle gen v2: {articles} articles, seed {seed}\n")
}

/// Writes `articles` files into `out` (created; a folder the generator wrote before is
/// cleared; any other non-empty folder is refused). Returns the bytes written.
pub fn generate(articles: usize, seed: u64, out: &Path) -> Result<u64, String> {
    prepare(out)?;
    let world = World::new(articles, seed, &crate::root().join("assets/gazetteer"))?;
    let mut total = 0u64;
    for i in 0..articles {
        let (name, bytes) = world.article(i);
        total += bytes.len() as u64;
        std::fs::write(out.join(&name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    std::fs::write(out.join(STAMP), stamp_text(articles, seed)).map_err(|e| format!("cannot write the stamp: {e}"))?;
    Ok(total)
}

fn prepare(out: &Path) -> Result<(), String> {
    if out.exists() {
        let empty = std::fs::read_dir(out).map_err(|e| format!("cannot list {}: {e}", out.display()))?.next().is_none();
        if !empty && !out.join(STAMP).exists() {
            return Err(format!(
                "{} is not empty and was not written by `xtask gen`; name an empty folder",
                out.display()
            ));
        }
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))
}

pub(super) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::dates::{Day, WEEKDAYS};
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-gen-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn days_round_trip_and_know_their_weekday() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2021, 10, 5), (2024, 12, 31), (1999, 3, 1)] {
            assert_eq!(Day::from_ymd(y, m, d).ymd(), (y, m, d));
        }
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        assert_eq!(WEEKDAYS[Day::from_ymd(2021, 10, 5).weekday()], "Tuesday");
        assert_eq!(Day::from_ymd(2021, 3, 1).plus(-1).ymd(), (2021, 2, 28));
    }

    #[test]
    fn the_same_seed_writes_the_same_bytes() {
        let (a, b, c) = (temp("a"), temp("b"), temp("c"));
        generate(30, 11, &a).unwrap();
        generate(30, 11, &b).unwrap();
        generate(30, 12, &c).unwrap();
        assert_eq!(files(&a), files(&b));
        assert_ne!(files(&a), files(&c));
        assert!(is_generated(&a, 30, 11) && !is_generated(&a, 30, 12));
        for dir in [a, b, c] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn refuses_a_folder_it_did_not_write() {
        let dir = temp("foreign");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        assert!(generate(3, 1, &dir).is_err());
        assert!(dir.join("notes.txt").exists());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn articles_are_news_sized_and_messy() {
        let world = World::new(400, DEFAULT_SEED, &crate::root().join("assets/gazetteer")).unwrap();
        let articles: Vec<(String, String)> =
            (0..400).map(|i| world.article(i)).map(|(n, b)| (n, String::from_utf8(b).unwrap())).collect();
        let sizes: Vec<usize> = articles.iter().map(|(_, t)| t.len()).collect();
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!((2_000..=5_000).contains(&mean), "mean size {mean}");
        let share = |p: &dyn Fn(&str, &str) -> bool| articles.iter().filter(|(n, t)| p(n, t)).count();
        assert!(share(&|n, _| n.ends_with(".html")) > 20, "some HTML pages");
        assert!(share(&|_, t| t.contains("Follow us on Twitter")) > 40, "social furniture");
        assert!(share(&|_, t| t.contains("Related")) > 40, "related lists");
        assert!(share(&|_, t| t.contains("cookies")) > 20, "cookie banners");
        assert!(share(&|_, t| t.contains("last year")) > 20, "relative dates");
        assert!(share(&|_, t| t.contains('\r')) > 10, "Windows line endings");
        let glued = share(&|n, t| {
            n.ends_with(".txt") && t.lines().any(|l| l.starts_with("By ") && l.split_whitespace().count() > 8)
        });
        assert!(glued > 20, "bylines glued to the text: {glued}");
        // Background paragraphs recur word for word.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (_, t) in &articles {
            for p in t.split('\n').filter(|p| p.len() > 150) {
                *seen.entry(p.trim_end_matches('\r')).or_default() += 1;
            }
        }
        assert!(seen.values().filter(|&&n| n >= 3).count() >= 10, "recycled paragraphs");
    }

    /// Generated prose varies as reporting does: its vocabulary is large and its text
    /// does not compress much better than news. Twenty fixed sentences, as the
    /// generator once wrote, named 709 words here and compressed 10.1×; the prose
    /// grammar names about 1,900 and compresses about 6.3×. Real news compresses
    /// about 4–6× (five real articles on one topic: 5.5× at quality 11).
    #[test]
    fn the_prose_is_as_varied_as_reporting() {
        let n = 150;
        let world = World::new(n, DEFAULT_SEED, &crate::root().join("assets/gazetteer")).unwrap();
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&String::from_utf8(world.article(i).1).unwrap());
        }
        let words: HashSet<String> =
            text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() > 1).map(str::to_lowercase).collect();
        let ratio = text.len() as f64 / crate::bench::brotli_len(text.as_bytes(), 9) as f64;
        println!("{n} articles: {} words, brotli {ratio:.2}×", words.len());
        assert!(words.len() >= 1_500, "only {} distinct words in {n} articles", words.len());
        assert!(ratio < 7.5, "the text compresses {ratio:.2}×, far more than news does");
    }

    #[test]
    fn the_pipeline_reads_every_generated_article() {
        let dir = temp("pipeline");
        generate(20, DEFAULT_SEED, &dir).unwrap();
        let out = pipeline::process_dir(&dir).expect("the pipeline reads the folder");
        assert_eq!(out.corpus.articles.len(), 20, "warnings: {:?}", out.warnings);
        let dated = out.corpus.events.iter().filter(|e| e.kind != model::EventKind::Publication).count();
        assert!(dated >= 20, "events beyond publications: {dated}");
        for kind in [model::EntityKind::Person, model::EntityKind::Place, model::EntityKind::Organization] {
            assert!(out.corpus.entities.iter().any(|e| e.kind == kind), "no {kind:?} found");
        }
        assert!(out.corpus.articles.iter().any(|a| !a.recycled.is_empty()), "recycled passages found");
        assert!(out.corpus.articles.iter().filter(|a| a.published.is_some()).count() >= 15, "dates found");
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// What every article states about itself (title, day, reporter) comes back from the
    /// pipeline, whatever furniture, byline form and layout it was written with: nothing
    /// of the page is taken for the title, no stated date is wrong, and no one but the
    /// reporter is made an author.
    #[test]
    fn the_pipeline_recovers_what_each_generated_article_states() {
        let n = 400;
        let world = World::new(n, DEFAULT_SEED, &crate::root().join("assets/gazetteer")).unwrap();
        let (mut titled, mut titles_right, mut stated, mut reported, mut found) = (0, 0, 0, 0, 0);
        let mut wrong = Vec::new();
        for i in 0..n {
            let (name, bytes) = world.article(i);
            let text = String::from_utf8(bytes).unwrap();
            let text = text.trim_start_matches('\u{feff}');
            let a = pipeline::parse_article(Path::new(&name), text).unwrap();
            let (title, day, reporter) = world.truth(i);
            let (y, m, d) = day.ymd();
            if let Some(title) = title {
                titled += 1;
                if *a.title == *title {
                    titles_right += 1;
                } else {
                    wrong.push(format!("{name}: title {:?}, not {title:?}", a.title));
                }
            }
            if let Some(p) = a.published.as_ref().filter(|p| p.basis == model::Basis::Stated) {
                stated += 1;
                if (i32::from(p.start.year), u32::from(p.start.month), u32::from(p.start.day)) != (y, m, d) {
                    wrong.push(format!(
                        "{name}: stated date {} ({}), not {y}-{m:02}-{d:02}",
                        p.start.iso(),
                        p.evidence
                    ));
                }
            }
            for author in &a.authors {
                if reporter.as_deref() != Some(author.as_str()) {
                    wrong.push(format!("{name}: author {author:?}, not {reporter:?}"));
                }
            }
            if let Some(r) = &reporter {
                reported += 1;
                found += usize::from(a.authors.iter().any(|x| x == r));
            }
            for p in a.paragraphs.iter().chain([&a.title]) {
                if p.contains("cookies") || p.starts_with("Tags:") || p.starts_with("Share this") {
                    wrong.push(format!("{name}: furniture kept: {p:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{} problems, first: {:#?}", wrong.len(), &wrong[..wrong.len().min(10)]);
        assert_eq!(titles_right, titled);
        assert!(stated > n / 2, "only {stated} of {n} dates stated");
        // Some bylines name only the outlet or a desk; most name the reporter.
        assert!(found * 10 >= reported * 7, "{found} of {reported} reporters found");
    }

    #[test]
    fn invented_people_do_not_share_names_with_the_bundled_articles() {
        let bundled = pipeline::process_dir(&crate::root().join("assets/articles")).unwrap();
        let words: HashSet<String> = bundled
            .corpus
            .entities
            .iter()
            .filter(|e| e.kind == model::EntityKind::Person)
            .flat_map(|e| e.name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
            .collect();
        let world = World::new(20_000, DEFAULT_SEED, &crate::root().join("assets/gazetteer")).unwrap();
        for p in world
            .people
            .iter()
            .chain(&world.reporters)
            .chain(world.voices.iter().chain(&world.locals).map(|v| &v.person))
        {
            assert!(!words.contains(&p.last.to_lowercase()), "a bundled article names a person {}", p.last);
        }
    }
}
