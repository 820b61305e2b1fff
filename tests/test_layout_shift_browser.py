"""Setting a page up moves nothing on screen: the status lines of worksheets
and self-checks are in the built page with the words the script writes, so
filling them in shifts no text (Lighthouse counts any shift against a page)."""

import pytest
from bs4 import BeautifulSoup

from conftest import open_context
from support import ROOT, wait_ready

pytestmark = pytest.mark.browser

PAGES = ([("checklist", f"checklists/{p.stem}/", ".tg-checklist__status")
          for p in sorted((ROOT / "data/checklists").glob("*.yml"))]
         + [("worksheet", f"worksheets/{p.stem}/", ".tg-ws__status")
            for p in sorted((ROOT / "data/worksheets").glob("*.yml"))])

SHIFTS = """window.tgShifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.tgShifts.push(e.value);
}).observe({type: "layout-shift", buffered: true});"""


def test_setting_pages_up_moves_nothing_on_a_phone(browser, server, site_dir):
    assert len(PAGES) >= 12
    context, log = open_context(browser, server, viewport={"width": 390, "height": 800})
    context.add_init_script(SHIFTS)
    page = context.new_page()
    for component, path, status in PAGES:
        page.goto(server.url(path))
        wait_ready(page, component)
        page.wait_for_timeout(200)
        assert page.evaluate("window.tgShifts") == [], path
        built = BeautifulSoup((site_dir / path / "index.html").read_text("utf-8"), "html.parser")
        assert page.locator(status).first.inner_text() == built.select_one(status).get_text(), path
    assert log.page_errors == []
    context.close()
