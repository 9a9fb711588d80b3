//! Building and serving the site with Trunk: `serve` for development, `dist` for
//! deployment, and the release builds the end-to-end tests run against.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::tools::{self, Need, Tools};

/// `cargo xtask serve`: Trunk's dev server with live rebuild on 127.0.0.1:8080.
pub fn serve() -> Result<(), String> {
    let tools = tools::ensure(Need::Build)?;
    let mut cmd = trunk(&tools, "serve")?;
    println!("xtask: serving Chronicle on http://127.0.0.1:8080/ (Ctrl-C stops)");
    tools::run(&mut cmd)
}

/// `cargo xtask dist`: the deployable site in `dist/`, with its sizes.
pub fn dist() -> Result<(), String> {
    let tools = tools::ensure(Need::Build)?;
    let out = crate::root().join("dist");
    build_release(&tools, &out, None, &[])?;
    print_sizes(&out)?;
    println!("xtask: the site is in {}; copy that folder to any static host, at any path", out.display());
    Ok(())
}

/// A release build of the site into `out`, from `articles` when given, with `env` set
/// for the build script (as `CHRONICLE_PREVIEW_FROM`).
pub fn build_release(tools: &Tools, out: &Path, articles: Option<&Path>, env: &[(&str, &str)]) -> Result<(), String> {
    let started = Instant::now();
    let mut cmd = trunk(tools, "build")?;
    cmd.arg("--release").arg("--dist").arg(out);
    if let Some(dir) = articles {
        cmd.env("CHRONICLE_ARTICLES", dir);
    }
    cmd.envs(env.iter().copied());
    tools::run(&mut cmd)?;
    println!("xtask: built {} in {:.1?}", out.display(), started.elapsed());
    Ok(())
}

/// A Trunk command run from the workspace root, offline, with the installed tools.
fn trunk(tools: &Tools, sub: &str) -> Result<std::process::Command, String> {
    let mut cmd = tools.command("trunk");
    cmd.arg(sub).current_dir(crate::root()).env("TRUNK_OFFLINE", "true");
    // build.rs reads CHRONICLE_ARTICLES relative to the workspace root; make a path the
    // user gave relative to where they stood absolute first.
    if let Some(dir) = std::env::var_os("CHRONICLE_ARTICLES").filter(|d| !d.is_empty()) {
        let abs = std::path::absolute(PathBuf::from(&dir))
            .map_err(|e| format!("CHRONICLE_ARTICLES={}: {e}", dir.to_string_lossy()))?;
        if !abs.is_dir() {
            return Err(format!("CHRONICLE_ARTICLES names {}, which is not a folder", abs.display()));
        }
        println!("xtask: corpus from {}", abs.display());
        cmd.env("CHRONICLE_ARTICLES", abs);
    }
    Ok(cmd)
}

/// Prints the raw and brotli size of each file of a built site.
pub fn print_sizes(dir: &Path) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    for path in entries {
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        println!(
            "xtask:   {:<40} {:>9} B raw {:>9} B brotli",
            path.file_name().unwrap_or_default().to_string_lossy(),
            bytes.len(),
            brotli_len(&bytes)
        );
    }
    Ok(())
}

/// Size of `bytes` after brotli at the highest quality, as static hosts serve it.
pub fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => bytes.len(),
    }
}
