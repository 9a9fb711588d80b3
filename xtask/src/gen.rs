//! `cargo xtask gen`: writes a corpus of realistic, messy news articles about an
//! invented world, byte for byte the same for the same seed, so benchmarks can run at
//! any size. Articles mix invented countries, people, organisations, places, exercises
//! and agreements with real places from `assets/gazetteer/`, and carry what scraped news
//! carries: bylines (some glued to the first word), datelines in many forms, page
//! furniture, missing titles and dates, and background paragraphs recycled word for word.
//! Between the fixed sentences that carry the article's dated facts runs free prose
//! (`prose`): what experts, locals and officials said, plans, figures, doubts.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod prose;

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
            "--articles" => articles = Some(value("--articles")?.parse::<usize>().map_err(|e| format!("--articles: {e}"))?),
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
            return Err(format!("{} is not empty and was not written by `xtask gen`; name an empty folder", out.display()));
        }
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))
}

// ---------------------------------------------------------------------------------
// The invented world.

const ONSETS: [&str; 24] =
    ["b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "gr", "h", "f", "p", "sh", "th", "j", "g"];
const VOWELS: [&str; 9] = ["a", "e", "i", "o", "u", "a", "e", "o", "ai"];
const CODAS: [&str; 12] = ["", "", "", "n", "r", "l", "s", "m", "nd", "rt", "sk", "th"];
const COUNTRY_ENDINGS: [(&str, &str); 9] = [
    ("ia", "ian"),
    ("ania", "anian"),
    ("ovia", "ovian"),
    ("essa", "essan"),
    ("and", "andic"),
    ("ar", "ari"),
    ("eria", "erian"),
    ("onia", "onian"),
    ("ador", "adorean"),
];
const CITY_ENDINGS: [&str; 12] = ["grad", "port", "holm", "abad", "ford", "burg", "mir", "ene", "ara", "ville", "stad", "haven"];
const SURNAME_ENDINGS: [&str; 9] = ["", "", "en", "ar", "is", "ander", "ell", "ik", "ano"];
const EXERCISE_ADJECTIVES: [&str; 18] = [
    "Steadfast", "Iron", "Northern", "Silver", "Eastern", "Bright", "Sea", "Mountain", "Desert", "Allied", "Swift",
    "Golden", "Unbroken", "Southern", "Resolute", "Amber", "Western", "Stone",
];
const EXERCISE_NOUNS: [&str; 16] = [
    "Shield", "Harbour", "Meridian", "Falcon", "Bridge", "Thunder", "Anchor", "Horizon", "Guardian", "Sentinel", "Lance",
    "Compass", "Summit", "Frontier", "Tide", "Oak",
];
const TOPICS: [&str; 12] = [
    "defence", "border security", "energy", "transport", "trade", "cyber security", "military education", "customs",
    "disaster relief", "maritime security", "arms procurement", "intelligence sharing",
];
const ORG_KINDS: [&str; 6] =
    ["Cooperation Council", "Security Forum", "Development Bank", "Energy Community", "Defence Initiative", "Customs Union"];
const OUTLET_FORMS: [&str; 6] = ["{} News", "{} Times", "Daily {}", "{}press", "{} Herald", "{} Post"];

/// A role in a government, with the ministry that speaks for it.
const ROLES: [&str; 8] = [
    "Defence Minister",
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Chief of the General Staff",
    "Land Forces Commander Maj-Gen",
    "Navy Commander Rear Admiral",
    "Interior Minister",
];
/// The earliest and latest publication years.
const FIRST_YEAR: i32 = 2014;
const LAST_YEAR: i32 = 2024;

struct Country {
    name: String,
    demonym: String,
    cities: Vec<String>,
    /// Per role (index into `ROLES`), the people who held it, one per era.
    holders: Vec<Vec<usize>>,
}

struct Person {
    first: String,
    last: String,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

struct Series {
    name: String,
    hyphen: bool,
    countries: Vec<usize>,
}

struct Background {
    text: String,
    /// A lightly edited copy, as outlets recycle background with small changes.
    variant: String,
}

struct Voice {
    person: Person,
    post: String,
}

struct Outlet {
    name: String,
    reporters: Vec<usize>,
}

/// Everything articles are written about, derived from the seed and the corpus size.
pub struct World {
    seed: u64,
    countries: Vec<Country>,
    real_places: Vec<String>,
    real_countries: Vec<String>,
    people: Vec<Person>,
    reporters: Vec<Person>,
    /// People quoted for comment (analysts, scholars, former officials), each with the
    /// post an article introduces them by.
    voices: Vec<Voice>,
    /// People quoted where they live or work, introduced by that.
    locals: Vec<Voice>,
    /// Firms that build, supply and invest.
    companies: Vec<String>,
    outlets: Vec<Outlet>,
    orgs: Vec<String>,
    series: Vec<Series>,
    agreements: Vec<String>,
    backgrounds: Vec<Background>,
    /// Country index → background paragraphs about it.
    backgrounds_of: HashMap<usize, Vec<usize>>,
    /// Eras the years are split into; each role has one holder per era.
    eras: usize,
}

/// A name generator that never repeats a name nor uses a real place's name.
struct Names<'a> {
    taken: HashSet<String>,
    reserved: &'a HashSet<String>,
}

impl Names<'_> {
    fn stem(rng: &mut Rng, syllables: usize) -> String {
        let mut s = String::new();
        for i in 0..syllables {
            s.push_str(rng.word(&ONSETS));
            s.push_str(rng.word(&VOWELS));
            if i + 1 == syllables || rng.chance(0.3) {
                s.push_str(rng.word(&CODAS));
            }
        }
        capitalise(&s)
    }

    /// Consonant, vowel, consonant, vowel, consonant: a stem that takes a country's ending.
    fn smooth_stem(rng: &mut Rng) -> String {
        const CONSONANTS: [char; 14] = ['b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'g', 'p', 'f'];
        const PLAIN_VOWELS: [char; 5] = ['a', 'e', 'i', 'o', 'u'];
        let mut s = String::new();
        for i in 0..5 {
            s.push(if i % 2 == 0 { *rng.pick(&CONSONANTS) } else { *rng.pick(&PLAIN_VOWELS) });
        }
        capitalise(&s)
    }

    /// A fresh name built by `make`, retried until it is new.
    fn fresh(&mut self, rng: &mut Rng, mut make: impl FnMut(&mut Rng) -> String) -> String {
        loop {
            let name = make(rng);
            if self.claim(&name) {
                return name;
            }
        }
    }

    /// Takes `name` when it is neither taken nor a real place.
    fn claim(&mut self, name: &str) -> bool {
        let key = name.to_lowercase();
        !self.reserved.contains(&key) && self.taken.insert(key)
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl World {
    /// The world for a corpus of `articles` articles: more articles, more actors.
    pub fn new(articles: usize, seed: u64, gazetteer: &Path) -> Result<World, String> {
        let mut rng = Rng::fork(seed, u64::MAX);
        let Gazetteer { countries: real_countries, cities: real_places, reserved } = read_gazetteer(gazetteer, (30 + articles / 4).min(3_000), &mut rng)?;
        let mut names = Names { taken: HashSet::new(), reserved: &reserved };

        let eras = (1 + articles / 5_000).min(6);
        let country_count = (10 + articles / 1_000).min(120);
        let mut people = Vec::new();
        let mut countries = Vec::new();
        for _ in 0..country_count {
            let (name, demonym) = loop {
                let (ending, demonym_ending) = *rng.pick(&COUNTRY_ENDINGS);
                let stem = Names::smooth_stem(&mut rng);
                let (name, demonym) = (format!("{stem}{ending}"), format!("{stem}{demonym_ending}"));
                if names.claim(&name) && names.claim(&demonym) {
                    break (name, demonym);
                }
            };
            let cities = (0..rng.between(3, 6))
                .map(|_| {
                    names.fresh(&mut rng, |r| {
                        let syllables = r.between(1, 2);
                        let stem = Names::stem(r, syllables);
                        match r.below(6) {
                            0 => format!("Port {stem}"),
                            1 => format!("New {stem}"),
                            _ => format!("{stem}{}", r.pick(&CITY_ENDINGS)),
                        }
                    })
                })
                .collect();
            let holders = ROLES
                .iter()
                .map(|_| {
                    (0..eras)
                        .map(|_| {
                            people.push(new_person(&mut names, &mut rng));
                            people.len() - 1
                        })
                        .collect()
                })
                .collect();
            countries.push(Country { name, demonym, cities, holders });
        }

        let reporters: Vec<Person> =
            (0..(20 + articles / 100).min(2_000)).map(|_| new_person(&mut names, &mut rng)).collect();
        let outlet_count = (8 + articles / 5_000).min(40);
        let mut outlets: Vec<Outlet> = (0..outlet_count)
            .map(|_| {
                let form = *rng.pick(&OUTLET_FORMS);
                Outlet { name: names.fresh(&mut rng, |r| form.replace("{}", &Names::stem(r, 2))), reporters: Vec::new() }
            })
            .collect();
        for r in 0..reporters.len() {
            let o = rng.below(outlets.len());
            outlets[o].reporters.push(r);
        }

        let orgs = (0..(6 + articles / 2_000).min(60))
            .map(|_| {
                names.fresh(&mut rng, |r| {
                    let region = format!("{}ic", Names::stem(r, 2));
                    let kind = r.pick(&ORG_KINDS);
                    if r.chance(0.3) { format!("Organisation for {region} Stability") } else { format!("{region} {kind}") }
                })
            })
            .collect();
        let institutions: Vec<String> = (0..(8 + articles / 40).min(3_000))
            .map(|_| {
                names.fresh(&mut rng, |r| {
                    let stem = Names::stem(r, 2);
                    let field = r.pick(&FIELDS);
                    match r.below(5) {
                        0 => format!("{stem} Institute for {field} Studies"),
                        1 => format!("{stem} Centre for {field} Research"),
                        2 => format!("University of {stem}"),
                        3 => format!("{stem} Consulting"),
                        _ => format!("{stem} Foundation"),
                    }
                })
            })
            .collect();
        let voices = (0..(20 + articles / 3).min(40_000))
            .map(|_| {
                let person = new_person(&mut names, &mut rng);
                let home = &countries[rng.below(country_count)];
                let place = rng.pick(&institutions);
                let post = match rng.below(6) {
                    0 => format!("a senior fellow at the {place}"),
                    1 => format!("a professor of {} at the {place}", rng.pick(&DISCIPLINES)),
                    2 => format!("director of the {place}"),
                    3 => format!("a former {} {}", home.demonym, ROLES[rng.below(ROLES.len())]),
                    4 => format!("an analyst at the {place}"),
                    _ => format!("a {} researcher at the {place}", home.demonym),
                };
                Voice { person, post }
            })
            .collect();
        let locals = (0..(20 + articles / 2).min(60_000))
            .map(|_| {
                let person = new_person(&mut names, &mut rng);
                let home = &countries[rng.below(country_count)];
                let city = rng.pick(&home.cities);
                let post = match rng.below(5) {
                    0 => format!("a {} in {city}", rng.pick(&OCCUPATIONS)),
                    1 => format!("who runs a {} in {city}", rng.pick(&BUSINESSES)),
                    2 => format!("a local councillor in {city}"),
                    3 => format!("the mayor of {city}"),
                    _ => format!("a {} from {city}", rng.pick(&OCCUPATIONS)),
                };
                Voice { person, post }
            })
            .collect();
        let companies = (0..(10 + articles / 8).min(10_000))
            .map(|_| names.fresh(&mut rng, |r| format!("{} {}", Names::stem(r, 2), r.pick(&COMPANY_KINDS))))
            .collect();
        let series = (0..(10 + articles / 800).min(300))
            .map(|_| {
                let name = names.fresh(&mut rng, |r| format!("{} {}", r.pick(&EXERCISE_ADJECTIVES), r.pick(&EXERCISE_NOUNS)));
                let mut members = vec![rng.skewed(country_count)];
                for _ in 0..rng.between(1, 3) {
                    let c = rng.below(country_count);
                    if !members.contains(&c) {
                        members.push(c);
                    }
                }
                Series { name, hyphen: rng.chance(0.6), countries: members }
            })
            .collect::<Vec<_>>();
        let agreements = (0..(8 + articles / 700).min(400))
            .map(|_| {
                names.fresh(&mut rng, |r| {
                    let c = &countries[r.below(country_count)];
                    let city = r.pick(&c.cities).clone();
                    let topic = capitalise(r.word(&TOPICS));
                    match r.below(5) {
                        0 => format!("Treaty of {city}"),
                        1 => format!("{city} Accord"),
                        2 => format!("{city} Declaration"),
                        3 => format!("Agreement on {topic} Cooperation"),
                        _ => format!("Memorandum of Understanding on {topic}"),
                    }
                })
            })
            .collect::<Vec<_>>();

        let mut world = World {
            seed,
            countries,
            real_places,
            real_countries,
            people,
            reporters,
            voices,
            locals,
            companies,
            outlets,
            orgs,
            series,
            agreements,
            backgrounds: Vec::new(),
            backgrounds_of: HashMap::new(),
            eras,
        };
        for _ in 0..(40 + articles / 40).min(3_000) {
            let (text, about) = world.background(&mut rng);
            let variant = vary(&text, &mut rng);
            let index = world.backgrounds.len();
            world.backgrounds.push(Background { text, variant });
            for c in about {
                world.backgrounds_of.entry(c).or_default().push(index);
            }
        }
        Ok(world)
    }

    /// One background paragraph and the countries it is about.
    fn background(&self, rng: &mut Rng) -> (String, Vec<usize>) {
        let a = rng.skewed(self.countries.len());
        let b = self.other_country(rng, a);
        let (ca, cb) = (&self.countries[a], &self.countries[b]);
        let year = rng.between(1991, 2012) as i32;
        match rng.below(5) {
            0 => (
                format!(
                    "Relations between {} and {} were established in {year}, and the two countries signed a {} cooperation \
                     agreement {} years later. Since then their forces have trained together at least once a year, most \
                     often near {}.",
                    ca.name, cb.name, rng.pick(&TOPICS), rng.between(2, 9), rng.pick(&cb.cities)
                ),
                vec![a, b],
            ),
            1 => {
                let s = &self.series[rng.below(self.series.len())];
                let members: Vec<&str> = s.countries.iter().map(|&c| self.countries[c].name.as_str()).collect();
                (
                    format!(
                        "The {} exercises have been held every year since {year}. First staged with about {} troops, \
                         they have grown into one of the largest drills in the region, bringing together units from {}.",
                        s.name,
                        rng.between(3, 40) * 100,
                        join_and(&members)
                    ),
                    s.countries.clone(),
                )
            }
            2 => {
                let org = rng.pick(&self.orgs);
                (
                    format!(
                        "The {org} was founded in {year} in {} to coordinate {} policy among its {} member states. {} \
                         has been a member since {}, and its secretariat is based in {}.",
                        rng.pick(&ca.cities),
                        rng.pick(&TOPICS),
                        rng.between(5, 30),
                        ca.name,
                        year + rng.between(1, 8) as i32,
                        rng.pick(&self.real_places)
                    ),
                    vec![a],
                )
            }
            3 => {
                let agreement = rng.pick(&self.agreements);
                let (y, m, d) = (year + 4, rng.between(1, 12) as u32, rng.between(1, 28) as u32);
                (
                    format!(
                        "The {agreement}, signed in {} on {d} {} {y}, commits {} and {} to consult each other on {} and to \
                         hold joint exercises on each other's territory.",
                        rng.pick(&ca.cities),
                        MONTHS[m as usize - 1],
                        ca.name,
                        cb.name,
                        rng.pick(&TOPICS)
                    ),
                    vec![a, b],
                )
            }
            _ => (
                format!(
                    "{} and {} share a border of about {} kilometres. Trade between the two countries reached {} billion \
                     dollars last year, most of it in {} and {}.",
                    ca.name,
                    cb.name,
                    rng.between(80, 1500),
                    rng.between(1, 30),
                    rng.pick(&["grain", "machinery", "oil products", "textiles", "chemicals"]),
                    rng.pick(&["gas", "steel", "timber", "fertilisers", "electronics"])
                ),
                vec![a, b],
            ),
        }
    }

    fn other_country(&self, rng: &mut Rng, not: usize) -> usize {
        loop {
            let c = if rng.chance(0.5) { rng.skewed(self.countries.len()) } else { rng.below(self.countries.len()) };
            if c != not {
                return c;
            }
        }
    }

    /// The person holding `role` in `country` in `year`.
    fn holder(&self, country: usize, role: usize, year: i32) -> &Person {
        let span = (LAST_YEAR - FIRST_YEAR + 1) as usize;
        let era = ((year - FIRST_YEAR).clamp(0, span as i32 - 1) as usize * self.eras / span).min(self.eras - 1);
        &self.people[self.countries[country].holders[role][era]]
    }

    /// Article `i`: its file name and bytes.
    pub fn article(&self, i: usize) -> (String, Vec<u8>) {
        let mut rng = Rng::fork(self.seed, i as u64);
        let draft = self.draft(&mut rng);
        let html = rng.chance(0.15);
        let mut text = if html { render_html(&draft, &mut rng) } else { render_text(&draft, &mut rng) };
        if !html && rng.chance(0.1) {
            text = text.replace('\n', "\r\n");
        }
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if rng.chance(0.03) {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(text.as_bytes());
        let name = format!("{i:06}_{:016x}.{}", rng.next_u64(), if html { "html" } else { "txt" });
        (name, bytes)
    }

    /// What article `i` states about itself, as [`World::article`] writes it: its title
    /// (if it has one), publication day and reporter (if any). For tests of what the
    /// pipeline recovers.
    #[cfg(test)]
    fn truth(&self, i: usize) -> (Option<String>, Day, Option<String>) {
        let draft = self.draft(&mut Rng::fork(self.seed, i as u64));
        (draft.title, draft.published, draft.reporter)
    }

    /// What an article says, before it is laid out as text or HTML.
    fn draft(&self, rng: &mut Rng) -> Draft {
        let published = Day::random(rng);
        let (year, _, _) = published.ymd();
        let a = rng.skewed(self.countries.len());
        let b = self.other_country(rng, a);
        let (ca, cb) = (&self.countries[a], &self.countries[b]);
        let venue = match rng.below(10) {
            0..=3 => rng.pick(&ca.cities).clone(),
            4..=6 => rng.pick(&cb.cities).clone(),
            _ => rng.pick(&self.real_places).clone(),
        };
        let role_a = *rng.pick(&[0usize, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7]);
        let role_b = if rng.chance(0.7) { role_a } else { rng.below(ROLES.len()) };
        let pa = self.holder(a, role_a, year);
        let pb = self.holder(b, role_b, year);
        let series = {
            let with_a: Vec<usize> = (0..self.series.len()).filter(|&s| self.series[s].countries.contains(&a)).collect();
            if with_a.is_empty() { rng.below(self.series.len()) } else { *rng.pick(&with_a) }
        };
        let s = &self.series[series];
        let edition = |y: i32| if s.hyphen { format!("{}-{y}", s.name) } else { format!("{} {y}", s.name) };
        let agreement = rng.pick(&self.agreements).clone();
        let org = rng.pick(&self.orgs).clone();
        let ministry = format!("{} {}", ca.demonym, if role_a == 1 { "Foreign Ministry" } else { "Defence Ministry" });
        let mut w = Writer { rng, published };
        let kind = w.rng.below(5);

        let lead = match kind {
            0 => {
                let when = w.recent();
                format!(
                    "{} {} {} and his {} counterpart {} have met in {venue}, the {ministry} reported {when}.",
                    ca.demonym, ROLES[role_a], pa.full(), cb.demonym, pb.full()
                )
            }
            1 => {
                let when = w.future_span();
                format!(
                    "The {} exercises will be held in {venue} {when} with the participation of {} and {} troops, the \
                     {ministry} said.",
                    edition(year),
                    ca.demonym,
                    cb.demonym
                )
            }
            2 => {
                let when = w.recent();
                format!(
                    "{} and {} signed the {agreement} in {venue} {when}, {} {} {} told reporters.",
                    ca.name, cb.name, ca.demonym, ROLES[role_a], pa.full()
                )
            }
            3 => {
                let when = w.recent();
                format!(
                    "{}, {}’s {}, arrived in {venue} {when} for a {}-day official visit at the invitation of {}.",
                    pa.full(),
                    ca.name,
                    ROLES[role_a],
                    w.rng.between(2, 4),
                    pb.full()
                )
            }
            _ => {
                let when = w.recent();
                format!(
                    "{} {} {} said {when} that {} would expand {} cooperation with {}.",
                    ca.demonym, ROLES[role_a], pa.full(), ca.name, w.rng.pick(&TOPICS), cb.name
                )
            }
        };

        let target = w.rng.between(2_000, 4_600);
        let mut paragraphs = vec![lead];
        let mut length = paragraphs[0].len();
        let background: Vec<usize> = {
            let mut pool: Vec<usize> = Vec::new();
            for c in [a, b] {
                pool.extend(self.backgrounds_of.get(&c).into_iter().flatten());
            }
            let count = w.rng.between(0, 2).min(pool.len());
            (0..count).map(|_| *w.rng.pick(&pool)).collect::<HashSet<_>>().into_iter().collect::<Vec<_>>()
        };
        let mut background = background;
        background.sort_unstable();
        let mut used = HashSet::new();
        let expert = &self.voices[w.rng.skewed(self.voices.len())];
        let local = &self.locals[w.rng.below(self.locals.len())];
        let (expert_full, local_full) = (expert.person.full(), local.person.full());
        let mut cities: Vec<String> = ca.cities.iter().chain(&cb.cities).cloned().chain([venue.clone()]).collect();
        cities.push(w.rng.pick(&self.real_places).clone());
        let company = &self.companies[w.rng.skewed(self.companies.len())];
        let mut cast = prose::Cast {
            countries: [&ca.name, &cb.name],
            demonyms: [&ca.demonym, &cb.demonym],
            cities: &cities,
            officials: [&pa.last, &pb.last],
            org: &org,
            company,
            voices: [
                prose::Voice { full: &expert_full, last: &expert.person.last, post: &expert.post, named: false },
                prose::Voice { full: &local_full, last: &local.person.last, post: &local.post, named: false },
            ],
        };
        while length < target {
            let sentences = w.rng.between(0, 2);
            let mut p = String::new();
            for _ in 0..w.rng.between(1, 3) {
                let sentence = prose::sentence(w.rng, &mut cast);
                if !p.is_empty() {
                    p.push(' ');
                }
                p.push_str(&sentence);
            }
            for _ in 0..sentences {
                if used.len() == BODY_SENTENCES {
                    break;
                }
                let pick = loop {
                    let pick = w.rng.below(BODY_SENTENCES);
                    if used.insert(pick) {
                        break pick;
                    }
                };
                if !p.is_empty() {
                    p.push(' ');
                }
                p.push_str(&self.body_sentence(pick, &mut w, a, b, pa, pb, &venue, &edition, &agreement, &org));
            }
            length += p.len();
            paragraphs.push(p);
            if let Some(bg) = background.pop() {
                let bg = &self.backgrounds[bg];
                let text = if w.rng.chance(0.15) { &bg.variant } else { &bg.text };
                length += text.len();
                paragraphs.push(text.clone());
            }
        }

        let title = match kind {
            0 => format!("{}, {} {} meet in {venue}", ca.demonym, cb.demonym, lowercase_role(ROLES[role_a])),
            1 => format!("{} drills to begin in {venue}", edition(year)),
            2 => format!("{} and {} sign {agreement}", ca.name, cb.name),
            3 => format!("{} arrives in {venue} for talks with {}", pa.full(), pb.last),
            _ => format!("{} to expand cooperation with {}", ca.name, cb.name),
        };
        let outlet = &self.outlets[w.rng.skewed(self.outlets.len())];
        let reporter = (!outlet.reporters.is_empty()).then(|| self.reporters[*w.rng.pick(&outlet.reporters)].full());
        let related = (0..w.rng.between(2, 4))
            .map(|_| {
                let c = &self.countries[w.rng.below(self.countries.len())];
                format!("{} {} {}", c.name, w.rng.pick(&RELATED_VERBS), w.rng.pick(&c.cities))
            })
            .collect();
        Draft {
            title: w.rng.chance(0.93).then_some(title),
            published,
            dateline_city: venue.to_uppercase(),
            outlet: outlet.name.clone(),
            reporter,
            paragraphs,
            related,
            tags: vec![ca.name.clone(), cb.name.clone(), capitalise(w.rng.word(&TOPICS))],
        }
    }

    /// Body sentence number `pick` (of [`BODY_SENTENCES`]).
    #[allow(clippy::too_many_arguments)]
    fn body_sentence(
        &self,
        pick: usize,
        w: &mut Writer<'_>,
        a: usize,
        b: usize,
        pa: &Person,
        pb: &Person,
        venue: &str,
        edition: &dyn Fn(i32) -> String,
        agreement: &str,
        org: &str,
    ) -> String {
        let (ca, cb) = (&self.countries[a], &self.countries[b]);
        let (year, _, _) = w.published.ymd();
        let topics = {
            let i = w.published.0 as usize;
            [TOPICS[i % 12], TOPICS[(i / 7 + 3) % 12], TOPICS[(i / 3 + 7) % 12]]
        };
        match pick {
            0 => {
                let [t1, t2, t3] = topics;
                format!("As part of the meeting, the sides discussed cooperation in the {t1}, {t2} and {t3} fields.")
            }
            1 => format!("{} thanked {} for its support {}.", pa.last, cb.name, w.past()),
            2 => format!("The ministers also reviewed the results of the {} exercise held {}.", edition(year - 1), w.past()),
            3 => format!(
                "“Our cooperation rests on mutual trust and it will keep growing,” {} said, adding that {} was ready to host \
                 the next round of talks in {}.",
                pb.last,
                cb.name,
                w.rng.pick(&cb.cities)
            ),
            4 => format!(
                "According to the ministry, about {} servicemen and {} units of equipment are taking part in the drills.",
                w.rng.between(5, 60) * 100,
                w.rng.between(20, 300)
            ),
            5 => format!("The next meeting is scheduled for {} in {}.", w.future(), w.rng.pick(&ca.cities)),
            6 => format!("{} is expected to visit {} {}.", pb.full(), ca.name, w.future()),
            7 => {
                let ci = w.rng.below(self.countries.len());
                let role = w.rng.below(ROLES.len());
                let other = self.holder(a, w.rng.below(ROLES.len()), year);
                format!(
                    "Earlier, {}, {} {} {} held talks with {} in {}.",
                    w.earlier(),
                    self.countries[ci].demonym,
                    ROLES[role],
                    self.holder(ci, role, year).full(),
                    other.full(),
                    w.rng.pick(&self.countries[ci].cities)
                )
            }
            8 => format!("The two sides signed {} documents, including a memorandum on {}.", w.rng.between(2, 9), topics[1]),
            9 => {
                let first = w.rng.below(self.real_countries.len());
                let second = (first + 1 + w.rng.below(self.real_countries.len() - 1)) % self.real_countries.len();
                format!(
                    "Observers from {} and {} attended the final stage of the exercise in {venue}.",
                    self.real_countries[first], self.real_countries[second]
                )
            }
            10 => format!("The {org} welcomed the step in a statement issued {}.", w.recent()),
            11 => format!("{} {} and {} held the {} drills in {}.", capitalise(&w.last_year()), ca.name, cb.name, edition(year - 1), w.rng.pick(&cb.cities)),
            12 => format!("The drills will last until {}.", w.soon_full()),
            13 => format!("{} the {org} held its annual summit in {}.", capitalise(&w.month_phrase()), w.rng.pick(&self.real_places)),
            14 => format!("The talks come {} years after the {agreement} was signed in {}.", w.rng.between(2, 12), w.rng.pick(&ca.cities)),
            15 => format!(
                "{} {} of {} said the parties had agreed to set up a joint working group on {} by {}.",
                capitalise(ROLES[1]),
                self.holder(b, 1, year).full(),
                cb.name,
                topics[2],
                w.future()
            ),
            16 => format!(
                "{} said on {} that the {} had not been consulted, a claim the {} government denied.",
                self.holder(b, 7, year).last,
                w.weekday(),
                org,
                ca.demonym
            ),
            17 => format!(
                "Analysts in {} noted that the two governments have met {} times since {}.",
                w.rng.pick(&self.real_places),
                w.rng.between(3, 20),
                year - w.rng.between(2, 8) as i32
            ),
            18 => format!("The {} also joined the exercise for the first time {}.", self.countries[self.other_country(w.rng, a)].demonym.clone() + " Navy", w.recent()),
            _ => format!(
                "In a separate statement, the {} {} said the agreement reached on {} would take effect {}.",
                cb.demonym,
                if w.rng.chance(0.5) { "Foreign Ministry" } else { "Defence Ministry" },
                w.full_date_recent(),
                w.future()
            ),
        }
    }
}

/// How many different body sentences [`World::body_sentence`] writes.
const BODY_SENTENCES: usize = 20;
const OCCUPATIONS: [&str; 12] = [
    "teacher", "shopkeeper", "taxi driver", "farmer", "nurse", "retired officer", "student", "fisherman", "engineer",
    "doctor", "construction worker", "pensioner",
];
const BUSINESSES: [&str; 8] = ["bakery", "hotel", "transport firm", "small shipyard", "café", "building firm", "pharmacy", "vineyard"];
const COMPANY_KINDS: [&str; 10] = [
    "Holdings", "Group", "Shipbuilding", "Logistics", "Energy", "Aerospace", "Defence Systems", "Engineering", "Steel",
    "Telecom",
];
const FIELDS: [&str; 10] =
    ["Security", "Strategic", "Regional", "Economic", "Energy", "Defence", "Policy", "International", "Conflict", "Maritime"];
const DISCIPLINES: [&str; 8] = [
    "international relations", "economics", "political science", "military history", "public policy", "law",
    "energy studies", "geography",
];
const RELATED_VERBS: [&str; 5] = ["opens new consulate in", "hosts trade fair in", "to upgrade airport in", "reports floods near", "marks anniversary in"];

fn new_person(names: &mut Names<'_>, rng: &mut Rng) -> Person {
    let first = loop {
        let first = Names::stem(rng, 2);
        if !names.reserved.contains(&first.to_lowercase()) {
            break first;
        }
    };
    let last = names.fresh(rng, |r| {
        let syllables = r.between(1, 2);
        let stem = Names::stem(r, syllables);
        format!("{stem}{}", r.pick(&SURNAME_ENDINGS))
    });
    Person { first, last }
}

fn lowercase_role(role: &str) -> String {
    match role {
        "Defence Minister" => "defence chiefs".into(),
        "Foreign Minister" => "foreign ministers".into(),
        "President" => "presidents".into(),
        "Prime Minister" => "prime ministers".into(),
        "Interior Minister" => "interior ministers".into(),
        _ => "commanders".into(),
    }
}

fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Changes a word or two of a background paragraph, as an outlet does when it reuses one.
fn vary(text: &str, rng: &mut Rng) -> String {
    const SWAPS: [(&str, &str); 5] = [
        ("at least once a year", "at least twice a year"),
        ("about", "around"),
        ("one of the largest", "the largest"),
        ("each other", "one another"),
        ("most of it", "mainly"),
    ];
    let start = rng.below(SWAPS.len());
    for k in 0..SWAPS.len() {
        let (from, to) = SWAPS[(start + k) % SWAPS.len()];
        if text.contains(from) {
            return text.replacen(from, to, 1);
        }
    }
    format!("{text} Officials say the figure is higher.")
}

/// What the generator takes from the gazetteer.
struct Gazetteer {
    /// A few real countries with a demonym.
    countries: Vec<String>,
    /// Real cities of 100,000 people or more, more of them for a larger corpus.
    cities: Vec<String>,
    /// Every gazetteer name (lowercase), which invented names must not take.
    reserved: HashSet<String>,
}

fn read_gazetteer(dir: &Path, places: usize, rng: &mut Rng) -> Result<Gazetteer, String> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let mut reserved = HashSet::new();
    let mut countries = Vec::new();
    for line in read("countries.tsv")?.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [_, name, aliases, demonyms, ..] = cols[..] {
            reserved.insert(name.to_lowercase());
            reserved.extend(aliases.split('|').chain(demonyms.split('|')).map(str::to_lowercase));
            if !demonyms.is_empty() && !name.contains(' ') {
                countries.push(name.to_owned());
            }
        }
    }
    let mut cities = Vec::new();
    for line in read("cities.tsv")?.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [_, name, _, population, ..] = cols[..] {
            reserved.insert(name.to_lowercase());
            if population.parse::<u64>().is_ok_and(|p| p >= 100_000) && name.is_ascii() {
                cities.push(name.to_owned());
            }
        }
    }
    if countries.is_empty() || cities.is_empty() {
        return Err(format!("{} holds no countries or cities", dir.display()));
    }
    // A fixed handful of foreign countries, as a regional outlet names the same few;
    // foreign cities grow with the corpus, as a larger archive reports from more places.
    let pick = |list: &[String], n: usize, rng: &mut Rng| (0..n).map(|_| rng.pick(list).clone()).collect::<Vec<_>>();
    let countries = pick(&countries, 12, rng);
    let cities = pick(&cities, places, rng);
    Ok(Gazetteer { countries, cities, reserved })
}

// ---------------------------------------------------------------------------------
// Dates.

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_SHORT: [&str; 12] = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const WEEKDAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/// A day as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day(pub i64);

impl Day {
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Day {
        // Count from 1 March, so the leap day ends a year.
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let month_from_march = (i64::from(m) + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(d) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Day(era * 146_097 + day_of_era - 719_468)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let d = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
        let m = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 } as u32;
        let y = (year_of_era + era * 400 + i64::from(m <= 2)) as i32;
        (y, m, d)
    }

    /// 0 is Sunday.
    pub fn weekday(self) -> usize {
        (self.0 + 4).rem_euclid(7) as usize
    }

    fn random(rng: &mut Rng) -> Day {
        let first = Day::from_ymd(FIRST_YEAR, 1, 1).0;
        let last = Day::from_ymd(LAST_YEAR, 12, 31).0;
        Day(first + rng.below((last - first + 1) as usize) as i64)
    }

    fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }

    fn day_month_year(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {y}", MONTHS[m as usize - 1])
    }

    fn month_day_year(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{} {d}, {y}", MONTHS[m as usize - 1])
    }

    fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Writes date phrases relative to an article's publication day.
struct Writer<'a> {
    rng: &'a mut Rng,
    published: Day,
}

