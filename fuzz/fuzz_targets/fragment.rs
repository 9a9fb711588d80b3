//! Fuzz target: the URL-fragment reader (`model::query::State::from_fragment`) on any
//! string. Reading never fails, and whatever state it reads is written back by
//! `to_fragment` to a link that reads to the same state with no problems.

#![no_main]

use libfuzzer_sys::fuzz_target;
use model::query::State;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (state, _problems) = State::from_fragment(&text);
    let fragment = state.to_fragment();
    let (again, problems) = State::from_fragment(&fragment);
    assert_eq!(again, state, "{fragment:?} does not read back");
    assert!(problems.is_empty(), "{fragment:?} reads back with problems {problems:?}");
});
