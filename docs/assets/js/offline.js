// Offline copy of the guide (docs/sw.js). A service worker's cache is data
// stored on the device, so it follows the reader's saving choice: it is
// registered only once the reader chose "keep my answers on this device";
// "don't keep" unregisters it and deletes its caches at once (as does
// delete-everything in storage.js). A reader whose phone is checked leaves
// no offline copy unless they asked the site to keep things.
(function () {
  "use strict";

  var storage = window.trustGuide && window.trustGuide.storage;
  if (!storage || !("serviceWorker" in navigator)) return;
  var sw = navigator.serviceWorker;
  var root = storage.privacyHref().replace(/privacy\/$/, "");
  var updated = false;

  function register() {
    sw.register(new URL("sw.js", root).href, { scope: root })
      .then(function (reg) { reg.update().catch(function () {}); })
      .catch(function () { /* no offline copy: the guide still works online */ });
  }

  function forget() {
    sw.getRegistrations().then(function (regs) {
      regs.filter(function (r) { return r.scope.indexOf(root) === 0; })
        .forEach(function (r) { r.unregister(); });
    }).catch(function () {});
    if (window.caches) {
      caches.keys().then(function (names) {
        names.filter(function (n) { return n.indexOf("trust-guide") === 0; })
          .forEach(function (n) { caches.delete(n); });
      }).catch(function () {});
    }
  }

  function follow(choice) {
    if (choice === storage.KEEP) register();
    else if (choice === storage.DONT_KEEP) forget();
  }

  // A new deployment took over this open page: say so, and let the next
  // link load a whole page, so no page mixes old and new files.
  function showNotice() {
    var notice = document.createElement("div");
    notice.className = "tg-update-notice";
    notice.setAttribute("data-tg-component", "update-notice");
    notice.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "The guide has been updated. ";
    var again = document.createElement("button");
    again.type = "button";
    again.textContent = "Show the new version";
    again.addEventListener("click", function () { location.reload(); });
    notice.append(text, again);
    document.body.append(notice);
    notice.setAttribute("data-tg-ready", "");
  }

  var hadController = !!sw.controller;
  sw.addEventListener("controllerchange", function () {
    if (!hadController || updated) { hadController = true; return; }
    updated = true;
    showNotice();
  });
  document.addEventListener("click", function (event) {
    if (!updated || event.defaultPrevented || event.button !== 0) return;
    var link = event.target instanceof Element && event.target.closest("a[href]");
    if (!link || link.target || link.origin !== location.origin) return;
    event.preventDefault();
    event.stopPropagation();
    location.assign(link.href);
  }, true);

  storage.onChoice(follow);
  follow(storage.choice());
})();
