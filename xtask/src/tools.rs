//! Installs, once, the tools the build and tests need, and puts them on PATH for the
//! commands xtask runs. Every check is cheap, so a second run installs nothing.
//! Nothing is downloaded outside the package registries (crates.io, npm, Debian).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub const TRUNK_VERSION: &str = "0.21.14";
/// Binaryen's wasm-opt from npm: Debian's (108) cannot read what Rust 1.95 emits.
pub const BINARYEN_VERSION: &str = "132";
/// The accessibility checker the end-to-end tests inject into the page (npm).
pub const AXE_VERSION: &str = "4.14.1";
/// The search engines `cargo xtask bench` times Chronicle's engine against (npm), kept
/// in their own folder under the tools folder so installs for tests never prune them.
pub const MINISEARCH_VERSION: &str = "7.2.0";
pub const FLEXSEARCH_VERSION: &str = "0.8.212";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What the build needs, and whether the browser for tests is wanted too.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Build,
    BuildAndBrowser,
}

/// Where installed tools live; the PATH that finds them.
pub struct Tools {
    pub path: OsString,
}

impl Tools {
    /// A command that finds the installed tools first on its PATH.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("PATH", &self.path);
        cmd
    }
}

/// Folder for tools that are not cargo binaries (binaryen and axe-core from npm).
pub fn tools_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CHRONICLE_TOOLS") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| crate::root().join("target"));
    home.join(".cache/chronicle/tools")
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// Checks each tool and installs the missing ones, printing what it does and how long it took.
pub fn ensure(need: Need) -> Result<Tools, String> {
    let npm_bin = tools_dir().join("node_modules/.bin");
    let mut dirs = vec![npm_bin.clone(), cargo_bin()];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    let path = std::env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))?;
    let tools = Tools { path };

    step(
        "wasm32-unknown-unknown target",
        || {
            let out = run_output(tools.command("rustup").args(["target", "list", "--installed"]))?;
            Ok(out.lines().any(|l| l.trim() == "wasm32-unknown-unknown"))
        },
        || run(tools.command("rustup").args(["target", "add", "wasm32-unknown-unknown"])),
    )?;

    step(
        &format!("trunk {TRUNK_VERSION}"),
        || Ok(version_of(&tools, "trunk").is_some_and(|v| v.contains(TRUNK_VERSION))),
        || run(tools.command("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"])),
    )?;

    let bindgen = wasm_bindgen_version()?;
    step(
        &format!("wasm-bindgen-cli {bindgen}"),
        || Ok(version_of(&tools, "wasm-bindgen").is_some_and(|v| v.split_whitespace().nth(1) == Some(bindgen.as_str()))),
        || {
            // Without --locked: one of the CLI's locked dependencies is gone from the registry.
            run(tools.command("cargo").args(["install", "wasm-bindgen-cli", "--version", &bindgen]))
        },
    )?;

    step(
        &format!("wasm-opt (binaryen {BINARYEN_VERSION})"),
        || {
            Ok(std::process::Command::new(npm_bin.join("wasm-opt"))
                .arg("--version")
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(&format!("version {BINARYEN_VERSION}"))))
        },
        || {
            let dir = tools_dir();
            std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            run(tools.command("npm").arg("install").arg("--prefix").arg(&dir).args([
                "--no-audit",
                "--no-fund",
                "--no-save",
                &format!("binaryen@{BINARYEN_VERSION}"),
            ]))
        },
    )?;

    if need == Need::BuildAndBrowser {
        // The native suite's formatting and lint guards (`cargo fmt --check`, `cargo clippy`).
        step(
            "rustfmt and clippy (rustup components)",
            || {
                let out = run_output(tools.command("rustup").args(["component", "list", "--installed"]))?;
                let installed =
                    |name: &str| out.lines().any(|l| l.trim() == name || l.trim().starts_with(&format!("{name}-")));
                Ok(installed("rustfmt") && installed("clippy"))
            },
            || run(tools.command("rustup").args(["component", "add", "rustfmt", "clippy"])),
        )?;
        step(
            &format!("axe-core {AXE_VERSION}"),
            || {
                let manifest = tools_dir().join("node_modules/axe-core/package.json");
                Ok(std::fs::read_to_string(manifest)
                    .is_ok_and(|m| m.contains(&format!("\"version\": \"{AXE_VERSION}\""))))
            },
            || {
                run(tools.command("npm").arg("install").arg("--prefix").arg(tools_dir()).args([
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    &format!("axe-core@{AXE_VERSION}"),
                    &format!("binaryen@{BINARYEN_VERSION}"),
                ]))
            },
        )?;
        step(
            "chromium and chromium-driver",
            || Ok(Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists()),
            || apt_install(&tools, &["chromium", "chromium-driver"]),
        )?;
    }
    Ok(tools)
}

