//! Sorting for code shipped in the wasm: one compiled sort for every list.
//!
//! `slice::sort*` is generic, so each element type and comparator the app sorts with
//! compiles into its own copy of the standard sort (2 to 3 kB of wasm each; 30 kB for
//! the app's dozen sorts). These functions sort positions (`u32`) with a comparator
//! behind `dyn`, so the standard sort is compiled once, then move the elements into
//! that order. Ties keep their original order (the sort is stable).

use std::cmp::Ordering;

/// Sorts `list` by `compare`, keeping the order of equal elements.
pub fn sort_by<T>(list: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = positions(list.len(), &|a, b| compare(&list[a as usize], &list[b as usize]));
    let mut slots: Vec<Option<T>> = list.drain(..).map(Some).collect();
    list.extend(order.into_iter().filter_map(|i| slots[i as usize].take()));
}

/// Sorts `list` in its natural order.
pub fn sort<T: Ord>(list: &mut Vec<T>) {
    sort_by(list, &T::cmp);
}

/// Sorts `list` by a key, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(list: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(list, &|a, b| key(a).cmp(&key(b)));
}

/// `0..n` in the order `compare` gives positions, ties by position.
#[inline(never)]
fn positions(n: usize, compare: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_any_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        sort_by(&mut v, &|a, b| b.0.cmp(&a.0));
        assert_eq!(v, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
        let mut words = vec!["pear".to_owned(), "apple".into(), "fig".into(), "apple".into()];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
        let mut empty: Vec<u8> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
