//! `cargo xtask fuzz [--seconds N] [TARGET...]`: runs each libFuzzer target of
//! `fuzz/` for N seconds (default 60), installing `cargo-fuzz` first if it is missing.
//! The committed seeds (`fuzz/seeds/<target>/`) are copied into a working corpus under
//! `target/fuzz-corpus/`, which grows from run to run; the seeds folder is never
//! written. Crashes land in `target/fuzz-artifacts/<target>/`, full logs in
//! `target/fuzz-logs/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::tools;

/// The fuzz targets, as named in `fuzz/Cargo.toml`.
pub const TARGETS: [&str; 3] = ["cleaner", "dates", "fragment"];
/// Inputs longer than this are not tried: articles are short, and long inputs only
/// slow the search down. Quadratic behaviour still shows as a timeout at this size.
const MAX_LEN: u32 = 4096;
/// One input taking longer than this many seconds is reported as a timeout.
const TIMEOUT_SECONDS: u32 = 5;
/// One input needing more memory than this is reported as out-of-memory.
const RSS_LIMIT_MB: u32 = 2048;

/// Which compiler runs the fuzzers: libFuzzer's instrumentation needs nightly flags.
enum Toolchain {
    Nightly,
    /// Stable with `RUSTC_BOOTSTRAP=1`, which lets it accept the nightly flags.
    StableBootstrap,
}

impl Toolchain {
    fn cargo(&self) -> Command {
        let mut cmd = Command::new("cargo");
        match self {
            Toolchain::Nightly => {
                cmd.arg("+nightly");
            }
            Toolchain::StableBootstrap => {
                cmd.env("RUSTC_BOOTSTRAP", "1");
            }
        }
        // Whatever toolchain started xtask must not leak into the fuzz build.
        cmd.env_remove("RUSTUP_TOOLCHAIN").env_remove("RUSTC").env_remove("CARGO_TARGET_DIR");
        cmd
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (seconds, targets) = parse_args(args)?;
    ensure_cargo_fuzz()?;
    let root = crate::root();
    let target_dir = root.join("target/fuzz");
    let toolchain = if has_nightly() {
        println!("xtask: fuzzing with the nightly toolchain");
        Toolchain::Nightly
    } else {
        println!("xtask: no nightly toolchain; trying stable with RUSTC_BOOTSTRAP=1");
        Toolchain::StableBootstrap
    };
    let build = fuzz_command(&toolchain, &root, &target_dir, "build").status();
    match (build, &toolchain) {
        (Ok(s), _) if s.success() => {}
        (_, Toolchain::StableBootstrap) => {
            return Err("fuzzing needs a nightly Rust toolchain (`rustup toolchain install nightly`): \
                        the stable one could not build the fuzz targets even with RUSTC_BOOTSTRAP=1"
                .into());
        }
        (Ok(s), Toolchain::Nightly) => return Err(format!("building the fuzz targets failed ({s})")),
        (Err(e), Toolchain::Nightly) => return Err(format!("cannot start cargo fuzz: {e}")),
    }

    let mut failed = Vec::new();
    for target in &targets {
        let corpus = root.join("target/fuzz-corpus").join(target);
        let artifacts = root.join("target/fuzz-artifacts").join(target);
        let logs = root.join("target/fuzz-logs");
        for dir in [&corpus, &artifacts, &logs] {
            fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let seeds = copy_seeds(&root.join("fuzz/seeds").join(target), &corpus)?;
        let log_path = logs.join(format!("{target}.log"));
        let log = fs::File::create(&log_path).map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
        println!("xtask: fuzzing {target} for {seconds} s ({seeds} seeds, corpus {})", corpus.display());
        let started = Instant::now();
        let status = fuzz_command(&toolchain, &root, &target_dir, "run")
            .arg(target)
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-max_len={MAX_LEN}"))
            .arg(format!("-timeout={TIMEOUT_SECONDS}"))
            .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
            .arg(format!("-artifact_prefix={}/", artifacts.display()))
            .arg("-print_final_stats=1")
            .stdout(Stdio::null())
            .stderr(log)
            .status()
            .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
        let text = fs::read_to_string(&log_path).unwrap_or_default();
        let execs = stat(&text, "stat::number_of_executed_units:").unwrap_or_default();
        let files = fs::read_dir(&corpus).map(Iterator::count).unwrap_or(0);
        let summary = format!("{target}: {:.0?}, {execs} execs, corpus {files} files", started.elapsed());
        if status.success() {
            println!("xtask: {summary}, no crash");
        } else {
            let artifact = text.lines().rev().find_map(|l| l.split("Test unit written to ").nth(1)).unwrap_or("?");
            println!("xtask: {summary}, FAILED: {artifact} (log {})", log_path.display());
            failed.push(target.clone());
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz targets failed: {} (reproduce with `cargo +nightly fuzz run TARGET FILE`)",
            failed.join(", ")
        ))
    }
}

/// `--seconds N` and target names; no names means every target.
fn parse_args(args: &[String]) -> Result<(u32, Vec<String>), String> {
    let mut seconds = 60;
    let mut targets = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = it.next().ok_or("--seconds needs a number")?;
                seconds = value.parse().map_err(|_| format!("--seconds needs a number, not `{value}`"))?;
            }
            name if TARGETS.contains(&name) => targets.push(name.to_owned()),
            other => return Err(format!("unknown fuzz argument `{other}` (targets: {})", TARGETS.join(", "))),
        }
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| (*t).to_owned()).collect();
    }
    Ok((seconds, targets))
}

