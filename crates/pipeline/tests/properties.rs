//! Property tests: the cleaner never panics, and never drops a sentence of plain prose.

use std::path::Path;

use proptest::prelude::*;

/// Ordinary words: none is a furniture keyword, a byline or a month name.
const WORDS: [&str; 24] = [
    "army", "bridge", "river", "officials", "ministers", "talks", "city", "harbour", "troops", "road", "winter",
    "plans", "council", "trade", "border", "villages", "engineers", "crews", "ships", "week", "report", "budget",
    "schools", "farmers",
];

fn sentence() -> impl Strategy<Value = String> {
    (prop::sample::select(&["The", "Local", "Several", "Many", "Two"][..]), prop::collection::vec(prop::sample::select(&WORDS[..]), 4..12))
        .prop_map(|(first, rest)| format!("{first} {}.", rest.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn plain_prose_keeps_every_sentence(paragraphs in prop::collection::vec(prop::collection::vec(sentence(), 1..5), 1..8)) {
        let text = paragraphs.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n");
        let article = pipeline::parse_article(Path::new("p.txt"), &text).expect("prose is an article");
        let body = article.paragraphs.join(" ");
        for s in paragraphs.iter().flatten() {
            prop_assert!(body.contains(s.as_str()), "lost {s:?} from {body:?}");
        }
        prop_assert!(article.removed.is_empty());
    }

    #[test]
    fn cleaner_never_panics_on_any_text(text in "\\PC{0,400}") {
        let _ = pipeline::parse_article(Path::new("any.txt"), &text);
        let _ = pipeline::parse_article(Path::new("any.html"), &text);
    }

    #[test]
    fn decoder_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(decoded) = pipeline::decode(&bytes) {
            let _ = pipeline::parse_article(Path::new("b.txt"), &decoded.text);
        }
    }

    #[test]
    fn date_finder_never_panics(text in "[0-9A-Za-z .,:/-]{0,80}") {
        for f in pipeline::dates::find_dates(&text) {
            prop_assert!(f.start < f.end && f.end <= text.len());
        }
    }
}
