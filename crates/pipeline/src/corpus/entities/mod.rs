//! Entities: people, organisations, places, exercises, agreements and other named
//! events, found by general rules (titles and ranks, name patterns, head words such as
//! "Ministry" or "Treaty", the open-data gazetteer), merged across spellings and
//! surname-only mentions, and related by co-occurrence. Nothing here knows the
//! bundled articles.
//!
//! Here: merging the mentions of a corpus into entities and relating them. Below it, one idea a
//! file: `tokens.rs` (words and capitalised runs of a sentence), `find.rs` (a paragraph's mentions,
//! with the tagger's proposals), `classify.rs` (the table of named rules that decide what a run
//! names; their tests by name in `classify/tests.rs`) and `roles.rs` (a person's role around the name).
//! The rules' word lists are `crate::language::name_words`, which the tagger reads too.

mod classify;
mod find;
mod found;
mod roles;
mod tokens;

use std::collections::{BTreeMap, HashMap, HashSet};

use model::{Alias, Article, Entity, EntityKind, Mention, Related, Role};
use rayon::prelude::*;

use crate::language::gazetteer::{GAZETTEER, PlaceKind};
use crate::text::fold;

use find::{SentenceFinds, find_in_paragraph};
use found::Found;
use tokens::{last_word, tokens};

/// How many co-mentioned entities an entity keeps, most often first: what its card
/// lists. Keeping every pair would grow with the square of the entities (55,000
/// pairs at 1,000 generated articles) for lists nobody reads past the top.
pub const RELATED_KEPT: usize = 12;

/// Key under which mentions of one entity merge: kind and folded words (the id's
/// slug, spelled as `model::slug_words` spells it, so the embedded format can
/// recompute ids instead of storing them).
fn key(kind: EntityKind, name: &str) -> (EntityKind, String) {
    (kind, model::slug_words(name, usize::MAX))
}

struct Draft {
    kind: EntityKind,
    name: String,
    aliases: BTreeMap<String, (u32, &'static str)>,
    roles: Vec<Role>,
    mentions: Vec<Mention>,
    series: Option<String>,
}

/// Codes of the countries an article names outright (by name or demonym), the clue
/// that settles names such as "Georgia".
fn countries_named(article: &Article) -> HashSet<String> {
    let mut out = HashSet::new();
    for paragraph in &article.paragraphs {
        for t in tokens(paragraph, 0) {
            for part in t.text.split('-') {
                let place = GAZETTEER.demonym(part).or_else(|| {
                    GAZETTEER.lookup_all(part).into_iter().find(|(p, _)| p.kind == PlaceKind::Country).map(|(p, _)| p)
                });
                // Only unambiguous country names count as clues.
                if let Some(p) =
                    place.filter(|_| GAZETTEER.lookup_all(part).len() <= 1 || GAZETTEER.demonym(part).is_some())
                {
                    out.insert(p.country.clone());
                }
            }
        }
    }
    // "United States" and other multi-word names.
    for paragraph in &article.paragraphs {
        for name in ["United States", "United Kingdom", "United Arab Emirates"] {
            if paragraph.contains(name)
                && let Some((p, _)) = GAZETTEER.lookup(name)
            {
                out.insert(p.country.clone());
            }
        }
    }
    out
}

/// Each entity's co-mentioned entities with the sentences and articles they share,
/// most first, at most `RELATED_KEPT`. Counted entity by entity over the sentences and
/// articles it is in, in parallel: one map of every pair of the corpus (tens of
/// millions at 100,000 articles) was most of the entities' time and memory there.
fn related<'a>(
    index: &HashMap<(EntityKind, String), u32>,
    entities: usize,
    sentences: impl Iterator<Item = &'a HashSet<(EntityKind, String)>>,
    articles: impl Iterator<Item = &'a HashSet<(EntityKind, String)>>,
) -> Vec<Vec<Related>> {
    // Each group's members as numbers, and each entity's groups.
    let numbered = |groups: Vec<&HashSet<(EntityKind, String)>>| -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
        let members: Vec<Vec<u32>> = groups.iter().map(|g| g.iter().map(|k| index[k]).collect()).collect();
        let mut of: Vec<Vec<u32>> = vec![Vec::new(); entities];
        for (g, list) in members.iter().enumerate() {
            for &x in list {
                of[x as usize].push(g as u32);
            }
        }
        (members, of)
    };
    let (sentence_members, sentences_of) = numbered(sentences.collect());
    let (article_members, articles_of) = numbered(articles.collect());
    (0..entities)
        .into_par_iter()
        .map(|x| {
            let mut shared: HashMap<u32, (u32, u32)> = HashMap::new();
            for &s in &sentences_of[x] {
                for &y in &sentence_members[s as usize] {
                    if y as usize != x {
                        shared.entry(y).or_default().0 += 1;
                    }
                }
            }
            for &a in &articles_of[x] {
                for &y in &article_members[a as usize] {
                    if y as usize != x {
                        shared.entry(y).or_default().1 += 1;
                    }
                }
            }
            let mut related: Vec<Related> = shared
                .into_iter()
                .map(|(entity, (sentences, articles))| Related { entity, sentences, articles })
                .collect();
            related.sort_by_key(|r| (std::cmp::Reverse(r.sentences), std::cmp::Reverse(r.articles), r.entity));
            related.truncate(RELATED_KEPT);
            related
        })
        .collect()
}

