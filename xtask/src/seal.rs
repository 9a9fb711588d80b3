//! Seals a site Trunk has just built (its post-build hook runs `cargo xtask seal`):
//! moves Trunk's inline loader into a hashed file, puts Subresource Integrity on the
//! loader, the app's JS and its wasm, writes a strict Content-Security-Policy into the
//! page, writes the build's static opening screen (`pipeline::opening`, which build.rs
//! left beside the embedded corpus) into the page's `#app`, and stamps the service
//! worker with this build's version and file list.
//!
//! Invariant: after sealing, the page runs no inline script but those whose hash the
//! policy names (only Trunk's live-reload script under `trunk serve`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

/// The policy, less the hashes of inline scripts (added to `script-src`).
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// Placeholders in `assets/sw.js` that sealing replaces.
const SW_VERSION: &str = "__CHRONICLE_VERSION__";
const SW_SHELL: &str = "[/*__CHRONICLE_SHELL__*/]";
const SW_CHUNKS: &str = "[/*__CHRONICLE_CHUNKS__*/]";

/// `cargo xtask seal [DIR]`: DIR defaults to `$TRUNK_STAGING_DIR`, as Trunk's hook sets it.
pub fn run(args: &[String]) -> Result<(), String> {
    let dir = match args.first() {
        Some(dir) => PathBuf::from(dir),
        None => std::env::var_os("TRUNK_STAGING_DIR")
            .map(PathBuf::from)
            .ok_or("seal: name the built site's folder, or run as Trunk's post-build hook")?,
    };
    seal_dir(&dir)
}

/// Seals the site in `dir` in place.
pub fn seal_dir(dir: &Path) -> Result<(), String> {
    let page_path = dir.join("index.html");
    let html = read_text(&page_path)?;
    let out_dir = out_dir_of_latest_build();
    let html = match out_dir.clone().and_then(|out| read_text(&out.join("opening.html"))) {
        Ok(opening) => with_opening(&html, &opening)?,
        Err(why) => {
            // A page without it still works: the loading message stays until the app.
            eprintln!("xtask: seal: no opening screen in the page: {why}");
            html
        }
    };
    // A split corpus's chunk files go beside the page, in `chunks/`: not part of the
    // shell the worker installs with, but saved by it in the background.
    let chunks = match &out_dir {
        Ok(out) => copy_chunks(&out.join("chunks"), &dir.join("chunks"))?,
        Err(_) => Vec::new(),
    };
    let sealed = seal_page(&html, |name| {
        std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
    })?;
    if let Some((name, loader)) = &sealed.loader {
        write(&dir.join(name), loader.as_bytes())?;
    }
    write(&page_path, sealed.html.as_bytes())?;

    let sw_path = dir.join("sw.js");
    let sw = read_text(&sw_path)?;
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if path.is_file() && name != "sw.js" && name != "index.html" {
            files.push(name);
        }
    }
    files.sort();
    let mut version = Sha256::new();
    version.update(sealed.html.as_bytes());
    for name in &files {
        version.update(name.as_bytes());
        version.update(std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?);
    }
    // Chunk names carry their content's hash.
    for name in &chunks {
        version.update(name.as_bytes());
    }
    let version = hex(&version.finalize()[..8]);
    write(&sw_path, stamp_worker(&sw, &version, &files, &chunks)?.as_bytes())
}

/// Copies the chunk files of `from` (build.rs's `$OUT_DIR/chunks`, absent before split
/// corpora existed) into `to`, replacing what was there; their names as the page
/// fetches them (`chunks/…`), sorted.
fn copy_chunks(from: &Path, to: &Path) -> Result<Vec<String>, String> {
    match std::fs::remove_dir_all(to) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(format!("cannot empty {}: {e}", to.display()));
        }
        _ => {}
    }
    let Ok(entries) = std::fs::read_dir(from) else { return Ok(Vec::new()) };
    let mut names = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            names.push(path.file_name().unwrap_or_default().to_string_lossy().into_owned());
        }
    }
    names.sort();
    if !names.is_empty() {
        std::fs::create_dir_all(to).map_err(|e| format!("cannot make {}: {e}", to.display()))?;
    }
    for name in &names {
        std::fs::copy(from.join(name), to.join(name)).map_err(|e| format!("cannot copy chunk {name}: {e}"))?;
    }
    Ok(names.into_iter().map(|n| format!("chunks/{n}")).collect())
}

