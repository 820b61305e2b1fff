"""Exit this page, in Chromium: by tap, by keyboard and by Shift three times;
the page is hidden at once, Back does not return to it, no referrer is sent,
it works after instant navigation and without JavaScript, and on a phone it
stays in view without covering the page or Material's buttons.

The neutral site is answered by a local stub (context.route): tests never
reach the network."""

import re
import time

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import open_context
from support import ROOT, page_paths

pytestmark = pytest.mark.browser

with open(ROOT / "mkdocs.yml", encoding="utf-8") as fh:
    EXIT_URL = yaml.safe_load(fh)["extra"]["exit_url"]

SAFETY = "safety/"
WORKSHEET = "worksheets/comfort-map/"
PHONE = {"width": 390, "height": 844}


def test_exit_url_is_a_neutral_https_site():
    assert EXIT_URL.startswith("https://") and "trust" not in EXIT_URL


def test_every_page_and_the_404_page_have_the_exit_link(site_dir):
    pages = [site_dir / p / "index.html" for p in page_paths(site_dir)] + [site_dir / "404.html"]
    missing = []
    for html in pages:
        links = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("a.tg-exit")
        ok = (len(links) == 1 and links[0]["href"] == EXIT_URL
              and links[0].get("rel") == ["noreferrer"]
              and links[0].get("referrerpolicy") == "no-referrer")
        if not ok:
            missing.append(str(html.relative_to(site_dir)))
    assert len(pages) > 20
    assert missing == []


class Neutral:
    """The neutral site, stubbed: records each request's headers."""

    def __init__(self, context, hold: bool = False):
        self.requests = []
        self.held = []
        self.hold = hold
        context.route(re.compile("^" + re.escape(EXIT_URL)), self.answer)

    def answer(self, route):
        self.requests.append(route.request.headers)
        if self.hold:
            self.held.append(route)
        else:
            self.fulfill(route)

    @staticmethod
    def fulfill(route):
        route.fulfill(status=200, content_type="text/html",
                      body="<!doctype html><title>Weather</title><h1>Weather</h1>")

    def release(self):
        """Answer the requests held so far."""
        while self.held:
            self.fulfill(self.held.pop(0))


@pytest.fixture
def phone(browser, server):
    context, log = open_context(browser, server, viewport=PHONE)
    neutral = Neutral(context)
    page = context.new_page()
    page.log = log
    yield page, neutral
    context.close()


def assert_left(page, neutral, was: str):
    expect(page).to_have_url(EXIT_URL)
    assert len(neutral.requests) == 1
    assert "referer" not in neutral.requests[0], "the neutral site learned where the reader was"
    # Back must not return to the page the reader left.
    page.go_back()
    assert page.url != was
    assert page.log.page_errors == []


def test_exit_by_tap_on_a_touch_screen(browser, server):
    context, log = open_context(browser, server, viewport=PHONE, has_touch=True, is_mobile=True)
    neutral = Neutral(context)
    page = context.new_page()
    page.log = log
    page.goto(server.url(SAFETY))
    page.locator("a.tg-exit").tap()
    assert_left(page, neutral, server.url(SAFETY))
    context.close()


def test_exit_by_click_on_a_worksheet(phone, server):
    page, neutral = phone
    page.goto(server.url(WORKSHEET))
    page.locator("textarea").first.fill("Sunday walks")
    page.get_by_role("link", name=re.compile("^Exit this page")).click()
    assert_left(page, neutral, server.url(WORKSHEET))


def test_exit_by_keyboard_tab_and_enter(phone, server):
    page, neutral = phone
    page.goto(server.url(SAFETY))
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('a.tg-exit')"):
            break
    expect(page.locator("a.tg-exit")).to_be_focused()
    page.keyboard.press("Enter")
    assert_left(page, neutral, server.url(SAFETY))


