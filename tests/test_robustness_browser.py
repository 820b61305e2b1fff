"""Hard conditions: sheets printed without JavaScript, keyboard only, broken
storage, no cookie while answering. (Every page without JavaScript, at 200%
zoom and with no cookie: test_site_pass_browser.py.)"""

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import open_context, search

pytestmark = pytest.mark.browser


FOCUS_RING = """() => {
  let el = document.activeElement;
  // Material's hidden palette radios draw their ring on the label after them.
  if (el.matches('.md-option')) el = el.nextElementSibling;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40),
          ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
          seen: r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                && r.right > 0 && r.left < innerWidth};
}"""


@pytest.mark.parametrize("path, words, most_pages", [
    ("worksheets/comfort-map/", "Comfort map", 2),
    ("checklists/comfort-zone/", "Scoring key", 2),
    ("worksheets/print-all/", "Weekly trust log", 12),
])
def test_sheets_print_without_javascript(browser, server, tmp_path, path, words, most_pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url(path))
    pdf = tmp_path / "sheet.pdf"
    page.pdf(path=str(pdf), format="A4")
    context.close()
    reader = PdfReader(pdf)
    text = "".join(p.extract_text() for p in reader.pages)
    assert 1 <= len(reader.pages) <= most_pages
    assert words in text
    assert "JavaScript is off" not in text  # the on-screen notice is not printed


def test_no_cookies_when_answering_or_switching_colours(browser, server):
    # Visiting each page sets none either: test_site_pass_browser.py.
    context, log = open_context(browser, server)
    page = context.new_page()
    page.goto(server.url("worksheets/comfort-map/"))
    page.locator("textarea").first.fill("Walks on Sunday feel fine.")
    page.goto(server.url("checklists/comfort-zone/"))
    page.locator(".md-content input[type=radio]").first.check()
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert page.evaluate("document.cookie") == ""
    assert context.cookies() == []
    context.close()


