"""The W3C Nu Html Checker (npm vnu-jar) over every built page: no errors in
our own markup. The few errors that come from Material's own templates are
allowed one by one below, each with where it comes from and why it stays."""

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Allowed:
    """One known error from Material's templates, matched by message and markup."""

    name: str
    message: str  # regex on the checker's message
    extract: str  # regex on the markup the checker quotes
    reason: str

    def matches(self, error: dict) -> bool:
        return bool(re.search(self.message, error["message"])
                    and re.search(self.extract, error.get("extract", "")))


MATERIAL_ERRORS = [
    Allowed(
        name="empty tabindex on navigation section labels",
        message=r"Bad value “” for attribute “tabindex” on element “label”",
        extract=r'<label class="md-nav__link[^"]*" for="__nav_[^"]*" id="__nav_[^"]*_label" tabindex="">',
        reason="material/templates/partials/nav-item.html writes tabindex=\"{{ tabindex }}\", "
               "empty for section labels; browsers treat an empty tabindex as absent, so the "
               "label stays out of the tab order as Material intends.",
    ),
    Allowed(
        name="autocomplete on Material's checkbox toggles",
        message=r"Attribute “autocomplete” is only allowed when the input type is",
        extract=r'<input class="md-(toggle|nav__toggle md-toggle)[^"]*"[^>]*type="checkbox"[^>]*autocomplete="off"',
        reason="material/templates/base.html (drawer, search) and partials/nav-item.html put "
               "autocomplete=\"off\" on hidden checkbox toggles so Firefox does not restore "
               "their state on back navigation; harmless, and it is Material's markup.",
    ),
]


def vnu_errors(paths: list[Path]) -> list[dict]:
    """Errors (not warnings) the checker reports for the given files or folders."""
    java = shutil.which("java")
    assert java, "The HTML check needs Java: run 'sudo apt-get install default-jre-headless'"
    assert VNU.exists(), "vnu-jar is missing: run `make test` (it runs npm ci)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
         *map(str, paths)],
        capture_output=True, text=True,
    )
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def unexplained(errors: list[dict]) -> list[dict]:
    return [e for e in errors if not any(a.matches(e) for a in MATERIAL_ERRORS)]


def describe(error: dict, site_dir: Path) -> str:
    where = error.get("url", "").removeprefix("file:").replace(str(site_dir), "")
    return f"{where}:{error.get('lastLine')}: {error['message']}\n    {error.get('extract', '').strip()}"


@pytest.fixture(scope="module")
def site_errors(site_dir) -> list[dict]:
    return vnu_errors([site_dir])


def test_every_page_is_valid_html_but_for_named_material_errors(site_errors, site_dir):
    found = [describe(e, site_dir) for e in unexplained(site_errors)]
    assert found == [], "\n".join(found)


def test_every_allowed_material_error_still_occurs(site_errors):
    """An allowance that matches nothing any more is stale: drop it."""
    stale = [a.name for a in MATERIAL_ERRORS if not any(a.matches(e) for e in site_errors)]
    assert stale == []


def test_every_page_was_checked(site_errors, site_dir):
    """Each Material page carries the drawer toggle, so each shows up in the report."""
    pages = {p.resolve() for p in site_dir.rglob("*.html") if "md-toggle" in p.read_text("utf-8")}
    reported = {Path(e["url"].removeprefix("file:")).resolve() for e in site_errors}
    assert len(pages) >= 25
    assert pages - reported == set()


def test_our_own_broken_markup_is_caught(tmp_path):
    """The allow-list is narrow: the same kinds of error in our markup still fail."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><label class="tg-field" tabindex="">x</label>'
        '<input class="tg-answer" type="checkbox" autocomplete="off"><p><div></div></p>'
        "</body></html>", encoding="utf-8")
    messages = [e["message"] for e in unexplained(vnu_errors([page]))]
    assert len(messages) >= 3, messages
