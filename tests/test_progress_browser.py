"""Your progress in Chromium: kept self-check results over time (chart points
match the table), deleting one result or a whole history, what shows when
answers are not kept, one printed page; and the weekly trust log's summary.

The history is written by checklists.js; here it is seeded straight into
localStorage, in the shared format, under a fixed clock and time zone."""

import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import open_context
from guide_pages import strategies
from support import keep_answers, wait_ready

pytestmark = pytest.mark.browser

KEY = "trust-guide:history:{}:v1"
NOW = "2026-12-01T12:00:00Z"
# The strategies with a self-check, in order: the overall self-check's parts.
IDS = [s["id"] for s in strategies() if s.get("checklist")]


def entry(date, score, band, parts=None):
    strategies = {s: {"score": v, "max": 6} for s, v in zip(IDS, parts, strict=True)} if parts else {}
    return {"date": date, "score": score, "max": 30 if parts else 18, "band": band, "strategies": strategies}


# Two overall self-assessments a month apart, with different answers.
OCTOBER = entry("2026-10-03T19:30:00Z", 17, "Growing", [2, 4, 3, 5, 3])
NOVEMBER = entry("2026-11-07T08:15:00Z", 22, "A real strength", [4, 5, 4, 5, 4])
OPENNESS = entry("2026-10-05T20:00:00Z", 9, "Growing")

# Seed before any page script runs, then record every later write.
SEED_AND_WATCH = """
(function (seed) {
  try { sessionStorage; localStorage; } catch (e) { return; }  // frames without storage
  if (!sessionStorage.getItem("seeded")) {
    sessionStorage.setItem("seeded", "1");
    Object.keys(seed).forEach(function (k) { localStorage.setItem(k, seed[k]); });
  }
  window.__writes = [];
  var set = Storage.prototype.setItem, remove = Storage.prototype.removeItem, clear = Storage.prototype.clear;
  Storage.prototype.setItem = function (k, v) { if (this === localStorage) window.__writes.push(["set", k]); return set.call(this, k, v); };
  Storage.prototype.removeItem = function (k) { if (this === localStorage) window.__writes.push(["remove", k]); return remove.call(this, k); };
  Storage.prototype.clear = function () { if (this === localStorage) window.__writes.push(["clear"]); return clear.call(this); };
})(%s);
"""


def open_progress(browser, server, seed):
    context, log = open_context(browser, server, timezone_id="UTC", locale="en-GB")
    context.add_init_script(SEED_AND_WATCH % json.dumps(seed))
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    page.goto(server.url("progress/"))
    wait_ready(page, "progress")
    return context, page, log


def kept(saving="keep", **histories):
    seed = {"trust-guide:saving": saving} if saving else {}
    seed.update({KEY.format(k.replace("_", "-")): json.dumps(v) for k, v in histories.items()})
    return seed


def our_writes(page):
    """Writes to the guide's own keys (Material keeps its colour setting apart)."""
    return [w for w in page.evaluate("window.__writes") if w[0] == "clear" or w[1].startswith("trust-guide:")]


def stored(page, checklist_id):
    return page.evaluate(f"JSON.parse(localStorage.getItem({json.dumps(KEY.format(checklist_id))}))")


def test_two_results_show_in_order_and_the_chart_matches_the_table(browser, server):
    context, page, log = open_progress(browser, server, kept(self_assessment=[OCTOBER, NOVEMBER]))
    check = page.locator("[data-tg-history='self-assessment']")
    rows = check.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("th")).to_contain_text("3 Oct 2026")
    expect(rows.nth(1).locator("th")).to_contain_text("7 Nov 2026")
    table_scores = [int(t.split(" of ")[0]) for t in rows.locator("td:nth-of-type(1)").all_inner_texts()]
    assert table_scores == [17, 22]
    expect(rows.nth(1).locator("td").nth(1)).to_have_text("A real strength")

    points = check.locator(".tg-progress__chart circle")
    expect(points).to_have_count(2)
    assert [int(p.get_attribute("data-score")) for p in points.all()] == table_scores
    cx = [float(p.get_attribute("cx")) for p in points.all()]
    cy = [float(p.get_attribute("cy")) for p in points.all()]
    assert cx[0] < cx[1], "oldest on the left"
    assert cy[1] < cy[0], "the higher score is drawn higher"
    # Heights are in proportion to the scores, on a scale from 0 to 30.
    top, bottom = (float(line.get_attribute("y1")) for line in check.locator(".tg-progress__grid").all())
    for score, y in zip(table_scores, cy, strict=True):
        assert abs(y - (bottom - (bottom - top) * score / 30)) < 0.2
    assert points.nth(0).locator("title").text_content() == "3 October 2026: 17 of 30, Growing"

    # The change at a glance, and one line per strategy.
    expect(check.locator(".tg-progress__latest")).to_contain_text("Latest: 22 of 30, A real strength")
    expect(check.locator(".tg-progress__latest")).to_contain_text("up 5 since your first result on 3 October 2026")
    expect(check.locator(".tg-progress__strategy")).to_have_count(len(IDS))
    expect(check.locator(".tg-progress__strategy[data-strategy='not-personal']")).to_contain_text("2 of 6 then 4 of 6 (up 2)")
    expect(check.locator(".tg-progress__strategy[data-strategy='be-there']")).to_contain_text("no change")

    # Other checks without results say so and link to the check.
    other = page.locator("[data-tg-history='comfort-zone'] .tg-progress__empty")
    expect(other).to_be_visible()
    expect(other.get_by_role("link", name="Take the self-check")).to_have_attribute("href", re.compile(r"/checklists/comfort-zone/$"))
    expect(page.locator("[data-tg-progress-saving]")).to_be_hidden()
    assert our_writes(page) == [], "the page must only read"
    assert log.page_errors == [] and log.foreign_requests == []
    context.close()


