//! A small static HTTP server on 127.0.0.1 for the end-to-end tests and the bench:
//! serves built sites under sub-paths (as a static host would), with the right content
//! types, each request on its own thread and each file streamed from disk (a 320 MB
//! wasm must not hold up the page's other requests, nor be read whole into memory).

use std::fs::File;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Method, Response, ResponseBox, Server};

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
            let mounts = Arc::new(mounts);
            for request in worker.incoming_requests() {
                let mounts = Arc::clone(&mounts);
                std::thread::spawn(move || {
                    let response = respond(&mounts, request.method(), request.url());
                    let _ = request.respond(response);
                });
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

fn respond(mounts: &[(String, PathBuf)], method: &Method, url: &str) -> ResponseBox {
    if !matches!(method, Method::Get | Method::Head) {
        return Response::from_string("method not allowed").with_status_code(405).boxed();
    }
    match resolve(mounts, url).and_then(|p| File::open(&p).ok().map(|f| (p, f))) {
        Some((path, file)) => Response::from_file(file)
            .with_header(Header::from_bytes("Content-Type", content_type(&path)).expect("valid header"))
            .with_header(Header::from_bytes("Cache-Control", "no-cache").expect("valid header"))
            .boxed(),
        None => Response::from_string("not found").with_status_code(404).boxed(),
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
        "tsv" => "text/tab-separated-values; charset=utf-8",
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

    #[test]
    fn a_slow_download_does_not_hold_up_other_requests() {
        use std::io::{Read as _, Write as _};
        let dir = std::env::temp_dir().join(format!("xtask-server-slow-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Far more than the socket buffers hold, so its response waits on a reader that never reads.
        std::fs::write(dir.join("big.wasm"), vec![7u8; 64 << 20]).unwrap();
        std::fs::write(dir.join("small.txt"), "small file").unwrap();
        let server = StaticServer::start(vec![("site".to_owned(), dir.clone())]).unwrap();
        let address = ("127.0.0.1", server.port);
        let mut stalled = std::net::TcpStream::connect(address).unwrap();
        stalled.write_all(b"GET /site/big.wasm HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        let mut other = std::net::TcpStream::connect(address).unwrap();
        other.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
        other.write_all(b"GET /site/small.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        let mut reply = String::new();
        other.read_to_string(&mut reply).expect("the second request is answered while the first is stalled");
        assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
        assert!(reply.ends_with("small file"), "{reply}");
        drop(stalled);
        drop(server);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
