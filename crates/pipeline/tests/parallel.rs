//! The pipeline runs across cores (files read and parsed, recycled sentences compared,
//! mentions and dated statements found, each per article in parallel): its output must
//! not depend on how many threads ran it.

use std::path::{Path, PathBuf};

fn run(dirs: &[PathBuf], threads: usize) -> (Vec<u8>, Vec<String>) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
    let out = pool.install(|| pipeline::process_dirs(dirs, |_| {})).expect("processed");
    (model::encode(&out.corpus), out.warnings.iter().map(|w| w.to_string()).collect())
}

#[test]
fn one_thread_and_four_give_the_same_bytes_and_warnings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = [root.join("../../assets/articles"), PathBuf::from(pipeline::testing::HOSTILE_DIR)];
    let (one, one_warnings) = run(&dirs, 1);
    let (four, four_warnings) = run(&dirs, 4);
    assert!(!one_warnings.is_empty(), "the hostile files are warned about");
    assert_eq!(one_warnings, four_warnings);
    assert!(one == four, "the encoded corpus differs between 1 and 4 threads");
}
