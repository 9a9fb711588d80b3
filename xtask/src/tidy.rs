//! The tidy guard, run with the native tests (`cargo test -p xtask`, so `cargo xtask test native`): every Rust
//! module says its role in an opening `//!` line, every path ARCHITECTURE.md's code map names exists, and every
//! Rust file is in the code map, itself or through a folder that holds it (rust-analyzer's `xtask/src/tidy.rs`
//! keeps its house the same way).

use std::fs;
use std::path::{Path, PathBuf};

/// Folders never searched for sources: build output (also the fuzz targets' and the trainer's own), installed
/// packages and the built site.
const SKIPPED_FOLDERS: &[&str] = &["target", "node_modules", "dist"];

/// The heading of the code map's section in ARCHITECTURE.md; the map is the first cell of each table row in it.
const CODE_MAP_HEADING: &str = "## Code map";

/// Every `.rs` file under `root`, relative to it with `/` separators, sorted; hidden and skipped folders left out.
pub fn rust_files(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && !SKIPPED_FOLDERS.contains(&name.as_str()) {
                    walk(root, &path, out);
                }
            } else if name.ends_with(".rs") {
                let relative = path.strip_prefix(root).unwrap_or(&path);
                out.push(relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

/// Whether a module's text opens (after blank lines) with a `//!` line saying its role.
pub fn opens_with_role(text: &str) -> bool {
    text.lines().find(|l| !l.trim().is_empty()).is_some_and(|l| l.trim_start().starts_with("//!") && l.len() > 4)
}

/// The paths the code map names: each `backticked` path in the first cell of a table row of the code map's
/// section. A path ending in `/` is a folder and covers every file under it.
pub fn code_map_paths(architecture: &str) -> Vec<String> {
    let Some(start) = architecture.find(CODE_MAP_HEADING) else { return Vec::new() };
    let section = &architecture[start + CODE_MAP_HEADING.len()..];
    let section = section.find("\n## ").map_or(section, |end| &section[..end]);
    let mut paths = Vec::new();
    for line in section.lines() {
        let Some(row) = line.trim().strip_prefix('|') else { continue };
        let first = row.split('|').next().unwrap_or("");
        if first.trim().chars().all(|c| c == '-' || c == ' ') || first.trim() == "path" {
            continue;
        }
        paths.extend(first.split('`').skip(1).step_by(2).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()));
    }
    paths
}

/// Whether the map covers a file: it names the file, or a folder holding it.
pub fn covered(map: &[String], file: &str) -> bool {
    map.iter().any(|p| p == file || (p.ends_with('/') && file.starts_with(p.as_str())))
}

/// Every problem the guard finds under `root`, one sentence each; empty when the house is tidy.
pub fn problems(root: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let files = rust_files(root);
    for file in &files {
        match fs::read_to_string(root.join(file)) {
            Ok(text) if opens_with_role(&text) => {}
            Ok(_) => problems.push(format!("{file} does not open with a `//!` line saying what the module is for")),
            Err(e) => problems.push(format!("cannot read {file}: {e}")),
        }
    }
    let architecture = match fs::read_to_string(root.join("ARCHITECTURE.md")) {
        Ok(text) => text,
        Err(e) => {
            problems.push(format!("cannot read ARCHITECTURE.md: {e}"));
            return problems;
        }
    };
    let map = code_map_paths(&architecture);
    if map.is_empty() {
        problems.push(format!("ARCHITECTURE.md has no code map (a table under `{CODE_MAP_HEADING}`)"));
    }
    for path in &map {
        if !root.join(path.trim_end_matches('/')).exists() {
            problems.push(format!("ARCHITECTURE.md's code map names `{path}`, which does not exist"));
        }
    }
    for file in &files {
        if !covered(&map, file) {
            problems.push(format!("{file} is not in ARCHITECTURE.md's code map (add a row for it or its folder)"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The workspace root the guard checks.
    fn root() -> PathBuf {
        crate::root()
    }

    fn report(problems: &[String]) -> String {
        problems.iter().map(|p| format!("\n  - {p}")).collect()
    }

    /// The guard itself: the repository is tidy.
    #[test]
    fn every_module_says_its_role_and_every_file_is_in_the_code_map() {
        let problems = problems(&root());
        assert!(problems.is_empty(), "tidy: {} problem(s):{}", problems.len(), report(&problems));
    }

    #[test]
    fn finds_the_repository_s_sources_and_its_map() {
        let files = rust_files(&root());
        assert!(files.iter().any(|f| f == "xtask/src/tidy.rs"), "{files:?}");
        assert!(files.iter().any(|f| f == "build.rs"));
        assert!(!files.iter().any(|f| f.starts_with("target/") || f.contains("/target/")));
        let map = code_map_paths(&fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap());
        assert!(map.iter().any(|p| p == "xtask/src/tidy.rs"), "{map:?}");
    }

    #[test]
    fn a_module_without_its_role_line_is_a_problem() {
        assert!(opens_with_role("//! Reads things.\n\nfn main() {}\n"));
        assert!(opens_with_role("\n//! Reads things.\n"));
        assert!(!opens_with_role("// Reads things.\nfn main() {}\n"));
        assert!(!opens_with_role("/// A function.\nfn main() {}\n"));
        assert!(!opens_with_role("fn main() {}\n//! Too late.\n"));
        assert!(!opens_with_role("//!\n"));
        assert!(!opens_with_role(""));
    }

    #[test]
    fn the_code_map_is_the_first_cell_of_its_table_rows() {
        let doc = "# A\n\n| `not/map.rs` | x |\n\n## Code map\n\n| path | role |\n| --- | --- |\n\
                   | `a.rs`, `b/` | the `c.rs` in a role is no path |\n| `d/e.rs` | e |\n\n## Invariants\n\n| `f.rs` | f |\n";
        assert_eq!(code_map_paths(doc), ["a.rs", "b/", "d/e.rs"]);
        let map = code_map_paths(doc);
        assert!(covered(&map, "a.rs") && covered(&map, "b/c/d.rs") && covered(&map, "d/e.rs"));
        assert!(!covered(&map, "d/f.rs") && !covered(&map, "bb/c.rs") && !covered(&map, "c.rs"));
    }

    /// The guard fails on a tree that breaks each rule, naming the file and the rule.
    #[test]
    fn an_untidy_tree_fails_with_each_problem_named() {
        let dir = std::env::temp_dir().join(format!("chronicle-tidy-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("src/parts")).unwrap();
        fs::create_dir_all(dir.join("target/debug")).unwrap();
        fs::write(dir.join("src/lib.rs"), "//! The library.\nmod parts;\n").unwrap();
        fs::write(dir.join("src/parts/one.rs"), "//! One part.\n").unwrap();
        fs::write(dir.join("src/parts/two.rs"), "pub fn two() {}\n").unwrap();
        fs::write(dir.join("src/stray.rs"), "//! Not in the map.\n").unwrap();
        fs::write(dir.join("target/debug/built.rs"), "fn generated() {}\n").unwrap();
        fs::write(
            dir.join("ARCHITECTURE.md"),
            "## Code map\n\n| path | role |\n| --- | --- |\n| `src/lib.rs` | root |\n| `src/parts/` | parts |\n\
             | `src/gone.rs` | moved away |\n",
        )
        .unwrap();
        let found = problems(&dir);
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(
            found,
            [
                "src/parts/two.rs does not open with a `//!` line saying what the module is for",
                "ARCHITECTURE.md's code map names `src/gone.rs`, which does not exist",
                "src/stray.rs is not in ARCHITECTURE.md's code map (add a row for it or its folder)",
            ],
            "{}",
            report(&found)
        );
    }
}