impl Writer<'_> {
    /// A day or two before publication, in a form a news lead uses.
    fn recent(&mut self) -> String {
        let day = self.published.plus(-(self.rng.below(3) as i64));
        let (_, m, d) = day.ymd();
        match self.rng.below(7) {
            0 => format!("on {} {d}", MONTHS[m as usize - 1]),
            1 => format!("on {d} {}", MONTHS[m as usize - 1]),
            2 => format!("on {}", WEEKDAYS[day.weekday()]),
            3 if day != self.published => "yesterday".into(),
            4 => format!("on {} {d}", MONTHS_SHORT[m as usize - 1]),
            5 => format!("on {}", day.day_month_year()),
            _ => format!("on {}", day.month_day_year()),
        }
    }

    fn past(&mut self) -> String {
        let day = self.published.plus(-(self.rng.between(20, 700) as i64));
        let (y, m, d) = day.ymd();
        let (py, _, _) = self.published.ymd();
        match self.rng.below(12) {
            0 => format!("on {} {d}", MONTHS[m as usize - 1]),
            1 => format!("on {}", day.day_month_year()),
            2 => format!("on {}", day.month_day_year()),
            3 => format!("on {}", day.iso()),
            4 => format!("on {d:02}.{m:02}.{y}"),
            5 => "last year".into(),
            6 => "last month".into(),
            7 if y == py => format!("in {}", MONTHS[m as usize - 1]),
            8 => format!("in {} {y}", MONTHS[m as usize - 1]),
            9 => format!("in late {y}"),
            10 => format!("{} years ago", py - y + 1),
            _ => format!("in {y}"),
        }
    }

    fn earlier(&mut self) -> String {
        match self.rng.below(4) {
            0 => format!("on {}", WEEKDAYS[self.published.plus(-(self.rng.between(1, 5) as i64)).weekday()]),
            1 => "last week".into(),
            2 => "earlier this month".into(),
            _ => {
                let (_, m, d) = self.published.plus(-(self.rng.between(3, 20) as i64)).ymd();
                format!("on {d} {}", MONTHS[m as usize - 1])
            }
        }
    }

    fn future(&mut self) -> String {
        let day = self.published.plus(self.rng.between(5, 200) as i64);
        let (y, m, d) = day.ymd();
        match self.rng.below(7) {
            0 => "next week".into(),
            1 => "next month".into(),
            2 => format!("{} {d}", MONTHS[m as usize - 1]),
            3 => format!("{d} {} {y}", MONTHS[m as usize - 1]),
            4 => "next year".into(),
            5 => format!("early {}", y + 1),
            _ => format!("{} {y}", MONTHS[m as usize - 1]),
        }
    }

    /// A span of days starting soon, as exercises are announced.
    fn future_span(&mut self) -> String {
        let start = self.published.plus(self.rng.between(1, 30) as i64);
        let end = start.plus(self.rng.between(2, 12) as i64);
        let ((y, m, d), (y2, m2, d2)) = (start.ymd(), end.ymd());
        match (self.rng.below(3), m == m2) {
            (0, true) => format!("between {d:02}-{d2:02} {} {y}", MONTHS[m as usize - 1]),
            (1, true) => format!("from {} {d} to {d2}", MONTHS[m as usize - 1]),
            _ if y == y2 && m == m2 => format!("from {d} to {d2} {} {y}", MONTHS[m as usize - 1]),
            _ => format!("from {} to {}", start.day_month_year(), end.day_month_year()),
        }
    }

    fn soon_full(&mut self) -> String {
        let day = self.published.plus(self.rng.between(2, 14) as i64);
        if self.rng.chance(0.5) { day.day_month_year() } else { day.month_day_year() }
    }

    fn full_date_recent(&mut self) -> String {
        let day = self.published.plus(-(self.rng.between(1, 10) as i64));
        match self.rng.below(3) {
            0 => day.day_month_year(),
            1 => day.month_day_year(),
            _ => day.iso(),
        }
    }

    fn last_year(&mut self) -> String {
        if self.rng.chance(0.7) { "last year".into() } else { format!("in {}", self.published.ymd().0 - 1) }
    }

    fn month_phrase(&mut self) -> String {
        let (_, m, _) = self.published.ymd();
        let earlier = self.rng.below(m as usize).max(1) as u32;
        format!("in {}", MONTHS[earlier as usize - 1])
    }

    fn weekday(&mut self) -> &'static str {
        WEEKDAYS[self.published.plus(-(self.rng.between(0, 3) as i64)).weekday()]
    }
}

