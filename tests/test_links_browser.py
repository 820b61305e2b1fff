"""Links in Chromium: Copy link (clipboard and fallback), 404 at a deep path."""

import pytest
from playwright.sync_api import expect

from conftest import open_context
from guide_pages import strategies
from support import site_url

pytestmark = pytest.mark.browser

STRATEGY = "strategies/reward-openness-with-kindness/"
NO_CLIPBOARD = "Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true});"


def test_copy_link_copies_the_short_link(browser, server):
    context, log = open_context(browser, server, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url(STRATEGY))
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status")).to_contain_text("Link copied")
    # The short link: /s/3/ for strategy 3 (data/strategies.yml).
    assert page.evaluate("navigator.clipboard.readText()") == site_url() + "s/3/"
    assert log.console_errors == [] and log.page_errors == []
    context.close()


def test_copy_link_falls_back_to_selected_field(browser, server):
    context, log = open_context(browser, server)
    context.add_init_script(NO_CLIPBOARD)
    page = context.new_page()
    page.goto(server.url(STRATEGY))
    page.get_by_role("button", name="Copy link").click()
    field = page.get_by_label("Link to this page")
    expect(field).to_be_visible()
    expect(field).to_be_focused()
    expect(field).to_have_value(site_url() + "s/3/")
    assert page.evaluate("getSelection().toString() || (document.activeElement.selectionEnd - document.activeElement.selectionStart)")
    expect(page.get_by_role("status")).to_contain_text("copy it from the field")
    assert log.page_errors == []
    context.close()


def test_copy_link_only_on_strategy_pages(page, server):
    page.goto(server.url("about/"))
    expect(page.locator("h1").first).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_have_count(0)


def test_missing_deep_page_is_styled_and_links_home(page, server):
    response = page.goto(server.url("strategies/no/such/page/"))
    assert response.status == 404
    # Material's stylesheet loaded: the header is a fixed/sticky bar, not plain flow.
    header = page.locator("header.md-header")
    expect(header).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    home = page.get_by_role("link", name="Go to the home page")
    expect(page.locator("article a[href*='/strategies/']")).to_have_count(len(strategies()))
    home.click()
    expect(page).to_have_url(server.url())
    assert page.log.console_errors == [] or all("404" in e for e in page.log.console_errors)
