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
})();
