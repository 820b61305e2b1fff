"""Search in Chromium: a reader's words find the strategy they mean, first."""

import pytest
from playwright.sync_api import expect

from conftest import open_context, search

pytestmark = pytest.mark.browser

S1 = "strategies/dont-take-it-personally/"
S2 = "strategies/respect-their-comfort-zone/"
S3 = "strategies/reward-openness-with-kindness/"
S4 = "strategies/be-there-when-they-struggle/"
S5 = "strategies/show-real-interest/"

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
    expect(first).to_have_attribute("href", __import__("re").compile(rf"{target}(\?[^#]*)?(#.*)?$"))


def test_search_works_after_instant_navigation(search_page, server):
    search_page.keyboard.press("Escape")
    search_page.goto(server.url(""))
    search_page.locator(".md-content").get_by_role("link", name="Show real interest in them").first.click()
    expect(search_page).to_have_url(server.url(S5))
    first = search(search_page, "comfort zone")
    expect(first).to_have_attribute("href", __import__("re").compile(rf"{S2}(\?[^#]*)?(#.*)?$"))