/// Finds, merges and relates the entities of a corpus. Mentions point into
/// `articles[i].paragraphs[j]` by byte offsets.
pub fn extract(articles: &[Article]) -> Vec<Entity> {
    // Pass 1: raw mentions per sentence.
    let mut raw: Vec<(u32, u32, usize, Found)> = Vec::new(); // (article, paragraph, sentence serial, found)
    let mut serial = 0usize;
    // Articles are read apart across cores, then taken in order: the same output
    // whatever the number of threads.
    let per_article: Vec<Vec<SentenceFinds>> = articles
        .par_iter()
        .map(|article| {
            let countries = countries_named(article);
            article.paragraphs.iter().map(|paragraph| find_in_paragraph(paragraph, &countries)).collect()
        })
        .collect();
    for (a, paragraphs) in per_article.into_iter().enumerate() {
        for (p, sentences) in paragraphs.into_iter().enumerate() {
            for (_, found) in sentences {
                for f in found {
                    raw.push((a as u32, p as u32, serial, f));
                }
                serial += 1;
            }
        }
    }

    // Surnames: a lone word that is the last word of a person's name in the same
    // article, or of exactly one person in the corpus.
    let mut people_by_article: HashMap<u32, Vec<String>> = HashMap::new();
    let mut people_by_surname: HashMap<String, HashSet<String>> = HashMap::new();
    // The first full (several-word) name with each surname, in corpus order: looked up
    // once per surname here rather than by scanning every name for each lone surname
    // (quadratic in the corpus), and the same whichever order a hash map iterates in.
    let mut first_full_name: HashMap<String, String> = HashMap::new();
    for (a, _, _, f) in &raw {
        if f.kind == EntityKind::Person && f.rule != "surname" {
            people_by_article.entry(*a).or_default().push(f.name.clone());
            let surname = fold(last_word(&f.name));
            if f.name.split_whitespace().count() > 1 {
                first_full_name.entry(surname.clone()).or_insert_with(|| f.name.clone());
            }
            people_by_surname.entry(surname).or_default().insert(key(EntityKind::Person, &f.name).1);
        }
    }
    let mut resolved = Vec::with_capacity(raw.len());
    for (a, p, s, mut f) in raw {
        if f.rule == "surname" {
            let surname = fold(&f.surface);
            let local = people_by_article.get(&a).and_then(|names| {
                names.iter().find(|n| fold(last_word(n)) == surname && n.split_whitespace().count() > 1)
            });
            let global = people_by_surname
                .get(&surname)
                .filter(|set| set.len() == 1)
                .and_then(|_| first_full_name.get(&surname));
            match (local.or(global), f.fallback.take()) {
                (Some(full), _) => f.name = full.clone(),
                (None, Some((kind, name, rule))) => {
                    f.kind = kind;
                    f.name = name;
                    f.rule = rule;
                }
                (None, None) => continue,
            }
        }
        resolved.push((a, p, s, f));
    }

    // Pass 2: merge by key; shorter agreement names inside a longer one join it.
    let mut agreement_keys: Vec<String> =
        resolved.iter().filter(|r| r.3.kind == EntityKind::Agreement).map(|r| key(r.3.kind, &r.3.name).1).collect();
    agreement_keys.sort();
    agreement_keys.dedup();
    let mut drafts: BTreeMap<(EntityKind, String), Draft> = BTreeMap::new();
    // The one longer agreement each agreement key sits in, if exactly one: worked out
    // once per key, not once per mention (every mention against every key grows with
    // the square of the corpus).
    let mut longer_agreement: HashMap<String, Option<String>> = HashMap::new();
    let mut sentence_members: BTreeMap<usize, HashSet<(EntityKind, String)>> = BTreeMap::new();
    let mut article_members: BTreeMap<u32, HashSet<(EntityKind, String)>> = BTreeMap::new();
    for (a, p, s, f) in &resolved {
        let mut k = key(f.kind, &f.name);
        let mut rule = f.rule;
        if f.kind == EntityKind::Agreement {
            let longer = longer_agreement.entry(k.1.clone()).or_insert_with(|| {
                let longer: Vec<&String> = agreement_keys
                    .iter()
                    .filter(|other| other.len() > k.1.len() && other.contains(k.1.as_str()))
                    .collect();
                (longer.len() == 1).then(|| longer[0].clone())
            });
            if let Some(longer) = longer {
                k.1 = longer.clone();
                rule = "part of a longer name";
            }
        }
        if rule == "name" && f.surface != f.name {
            rule = "spelling";
        }
        let draft = drafts.entry(k.clone()).or_insert_with(|| Draft {
            kind: f.kind,
            name: f.name.clone(),
            aliases: BTreeMap::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
            series: None,
        });
        if draft.name.len() < f.name.len() && rule == "name" {
            draft.name = f.name.clone();
        }
        let alias = draft.aliases.entry(f.surface.clone()).or_insert((0, rule));
        alias.0 += 1;
        if let Some(role) = &f.role
            && !draft.roles.iter().any(|r| r.article == *a && &r.text == role)
        {
            draft.roles.push(Role { text: role.clone(), article: *a });
        }
        if let Some(series) = &f.series {
            draft.series = Some(series.clone());
        }
        draft.mentions.push(Mention { article: *a, paragraph: *p, start: f.start as u32, end: f.end as u32 });
        sentence_members.entry(*s).or_default().insert(k.clone());
        article_members.entry(*a).or_default().insert(k);
    }
    // Bylines: authors are people and outlets organisations, credited per article.
    for (a, article) in articles.iter().enumerate() {
        let credits = article
            .authors
            .iter()
            .map(|n| (EntityKind::Person, n, "author"))
            .chain(article.outlets.iter().map(|n| (EntityKind::Organization, n, "outlet")));
        for (kind, name, role) in credits {
            let draft = drafts.entry(key(kind, name)).or_insert_with(|| Draft {
                kind,
                name: name.clone(),
                aliases: BTreeMap::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
                series: None,
            });
            draft.aliases.entry(name.clone()).or_insert((0, "byline")).0 += 1;
            draft.roles.push(Role { text: role.to_owned(), article: a as u32 });
        }
    }
    // Editions link to their series, which exists as an exercise of its own.
    let series_names: Vec<String> = drafts.values().filter_map(|d| d.series.clone()).collect();
    for name in series_names {
        drafts.entry(key(EntityKind::Exercise, &name)).or_insert_with(|| Draft {
            kind: EntityKind::Exercise,
            name,
            aliases: BTreeMap::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
            series: None,
        });
    }

    // Pass 3: ids, relations, output in id order (stable whatever the input order).
    let index: HashMap<(EntityKind, String), u32> =
        drafts.keys().enumerate().map(|(i, k)| (k.clone(), i as u32)).collect();
    let related_of = related(&index, drafts.len(), sentence_members.values(), article_members.values());
    drafts
        .into_iter()
        .zip(related_of)
        .map(|(((kind, slug), d), related)| {
            let mut mentions = d.mentions;
            mentions.sort();
            let point = (d.kind == EntityKind::Place).then(|| GAZETTEER.point(&d.name)).flatten();
            Entity {
                id: format!("{}:{slug}", kind.as_str()),
                name: d.name,
                kind: d.kind,
                aliases: d
                    .aliases
                    .into_iter()
                    .map(|(text, (count, rule))| Alias { text, count, rule: rule.to_owned() })
                    .collect(),
                roles: d.roles,
                mentions,
                related,
                series: d.series.map(|s| format!("exercise:{}", key(EntityKind::Exercise, &s).1)),
                point,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_the_tagger_takes_for_people_keep_what_their_words_say() {
        use super::{EntityKind::*, classify::retyped};
        assert_eq!(retyped(Person, "Gredo Logistics"), Organization);
        assert_eq!(retyped(Person, "Energy Research"), Organization);
        assert_eq!(retyped(Person, "Port Gasind"), Place);
        assert_eq!(retyped(Person, "Takuya Takagi"), Person);
        assert_eq!(retyped(Organization, "Port Authority"), Organization);
    }

    use super::*;

    fn kinds(text: &str) -> Vec<(EntityKind, String, String)> {
        let mut out: Vec<(EntityKind, String, String)> = find_in_paragraph(text, &countries_named(&article_of(text)))
            .into_iter()
            .flat_map(|(_, f)| f)
            // Surnames resolve across the corpus; alone, a sentence keeps only the fallback.
            .filter_map(|f| match (&f.rule, &f.fallback) {
                (&"surname", Some((kind, name, _))) => Some((*kind, name.clone(), f.role.clone().unwrap_or_default())),
                (&"surname", None) => None,
                _ => Some((f.kind, f.name.clone(), f.role.clone().unwrap_or_default())),
            })
            .collect();
        out.sort();
        out
    }

    /// An article of one paragraph, `text` (the rules' tests in `classify/tests.rs` use it too).
    pub(super) fn article_of(text: &str) -> Article {
        Article {
            id: "t".into(),
            file: "t.txt".into(),
            title: Default::default(),
            title_stated: false,
            authors: vec![],
            outlets: vec![],
            credited: vec![],
            published: None,
            paragraphs: vec![text.to_owned().into()],
            removed: vec![],
            recycled: vec![],
        }
    }

    fn check(text: &str, expected: &[(EntityKind, &str, &str)]) {
        let mut want: Vec<(EntityKind, String, String)> =
            expected.iter().map(|(k, n, r)| (*k, n.to_string(), r.to_string())).collect();
        want.sort();
        assert_eq!(kinds(text), want, "in {text:?}");
    }

    use EntityKind::*;

    #[test]
    fn people_from_titles_and_ranks() {
        check(
            "Norway's Defence Minister Ola Nordmann met troops.",
            &[(Place, "Norway", ""), (Person, "Ola Nordmann", "Norway's Defence Minister")],
        );
        check(
            "Chile's Minister of Defence Mr. Mateo Ortega spoke.",
            &[(Place, "Chile", ""), (Person, "Mateo Ortega", "Chile's Minister of Defence")],
        );
        check(
            "Major General Ana Rojas, commander of the border troops, spoke.",
            &[(Person, "Ana Rojas", "Major General, commander of the border troops")],
        );
        check(
            "Danish Army General Lars Holm spoke.",
            &[(Place, "Denmark", ""), (Person, "Lars Holm", "Danish Army General")],
        );
        check("He met Col-Gen Petr Novak.", &[(Person, "Petr Novak", "Col-Gen")]);
        check(
            "his Chilean counterpart Ana Rojas arrived.",
            &[(Place, "Chile", ""), (Person, "Ana Rojas", "Chilean counterpart")],
        );
        check("The talks went well, Maria Lopez said.", &[(Person, "Maria Lopez", "")]);
        check("“It is a gateway,” said Maria Lopez.", &[(Person, "Maria Lopez", "")]);
        check("“It is our gateway to Nordic Europe,” said the envoy.", &[]);
        check(
            "Ana Rojas, an analyst at the Andean Institute, agreed.",
            &[(Person, "Ana Rojas", "analyst at the Andean Institute"), (Organization, "Andean Institute", "")],
        );
        check("Talks in Punta Arenas, the city of the south, ended.", &[(Place, "Punta Arenas", "")]);
        check("It was signed by Ana Rojas, director of the port.", &[(Person, "Ana Rojas", "")]);
        check("Lars Holm, president of the board, spoke.", &[(Person, "Lars Holm", "president of the board")]);
        // No role from a cut-off apposition; the name itself is the tagger's to find.
        check("Lars Holm, chair", &[(Person, "Lars Holm", "")]);
        check(
            "Lars Holm, president of the Nordic Fund (NF), spoke.",
            &[
                (Person, "Lars Holm", "president of the Nordic Fund"),
                (Organization, "Nordic Fund", ""),
                (Organization, "NF", ""),
            ],
        );
    }

    #[test]
    fn places_from_the_gazetteer_and_patterns() {
        check("Troops crossed the Danube River near Vienna.", &[(Place, "Danube River", ""), (Place, "Vienna", "")]);
        check(
            "Peruvian-Chilean drills were held in Turkey.",
            &[(Place, "Peru", ""), (Place, "Chile", ""), (Place, "Türkiye", "")],
        );
        // "Of" is a town in the gazetteer, and the first word of many sentences.
        check("Of the 45 radar stations ordered, only 3 have arrived in Vienna.", &[(Place, "Vienna", "")]);
    }

    #[test]
    fn a_gazetteer_city_gets_its_own_point_and_a_country_its_countrys() {
        let entities = extract(&[article_of("Ministers of Azerbaijan met in Vienna. The Danube River rose.")]);
        let point = |name: &str| entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}")).point;
        let (vienna, _) = GAZETTEER.lookup("Vienna").unwrap();
        let own = model::Point::from_degrees(f64::from(vienna.lat), f64::from(vienna.lon), model::PointOf::City);
        assert_eq!(point("Vienna"), Some(own));
        assert_eq!(point("Azerbaijan").map(|p| p.of), Some(model::PointOf::Country));
        assert_eq!(point("Danube River"), None, "a place the gazetteer does not know has no point");
        assert!(entities.iter().filter(|e| e.kind != Place).all(|e| e.point.is_none()));
    }

    #[test]
    fn ambiguous_place_names_follow_context() {
        check(
            "Ministers of Azerbaijan and Turkey met in Georgia.",
            &[(Place, "Azerbaijan", ""), (Place, "Türkiye", ""), (Place, "Georgia", "")],
        );
        let found = find_in_paragraph(
            "Voters in Georgia chose a United States senator.",
            &countries_named(&article_of("Voters in Georgia chose a United States senator.")),
        );
        let georgia = found.iter().flat_map(|(_, f)| f).find(|f| f.surface == "Georgia").unwrap();
        assert_eq!(GAZETTEER.lookup_in("Georgia", &["US".to_owned()].into()).unwrap().0.kind, PlaceKind::Subdivision);
        assert_eq!(georgia.kind, Place);
    }

    #[test]
    fn exercises_agreements_events_and_organisations() {
        check("The Northern Shield-2019 exercises began.", &[(Exercise, "Northern Shield-2019", "")]);
        check("Efes exercises began. Joint exercises followed.", &[(Exercise, "Efes", "")]);
        check("They joined Baltops - 2020 in June.", &[(Exercise, "Baltops - 2020", "")]);
        check("Crews visited the Aerofest-2023 fair.", &[(Event, "Aerofest-2023", "")]);
        check(
            "The Treaty of Lisbon and the Oslo Accords matter.",
            &[(Agreement, "Treaty of Lisbon", ""), (Agreement, "Oslo Accords", "")],
        );
        check("The Kenyan Defence Ministry reported it.", &[(Organization, "Kenyan Defence Ministry", "")]);
        check(
            "The State Border Service of Chile and ASELSAN reported it.",
            &[(Organization, "State Border Service of Chile", ""), (Place, "Chile", ""), (Organization, "ASELSAN", "")],
        );
        check("BREAKING: talks resume.", &[]);
        check("KAGRAD, Oct. 20 (Daily) -- Talks resumed in Kagrad.", &[(Place, "Kagrad", ""), (Place, "Kagrad", "")]);
        check("NATO, the alliance, met.", &[(Organization, "NATO", "")]);
        check("Both fought in the 30-day war.", &[(Event, "30-day war", "")]);
        check(
            "They held drills such as Blue Falcon, Red Wolf in 2020.",
            &[(Exercise, "Blue Falcon", ""), (Exercise, "Red Wolf", "")],
        );
        check("The navies ended the bilateral exercise Turgutreis-IX early.", &[(Exercise, "Turgutreis-IX", "")]);
        check("During the exercise Azerbaijan sent troops.", &[(Place, "Azerbaijan", "")]);
        check("Lt. Gen. Kerim Veliyev observed it.", &[(Person, "Kerim Veliyev", "Lt. Gen.")]);
        check("The Anatolian Eagle 2023 air force exercise opened.", &[(Exercise, "Anatolian Eagle 2023", "")]);
        check("Talks in Baku 2023 ended.", &[(Place, "Baku", "")]);
        check("Minister of Defense Ana Rojas met them.", &[(Person, "Ana Rojas", "Minister of Defense")]);
        check("He met the Minister of National Defense of the republic.", &[]);
        check("Sheikh Mohamed bin Zayed Al Nahyan received him.", &[(Person, "Mohamed bin Zayed Al Nahyan", "Sheikh")]);
        check(
            "NATO Secretary-General Jens Stoltenberg said so.",
            &[(Person, "Jens Stoltenberg", "NATO Secretary-General")],
        );
        check(
            "President of Chile Mateo Luis Ortega spoke.",
            &[(Person, "Mateo Luis Ortega", "President of Chile"), (Place, "Chile", "")],
        );
        check("The USA and the UAE agreed.", &[(Place, "United States", ""), (Place, "United Arab Emirates", "")]);
        check(
            "NATO, the UN and the EU met.",
            &[(Organization, "NATO", ""), (Organization, "UN", ""), (Organization, "EU", "")],
        );
        check(
            "BAKU, Azerbaijan (AP) — Troops moved.",
            &[(Place, "Baku", ""), (Place, "Azerbaijan", ""), (Organization, "AP", "")],
        );
    }

    #[test]
    fn sentence_starters_and_lowercase_words_are_not_entities() {
        check("Choose to support us. Thank you for reading. Meanwhile, talks continued.", &[]);
    }
}
