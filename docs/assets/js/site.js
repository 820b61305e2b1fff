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
})();
