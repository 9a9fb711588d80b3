//! The invented world: countries with their people and cities (with real places from the
//! gazetteer), organisations, outlets, exercise series and agreements, named so that no name is
//! taken twice or collides with a real one; more articles, more actors.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::story::{BUSINESSES, COMPANY_KINDS, DISCIPLINES, FIELDS, OCCUPATIONS, vary};
use super::{Rng, capitalise};

// ---------------------------------------------------------------------------------
// The invented world.

const ONSETS: [&str; 24] = [
    "b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "gr", "h", "f", "p", "sh",
    "th", "j", "g",
];

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

const CITY_ENDINGS: [&str; 12] =
    ["grad", "port", "holm", "abad", "ford", "burg", "mir", "ene", "ara", "ville", "stad", "haven"];

const SURNAME_ENDINGS: [&str; 9] = ["", "", "en", "ar", "is", "ander", "ell", "ik", "ano"];

const EXERCISE_ADJECTIVES: [&str; 18] = [
    "Steadfast", "Iron", "Northern", "Silver", "Eastern", "Bright", "Sea", "Mountain", "Desert", "Allied", "Swift",
    "Golden", "Unbroken", "Southern", "Resolute", "Amber", "Western", "Stone",
];

const EXERCISE_NOUNS: [&str; 16] = [
    "Shield", "Harbour", "Meridian", "Falcon", "Bridge", "Thunder", "Anchor", "Horizon", "Guardian", "Sentinel",
    "Lance", "Compass", "Summit", "Frontier", "Tide", "Oak",
];

pub(super) const TOPICS: [&str; 12] = [
    "defence", "border security", "energy", "transport", "trade", "cyber security", "military education", "customs",
    "disaster relief", "maritime security", "arms procurement", "intelligence sharing",
];

const ORG_KINDS: [&str; 6] = [
    "Cooperation Council", "Security Forum", "Development Bank", "Energy Community", "Defence Initiative",
    "Customs Union",
];

const OUTLET_FORMS: [&str; 6] = ["{} News", "{} Times", "Daily {}", "{}press", "{} Herald", "{} Post"];

/// A role in a government, with the ministry that speaks for it.
pub(super) const ROLES: [&str; 8] = [
    "Defence Minister", "Foreign Minister", "President", "Prime Minister", "Chief of the General Staff",
    "Land Forces Commander Maj-Gen", "Navy Commander Rear Admiral", "Interior Minister",
];

/// The earliest and latest publication years.
pub(super) const FIRST_YEAR: i32 = 2014;

pub(super) const LAST_YEAR: i32 = 2024;

pub(super) struct Country {
    pub(super) name: String,
    pub(super) demonym: String,
    pub(super) cities: Vec<String>,
    /// Per role (index into `ROLES`), the people who held it, one per era.
    pub(super) holders: Vec<Vec<usize>>,
}

pub(super) struct Person {
    pub(super) first: String,
    pub(super) last: String,
}

impl Person {
    pub(super) fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

pub(super) struct Series {
    pub(super) name: String,
    pub(super) hyphen: bool,
    pub(super) countries: Vec<usize>,
}

pub(super) struct Background {
    pub(super) text: String,
    /// A lightly edited copy, as outlets recycle background with small changes.
    pub(super) variant: String,
}

pub(super) struct Voice {
    pub(super) person: Person,
    pub(super) post: String,
}

pub(super) struct Outlet {
    pub(super) name: String,
    pub(super) reporters: Vec<usize>,
}

/// Everything articles are written about, derived from the seed and the corpus size.
pub struct World {
    pub(super) seed: u64,
    pub(super) countries: Vec<Country>,
    pub(super) real_places: Vec<String>,
    pub(super) real_countries: Vec<String>,
    pub(super) people: Vec<Person>,
    pub(super) reporters: Vec<Person>,
    /// People quoted for comment (analysts, scholars, former officials), each with the
    /// post an article introduces them by.
    pub(super) voices: Vec<Voice>,
    /// People quoted where they live or work, introduced by that.
    pub(super) locals: Vec<Voice>,
    /// Firms that build, supply and invest.
    pub(super) companies: Vec<String>,
    pub(super) outlets: Vec<Outlet>,
    pub(super) orgs: Vec<String>,
    pub(super) series: Vec<Series>,
    pub(super) agreements: Vec<String>,
    pub(super) backgrounds: Vec<Background>,
    /// Country index → background paragraphs about it.
    pub(super) backgrounds_of: HashMap<usize, Vec<usize>>,
    /// Eras the years are split into; each role has one holder per era.
    pub(super) eras: usize,
}

/// A name generator that never repeats a name nor uses a real place's name.
pub(super) struct Names<'a> {
    pub(super) taken: HashSet<String>,
    pub(super) reserved: &'a HashSet<String>,
}

impl Names<'_> {
    pub(super) fn stem(rng: &mut Rng, syllables: usize) -> String {
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
    pub(super) fn smooth_stem(rng: &mut Rng) -> String {
        const CONSONANTS: [char; 14] = ['b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'g', 'p', 'f'];
        const PLAIN_VOWELS: [char; 5] = ['a', 'e', 'i', 'o', 'u'];
        let mut s = String::new();
        for i in 0..5 {
            s.push(if i % 2 == 0 { *rng.pick(&CONSONANTS) } else { *rng.pick(&PLAIN_VOWELS) });
        }
        capitalise(&s)
    }

    /// A fresh name built by `make`, retried until it is new.
    pub(super) fn fresh(&mut self, rng: &mut Rng, mut make: impl FnMut(&mut Rng) -> String) -> String {
        loop {
            let name = make(rng);
            if self.claim(&name) {
                return name;
            }
        }
    }

    /// Takes `name` when it is neither taken nor a real place.
    pub(super) fn claim(&mut self, name: &str) -> bool {
        let key = name.to_lowercase();
        !self.reserved.contains(&key) && self.taken.insert(key)
    }
}

impl World {
    /// The world for a corpus of `articles` articles: more articles, more actors.
    pub fn new(articles: usize, seed: u64, gazetteer: &Path) -> Result<World, String> {
        let mut rng = Rng::fork(seed, u64::MAX);
        let Gazetteer { countries: real_countries, cities: real_places, reserved } =
            read_gazetteer(gazetteer, (30 + articles / 4).min(3_000), &mut rng)?;
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
                Outlet {
                    name: names.fresh(&mut rng, |r| form.replace("{}", &Names::stem(r, 2))),
                    reporters: Vec::new(),
                }
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
                    if r.chance(0.3) {
                        format!("Organisation for {region} Stability")
                    } else {
                        format!("{region} {kind}")
                    }
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
                let name =
                    names.fresh(&mut rng, |r| format!("{} {}", r.pick(&EXERCISE_ADJECTIVES), r.pick(&EXERCISE_NOUNS)));
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
}

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

/// What the generator takes from the gazetteer.
pub(super) struct Gazetteer {
    /// A few real countries with a demonym.
    pub(super) countries: Vec<String>,
    /// Real cities of 100,000 people or more, more of them for a larger corpus.
    pub(super) cities: Vec<String>,
    /// Every gazetteer name (lowercase), which invented names must not take.
    pub(super) reserved: HashSet<String>,
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
