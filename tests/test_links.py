"""Links: every page previews well (absolute canonical, OG, Twitter tags),
the public URL list still resolves, and /s/N/ short links land on strategy N."""

from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import expect

from support import ROOT, page_paths, site_url

URL_LIST = ROOT / "tests" / "public_urls.txt"
STRATEGIES = yaml.safe_load((ROOT / "data" / "strategies.yml").read_text())["strategies"]


def pages(site_dir: Path) -> list[Path]:
    """Built content pages, without the /s/N/ redirect stubs."""
    return [site_dir / path / "index.html" for path in page_paths(site_dir)]


def test_url_list_still_resolves(site_dir):
    missing = []
    for line in URL_LIST.read_text().split():
        line, _, anchor = line.partition("#")
        if anchor:
            html = (site_dir / line / "index.html" if line else site_dir / "index.html")
            if not html.is_file() or f'id="{anchor}"' not in html.read_text(encoding="utf-8"):
                missing.append(f"{line}#{anchor}")
            continue
        if line == "/":
            path = site_dir / "index.html"
        elif line.endswith("/"):
            path = site_dir / line / "index.html"
        else:
            path = site_dir / line
        if not path.is_file():
            missing.append(line)
    assert not missing, f"public URLs missing from the build: {missing}"


def test_every_page_has_absolute_preview_tags(site_dir):
    base = site_url()
    for path in pages(site_dir):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.parent.relative_to(site_dir).as_posix()
        expected = base + ("" if rel == "." else rel + "/")
        canonical = soup.find_all("link", rel="canonical")
        assert [c["href"] for c in canonical] == [expected], path
        meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.find_all("meta")}
        assert meta.get("description"), path
        assert meta["og:url"] == expected
        assert meta["og:locale"] == "en_GB"
        assert meta["twitter:card"] == "summary_large_image"
        image = meta["og:image"]
        assert image.startswith(base + "assets/images/share/"), path
        with Image.open(site_dir / image.removeprefix(base)) as png:
            assert png.size == (1200, 630) and png.format == "PNG"
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["og:image:alt"] and meta["twitter:image"] == image
        if rel.startswith(("strategies/", "worksheets/", "checklists/")):
            assert not image.endswith("/default.png"), path
        for key in ("og:type", "og:site_name", "og:title", "og:description"):
            assert meta.get(key), (path, key)


def test_descriptions_are_unique(site_dir):
    seen = {}
    for path in pages(site_dir):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        desc = soup.find("meta", attrs={"name": "description"})["content"]
        seen.setdefault(desc, []).append(path.parent.name)
    dupes = {d: p for d, p in seen.items() if len(p) > 1}
    assert not dupes, dupes


def test_redirect_pages_carry_absolute_canonical(site_dir):
    for s in STRATEGIES:
        soup = BeautifulSoup((site_dir / "s" / str(s["number"]) / "index.html").read_text(), "html.parser")
        assert soup.find("link", rel="canonical")["href"] == f"{site_url()}strategies/{s['slug']}/"


def test_headings_have_labelled_permalinks(site_dir):
    for path in pages(site_dir):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        # Markdown headings only, not the headings of macro-rendered boxes.
        for h in soup.select("article > h2, article > h3"):
            assert h.get("id"), (path, h)
            link = h.find("a", class_="headerlink")
            assert link and link["href"] == f"#{h['id']}" and link.get("title"), (path, h)


@pytest.mark.browser
@pytest.mark.parametrize("number", [3, 1])
def test_short_link_lands_on_strategy(page, server, number):
    s = next(s for s in STRATEGIES if s["number"] == number)
    page.goto(server.url(f"s/{number}/"))
    expect(page).to_have_url(server.url(f"strategies/{s['slug']}/"))
    expect(page.locator("article h1")).to_contain_text(s["title"].split("'")[0])


def test_sitemap_lists_every_page_absolutely(site_dir):
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    listed = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for path in pages(site_dir):
        if path.parent.name == "404":
            continue
        rel = path.parent.relative_to(site_dir).as_posix()
        assert site_url() + ("" if rel == "." else rel + "/") in listed, path


def test_short_links_preview_like_their_strategy(site_dir):
    def preview(path: Path) -> dict:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        tags = {m.get("property") or m.get("name"): m["content"] for m in soup.find_all("meta")
                if (m.get("property") or m.get("name") or "").startswith(("og:", "twitter:", "description"))}
        return {"title": soup.title.string, **tags}

    for s in STRATEGIES:
        short = preview(site_dir / "s" / str(s["number"]) / "index.html")
        page = preview(site_dir / "strategies" / s["slug"] / "index.html")
        assert short == page and short["og:image"].endswith(".png"), s["number"]
