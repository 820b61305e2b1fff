"""Worksheets and self-checks on a phone: every rating scale is one row of
equal choices with its end labels, table cells say which row they belong to,
and a sheet's tools come again at its end."""

import pytest
from playwright.sync_api import expect

from conftest import open_context
from support import ROOT

WORKSHEETS = sorted(p.stem for p in (ROOT / "data/worksheets").glob("*.yml"))
CHECKLISTS = sorted(p.stem for p in (ROOT / "data/checklists").glob("*.yml"))

ROWS = """sel => [...document.querySelectorAll(sel)].map(group => {
    const boxes = [...group.querySelectorAll(':scope > label')].map(l => l.getBoundingClientRect());
    const ends = [...group.querySelectorAll('.tg-ws__end')].map(e => e.getBoundingClientRect());
    const tops = new Set(boxes.map(b => Math.round(b.top)));
    const widths = boxes.map(b => b.width);
    const right = group.getBoundingClientRect().right;
    return {tops: tops.size, count: boxes.length, spread: Math.max(...widths) - Math.min(...widths),
            endsBelow: ends.every(e => e.top >= Math.max(...boxes.map(b => b.bottom)) - 1),
            endsApart: ends.length < 2 || ends[0].right <= ends[1].left + 1,
            inside: boxes.every(b => b.right <= right + 1)};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 390])
def test_every_scale_is_one_row_of_equal_choices(browser, server, width):
    context, _ = open_context(browser, server, viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    for sheet in WORKSHEETS:
        page.goto(server.url(f"worksheets/{sheet}/"))
        for n, scale in enumerate(page.evaluate(ROWS, ".tg-ws__scale")):
            if scale["tops"] != 1 or scale["spread"] > 1 or not scale["endsBelow"] or not scale["endsApart"] or not scale["inside"]:
                problems.append(f"{sheet} scale {n + 1}: {scale}")
    for name in CHECKLISTS:
        page.goto(server.url(f"checklists/{name}/"))
        scales = page.evaluate(ROWS, ".tg-checklist__item fieldset")
        assert scales
        for n, scale in enumerate(scales):
            if scale["tops"] != 1 or scale["spread"] > 1 or not scale["inside"]:
                problems.append(f"{name} item {n + 1}: {scale}")
    context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
def test_table_cells_are_labelled_per_row_on_a_phone(browser, server):
    context, _ = open_context(browser, server, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(server.url("worksheets/comfort-map/"))
    label = page.locator("tbody tr").nth(1).locator(".tg-ws__cell-label").nth(1)
    expect(label).to_be_visible()
    expect(label).to_have_text("Item 2: A gentle stretch")
    expect(page.get_by_label("Item 2, A gentle stretch")).to_be_visible()
    page.goto(server.url("worksheets/trust-log/"))
    expect(page.locator("tbody tr").nth(1).locator("th")).to_have_text("Tuesday")
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("sheet", WORKSHEETS)
def test_tools_also_at_the_end_of_a_sheet(page, server, sheet):
    page.goto(server.url(f"worksheets/{sheet}/"))
    groups = page.locator("form[data-tg-worksheet] .tg-ws__tools")
    expect(groups).to_have_count(2)
    last_section = page.locator(".tg-ws__section").last.bounding_box()
    end = groups.last.bounding_box()
    assert end["y"] > last_section["y"] + last_section["height"] - 1
    for name in ["Print", "Download", "Load from a file", "Clear"]:
        expect(groups.last.get_by_role("button", name=name, exact=True)).to_be_visible()
