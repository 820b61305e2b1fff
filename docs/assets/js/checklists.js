// tg:on-demand: bundled only on pages holding a component this file registers (finishing/bundle.py).
// Self-checks: score as the reader answers; once they choose to keep answers
// on this device, save each answer and each completed attempt's result
// through trustGuide.storage (storage.js).
// Values and bands come from the page's data-* attributes (one source of truth: data/checklists).
(function () {
  "use strict";

  var store = window.trustGuide.storage;
  // Inside the saved answers: the date of this attempt's history entry.
  // Item ids are lower-case words, so this name cannot clash with one.
  var ATTEMPT = "_attempt";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  function isHistory(v) { return Array.isArray(v); }

  // "3 October", with the year when it is not this year.
  function shortDate(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return "";
    var opts = { day: "numeric", month: "long" };
    if (d.getFullYear() !== new Date().getFullYear()) opts.year = "numeric";
    return d.toLocaleDateString("en-GB", opts);
  }

  function setup(form) {
    var id = form.dataset.checklist;
    var key = store.keys.checklist(id);
    var historyKey = store.keys.history(id);
    var root = form.parentNode;
    var result = form.querySelector(".tg-checklist__result");
    // The template writes the status line, so filling it in moves nothing.
    var noticeBox = form.querySelector(".tg-checklist__status");
    var notes = [];
    var offered = null;
    var attempt = null; // date of this attempt's history entry, once complete

    function say() {
      store.showStatus(noticeBox, notes.concat([store.statusWords()]).join(" "));
      noticeBox.classList.toggle("tg-checklist__notice--warn", !store.available() || store.isFull() || notes.length > 0);
    }

    var bands = Array.prototype.map.call(root.querySelectorAll(".tg-checklist__band"), function (b) {
      return { min: +b.dataset.min, max: +b.dataset.max, label: b.dataset.label, message: b.dataset.message,
               href: b.dataset.nextHref, next: b.dataset.nextLabel };
    });
    var strategies = Array.prototype.map.call(root.querySelectorAll("[data-strategy-id]"), function (s) {
      return { id: s.dataset.strategyId, title: s.dataset.title, href: s.dataset.href };
    });
    var items = Array.prototype.slice.call(form.querySelectorAll(".tg-checklist__item"));
    var top = 0;
    form.querySelectorAll("input[type=radio]").forEach(function (r) { top = Math.max(top, +r.value); });

    function apply(answers, skipItem) {
      items.forEach(function (item) {
        if (item.dataset.item === skipItem) return;
        var value = answers[item.dataset.item];
        item.querySelectorAll("input").forEach(function (input) { input.checked = String(value) === input.value; });
      });
    }

    function loadSaved(skipItem) {
      var got = store.load(key, isObject);
      if (got.problem === "corrupt") notes = [store.words.corrupt];
      if (got.value) {
        apply(got.value, skipItem);
        attempt = typeof got.value[ATTEMPT] === "string" ? got.value[ATTEMPT] : null;
      }
    }

    function collect() {
      var out = {};
      items.forEach(function (item) {
        var checked = item.querySelector("input:checked");
        if (checked) out[item.dataset.item] = +checked.value;
      });
      return out;
    }

    function scoreOf(a) {
      var total = 0;
      items.forEach(function (item) { total += a[item.dataset.item] || 0; });
      var band = bands.filter(function (b) { return b.min <= total && total <= b.max; })[0];
      var parts = strategies.map(function (s) {
        var score = 0, most = 0;
        items.forEach(function (item) {
          if (item.dataset.strategy === s.id) { score += a[item.dataset.item] || 0; most += top; }
        });
        return { s: s, score: score, most: most, pct: most ? 100 * score / most : 0 };
      });
      return { total: total, answered: Object.keys(a).length, band: band, parts: parts };
    }

    // The latest history entry from before this attempt, if any.
    function lastTime() {
      var history = store.load(historyKey, isHistory).value || [];
      for (var i = history.length - 1; i >= 0; i--) {
        if (isObject(history[i]) && history[i].date !== attempt) return history[i];
      }
      return null;
    }

    // A fully answered check adds one entry per attempt to the history;
    // changes within the same attempt update that entry.
    function record() {
      if (!store.allowed()) return;
      var a = collect();
      if (Object.keys(a).length !== items.length) return;
      var r = scoreOf(a);
      var entry = { date: new Date().toISOString(), score: r.total, max: +form.dataset.max,
                    band: r.band ? r.band.label : "", strategies: {} };
      r.parts.forEach(function (p) { entry.strategies[p.s.id] = { score: p.score, max: p.most }; });
      var history = store.load(historyKey, isHistory).value || [];
      var last = history[history.length - 1];
      if (attempt && last && last.date === attempt) history[history.length - 1] = entry;
      else history.push(entry);
      if (store.write(historyKey, history)) {
        attempt = entry.date;
        store.update(key, function (current) { current[ATTEMPT] = attempt; });
      }
    }

    function show() {
      var a = collect();
      result.textContent = "";
      var r = scoreOf(a);
      if (!r.answered) { result.appendChild(el("p", "", "Your score appears here as you answer.")); return; }
      var head = el("p", "tg-checklist__score");
      head.appendChild(el("strong", "", "Your score: " + r.total + " of " + form.dataset.max));
      head.appendChild(document.createTextNode(" (" + r.answered + " of " + items.length + " answered)"));
      result.appendChild(head);
      var before = lastTime();
      if (before) {
        result.appendChild(el("p", "tg-checklist__last",
          "Last time: " + before.score + " of " + before.max + (before.band ? ", " + before.band : "") +
          (shortDate(before.date) ? ", " + shortDate(before.date) : "")));
      }
      if (r.band) {
        result.appendChild(el("p", "tg-checklist__band-label", r.band.label));
        result.appendChild(el("p", "", r.band.message));
        if (r.band.href) {
          var link = el("a", "tg-checklist__next", r.band.next);
          link.href = r.band.href;
          result.appendChild(el("p")).appendChild(link);
        }
        result.dataset.band = r.band.label;
      }
      result.dataset.score = r.total;
      if (r.parts.length) {
        var best = null;
        var list = el("ul", "tg-checklist__bars");
        r.parts.forEach(function (p) {
          if (best === null || p.pct < best.pct) best = p;
          var li = el("li", "", p.s.title + ": " + p.score + " of " + p.most);
          var bar = el("span", "tg-checklist__bar");
          var fill = el("span", "tg-checklist__bar-fill");
          fill.style.width = p.pct + "%";
          bar.appendChild(fill);
          li.appendChild(bar);
          list.appendChild(li);
        });
        result.appendChild(list);
        var rec = el("p", "tg-checklist__recommend", "Start with: ");
        var recLink = el("a", "", best.s.title);
        recLink.href = best.s.href;
        rec.appendChild(recLink);
        result.appendChild(rec);
        result.dataset.recommended = best.s.id;
      }
    }

    function saveItem(item) {
      var checked = item.querySelector("input:checked");
      store.update(key, function (current) {
        if (checked) current[item.dataset.item] = +checked.value;
        else delete current[item.dataset.item];
      });
    }

    // On "keep", save what the reader already answered.
    function saveAnswered() {
      var a = collect();
      store.update(key, function (current) {
        Object.keys(a).forEach(function (k) { current[k] = a[k]; });
      });
    }

    form.addEventListener("change", function (event) {
      var item = event.target.closest && event.target.closest(".tg-checklist__item");
      if (store.choice() === null && store.available()) {
        if (!offered && item) {
          offered = store.offerChoice(item.querySelector("fieldset"), event.target, function () { offered = null; });
        }
      } else if (store.allowed()) {
        if (item) saveItem(item);
        else saveAnswered();
        record();
      }
      say();
      show();
    });

    var stopChoice = store.onChoice(function (now) {
      if (!form.isConnected) { stopChoice(); return; }
      if (now !== null && offered) { offered.remove(); offered = null; }
      if (now === store.KEEP) { saveAnswered(); record(); }
      say();
      show();
    });

    // Another tab answered: show its answers, keep the reader's focus here.
    var stopWatch = store.watch(key, function () {
      if (!form.isConnected) { stopWatch(); return; }
      var active = document.activeElement && form.contains(document.activeElement) ? document.activeElement.closest(".tg-checklist__item") : null;
      var got = store.load(key);
      if (isObject(got.value)) {
        apply(got.value, active ? active.dataset.item : null);
        attempt = typeof got.value[ATTEMPT] === "string" ? got.value[ATTEMPT] : attempt;
        notes = [store.words.elsewhere];
        say();
        show();
      }
    });

    // Back/forward cache: read the answers again before anything is saved.
    form.tgRefresh = function () {
      if (store.choice() === store.KEEP) loadSaved(null);
      say();
      show();
    };

    var reset = el("button", "md-button tg-checklist__reset tg-no-print", "Start over");
    reset.type = "button";
    reset.addEventListener("click", function () {
      if (!window.confirm("Clear all your answers to this check? Your past results stay.")) return;
      form.querySelectorAll("input:checked").forEach(function (r) { r.checked = false; });
      store.remove(key); // a new attempt; the history is kept
      attempt = null;
      show();
    });
    form.appendChild(reset);
    loadSaved(null);
    say();
    show();
  }

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form.tg-checklist[data-tg-ready]").forEach(function (form) {
      if (form.tgRefresh) form.tgRefresh();
    });
  });

  window.trustGuide.component("checklist", setup);
})();
