//! `cargo xtask test`: native tests, browser tests (wasm-bindgen-test in headless
//! Chromium) and end-to-end tests (WebDriver against the served release build), then
//! one summary line of passed and failed counts.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::server::StaticServer;
use crate::site;
use crate::tools::{self, CHROMEDRIVER, Need, Tools};

/// Passed and failed counts, summed over suites.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// `cargo xtask test [native|browser|e2e]... [-- FILTER]`: every suite unless some are
/// named; FILTER (a test-name substring) goes to the end-to-end tests.
pub fn run(args: &[String]) -> Result<(), String> {
    let started = Instant::now();
    let (names, filter) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], args.get(i + 1).cloned()),
        None => (args, None),
    };
    let tools = tools::ensure(Need::BuildAndBrowser)?;
    let mut total = Counts::default();
    let mut broken = Vec::new();

    type Suite = fn(&Tools, Option<&str>) -> Result<Counts, String>;
    let suites: [(&str, &str, Suite); 3] =
        [("native", "native", native), ("browser", "browser", browser), ("end-to-end", "e2e", end_to_end)];
    for name in names {
        if !suites.iter().any(|s| s.1 == name) {
            return Err(format!("no test suite `{name}` (native, browser, e2e)"));
        }
    }
    for (name, short, suite) in suites {
        if !names.is_empty() && !names.iter().any(|n| n == short) {
            continue;
        }
        let suite = |tools: &Tools| suite(tools, filter.as_deref());
        println!("xtask: === {name} tests ===");
        let suite_started = Instant::now();
        match suite(&tools) {
            Ok(counts) => {
                println!(
                    "xtask: {name}: {} passed, {} failed in {:.1?}",
                    counts.passed,
                    counts.failed,
                    suite_started.elapsed()
                );
                total.add(counts);
            }
            Err(err) => {
                println!("xtask: {name}: could not run: {err}");
                broken.push(name);
                total.failed += 1;
            }
        }
    }
    println!("xtask: all tests took {:.1?}", started.elapsed());
    println!("summary: {} passed, {} failed", total.passed, total.failed);
    if total.failed == 0 {
        Ok(())
    } else if broken.is_empty() {
        Err(format!("{} test(s) failed", total.failed))
    } else {
        Err(format!("{} test(s) failed; suites that could not run: {}", total.failed, broken.join(", ")))
    }
}

fn native(tools: &Tools, _filter: Option<&str>) -> Result<Counts, String> {
    // The workspace's tests, with the tidy guard among xtask's (`tidy.rs`).
    let mut counts = cargo_test(tools.command("cargo").args(["test", "--workspace"]))?;
    // The guards below are one counted test each, whose failure says how to fix it.
    counts.add(guard(
        "the workspace is formatted as rustfmt.toml says (cargo fmt --all --check)",
        "run `cargo fmt --all` (the diff is above)",
        tools.command("cargo").args(["fmt", "--all", "--check"]),
    )?);
    // `--all-targets` lints the tests and the app's native build; `-D warnings` makes any lint a failure.
    counts.add(guard(
        "clippy finds nothing (cargo clippy --workspace --all-targets -- -D warnings)",
        "fix the lints above, or allow one where it is wrong with a comment saying why",
        tools.command("cargo").args(["clippy", "--quiet", "--workspace", "--all-targets", "--", "-D", "warnings"]),
    )?);
    // The app's code behind `cfg(target_arch = "wasm32")` is seen only by a wasm build.
    counts.add(guard(
        "clippy finds nothing in the app's wasm build (cargo clippy -p chronicle --target wasm32-unknown-unknown)",
        "fix the lints above",
        tools.command("cargo").args([
            "clippy", "--quiet", "-p", "chronicle", "--all-targets", "--target", "wasm32-unknown-unknown", "--", "-D",
            "warnings",
        ]),
    )?);
    // The fuzz targets are a workspace of their own (`cargo xtask fuzz` runs them), so
    // the tests above never build them: type-check them here, one check counted, so a
    // change to the crates they call cannot leave them broken unnoticed.
    let fuzz = crate::root().join("fuzz/Cargo.toml");
    let target = crate::root().join("target/fuzz-check");
    counts.add(guard(
        "the fuzz targets compile (cargo check --manifest-path fuzz/Cargo.toml)",
        "make the fuzz targets follow the crates they call",
        tools
            .command("cargo")
            .args(["check", "--quiet", "--bins", "--manifest-path"])
            .arg(&fuzz)
            .arg("--target-dir")
            .arg(&target),
    )?);
    Ok(counts)
}

/// Runs a check that passes when its command succeeds: one test, passed or failed, announced before it runs
/// and, when it fails, followed by what to do.
fn guard(what: &str, fix: &str, cmd: &mut Command) -> Result<Counts, String> {
    println!("xtask: guard: {what}");
    let status =
        cmd.current_dir(crate::root()).status().map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        println!("xtask: guard passed: {what}");
        Ok(Counts { passed: 1, failed: 0 })
    } else {
        println!("xtask: FAILED guard: {what} ({status}); {fix}");
        Ok(Counts { passed: 0, failed: 1 })
    }
}

fn browser(tools: &Tools, _filter: Option<&str>) -> Result<Counts, String> {
    cargo_test(
        tools
            .command("cargo")
            .args(["test", "-p", "chronicle", "--target", "wasm32-unknown-unknown", "--test", "browser"])
            .env("CHROMEDRIVER", CHROMEDRIVER),
    )
}

