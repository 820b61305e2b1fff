// Printing: the running footer of each printed page names the sheet and its
// address (site.css reads --tg-foot in its @page margin boxes), and printed
// answered self-checks carry today's date. Nothing here stores anything.
(function () {
  "use strict";

  // A CSS string token for a custom property: quotes and backslashes escaped.
  function cssString(text) {
    return '"' + String(text).replace(/[\\"]/g, "\\$&").replace(/[\r\n]+/g, " ") + '"';
  }

  function today() {
    try {
      return new Date().toLocaleDateString(document.documentElement.lang || "en", { day: "numeric", month: "long", year: "numeric" });
    } catch (err) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  function setUp(doc) {
    var root = doc.documentElement;
    // Instant navigation keeps <html>: drop the last page's footers first.
    for (var n = 0; n <= 8; n++) root.style.removeProperty(n ? "--tg-foot-" + n : "--tg-foot");
    root.removeAttribute("data-tg-running-footer");
    var first = doc.querySelector("[data-tg-print-footer]");
    if (first) {
      root.style.setProperty("--tg-foot", cssString(first.dataset.tgPrintFooter));
      root.setAttribute("data-tg-running-footer", "");
    }
    doc.querySelectorAll(".tg-ws-booklet__sheet").forEach(function (sheet, i) {
      var form = sheet.querySelector("[data-tg-print-footer]");
      if (!form || i >= 8) return;
      root.style.setProperty("--tg-foot-" + (i + 1), cssString(form.dataset.tgPrintFooter));
      sheet.style.page = "tg-sheet-" + (i + 1);
    });
    stampDate(doc);
  }

  // An answered self-check prints the day it was printed; a blank one keeps
  // a line for the date, to be filled in by hand.
  function stampDate(doc) {
    doc.querySelectorAll("[data-tg-print-date]").forEach(function (el) {
      if (!el.dataset.tgBlank) el.dataset.tgBlank = el.textContent;
      var form = el.closest("form");
      var answered = form && form.querySelector(".tg-checklist__result[data-score]");
      el.textContent = answered ? "Printed on " + today() : el.dataset.tgBlank;
    });
  }

  window.addEventListener("beforeprint", function () { stampDate(document); });
  // After the self-check's own change handler has drawn the result.
  document.addEventListener("change", function () { stampDate(document); });
  window.trustGuide.onPage(setUp);
})();
