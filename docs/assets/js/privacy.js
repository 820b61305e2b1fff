// tg:on-demand: bundled only on pages holding a component this file registers (finishing/bundle.py).
// The privacy page: what this guide stores here (counts only, never
// contents), the saving switch, and one button that deletes it all.
(function () {
  "use strict";

  var store = window.trustGuide.storage;

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function summary(box) {
    box.textContent = "";
    if (!store.available()) {
      box.appendChild(document.createElement("p")).textContent =
        "This browser doesn't let this site store anything, so nothing is kept here.";
      return;
    }
    var c = store.inventory();
    var lines = [];
    if (c.worksheets) lines.push(plural(c.worksheets, "worksheet with answers", "worksheets with answers"));
    if (c.checklists) lines.push(plural(c.checklists, "self-check with answers", "self-checks with answers"));
    if (c.history) lines.push("past results of " + plural(c.history, "self-check", "self-checks"));
    if (c.corrupt) lines.push(plural(c.corrupt, "copy that could not be read", "copies that could not be read"));
    if (c.settings) lines.push(plural(c.settings, "site setting", "site settings") + " (such as your saving choice or light or dark colours)");
    var p = document.createElement("p");
    if (!lines.length) {
      p.textContent = "Nothing from this guide is stored in this browser.";
      box.appendChild(p);
      return;
    }
    p.textContent = "This guide has stored in this browser:";
    box.appendChild(p);
    var list = document.createElement("ul");
    lines.forEach(function (line) { list.appendChild(document.createElement("li")).textContent = line; });
    box.appendChild(list);
  }

  function saving(box, refresh) {
    var group = document.createElement("fieldset");
    group.className = "tg-privacy__choice";
    group.appendChild(document.createElement("legend")).textContent = "Saving answers on this device";
    [[store.KEEP, "Keep my answers on this device", "Anyone who uses this device could see them."],
     [store.DONT_KEEP, "Don't keep my answers", "What you type stays on the page until you leave it. Answers saved before stay until you delete them."]].forEach(function (spec) {
      var label = document.createElement("label");
      label.className = "tg-privacy__option";
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "tg-saving";
      input.value = spec[0];
      label.appendChild(input);
      var text = document.createElement("span");
      text.appendChild(document.createElement("strong")).textContent = spec[1];
      text.appendChild(document.createElement("br"));
      text.appendChild(document.createTextNode(spec[2]));
      label.appendChild(text);
      group.appendChild(label);
    });
    box.appendChild(group);
    var note = box.appendChild(document.createElement("p"));
    note.className = "tg-privacy__note";
    group.addEventListener("change", function (event) {
      if (event.target.name === "tg-saving") store.choose(event.target.value);
    });
    function sync() {
      var now = store.choice();
      group.querySelectorAll("input").forEach(function (input) {
        input.checked = input.value === now;
        input.disabled = !store.available();
      });
      note.textContent = !store.available() ? "This browser doesn't let this site store anything."
        : now === null ? "You haven't chosen yet, so nothing you type is saved." : "";
      refresh();
    }
    var stop = store.onChoice(function () {
      if (!box.isConnected) { stop(); return; }
      sync();
    });
    box.tgSync = sync;
    sync();
  }

  function deleter(box, refresh) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary tg-privacy__delete";
    button.textContent = "Delete everything this guide stored";
    var done = document.createElement("p");
    done.className = "tg-privacy__done";
    done.setAttribute("role", "status");
    button.addEventListener("click", function () {
      button.disabled = true;
      store.deleteAll().then(function (ok) {
        done.textContent = ok ? "Done. Nothing from this guide is stored in this browser now."
          : "Some things could not be deleted. Clear this site's data in your browser's settings.";
        button.disabled = false;
        refresh();
      });
    });
    box.appendChild(button);
    box.appendChild(done);
  }

  // The page's three boxes are one component each; they find each other
  // through the document, so each keeps the others current.
  function box(name) { return document.querySelector("[data-tg-privacy='" + name + "']"); }
  function refresh() {
    var summaryBox = box("summary");
    if (summaryBox) summary(summaryBox);
  }

  window.trustGuide.component("privacy", function (root) {
    var kind = root.dataset.tgPrivacy;
    if (kind === "saving") saving(root, refresh);
    if (kind === "delete") deleter(root, function () {
      var savingBox = box("saving");
      if (savingBox && savingBox.tgSync) savingBox.tgSync();
      refresh();
    });
    if (kind === "summary") {
      summary(root);
      var stop = store.watch(null, function () {
        if (!root.isConnected) { stop(); return; }
        summary(root);
      });
    }
  });
})();
