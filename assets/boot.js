// Chronicle's boot guard: if the app fails before it has rendered (the wasm did not
// load, the browser lacks WebAssembly), replace the loading message with a clear one
// instead of leaving it spinning or blank. The app marks <html data-ready> when up.
(function () {
  "use strict";
  // The page holds the opening timeline (static rows the build wrote in, painted before
  // the app has loaded). A link naming another view shows the loading message instead
  // of rows the app would at once replace (the stylesheet reads this class).
  if (location.hash.length > 1) document.documentElement.classList.add("linked");
  function fail(reason) {
    if (document.documentElement.hasAttribute("data-ready")) return;
    var root = document.getElementById("app") || document.body;
    var box = document.createElement("div");
    box.className = "failure";
    box.setAttribute("role", "alert");
    var title = document.createElement("h1");
    title.textContent = "Chronicle could not start";
    var text = document.createElement("p");
    text.textContent = "The page loaded, but the app did not: " + reason +
      ". Reload to try again; if it keeps failing, your browser may not support WebAssembly.";
    box.appendChild(title);
    box.appendChild(text);
    root.replaceChildren(box);
  }
  if (typeof WebAssembly !== "object") {
    document.addEventListener("DOMContentLoaded", function () { fail("WebAssembly is not available"); });
    return;
  }
  // A failed module import or wasm instantiation surfaces as one of these two.
  window.addEventListener("error", function (event) {
    fail(event.message || "a script failed to load");
  });
  // Offline after the first visit: the service worker next to this page keeps the shell.
  if ("serviceWorker" in navigator && (location.protocol === "https:" || location.hostname === "127.0.0.1" || location.hostname === "localhost")) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("./sw.js").then(saveForOffline).catch(function (err) {
        console.info("Chronicle works online only here: " + err);
      });
    });
  }
  // A split corpus keeps its article bodies in files beside the page, fetched as views
  // need them. Once the app is up, the worker saves them all for offline; a small
  // status line says how far it got ("Saving for offline: 40%"), then that it is done.
  function saveForOffline() {
    var worker = navigator.serviceWorker;
    worker.addEventListener("message", function (event) {
      var m = event.data;
      if (!m || m.type !== "saving" || !m.total) return;
      var line = document.getElementById("offline-status");
      if (!line) {
        line = document.createElement("p");
        line.id = "offline-status";
        line.className = "offline-status";
        line.setAttribute("role", "status");
        document.body.appendChild(line);
      }
      if (!m.done) {
        line.textContent = "Saving for offline: " + Math.floor(100 * m.saved / m.total) + "%";
      } else if (m.failed) {
        line.textContent = "Saved " + m.saved + " of " + m.total + " files for offline; reload to try the rest";
        line.classList.add("failed");
      } else {
        line.textContent = "Saved for offline";
        line.classList.add("done");
        // Said, then out of the way.
        setTimeout(function () { line.hidden = true; }, 5000);
      }
    });
    // Messages from the worker wait until the page says it listens.
    worker.startMessages();
    function start() {
      navigator.serviceWorker.ready.then(function (registration) {
        if (registration.active) registration.active.postMessage({ type: "save" });
      });
    }
    var root = document.documentElement;
    if (root.hasAttribute("data-ready")) return start();
    new MutationObserver(function (changes, observer) {
      if (!root.hasAttribute("data-ready")) return;
      observer.disconnect();
      start();
    }).observe(root, { attributes: true, attributeFilter: ["data-ready"] });
  }
  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason && event.reason.message ? event.reason.message : String(event.reason);
    fail(reason);
  });
})();
