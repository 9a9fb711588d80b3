//! Processes and the machine: commands run with a time limit in their own process group, their
//! peak memory, the load average, the commit measured and the machine it ran on.

use std::io::Read as _;
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::tools;

pub(super) struct Finished {
    pub(super) elapsed: Duration,
    /// Peak resident memory of the process group, sampled every half second.
    pub(super) peak_rss: u64,
    /// Standard error (and output), when not sent to a log file.
    pub(super) output: String,
}

/// Runs `cmd` in its own process group with a time limit: on time-out the whole group
/// (the command and what it started) is killed. Output goes to `log` when given,
/// else it is captured. A non-zero exit is an error quoting the output's last lines.
pub(super) fn run_limited(mut cmd: Command, limit: Duration, log: Option<&Path>) -> Result<Finished, String> {
    cmd.process_group(0).stdin(Stdio::null());
    match log {
        Some(path) => {
            let file = std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            let copy = file.try_clone().map_err(|e| e.to_string())?;
            cmd.stdout(copy).stderr(file);
        }
        None => {
            cmd.stdout(Stdio::null()).stderr(Stdio::piped());
        }
    }
    let started = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    let pid = child.id();
    let reader = child.stderr.take().map(|mut err| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = err.read_to_string(&mut text);
            text
        })
    });
    let mut peak = 0;
    let mut last_sample = Instant::now() - Duration::from_secs(1);
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if last_sample.elapsed() >= Duration::from_millis(500) {
            peak = peak.max(group_rss(pid));
            last_sample = Instant::now();
        }
        if started.elapsed() > limit {
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{pid}")]).status();
            let _ = child.wait();
            return Err(format!("stopped after {limit:.0?} (time limit); peak memory {} MB", peak / 1_000_000));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let elapsed = started.elapsed();
    let mut output = reader.and_then(|r| r.join().ok()).unwrap_or_default();
    if let Some(path) = log {
        output = std::fs::read_to_string(path).unwrap_or_default();
    }
    if !status.success() {
        let tail: Vec<&str> = output.lines().rev().filter(|l| !l.trim().is_empty()).take(6).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "{:?} failed ({status}) after {elapsed:.0?}, peak memory {} MB: {}",
            cmd.get_program(),
            peak / 1_000_000,
            tail.join(" | ")
        ));
    }
    Ok(Finished { elapsed, peak_rss: peak, output })
}

/// Resident bytes of every process in process group `group` (Linux `/proc`).
fn group_rss(group: u32) -> u64 {
    let Ok(entries) = std::fs::read_dir("/proc") else { return 0 };
    let mut total = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().filter(|n| n.bytes().all(|b| b.is_ascii_digit())) else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        // Fields after the command name (which may hold spaces): state, ppid, pgrp, …
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else { continue };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        if fields.get(2).and_then(|g| g.parse::<u32>().ok()) != Some(group) {
            continue;
        }
        if let Some(pages) = fields.get(21).and_then(|p| p.parse::<u64>().ok()) {
            total += pages * 4096;
        }
    }
    total
}

/// The one-minute load average: other work on the machine skews every timing.
pub(super) fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg").ok()?.split_whitespace().next()?.parse().ok()
}

pub(super) fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The commit a run measured, marked `+changes` when tracked files other than the
/// report differ from it: a run of uncommitted code is not that commit's figure.
pub(super) fn git_head() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(crate::root())
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    };
    let status = git(&["status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench"]);
    commit_label(&git(&["rev-parse", "--short", "HEAD"]), &status)
}

fn commit_label(head: &str, status: &str) -> String {
    if head.is_empty() || status.trim().is_empty() { head.to_owned() } else { format!("{head}+changes") }
}

pub(super) fn machine() -> Value {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let chromium = Command::new(tools::CHROMIUM)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|k| k.parse::<u64>().ok()))
        .map_or(0, |kb| kb * 1024);
    json!({ "cores": cores, "memory_bytes": memory, "chromium": chromium })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_uncommitted_code_is_not_credited_to_the_commit() {
        assert_eq!(commit_label("722e9c7", ""), "722e9c7");
        assert_eq!(commit_label("722e9c7", " M xtask/src/seal.rs\n"), "722e9c7+changes");
        assert_eq!(commit_label("", " M src/lib.rs"), "", "no git: no label");
    }
}
