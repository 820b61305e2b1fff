// Worksheets: answers autosaved to this browser only (localStorage), restored
// on every page view, downloadable as Markdown, printed in place of blank lines.
(function () {
  "use strict";

  var NOTICE = "Your answers can't be saved in this browser, so they will be lost when you leave. Print or download them before you go.";

  function storageKey(form) {
    return "trust-guide:worksheet:" + form.dataset.tgWorksheet + ":v" + form.dataset.tgVersion;
  }

  function storage() {
    try {
      var s = window.localStorage;
      var probe = "trust-guide:probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (err) {
      return null;
    }
  }

  // Every control's value, keyed by its name (checkbox groups as lists).
  function collect(form) {
    var answers = {};
    form.querySelectorAll("textarea, input[type=text]").forEach(function (el) {
      if (el.value) answers[el.name] = el.value;
    });
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (el) {
      (answers[el.name] = answers[el.name] || []).push(el.value);
    });
    form.querySelectorAll("input[type=radio]:checked").forEach(function (el) {
      answers[el.name] = el.value;
    });
    return answers;
  }

  function apply(form, answers) {
    form.querySelectorAll("textarea, input[type=text]").forEach(function (el) {
      var v = answers[el.name];
      el.value = typeof v === "string" ? v : "";
    });
    form.querySelectorAll("input[type=checkbox]").forEach(function (el) {
      var v = answers[el.name];
      el.checked = Array.isArray(v) && v.indexOf(el.value) !== -1;
    });
    form.querySelectorAll("input[type=radio]").forEach(function (el) {
      el.checked = answers[el.name] === el.value;
    });
  }

  // Copy typed text into the print-only twins so paper shows the answers.
  function mirror(form) {
    form.querySelectorAll("textarea, input[type=text]").forEach(function (el) {
      var twin = el.parentNode.querySelector(".tg-ws__answer");
      if (twin) twin.textContent = el.value;
      el.closest(".tg-ws__field, td").classList.toggle("tg-ws--filled", el.value.trim() !== "");
    });
  }

  function setUp(form) {
    if (form.dataset.tgReady) return;
    form.dataset.tgReady = "1";
    var status = form.querySelector(".tg-ws__status");
    var key = storageKey(form);
    var store = storage();

    function notice(text) {
      status.textContent = text;
      status.classList.add("tg-ws__status--warn");
    }

    if (!store) {
      notice(NOTICE);
    } else {
      var raw = store.getItem(key);
      if (raw) {
        try {
          var saved = JSON.parse(raw);
          if (!saved || typeof saved !== "object" || Array.isArray(saved)) throw new Error("not an object");
          apply(form, saved);
        } catch (err) {
          // Keep the unreadable copy aside so nothing is silently lost.
          try {
            store.setItem(key + ":corrupt", raw);
            store.removeItem(key);
            notice("Saved answers on this device could not be read, so this sheet starts empty. The old copy was kept aside.");
          } catch (err2) {
            store = null;
            notice(NOTICE);
          }
        }
      }
    }
    mirror(form);

    function save() {
      mirror(form);
      if (!store) return;
      try {
        store.setItem(key, JSON.stringify(collect(form)));
      } catch (err) {
        store = null;
        notice(NOTICE);
      }
    }

    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-tg-action]");
      if (!button) return;
      var action = button.dataset.tgAction;
      if (action === "print") window.print();
      if (action === "clear" && window.confirm("Clear all your answers on this worksheet? This can't be undone.")) {
        apply(form, {});
        mirror(form);
        if (store) {
          try { store.removeItem(key); } catch (err) { /* nothing saved to remove */ }
        }
        status.textContent = "Your answers were cleared.";
      }
    });
  }

  trustGuide.onPage(function (doc) {
    doc.querySelectorAll("form[data-tg-worksheet]").forEach(setUp);
    doc.querySelectorAll("[data-tg-action=print-all]").forEach(function (button) {
      if (button.dataset.tgReady) return;
      button.dataset.tgReady = "1";
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
