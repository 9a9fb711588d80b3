//! One article of the world: its dated facts (exercises, agreements …), the people
//! and places it names, its background paragraphs recycled from a shared stock, and its body.

use std::collections::HashSet;

use super::dates::{Day, MONTHS, Writer};
use super::layout::{Draft, render_html, render_text};
use super::world::{FIRST_YEAR, LAST_YEAR, Person, ROLES, TOPICS, World};
use super::{Rng, capitalise, prose};

// Writing the world's articles: each one's dated facts, credits and layout, from its own seed.
impl World {
    /// One background paragraph and the countries it is about.
    pub(super) fn background(&self, rng: &mut Rng) -> (String, Vec<usize>) {
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
                    ca.name,
                    cb.name,
                    rng.pick(&TOPICS),
                    rng.between(2, 9),
                    rng.pick(&cb.cities)
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

    pub(super) fn other_country(&self, rng: &mut Rng, not: usize) -> usize {
        loop {
            let c = if rng.chance(0.5) { rng.skewed(self.countries.len()) } else { rng.below(self.countries.len()) };
            if c != not {
                return c;
            }
        }
    }

    /// The person holding `role` in `country` in `year`.
    pub(super) fn holder(&self, country: usize, role: usize, year: i32) -> &Person {
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
    pub(super) fn truth(&self, i: usize) -> (Option<String>, Day, Option<String>) {
        let draft = self.draft(&mut Rng::fork(self.seed, i as u64));
        (draft.title, draft.published, draft.reporter)
    }

    /// What an article says, before it is laid out as text or HTML.
    pub(super) fn draft(&self, rng: &mut Rng) -> Draft {
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
            let with_a: Vec<usize> =
                (0..self.series.len()).filter(|&s| self.series[s].countries.contains(&a)).collect();
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
                    ca.demonym,
                    ROLES[role_a],
                    pa.full(),
                    cb.demonym,
                    pb.full()
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
                    ca.name,
                    cb.name,
                    ca.demonym,
                    ROLES[role_a],
                    pa.full()
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
                    ca.demonym,
                    ROLES[role_a],
                    pa.full(),
                    ca.name,
                    w.rng.pick(&TOPICS),
                    cb.name
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
    pub(super) fn body_sentence(
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
            2 => format!(
                "The ministers also reviewed the results of the {} exercise held {}.",
                edition(year - 1),
                w.past()
            ),
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
            8 => format!(
                "The two sides signed {} documents, including a memorandum on {}.",
                w.rng.between(2, 9),
                topics[1]
            ),
            9 => {
                let first = w.rng.below(self.real_countries.len());
                let second = (first + 1 + w.rng.below(self.real_countries.len() - 1)) % self.real_countries.len();
                format!(
                    "Observers from {} and {} attended the final stage of the exercise in {venue}.",
                    self.real_countries[first], self.real_countries[second]
                )
            }
            10 => format!("The {org} welcomed the step in a statement issued {}.", w.recent()),
            11 => format!(
                "{} {} and {} held the {} drills in {}.",
                capitalise(&w.last_year()),
                ca.name,
                cb.name,
                edition(year - 1),
                w.rng.pick(&cb.cities)
            ),
            12 => format!("The drills will last until {}.", w.soon_full()),
            13 => format!(
                "{} the {org} held its annual summit in {}.",
                capitalise(&w.month_phrase()),
                w.rng.pick(&self.real_places)
            ),
            14 => format!(
                "The talks come {} years after the {agreement} was signed in {}.",
                w.rng.between(2, 12),
                w.rng.pick(&ca.cities)
            ),
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
            18 => format!(
                "The {} also joined the exercise for the first time {}.",
                self.countries[self.other_country(w.rng, a)].demonym.clone() + " Navy",
                w.recent()
            ),
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

pub(super) const OCCUPATIONS: [&str; 12] = [
    "teacher", "shopkeeper", "taxi driver", "farmer", "nurse", "retired officer", "student", "fisherman", "engineer",
    "doctor", "construction worker", "pensioner",
];

pub(super) const BUSINESSES: [&str; 8] =
    ["bakery", "hotel", "transport firm", "small shipyard", "café", "building firm", "pharmacy", "vineyard"];

pub(super) const COMPANY_KINDS: [&str; 10] = [
    "Holdings", "Group", "Shipbuilding", "Logistics", "Energy", "Aerospace", "Defence Systems", "Engineering", "Steel",
    "Telecom",
];

pub(super) const FIELDS: [&str; 10] = [
    "Security", "Strategic", "Regional", "Economic", "Energy", "Defence", "Policy", "International", "Conflict",
    "Maritime",
];

pub(super) const DISCIPLINES: [&str; 8] = [
    "international relations", "economics", "political science", "military history", "public policy", "law",
    "energy studies", "geography",
];

const RELATED_VERBS: [&str; 5] = [
    "opens new consulate in", "hosts trade fair in", "to upgrade airport in", "reports floods near",
    "marks anniversary in",
];

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
pub(super) fn vary(text: &str, rng: &mut Rng) -> String {
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