/// The build script's `OUT_DIR` of the wasm Trunk just built, where it wrote the opening
/// screen (`opening.html`) and a split corpus's chunk files. That build's dependency
/// file (`chronicle.d` beside the wasm, in the profile Trunk names in `TRUNK_PROFILE`,
/// else the newer of release and debug) names the corpus the wasm embeds.
fn out_dir_of_latest_build() -> Result<PathBuf, String> {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| crate::root().join("target"), PathBuf::from);
    let target = target.join("wasm32-unknown-unknown");
    let profiles = match std::env::var("TRUNK_PROFILE").as_deref() {
        Ok("release") => vec!["release"],
        Ok("debug") => vec!["debug"],
        _ => vec!["release", "debug"],
    };
    let deps = profiles
        .iter()
        .map(|profile| target.join(profile).join("chronicle.d"))
        .filter_map(|path| Some((std::fs::metadata(&path).ok()?.modified().ok()?, path)))
        .max()
        .map(|(_, path)| path)
        .ok_or_else(|| format!("no chronicle.d under {}", target.display()))?;
    let text = read_text(&deps)?;
    let corpus = dep_paths(&text)
        .into_iter()
        .find(|p| p.ends_with("corpus.bin"))
        .ok_or_else(|| format!("{} names no corpus.bin", deps.display()))?;
    let corpus = PathBuf::from(corpus);
    corpus.parent().map(Path::to_path_buf).ok_or_else(|| format!("{} has no folder", corpus.display()))
}

/// The paths of a Makefile-style dependency line (`target: dep dep…`, spaces in a
/// path escaped with a backslash).
fn dep_paths(text: &str) -> Vec<String> {
    let line = text.lines().next().unwrap_or_default();
    let deps = line.split_once(": ").map_or("", |(_, deps)| deps);
    let mut paths = vec![String::new()];
    let mut chars = deps.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => paths.last_mut().unwrap().extend(chars.next()),
            c if c.is_whitespace() => {
                if !paths.last().unwrap().is_empty() {
                    paths.push(String::new());
                }
            }
            c => paths.last_mut().unwrap().push(c),
        }
    }
    paths.retain(|p| !p.is_empty());
    paths
}

/// `html` with the content of its `<main id="app">` (the loading message) replaced by
/// `opening`; unchanged when `opening` is empty (a corpus without events).
pub fn with_opening(html: &str, opening: &str) -> Result<String, String> {
    if opening.trim().is_empty() {
        return Ok(html.to_owned());
    }
    let open = html.find("<main id=\"app\">").ok_or("seal: the page has no <main id=\"app\">")?;
    let from = open + "<main id=\"app\">".len();
    let to = from + html[from..].find("</main>").ok_or("seal: unclosed <main id=\"app\">")?;
    if html[from..to].contains("data-opening") {
        return Err("seal: the page already has its opening screen (sealed twice?)".into());
    }
    Ok(format!("{}\n{}{}", &html[..from], opening, &html[to..]))
}

/// A sealed page and, when Trunk's loader was inline, the file it moved to.
#[derive(Debug)]
pub struct Sealed {
    pub html: String,
    pub loader: Option<(String, String)>,
}

