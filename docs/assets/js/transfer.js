// tg:on-demand: bundled only on pages holding a component this file registers (finishing/bundle.py).
// Worksheets: "Download my answers" (a dated Markdown file that names the sheet
// and its address, with only the answered questions) and "Load answers from a
// file" (reads such a file back, for moving to another device). Loading sets
// each field and fires input/change, so the storage code decides what is kept.
(function () {
  "use strict";

  var FORMAT = "trust-guide-worksheet-answers";
  var FENCE = "```json " + FORMAT;

  function text(el) { return el ? el.textContent.trim() : ""; }

  // Every answered control by name, the same shape worksheets.js stores.
  function collect(form) {
    var answers = {};
    form.querySelectorAll("textarea, input[type=text]").forEach(function (el) {
      if (el.value.trim()) answers[el.name] = el.value;
    });
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (el) {
      (answers[el.name] = answers[el.name] || []).push(el.value);
    });
    form.querySelectorAll("input[type=radio]:checked").forEach(function (el) {
      answers[el.name] = el.value;
    });
    return answers;
  }

  // Multi-line answers stay as typed; a blank line between answers.
  function fieldLines(field) {
    var kind = field.dataset.tgKind;
    var label = (field.querySelector("[data-tg-label]") || field).dataset.tgLabel || "";
    var out = [];
    if (kind === "lines" || kind === "short") {
      var box = field.querySelector("textarea, input");
      if (box && box.value.trim()) out.push(box.value.replace(/\s+$/, ""));
    } else if (kind === "checklist") {
      field.querySelectorAll("input:checked").forEach(function (i) { out.push("- [x] " + i.dataset.tgOption); });
    } else if (kind === "rating") {
      var chosen = field.querySelector("input:checked");
      var n = field.querySelectorAll("input").length;
      if (chosen) {
        out.push(chosen.value + " of " + n + " (1 = " + text(field.querySelector(".tg-ws__end--low")) +
                 ", " + n + " = " + text(field.querySelector(".tg-ws__end--high")) + ")");
      }
    } else if (kind === "table") {
      field.querySelectorAll("textarea").forEach(function (cell) {
        if (!cell.value.trim()) return;
        out.push("- " + cell.getAttribute("aria-label") + ": " + cell.value.replace(/\s+$/, "").replace(/\n/g, "\n  "));
      });
    }
    return out.length ? ["**" + label + "**", ""].concat(out, [""]) : [];
  }

  function today() {
    return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function fileText(form) {
    var title = form.dataset.tgTitle;
    var address = form.dataset.tgAddress;
    var out = ["# " + title, "", "My answers, downloaded on " + today() + ".",
               "The sheet online: " + address, "Questions left empty are not listed.", ""];
    form.querySelectorAll(".tg-ws__section").forEach(function (section) {
      var body = [];
      section.querySelectorAll("[data-tg-kind]").forEach(function (field) { body = body.concat(fieldLines(field)); });
      if (body.length) out = out.concat(["## " + text(section.querySelector("legend")), ""], body);
    });
    // Answers to questions the sheet no longer has, kept aside by worksheets.js.
    var aside = form.tgKeptAside || {};
    var asideNames = Object.keys(aside);
    if (asideNames.length) {
      out.push("## Earlier answers to questions this sheet no longer asks", "");
      asideNames.forEach(function (name) {
        var value = aside[name];
        out.push("- " + name + ": " + (Array.isArray(value) ? value.join(", ") : String(value)));
      });
      out.push("");
    }
    var data = { format: FORMAT, sheet: form.dataset.tgWorksheet, version: +form.dataset.tgVersion,
                 title: title, address: address, downloaded: new Date().toISOString(), answers: collect(form) };
    if (asideNames.length) data.kept_aside = aside;
    out.push("<!-- The block below lets the worksheet's \"Load answers from a file\" read this file back. -->",
             FENCE, JSON.stringify(data, null, 2), "```", "");
    return out.join("\n");
  }

  function download(form) {
    var blob = new Blob([fileText(form)], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = form.dataset.tgWorksheet + "-answers-" + new Date().toISOString().slice(0, 10) + ".md";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  // The answers in a downloaded file, or an error message a reader can act on.
  function parse(content, form) {
    var start = content.indexOf(FENCE);
    var end = start === -1 ? -1 : content.indexOf("\n```", start + FENCE.length);
    var data = null;
    if (end !== -1) {
      try { data = JSON.parse(content.slice(start + FENCE.length, end)); } catch (err) { data = null; }
    }
    if (!data || data.format !== FORMAT || typeof data.answers !== "object" || !data.answers || Array.isArray(data.answers)) {
      return { error: "This file is not a download of answers from this guide, so nothing was changed. Choose a file made with \"Download my answers\"." };
    }
    if (data.sheet !== form.dataset.tgWorksheet) {
      return { error: "This file holds answers for another worksheet (\"" + String(data.title || data.sheet) + "\"), so nothing was changed. Open that worksheet and load it there." };
    }
    return { answers: data.answers };
  }

  function fire(el, type) { el.dispatchEvent(new Event(type, { bubbles: true })); }

  function apply(form, answers) {
    var count = 0;
    form.querySelectorAll("textarea, input[type=text]").forEach(function (el) {
      var v = answers[el.name];
      el.value = typeof v === "string" ? v : "";
      if (el.value) count++;
      fire(el, "input");
    });
    form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach(function (el) {
      var v = answers[el.name];
      var on = Array.isArray(v) ? v.indexOf(el.value) !== -1 : v === el.value;
      if (on) count++;
      if (el.checked !== on) { el.checked = on; fire(el, "change"); }
    });
    fire(form, "change");
    return count;
  }

  function say(form, message, warn) {
    var status = form.querySelector(".tg-ws__status");
    if (!status) return;
    window.trustGuide.storage.showStatus(status, message);
    status.classList.toggle("tg-ws__status--warn", !!warn);
  }

  function load(form, file) {
    var reader = new FileReader();
    reader.onerror = function () { say(form, "That file could not be read, so nothing was changed.", true); };
    reader.onload = function () {
      var result = parse(String(reader.result), form);
      if (result.error) { say(form, result.error, true); return; }
      if (Object.keys(collect(form)).length &&
          !window.confirm("Replace the answers on this sheet with the ones in the file?")) return;
      var count = apply(form, result.answers);
      say(form, "Loaded " + count + (count === 1 ? " answer" : " answers") + " from the file.");
    };
    reader.readAsText(file);
  }

  function setUp(form) {
    var picker = document.createElement("input");
    picker.type = "file";
    picker.accept = ".md,.txt,text/markdown,text/plain";
    picker.hidden = true;
    picker.className = "tg-ws__picker";
    picker.setAttribute("aria-label", "Choose a file of answers to load");
    picker.addEventListener("change", function () {
      if (picker.files && picker.files[0]) load(form, picker.files[0]);
      picker.value = "";
    });
    form.appendChild(picker);
    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-tg-action]");
      if (!button) return;
      if (button.dataset.tgAction === "download") download(form);
      if (button.dataset.tgAction === "load") picker.click();
    });
  }

  window.trustGuide.component("transfer", setUp);
})();
