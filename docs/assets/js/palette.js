// Colours switch at once, without a fade: while the reader switches the
// colour scheme, <body> carries data-tg-color-switching, which turns off
// transitions (Material's rule, renamed by finishing/material_fixes.py so that
// it no longer restyles the whole page on every load).
(function () {
  "use strict";

  var SWITCHING = "data-tg-color-switching";

  function switching() {
    var body = document.body;
    if (body.hasAttribute(SWITCHING)) return;
    body.setAttribute(SWITCHING, "");
    // Two frames: the new colours are styled with transitions off, the
    // frame after restores them.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        body.removeAttribute(SWITCHING);
      });
    });
  }

  // Capture: this runs before Material's own listener on the input applies the scheme.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input instanceof HTMLInputElement && input.name === "__palette") switching();
  }, true);
})();
