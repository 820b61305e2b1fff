// Exit this page (overrides/partials/tg-exit.html). A reader whose partner
// walks in needs the page gone in one move: a tap on the control, or Shift
// pressed three times within about a second. Either way the page is hidden at
// once, then replaced in history by an everyday site, so Back does not bring
// it back. Without JavaScript the control is a plain link to the same site.
(function () {
  "use strict";

  var PRESSES = 3;
  var WINDOW_MS = 1000;

  function control() {
    return document.querySelector("a[data-tg-exit]");
  }

  function status(text) {
    var region = document.querySelector("[data-tg-exit-status]");
    if (region) region.textContent = text;
  }

  function leave() {
    var link = control();
    if (!link) return;
    // Hide first: the page must vanish even if the next site is slow.
    document.documentElement.classList.add("tg-exiting");
    document.title = "";
    // location.replace follows the page's referrer policy, not the link's:
    // say "no referrer" for the page too, so the next site never learns it.
    var meta = document.createElement("meta");
    meta.name = "referrer";
    meta.content = "no-referrer";
    document.head.appendChild(meta);
    window.location.replace(link.href);
  }

  // Capture phase on window runs before Material's instant navigation (it
  // listens further down), so no other handler sees the click. Any click,
  // with modifier keys too: a new tab would leave this page on screen.
  // Middle-click opens links in a new tab with an auxclick, not a click.
  function onExitClick(event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.closest("a[data-tg-exit]")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    leave();
  }
  window.addEventListener("click", onExitClick, true);
  window.addEventListener("auxclick", onExitClick, true);

  // Shift three times: other keys in between start the count again, so
  // typing capital letters never exits.
  var count = 0;
  var first = 0;
  var timer = null;

  function reset() {
    count = 0;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  window.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      reset();
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    if (count === 0 || now - first > WINDOW_MS) {
      count = 0;
      first = now;
    }
    count += 1;
    if (count >= PRESSES) {
      reset();
      status("Leaving this page.");
      leave();
      return;
    }
    // Announce from the second press only: every capital letter starts with
    // a Shift, and a screen reader should not speak up for each one.
    if (count === PRESSES - 1) status("Press Shift once more to leave this page.");
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      if (count > 1) status("");
      reset();
    }, WINDOW_MS);
  }, true);

  // The listeners above sit on window, so the control works before any page
  // setup; registering only marks it ready like every other component.
  window.trustGuide.component("exit", function () {});
})();
