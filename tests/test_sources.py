"""What the guide is based on: data/sources.yml is validated, each source is
written once, each strategy's based_on (data/strategies.yml) cites sources
from it, and every strategy page and the safety page end with it."""

import re

import pytest

from guide_pages import article, soup, strategies
from macros.errors import DataError
from macros.loading import load_model
from macros.models import Strategy, StrategyList
from macros.sources import load_sources, render_based_on
from support import ROOT, build, copy_project

SOURCES = ROOT / "data" / "sources.yml"
CATALOG = load_model(ROOT / "data" / "strategies.yml", StrategyList).strategies
STRATEGY_IDS = [s["id"] for s in strategies()]


def test_real_sources_load_and_cover_every_strategy():
    sources = load_sources(SOURCES, CATALOG)
    assert {t.id for t in sources.topics} >= {*STRATEGY_IDS, "safety"}
    # The sources named in issue 17, each written once.
    years = {(s.authors.split()[-1], s.year) for s in sources.sources}
    assert {("Gottman", 2011), ("Zanna", 1985), ("Shaver", 1988), ("Shaver", 1987), ("Stark", 2007)} <= years


def test_supports_are_plain_sentences_without_page_numbers_or_quotes():
    sources = load_sources(SOURCES, CATALOG)
    for topic in sources.topics:
        for cite in topic.cites:
            text = cite.supports
            assert text.endswith("."), text
            assert not re.search(r"\d|\bpp?\.\s|[\"“”]", text), text


GOOD = """sources:
  - id: a-2000
    authors: Ann Author
    title: A title
    year: 2000
    published_in: A journal
topics:
  - id: one
    agrees_with: An idea.
    cites:
      - source: a-2000
        supports: One sentence.
"""


def write(tmp_path, text):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def strategy(strategy_id: str, *source_ids: str) -> Strategy:
    """A catalogue entry whose based_on cites source_ids."""
    return Strategy.model_validate({
        "id": strategy_id, "number": 1, "title": "T", "slug": strategy_id, "summary": "S.",
        "based_on": {"agrees_with": "An idea.",
                     "cites": [{"source": s, "supports": "One sentence."} for s in source_ids]}})


def test_good_example_loads(tmp_path):
    """The control for the failures below."""
    assert load_sources(write(tmp_path, GOOD), []).topic("one").cites[0].source == "a-2000"


def test_a_strategys_topic_comes_from_its_catalogue_entry(tmp_path):
    text = GOOD.replace("topics:", "  - {id: b-1, authors: B, title: T, year: 2001, published_in: J}\ntopics:")
    sources = load_sources(write(tmp_path, text), [strategy("two", "b-1")])
    assert [c.source for c in sources.topic("two").cites] == ["b-1"]
    assert sources.topic("one") is not None


@pytest.mark.parametrize(
    "text, catalog, expected",
    [
        (GOOD.replace("source: a-2000", "source: b-1999"), [],
         "topics[0].cites[0].source: unknown source 'b-1999'"),
        (GOOD.replace("    year: 2000\n", ""), [], "source 1, year\n  Problem: this field is missing"),
        (GOOD.replace("year: 2000", "year: '2000'"), [], "source 1, year"),
        (GOOD + "  - id: one\n    agrees_with: Again.\n    cites:\n      - {source: a-2000, supports: X.}\n",
         [], "duplicate id"),
        (GOOD.replace("topics:", "  - {id: b-1, authors: B, title: T, year: 2001, published_in: J}\ntopics:"),
         [], "never cited: b-1"),
        (GOOD, [strategy("two", "b-1999")],
         "strategies.yml: strategy 1, based_on, cites 1, source\n  Problem: unknown source 'b-1999'"),
        (GOOD, [strategy("one", "a-2000")], "'one' is a strategy"),
        (GOOD.replace("    published_in: A journal\n", "    published_in: A journal\n    page: 12\n"),
         [], "source 1, page"),
    ],
    ids=["unknown source", "missing year", "year as text", "duplicate topic", "unused source",
         "strategy cites an unknown source", "strategy topic written twice", "unknown field"],
)
def test_bad_sources_fail_naming_file_and_field(tmp_path, text, catalog, expected):
    with pytest.raises(DataError) as err:
        load_sources(write(tmp_path, text), catalog)
    assert "sources.yml" in str(err.value)
    assert expected in str(err.value)


def test_rendered_section_escapes_text(tmp_path):
    sources = load_sources(write(tmp_path, GOOD.replace("A title", "<b>A</b> title")), [])
    html = render_based_on(sources, sources.topic("one"), "strategies/x/")
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert 'href="../../about/#how-we-write-and-check-this-guide"' in html


PAGES = [f"strategies/{s['slug']}/" for s in strategies()] + ["safety/"]


@pytest.mark.parametrize("url", PAGES)
def test_page_ends_with_what_this_is_based_on(site_dir, url):
    body = article(soup(site_dir, url))
    section = body.select_one("section.tg-sources")
    assert section is not None
    assert section.h2.get_text(strip=True).rstrip("¶") == "What this is based on"
    assert len(section.select("li cite")) >= 1
    # No section of the page's own text comes after it (the share box that
    # the theme adds below every strategy page is not part of the text).
    later = [h.get("id") for h in section.h2.find_all_next("h2")]
    assert all(i and i.startswith("tg-") for i in later), later
    if url.startswith("strategies/"):
        assert len(section.select("li cite")) >= 2
        assert body.select_one("aside.tg-related").find_next("section", class_="tg-sources") is section


def test_unknown_topic_fails_the_build_naming_the_page(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ based_on('nope') }}\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "about.md" in result.stdout + result.stderr
    assert "'nope'" in result.stdout + result.stderr
