"""A sixth strategy is its catalogue entry and its page. In a copy of the
project with those added, the strict build passes and the strategy shows up
in the navigation, on the home page, in the introduction, behind its short
link and in search; "five" becomes "six" where the site counts them.

The entry says what the page is based on itself (based_on, citing a source
already in data/sources.yml by id), so no third file changes."""

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support import ROOT, build, copy_project

ENTRY = {
    "id": "keep-your-word",
    "title": "Keep your word in small things",
    "slug": "keep-your-word",
    "summary": "Do what you said you would, even the tiny things. Each kept promise is a brick of trust.",
}

PAGE = """---
title: "{{ strategy_title('keep-your-word') }}"
description: Small promises kept, day after day, give a wary partner something solid to stand on.
last_reviewed: 2026-12-01
next_review_due: 2027-06-01
---

# {{ strategy_title('keep-your-word') }}

## In brief { #in-brief }

Say what you will do, then do it. A text sent when you said you would send it
counts for more than a grand promise.

{{ related('keep-your-word') }}

{{ based_on('keep-your-word') }}
"""

URL = "strategies/keep-your-word/"

# What the page is based on, in the entry: a source id from data/sources.yml.
BASED_ON = """    based_on:
      agrees_with: This page agrees that trust grows as a partner proves steady over time.
      cites:
        - source: rempel-holmes-zanna-1985
          supports: Trust grows as a partner is seen to be reliable again and again.
"""


def changed_files(project: Path) -> set[str]:
    """The files of project that differ from (or are missing in) the real sources."""
    changed = set()
    for path in project.rglob("*"):
        rel = path.relative_to(project)
        if path.is_file() and "__pycache__" not in rel.parts:
            real = ROOT / rel
            if not real.is_file() or real.read_bytes() != path.read_bytes():
                changed.add(rel.as_posix())
    return changed


@pytest.fixture(scope="module")
def sixth(tmp_path_factory):
    """The built site of a project copy with a sixth strategy added (two files)."""
    tmp = tmp_path_factory.mktemp("sixth")
    project = copy_project(tmp / "project")
    catalogue = project / "data/strategies.yml"
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    number = len(data["strategies"]) + 1
    # Appended as text, as an editor would add it.
    lines = [f"  - id: {ENTRY['id']}", f"    number: {number}"]
    lines += [f"    {key}: {ENTRY[key]}" for key in ("title", "slug", "summary")]
    text = catalogue.read_text(encoding="utf-8").rstrip("\n")
    catalogue.write_text(text + "\n" + "\n".join(lines) + "\n" + BASED_ON, encoding="utf-8")
    (project / "docs/strategies/keep-your-word.md").write_text(PAGE, encoding="utf-8")
    assert changed_files(project) == {"data/strategies.yml", "docs/strategies/keep-your-word.md"}
    site = tmp / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, number


def html(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_it_is_in_the_navigation_after_the_others(sixth):
    site, number = sixth
    nav = html(site, "").select_one("nav.md-nav--primary")
    section = next(li for li in nav.select("li.md-nav__item--section")
                   if "strategies" in li.select_one("label").get_text())
    assert section.select_one("label").get_text(" ", strip=True).startswith("The six strategies")
    links = [a["href"] for a in section.select("a.md-nav__link[href]")]
    assert len(links) == number and links[-1].rstrip("/").endswith("keep-your-word")


def test_it_is_on_the_home_page_and_in_the_introduction(sixth):
    site, number = sixth
    home = html(site, "")
    cards = home.select(".tg-cards .tg-card")
    assert len(cards) == number
    assert ENTRY["title"] in cards[-1].get_text() and cards[-1].a["href"].endswith("keep-your-word/")
    assert home.select_one(".tg-cards")["aria-label"] == "The six strategies"
    assert home.select_one("#the-five-strategies").get_text(strip=True).startswith("The six strategies")
    intro = html(site, "introduction/").select_one("article")
    assert "into six strategies" in intro.get_text(" ")
    assert intro.select_one("a[href$='strategies/keep-your-word/']") is not None


def test_its_page_is_built_with_its_title(sixth):
    site, _ = sixth
    page = html(site, URL)
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == ENTRY["title"]
    assert page.select_one(".tg-related") is not None
    sources = page.select_one("section.tg-sources")
    assert "Trust in close relationships" in sources.get_text(" ")


def test_it_has_its_short_link(sixth):
    site, number = sixth
    short = site / f"s/{number}/index.html"
    assert "keep-your-word/" in short.read_text(encoding="utf-8")


def test_it_is_in_search(sixth):
    site, _ = sixth
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"] if doc["location"] == URL}
    assert ENTRY["title"] in titles


def test_the_site_description_counts_six(sixth):
    site, _ = sixth
    assert "six strategies, printable worksheets" in (site / "404.html").read_text(encoding="utf-8")


# The pure part that either engine's build calls (macros/catalogue.py).

def test_counts_are_written_in_words():
    from macros.catalogue import count_words
    assert [count_words(n) for n in (1, 5, 6, 12, 13)] == ["one", "five", "six", "twelve", "13"]


def test_the_nav_section_and_description_come_from_the_catalogue():
    from macros.catalogue import expand_config, load_catalogue
    raw = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    # mkdocs.yml names no strategy page itself: the catalogue does.
    assert "strategies/" not in yaml.safe_dump(raw["nav"])
    catalog = load_catalogue(ROOT)
    expanded = expand_config(raw, ROOT)
    words = {1: "one", 5: "five", 6: "six"}.get(len(catalog.strategies), str(len(catalog.strategies)))
    section = next(e for e in expanded["nav"] if isinstance(e, dict) and f"The {words} strategies" in e)
    assert section[f"The {words} strategies"] == [s.doc_path for s in catalog.strategies]
    assert [list(e)[0] if isinstance(e, dict) else e for e in expanded["nav"]][:3] == \
        ["Home", "Introduction", f"The {words} strategies"]
    assert "{" not in expanded["site_description"] and f"{words} strategies" in expanded["site_description"]


def test_a_nav_without_the_catalogue_section_fails_naming_it():
    from macros.catalogue import expand_config
    from macros.errors import DataError
    with pytest.raises(DataError) as err:
        expand_config({"nav": [{"Home": "index.md"}]}, ROOT)
    assert "mkdocs.yml, nav" in str(err.value) and "data/strategies.yml" in str(err.value)
