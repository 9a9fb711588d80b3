//! A small static HTTP server on 127.0.0.1 for the end-to-end tests: serves built
//! sites under sub-paths (as a static host would), with the right content types.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Method, Response, Server};

/// A running server; stops when dropped.
pub struct StaticServer {
    server: Arc<Server>,
    thread: Option<JoinHandle<()>>,
    pub port: u16,
}

impl StaticServer {
    /// Serves each `(prefix, folder)`: `/prefix/x` is `folder/x`, `/prefix/` is its index.html.
    pub fn start(mounts: Vec<(String, PathBuf)>) -> Result<StaticServer, String> {
        let server = Server::http("127.0.0.1:0").map_err(|e| format!("cannot start the static server: {e}"))?;
        let port = server.server_addr().to_ip().map(|a| a.port()).ok_or("static server has no IP address")?;
        let server = Arc::new(server);
        let worker = Arc::clone(&server);
        let thread = std::thread::spawn(move || {
            for request in worker.incoming_requests() {
                let response = respond(&mounts, request.method(), request.url());
                let _ = request.respond(response);
            }
        });
        Ok(StaticServer { server, thread: Some(thread), port })
    }

    pub fn url(&self, prefix: &str) -> String {
        format!("http://127.0.0.1:{}/{prefix}/", self.port)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn respond(mounts: &[(String, PathBuf)], method: &Method, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    if !matches!(method, Method::Get | Method::Head) {
        return Response::from_string("method not allowed").with_status_code(405);
    }
    match resolve(mounts, url).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
        Some((path, bytes)) => {
            let mime = content_type(&path);
            Response::from_data(bytes)
                .with_header(Header::from_bytes("Content-Type", mime).expect("valid header"))
                .with_header(Header::from_bytes("Cache-Control", "no-cache").expect("valid header"))
        }
        None => Response::from_string("not found").with_status_code(404),
    }
}

/// Maps a request path onto a file inside one of the mounts; never outside them.
fn resolve(mounts: &[(String, PathBuf)], url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix('/')?;
    let (prefix, inner) = rest.split_once('/')?;
    let (_, dir) = mounts.iter().find(|(p, _)| p == prefix)?;
    let inner = if inner.is_empty() || inner.ends_with('/') { format!("{inner}index.html") } else { inner.to_owned() };
    let relative = Path::new(&inner);
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let full = dir.join(relative);
    full.is_file().then_some(full)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_mounts_only() {
        let dir = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        std::fs::write(dir.join("app.wasm"), "x").unwrap();
        let mounts = vec![("site".to_owned(), dir.clone())];
        assert_eq!(resolve(&mounts, "/site/"), Some(dir.join("index.html")));
        assert_eq!(resolve(&mounts, "/site/?q=1#x"), Some(dir.join("index.html")));
        assert_eq!(resolve(&mounts, "/site/app.wasm"), Some(dir.join("app.wasm")));
        assert_eq!(resolve(&mounts, "/site/../site/app.wasm"), None);
        assert_eq!(resolve(&mounts, "/other/app.wasm"), None);
        assert_eq!(resolve(&mounts, "/site/missing.js"), None);
        assert_eq!(content_type(&dir.join("app.wasm")), "application/wasm");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
