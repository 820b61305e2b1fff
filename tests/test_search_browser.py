"""Search in Chromium: a reader's words find the strategy they mean, first."""

import re

import pytest
from playwright.sync_api import expect

from conftest import open_context, search
from guide_pages import strategies

pytestmark = pytest.mark.browser

# Each strategy's page, by id, from the catalogue.
PAGE = {s["id"]: f"strategies/{s['slug']}/" for s in strategies()}
S1, S2, S3, S4, S5 = (PAGE[i] for i in ("not-personal", "comfort-zone", "openness", "be-there", "real-interest"))

QUERIES = [
    ("comfort zone", S2), ("pace", S2), ("pressure", S2), ("ready", S2),
    ("vulnerable", S3), ("open up", S3), ("secret", S3),
    ("grocery", S4), ("sick", S4), ("unwell", S4),
    ("past betrayal", S1), ("personally", S1), ("cheated", S1),
    ("listen", S5), ("curious", S5), ("questions", S5),
]


@pytest.fixture(scope="module")
def search_page(browser, server):
    context, log = open_context(browser, server)
    page = context.new_page()
    page.goto(server.url(""))
    yield page
    context.close()


@pytest.mark.parametrize("query,target", QUERIES, ids=[q for q, _ in QUERIES])
def test_first_result_is_the_strategy(search_page, server, query, target):
    first = search(search_page, query)
    expect(first).to_have_attribute("href", re.compile(rf"{target}(\?[^#]*)?(#.*)?$"))


def test_search_works_after_instant_navigation(search_page, server):
    search_page.keyboard.press("Escape")
    search_page.goto(server.url(""))
    search_page.locator(".md-content").get_by_role("link", name="Show real interest in them").first.click()
    expect(search_page).to_have_url(server.url(S5))
    # Material closes search 125 ms after every navigation (its bundle.ts), so
    # search opened sooner shuts again; no reader is that quick.
    search_page.wait_for_timeout(300)
    first = search(search_page, "comfort zone")
    expect(first).to_have_attribute("href", re.compile(rf"{S2}(\?[^#]*)?(#.*)?$"))


INDEX = "search/search_index.json"


@pytest.mark.parametrize("width", [1280, 390])
def test_index_loads_only_when_search_opens(browser, server, width):
    # Most readers never search: the 16 kB index waits until search opens
    # (overrides/partials/tg-search-on-demand.html), by key or by tap.
    context, log = open_context(browser, server, viewport={"width": width, "height": 844})
    fetched = []
    context.on("request", lambda request: request.url.endswith(INDEX) and fetched.append(request.url))
    page = context.new_page()
    page.goto(server.url(S1), wait_until="networkidle")
    page.locator(".md-content a[href$='worksheets/past-and-present/']").first.click()
    expect(page).to_have_url(re.compile("worksheets/past-and-present/"))
    page.wait_for_load_state("networkidle")
    assert fetched == []

    if width < 600:
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.keyboard.press("/")
    page.keyboard.type("comfort zone", delay=20)
    expect(page.locator(".md-search-result__item a").first).to_have_attribute("href", re.compile(S2))
    assert fetched == [server.url(INDEX)]
    assert log.page_errors == []
    context.close()


def test_page_opened_from_a_result_highlights_the_words(page, server):
    # A result opened in a new tab loads the index at once, to mark the words.
    page.goto(server.url(S2) + "?h=comfort+zone")
    expect(page.locator(".md-content mark[data-md-highlight]").first).to_have_text(re.compile("comfort", re.I))


def test_search_link_opens_with_results(page, server):
    # A link to a search (?q=words) opens search at once, so it needs the index.
    page.goto(server.url("") + "?q=comfort+zone")
    expect(page.locator(".md-search-result__item a").first).to_have_attribute("href", re.compile(S2))
