//! The word lists the entity rules read: titles and ranks, the head words that make a name an
//! organisation, a place, an agreement or an event, the words around exercises, speech verbs, and
//! the capitalised words that never start a name. Written for the rules; none comes from the
//! bundled articles or the development corpora.

/// Titles and ranks written capitalised before a name ("Defence Minister Zakir …").
pub(crate) const TITLES: [&str; 59] = [
    "Minister", "President", "Vice-President", "Premier", "Chancellor", "General", "Gen", "Col-Gen", "Maj-Gen",
    "Lt-Gen", "Brig-Gen", "Colonel", "Col", "Lieutenant", "Lt", "Major", "Maj", "Captain", "Capt", "Admiral", "Adm",
    "Rear-Admiral", "Vice-Admiral", "Commander", "Chief", "Ambassador", "Envoy", "Deputy", "Secretary", "Director",
    "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Spokesperson", "Governor", "Mayor", "Senator", "Prince",
    "King", "Queen", "Sheikh", "Emir", "Dr", "Mr", "Mrs", "Ms", "Prof", "Professor", "Marshal", "Sergeant", "Attache",
    "Brig", "Sgt", "Cmdr", "Manager", "CEO", "Rector", "Chairperson",
];

/// The same roles written in lowercase before a name ("his Chilean counterpart Ana Rojas").
pub(crate) const LOWER_TITLES: [&str; 20] = [
    "ambassador", "counterpart", "minister", "president", "envoy", "spokesman", "spokeswoman", "spokesperson",
    "commander", "general", "chief", "leader", "head", "officer", "colonel", "premier", "secretary", "director",
    "chairman", "deputy",
];

/// Last words that make a name an organisation.
pub(crate) const ORG_HEADS: [&str; 40] = [
    "Ministry", "Agency", "Forces", "Force", "Army", "Navy", "Corps", "Council", "Committee", "Staff", "Parliament",
    "Assembly", "Union", "Organization", "Organisation", "Alliance", "Bank", "Party", "University", "Institute",
    "Company", "Group", "Service", "Office", "Department", "Guard", "Police", "Command", "Brigade", "Division",
    "Academy", "Court", "Government", "Federation", "Association", "Fund", "Commission", "Cabinet", "Center", "Centre",
];

/// Last words of a company's or a research body's name ("Tobror Shipbuilding",
/// "Mofar Institute for Regional Studies"), which no person's name ends with.
pub(super) const COMPANY_HEADS: [&str; 36] = [
    "Shipbuilding", "Logistics", "Telecom", "Telecoms", "Steel", "Energy", "Engineering", "Consulting", "Holdings",
    "Research", "Studies", "Systems", "Industries", "Technologies", "Airlines", "Airways", "Motors", "Capital",
    "Partners", "Media", "Pharmaceuticals", "Shipping", "Mining", "Petroleum", "Construction", "Solutions", "Networks",
    "Corp", "Corporation", "Inc", "Ltd", "LLC", "Plc", "GmbH", "Aerospace", "Defence",
];

/// First words of a place's name ("Port Harcourt", "Mount Ararat", "New Delhi").
pub(super) const PLACE_FIRST_WORDS: [&str; 6] = ["Port", "Fort", "Mount", "Cape", "Lake", "New"];

/// Last words that make a name a place.
pub(crate) const PLACE_HEADS: [&str; 19] = [
    "River", "Sea", "Lake", "Mountains", "Mountain", "Valley", "Gulf", "Bay", "Strait", "Island", "Islands", "Region",
    "Province", "District", "Corridor", "Peninsula", "Desert", "Canal", "Airport",
];

/// Words that make a name an agreement.
pub(super) const AGREEMENT_HEADS: [&str; 10] = [
    "Declaration", "Treaty", "Memorandum", "Agreement", "Accord", "Accords", "Pact", "Convention", "Protocol",
    "Charter",
];

