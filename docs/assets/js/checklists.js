// Self-checks: score as the reader answers, remember answers on this device.
// Values and bands come from the page's data-* attributes (one source of truth: data/checklists).
(function () {
  "use strict";
  var PREFIX = "trust-guide:checklist:v1:";

  function readSaved(key, notice) {
    var text;
    try { text = window.localStorage.getItem(key); } catch (e) { notice("Your answers can't be saved in this browser. They will be lost when you leave."); return {}; }
    if (text === null) return {};
    try {
      var data = JSON.parse(text);
      if (data && typeof data === "object" && !Array.isArray(data)) return data;
    } catch (e) { /* fall through */ }
    try { window.localStorage.setItem(key + ":corrupt", text); window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
    notice("Saved answers could not be read, so this check starts fresh.");
    return {};
  }

  function save(key, answers, notice) {
    try { window.localStorage.setItem(key, JSON.stringify(answers)); }
    catch (e) { notice("Your answers can't be saved in this browser. They will be lost when you leave."); }
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var id = form.dataset.checklist;
    var key = PREFIX + id;
    var root = form.parentNode;
    var result = form.querySelector(".tg-checklist__result");
    var noticeBox = el("p", "tg-checklist__notice");
    noticeBox.hidden = true;
    form.insertBefore(noticeBox, form.firstChild);
    function notice(text) { noticeBox.textContent = text; noticeBox.hidden = false; }

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

    var answers = readSaved(key, notice);
    items.forEach(function (item) {
      var value = answers[item.dataset.item];
      var input = item.querySelector('input[value="' + String(value).replace(/"/g, "") + '"]');
      if (input) input.checked = true;
    });

    function collect() {
      var out = {};
      items.forEach(function (item) {
        var checked = item.querySelector("input:checked");
        if (checked) out[item.dataset.item] = +checked.value;
      });
      return out;
    }

    function show() {
      var a = collect();
      var answered = Object.keys(a).length;
      result.textContent = "";
      if (!answered) { result.appendChild(el("p", "", "Your score appears here as you answer.")); return; }
      var total = 0;
      items.forEach(function (item) { total += a[item.dataset.item] || 0; });
      var band = bands.filter(function (b) { return b.min <= total && total <= b.max; })[0];
      var head = el("p", "tg-checklist__score");
      head.appendChild(el("strong", "", "Your score: " + total + " of " + form.dataset.max));
      head.appendChild(document.createTextNode(" (" + answered + " of " + items.length + " answered)"));
      result.appendChild(head);
      if (band) {
        result.appendChild(el("p", "tg-checklist__band-label", band.label));
        result.appendChild(el("p", "", band.message));
        if (band.href) {
          var link = el("a", "tg-checklist__next", band.next);
          link.href = band.href;
          result.appendChild(el("p")).appendChild(link);
        }
        result.dataset.band = band.label;
      }
      result.dataset.score = total;
      if (strategies.length) {
        var best = null;
        var list = el("ul", "tg-checklist__bars");
        strategies.forEach(function (s) {
          var score = 0, most = 0;
          items.forEach(function (item) {
            if (item.dataset.strategy === s.id) { score += a[item.dataset.item] || 0; most += top; }
          });
          var pct = most ? 100 * score / most : 0;
          if (best === null || pct < best.pct) best = { s: s, pct: pct };
          var li = el("li", "", s.title + ": " + score + " of " + most);
          var bar = el("span", "tg-checklist__bar");
          var fill = el("span", "tg-checklist__bar-fill");
          fill.style.width = pct + "%";
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

    form.addEventListener("change", function () { save(key, collect(), notice); show(); });

    var reset = el("button", "md-button tg-checklist__reset tg-no-print", "Start over");
    reset.type = "button";
    reset.addEventListener("click", function () {
      if (!window.confirm("Clear all your answers to this check?")) return;
      form.querySelectorAll("input:checked").forEach(function (r) { r.checked = false; });
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing saved */ }
      show();
    });
    form.appendChild(reset);
    show();
  }

  window.trustGuide.onPage(function (doc) {
    doc.querySelectorAll("form.tg-checklist").forEach(setup);
  });
})();
