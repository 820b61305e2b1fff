"""Share gently in Chromium: Web Share with the short link and the reader's
note, the clipboard where there is no share sheet, Copy link, the QR code on
screen and on paper. Nothing is sent anywhere by the site."""

import pytest
from playwright.sync_api import expect

from conftest import open_context
from support import site_url, wait_ready

pytestmark = pytest.mark.browser

STRATEGY = "strategies/be-there-when-they-struggle/"
SHORT = site_url() + "s/4/"
NOTE = "I read this and thought of us. No pressure to read it."
# A share sheet that records what it was given; cancelling is a reader's choice.
STUB_SHARE = """
window.__shared = [];
navigator.share = function (data) {
  window.__shared.push(data);
  return window.__cancel ? Promise.reject(new DOMException("closed", "AbortError")) : Promise.resolve();
};
"""
NO_SHARE = "Object.defineProperty(navigator, 'share', {value: undefined, configurable: true});"
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def open_strategy(browser, server, script, **options):
    context, log = open_context(browser, server, **options)
    context.add_init_script(script)
    page = context.new_page()
    page.goto(server.url(STRATEGY))
    wait_ready(page, "share")
    return context, page, log


def test_web_share_gets_the_short_link_and_the_note(browser, server):
    context, page, log = open_strategy(browser, server, STUB_SHARE)
    note = page.get_by_label("A note to send with it", exact=False)
    expect(note).to_have_value(NOTE)
    page.get_by_role("button", name="Share this strategy").click()
    expect(page.get_by_role("status")).to_have_text("Shared.")
    shared = page.evaluate("window.__shared")
    assert shared == [{"title": "Be there when they struggle", "text": NOTE, "url": SHORT}]
    # The note is the reader's to change.
    note.fill("Thought of you. Read it whenever, or not at all.")
    page.get_by_role("button", name="Share this strategy").click()
    expect(page.get_by_role("status")).to_have_text("Shared.")
    assert page.evaluate("window.__shared[1].text") == "Thought of you. Read it whenever, or not at all."
    assert log.foreign_requests == [] and log.page_errors == []
    context.close()


def test_closing_the_share_sheet_copies_nothing(browser, server):
    context, page, log = open_strategy(browser, server, STUB_SHARE + "window.__cancel = true;", permissions=CLIPBOARD)
    page.evaluate("navigator.clipboard.writeText('untouched')")
    page.get_by_role("button", name="Share this strategy").click()
    page.wait_for_function("() => window.__shared.length === 1")
    expect(page.locator(".tg-share__status")).to_have_text("")
    assert page.evaluate("navigator.clipboard.readText()") == "untouched"
    context.close()


def test_without_web_share_note_and_link_are_copied(browser, server):
    context, page, log = open_strategy(browser, server, NO_SHARE, permissions=CLIPBOARD)
    page.get_by_role("button", name="Share this strategy").click()
    expect(page.get_by_role("status")).to_contain_text("note and the link are copied")
    assert page.evaluate("navigator.clipboard.readText()") == NOTE + "\n" + SHORT
    assert log.page_errors == []
    context.close()


def test_copy_link_copies_the_short_link(browser, server):
    context, page, log = open_strategy(browser, server, STUB_SHARE, permissions=CLIPBOARD)
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status")).to_have_text("Link copied: " + SHORT)
    assert page.evaluate("navigator.clipboard.readText()") == SHORT
    assert page.evaluate("window.__shared") == []   # copying never opens the share sheet
    context.close()


def test_qr_code_on_the_share_box_and_on_paper(page, server):
    page.goto(server.url(STRATEGY))
    qr = page.locator(".tg-share__qr svg")
    expect(qr).to_be_visible()
    expect(qr).to_have_attribute("aria-label", f"QR code that opens strategy 4, Be there when they struggle, at {SHORT}")
    page.emulate_media(media="print")
    expect(qr).to_be_visible()
    expect(page.locator(".tg-share__qr-print")).to_have_text(f"Scan to read this strategy online, or type {SHORT}")
    expect(page.get_by_role("button", name="Share this strategy")).to_be_hidden()
    expect(page.locator(".tg-share__note-text")).to_be_hidden()
    box = qr.bounding_box()
    assert 90 <= box["width"] <= 130, box   # big enough to scan on paper, small enough to fit
    page.emulate_media(media="screen")