def test_exit_by_shift_three_times_is_announced(phone, server):
    page, neutral = phone
    page.goto(server.url(WORKSHEET))
    page.locator("textarea").first.click()
    status = page.locator("[data-tg-exit-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_have_text(re.compile("Shift once more"))
    page.keyboard.press("Shift")
    assert_left(page, neutral, server.url(WORKSHEET))


def test_capital_letters_do_not_exit(phone, server):
    # Every capital letter starts with Shift: the count starts again on any
    # other key, so typing never exits. leave() marks the page at once, so
    # the check needs no waiting.
    page, neutral = phone
    page.goto(server.url(WORKSHEET))
    page.locator("textarea").first.click()
    for key in ("Shift+A", "Shift+B", "Shift+C", "Shift+D"):
        page.keyboard.press(key)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    assert page.evaluate("() => document.documentElement.classList.contains('tg-exiting')") is False
    assert neutral.requests == []
    expect(page.locator("textarea").first).to_have_value("ABCDa")


def test_the_control_explains_the_shortcut(phone, server):
    page, _ = phone
    page.goto(server.url(""))
    expect(page.locator("a.tg-exit")).to_have_accessible_name(
        re.compile(r"^Exit this page.*Shift three times", re.S))


# Reports, from inside the page, how it looks the moment it is marked as
# leaving: before any answer from the next site could arrive.
WATCH_EXIT = """new MutationObserver(() => {
  const html = document.documentElement;
  if (html && html.classList.contains('tg-exiting') && !window.tgReported) {
    window.tgReported = true;
    console.log('tg-exit-state', getComputedStyle(document.body).display, JSON.stringify(document.title));
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['class']});"""


def test_the_page_is_hidden_at_once(browser, server):
    # The neutral site is held unanswered, as a slow site would be: the page
    # it replaces must already be blank, its title gone, before it loads.
    context, log = open_context(browser, server, viewport=PHONE)
    neutral = Neutral(context, hold=True)
    context.add_init_script(WATCH_EXIT)
    page = context.new_page()
    said = []
    page.on("console", lambda msg: said.append(msg.text))
    page.goto(server.url(SAFETY))
    # Not waiting for the navigation: it is held on purpose.
    page.locator("a.tg-exit").click(no_wait_after=True)
    deadline = time.monotonic() + 10
    while not (neutral.held and said) and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    assert len(neutral.held) == 1, "the exit never asked for the neutral site"
    assert said == ['tg-exit-state none ""']
    neutral.release()
    expect(page).to_have_url(EXIT_URL)
    assert len(neutral.requests) == 1
    context.close()


def test_exit_after_instant_navigation(phone, server):
    # Material swaps pages without reloading (instant navigation): the exit
    # still leaves, and Back goes to the page before, not the one left.
    page, neutral = phone
    page.goto(server.url(""))
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.tgSamePage = true; }")
    page.locator(".md-content a[href$='safety/']").first.click()
    expect(page).to_have_url(server.url(SAFETY))
    expect(page.locator("article h1")).to_have_text(re.compile("^When it's not about trust"))
    assert page.evaluate("() => window.tgSamePage === true"), "not an instant navigation"
    page.locator("a.tg-exit").click()
    expect(page).to_have_url(EXIT_URL)
    page.go_back()
    expect(page).to_have_url(server.url(""))


def test_without_javascript_it_is_a_plain_link(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    neutral = Neutral(context)
    page = context.new_page()
    page.goto(server.url(SAFETY))
    link = page.locator("a.tg-exit")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", EXIT_URL)
    link.click()
    expect(page).to_have_url(EXIT_URL)
    assert "referer" not in neutral.requests[0]
    context.close()


RECT = "el => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; }"

# Whether the middle of each visible element is on top, not under the exit.
ON_TOP = """sel => [...document.querySelectorAll(sel)].filter(el => el.offsetParent || el.getClientRects().length)
  .map(el => { const r = el.getBoundingClientRect();
               if (!r.width || !r.height) return null;
               const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
               return {sel: el.className || el.tagName, onTop: !!hit && (el.contains(hit) || hit.contains(el))}; })
  .filter(Boolean)"""


def overlaps(a, b) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


@pytest.mark.parametrize("path", ["", SAFETY, WORKSHEET, "checklists/self-assessment/", "no-such-page/"])
def test_on_a_phone_it_stays_in_view_and_covers_nothing(phone, server, path):
    page, _ = phone
    page.goto(server.url(path))
    exit_link = page.locator("a.tg-exit")
    header = page.locator(".md-header").evaluate(RECT)
    # A thumb-sized target, inside the header's height: it never covers the page.
    box = exit_link.evaluate(RECT)
    assert box["h"] >= 44 and box["w"] >= 44
    assert box["y"] >= 0 and box["y"] + box["h"] <= header["y"] + header["h"] + 0.5
    # Material's header buttons and title are all clear of it.
    for sel in (".md-header__button", ".md-header__title"):
        for el in page.locator(sel).all():
            if el.is_visible():
                assert not overlaps(el.evaluate(RECT), box), sel
    assert all(item["onTop"] for item in page.evaluate(ON_TOP, ".md-header__button")), "a header button is covered"
    # Scrolled far down and back up a little: still there, and clear of
    # Material's "Back to top" button.
    page.mouse.wheel(0, 3000)
    page.mouse.wheel(0, -400)
    expect(exit_link).to_be_in_viewport()
    top = page.locator(".md-top")
    if top.is_visible():
        assert not overlaps(top.evaluate(RECT), exit_link.evaluate(RECT))
    hit = exit_link.evaluate("el => { const r = el.getBoundingClientRect();"
                             " return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }")
    assert hit, "the exit control is covered"


def test_on_a_phone_it_stays_reachable_with_the_drawer_and_search_open(phone, server):
    page, neutral = phone
    page.goto(server.url(SAFETY))
    page.locator(".md-header__button[for='__drawer'], button.md-header__button").first.click()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    on_top = "el => { const r = el.getBoundingClientRect(); return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"
    assert page.locator("a.tg-exit").evaluate(on_top), "the drawer covers the exit control"
    page.keyboard.press("Escape")
    page.goto(server.url(SAFETY))
    page.locator("label.md-header__button[for='__search']").click()
    page.keyboard.type("phone", delay=20)
    expect(page.locator(".md-search__input")).to_be_visible()
    assert page.locator("a.tg-exit").evaluate(on_top), "open search covers the exit control"
    reset = page.locator(".md-search__options button[type='reset'], .md-search__icon[type='reset']").first
    if reset.is_visible():
        assert not overlaps(reset.evaluate(RECT), page.locator("a.tg-exit").evaluate(RECT))
    page.locator("a.tg-exit").click()
    expect(page).to_have_url(EXIT_URL)


def test_hidden_in_print(browser, server):
    context, _ = open_context(browser, server)
    page = context.new_page()
    page.goto(server.url(WORKSHEET))
    page.emulate_media(media="print")
    expect(page.locator("a.tg-exit")).to_be_hidden()
    context.close()
