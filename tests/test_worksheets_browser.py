"""Worksheets in Chromium: saved answers (once the reader chose to keep them),
restore, clear, storage trouble. Saving itself: test_storage_browser.py;
printing: test_print_pdf.py; download and load: test_transfer_browser.py."""

import pytest
from playwright.sync_api import expect

from conftest import open_context
from support import keep_answers, wait_ready

pytestmark = pytest.mark.browser

IDS = ["past-and-present", "comfort-map", "openness-moments", "care-plan",
       "getting-to-know-you", "trust-log"]
KEY = "trust-guide:worksheet:{}:v1"


def open_sheet(page, server, sheet_id="past-and-present"):
    page.goto(server.url(f"worksheets/{sheet_id}/"))
    return wait_ready(page, "worksheet", f"[data-tg-worksheet='{sheet_id}']")


def test_typed_answers_come_back_after_reload(page, server):
    open_sheet(page, server)
    keep_answers(page)
    page.get_by_label("What happened, in a few neutral sentences?").press_sequentially("Late home, quiet evening")
    page.get_by_label("Take a slow breath before answering").check()
    page.get_by_label("4 of 5").check()
    page.reload()
    wait_ready(page, "worksheet")
    expect(page.get_by_label("What happened, in a few neutral sentences?")).to_have_value("Late home, quiet evening")
    expect(page.get_by_label("Take a slow breath before answering")).to_be_checked()
    expect(page.get_by_label("4 of 5")).to_be_checked()
    assert page.log.page_errors == [] and page.log.foreign_requests == []


def test_answers_survive_instant_navigation(page, server):
    open_sheet(page, server)
    keep_answers(page)
    page.get_by_label("The first feeling it stirred in you").press_sequentially("hurt")
    page.locator(".md-nav a[href$='comfort-map/']").first.click()
    wait_ready(page, "worksheet", "[data-tg-worksheet='comfort-map']")
    page.go_back()
    expect(page.get_by_label("The first feeling it stirred in you")).to_have_value("hurt")


def test_table_cells_are_saved(page, server):
    open_sheet(page, server, "trust-log")
    keep_answers(page)
    page.get_by_label("Tuesday, How it went").fill("Better than I feared")
    page.reload()
    expect(page.get_by_label("Tuesday, How it went")).to_have_value("Better than I feared")


@pytest.mark.parametrize("accept", [True, False])
def test_clear_asks_first(page, server, accept):
    open_sheet(page, server)
    keep_answers(page)
    field = page.get_by_label("The first feeling it stirred in you")
    field.fill("sad")
    messages = []

    def answer(dialog):
        messages.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", answer)
    page.get_by_role("button", name="Clear my answers").click()
    expect(field).to_have_value("" if accept else "sad")
    assert "Clear" in messages[0]
    page.reload()
    expect(page.get_by_label("The first feeling it stirred in you")).to_have_value("" if accept else "sad")


def test_corrupt_storage_is_kept_aside(browser, server):
    context, log = open_context(browser, server)
    key = KEY.format("past-and-present")
    context.add_init_script(f"if (location.protocol === 'http:' && !sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', 1); localStorage.setItem('{key}', '{{not json'); }}")
    page = context.new_page()
    open_sheet(page, server)
    expect(page.locator(".tg-ws__status")).to_contain_text("could not be read")
    aside = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{key}:corrupt:'))")
    assert len(aside) == 1
    assert page.evaluate("k => localStorage.getItem(k)", aside[0]) == "{not json"
    page.get_by_label("The first feeling it stirred in you").fill("calm")
    page.reload()
    expect(page.get_by_label("The first feeling it stirred in you")).to_have_value("calm")
    assert log.page_errors == []
    context.close()


def test_page_works_when_storage_throws(browser, server):
    context, log = open_context(browser, server)
    context.add_init_script("""
        // Every storage call fails, as in a locked-down or full browser.
        for (const name of ['getItem', 'setItem', 'removeItem']) {
            Storage.prototype[name] = function () { throw new DOMException('denied', 'SecurityError'); };
        }
    """)
    page = context.new_page()
    open_sheet(page, server)
    expect(page.locator(".tg-ws__status")).to_contain_text("can't be saved")
    field = page.get_by_label("The first feeling it stirred in you")
    field.fill("still works")
    expect(field).to_have_value("still works")
    expect(page.locator(".tg-saving")).to_have_count(0)  # nothing to choose where nothing can be kept
    assert log.page_errors == []  # Material's scripts included (tg-safe-storage.html)
    context.close()


def test_keyboard_reaches_and_ticks_fields(page, server):
    open_sheet(page, server)
    box = page.get_by_label("Take a slow breath before answering")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    radio = page.get_by_label("1 of 5 (Not at all)")
    radio.focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("2 of 5")).to_be_checked()
    page.keyboard.press("Tab")
    # Tab leaves the scale as one stop and lands on the next section's first box.
    assert page.evaluate("document.activeElement.name") == "helpful-steps"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


# No sheet, the index or the booklet scrolls sideways at 390 or 320 px:
# test_site_pass_browser.py visits every page at both widths.


def test_index_lists_every_sheet_with_strategy_and_time(page, server):
    page.goto(server.url("worksheets/"))
    rows = page.locator(".tg-ws-index tbody tr")
    expect(rows).to_have_count(len(IDS))
    expect(rows.first).to_contain_text("1. Don't take their mistrust personally")
    expect(rows.first).to_contain_text("20 minutes")
    expect(rows.last).to_contain_text("All the strategies")


def test_rating_saved_under_the_old_name_comes_back_and_moves(page, server):
    # Ratings were once saved as "<sheet>--<field>"; now every field is saved
    # under its own id. An old copy shows and is moved, the value kept.
    open_sheet(page, server)
    keep_answers(page)
    key = KEY.format("past-and-present")
    page.evaluate("""key => localStorage.setItem(key, JSON.stringify(
        {"past-and-present--how-personal": "4", "what-happened": "kept too"}))""", key)
    page.reload()
    wait_ready(page, "worksheet")
    expect(page.get_by_label("4 of 5")).to_be_checked()
    saved = page.evaluate("key => JSON.parse(localStorage.getItem(key))", key)
    assert saved == {"how-personal": "4", "what-happened": "kept too"}
    assert page.log.page_errors == []
