"""The same site on the second engine: Zensical builds the same tree, and the
same finishing step (finishing/) runs after it. Compared with the MkDocs build:
the same URLs, the same main text on every page, the same policy with no
violations, working search and saving, and no broken links.

Needs .venv-zensical (`make test` creates it; README "Two engines"); without
it these tests skip, saying so."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from support import BUILD_ENV, ROOT, SiteServer, base_path, copy_project, keep_answers, wait_ready

pytestmark = pytest.mark.zensical

ZPYTHON = ROOT / ".venv-zensical" / "bin" / "python"
NO_ZENSICAL = "no Zensical venv (.venv-zensical): run `make test` or `make build-zensical` to create it"


def _run(command: list, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], cwd=cwd, env=BUILD_ENV, capture_output=True, text=True)


@pytest.fixture(scope="session")
def zensical_build(tmp_path_factory):
    """A copy of the project built by Zensical, then finished: (site, finishing result)."""
    if not ZPYTHON.exists():
        pytest.skip(NO_ZENSICAL)
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    steps = [[ZPYTHON, "-m", "tools.zensical_config", project],
             [ZPYTHON, "-m", "zensical", "build", "-f", "zensical.generated.yml"]]
    for command in steps:
        result = _run(command, project)
        assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    finished = _run([ZPYTHON, "-m", "finishing", "site-zensical"], project)
    return project / "site-zensical", finished


@pytest.fixture(scope="session")
def zsite(zensical_build):
    site, finished = zensical_build
    # The finishing step checks every link (finishing/link_check.py) and fails on a broken one.
    assert finished.returncode == 0, finished.stderr
    return site


@pytest.fixture(scope="session")
def zserver(zsite):
    with SiteServer(zsite) as srv:
        yield srv


def pages(site: Path) -> set[str]:
    """Every built HTML page, as a site path; the engines' own extras left out
    (Zensical writes no sitemap.xml.gz, MkDocs no search.json: not pages)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def main_text(html: str) -> str:
    """The article's words, whitespace normalised; permalink marks left out."""
    article = BeautifulSoup(html, "html.parser").find("article")
    if article is None:
        return ""
    for mark in article.select("a.headerlink"):
        mark.decompose()
    return " ".join(article.get_text(" ").split())


def policy_without_hashes(html: str) -> str:
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert found, "no policy"
    return re.sub(r" 'sha256-[^']+'", "", found.group(1))


def test_the_finishing_step_passes_on_the_zensical_build(zensical_build):
    _, finished = zensical_build
    assert finished.returncode == 0, finished.stderr  # includes 0 broken links


def test_same_urls(zsite, site_dir):
    assert pages(zsite) == pages(site_dir)


def test_same_main_text_on_every_page(zsite, site_dir):
    shared = sorted(pages(site_dir) & pages(zsite))
    assert len(shared) > 30
    # The share box, the 404 page's strategies and the safety page's hidden
    # tags included (README "Two engines" says how each is given to Zensical).
    assert [w for w in shared if main_text((site_dir / w).read_text(encoding="utf-8"))
            != main_text((zsite / w).read_text(encoding="utf-8"))] == []


