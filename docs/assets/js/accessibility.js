// Keyboard access to Material's navigation drawer on narrow screens (phones,
// and desktops zoomed to 200%). Material's menu icon is a <label> for a hidden
// checkbox, which the keyboard cannot reach; this puts a real button beside it
// that opens and closes the same drawer, says whether it is open, and closes
// it again with Escape. The closed drawer is kept out of the tab order in
// accessibility.css, so focus never lands on links the reader cannot see.
(function () {
  "use strict";

  function setUp(doc) {
    var toggle = doc.getElementById("__drawer");
    var label = doc.querySelector('.md-header label[for="__drawer"]');
    if (!toggle || !label || label.previousElementSibling?.classList.contains("tg-menu-button")) {
      return;
    }
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon tg-menu-button";
    button.setAttribute("aria-label", "Menu");
    button.setAttribute("aria-controls", "__drawer");
    button.innerHTML = label.innerHTML; // Material's own menu icon (an inline SVG)
    label.setAttribute("aria-hidden", "true");
    label.parentNode.insertBefore(button, label);

    function sync() {
      button.setAttribute("aria-expanded", String(toggle.checked));
    }
    function set(open) {
      if (toggle.checked !== open) {
        toggle.checked = open;
        toggle.dispatchEvent(new Event("change"));
      }
      sync();
    }
    button.addEventListener("click", function () {
      set(!toggle.checked);
    });
    toggle.addEventListener("change", sync);
    doc.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        set(false);
        button.focus();
      }
    });
    sync();
  }

  // After Material's instant navigation swaps the page in, focus would stay
  // where the clicked link used to be, so the next Tab lands somewhere random
  // and a screen reader announces nothing. Move focus to the new page's title,
  // as a full page load would start at the top.
  var views = 0;
  function focusTitle(doc) {
    views += 1;
    var title = doc.querySelector("article h1");
    // Only when focus was lost with the old page: never steal it from a
    // control the reader has already moved to (the search box, say).
    var lost = !doc.activeElement || doc.activeElement === doc.body;
    if (views === 1 || !title || location.hash || !lost) {
      return;
    }
    title.setAttribute("tabindex", "-1");
    title.focus({ preventScroll: true });
  }

  window.trustGuide.onPage(setUp);
  window.trustGuide.onPage(focusTitle);
})();