// ---------------------------------------------------------------------------------
// Layout: plain text as scraped, or a saved web page.

struct Draft {
    title: Option<String>,
    published: Day,
    dateline_city: String,
    outlet: String,
    reporter: Option<String>,
    paragraphs: Vec<String>,
    related: Vec<String>,
    tags: Vec<String>,
}

const COOKIE_BANNERS: [&str; 3] = [
    "We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies. Accept",
    "This website uses cookies to ensure you get the best experience. Learn more | Got it",
    "Cookies help us deliver our services. Manage preferences",
];

fn render_text(d: &Draft, rng: &mut Rng) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if rng.chance(0.15) {
        blocks.push(COOKIE_BANNERS[rng.below(COOKIE_BANNERS.len())].into());
    }
    if rng.chance(0.25) {
        blocks.push(format!("Home » {} » {}", rng.pick(&["News", "World", "Politics"]), rng.pick(&["Defence", "Region", "Diplomacy"])));
    }
    if let Some(title) = &d.title {
        blocks.push(title.clone());
    }
    let date_line = match rng.below(8) {
        0 => Some(d.published.day_month_year()),
        1 => Some(format!("{} {:02}:{:02}", d.published.month_day_year(), rng.below(24), rng.below(60))),
        2 => Some(d.published.iso()),
        3 => {
            let (y, m, dd) = d.published.ymd();
            Some(format!("Published: {dd:02}.{m:02}.{y}"))
        }
        4 => Some(format!("{}, {}", WEEKDAYS[d.published.weekday()], d.published.day_month_year())),
        _ => None,
    };
    let mut body = d.paragraphs.clone();
    let byline_form = rng.below(10);
    let date_first = rng.chance(0.5);
    if date_first {
        blocks.extend(date_line.clone());
    }
    match (&d.reporter, byline_form) {
        (Some(r), 0..=1) => {
            // Lost markup glued the byline to the first word of the text.
            body[0] = format!("By {r}{}", body[0]);
        }
        (Some(r), 2..=5) => blocks.push(format!("By {r}")),
        (Some(r), 6) => {
            blocks.push(format!("By {}", d.outlet));
            blocks.push(format!("By {r}"));
        }
        (_, 7) => blocks.push("By Staff Reporter".into()),
        (_, 8) => blocks.push(format!("By {}", d.outlet)),
        _ => {}
    }
    if !date_first {
        blocks.extend(date_line);
    }
    if rng.chance(0.15) && !body[0].starts_with("By ") {
        let (_, m, day) = d.published.ymd();
        body[0] = format!("{}, {} {day} ({}) -- {}", d.dateline_city, MONTHS_SHORT[m as usize - 1], d.outlet, body[0]);
    }
    blocks.extend(body);
    let (year, _, _) = d.published.ymd();
    let mut tail = Vec::new();
    if rng.chance(0.4) {
        tail.push("Related:".to_owned());
        tail.extend(d.related.iter().cloned());
    }
    if rng.chance(0.3) {
        tail.push(format!("Read more: {}", d.related[0]));
    }
    if rng.chance(0.5) {
        tail.push(if rng.chance(0.5) { "Follow us on Twitter".into() } else { format!("Follow us on Twitter @{}", d.outlet.replace(' ', "")) });
    }
    if rng.chance(0.3) {
        tail.push(format!("Tags: {}", d.tags.join(", ")));
    }
    if rng.chance(0.3) {
        tail.push("Share this article".into());
    }
    if rng.chance(0.4) {
        tail.push(format!("© {year} {}. All rights reserved.", d.outlet));
    }
    blocks.extend(tail);
    let separator = if rng.chance(0.7) { "\n\n" } else { "\n" };
    let mut text = blocks.join(separator);
    text.push('\n');
    text
}

