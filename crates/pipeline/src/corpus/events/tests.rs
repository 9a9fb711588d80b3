//! The events' word lists, the relative dates' ranking and summaries.

use std::collections::HashMap;

use super::relative::{best_sharing, seek};
use super::statements::*;
use super::*;

/// Each list of `assets/events/words.txt`, by its name: read whole, and doing
/// what its rule says.
#[test]
fn every_word_list_is_read_whole_and_does_its_rule() {
    for (name, expected) in [
        ("ACTIONS", 37),
        ("ATTRIBUTION_VERBS", 13),
        ("RELATIVE_NUMBERS", 20),
        ("ANCHOR_STOP", 12),
        ("DATE_PREPOSITIONS", 10),
        ("LEADING_DATE_WORDS", 8),
        ("LEADING_MONTH_WORDS", 5),
    ] {
        let words = list(name);
        assert_eq!(words.len(), expected, "[{name}]");
        assert!(words.iter().all(|w| !w.is_empty() && w.trim() == *w), "[{name}]");
    }
    assert!(ACTION.is_match("The ministers Kicked Off the talks"), "ACTIONS");
    assert!(!ACTION.is_match("The ministers wondered"), "ACTIONS");
    assert!(ATTRIBUTION.is_match(", the ministry told reporters."), "ATTRIBUTION_VERBS");
    assert!(!ATTRIBUTION.is_match(", the ministry wondered."), "ATTRIBUTION_VERBS");
    let c = RELATIVE_TO.captures("a hundred days after the war ended").expect("RELATIVE_NUMBERS");
    assert_eq!(&c[1], "a hundred");
    assert!(ANCHOR_STOP.contains(&"between") && DATE_PREPOSITIONS.contains(&"until"));
    assert_eq!(summarise("On October 5, the ministers met", None), "The ministers met", "LEADING_DATE_WORDS");
    assert_eq!(summarise("In early July the forum met", None), "The forum met", "LEADING_MONTH_WORDS");
}

/// `best_sharing` against its definition: count every list, sort, cut; ties go to the
/// earlier start, then the lower index, as `resolve` ranks drafts.
fn best_sharing_by_counting(lists: &[&[usize]], keep: usize, start: &dyn Fn(usize) -> model::Date) -> Vec<usize> {
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for list in lists {
        for &i in *list {
            *shared.entry(i).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = shared.into_iter().filter(|&(_, n)| n >= 2).collect();
    ranked.sort_unstable_by_key(|&(i, n)| (std::cmp::Reverse(n), start(i), i));
    ranked.into_iter().take(keep).map(|(i, _)| i).collect()
}

/// `best_sharing` as `resolve` calls it: drafts numbered by start, then index.
fn best_sharing_by_date(lists: &[&[usize]], keep: usize, start: &dyn Fn(usize) -> model::Date) -> Vec<usize> {
    let mut by_date: Vec<usize> = (0..300).collect();
    by_date.sort_by_key(|&i| (start(i), i));
    let mut rank = vec![0; by_date.len()];
    for (r, &i) in by_date.iter().enumerate() {
        rank[i] = r;
    }
    let ranked: Vec<Vec<usize>> = lists
        .iter()
        .map(|l| {
            let mut r: Vec<usize> = l.iter().map(|&i| rank[i]).collect();
            r.sort_unstable();
            r
        })
        .collect();
    best_sharing(ranked.iter().map(Vec::as_slice).collect(), keep).into_iter().map(|r| by_date[r]).collect()
}

proptest::proptest! {
    #[test]
    fn best_sharing_is_the_best_by_counting(
        members in proptest::collection::vec(proptest::collection::btree_set(0usize..300, 0..120), 0..9),
        keep in 1usize..80,
        days in proptest::collection::vec(1u8..=28, 300),
    ) {
        let lists: Vec<Vec<usize>> = members.into_iter().map(|set| set.into_iter().collect()).collect();
        let lists: Vec<&[usize]> = lists.iter().map(Vec::as_slice).collect();
        let start = |i: usize| model::Date::new(2021, 3, days[i]).unwrap();
        proptest::prop_assert_eq!(best_sharing_by_date(&lists, keep, &start), best_sharing_by_counting(&lists, keep, &start));
        proptest::prop_assert_eq!(
            best_sharing_by_date(&lists, usize::MAX, &start),
            best_sharing_by_counting(&lists, usize::MAX, &start)
        );
    }
}

#[test]
fn seek_finds_the_first_not_below() {
    let list = [1, 3, 3, 5, 8, 13, 21, 34, 55];
    for from in 0..=list.len() {
        for value in 0..60 {
            let expected = from + list[from..].iter().take_while(|&&x| x < value).count();
            assert_eq!(seek(&list, from, value), expected, "from {from}, value {value}");
        }
    }
}

#[test]
fn summaries_drop_the_leading_date_and_keep_the_whole_statement() {
    assert_eq!(
        summarise("On June 15, the two countries signed a memorandum.", None),
        "The two countries signed a memorandum"
    );
    assert_eq!(summarise("In July the forum held its summit.", None), "The forum held its summit");
    assert_eq!(summarise("In July 2013 the forum met.", None), "The forum met");
    assert_eq!(summarise("In Julyville the forum met.", None), "In Julyville the forum met");
    assert_eq!(summarise("the Treaty of Kars signed 100 years ago", Some("100 years ago")), "Treaty of Kars signed");
    assert_eq!(summarise("Ships left the port in April 2024", Some("April 2024")), "Ships left the port");
    assert_eq!(summarise("Ships will stay until 5 May", Some("5 May")), "Ships will stay");
    assert_eq!(summarise(", ended on 9 June", Some("9 June")), "Ended");
    // Long statements are whole: the key fact may come late.
    let long = format!("{}the key fact", "word ".repeat(40));
    assert_eq!(summarise(&long, None), format!("W{}the key fact", &"word ".repeat(40)[1..]));
}
