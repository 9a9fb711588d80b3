//! The generator's free prose: sentences built from a small grammar over about a thousand
//! English words and phrases, so generated articles vary as much as real reporting does (what
//! officials said, plans, figures, doubts, quotes) instead of repeating a few dozen
//! fixed sentences. Words are drawn with a mild skew, as news uses some words far more
//! often than others.

use super::{Rng, capitalise};

/// What a sentence may name: the article's actors, filled in by the caller.
pub struct Cast<'a> {
    /// The two countries the article is about, and their demonyms.
    pub countries: [&'a str; 2],
    pub demonyms: [&'a str; 2],
    /// Cities of either country, or real places the article names.
    pub cities: &'a [String],
    /// Surnames of the officials already named in the article.
    pub officials: [&'a str; 2],
    /// An organisation the article names.
    pub org: &'a str,
    /// A company the article names.
    pub company: &'a str,
    /// People quoted for comment: an expert and someone local.
    pub voices: [Voice<'a>; 2],
}

/// Someone quoted: full name, surname, the post they are introduced by, and whether
/// the article has introduced them yet (after that, the surname alone names them).
pub struct Voice<'a> {
    pub full: &'a str,
    pub last: &'a str,
    pub post: &'a str,
    pub named: bool,
}

impl Rng {
    /// One of `items`, the first ones more often: news leans on some words far more
    /// than others, but not as steeply as on its main actors.
    fn common<T: Copy>(&mut self, items: &[T]) -> T {
        let i = (self.unit().powf(1.2) * items.len() as f64) as usize;
        items[i.min(items.len() - 1)]
    }
}

/// One sentence of free prose about `cast`.
pub fn sentence(rng: &mut Rng, cast: &mut Cast<'_>) -> String {
    match rng.below(17) {
        0 | 1 => format!("{} {} that {}.", capitalise(&speaker(rng, cast)), rng.common(SAID), clause(rng, cast)),
        2 => format!(
            "“{}, and {},” {} {}.",
            capitalise(&clause(rng, cast)),
            clause(rng, cast),
            short_speaker(rng, cast),
            rng.common(SAID)
        ),
        3 => format!(
            "“{}.” {} {} that {}.",
            capitalise(&clause(rng, cast)),
            capitalise(&short_speaker(rng, cast)),
            rng.common(SAID_LATER),
            clause(rng, cast)
        ),
        4 => statistic(rng, cast),
        5 => format!(
            "Under the {}, {} {} {} {} {}.",
            rng.common(PLANS),
            subject(rng, cast),
            rng.common(MODALS),
            rng.common(VERBS).0,
            object(rng),
            complement(rng, cast)
        ),
        6 => format!(
            "Critics {} that {}, while supporters {} that {}.",
            rng.common(SAID_PLAIN),
            clause(rng, cast),
            rng.common(SAID_PLAIN),
            clause(rng, cast)
        ),
        7 => format!(
            "It {} unclear whether {} {} {} {}.",
            rng.word(&["remains", "is still", "was", "remained"]),
            subject(rng, cast),
            rng.common(MODALS_PAST),
            rng.common(VERBS).0,
            object(rng)
        ),
        8 => format!(
            "The {} {} is expected to cost {} and {} {} {}.",
            rng.common(ADJECTIVES),
            rng.common(PROJECTS),
            money(rng),
            rng.word(&["to", "would", "should", "could"]),
            rng.common(VERBS).0,
            object(rng)
        ),
        9 => {
            let city = rng.pick(cast.cities).clone();
            format!("{city}, {}, {} {} {}.", rng.common(PLACE_NOTES), past(rng), object(rng), reason(rng))
        }
        10 => format!(
            "{} {} {} {}, {}.",
            capitalise(&subject(rng, cast)),
            past(rng),
            object(rng),
            complement(rng, cast),
            rng.common(ASIDES)
        ),
        11 => format!(
            "The {} {} {} {}, {}.",
            rng.common(NOUNS),
            rng.word(&["had been", "had long been", "seemed", "remained", "would be", "may be"]),
            rng.common(PREDICATES),
            reason(rng),
            rng.common(ASIDES)
        ),
        12 => format!(
            "{} {} {} and {} {} {}.",
            capitalise(&subject(rng, cast)),
            past(rng),
            object(rng),
            past(rng),
            object(rng),
            reason(rng)
        ),
        14 => {
            let of = rng.between(4, 90);
            format!(
                "Of the {of} {} {} {}, only {} {} {}, according to {}.",
                rng.common(NOUNS),
                rng.word(&["ordered", "planned", "promised", "announced", "budgeted for", "pledged"]),
                rng.word(&[
                    "in the first phase", "so far", "under the contract", "since the programme began", "this year",
                    "last year"
                ]),
                rng.between(1, of - 1),
                rng.word(&[
                    "have been delivered", "are in service", "have been built", "are ready", "have arrived",
                    "were paid for"
                ]),
                rng.word(&["on time", "so far", "by the deadline", "in full", "as planned", "without problems"]),
                rng.common(SOURCES)
            )
        }
        15 => format!(
            "{} {} {} {} in {} {}, {}.",
            capitalise(&subject(rng, cast)),
            rng.common(ADVERBS),
            rng.common(VERBS).1,
            object(rng),
            rng.pick(cast.cities),
            reason(rng),
            rng.common(ASIDES)
        ),
        _ => format!(
            "Asked about {}, {} {} that {}.",
            object(rng),
            speaker(rng, cast),
            rng.common(SAID),
            clause(rng, cast)
        ),
    }
}

/// Who says something: an official, the commentator, or a group.
fn speaker(rng: &mut Rng, cast: &mut Cast<'_>) -> String {
    match rng.below(5) {
        0 => cast.officials[rng.below(2)].to_owned(),
        1 => {
            let voice = &mut cast.voices[rng.below(2)];
            if voice.named {
                voice.last.to_owned()
            } else {
                voice.named = true;
                format!("{}, {},", voice.full, voice.post)
            }
        }
        2 => format!("a spokesperson for the {} {}", rng.pick(&cast.demonyms), rng.common(BODIES)),
        _ => rng.common(GROUPS).to_owned(),
    }
}

/// Who says something, once named: a surname or a group.
fn short_speaker(rng: &mut Rng, cast: &Cast<'_>) -> String {
    let named = cast.voices.iter().find(|v| v.named);
    match (rng.below(4), named) {
        (0, _) => cast.officials[rng.below(2)].to_owned(),
        (1, Some(voice)) => voice.last.to_owned(),
        _ => format!("{} {}", rng.word(&["one", "a senior", "another", "one senior"]), rng.common(ONE_OF)),
    }
}

fn subject(rng: &mut Rng, cast: &Cast<'_>) -> String {
    match rng.below(6) {
        0 => cast.countries[rng.below(2)].to_owned(),
        1 => format!("the {} {}", rng.pick(&cast.demonyms), rng.common(BODIES)),
        2 => format!("the {}", cast.org),
        3 => cast.company.to_owned(),
        _ => rng.common(SUBJECTS).to_owned(),
    }
}

fn object(rng: &mut Rng) -> String {
    let det = rng.common(DETERMINERS);
    match rng.below(5) {
        0 | 1 => format!("{det} {} {}", rng.common(ADJECTIVES), rng.common(NOUNS)),
        2 => format!("{det} {} {}", rng.common(MODIFIERS), rng.common(NOUNS)),
        3 => format!("{det} {} {} {}", rng.common(ADJECTIVES), rng.common(MODIFIERS), rng.common(NOUNS)),
        _ => format!("{det} {}", rng.common(NOUNS)),
    }
}

/// A past-tense verb, now and then with an adverb before it.
fn past(rng: &mut Rng) -> String {
    let verb = rng.common(VERBS).1;
    if rng.chance(0.35) { format!("{} {verb}", rng.common(ADVERBS)) } else { verb.to_owned() }
}

fn clause(rng: &mut Rng, cast: &Cast<'_>) -> String {
    match rng.below(4) {
        0 => format!(
            "{} {} {} {} {}",
            subject(rng, cast),
            rng.common(MODALS),
            rng.common(VERBS).0,
            object(rng),
            complement(rng, cast)
        ),
        1 => format!("{} had {} {} {}", subject(rng, cast), rng.common(VERBS).2, object(rng), reason(rng)),
        2 => format!(
            "{} {} {} {}",
            object(rng),
            rng.word(&["had been", "would be", "had become", "remained", "looked", "might be"]),
            rng.common(PREDICATES),
            reason(rng)
        ),
        _ => format!("{} {} {} {}", subject(rng, cast), past(rng), object(rng), complement(rng, cast)),
    }
}

fn complement(rng: &mut Rng, cast: &Cast<'_>) -> String {
    match rng.below(8) {
        0 => format!("near {}", rng.pick(cast.cities)),
        1 => format!("together with {}", cast.countries[rng.below(2)]),
        2 => format!(
            "within {} {}",
            rng.word(&["two", "three", "four", "six", "eight", "ten", "eighteen"]),
            rng.word(&["months", "years", "weeks"])
        ),
        _ => rng.common(COMPLEMENTS).to_owned(),
    }
}

fn reason(rng: &mut Rng) -> String {
    rng.common(REASONS).to_owned()
}

fn statistic(rng: &mut Rng, cast: &Cast<'_>) -> String {
    let whose = match rng.below(3) {
        0 => format!("{}’s", cast.countries[rng.below(2)]),
        1 => format!("the {}", rng.pick(&cast.demonyms)),
        _ => "the region’s".to_owned(),
    };
    let change = format!("{}.{}", rng.between(1, 40), rng.below(10));
    format!(
        "{} {} {} {} by {change} percent {} to {}, according to {}.",
        capitalise(&whose),
        rng.common(METRICS),
        rng.word(&["rose", "fell", "grew", "climbed", "dropped", "increased", "declined", "jumped", "slipped"]),
        rng.word(&["sharply", "slightly", "steadily", "again", "modestly", "unexpectedly", "only", "almost"]),
        rng.common(PERIODS),
        amount(rng),
        rng.common(SOURCES)
    )
}

fn money(rng: &mut Rng) -> String {
    if rng.chance(0.5) {
        format!("{} million {}", rng.between(2, 950), rng.word(CURRENCIES))
    } else {
        format!("{}.{} billion {}", rng.between(1, 40), rng.below(10), rng.word(CURRENCIES))
    }
}

fn amount(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 | 1 => money(rng),
        2 => format!(
            "about {} {}",
            rng.between(2, 99) * 10,
            rng.word(&["tonnes", "vehicles", "kilometres", "aircraft", "contracts", "jobs"])
        ),
        3 => format!(
            "{} {}",
            rng.between(120, 9_800),
            rng.word(&["tonnes", "barrels a day", "cubic metres", "megawatts", "containers", "passengers"])
        ),
        _ => format!(
            "nearly {} {}",
            rng.between(2, 30),
            rng.word(&["thousand troops", "thousand workers", "million dollars", "billion euros", "percent of output"])
        ),
    }
}

const SAID: &[&str] = &[
    "said", "told reporters", "noted", "stressed", "added", "argued", "warned", "acknowledged", "insisted",
    "suggested", "recalled", "emphasised", "pointed out", "conceded", "explained", "cautioned", "claimed", "confirmed",
    "reiterated", "observed", "wrote", "told local television", "told a news conference", "said in a statement",
];
const SAID_LATER: &[&str] = &[
    "said later", "added", "went on to say", "also said", "said afterwards", "told journalists", "continued",
    "wrote later", "replied", "noted",
];
const SAID_PLAIN: &[&str] = &[
    "say", "argue", "warn", "point out", "note", "fear", "complain", "counter", "believe", "insist", "suggest",
    "contend",
];

const GROUPS: &[&str] = &[
    "diplomats", "officials", "lawmakers", "military analysts", "opposition politicians", "industry representatives",
    "senior commanders", "western diplomats", "security experts", "economists", "local officials",
    "members of parliament", "observers", "defence officials", "residents", "veterans’ groups", "trade unions",
    "human rights groups", "business leaders", "regional governors", "independent analysts", "retired generals",
    "the opposition", "energy traders", "aid workers", "foreign ministry officials", "procurement officials",
    "border guards", "academics", "journalists", "farmers’ associations", "port operators",
];
const ONE_OF: &[&str] = &[
    "official", "diplomat", "commander", "analyst", "lawmaker", "adviser", "negotiator", "officer", "engineer",
    "spokesman", "spokeswoman", "delegate", "economist", "source close to the talks",
];
const BODIES: &[&str] = &[
    "Defence Ministry", "Foreign Ministry", "government", "General Staff", "Interior Ministry", "Economy Ministry",
    "Energy Ministry", "parliament", "presidential office", "Border Service", "Finance Ministry", "Navy", "Air Force",
    "Emergency Situations Ministry", "Transport Ministry", "State Security Service",
];
const SUBJECTS: &[&str] = &[
    "the government", "both sides", "the ministry", "the armed forces", "the two countries", "officials",
    "the partners", "the navy", "the air force", "local authorities", "the new command", "lawmakers", "contractors",
    "the defence industry", "the coast guard", "the border service", "regional governors", "the central bank",
    "the state energy company", "the railway operator", "the port authority", "the general staff", "the delegations",
    "military planners", "the finance ministry", "engineers", "the cabinet", "the parliament", "neighbouring states",
    "the allies", "investors", "the security services", "the land forces", "the reserve forces", "donors",
    "the treasury", "the customs service", "the emergency services", "shipyards", "the state arms maker",
];
const MODALS: &[&str] = &[
    "would", "will", "could", "should", "might", "must", "plans to", "is expected to", "intends to", "aims to",
    "is likely to", "hopes to", "has agreed to", "is ready to", "may", "is set to", "wants to", "has pledged to",
    "is due to", "has offered to", "is unlikely to", "can",
];
const MODALS_PAST: &[&str] =
    &["would", "could", "might", "was able to", "was willing to", "intended to", "had agreed to", "was ready to"];

/// Verbs: base form, past tense, past participle.
const VERBS: &[(&str, &str, &str)] = &[
    ("strengthen", "strengthened", "strengthened"),
    ("expand", "expanded", "expanded"),
    ("review", "reviewed", "reviewed"),
    ("finance", "financed", "financed"),
    ("modernise", "modernised", "modernised"),
    ("deploy", "deployed", "deployed"),
    ("withdraw", "withdrew", "withdrawn"),
    ("replace", "replaced", "replaced"),
    ("coordinate", "coordinated", "coordinated"),
    ("monitor", "monitored", "monitored"),
    ("upgrade", "upgraded", "upgraded"),
    ("negotiate", "negotiated", "negotiated"),
    ("postpone", "postponed", "postponed"),
    ("accelerate", "accelerated", "accelerated"),
    ("restrict", "restricted", "restricted"),
    ("protect", "protected", "protected"),
    ("supply", "supplied", "supplied"),
    ("purchase", "purchased", "purchased"),
    ("train", "trained", "trained"),
    ("inspect", "inspected", "inspected"),
    ("build", "built", "built"),
    ("repair", "repaired", "repaired"),
    ("reform", "reformed", "reformed"),
    ("simplify", "simplified", "simplified"),
    ("extend", "extended", "extended"),
    ("reduce", "reduced", "reduced"),
    ("double", "doubled", "doubled"),
    ("secure", "secured", "secured"),
    ("support", "supported", "supported"),
    ("test", "tested", "tested"),
    ("open", "opened", "opened"),
    ("close", "closed", "closed"),
    ("share", "shared", "shared"),
    ("develop", "developed", "developed"),
    ("produce", "produced", "produced"),
    ("export", "exported", "exported"),
    ("import", "imported", "imported"),
    ("assemble", "assembled", "assembled"),
    ("launch", "launched", "launched"),
    ("complete", "completed", "completed"),
    ("delay", "delayed", "delayed"),
    ("cancel", "cancelled", "cancelled"),
    ("approve", "approved", "approved"),
    ("reject", "rejected", "rejected"),
    ("question", "questioned", "questioned"),
    ("defend", "defended", "defended"),
    ("fund", "funded", "funded"),
    ("staff", "staffed", "staffed"),
    ("relocate", "relocated", "relocated"),
    ("merge", "merged", "merged"),
    ("audit", "audited", "audited"),
    ("license", "licensed", "licensed"),
    ("certify", "certified", "certified"),
    ("integrate", "integrated", "integrated"),
    ("standardise", "standardised", "standardised"),
    ("lease", "leased", "leased"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("equip", "equipped", "equipped"),
    ("patrol", "patrolled", "patrolled"),
    ("map", "mapped", "mapped"),
    ("clear", "cleared", "cleared"),
    ("connect", "connected", "connected"),
    ("insure", "insured", "insured"),
    ("promote", "promoted", "promoted"),
    ("recruit", "recruited", "recruited"),
    ("dismantle", "dismantled", "dismantled"),
    ("evaluate", "evaluated", "evaluated"),
    ("renew", "renewed", "renewed"),
    ("sign off", "signed off", "signed off"),
    ("hand over", "handed over", "handed over"),
    ("set up", "set up", "set up"),
    ("scale back", "scaled back", "scaled back"),
    ("speed up", "sped up", "sped up"),
    ("phase out", "phased out", "phased out"),
    ("take over", "took over", "taken over"),
    ("draw up", "drew up", "drawn up"),
    ("buy", "bought", "bought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("keep", "kept", "kept"),
    ("lift", "lifted", "lifted"),
    ("ease", "eased", "eased"),
    ("tighten", "tightened", "tightened"),
    ("publish", "published", "published"),
    ("host", "hosted", "hosted"),
    ("invite", "invited", "invited"),
    ("welcome", "welcomed", "welcomed"),
    ("survey", "surveyed", "surveyed"),
    ("rent", "rented", "rented"),
    ("reopen", "reopened", "reopened"),
    ("convert", "converted", "converted"),
    ("decommission", "decommissioned", "decommissioned"),
    ("overhaul", "overhauled", "overhauled"),
    ("subsidise", "subsidised", "subsidised"),
    ("privatise", "privatised", "privatised"),
];
const DETERMINERS: &[&str] = &[
    "the", "its", "their", "new", "several", "more", "existing", "older", "the remaining", "most", "some", "all",
    "additional", "two", "a number of", "the first",
];
const ADJECTIVES: &[&str] = &[
    "joint", "regional", "bilateral", "long-term", "mobile", "naval", "coastal", "northern", "digital", "armoured",
    "strategic", "modest", "ambitious", "fragile", "southern", "eastern", "western", "modern", "Soviet-era",
    "domestic", "foreign", "private", "public", "military", "civilian", "local", "national", "temporary", "permanent",
    "costly", "cheaper", "heavy", "light", "unmanned", "electronic", "mountain", "rural", "urban", "offshore",
    "underground", "commercial", "experimental", "outdated", "reliable", "secure", "flexible", "larger", "smaller",
    "faster", "slower", "seasonal", "annual", "additional", "emergency", "technical", "legal", "financial",
    "logistical", "operational", "medical", "educational", "industrial", "agricultural", "environmental", "maritime",
    "aerial", "tactical", "regular", "specialised", "advanced", "basic", "shared", "separate", "common", "independent",
    "neighbouring", "cross-border", "high-speed", "low-cost", "state-owned", "foreign-made", "locally built",
    "second-hand", "newly built", "partly finished", "half-empty", "overcrowded", "ageing", "upgraded", "damaged",
    "unfinished", "controversial", "sensitive", "classified", "detailed", "preliminary", "final", "revised",
    "existing", "planned", "proposed", "disputed", "abandoned", "restored", "expanded", "reduced", "integrated",
    "automated", "encrypted", "solar", "wind", "nuclear", "hydroelectric", "coal-fired", "gas-fired", "refrigerated",
    "amphibious", "airborne", "anti-aircraft",
];
const NOUNS: &[&str] = &[
    "infrastructure", "supply lines", "air defence systems", "training centres", "border posts", "pipelines",
    "railway links", "procurement rules", "reserve units", "logistics hubs", "radar stations", "fuel depots",
    "training programmes", "cyber defences", "border crossings", "armoured vehicles", "port facilities",
    "supply contracts", "reserve forces", "drone units", "patrol boats", "helicopters", "field hospitals",
    "command posts", "communication networks", "barracks", "airfields", "naval bases", "ammunition plants",
    "shipyards", "spare parts", "maintenance crews", "military academies", "cadets", "officers", "conscripts",
    "pilots", "engineers", "instructors", "translators", "customs checks", "visa rules", "trade routes", "tariffs",
    "export licences", "investment funds", "loans", "grants", "budgets", "salaries", "pensions", "housing", "roads",
    "bridges", "tunnels", "power lines", "substations", "water supplies", "grain stocks", "fuel reserves",
    "gas storage", "oil terminals", "refineries", "steel mills", "factories", "warehouses", "containers", "cargo",
    "ferries", "freight trains", "trucks", "satellites", "sensors", "cameras", "software", "data centres", "archives",
    "records", "maps", "surveys", "inspections", "audits", "contracts", "tenders", "licences", "permits", "quotas",
    "sanctions", "inspectors", "observers", "peacekeepers", "volunteers", "rescue teams", "firefighters", "medics",
    "mine clearance teams", "landmines", "checkpoints", "fences", "watchtowers", "coastal batteries", "minesweepers",
    "frigates", "corvettes", "submarines", "tankers", "transport aircraft", "fighter jets", "trainer aircraft",
    "missiles", "rocket launchers", "artillery", "rifles", "body armour", "uniforms", "rations", "tents", "generators",
    "fuel trucks", "ambulances", "schools", "clinics", "universities", "laboratories", "museums", "monuments",
    "villages", "farms", "vineyards", "forests", "rivers", "reservoirs", "dams", "canals", "harbours", "airports",
    "stations", "markets", "shops", "banks", "insurers", "exporters", "importers", "suppliers", "subcontractors",
    "consultants", "lawyers", "auditors", "regulators", "negotiators", "mediators", "delegates", "envoys", "attachés",
    "advisers", "staff officers", "staff colleges", "exchange programmes", "joint patrols", "early-warning systems",
    "fire-control systems", "navigation systems", "night-vision equipment", "body scanners", "cold-weather gear",
    "field kitchens",
];
const PROJECTS: &[&str] = &[
    "project", "programme", "scheme", "plan", "upgrade", "railway", "pipeline", "port expansion", "training centre",
    "shipyard", "airbase", "factory", "bridge", "power plant", "highway", "data centre", "housing programme",
    "fleet renewal", "border fence", "logistics hub",
];
const PLANS: &[&str] = &[
    "plan", "agreement", "new rules", "deal", "proposal", "programme", "roadmap", "draft budget", "framework",
    "contract", "arrangement", "memorandum", "timetable", "reform", "new law", "five-year plan",
];
const PREDICATES: &[&str] = &[
    "a priority", "long overdue", "too expensive", "behind schedule", "ahead of schedule", "in poor condition",
    "largely symbolic", "a step forward", "a test of trust", "under review", "a matter of national security",
    "still on track", "hard to verify", "politically sensitive", "widely expected", "far from certain",
    "a source of friction", "a model for the region", "open to negotiation", "a long way off", "badly needed",
    "overdue for replacement", "under strain", "in short supply", "in high demand", "more important than ever",
    "unlikely to change much", "a costly mistake", "only a first step", "crucial for both economies",
    "a sign of confidence", "a response to pressure at home", "poorly coordinated", "well funded",
    "chronically underfunded", "hard to replace", "easy to criticise", "a turning point", "an open question",
    "a matter for parliament",
];
const COMPLEMENTS: &[&str] = &[
    "by the end of the decade", "in the coming years", "despite budget pressures", "as soon as funding allows",
    "under the new framework", "without outside help", "over the next few years", "at a faster pace",
    "on a larger scale", "in stages", "step by step", "at short notice", "as a matter of urgency", "before the winter",
    "before the next elections", "ahead of the summit", "once the talks resume", "with foreign partners",
    "at the request of parliament", "in line with international standards", "under civilian oversight",
    "at lower cost", "for the first time", "on both sides of the border", "along the coast", "in remote areas",
    "in the capital", "in the border regions", "across the country", "on a rotating basis", "in several phases",
    "under a single command", "with private investment", "with the help of foreign advisers", "if the weather allows",
    "if parliament agrees", "once the money arrives", "without further delay", "in the long run", "in the short term",
    "more quickly than planned", "more slowly than planned", "at the earliest opportunity",
    "as part of a wider reform", "on schedule", "under the supervision of inspectors", "as demand grows",
    "after the current contracts expire",
];
const REASONS: &[&str] = &[
    "because of rising costs", "after years of delays", "amid growing tension in the region",
    "because of a shortage of skilled workers", "after a series of accidents", "following complaints from residents",
    "as a result of the sanctions", "because of the weak currency", "after an audit found irregularities",
    "under pressure from parliament", "because of the harsh winter", "after the floods", "amid rising fuel prices",
    "because of supply problems", "after the previous contract collapsed", "for lack of funding",
    "because of a legal dispute", "after a change of government", "amid a wider reform of the armed forces",
    "because of concerns over corruption", "after the talks stalled", "as trade between the two countries grew",
    "because demand had fallen", "after a fire at the site", "because of security concerns",
    "following a review of spending", "because the equipment was outdated", "because the old rules were unclear",
    "after inspectors raised concerns", "as part of a cost-cutting drive", "after a long public debate",
    "following pressure from industry", "because of a shortage of spare parts", "as the population of the area grew",
    "after a cyber attack", "because of the pandemic", "after the border reopened", "as relations improved",
    "as relations cooled", "despite objections from the opposition", "despite warnings from economists",
    "to the surprise of many observers", "with little public debate", "without a tender",
];
const ASIDES: &[&str] = &[
    "officials said", "according to local media", "a move that surprised some observers", "in a sign of closer ties",
    "state media reported", "people familiar with the matter said", "according to a government report",
    "a statement said", "sources said", "according to the ministry’s figures",
    "in what officials called a routine step", "the first such move in years", "which critics called premature",
    "a decision welcomed by industry", "though details remain scarce", "although no date has been set",
    "as had been expected", "contrary to earlier reports", "according to documents seen by reporters",
    "a spokesperson confirmed", "the report said", "analysts said", "as part of a broader shift",
    "though funding is not yet secured",
];
const PLACE_NOTES: &[&str] = &[
    "a port city on the coast", "the regional capital", "a garrison town near the border", "an industrial centre",
    "the country's second city", "a railway junction", "a former mining town", "home to the main naval base",
    "a fast-growing city", "a university town", "the administrative centre of the province", "a market town",
    "a city of old textile mills", "the site of the main airbase", "a river port", "a city rebuilt after the war",
    "a tourist resort", "the seat of the regional assembly", "a border city", "an oil town",
];
const METRICS: &[&str] = &[
    "defence spending", "gas exports", "trade with its neighbours", "arms imports", "military budget", "oil output",
    "freight traffic", "foreign investment", "tourist arrivals", "grain harvest", "steel production",
    "unemployment rate", "public debt", "electricity output", "cargo volumes", "wheat exports", "imports of machinery",
    "inflation", "car production", "remittances",
];
const PERIODS: &[&str] = &[
    "last year", "in the first half", "over the past five years", "year on year", "since the agreement",
    "in the last quarter", "over the decade", "in the past twelve months", "compared with a year earlier",
    "since the border reopened", "over the same period", "in the winter months", "this year", "in recent years",
];
const SOURCES: &[&str] = &[
    "official figures", "the statistics office", "the central bank", "customs data", "a government report",
    "industry estimates", "the finance ministry", "the national energy regulator", "a parliamentary report",
    "figures released on the same day", "the chamber of commerce", "an independent survey", "the port authority",
    "preliminary estimates",
];
const CURRENCIES: &[&str] = &["dollars", "euros"];
const ADVERBS: &[&str] = &[
    "quietly", "formally", "largely", "partly", "already", "repeatedly", "quickly", "gradually", "officially",
    "publicly", "privately", "reportedly", "recently", "eventually", "finally", "jointly", "temporarily",
    "permanently", "briefly", "successfully", "reluctantly", "openly", "swiftly", "cautiously", "effectively",
    "initially", "originally", "previously", "subsequently", "suddenly", "unexpectedly", "deliberately", "informally",
    "voluntarily", "unilaterally", "provisionally", "fully", "narrowly", "sharply", "steadily", "significantly",
    "substantially", "modestly", "quickly and quietly", "once again", "for now", "at last", "in effect",
    "in principle", "in practice",
];
const MODIFIERS: &[&str] = &[
    "fuel", "border", "repair", "supply", "training", "radar", "cargo", "water", "rail", "power", "grain", "steel",
    "naval", "police", "customs", "transit", "storage", "research", "maintenance", "security", "emergency", "health",
    "housing", "road", "harbour", "airport", "satellite", "telecom", "pension", "tax", "budget", "investment",
    "export", "import", "insurance", "engineering", "transport", "weather", "mining", "fishing", "forestry", "tourism",
    "shipping", "payroll", "recruitment", "veterans", "reserve", "mountain", "coastal", "river",
];
