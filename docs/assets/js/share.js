// tg:on-demand: bundled only on pages holding a component this file registers (finishing/bundle.py).
// "Share this strategy" and "Copy link" on strategy pages. Both use the short
// link (/s/N/) written into the box at build time. Share opens the phone's own
// share sheet (Web Share) with the reader's note; without one, it copies the
// note and the link. The site itself never sends anything anywhere.
// Without the clipboard API the link is shown in a read-only field and
// selected, so the reader can copy it by hand.
(function () {
  "use strict";

  function showField(box, status) {
    var field = box.querySelector(".tg-share__field");
    var input = box.querySelector(".tg-share__input");
    field.hidden = false;
    input.focus();
    input.select();
    status.textContent = "Copying isn't available here. The link is selected: copy it from the field.";
  }

  function copy(text, done, failed) {
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") {
      failed();
      return;
    }
    navigator.clipboard.writeText(text).then(done, failed);
  }

  function setUp(box) {
    var status = box.querySelector(".tg-share__status");
    var note = box.querySelector(".tg-share__note-text");
    var url = box.getAttribute("data-url");
    var title = box.getAttribute("data-title") || document.title;

    function noteText() {
      return note ? note.value.trim() : "";
    }

    function copyBoth() {
      var text = noteText() ? noteText() + "\n" + url : url;
      copy(text, function () {
        status.textContent = "Your note and the link are copied. Paste them into a message.";
      }, function () {
        showField(box, status);
      });
    }

    box.querySelector(".tg-share__button").addEventListener("click", function () {
      status.textContent = "";
      copy(url, function () {
        status.textContent = "Link copied: " + url;
      }, function () {
        showField(box, status);
      });
    });

    box.querySelector(".tg-share__send").addEventListener("click", function () {
      status.textContent = "";
      if (typeof navigator.share !== "function") {
        copyBoth();
        return;
      }
      var data = { title: title, text: noteText(), url: url };
      navigator.share(data).then(function () {
        status.textContent = "Shared.";
      }, function (err) {
        // The reader closed the share sheet: that is their choice, say nothing.
        if (err && err.name === "AbortError") return;
        copyBoth();
      });
    });
  }

  window.trustGuide.component("share", setUp);
})();
