"""The privacy page in Chromium: it counts what this site stored (never the
contents), switches saving on and off, and deletes everything in one step;
every worksheet, checklist and page footer links to it."""

import pytest
from playwright.sync_api import expect

from conftest import search
from support import answer_keys, keep_answers, site_keys

pytestmark = pytest.mark.browser

SECRET = "They read my messages again"


def use_everything(page, server):
    """Answers kept in a worksheet and a self-check, a corrupt copy, the
    colour switch and search: every kind of thing this site may store."""
    page.goto(server.url("worksheets/past-and-present/"))
    keep_answers(page)
    page.get_by_label("The first feeling it stirred in you").fill(SECRET)
    page.goto(server.url("checklists/not-personal/"))
    for item in page.locator(".tg-checklist__item").all():
        item.get_by_label("Often", exact=True).check()
    page.evaluate("localStorage.setItem('trust-guide:worksheet:comfort-map:v1', '{broken')")
    page.goto(server.url("worksheets/comfort-map/"))
    expect(page.locator(".tg-ws__status")).to_contain_text("could not be read")
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    search(page, "trust").click()
    page.wait_for_load_state()


def test_delete_everything_leaves_no_key_of_this_site(page, server):
    use_everything(page, server)
    before = site_keys(page)
    assert any(k.startswith("/trust-guide/.") for k in before["local"])  # Material's own
    assert len(answer_keys(page)) >= 4
    page.goto(server.url("privacy/"))
    summary = page.locator("[data-tg-privacy=summary]")
    expect(summary).to_contain_text("1 worksheet with answers")
    expect(summary).to_contain_text("1 self-check with answers")
    expect(summary).to_contain_text("past results of 1 self-check")
    expect(summary).to_contain_text("1 copy that could not be read")
    expect(page.locator("article")).not_to_contain_text(SECRET)  # counts, never contents
    page.get_by_role("button", name="Delete everything this guide stored").click()
    expect(page.locator(".tg-privacy__done")).to_contain_text("Nothing from this guide is stored")
    expect(summary).to_contain_text("Nothing from this guide is stored in this browser")
    assert site_keys(page) == {"local": [], "session": []}
    # Deleted for good: the worksheet starts empty and asks again.
    page.goto(server.url("worksheets/past-and-present/"))
    expect(page.get_by_label("The first feeling it stirred in you")).to_have_value("")
    expect(page.locator(".tg-ws__status")).to_contain_text("Nothing you type here is saved yet")
    assert page.log.page_errors == [] and page.log.foreign_requests == []


def test_delete_also_clears_caches_and_service_workers(page, server):
    page.goto(server.url("privacy/"))
    page.evaluate("caches.open('trust-guide-offline-v1').then(c => c.put('probe', new Response('x')))")
    page.wait_for_function("() => caches.has('trust-guide-offline-v1')")
    page.get_by_role("button", name="Delete everything this guide stored").click()
    expect(page.locator(".tg-privacy__done")).to_contain_text("Nothing from this guide")
    assert page.evaluate("caches.keys()") == []


def test_saving_switch_on_the_privacy_page(page, server):
    page.goto(server.url("privacy/"))
    expect(page.locator("[data-tg-privacy=saving]")).to_contain_text("You haven't chosen yet")
    page.get_by_label("Don't keep my answers").check()
    page.goto(server.url("worksheets/past-and-present/"))
    page.get_by_label("The first feeling it stirred in you").fill("not kept")
    expect(page.locator(".tg-saving")).to_have_count(0)
    expect(page.locator(".tg-ws__status")).to_contain_text("Nothing you type here is saved")
    assert answer_keys(page) == []
    page.goto(server.url("privacy/"))
    expect(page.get_by_label("Don't keep my answers")).to_be_checked()
    page.get_by_label("Keep my answers on this device").check()
    page.goto(server.url("worksheets/past-and-present/"))
    page.get_by_label("The first feeling it stirred in you").fill("kept now")
    assert answer_keys(page) == ["trust-guide:worksheet:past-and-present:v1"]


@pytest.mark.parametrize("path", ["", "worksheets/past-and-present/", "checklists/not-personal/", "404.html"])
def test_footer_links_to_the_privacy_page(page, server, path):
    page.goto(server.url(path))
    link = page.locator(".tg-footer-links a")
    expect(link).to_have_text("Your answers on this device: see and delete them")
    link.click()
    expect(page).to_have_url(server.url("privacy/"))


@pytest.mark.parametrize("path, status", [("worksheets/care-plan/", ".tg-ws__status"),
                                          ("checklists/openness/", ".tg-checklist__status")])
def test_worksheets_and_checklists_link_near_their_status(page, server, path, status):
    page.goto(server.url(path))
    link = page.locator(f"{status} a")
    expect(link).to_have_text("Your answers on this device")
    assert link.get_attribute("href") == server.url("privacy/")


def test_safety_page_links_from_staying_safe_online(page, server):
    page.goto(server.url("safety/"))
    section = page.locator("h2#staying-safe-online ~ * a[href$='privacy/']")
    expect(section.first).to_be_visible()


def test_without_javascript_the_page_says_what_to_do(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("privacy/"))
    expect(page.locator(".tg-privacy__nojs")).to_be_visible()
    expect(page.locator(".tg-privacy__nojs")).to_contain_text("can't save anything")
    context.close()