/// Seals `html`; `read` gives the bytes of a file the page names, for its integrity.
pub fn seal_page(html: &str, read: impl Fn(&str) -> Result<Vec<u8>, String>) -> Result<Sealed, String> {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err("seal: the page already has a Content-Security-Policy (sealed twice?)".into());
    }
    let mut out = html.to_owned();
    let mut loader = None;
    let mut hashes = String::new();
    for script in inline_scripts(html) {
        let body = &html[script.body.clone()];
        if body.contains("module_or_path:") {
            let (moved, wasm, _integrity) = move_loader(body, &read)?;
            // The wasm is fetched from the start (the loader, a module, runs only once
            // the page is parsed and its imports are in); the loader's fetch, with the
            // same URL and mode, takes the preloaded response and checks its integrity
            // (Chromium ignores, with a console warning, integrity on a fetch preload).
            let tag = format!(
                "<link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" />\n    <script type=\"module\" src=\"./{}\" integrity=\"{}\"></script>",
                moved.0,
                sri(moved.1.as_bytes())
            );
            out = out.replacen(&html[script.whole.clone()], &tag, 1);
            loader = Some(moved);
        } else {
            let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes()));
            let _ = write!(hashes, " 'sha256-{digest}'");
        }
    }
    if loader.is_none() {
        return Err("seal: found no Trunk loader (an inline script calling init with module_or_path)".into());
    }
    out = add_preload_integrity(&out, &read)?;
    let meta =
        format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />", POLICY.replace("{hashes}", &hashes));
    let at = out.find("<meta charset").ok_or("seal: the page has no <meta charset>")?;
    let end = at + out[at..].find('>').ok_or("seal: unclosed <meta charset>")? + 1;
    out.insert_str(end, &format!("\n    {meta}"));
    Ok(Sealed { html: out, loader })
}

struct Script {
    whole: std::ops::Range<usize>,
    body: std::ops::Range<usize>,
}

/// `<script>` elements without `src`, in order.
fn inline_scripts(html: &str) -> Vec<Script> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = html[from..].find("<script").map(|i| i + from) {
        let Some(open_end) = html[start..].find('>').map(|i| start + i + 1) else { break };
        let Some(close) = html[open_end..].find("</script>").map(|i| open_end + i) else { break };
        let end = close + "</script>".len();
        if !html[start..open_end].contains(" src=") {
            found.push(Script { whole: start..end, body: open_end..close });
        }
        from = end;
    }
    found
}

/// How the loader gets the wasm: downloaded whole, then compiled while its SHA-256 is
/// checked, and run only if that is the hash sealed in. (`integrity` on the fetch
/// checks the same but starts compiling only once the file is in and hashed; compiling
/// while it streams in, hashing a copy beside it, kept two readers on the download: at
/// 10,000 articles the whole file took longer to arrive, and the first row came 60 to 80
/// ms later than it does reading it once, in headless Chromium on the development
/// machine.) SHA-256, not the SHA-384 of the scripts: the hash is the one step after the
/// download that the app waits for, and SHA-256 took about half as long over the 33 MB
/// wasm of 10,000 articles (80 to 40 ms). Without Web Crypto (a page served over plain
/// HTTP from elsewhere than this machine), it falls back to the fetch with `integrity`.
/// The hash and the compilation each begin with a copy of the bytes on the main thread,
/// so they start in separate tasks: begun in the same task as the download's last step,
/// they made a task of over 50 ms in most loads at 10,000 articles (63 ms by the median
/// of 20 loads); begun a task apart, most loads had no task of 50 ms (the two loaders
/// loaded in turn, 20 times each, unoptimised wasm).
const WASM_CHECKED: &str = "\
const chronicleWasm = async (url, integrity) => {
  if (!(globalThis.crypto && crypto.subtle)) return fetch(url, { integrity });
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  const digesting = crypto.subtle.digest('SHA-256', bytes);
  await new Promise((next) => setTimeout(next, 0));
  const compiled = WebAssembly.compile(bytes);
  const digest = new Uint8Array(await digesting);
  if ('sha256-' + btoa(String.fromCharCode(...digest)) !== integrity) {
    compiled.catch(() => {});
    throw new Error(`${url} does not match its integrity hash ${integrity}`);
  }
  return compiled;
};";

