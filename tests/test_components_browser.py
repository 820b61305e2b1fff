"""The component registry (docs/assets/js/site.js) in Chromium: each root is
set up once, also after instant navigation; a failing component never stops
the others; data-tg-ready appears only on roots that were set up."""

import pytest
from playwright.sync_api import expect

from support import wait_ready

pytestmark = pytest.mark.browser

FIRST = "strategies/be-there-when-they-struggle/"

# Two probe roots outside Material's content (they stay through instant
# navigation), one component that counts its runs, one that throws.
PROBES = """() => {
  window.__runs = 0;
  for (const name of ["probe-count", "probe-broken", "probe-count probe-broken"]) {
    const div = document.createElement("div");
    div.setAttribute("data-tg-component", name);
    div.className = "tg-probe";
    document.body.appendChild(div);
  }
  trustGuide.component("probe-count", function () { window.__runs += 1; });
  trustGuide.component("probe-broken", function () { throw new Error("probe"); });
}"""


def test_each_root_is_set_up_once_and_a_broken_one_stops_nothing(page, server):
    page.goto(server.url(FIRST))
    wait_ready(page, "share")
    page.evaluate(PROBES)
    probes = page.locator(".tg-probe")
    expect(probes.nth(0)).to_have_attribute("data-tg-ready", "")
    # A root is ready only when all of its scripts ran without failing.
    for i in (1, 2):
        assert probes.nth(i).get_attribute("data-tg-ready") is None
    assert page.evaluate("window.__runs") == 2

    # Instant navigation: the new page's components are set up; the probes,
    # still in the page, are not set up again.
    page.locator("a.md-footer__link--next").click()
    expect(page).not_to_have_url(server.url(FIRST))
    share = wait_ready(page, "share")
    expect(share).to_have_count(1)
    assert page.evaluate("window.__runs") == 2
    assert page.log.page_errors == []


def test_worksheet_root_is_ready_only_after_all_its_scripts(page, server):
    page.goto(server.url("worksheets/trust-log/"))
    form = wait_ready(page, "trust-log-summary")
    # By then the worksheet and transfer scripts have run too: the summary
    # line and the file picker exist.
    expect(form.locator("[data-tg-summary]")).to_have_count(1)
    expect(form.locator("input.tg-ws__picker")).to_have_count(1)
    assert page.log.page_errors == []
