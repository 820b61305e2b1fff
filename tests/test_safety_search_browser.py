"""Search finds help: words a frightened or controlled reader types lead to
the safety page first, and a search that finds nothing still offers a way
to the contents and to help (docs/assets/js/search-help.js)."""

import re

import pytest
from playwright.sync_api import expect

from conftest import open_context, search

pytestmark = pytest.mark.browser

SAFETY = re.compile(r"/safety/(\?[^#]*)?(#.*)?$")

QUERIES = [
    "checks my phone", "partner checks my phone", "reads my messages", "controlling",
    "jealous", "tracks me", "afraid of my partner", "threatens", "hits", "scared",
    "abuse", "passwords", "helpline", "hurt me", "spyware", "delete history",
]


@pytest.fixture(scope="module")
def search_page(browser, server):
    context, log = open_context(browser, server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url(""))
    page.log = log
    yield page
    context.close()


@pytest.mark.parametrize("query", QUERIES)
def test_safety_page_comes_first(search_page, query):
    first = search(search_page, query)
    if query == "delete history":
        # Deleting what this site stored is the privacy page's job; the
        # safety page covers the browser's own history. Either helps.
        expect(first).to_have_attribute("href", re.compile(r"/(safety|privacy)/(\?[^#]*)?(#.*)?$"))
    else:
        expect(first).to_have_attribute("href", SAFETY)


def test_strategy_words_still_find_their_strategy(search_page):
    # The safety page's boost must not push it above the strategies for
    # everyday words.
    first = search(search_page, "comfort zone")
    expect(first).to_have_attribute("href", re.compile("strategies/respect-their-comfort-zone/"))


@pytest.mark.parametrize("width", [1280, 390])
def test_no_results_offers_the_contents_and_help(browser, server, width):
    context, log = open_context(browser, server, viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(server.url("worksheets/comfort-map/"))
    if width < 600:
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator(".md-search__input").click()
    help_line = page.locator(".tg-search-help")
    page.locator(".md-search__input").press_sequentially("qzxv", delay=20)
    expect(page.locator(".md-search-result__meta").first).to_have_text(re.compile("No matching"))
    expect(help_line).to_be_visible()
    expect(help_line.get_by_role("link", name="the guide's contents")).to_have_attribute(
        "href", server.url(""))
    expect(help_line.get_by_role("link", name="where to get help")).to_have_attribute(
        "href", server.url("safety/"))
    # With results again, the line goes away.
    page.locator(".md-search__input").fill("")
    page.locator(".md-search__input").press_sequentially("trust", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(help_line).to_be_hidden()
    help_line_count = page.locator(".tg-search-help").count()
    assert help_line_count == 1
    assert log.page_errors == []
    context.close()


def test_no_results_help_after_instant_navigation(browser, server):
    context, log = open_context(browser, server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url(""))
    page.wait_for_load_state("networkidle")
    page.locator(".md-content a[href$='introduction/']").first.click()
    expect(page).to_have_url(server.url("introduction/"))
    page.wait_for_timeout(300)  # Material closes search 125 ms after navigating
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("qzxv", delay=20)
    help_line = page.locator(".tg-search-help")
    expect(help_line).to_be_visible()
    # Links stay right after the page depth changed.
    expect(help_line.get_by_role("link", name="where to get help")).to_have_attribute(
        "href", server.url("safety/"))
    assert page.locator(".tg-search-help").count() == 1
    context.close()