fn render_html(d: &Draft, rng: &mut Rng) -> String {
    let mut h = String::new();
    let title = d.title.clone().unwrap_or_default();
    let iso = d.published.iso();
    let _ = write!(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    if d.title.is_some() {
        let _ = writeln!(h, "<title>{} | {}</title>", escape(&title), escape(&d.outlet));
    }
    if let Some(r) = &d.reporter {
        let _ = writeln!(h, "<meta name=\"author\" content=\"{}\">", escape(r));
    }
    if rng.chance(0.8) {
        let _ = writeln!(h, "<meta property=\"article:published_time\" content=\"{iso}T{:02}:{:02}:00+00:00\">", rng.below(24), rng.below(60));
    }
    h.push_str("<script>window.dataLayer = window.dataLayer || [];</script>\n</head>\n<body>\n");
    let _ = writeln!(h, "<header><nav><a href=\"/\">Home</a> &raquo; <a href=\"/news\">News</a> &raquo; <a href=\"/defence\">Defence</a></nav></header>");
    if rng.chance(0.5) {
        let _ = writeln!(h, "<div class=\"cookie-banner\"><p>{}</p><button>Accept</button></div>", escape(COOKIE_BANNERS[rng.below(3)]));
    }
    h.push_str("<article>\n");
    if d.title.is_some() {
        let _ = writeln!(h, "<h1>{}</h1>", escape(&title));
    }
    if let Some(r) = &d.reporter {
        let _ = writeln!(h, "<p class=\"byline\">By <a href=\"/authors\">{}</a></p>", escape(r));
    }
    let _ = writeln!(h, "<time datetime=\"{iso}\">{}</time>", d.published.month_day_year());
    for p in &d.paragraphs {
        let text = escape(p).replace('’', if rng.chance(0.5) { "&rsquo;" } else { "’" });
        let _ = writeln!(h, "<p>{text}</p>");
    }
    h.push_str("</article>\n<aside class=\"related\"><h3>Related</h3><ul>\n");
    for r in &d.related {
        let _ = writeln!(h, "<li><a href=\"/news/{}\">{}</a></li>", r.len(), escape(r));
    }
    let (year, _, _) = d.published.ymd();
    let _ = writeln!(
        h,
        "</ul></aside>\n<footer><p>Follow us on Twitter</p><p>&copy; {year} {}. All rights reserved.</p></footer>\n</body>\n</html>",
        escape(&d.outlet)
    );
    h
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
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
        let glued = share(&|n, t| n.ends_with(".txt") && t.lines().any(|l| l.starts_with("By ") && l.split_whitespace().count() > 8));
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
        let words: HashSet<String> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 1)
            .map(str::to_lowercase)
            .collect();
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
                    wrong.push(format!("{name}: stated date {} ({}), not {y}-{m:02}-{d:02}", p.start.iso(), p.evidence));
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
        for p in world.people.iter().chain(&world.reporters).chain(world.voices.iter().chain(&world.locals).map(|v| &v.person)) {
            assert!(!words.contains(&p.last.to_lowercase()), "a bundled article names a person {}", p.last);
        }
    }
}