/// Installs Debian packages (through sudo unless root).
fn apt_install(tools: &Tools, packages: &[&str]) -> Result<(), String> {
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut cmd = if sudo { tools.command("sudo") } else { tools.command("apt-get") };
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update", "-q"])?;
    apt(&[&["install", "-y", "-q"][..], packages].concat())
}

/// Installs cmake (Debian), which only `cargo xtask train` needs: the `crfsuite` crate
/// builds CRFsuite's bundled C source with it.
pub fn ensure_cmake() -> Result<Tools, String> {
    let tools = Tools { path: std::env::var_os("PATH").unwrap_or_default() };
    step("cmake", || Ok(version_of(&tools, "cmake").is_some()), || apt_install(&tools, &["cmake"]))?;
    Ok(tools)
}

/// Folder holding the bench's npm packages (`node_modules/minisearch`, `node_modules/flexsearch`).
pub fn engines_dir() -> PathBuf {
    tools_dir().join("bench-engines")
}

/// Installs MiniSearch and FlexSearch for `cargo xtask bench`, once.
pub fn ensure_engines(tools: &Tools) -> Result<(), String> {
    let dir = engines_dir();
    let has = |name: &str, version: &str| {
        std::fs::read_to_string(dir.join("node_modules").join(name).join("package.json"))
            .is_ok_and(|m| m.contains(&format!("\"version\": \"{version}\"")))
    };
    step(
        &format!("minisearch {MINISEARCH_VERSION} and flexsearch {FLEXSEARCH_VERSION}"),
        || Ok(has("minisearch", MINISEARCH_VERSION) && has("flexsearch", FLEXSEARCH_VERSION)),
        || {
            std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            run(tools.command("npm").arg("install").arg("--prefix").arg(&dir).args([
                "--no-audit",
                "--no-fund",
                "--no-save",
                &format!("minisearch@{MINISEARCH_VERSION}"),
                &format!("flexsearch@{FLEXSEARCH_VERSION}"),
            ]))
        },
    )
}

/// Prints one line per tool: present, or installed and how long that took.
fn step(
    name: &str,
    present: impl Fn() -> Result<bool, String>,
    install: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    let started = Instant::now();
    if present()? {
        println!("xtask: {name}: present");
        return Ok(());
    }
    println!("xtask: {name}: installing…");
    install().map_err(|e| format!("installing {name} failed: {e}"))?;
    if !present()? {
        return Err(format!("{name} was installed but still is not found"));
    }
    println!("xtask: {name}: installed in {:.0?}", started.elapsed());
    Ok(())
}

/// The `wasm-bindgen` version in Cargo.lock, which the CLI must equal.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock_path = crate::root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| "Cargo.lock has no wasm-bindgen package".to_owned())
}

/// Finds `version = "…"` of the package named `name` in a Cargo.lock text.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_owned());
        }
    }
    None
}

fn version_of(tools: &Tools, program: &str) -> Option<String> {
    let out = tools.command(program).arg("--version").output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs a command, inheriting output; an error says which command failed.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd.status().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if status.success() { Ok(()) } else { Err(format!("{cmd:?} failed ({status})")) }
}

fn run_output(cmd: &mut Command) -> Result<String, String> {
    let out = cmd.output().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_the_locked_version_of_a_package() {
        let lock = "[[package]]\nname = \"wasm-bindgen-test\"\nversion = \"0.3.80\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(locked_version(lock, "wasm-bindgen-test").as_deref(), Some("0.3.80"));
        assert_eq!(locked_version(lock, "yew"), None);
    }
}
