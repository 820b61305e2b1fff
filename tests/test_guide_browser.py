"""The guide in a real Chromium, on a phone: a reader can go from the home
cards through every strategy and back. (No page scrolls sideways on a
phone: test_site_pass_browser.py.)"""

import re

import pytest
from playwright.sync_api import expect

from conftest import open_context
from guide_pages import strategies

pytestmark = pytest.mark.browser

STRATEGIES = strategies()


@pytest.fixture(params=[390, 320], ids=lambda w: f"{w}px")
def phone(request, browser, server):
    context, log = open_context(browser, server, viewport={"width": request.param, "height": 844},
                                is_mobile=True, has_touch=True)
    page = context.new_page()
    page.log = log
    yield page
    context.close()


def heading(title: str) -> re.Pattern:
    """The h1 text: the title, then Material's permalink mark."""
    return re.compile("^" + re.escape(title) + r"\W*$")


def url_pattern(url: str) -> re.Pattern:
    return re.compile(re.escape(url) + r"(#.*)?$")


@pytest.mark.parametrize("index", range(len(STRATEGIES)), ids=[s["id"] for s in STRATEGIES])
def test_each_card_opens_its_strategy(phone, server, index):
    strategy = STRATEGIES[index]
    phone.goto(server.url())
    phone.wait_for_load_state("networkidle")  # instant navigation reads the sitemap first
    phone.locator("a.tg-card__link").nth(index).click()
    expect(phone).to_have_url(url_pattern(server.url(f"strategies/{strategy['slug']}/")))
    expect(phone.locator("article h1")).to_have_text(heading(strategy["title"]))


def test_reader_walks_all_five_and_back_home(page, server):
    page.goto(server.url())
    page.wait_for_load_state("networkidle")
    page.locator("a.tg-card__link").first.click()
    for i, strategy in enumerate(STRATEGIES):
        expect(page).to_have_url(url_pattern(server.url(f"strategies/{strategy['slug']}/")))
        expect(page.locator("article h1")).to_have_text(heading(strategy["title"]))
        expect(page.locator("aside.tg-related a", has_text="When it's not about trust")).to_be_visible()
        if i + 1 < len(STRATEGIES):
            page.locator("a.md-footer__link--next").click()
    page.locator("a.md-header__button.md-logo").click()
    expect(page).to_have_url(url_pattern(server.url()))
    expect(page.locator("a.tg-card__link")).to_have_count(len(STRATEGIES))
    assert page.log.page_errors == []
    assert page.log.foreign_requests == []
