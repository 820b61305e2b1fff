// tg:on-demand: bundled only on pages holding a component this file registers (finishing/bundle.py).
// The weekly trust log's summary line: on which days the reader wrote a small
// step, and which strategies they named, read from the log table as they type.
// It only reads the form; worksheets.js keeps the answers.
(function () {
  "use strict";
  var LONGEST = 40;   // a strategy name longer than this is cut, so the line stays one line

  function clip(text) {
    return text.length > LONGEST ? text.slice(0, LONGEST - 1).trim() + "\u2026" : text;
  }

  function listWords(items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  // Rows are days; the first column is the step, the second its strategy.
  function week(table) {
    var days = [], strategies = [], seen = {};
    var rows = table.querySelectorAll("tbody tr");
    rows.forEach(function (row) {
      var boxes = row.querySelectorAll("textarea");
      var step = boxes[0] ? boxes[0].value.trim() : "";
      var strategy = boxes[1] ? boxes[1].value.trim().replace(/\s+/g, " ") : "";
      if (!step) return;
      var name = row.querySelector("th[scope=row]");
      days.push(name ? name.textContent.trim() : String(days.length + 1));
      if (strategy && !seen[strategy.toLowerCase()]) {
        seen[strategy.toLowerCase()] = true;
        strategies.push(clip(strategy));
      }
    });
    return { days: days, total: rows.length, strategies: strategies };
  }

  function sentence(w) {
    var text = w.days.length === w.total ? "A small step on all " + w.total + " days." :
      "A small step on " + w.days.length + " of " + w.total + " days (" + listWords(w.days) + ").";
    if (w.strategies.length) text += " Strategies: " + listWords(w.strategies) + ".";
    return text;
  }

  function setUp(form) {
    var table = form.querySelector("table[data-tg-table='log']");
    if (!table) return;
    var line = document.createElement("p");
    line.className = "tg-ws__summary";
    line.setAttribute("data-tg-summary", "");
    line.hidden = true;
    // At the top of the next section (the weekly review), where the reader
    // looks back on the week; and there is room on paper there, while the
    // log's page is full.
    var section = table.closest(".tg-ws__section");
    var next = section && section.nextElementSibling;
    if (next && next.matches(".tg-ws__section")) {
      var legend = next.querySelector("legend");
      next.insertBefore(line, legend ? legend.nextSibling : next.firstChild);
    } else {
      (table.closest(".tg-ws__field") || table).appendChild(line);
    }

    function update() {
      var w = week(table);
      line.hidden = w.days.length === 0;
      line.textContent = "";
      if (line.hidden) return;
      line.appendChild(document.createElement("strong")).textContent = "Your week: ";
      line.appendChild(document.createTextNode(sentence(w)));
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    // "Clear my answers" empties the fields without an input event.
    form.addEventListener("click", function () { setTimeout(update, 0); });
    window.addEventListener("beforeprint", function () { if (form.isConnected) update(); });
    update();
    // Saved answers may be put back just after this runs.
    setTimeout(update, 0);
  }

  window.trustGuide.component("trust-log-summary", setUp);
})();
