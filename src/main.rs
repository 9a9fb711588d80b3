//! Entry point of the wasm binary: mounts the Chronicle app into the page.

fn main() {
    chronicle::start();
}
