//! The app shell (a site built from no articles) and its floor (`bench/floor`), their files' raw
//! and brotli sizes.

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use super::corpus::brotli_len;
use super::process::{git_head, run_limited, unix_now};
use crate::tools::Tools;

/// The app shell: HTML, JS, CSS and wasm of a site built from an empty folder, so the
/// wasm holds no corpus.
pub(super) fn shell(tools: &Tools, work: &Path) -> Result<Value, String> {
    let empty = work.join("corpus-0");
    let _ = std::fs::remove_dir_all(&empty);
    std::fs::create_dir_all(&empty).map_err(|e| format!("cannot create {}: {e}", empty.display()))?;
    let site = work.join("site-0");
    let _ = std::fs::remove_dir_all(&site);
    let mut cmd = tools.command("trunk");
    cmd.args(["build", "--release", "--dist"])
        .arg(&site)
        .current_dir(crate::root())
        .env("TRUNK_OFFLINE", "true")
        .env("CHRONICLE_ARTICLES", &empty);
    let done = run_limited(cmd, Duration::from_secs(3_600), Some(&work.join("build-0.log")))
        .map_err(|m| format!("the empty-corpus site did not build: {m}"))?;
    let (raw, brotli, files) = site_sizes(&site, &["html", "js", "css", "wasm"])?;
    Ok(
        json!({ "raw": raw, "brotli": brotli, "files": files, "build_seconds": done.elapsed.as_secs_f64(), "measured_at": unix_now(), "commit": git_head() }),
    )
}

/// The files of a built site ending in one of `exts`: their raw and brotli (quality
/// 11) totals, and each file's.
fn site_sizes(site: &Path, exts: &[&str]) -> Result<(u64, u64, serde_json::Map<String, Value>), String> {
    let mut files = serde_json::Map::new();
    let (mut raw, mut brotli) = (0u64, 0u64);
    for ext in exts {
        for (name, size) in files_with(site, ext) {
            let bytes = std::fs::read(site.join(&name)).map_err(|e| format!("{name}: {e}"))?;
            let compressed = brotli_len(&bytes, 11) as u64;
            raw += size;
            brotli += compressed;
            files.insert(name, json!({ "raw": size, "brotli": compressed }));
        }
    }
    Ok((raw, brotli, files))
}

/// The app shell's floor (`bench/floor`, built as the app is: Trunk, release, wasm-opt
/// z): a minimal Yew app alone, and calling what the app asks of `model` with no view;
/// the JS and wasm of each, raw and brotli.
pub(super) fn shell_floor(tools: &Tools, work: &Path) -> Result<Value, String> {
    let floor = crate::root().join("bench/floor");
    let mut out = serde_json::Map::new();
    for (name, page) in [("yew", "yew.html"), ("yew_and_model", "with-model.html")] {
        let site = work.join(format!("floor-{name}"));
        let _ = std::fs::remove_dir_all(&site);
        let mut cmd = tools.command("trunk");
        cmd.args(["build", page, "--release", "--dist"])
            .arg(&site)
            .current_dir(&floor)
            .env("TRUNK_OFFLINE", "true")
            .env("CARGO_TARGET_DIR", work.join("floor-target"));
        run_limited(cmd, Duration::from_secs(1_800), Some(&work.join(format!("build-floor-{name}.log"))))
            .map_err(|m| format!("bench/floor/{page} did not build: {m}"))?;
        let (raw, brotli, _) = site_sizes(&site, &["js", "wasm"])?;
        out.insert(name.to_owned(), json!({ "raw": raw, "brotli": brotli }));
    }
    Ok(Value::Object(out))
}

/// `(name, bytes)` of the files in `dir` ending in `.ext`.
pub(super) fn files_with(dir: &Path, ext: &str) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == ext))
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.metadata().map(|m| m.len()).unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}
