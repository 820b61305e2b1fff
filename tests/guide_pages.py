"""Helpers for the tests of the guide's pages: the strategies in order, the
built HTML of a page, its readable prose."""

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from support import ROOT, built_page, page_url  # noqa: F401 - page_url: the one URL rule, re-exported

# Every strategy page has these sections, in this order, with these ids.
SECTION_IDS = ["in-brief", "why-it-matters", "everyday-life", "try-this-week", "watch-out", "reflect"]


def strategies() -> list[dict]:
    """data/strategies.yml, in reading order."""
    with open(ROOT / "data" / "strategies.yml", encoding="utf-8") as fh:
        items = yaml.safe_load(fh)["strategies"]
    return sorted(items, key=lambda s: s["number"])


def content_pages() -> list[Path]:
    """Every Markdown page under docs/ (their URLs: support.source_page_urls)."""
    return sorted((ROOT / "docs").rglob("*.md"))


def front_matter(path: Path) -> dict:
    """A page's YAML front matter."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path.relative_to(ROOT)}: no front matter"
    return yaml.safe_load(match.group(1)) or {}


def soup(site_dir: Path, url: str) -> BeautifulSoup:
    html = built_page(site_dir, url).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def article(page: BeautifulSoup):
    return page.select_one("article.md-content__inner")


def prose(page: BeautifulSoup) -> str:
    """The page's running text for a readability score: paragraphs and list
    items (stories included), each ending as a sentence; not headings, not the
    Related box, not the permalink marks."""
    body = article(page)
    blocks = []
    for el in body.select("p, li"):
        if el.find_parent(class_="tg-related") or el.find_parent(class_="tg-cards"):
            continue
        if "admonition-title" in (el.get("class") or []):
            continue
        if el.name == "li" and el.find("p"):
            continue  # its paragraphs are counted on their own
        text = " ".join(el.get_text(" ").split())
        if text:
            blocks.append(text if text[-1] in ".!?\"'" else text + ".")
    return "\n".join(blocks)