/// Trunk's loader as a file of its own, `(name, text)`, fetching the wasm with its
/// integrity checked (see `WASM_CHECKED`); with the wasm's URL and integrity.
fn move_loader(
    body: &str,
    read: &impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<((String, String), String, String), String> {
    let wasm = quoted_after(body, "module_or_path:").ok_or("seal: the loader names no wasm file")?;
    let name = wasm.trim_start_matches("./");
    let integrity = sri_256(&read(name)?);
    let text = body.replacen(
        &format!("module_or_path: '{wasm}'"),
        &format!("module_or_path: await chronicleWasm('{wasm}', '{integrity}')"),
        1,
    );
    if text == body {
        return Err(format!("seal: unexpected loader form around {wasm}"));
    }
    let text = format!(
        "// Chronicle's loader (moved out of the page by `cargo xtask seal`).\n{WASM_CHECKED}\n{}\n",
        text.trim()
    );
    let file = format!("loader-{}.js", hex(&Sha256::digest(text.as_bytes())[..8]));
    Ok(((file, text), wasm.to_owned(), integrity))
}

/// Adds `integrity` to each `<link rel="modulepreload">` lacking it.
fn add_preload_integrity(html: &str, read: &impl Fn(&str) -> Result<Vec<u8>, String>) -> Result<String, String> {
    let mut out = String::with_capacity(html.len() + 200);
    let mut rest = html;
    while let Some(at) = rest.find("<link rel=\"modulepreload\"") {
        let end = at + rest[at..].find('>').ok_or("seal: unclosed modulepreload link")?;
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if tag.contains("integrity=") {
            out.push_str(tag);
        } else {
            let href = quoted_after(tag, "href=").ok_or("seal: modulepreload without href")?;
            let integrity = sri(&read(href.trim_start_matches("./"))?);
            let _ = write!(out, "{} integrity=\"{integrity}\"", tag.trim_end_matches('/').trim_end());
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The text of the first quoted string after `key`.
fn quoted_after<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let after = &text[text.find(key)? + key.len()..];
    let after = after.trim_start();
    let quote = after.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let inner = &after[1..];
    Some(&inner[..inner.find(quote)?])
}

/// The service worker with this build's cache version, shell files and chunk files filled in.
pub fn stamp_worker(sw: &str, version: &str, files: &[String], chunks: &[String]) -> Result<String, String> {
    if !sw.contains(SW_VERSION) || !sw.contains(SW_SHELL) || !sw.contains(SW_CHUNKS) {
        return Err(format!(
            "seal: sw.js lacks the {SW_VERSION}, {SW_SHELL} or {SW_CHUNKS} placeholder (sealed twice?)"
        ));
    }
    let quoted = |list: &mut dyn Iterator<Item = String>| {
        format!("[{}]", list.map(|f| format!("{f:?}")).collect::<Vec<_>>().join(", "))
    };
    let shell = quoted(&mut std::iter::once("./".to_owned()).chain(files.iter().map(|f| format!("./{f}"))));
    let chunks = quoted(&mut chunks.iter().map(|f| format!("./{f}")));
    Ok(sw.replace(SW_VERSION, version).replace(SW_SHELL, &shell).replace(SW_CHUNKS, &chunks))
}

fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// The wasm's integrity, in the form the loader checks (see `WASM_CHECKED`).
fn sri_256(bytes: &[u8]) -> String {
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head>
<meta charset="utf-8" />
<script type="module">
import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
</script>
<script src="./boot.js" integrity="sha384-x"></script>
<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous"></head>
<body><script>reload()</script></body></html>"#;

    fn files(name: &str) -> Result<Vec<u8>, String> {
        match name {
            "app-1_bg.wasm" => Ok(b"\0asm".to_vec()),
            "app-1.js" => Ok(b"export default 1".to_vec()),
            other => Err(format!("no {other}")),
        }
    }

    #[test]
    fn the_loader_moves_out_and_every_script_is_covered() {
        let sealed = seal_page(PAGE, files).unwrap();
        let (name, loader) = sealed.loader.clone().unwrap();
        assert!(name.starts_with("loader-") && name.ends_with(".js"));
        assert!(loader.contains(&format!("chronicleWasm('./app-1_bg.wasm', '{}')", sri_256(b"\0asm"))));
        assert!(
            loader.contains("digest('SHA-256', bytes)") && loader.contains("'sha256-' + btoa"),
            "the loader checks the hash it was given"
        );
        assert!(
            loader.contains("WebAssembly.compile(bytes)") && !loader.contains("compileStreaming"),
            "of the bytes it compiles"
        );
        assert!(
            loader.find("const chronicleWasm").unwrap() < loader.find("await chronicleWasm").unwrap(),
            "defined before use"
        );
        assert!(!sealed.html.contains("module_or_path"), "no inline loader left");
        let preload = "<link rel=\"preload\" href=\"./app-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" />";
        assert!(sealed.html.contains(preload), "the wasm is preloaded");
        assert!(sealed.html.find(preload) < sealed.html.find("<script type=\"module\""), "before the loader");
        assert!(sealed.html.contains(&format!("src=\"./{name}\" integrity=\"{}\"", sri(loader.as_bytes()))));
        assert!(sealed.html.contains(&format!(
            "href=\"./app-1.js\" crossorigin=\"anonymous\" integrity=\"{}\"",
            sri(b"export default 1")
        )));
        // The remaining inline script (Trunk's live reload) is allowed by its hash only.
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"reload()"));
        let csp = sealed.html.lines().find(|l| l.contains("Content-Security-Policy")).unwrap();
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
        assert!(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'") && !csp.contains("unsafe-inline"));
        // The policy comes before any script.
        assert!(sealed.html.find("Content-Security-Policy").unwrap() < sealed.html.find("<script").unwrap());
    }

    #[test]
    fn sealing_twice_or_a_page_without_loader_is_an_error() {
        let sealed = seal_page(PAGE, files).unwrap();
        assert!(seal_page(&sealed.html, files).is_err());
        assert!(seal_page("<meta charset=\"utf-8\"><p>hi</p>", files).is_err());
    }

    #[test]
    fn the_opening_screen_replaces_the_loading_message() {
        let page =
            "<body>\n<main id=\"app\">\n  <p class=\"loading\">Loading…</p>\n</main>\n<noscript>x</noscript></body>";
        let opening = "<div class=\"explorer\" data-opening><li class=\"event\">e</li></div>\n";
        let out = with_opening(page, opening).unwrap();
        assert_eq!(out, format!("<body>\n<main id=\"app\">\n{opening}</main>\n<noscript>x</noscript></body>"));
        assert!(with_opening(&out, opening).is_err(), "not twice");
        assert_eq!(with_opening(page, "").unwrap(), page, "no events: the loading message stays");
        assert!(with_opening("<body></body>", opening).is_err());
    }

    #[test]
    fn dependency_lines_give_their_paths() {
        let line =
            "/t/chronicle.wasm: /src/lib.rs /t/build/chronicle-1/out/corpus.bin /my\\ dir/x.rs\n\n/src/lib.rs:\n";
        assert_eq!(dep_paths(line), ["/src/lib.rs", "/t/build/chronicle-1/out/corpus.bin", "/my dir/x.rs"]);
    }

    #[test]
    fn the_worker_gets_the_version_the_shell_and_the_chunks() {
        let sw = format!(
            "const CACHE = \"chronicle-shell-{SW_VERSION}\";\nconst SHELL = {SW_SHELL};\nconst CHUNKS = {SW_CHUNKS};"
        );
        let out = stamp_worker(&sw, "abc", &["a.js".into(), "b.wasm".into()], &["chunks/c-1.bin".into()]).unwrap();
        assert_eq!(
            out,
            "const CACHE = \"chronicle-shell-abc\";\nconst SHELL = [\"./\", \"./a.js\", \"./b.wasm\"];\nconst CHUNKS = [\"./chunks/c-1.bin\"];"
        );
        assert!(stamp_worker(&out, "abc", &[], &[]).is_err());
    }

    #[test]
    fn chunks_are_copied_beside_the_page_and_old_ones_go() {
        let tmp = tempfile::tempdir().unwrap();
        let (from, to) = (tmp.path().join("out/chunks"), tmp.path().join("dist/chunks"));
        std::fs::create_dir_all(&from).unwrap();
        std::fs::create_dir_all(&to).unwrap();
        std::fs::write(from.join("chunk-b.bin"), b"b").unwrap();
        std::fs::write(from.join("chunk-a.bin"), b"a").unwrap();
        std::fs::write(to.join("chunk-old.bin"), b"old").unwrap();
        assert_eq!(copy_chunks(&from, &to).unwrap(), ["chunks/chunk-a.bin", "chunks/chunk-b.bin"]);
        assert_eq!(std::fs::read(to.join("chunk-b.bin")).unwrap(), b"b");
        assert!(!to.join("chunk-old.bin").exists(), "an old build's chunks are not served");
        assert!(copy_chunks(&tmp.path().join("none"), &to).unwrap().is_empty());
        assert!(!to.exists());
    }
}