fn end_to_end(tools: &Tools, filter: Option<&str>) -> Result<Counts, String> {
    let root = crate::root();
    let work = root.join("target/e2e");
    let two_dir = work.join("two-articles");
    copy_fixture(&root.join("tests/fixtures/two-articles"), &two_dir)?;

    let two_site = work.join("two-site");
    // With a preview however small its corpus, for the test of the opening timeline.
    site::build_release(tools, &two_site, Some(&two_dir), &[("CHRONICLE_PREVIEW_FROM", "0")])?;
    let empty_dir = work.join("no-articles");
    let _ = std::fs::remove_dir_all(&empty_dir);
    std::fs::create_dir_all(&empty_dir).map_err(|e| format!("cannot create {}: {e}", empty_dir.display()))?;
    let empty_site = work.join("empty-site");
    site::build_release(tools, &empty_site, Some(&empty_dir), &[])?;
    let hostile_dir = work.join("hostile-articles");
    copy_fixture(Path::new(pipeline::testing::HOSTILE_DIR), &hostile_dir)?;
    pipeline::testing::write_generated_hostile_files(&hostile_dir)
        .map_err(|e| format!("cannot write the generated hostile articles: {e}"))?;
    let hostile_site = work.join("hostile-site");
    site::build_release(tools, &hostile_site, Some(&hostile_dir), &[])?;
    // The bundled corpus split into small chunks, as a large corpus would be.
    let split_site = work.join("split-site");
    site::build_release(tools, &split_site, None, &[("CHRONICLE_SPLIT_FROM", "0"), ("CHRONICLE_CHUNK_BYTES", "4000")])?;
    let site_dir = work.join("site");
    site::build_release(tools, &site_dir, None, &[])?;
    site::print_sizes(&site_dir)?;

    let server = StaticServer::start(vec![
        ("chronicle".into(), site_dir.clone()),
        ("two".into(), two_site.clone()),
        ("empty".into(), empty_site),
        ("hostile".into(), hostile_site),
        ("split".into(), split_site.clone()),
    ])?;
    let driver = ChromeDriver::start()?;
    cargo_test(
        tools
            .command("cargo")
            .args(["test", "-p", "chronicle", "--test", "e2e", "--", "--test-threads=1"])
            .args(filter)
            .env("CHRONICLE_E2E_SITE", server.url("chronicle"))
            .env("CHRONICLE_E2E_SITE_DIR", &site_dir)
            .env("CHRONICLE_AXE", tools::tools_dir().join("node_modules/axe-core/axe.min.js"))
            .env("CHRONICLE_SCREENSHOTS", work.join("screenshots"))
            .env("CHRONICLE_E2E_TWO_SITE", server.url("two"))
            .env("CHRONICLE_E2E_TWO_DIR", &two_dir)
            .env("CHRONICLE_E2E_TWO_SITE_DIR", &two_site)
            .env("CHRONICLE_E2E_EMPTY_SITE", server.url("empty"))
            .env("CHRONICLE_E2E_HOSTILE_SITE", server.url("hostile"))
            .env("CHRONICLE_E2E_HOSTILE_DIR", &hostile_dir)
            .env("CHRONICLE_E2E_SPLIT_SITE", server.url("split"))
            .env("CHRONICLE_E2E_SPLIT_SITE_DIR", &split_site)
            .env("CHRONICLE_WEBDRIVER", driver.url()),
    )
}

/// Copies a fixture folder into a fresh folder, so the test corpus is a temporary copy.
fn copy_fixture(from: &Path, to: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            std::fs::copy(&path, to.join(entry.file_name()))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Runs a `cargo test` command, echoing its output, and counts its results. A
/// non-zero exit with no failed test counted (a build error) counts as one failure.
fn cargo_test(cmd: &mut Command) -> Result<Counts, String> {
    let mut child =
        cmd.stdout(Stdio::piped()).spawn().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    let mut counts = Counts::default();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(c) = parse_result_line(&line) {
                counts.add(c);
            }
        }
    }
    let status = child.wait().map_err(|e| format!("waiting for cargo test: {e}"))?;
    if !status.success() && counts.failed == 0 {
        counts.failed = 1;
        println!("xtask: cargo test exited with {status} before reporting a failed test (build error?)");
    }
    Ok(counts)
}

/// Reads libtest's `test result: ok. 3 passed; 0 failed; …` line.
fn parse_result_line(line: &str) -> Option<Counts> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let number_before = |word: &str| -> Option<u64> {
        rest.split(';').find_map(|part| part.trim().strip_suffix(word)?.trim().rsplit(' ').next()?.parse().ok())
    };
    Some(Counts { passed: number_before("passed")?, failed: number_before("failed")? })
}

/// chromedriver on a free loopback port; killed when dropped.
pub(crate) struct ChromeDriver {
    child: Child,
    port: u16,
}

impl ChromeDriver {
    pub(crate) fn start() -> Result<ChromeDriver, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port for chromedriver: {e}"))?
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {CHROMEDRIVER}: {e}"))?;
        let driver = ChromeDriver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start listening within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }

    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// The runner of the test suites is `tests.rs`; its own unit tests keep the usual name.
#[cfg(test)]
#[allow(clippy::module_inception)]
mod tests {
    use super::*;

    #[test]
    fn parses_libtest_and_wasm_bindgen_test_result_lines() {
        let c = |p, f| Some(Counts { passed: p, failed: f });
        assert_eq!(
            parse_result_line(
                "test result: ok. 9 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s"
            ),
            c(9, 0)
        );
        assert_eq!(
            parse_result_line("test result: FAILED. 8 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out"),
            c(8, 1)
        );
        assert_eq!(
            parse_result_line("test result: ok. 3 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.25s"),
            c(3, 0)
        );
        assert_eq!(parse_result_line("test foo ... ok"), None);
    }
}
