// tg:on-demand: bundled only on pages holding a component this file registers (finishing/bundle.py).
// "Your progress": each self-check's kept results (trust-guide:history:<id>:v1,
// oldest first) as a small line chart, the same numbers in a table, and for
// the overall self-assessment one line per strategy. The page only reads;
// it writes nothing except when the reader deletes a result or a history.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  // Keys, reading and the saving choice belong to the storage module (storage.js).
  var storage = window.trustGuide.storage;

  // Only entries that make sense are shown; anything else is skipped, not fixed.
  function entries(id) {
    var list = storage.read(storage.keys.history(id));
    if (!Array.isArray(list)) return [];
    return list.filter(function (e) {
      return e && typeof e === "object" && typeof e.date === "string" && !isNaN(Date.parse(e.date)) &&
        isFinite(e.score) && isFinite(e.max) && +e.max > 0;
    });
  }

  // Deleting is the one write: the rest of the list, or the key removed. It
  // shrinks what is kept, so it is allowed even when saving is switched off.
  function store(id, list) {
    var key = storage.keys.history(id);
    if (!list.length) return storage.remove(key);
    return storage.allowed() ? storage.write(key, list) : storage.shrink(key, list);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function svg(tag, attrs, cls) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (cls) node.setAttribute("class", cls);
    return node;
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function scoreText(score, max) { return score + " of " + max; }

  function change(from, to) {
    var d = to - from;
    if (d > 0) return "up " + d;
    if (d < 0) return "down " + (-d);
    return "no change";
  }

  // A line chart: x by order (evenly spaced), y from 0 to max. Each point has
  // a title with its date and score; the table below holds the same numbers.
  function chart(list, opts) {
    var w = opts.width, h = opts.height, pad = opts.pad;
    var left = pad[3], top = pad[0], pw = w - pad[1] - pad[3], ph = h - pad[0] - pad[2];
    var root = svg("svg", { viewBox: "0 0 " + w + " " + h, width: w, height: h, focusable: "false" }, opts.cls);
    function x(i) { return left + (list.length === 1 ? pw / 2 : i * pw / (list.length - 1)); }
    function y(score, max) { return top + ph * (1 - Math.max(0, Math.min(score, max)) / max); }
    if (opts.frame) {
      root.appendChild(svg("rect", { x: left, y: top, width: pw, height: ph }, "tg-progress__frame"));
    }
    if (opts.axes) {
      [0, 1].forEach(function (f) {
        var yy = top + ph * f;
        root.appendChild(svg("line", { x1: left, x2: left + pw, y1: yy, y2: yy }, "tg-progress__grid"));
        var label = svg("text", { x: left - 6, y: yy + 4, "text-anchor": "end" }, "tg-progress__axis");
        label.textContent = f ? "0" : String(opts.max);
        root.appendChild(label);
      });
      var first = svg("text", { x: x(0), y: h - 4, "text-anchor": list.length === 1 ? "middle" : "start" }, "tg-progress__axis");
      first.textContent = opts.short(list[0].date);
      root.appendChild(first);
      if (list.length > 1) {
        var last = svg("text", { x: x(list.length - 1), y: h - 4, "text-anchor": "end" }, "tg-progress__axis");
        last.textContent = opts.short(list[list.length - 1].date);
        root.appendChild(last);
      }
    }
    var d = list.map(function (e, i) {
      return (i ? "L" : "M") + x(i).toFixed(1) + " " + y(e.score, opts.max).toFixed(1);
    }).join(" ");
    root.appendChild(svg("path", { d: d, fill: "none" }, "tg-progress__line"));
    list.forEach(function (e, i) {
      var dot = svg("circle", { cx: x(i).toFixed(1), cy: y(e.score, opts.max).toFixed(1), r: opts.r }, "tg-progress__point");
      dot.setAttribute("data-score", e.score);
      dot.setAttribute("data-date", e.date);
      var title = svg("title");
      title.textContent = day(e.date) + ": " + scoreText(e.score, opts.max) + (e.band ? ", " + e.band : "");
      dot.appendChild(title);
      root.appendChild(dot);
    });
    return root;
  }

  function shortDay(iso) {
    return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short" });
  }

  function tableDay(iso) {
    return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
  }

  function render(section, announce) {
    var id = section.dataset.tgHistory;
    var title = section.dataset.title;
    var view = section.querySelector(".tg-progress__view");
    var empty = section.querySelector(".tg-progress__empty");
    var strategies = Array.prototype.map.call(section.querySelectorAll("[data-strategy-id]"), function (li) {
      return { id: li.dataset.strategyId, number: li.dataset.number, title: li.dataset.title, max: +li.dataset.max };
    });
    var list = entries(id).slice().sort(function (a, b) { return Date.parse(a.date) - Date.parse(b.date); });
    view.textContent = "";
    section.classList.toggle("tg-progress__check--empty", !list.length);
    empty.hidden = list.length > 0;
    view.hidden = !list.length;
    if (!list.length) return;
    var max = +section.dataset.max;
    var latest = list[list.length - 1];

    var summary = el("p", "tg-progress__latest");
    summary.appendChild(el("strong", "", "Latest: " + scoreText(latest.score, max) + (latest.band ? ", " + latest.band : "")));
    summary.appendChild(document.createTextNode(", " + day(latest.date) + "."));
    if (list.length > 1) {
      var first = list[0];
      summary.appendChild(document.createTextNode(" That is " + change(first.score, latest.score) + " since your first result on " +
        day(first.date) + " (" + scoreText(first.score, max) + ")."));
    }
    view.appendChild(summary);

    var figure = el("figure", "tg-progress__figure");
    var picture = chart(list, { width: 320, height: 150, pad: [12, 14, 22, 30], max: max, r: 5, axes: true,
      short: shortDay, cls: "tg-progress__chart" });
    picture.setAttribute("role", "img");
    picture.setAttribute("aria-label", "Line chart of your " + list.length + " results. The table below gives the same numbers.");
    figure.appendChild(picture);
    view.appendChild(figure);

    if (strategies.length) {
      view.appendChild(el("h3", "tg-progress__subtitle", "By strategy"));
      var lines = el("ul", "tg-progress__strategies");
      strategies.forEach(function (s) {
        var points = list.filter(function (e) { return e.strategies && e.strategies[s.id] && isFinite(e.strategies[s.id].score); })
          .map(function (e) { return { date: e.date, score: +e.strategies[s.id].score }; });
        var li = el("li", "tg-progress__strategy");
        li.dataset.strategy = s.id;
        var text = el("span", "tg-progress__strategy-text");
        text.appendChild(el("span", "tg-progress__strategy-name", s.number + ". " + s.title));
        var now = points.length ? points[points.length - 1] : null;
        var words = now ? scoreText(now.score, s.max) : "no score kept";
        if (points.length > 1) words = scoreText(points[0].score, s.max) + " then " + words + " (" + change(points[0].score, now.score) + ")";
        text.appendChild(el("span", "tg-progress__strategy-score", words));
        li.appendChild(text);
        if (points.length) {
          var spark = chart(points, { width: 120, height: 40, pad: [5, 5, 5, 5], max: s.max, r: 3, axes: false, frame: true,
            cls: "tg-progress__spark" });
          spark.setAttribute("aria-hidden", "true");
          li.appendChild(spark);
        }
        lines.appendChild(li);
      });
      view.appendChild(lines);
    }

    var wrap = el("div", "tg-progress__tablewrap");
    var table = el("table", "tg-progress__table");
    table.appendChild(el("caption", "", "Your results for " + title + ", oldest first"));
    var head = el("tr");
    ["Date", "Score", "Band"].concat(strategies.length ? ["By strategy"] : []).forEach(function (h) {
      var th = el("th", "", h);
      th.scope = "col";
      head.appendChild(th);
    });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    list.forEach(function (e) {
      var tr = el("tr");
      tr.dataset.date = e.date;
      // The delete button sits under the date: a column of its own did not fit a phone.
      var th = el("th");
      th.scope = "row";
      th.appendChild(el("span", "tg-progress__date", tableDay(e.date)));
      tr.appendChild(th);
      tr.appendChild(el("td", "", scoreText(e.score, max)));
      tr.appendChild(el("td", "", e.band || ""));
      if (strategies.length) {
        var cell = el("td");
        var ul = el("ul", "tg-progress__cell-list");
        strategies.forEach(function (s) {
          var part = e.strategies && e.strategies[s.id];
          if (part && isFinite(part.score)) ul.appendChild(el("li", "", s.number + ": " + scoreText(part.score, s.max)));
        });
        cell.appendChild(ul);
        tr.appendChild(cell);
      }
      var button = el("button", "md-button tg-progress__delete tg-no-print", "Delete");
      button.type = "button";
      button.setAttribute("aria-label", "Delete the result from " + day(e.date));
      button.addEventListener("click", function () {
        if (!window.confirm("Delete your result from " + day(e.date) + "? This can't be undone.")) return;
        // Read again: another tab may have added a result since this page opened.
        var now = entries(id);
        var at = -1;
        now.forEach(function (x, i) { if (at < 0 && x.date === e.date && +x.score === +e.score) at = i; });
        if (at >= 0) now.splice(at, 1);
        var ok = store(id, now);
        render(section);
        announce(ok ? "The result from " + day(e.date) + " is deleted." : "That result could not be deleted in this browser.");
        section.querySelector(".tg-progress__title").focus();
      });
      th.appendChild(button);
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    view.appendChild(wrap);

    var all = el("button", "md-button tg-progress__delete-all tg-no-print", "Delete all results of this check");
    all.type = "button";
    all.addEventListener("click", function () {
      var n = entries(id).length;
      if (!window.confirm("Delete all " + n + " kept results of \u201c" + title + "\u201d? This can't be undone.")) return;
      var ok = store(id, []);
      render(section);
      announce(ok ? "All results of this check are deleted." : "The results could not be deleted in this browser.");
      section.querySelector(".tg-progress__title").focus();
    });
    view.appendChild(el("p", "tg-progress__actions tg-no-print")).appendChild(all);
  }

  function setUp(root) {
    var status = root.querySelector(".tg-progress__status");
    function markEmpty() {
      var kept = root.querySelectorAll(".tg-progress__check:not(.tg-progress__check--empty)").length;
      root.classList.toggle("tg-progress--empty", kept === 0);
    }
    function announce(text) { status.textContent = text; markEmpty(); }
    root.querySelectorAll("[data-tg-history]").forEach(function (section) { render(section, announce); });
    markEmpty();
    // Saying when nothing can be kept matters most when nothing is shown.
    root.querySelector("[data-tg-progress-saving]").hidden = storage.choice() === storage.KEEP;
  }

  window.trustGuide.component("progress", setUp);

  // Back/forward cache: another tab may have changed the history meanwhile.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("[data-tg-component~='progress'][data-tg-ready]").forEach(setUp);
  });
})();
