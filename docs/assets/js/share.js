// "Copy link" on strategy pages: copies the page's canonical URL and says so.
// Without the clipboard API (old browsers, http pages) the link is shown in a
// read-only field and selected, so the reader can copy it by hand.
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

  window.trustGuide.onPage(function (doc) {
    doc.querySelectorAll("[data-tg-share]").forEach(function (box) {
      var button = box.querySelector(".tg-share__button");
      var status = box.querySelector(".tg-share__status");
      var url = box.getAttribute("data-url");
      button.addEventListener("click", function () {
        status.textContent = "";
        if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") {
          showField(box, status);
          return;
        }
        navigator.clipboard.writeText(url).then(
          function () {
            status.textContent = "Link copied: " + url;
          },
          function () {
            showField(box, status);
          }
        );
      });
    });
  });
})();