/// `cargo fuzz <sub>` for the fuzz crate, with the build settings every run shares:
/// no sanitizer (the crates forbid `unsafe`, and it would halve the speed on small
/// machines) but debug assertions and overflow checks on.
fn fuzz_command(toolchain: &Toolchain, root: &Path, target_dir: &Path, sub: &str) -> Command {
    let mut cmd = toolchain.cargo();
    cmd.current_dir(root)
        .args(["fuzz", sub, "--fuzz-dir", "fuzz", "--sanitizer", "none", "--debug-assertions", "--target-dir"])
        .arg(target_dir);
    cmd
}

/// Installs `cargo-fuzz` from crates.io unless `cargo fuzz` already runs.
fn ensure_cargo_fuzz() -> Result<(), String> {
    let present = || Command::new("cargo").args(["fuzz", "--version"]).output().is_ok_and(|o| o.status.success());
    if present() {
        println!("xtask: cargo-fuzz: present");
        return Ok(());
    }
    println!("xtask: cargo-fuzz: installing…");
    let started = Instant::now();
    tools::run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    if !present() {
        return Err("cargo-fuzz was installed but `cargo fuzz` still does not run".into());
    }
    println!("xtask: cargo-fuzz: installed in {:.0?}", started.elapsed());
    Ok(())
}

fn has_nightly() -> bool {
    Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.starts_with("nightly")))
}

/// Copies every seed file into the working corpus; returns how many there were.
fn copy_seeds(seeds: &Path, corpus: &Path) -> Result<usize, String> {
    let entries = fs::read_dir(seeds).map_err(|e| format!("cannot read {}: {e}", seeds.display()))?;
    let mut n = 0;
    for entry in entries {
        let path: PathBuf = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            let to = corpus.join(path.file_name().unwrap_or_default());
            fs::copy(&path, &to).map_err(|e| format!("cannot copy {} to {}: {e}", path.display(), to.display()))?;
            n += 1;
        }
    }
    Ok(n)
}

/// The number after `key` in libFuzzer's final statistics.
fn stat(log: &str, key: &str) -> Option<u64> {
    log.lines().rev().find_map(|l| l.strip_prefix(key)).and_then(|v| v.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_seconds_and_targets() {
        let args = |a: &[&str]| parse_args(&a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        assert_eq!(args(&[]).unwrap(), (60, TARGETS.map(String::from).to_vec()));
        assert_eq!(args(&["--seconds", "5", "dates"]).unwrap(), (5, vec!["dates".to_owned()]));
        assert!(args(&["--seconds"]).is_err());
        assert!(args(&["nope"]).is_err());
    }

    #[test]
    fn reads_final_stats() {
        let log = "#1 INITED\nstat::number_of_executed_units: 1234\nstat::peak_rss_mb: 40\n";
        assert_eq!(stat(log, "stat::number_of_executed_units:"), Some(1234));
        assert_eq!(stat(log, "stat::new_units_added:"), None);
    }
}