/// Last words that make a name an event.
pub(super) const EVENT_HEADS: [&str; 15] = [
    "Day", "Summit", "Forum", "Conference", "Games", "Olympics", "Festival", "Fair", "Expo", "Exhibition", "Ceremony",
    "Parade", "War", "Championship", "Congress",
];

/// Lowercase words after an edition name that make it an event rather than an exercise.
pub(super) const EVENT_WORDS: [&str; 10] =
    ["fair", "festival", "expo", "exhibition", "summit", "forum", "games", "conference", "championship", "show"];

/// Lowercase words after a name that make it a military exercise.
pub(super) const EXERCISE_WORDS: [&str; 8] =
    ["exercises", "exercise", "drills", "drill", "manoeuvres", "maneuvers", "wargames", "war-games"];

/// Lowercase words after a name that mark it as a speaker.
pub(super) const SPEECH_VERBS: [&str; 14] = [
    "said", "says", "stated", "noted", "added", "told", "stressed", "emphasized", "emphasised", "underlined",
    "announced", "declared", "thanked", "explained",
];

/// Words that describe exercises rather than name one ("Joint exercises began …").
pub(super) const EXERCISE_ADJECTIVES: [&str; 30] = [
    "joint", "military", "naval", "tactical", "annual", "bilateral", "trilateral", "multinational", "international",
    "combined", "regular", "major", "special", "live", "command", "field", "planned", "scheduled", "further",
    "similar", "previous", "next", "last", "new", "large", "massive", "several", "operational", "strategic", "such",
];

/// Lowercase words besides [`LOWER_TITLES`] that make an apposition a person's role.
pub(super) const APPOSITION_ROLES: [&str; 14] = [
    "analyst", "expert", "professor", "researcher", "official", "adviser", "advisor", "journalist", "fellow",
    "lecturer", "scholar", "historian", "economist", "diplomat",
];

/// Capitalised words that start sentences or join clauses but never start a name.
pub(super) const FUNCTION_WORDS: [&str; 73] = [
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His",
    "Her", "Their", "Our", "In", "On", "At", "By", "For", "From", "To", "With", "As", "During", "After", "Before",
    "Meanwhile", "Moreover", "Furthermore", "However", "Also", "And", "But", "Or", "Earlier", "Later", "According",
    "While", "Since", "Although", "Thus", "Therefore", "Today", "Yesterday", "Last", "Next", "Both", "All", "Some",
    "Many", "Several", "Each", "Every", "Such", "Other", "Not", "No", "If", "When", "Where", "What", "Why", "How",
    "There", "Here", "Under", "Over", "Of",
];

/// Lowercase words allowed inside a name ("Treaty of Kars", "Declaration on Allied Relations").
/// Name particles (`meta::NAME_PARTICLES`) join a name too, and are not counted among a
/// person's name's words.
pub(super) const CONNECTORS: [&str; 3] = ["of", "on", "for"];

/// Capitalised words that are calendar words, never parts of names.
pub(super) const CALENDAR: [&str; 19] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// Words that end an office named after a title ("Minister of Foreign Affairs").
pub(super) const OFFICE_WORDS: [&str; 17] = [
    "Defense", "Defence", "Affairs", "Foreign", "Interior", "Justice", "Economy", "Energy", "Finance", "Health",
    "Education", "State", "Security", "Trade", "Transport", "Agriculture", "Industry",
];

/// Titles written short with a full stop ("Lt. Gen. Ann Lee"), which does not end the name.
pub(super) const SHORT_TITLES: [&str; 14] =
    ["Gen", "Lt", "Col", "Maj", "Capt", "Adm", "Brig", "Sgt", "Cmdr", "Dr", "Mr", "Mrs", "Ms", "Prof"];

/// Words set in capitals that label a story, not name an organisation ("BREAKING").
pub(super) const CAPITALS_WORDS: [&str; 14] = [
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "VIDEO", "PHOTO", "PHOTOS", "WATCH", "LIVE",
    "URGENT", "EDITORIAL", "COMMENT",
];
