// When a search finds nothing, a reader who typed their fear into the box
// should not meet a dead end: under Material's "no results" line we add one
// short line with a link to the guide's home page (its contents) and one to
// the safety page. Material keeps its search box across instant navigation,
// so the line is set up once, when the box exists.
(function () {
  "use strict";

  var config = {};
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (err) {
    // Without Material's config we fall back to its English wording.
  }
  var translations = config.translations || {};
  var NONE = translations["search.result.none"] || "No matching documents";
  // Material's base is relative to the first page loaded; resolve it now,
  // before instant navigation moves to pages at other depths.
  var BASE = new URL((config.base || ".") + "/", window.location.href);

  function link(path, text) {
    var a = document.createElement("a");
    a.href = new URL(path, BASE).href;
    a.textContent = text;
    return a;
  }

  function helpLine() {
    var line = document.createElement("p");
    line.className = "md-search-result__meta tg-search-help";
    line.hidden = true;
    line.append(
      "Try other words, see ",
      link("", "the guide's contents"),
      ", or, if you feel afraid or controlled, ",
      link("safety/", "where to get help"),
      "."
    );
    return line;
  }

  function setUp() {
    var meta = document.querySelector(".md-search-result__meta:not(.tg-search-help):not(.tg-search-status)");
    if (!meta || meta.hasAttribute("data-tg-search-help")) return;
    meta.setAttribute("data-tg-search-help", "");
    var line = helpLine();
    meta.after(line);
    function update() {
      line.hidden = meta.textContent.trim() !== NONE;
    }
    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
    update();
  }

  if (window.trustGuide && typeof window.trustGuide.onPage === "function") {
    window.trustGuide.onPage(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