def tab_to(page, css: str, stops: list, limit: int = 80):
    """Press Tab until the focused element matches css; every stop on the way
    must be visible and show a focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_RING) | {"url": page.url, "n": len(stops)}
        stops.append(stop)
        if page.evaluate("css => document.activeElement.matches(css)", css):
            return
    raise AssertionError(f"{css} not reached in {limit} Tab presses")


@pytest.mark.parametrize("width", [1280, 390])
def test_keyboard_walk_home_strategy_worksheet_checklist(browser, server, width):
    context, log = open_context(browser, server, viewport={"width": width, "height": 900})
    page = context.new_page()
    stops = []
    page.goto(server.url(""))

    page.keyboard.press("Tab")
    stops.append(page.evaluate(FOCUS_RING))
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Enter")  # skip the header and the navigation
    # At once, before Material's instant navigation is ready to take the click.
    expect(page.locator("article h1")).to_be_focused()

    tab_to(page, ".md-content a[href$='strategies/respect-their-comfort-zone/']", stops)
    page.keyboard.press("Enter")
    expect(page).to_have_url(server.url("strategies/respect-their-comfort-zone/"))
    expect(page.locator("article h1")).to_be_focused()  # Tab starts at the new page

    tab_to(page, ".md-content a[href$='worksheets/comfort-map/']", stops)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(server.url("worksheets/comfort-map/"))))
    expect(page.locator("article h1")).to_be_focused()

    tab_to(page, ".md-content textarea", stops)
    page.keyboard.type("We said Sunday walks feel fine.")
    # The saving choice comes right after the field (a table: after the table).
    tab_to(page, "button[data-tg-saving=keep]", stops, limit=20)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => (localStorage.getItem('trust-guide:worksheet:comfort-map:v1') || '').includes('Sunday')")

    tab_to(page, ".md-content a[href$='checklists/comfort-zone/']", stops, limit=120)
    page.keyboard.press("Enter")
    expect(page).to_have_url(server.url("checklists/comfort-zone/"))
    expect(page.locator("article h1")).to_be_focused()

    tab_to(page, ".md-content input[type=radio]", stops)
    page.keyboard.press("ArrowRight")
    expect(page.locator(".tg-checklist__result")).to_contain_text("1 of 6 answered")

    hidden = [s for s in stops if not (s["ring"] and s["seen"])]
    assert hidden == [], f"focus stops without a visible ring: {hidden}"
    assert log.page_errors == []
    context.close()


def test_menu_button_opens_the_drawer_by_keyboard(browser, server):
    context, log = open_context(browser, server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server.url("strategies/show-real-interest/"))
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    # Closed, the drawer's links are no tab stops.
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    # On a wide screen the navigation is always shown: no menu button.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(menu).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    assert log.page_errors == []
    context.close()


def saved_palette(value: str) -> str:
    """An init script that leaves Material a saved colour setting; not on the
    blank page a new tab starts with, where storage is off limits."""
    return f"if (location.protocol === 'http:') localStorage.setItem('/trust-guide/.__palette', {value!r});"


# Storage a reader's browser may have: blocked outright (cookies off), every
# call failing (storage full or locked down), or settings that cannot be read.
BROKEN_STORAGE = {
    "blocked": """for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {get() { throw new DOMException('blocked', 'SecurityError'); }});
    }""",
    "calls fail": """for (const name of ['getItem', 'setItem', 'removeItem']) {
        Storage.prototype[name] = function () { throw new DOMException('denied', 'QuotaExceededError'); };
    }""",
    "not JSON": saved_palette('{"index": 1,'),
    "wrong shape": saved_palette("7"),
}


@pytest.mark.parametrize("storage", BROKEN_STORAGE)
def test_material_works_with_broken_storage(browser, server, storage):
    context, log = open_context(browser, server, viewport={"width": 1280, "height": 900})
    context.add_init_script(BROKEN_STORAGE[storage])
    page = context.new_page()
    page.goto(server.url("strategies/show-real-interest/"))

    expect(search(page, "comfort zone")).to_have_attribute(
        "href", re.compile(r"strategies/respect-their-comfort-zone/"))
    page.keyboard.press("Escape")

    scheme = "document.body.dataset.mdColorScheme"
    before = page.evaluate(scheme)
    for _ in range(2):  # auto -> light -> dark: two switches always change the scheme
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_function(f"() => {scheme} !== {before!r}")

    page.evaluate("window.notReloaded = true")
    page.locator(".md-content a[href$='worksheets/getting-to-know-you/']").first.click()
    expect(page.locator(".md-content article h1")).to_contain_text("Getting to know you")
    assert page.evaluate("window.notReloaded === true"), "instant navigation fell back to a reload"
    assert log.page_errors == []
    context.close()


def test_script_controls_show_after_instant_navigation(context_and_log, server):
    # Material's instant navigation copies each new page's <head> into the
    # live one; the no-JavaScript rules must not come alive that way.
    context, log = context_and_log
    page = context.new_page()
    page.goto(server.url(""))
    page.locator(".md-content a[href$='strategies/respect-their-comfort-zone/']").first.click()
    expect(page.locator(".tg-share__button")).to_be_visible()
    page.locator(".md-content a[href$='worksheets/comfort-map/']").first.click()
    expect(page.locator(".tg-ws__tools").first).to_be_visible()
    page.locator(".md-content a[href$='checklists/comfort-zone/']").last.click()
    expect(page.locator(".tg-checklist__result")).to_be_visible()
    assert page.evaluate("window.performance.getEntriesByType('navigation').length") == 1
    assert log.page_errors == []


# Whether the middle of the focused element is on screen and not covered.
SEEN_ON_TOP = """() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {text: (el.innerText.trim() || el.getAttribute('aria-label') || '').slice(0, 60),
          inDrawer: !!el.closest('.md-sidebar--primary'),
          onTop: !!hit && el.contains(hit)};  // null when the middle is off screen
}"""


@pytest.mark.parametrize("width", [390, 640])
def test_every_drawer_link_is_seen_when_tabbed_to(browser, server, width):
    # Material's drawer slid sections in as panels over one another; Tab went
    # through links off screen or under the open panel. Now it is one list.
    context, log = open_context(browser, server, viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(server.url("strategies/respect-their-comfort-zone/"))
    page.get_by_role("button", name="Menu").click()
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left === 0")
    page.locator(".md-sidebar--primary a[href]").first.focus()
    stops = [page.evaluate(SEEN_ON_TOP)]
    while stops[-1]["inDrawer"] and len(stops) < 80:
        page.keyboard.press("Tab")
        stops.append(page.evaluate(SEEN_ON_TOP))
    stops = stops[:-1]  # the first stop after the drawer
    unseen = [s["text"] for s in stops if not s["onTop"]]
    assert unseen == [], f"drawer links focused but not seen: {unseen}"
    texts = [s["text"] for s in stops]
    for title in ("Home", "Respect their comfort zone", "Why it matters", "Introduction",
                  "Comfort map", "Self-check: respecting their comfort zone", "About"):
        assert title in texts, texts
    context.close()
