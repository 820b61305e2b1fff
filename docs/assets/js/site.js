// Site-wide helpers. Material's instant navigation runs extra_javascript only
// on the first load, so every feature sets its page up through onPage, which
// subscribes to Material's document$ (it fires on every page view).
(function () {
  "use strict";

  function safely(fn) {
    return function () {
      try {
        fn(document);
      } catch (err) {
        // One feature failing must never break the page for the reader.
        console.warn("trust-guide:", err);
      }
    };
  }

  // Merged, not replaced: other scripts add their parts (storage.js: .storage).
  window.trustGuide = window.trustGuide || {};
  // Run fn(document) on every page view, the first one included.
  window.trustGuide.onPage = function (fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(safely(fn));
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", safely(fn));
    } else {
      safely(fn)();
    }
  };

  // This script's own address, read while it runs: on-demand files sit beside it.
  var scriptUrl = document.currentScript ? document.currentScript.src : "";
  var registered = {};
  var requested = {};

  // The names a root carries: data-tg-component="worksheet transfer" is set
  // up by both the "worksheet" and the "transfer" scripts.
  function names(root) {
    return (root.getAttribute("data-tg-component") || "").split(/\s+/).filter(Boolean);
  }

  // One shape for every component: its root carries data-tg-component, its
  // script registers setup(root), which runs once per root after every page
  // view. data-tg-ready="" appears when all of the root's scripts have run,
  // so tests and other scripts can wait for one flag.
  window.trustGuide.component = function (name, setup) {
    registered[name] = true;
    window.trustGuide.onPage(function (doc) {
      doc.querySelectorAll('[data-tg-component~="' + name + '"]').forEach(function (root) {
        var done = root.tgComponents || (root.tgComponents = {});
        if (done[name]) return;
        done[name] = true;
        try {
          setup(root);
        } catch (err) {
          // A broken component must not stop the others on the page.
          console.warn("trust-guide: " + name + ":", err);
          return;
        }
        if (names(root).every(function (n) { return done[n]; })) root.setAttribute("data-tg-ready", "");
      });
    });
  };

  // A page that instant navigation brings in may hold a component whose
  // script the first page's bundle left out (// tg:on-demand files):
  // trustGuide.chunks, written by finishing/bundle.py, names the file that
  // serves it. A file that fails to load is asked for again on the next page view.
  function loadMissing(doc) {
    var chunks = window.trustGuide.chunks;
    if (!chunks || !scriptUrl) return;
    doc.querySelectorAll("[data-tg-component]").forEach(function (root) {
      names(root).forEach(function (name) {
        var file = chunks[name];
        if (!file || registered[name] || requested[file]) return;
        requested[file] = true;
        var script = document.createElement("script");
        script.src = new URL(file, scriptUrl).href;
        script.onerror = function () {
          delete requested[file];
          script.remove();
        };
        document.head.appendChild(script);
      });
    });
  }
  window.trustGuide.onPage(loadMissing);
})();