def test_the_404_page_lists_every_strategy(zsite):
    from macros.catalogue import load_catalogue

    soup = BeautifulSoup((zsite / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = [(a.get_text(), a["href"]) for a in soup.select("ol.tg-404-strategies a")]
    expected = [(s.title, f"{base_path()}strategies/{s.slug}/")
                for s in sorted(load_catalogue(ROOT).strategies, key=lambda s: s.number)]
    assert links == expected


def _front_matter_tags(source: Path) -> list[str]:
    front = source.read_text(encoding="utf-8").split("---")[1]
    return yaml.safe_load(front)["tags"]


def visible_text(html: str) -> str:
    """What a reader sees on the page (a rough cut: no scripts, styles,
    hidden elements or templates), whitespace normalised, lower case."""
    soup = BeautifulSoup(html, "html.parser")
    for gone in soup.select("script, style, template, noscript, [hidden]"):
        gone.decompose()
    return " ".join(soup.body.get_text(" ").split()).lower()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_safety_page_shows_none_of_its_search_tags(engine, request):
    """The safety page's tags are a frightened reader's own words ("checks my
    phone"), there for search only: a partner glancing at the screen must not
    see them listed. Neither engine prints a tag list, and no tag shows more
    often than on the MkDocs page, where Material prints none
    (overrides/partials/tags.html makes Zensical print none too)."""
    tags = _front_matter_tags(ROOT / "docs" / "safety.md")
    assert "checks my phone" in tags  # the words this test is about
    mk_html = (request.getfixturevalue("site_dir") / "safety/index.html").read_text(encoding="utf-8")
    site = request.getfixturevalue("site_dir" if engine == "mkdocs" else "zsite")
    html = (site / "safety/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select(".md-tags, .md-tag") == []
    shown, on_mkdocs = visible_text(html), visible_text(mk_html)
    assert "checks my phone" not in shown
    for tag in tags:
        pattern = re.compile(rf"\b{re.escape(tag)}\b")
        assert len(pattern.findall(shown)) <= len(pattern.findall(on_mkdocs)), tag


def share_image(html: str) -> dict:
    soup = BeautifulSoup(html, "html.parser")
    return {m.get("property") or m.get("name"): m["content"] for m in soup.head.find_all("meta")
            if (m.get("property") or m.get("name") or "").startswith(("og:image", "twitter:image"))}


def test_same_share_images_on_every_page(zsite, site_dir):
    """finishing/share_images.py gives both builds the same cards and tags."""
    for where in sorted(pages(site_dir) & pages(zsite)):
        mk = share_image((site_dir / where).read_text(encoding="utf-8"))
        assert mk.get("og:image") and mk.get("og:image:alt"), where
        assert share_image((zsite / where).read_text(encoding="utf-8")) == mk, where
    cards = sorted(p.name for p in (site_dir / "assets/images/share").glob("*.png"))
    assert len(cards) > 15
    for name in cards:
        assert (zsite / "assets/images/share" / name).read_bytes() == \
            (site_dir / "assets/images/share" / name).read_bytes(), name


def test_same_policy_on_every_page(zsite, site_dir):
    for where in sorted(pages(site_dir) & pages(zsite)):
        mk = policy_without_hashes((site_dir / where).read_text(encoding="utf-8"))
        assert policy_without_hashes((zsite / where).read_text(encoding="utf-8")) == mk, where


@pytest.mark.browser
def test_no_page_breaks_the_policy(browser, zserver, zsite):
    from conftest import open_context

    context, log = open_context(browser, zserver)
    page = context.new_page()
    page.add_init_script("""
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
    """)
    for where in sorted(pages(zsite)):
        if where.startswith("s/"):
            continue  # they leave at once, for a page checked here anyway
        page.goto(zserver.url(where.removesuffix("index.html")))
        page.wait_for_load_state("load")
        assert page.evaluate("window.__cspViolations") == [], where
    context.close()
    assert log.page_errors == [] and log.foreign_requests == []


def zensical_search(page, query: str):
    """Open Zensical's own search (a button, then a dialog in a shadow root,
    which Playwright's locators pierce) and type query like a person."""
    page.locator(".md-search__button").first.click()
    box = page.locator("dialog[open]").get_by_role("combobox", name="Search")
    expect(box).to_be_focused()
    box.fill("")
    box.press_sequentially(query, delay=20)
    return page.locator("dialog[open]")


@pytest.mark.browser
def test_search_finds_a_strategy(browser, zserver):
    """Zensical's search (its own UI and index, search.json), offline: the
    on-demand index partial is Material's, not used here."""
    from conftest import open_context

    context, log = open_context(browser, zserver)
    page = context.new_page()
    page.goto(zserver.url(""))
    dialog = zensical_search(page, "comfort zone")
    first = dialog.get_by_role("listbox").locator("a").first
    expect(first).to_have_attribute("href", re.compile(r"respect-their-comfort-zone"))
    context.close()
    assert log.page_errors == [] and log.foreign_requests == []


@pytest.mark.browser
def test_search_shows_none_of_the_safety_tags(browser, zserver):
    """Zensical's search listed every tag in its index as a filter as soon as
    it opened ("checks my phone", "tracks me", ...), for anyone looking at the
    screen; finishing/search_tags.py keeps them out of its index."""
    from conftest import open_context

    tags = _front_matter_tags(ROOT / "docs" / "safety.md")
    context, _ = open_context(browser, zserver)
    page = context.new_page()
    page.goto(zserver.url(""))
    dialog = zensical_search(page, "scared")  # a word of the safety page's own text
    expect(dialog.get_by_role("listbox")).to_contain_text("When it's not about trust")
    shown = dialog.inner_text().lower()
    assert [t for t in tags if " " in t and t in shown] == []  # words only a tag holds
    context.close()


def test_zensical_search_index_holds_no_tags(zsite):
    import json

    items = json.loads((zsite / "search.json").read_text(encoding="utf-8"))["items"]
    assert any(i["location"].startswith("safety/") for i in items)
    assert [i["location"] for i in items if i.get("tags")] == []


@pytest.mark.browser
def test_the_share_box_shares_the_short_link(browser, zserver):
    """The share box (overrides/partials/tg-share.html), fed on Zensical by
    tools/zensical_config.py: its short link, QR code and Copy link work."""
    from conftest import open_context
    from support import site_url

    short = site_url() + "s/4/"
    context, log = open_context(browser, zserver, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(zserver.url("strategies/be-there-when-they-struggle/"))
    wait_ready(page, "share")
    qr = page.locator(".tg-share__qr svg")
    expect(qr).to_be_visible()
    expect(qr).to_have_attribute(
        "aria-label", f"QR code that opens strategy 4, Be there when they struggle, at {short}")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".tg-share__status")).to_have_text("Link copied: " + short)  # Zensical's dialog is a status too
    assert page.evaluate("navigator.clipboard.readText()") == short
    context.close()
    assert log.page_errors == [] and log.foreign_requests == []


@pytest.mark.browser
def test_a_worksheet_saves(browser, zserver):
    from conftest import open_context

    context, log = open_context(browser, zserver)
    page = context.new_page()
    page.goto(zserver.url("worksheets/past-and-present/"))
    wait_ready(page, "worksheet", "[data-tg-worksheet='past-and-present']")
    keep_answers(page)
    field = page.get_by_label("What happened, in a few neutral sentences?")
    field.press_sequentially("Late home, quiet evening")
    page.reload()
    expect(page.get_by_label("What happened, in a few neutral sentences?")).to_have_value("Late home, quiet evening")
    context.close()
    assert log.page_errors == []
