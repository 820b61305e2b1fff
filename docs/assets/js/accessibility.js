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

  // Focus an element that is not a control (a page title, say): a place for
  // Tab to start from, so accessibility.css draws no focus ring around it.
  function focusStart(el, options) {
    el.setAttribute("tabindex", "-1");
    el.focus(options);
  }

  // The skip link must move focus past the header and navigation, every time.
  // Material's instant navigation takes over same-page links only once its
  // sitemap has loaded, so left alone the skip link sometimes moved focus,
  // sometimes dropped it to the top of the page and sometimes did nothing.
  // Handled here, before Material sees the click, it always lands on the
  // content's first heading, and the next Tab goes on from there.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.md-skip");
    var target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    focusStart(target);
  }, true);

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
    focusStart(title, { preventScroll: true }); // Material restores the scroll
  }

  window.trustGuide.onPage(setUp);
  window.trustGuide.onPage(focusTitle);
})();
