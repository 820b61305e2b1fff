// The one place that touches browser storage for this guide: key format,
// versions, probing, the reader's saving choice, corrupt copies and the
// words every feature shows about saving. Rule: nothing a reader types is
// written until they choose "keep"; until then only that choice may be stored.
(function () {
  "use strict";

  // The key format, from data/storage-keys.json: the theme writes it into
  // every page as a JSON data block (overrides/partials/tg-safe-storage.html).
  var FORMAT = JSON.parse(document.getElementById("tg-storage-keys").textContent);
  var PREFIX = FORMAT.prefix;
  var CHOICE = PREFIX + FORMAT.choice;
  var KEEP = "keep";
  var DONT_KEEP = "dont-keep";

  function keyOf(kind, id, version) {
    var v = version === undefined ? FORMAT.versions[kind] : version;
    return PREFIX + FORMAT.kinds[kind].replace("{id}", id).replace("{version}", v);
  }
  // Kinds of saved answers, as their keys start after the prefix.
  var ANSWER_KINDS = Object.keys(FORMAT.kinds).map(function (kind) {
    return FORMAT.kinds[kind].split("{")[0];
  });

  var keys = {
    worksheet: function (id, version) { return keyOf("worksheet", id, version); },
    checklist: function (id) { return keyOf("checklist", id); },
    history: function (id) { return keyOf("history", id); },
  };

  var words = {
    notChosen: "Nothing you type here is saved yet.",
    kept: "Your answers are saved on this device only, as you type.",
    notKept: "Nothing you type here is saved. Print it before you leave if you want to keep it.",
    unavailable: "Your answers can't be saved in this browser, so they will be lost when you leave. Print them before you go.",
    full: "This browser's storage is full: your saved answers are shown, but new changes can't be saved. Print them to keep them.",
    corrupt: "Saved answers on this device could not be read, so this starts empty. The old copy was kept aside.",
    elsewhere: "This was changed in another tab or window; those changes are shown here.",
  };

  // A storage area, or null when the browser blocks it. Reading only: a
  // write probe would itself store something before the reader chose.
  function area(name) {
    try {
      var s = window[name];
      s.getItem(CHOICE);
      return s;
    } catch (err) {
      return null;
    }
  }

  function local() { return area("localStorage"); }

  function session() { return area("sessionStorage"); }

  function keysOf(store) {
    var out = [];
    if (!store) return out;
    try {
      for (var i = 0; i < store.length; i++) out.push(store.key(i));
    } catch (err) { /* a blocked area holds nothing we can list */ }
    return out;
  }

  function isAnswerKey(key) {
    return ANSWER_KINDS.some(function (kind) { return key.indexOf(PREFIX + kind) === 0; });
  }

  function getItem(store, key) {
    try { return store ? store.getItem(key) : null; } catch (err) { return null; }
  }

  // "keep", "dont-keep", or null (not chosen yet). Readers who saved answers
  // before the choice existed keep them and count as "keep".
  function choice() {
    var store = local();
    var saved = getItem(store, CHOICE);
    if (saved === KEEP || saved === DONT_KEEP) return saved;
    if (getItem(session(), CHOICE) === DONT_KEEP) return DONT_KEEP;
    if (keysOf(store).some(isAnswerKey)) {
      // Recorded, so the head script that keeps Material's settings
      // (tg-safe-storage.html) sees the same choice.
      try { store.setItem(CHOICE, KEEP); } catch (err) { /* still "keep" for this page */ }
      return KEEP;
    }
    return null;
  }

  var listeners = [];

  function announce() {
    var now = choice();
    listeners.slice().forEach(function (fn) {
      try { fn(now); } catch (err) { console.warn("trust-guide:", err); }
    });
  }

  // Remember the reader's choice. "Don't keep" stays in this tab only
  // (sessionStorage), so it leaves no trace on the device, unless answers
  // saved earlier are still here: then it must outlast the tab, or they
  // would count as "keep" again next time.
  function choose(value) {
    var store = local();
    var tab = session();
    try {
      if (value === KEEP) {
        if (tab) tab.removeItem(CHOICE);
        if (store) store.setItem(CHOICE, KEEP);
      } else if (value === DONT_KEEP) {
        if (tab) tab.setItem(CHOICE, DONT_KEEP);
        if (store) {
          if (keysOf(store).some(isAnswerKey)) store.setItem(CHOICE, DONT_KEEP);
          else store.removeItem(CHOICE);
        }
      }
    } catch (err) { /* storage refused: nothing is kept, and the status says so */ }
    announce();
    return choice() === value;
  }

  function allowed() {
    return choice() === KEEP && local() !== null;
  }

  // A copy that could not be read is kept aside under its own name, never
  // overwriting an earlier copy.
  function keepAside(store, key, raw) {
    var stamp = new Date().toISOString();
    var aside = key + ":corrupt:" + stamp;
    for (var n = 2; getItem(store, aside) !== null; n++) aside = key + ":corrupt:" + stamp + "-" + n;
    store.setItem(aside, raw);
    store.removeItem(key);
    return aside;
  }

  // {value, problem}: value is the parsed JSON or null; problem is null,
  // "unavailable" or "corrupt". Never throws.
  function load(key, check) {
    var store = local();
    if (!store) return { value: null, problem: "unavailable" };
    var raw = getItem(store, key);
    if (raw === null) return { value: null, problem: null };
    try {
      var value = JSON.parse(raw);
      if (check && !check(value)) throw new Error("unexpected shape");
      return { value: value, problem: null };
    } catch (err) {
      try { keepAside(store, key, raw); } catch (err2) { /* full: the original stays where it is */ }
      return { value: null, problem: "corrupt" };
    }
  }

  function read(key) {
    return load(key).value;
  }

  var full = false;

  function write(key, value) {
    if (!allowed()) return false;
    try {
      local().setItem(key, JSON.stringify(value));
      full = false;
      return true;
    } catch (err) {
      full = true;
      return false;
    }
  }

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  // Read, change one part, write back: one field at a time, so two tabs
  // working on different fields never erase each other's answers.
  function update(key, change) {
    if (!allowed()) return false;
    var current = load(key, isObject).value || {};
    change(current);
    return write(key, current);
  }

  function remove(key) {
    try {
      var store = local();
      if (store) store.removeItem(key);
      return true;
    } catch (err) {
      return false;
    }
  }

  // Put back a smaller copy of what is already kept (one entry deleted from a
  // list). It only shrinks what is stored, so it is allowed whatever the
  // saving choice; a key that isn't there is never created.
  function shrink(key, value) {
    try {
      var store = local();
      if (!store || store.getItem(key) === null) return false;
      store.setItem(key, JSON.stringify(value));
      return true;
    } catch (err) {
      return false;
    }
  }

  // Material keeps its own settings under its scope, e.g. "/trust-guide/.__palette".
  function materialPrefix() {
    var scope = window.__md_scope;
    return scope && scope.pathname ? scope.pathname + "." : null;
  }

  function isOurs(key) {
    var material = materialPrefix();
    return key.indexOf(PREFIX) === 0 || (material !== null && key.indexOf(material) === 0);
  }

  // What this site holds on this device, as counts only, never contents.
  function inventory() {
    var counts = { worksheets: 0, checklists: 0, history: 0, corrupt: 0, settings: 0 };
    [local(), session()].forEach(function (store) {
      keysOf(store).forEach(function (key) {
        if (!isOurs(key)) return;
        if (key.indexOf(":corrupt:") !== -1 || /:corrupt$/.test(key)) counts.corrupt++;
        else if (key.indexOf(PREFIX + "worksheet:") === 0) counts.worksheets++;
        else if (key.indexOf(PREFIX + "checklist:") === 0) counts.checklists++;
        else if (key.indexOf(PREFIX + "history:") === 0) counts.history++;
        else counts.settings++;
      });
    });
    return counts;
  }

  function siteRoot() {
    var scope = window.__md_scope;
    return scope ? scope.href : new URL("/", location.href).href;
  }

  // Everything this site stored: our keys, Material's, corrupt copies, both
  // storage areas, and any offline caches and service workers of this site.
  // Keys of other sites on the same origin (github.io) are left alone.
  function deleteAll() {
    var left = 0;
    [local(), session()].forEach(function (store) {
      keysOf(store).filter(isOurs).forEach(function (key) {
        try { store.removeItem(key); } catch (err) { left++; }
      });
    });
    var root = siteRoot();
    var jobs = [];
    if (window.caches && typeof caches.keys === "function") {
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name.indexOf("trust-guide") === 0; })
          .map(function (name) { return caches.delete(name); }));
      }).catch(function () {}));
    }
    if (navigator.serviceWorker && typeof navigator.serviceWorker.getRegistrations === "function") {
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (regs) {
        return Promise.all(regs.filter(function (r) { return r.scope.indexOf(root) === 0; })
          .map(function (r) { return r.unregister(); }));
      }).catch(function () {}));
    }
    full = false;
    announce();
    return Promise.all(jobs).then(function () { return left === 0; });
  }

  // Where the page that shows and deletes it all lives.
  function privacyHref() {
    return new URL("privacy/", siteRoot()).href;
  }

  // The choice changes in this page or in another tab.
  function onChoice(fn) {
    listeners.push(fn);
    return function () { listeners = listeners.filter(function (f) { return f !== fn; }); };
  }

  window.addEventListener("storage", function (event) {
    if (event.key === CHOICE || event.key === null) announce();
  });

  // Called when another tab changes `key` (null: any key); returns a
  // function that stops it.
  function watch(key, fn) {
    function handler(event) {
      if (key === null || event.key === key || event.key === null) fn();
    }
    window.addEventListener("storage", handler);
    return function () { window.removeEventListener("storage", handler); };
  }

  // The calm inline box that offers the choice, shown where the reader
  // started typing. `after` is the element it goes after; `control` gets the
  // focus back once the reader chose; onChosen(value).
  function offerChoice(after, control, onChosen) {
    var box = document.createElement("div");
    box.className = "tg-saving";
    box.setAttribute("role", "group");
    box.setAttribute("data-tg-saving", "");
    // Built here with its handlers, so it is ready as soon as it exists.
    box.setAttribute("data-tg-component", "saving-choice");
    box.setAttribute("data-tg-ready", "");
    var id = "tg-saving-" + Math.random().toString(36).slice(2);
    box.setAttribute("aria-labelledby", id);
    var title = document.createElement("p");
    title.className = "tg-saving__title";
    title.id = id;
    title.textContent = "Keep your answers on this device?";
    var text = document.createElement("p");
    text.className = "tg-saving__text";
    text.textContent = "Nothing is saved until you choose. If you keep them, anyone who uses this device could see them. You can delete them at any time.";
    var buttons = document.createElement("div");
    buttons.className = "tg-saving__buttons";
    [[KEEP, "Keep my answers on this device", "md-button md-button--primary"],
     [DONT_KEEP, "Don't keep them", "md-button"]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = spec[2];
      button.dataset.tgSaving = spec[0];
      button.textContent = spec[1];
      buttons.appendChild(button);
    });
    var more = document.createElement("a");
    more.className = "tg-saving__more";
    more.href = privacyHref();
    more.textContent = "What is stored, and how to delete it";
    box.appendChild(title);
    box.appendChild(text);
    box.appendChild(buttons);
    box.appendChild(more);
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-tg-saving]");
      if (!button) return;
      var hadFocus = box.contains(document.activeElement);
      choose(button.dataset.tgSaving);
      box.remove();
      if (hadFocus && control && control.isConnected) control.focus();
      if (onChosen) onChosen(button.dataset.tgSaving);
    });
    after.insertAdjacentElement("afterend", box);
    return box;
  }

  // The words for the current state, for a status line.
  function statusWords() {
    if (!local()) return words.unavailable;
    if (full) return words.full;
    var now = choice();
    if (now === KEEP) return words.kept;
    if (now === DONT_KEEP) return words.notKept;
    return words.notChosen;
  }

  // A small link to the privacy page, for next to a status line.
  function privacyLink() {
    var link = document.createElement("a");
    link.className = "tg-saving-link";
    link.href = privacyHref();
    link.textContent = "Your answers on this device";
    return link;
  }

  // Put text in a status line and keep its privacy link after it. The link
  // stays the same node: a keyboard reader on it when the line changes (as
  // when a page's script arrives after the page) keeps their place.
  function showStatus(box, text) {
    var words = box.querySelector(".tg-status__words");
    if (!words) {
      box.textContent = "";
      words = box.appendChild(document.createElement("span"));
      words.className = "tg-status__words";
      box.appendChild(document.createTextNode(" "));
    }
    words.textContent = text;
    if (!box.querySelector(".tg-saving-link")) box.appendChild(privacyLink());
  }

  window.trustGuide = window.trustGuide || {};
  window.trustGuide.storage = {
    KEEP: KEEP,
    DONT_KEEP: DONT_KEEP,
    keys: keys,
    words: words,
    available: function () { return local() !== null; },
    choice: choice,
    choose: choose,
    allowed: allowed,
    load: load,
    read: read,
    write: write,
    update: update,
    remove: remove,
    shrink: shrink,
    isFull: function () { return full; },
    inventory: inventory,
    deleteAll: deleteAll,
    privacyHref: privacyHref,
    privacyLink: privacyLink,
    onChoice: onChoice,
    watch: watch,
    offerChoice: offerChoice,
    statusWords: statusWords,
    showStatus: showStatus,
  };
})();
