"""Switching the colour scheme: the colours change at once (transitions off
while it switches), and a page load never sets the switching attribute, whose
rule restyles the whole page (finishing/material_fixes.py)."""

import pytest

from conftest import open_context

pytestmark = pytest.mark.browser

SWITCHING = "data-tg-color-switching"
# Runs after Material's own listener on the radio has applied the scheme.
WATCH = """() => {
  window.tgSeen = [];
  document.addEventListener("change", () => {
    const header = document.querySelector(".md-header");
    window.tgSeen.push({marked: document.body.hasAttribute("%s"),
                        durations: getComputedStyle(header).transitionDuration,
                        scheme: document.body.getAttribute("data-md-color-scheme")});
  });
}""" % SWITCHING


def durations(page) -> set:
    return set(page.evaluate("getComputedStyle(document.querySelector('.md-header')).transitionDuration")
               .split(", "))


def test_colours_switch_without_a_fade_and_loading_sets_nothing(browser, server):
    context, log = open_context(browser, server)
    page = context.new_page()
    page.add_init_script("""new MutationObserver(records => {
      if (records.some(r => r.attributeName === "%s")) window.tgMarkedOnLoad = true;
    }).observe(document, {attributes: true, subtree: true});""" % SWITCHING)
    page.goto(server.url(""))
    # Material's palette has applied the scheme once it names the theme colour.
    page.wait_for_function("() => document.querySelector('meta[name=theme-color]')?.content")
    assert page.evaluate("window.tgMarkedOnLoad === undefined")
    assert durations(page) != {"0s"}  # the header fades in normal use

    page.evaluate(WATCH)
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    seen = page.evaluate("window.tgSeen")
    assert len(seen) == 1 and seen[0]["marked"]
    assert set(seen[0]["durations"].split(", ")) == {"0s"}
    page.wait_for_function(f"() => !document.body.hasAttribute('{SWITCHING}')")
    assert durations(page) != {"0s"}
    assert not log.page_errors and not log.console_errors
    context.close()