def test_delete_one_result(browser, server):
    context, page, log = open_progress(browser, server, kept(self_assessment=[OCTOBER, NOVEMBER]))
    rows = page.locator("[data-tg-history='self-assessment'] tbody tr")
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Delete the result from 3 October 2026").click()
    expect(rows).to_have_count(2)
    assert stored(page, "self-assessment") == [OCTOBER, NOVEMBER]

    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    page.get_by_role("button", name="Delete the result from 3 October 2026").click()
    expect(rows).to_have_count(1)
    expect(rows.first.locator("th")).to_contain_text("7 Nov 2026")
    expect(page.locator("[data-tg-history='self-assessment'] .tg-progress__chart circle")).to_have_count(1)
    expect(page.get_by_role("status").first).to_have_text("The result from 3 October 2026 is deleted.")
    assert "3 October 2026" in messages[0]
    assert stored(page, "self-assessment") == [NOVEMBER]
    page.reload()
    expect(page.locator("[data-tg-history='self-assessment'] tbody tr")).to_have_count(1)
    context.close()


def test_delete_a_whole_history(browser, server):
    context, page, log = open_progress(browser, server, kept(self_assessment=[OCTOBER, NOVEMBER], openness=[OPENNESS]))
    check = page.locator("[data-tg-history='self-assessment']")
    page.once("dialog", lambda d: d.accept())
    check.get_by_role("button", name="Delete all results of this check").click()
    expect(check.locator(".tg-progress__empty")).to_be_visible()
    expect(check.locator("table")).to_have_count(0)
    assert page.evaluate("localStorage.getItem('trust-guide:history:self-assessment:v1')") is None
    # Only that check's history goes; the other stays.
    assert stored(page, "openness") == [OPENNESS]
    expect(page.locator("[data-tg-history='openness'] tbody tr")).to_have_count(1)
    assert our_writes(page) == [["remove", KEY.format("self-assessment")]]
    context.close()


@pytest.mark.parametrize("saving", ["dont-keep", None])
def test_nothing_kept_when_the_reader_chose_not_to_keep_answers(browser, server, saving):
    context, page, log = open_progress(browser, server, kept(saving))
    notice = page.locator("[data-tg-progress-saving]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("kept here only if you choose to keep your answers")
    expect(notice.get_by_role("link")).to_have_attribute("href", re.compile(r"/privacy/$"))
    expect(page.locator(".tg-progress__empty:visible")).to_have_count(6)
    expect(page.locator(".tg-progress__table")).to_have_count(0)
    assert our_writes(page) == []
    expected = {"trust-guide:saving": saving} if saving else {}
    ours = page.evaluate("Object.fromEntries(Object.entries(localStorage).filter(e => e[0].startsWith('trust-guide:')))")
    assert ours == expected
    context.close()


def test_progress_prints_on_one_clean_page(browser, server):
    context, page, log = open_progress(browser, server, kept(self_assessment=[OCTOBER, NOVEMBER], openness=[OPENNESS]))
    page.emulate_media(media="print")
    expect(page.locator(".tg-progress__delete").first).to_be_hidden()
    expect(page.locator("[data-tg-history='comfort-zone']")).to_be_hidden()
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    for words in ("Your progress", "3 Oct 2026", "7 Nov 2026", "22 of 30", "9 of 18"):
        assert words in text
    assert "Delete" not in text
    context.close()


def test_trust_log_sums_up_the_week(browser, server):
    context, log = open_context(browser, server)
    page = context.new_page()
    page.goto(server.url("worksheets/trust-log/"))
    wait_ready(page, "trust-log-summary", "[data-tg-worksheet='trust-log']")
    summary = page.locator("[data-tg-summary]")
    expect(summary).to_be_hidden()
    keep_answers(page)  # so the week comes back after the reload below
    page.get_by_label("Monday, Small step I took").fill("Asked before making plans")
    page.get_by_label("Monday, Strategy it belongs to").fill("Comfort zone")
    page.get_by_label("Thursday, Small step I took").fill("Listened without fixing")
    page.get_by_label("Thursday, Strategy it belongs to").fill("Openness")
    page.get_by_label("Saturday, Small step I took").fill("Made tea on a hard day")
    page.get_by_label("Saturday, Strategy it belongs to").fill("comfort zone")
    page.get_by_label("Sunday, Strategy it belongs to").fill("Real interest")  # no step: not counted
    expected = ("Your week: A small step on 3 of 7 days (Monday, Thursday and Saturday). "
                "Strategies: Comfort zone and Openness.")
    expect(summary).to_have_text(expected)
    page.emulate_media(media="print")
    expect(summary).to_be_visible()
    page.emulate_media(media="screen")
    # Saved answers come back with their summary.
    page.reload()
    expect(page.locator("[data-tg-summary]")).to_have_text(expected)
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Clear my answers").click()
    expect(page.locator("[data-tg-summary]")).to_be_hidden()
    assert log.page_errors == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_filled_progress_page_has_no_axe_violations(browser, server, scheme):
    from support import AXE, AXE_TAGS as TAGS

    context = browser.new_context(viewport={"width": 390, "height": 900}, color_scheme=scheme,
                                  bypass_csp=True, timezone_id="UTC")
    context.add_init_script(SEED_AND_WATCH % json.dumps(kept(self_assessment=[OCTOBER, NOVEMBER], openness=[OPENNESS])))
    page = context.new_page()
    page.goto(server.url("progress/"))
    expect(page.locator(".tg-progress__table")).to_have_count(2)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run({runOnly: tags})", TAGS)
    found = [f"{v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    # No sideways scrolling on a phone either.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
    assert found == [], "\n".join(found)
