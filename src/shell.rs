//! The app's contact with the page around it: the mount point, the ready signal that
//! tests and the loading screen wait for, work put off until a frame is painted, and a
//! panic hook that shows a message instead of leaving a blank page.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The element the app renders into: `#app` when the page has one (its loading
/// message is removed), otherwise the body.
pub fn app_root() -> Element {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_text_content(None);
            root
        }
        None => gloo::utils::body().into(),
    }
}

/// Marks the page ready: `data-ready` on `<html>`, and `window.chronicle` describing
/// what was loaded (`{ articles, format_version }`, built field by field: through
/// serde it cost the wasm a serializer of its own).
pub fn mark_ready() {
    let articles = crate::corpus::corpus().map(|c| c.articles.len()).unwrap_or(0);
    let info = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&info, &JsValue::from_str("articles"), &JsValue::from(articles as f64));
    let _ = js_sys::Reflect::set(&info, &JsValue::from_str("format_version"), &JsValue::from(model::FORMAT_VERSION));
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &JsValue::from_str("chronicle"), &info);
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("data-ready", "true");
    }
}

/// Runs `then` in a task of its own once the next frame is painted: a zero timeout set
/// from a requestAnimationFrame callback, which runs just before that frame (a timeout
/// set now could run before it). In a hidden tab frames wait until it is shown.
///
/// These three take any closure but hand it on boxed, so that wasm-bindgen's glue for a
/// one-shot JavaScript callback is compiled once, not once per caller's closure type.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    let then: Task = Box::new(then);
    let frame: Task = Box::new(move || after_boxed(0, then));
    let frame = Closure::once_into_js(frame);
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}

/// Work for a later task.
type Task = Box<dyn FnOnce()>;

/// Runs `then` in a task of its own once `ms` milliseconds have passed (a timeout).
pub fn after(ms: i32, then: impl FnOnce() + 'static) {
    after_boxed(ms, Box::new(then));
}

fn after_boxed(ms: i32, then: Task) {
    let task = Closure::once_into_js(then);
    let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), ms);
}

/// Runs `then` in a task of its own, queued behind what is already waiting (input
/// included), with no delay: a message to itself, for a chain of zero timeouts is held
/// back to 4 ms a link after the first few.
pub fn next_task(then: impl FnOnce() + 'static) {
    next_task_boxed(Box::new(then));
}

fn next_task_boxed(then: Task) {
    let task = Closure::once_into_js(then);
    match web_sys::MessageChannel::new() {
        Ok(channel) => {
            // A port with a handler and a message queued for it stays alive until the
            // message is handled, with no reference from here.
            channel.port1().set_onmessage(Some(task.unchecked_ref()));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        Err(_) => {
            let _ =
                gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    }
}

/// Replaces Yew's default hook: the panic is still logged, and the page shows it.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        show_failure(&format!(
            "Chronicle stopped because of an internal error. Reload the page to start again. ({info})"
        ));
    }));
}

/// Puts `message` at the top of the page as an alert, as text: what the panic hook
/// shows instead of a blank page.
pub fn show_failure(message: &str) {
    let document = gloo::utils::document();
    let Ok(panel) = document.create_element("div") else { return };
    panel.set_class_name("failure");
    let _ = panel.set_attribute("role", "alert");
    panel.set_text_content(Some(message));
    let _ = gloo::utils::body().prepend_with_node_1(&panel);
}
