"""The test helpers themselves: which Chromium the browser tests drive (CI
sets CHROMIUM_PATH to Playwright's own build), and the one page-to-URL rule."""

from types import SimpleNamespace

import support
from support import ROOT, chromium_path, page_url


def fake_playwright(path: str):
    return SimpleNamespace(chromium=SimpleNamespace(executable_path=path))


def test_chromium_path_prefers_the_named_browser(tmp_path, monkeypatch):
    named = tmp_path / "chrome"
    named.write_text("")
    monkeypatch.setenv("CHROMIUM_PATH", str(named))
    assert chromium_path(fake_playwright("/nowhere")) == str(named)


def test_chromium_path_falls_back_to_playwrights_own(tmp_path, monkeypatch):
    own = tmp_path / "ms-playwright" / "chrome"
    own.parent.mkdir()
    own.write_text("")
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setattr(support.shutil, "which", lambda name: None)
    real_exists = support.Path.exists
    monkeypatch.setattr(support.Path, "exists", lambda p: p != support.Path("/usr/bin/chromium") and real_exists(p))
    assert chromium_path(fake_playwright(str(own))) == str(own)
    assert chromium_path(fake_playwright(str(tmp_path / "missing"))) is None


def test_page_url_rule():
    docs = ROOT / "docs"
    assert page_url(docs / "index.md") == ""
    assert page_url(docs / "about.md") == "about/"
    assert page_url(docs / "worksheets" / "index.md") == "worksheets/"
    assert page_url(docs / "worksheets" / "comfort-map.md") == "worksheets/comfort-map/"
