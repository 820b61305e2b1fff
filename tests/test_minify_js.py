"""Our scripts minified by terser (finishing/minify_js.py): local names
shortened, globals and strings kept, results cached so an unchanged script
needs no Node, and a script terser cannot read fails the build naming it."""

import shutil
from pathlib import Path

import pytest

from finishing import FinishingError, minify_js

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """// A comment the reader never needs.
(function () {
  "use strict";
  var answersKeptOnThisDevice = "Saved on this device";
  window.trustGuide = window.trustGuide || {};
  window.trustGuide.say = function (where) { where.textContent = answersKeptOnThisDevice; };
})();
"""


@pytest.fixture
def project(tmp_path):
    """A project folder whose node_modules is the checkout's, with an empty cache."""
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return tmp_path


def test_locals_shrink_and_globals_and_strings_stay(project):
    out = minify_js.minified(project, {"assets/js/say.js": SCRIPT})["assets/js/say.js"]
    assert "answersKeptOnThisDevice" not in out and "where" not in out and "A comment" not in out
    assert "window.trustGuide" in out and ".say=function" in out
    assert '"Saved on this device"' in out
    assert len(out) < len(SCRIPT) * 0.6


def test_an_unchanged_script_comes_from_the_cache_without_node(project, monkeypatch):
    first = minify_js.minified(project, {"a.js": SCRIPT})
    assert len(list((project / minify_js.CACHE).glob("*.json"))) == 1
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no Node on PATH now
    assert minify_js.minified(project, {"b.js": SCRIPT}) == {"b.js": first["a.js"]}
    with pytest.raises(FinishingError, match="node is not on PATH"):
        minify_js.minified(project, {"c.js": SCRIPT + "window.x = 1;\n"})


def test_a_script_terser_cannot_read_fails_naming_it(project):
    with pytest.raises(FinishingError, match=r"assets/js/broken\.js: terser cannot minify it: .*line 1"):
        minify_js.minified(project, {"assets/js/fine.js": SCRIPT, "assets/js/broken.js": "function ( {\n"})


def test_no_terser_says_how_to_install_it(tmp_path):
    with pytest.raises(FinishingError, match=r"terser is not installed; run `npm ci`"):
        minify_js.minified(tmp_path, {"a.js": SCRIPT})
