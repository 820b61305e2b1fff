// tg:on-demand: bundled only on pages holding a component this file registers (finishing/bundle.py).
// Worksheets: fill in on screen, print in place of blank lines. Answers are
// kept on this device only once the reader chooses it, field by field, through
// trustGuide.storage (storage.js). Download and load-from-file: transfer.js.
(function () {
  "use strict";

  var store = window.trustGuide.storage;
  var TEXT = "textarea, input[type=text]";

  function storageKey(form) {
    return store.keys.worksheet(form.dataset.tgWorksheet, form.dataset.tgVersion);
  }

  // The names of the form's answers (a checkbox group or rating is one name).
  function names(form) {
    var seen = {};
    form.querySelectorAll("textarea[name], input[name]").forEach(function (el) { seen[el.name] = true; });
    return Object.keys(seen);
  }

  function controls(form, name) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
  }

  // One answer's value: text, a list of ticked options, or the chosen point;
  // undefined when empty.
  function valueOf(form, name) {
    var els = controls(form, name);
    if (!els.length) return undefined;
    var type = els[0].type;
    if (type === "checkbox") {
      var ticked = els.filter(function (el) { return el.checked; }).map(function (el) { return el.value; });
      return ticked.length ? ticked : undefined;
    }
    if (type === "radio") {
      var chosen = els.filter(function (el) { return el.checked; })[0];
      return chosen ? chosen.value : undefined;
    }
    return els[0].value ? els[0].value : undefined;
  }

  function setValue(form, name, v) {
    controls(form, name).forEach(function (el) {
      if (el.type === "checkbox") el.checked = Array.isArray(v) && v.indexOf(el.value) !== -1;
      else if (el.type === "radio") el.checked = v === el.value;
      else el.value = typeof v === "string" ? v : "";
    });
  }

  // Copy typed text into the print-only twins so paper shows the answers.
  function mirror(form) {
    form.querySelectorAll(TEXT).forEach(function (el) {
      var twin = el.parentNode.querySelector(".tg-ws__answer");
      if (twin) twin.textContent = el.value;
      el.closest(".tg-ws__field, td").classList.toggle("tg-ws--filled", el.value.trim() !== "");
    });
  }

  // A saved name under an older scheme, moved to today's. Names are "<field>"
  // or "<field>.<row>.<column>" (tables); ratings were once saved as
  // "<sheet>--<field>", so those lose the sheet part (and follow a rename).
  function renamedTo(form, name) {
    var map;
    try { map = JSON.parse(form.dataset.tgRenamed || "{}"); } catch (err) { return null; }
    var sheet = form.dataset.tgWorksheet + "--";
    if (name.slice(0, sheet.length) === sheet) {
      var field = name.slice(sheet.length);
      return Object.prototype.hasOwnProperty.call(map, field) ? map[field] : field;
    }
    if (Object.prototype.hasOwnProperty.call(map, name)) return map[name];
    var dot = name.indexOf(".");
    if (dot > 0 && map[name.slice(0, dot)]) return map[name.slice(0, dot)] + name.slice(dot);
    return null;
  }

  function setUp(form) {
    var status = form.querySelector(".tg-ws__status");
    var key = storageKey(form);
    var known = names(form);
    var offered = null;
    var notes = [];

    function say() {
      store.showStatus(status, notes.concat([store.statusWords()]).join(" "));
      status.classList.toggle("tg-ws__status--warn", !store.available() || store.isFull() || notes.length > 0);
    }

    // Saved answers into the fields; names the sheet no longer has are moved
    // to their new field when the data says so, else kept aside, never dropped.
    function restore(saved, skip) {
      var aside = [];
      var moves = {};
      Object.keys(saved).forEach(function (name) {
        if (known.indexOf(name) !== -1) return;
        var target = renamedTo(form, name);
        if (target && known.indexOf(target) !== -1 && saved[target] === undefined) moves[name] = target;
        else aside.push(name);
      });
      if (Object.keys(moves).length) {
        Object.keys(moves).forEach(function (old) { saved[moves[old]] = saved[old]; });
        store.update(key, function (current) {
          Object.keys(moves).forEach(function (old) {
            if (current[old] !== undefined && current[moves[old]] === undefined) {
              current[moves[old]] = current[old];
              delete current[old];
            }
          });
        });
      }
      known.forEach(function (name) {
        if (name !== skip) setValue(form, name, saved[name]);
      });
      mirror(form);
      form.tgKeptAside = {};
      aside.forEach(function (name) { form.tgKeptAside[name] = saved[name]; });
      return aside.length;
    }

    function loadSaved(skip) {
      var got = store.load(key, function (v) { return v !== null && typeof v === "object" && !Array.isArray(v); });
      if (got.problem === "corrupt") notes = [store.words.corrupt];
      if (got.value) {
        var aside = restore(got.value, skip);
        if (aside) {
          notes = notes.filter(function (n) { return n.indexOf("This sheet has changed") !== 0; });
          notes.push("This sheet has changed since you saved it. " + aside +
            (aside === 1 ? " earlier answer no longer fits a question here; it is" : " earlier answers no longer fit a question here; they are") +
            " kept on this device, not deleted, and included when you download your answers.");
        }
      }
      return got.value !== null;
    }

    // Write one answer (read-modify-write of that name only).
    function saveField(name) {
      store.update(key, function (current) {
        var v = valueOf(form, name);
        if (v === undefined) delete current[name];
        else current[name] = v;
      });
    }

    // On "keep", save what the reader already typed.
    function saveTyped() {
      store.update(key, function (current) {
        known.forEach(function (name) {
          var v = valueOf(form, name);
          if (v !== undefined) current[name] = v;
        });
      });
    }

    function onInput(event) {
      var el = event.target;
      if (!el.name) return;
      mirror(form);
      var now = store.choice();
      if (now === null && store.available()) {
        if (!offered) {
          offered = store.offerChoice(el.closest(".tg-ws__field"), el, function () { offered = null; });
        }
        return;
      }
      if (store.allowed()) {
        saveField(el.name);
        say();
      }
    }

    var stopChoice = store.onChoice(function (now) {
      if (!form.isConnected) { stopChoice(); return; }
      if (now !== null && offered) { offered.remove(); offered = null; }
      if (now === store.KEEP) saveTyped();
      say();
    });

    // Another tab changed this sheet: show its answers, except in the field
    // the reader is typing in here.
    var stopWatch = store.watch(key, function () {
      if (!form.isConnected) { stopWatch(); return; }
      var active = document.activeElement && form.contains(document.activeElement) ? document.activeElement.name : null;
      var got = store.load(key);
      if (got.value && typeof got.value === "object") {
        restore(got.value, active);
        notes = notes.filter(function (n) { return n !== store.words.elsewhere; });
        notes.push(store.words.elsewhere);
        say();
      }
    });

    // Back/forward cache: the page comes back as it was left, possibly older
    // than what was saved since; read the answers again before any save.
    form.tgRefresh = function () {
      if (store.choice() === store.KEEP) loadSaved(null);
      say();
    };

    loadSaved(null);
    mirror(form);
    say();

    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-tg-action]");
      if (!button) return;
      var action = button.dataset.tgAction;
      if (action === "print") window.print();
      if (action === "clear" && window.confirm("Clear all your answers on this worksheet? This can't be undone.")) {
        known.forEach(function (name) { setValue(form, name, undefined); });
        mirror(form);
        store.remove(key);
        form.tgKeptAside = {};
        notes = ["Your answers were cleared."];
        say();
        notes = [];
      }
    });
  }

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-tg-worksheet][data-tg-ready]").forEach(function (form) {
      if (form.tgRefresh) form.tgRefresh();
    });
  });

  window.trustGuide.component("worksheet", setUp);
  // The booklet's "Print all worksheets" button.
  window.trustGuide.component("print-all", function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
