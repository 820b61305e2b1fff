"""Every page in every condition we promise, in one visit per condition.

Each pass opens one browser context (a viewport, a colour scheme, JavaScript
on or off) and visits every page once, running all the checks that belong to
that condition on it: axe-core (WCAG 2.0-2.2 A and AA; in dark mode, its
colour rules), the Content-Security-Policy (no violation), console and page
errors, requests to other origins, cookies, a visible title, and no sideways
scrolling (phones, 320 px reflow, 200% zoom). Without JavaScript: the page
still reads and script-only controls stay hidden. The findings are reported
per pass and page, so a failure names the page and the check. (A pass runs
inside the first test that asks for it, so --durations shows its whole time
on that one test.)"""

from dataclasses import dataclass

import pytest

from conftest import open_context
from support import AXE, AXE_PATH, AXE_TAGS as TAGS, page_paths, source_page_urls

pytestmark = pytest.mark.browser


# Controls that only work with JavaScript; without it they must not show.
NEEDS_JS = ".tg-ws__tools, .tg-checklist__result, .tg-share__button, .tg-menu-button"

COLLECT_CSP = """
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation',
        e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# The /s/N/ short links only redirect (their tags: test_csp.py, test_links.py).
PAGES = [*source_page_urls(), "404.html"]


@dataclass(frozen=True)
class Condition:
    """One browser context and the checks run on every page in it."""

    name: str
    options: dict
    axe: bool = False
    javascript: bool = True
    # Rules to run instead of all of AXE_TAGS: a colour scheme changes colours
    # only, so its pass runs the rules that read colours.
    axe_rules: tuple[str, ...] = ()


PHONE = {"is_mobile": True, "has_touch": True}
COLOUR_RULES = ("color-contrast", "link-in-text-block")
CONDITIONS = [
    Condition("1280-light", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"}, axe=True),
    Condition("1280-dark", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"}, axe=True,
              axe_rules=COLOUR_RULES),
    Condition("390-light", {"viewport": {"width": 390, "height": 844}, "color_scheme": "light", **PHONE}, axe=True),
    Condition("390-dark", {"viewport": {"width": 390, "height": 844}, "color_scheme": "dark", **PHONE}, axe=True,
              axe_rules=COLOUR_RULES),
    # WCAG reflow: content fits 320 CSS pixels.
    Condition("320-light", {"viewport": {"width": 320, "height": 844}, "color_scheme": "light", **PHONE}),
    # A 1280 px window at 200% zoom lays pages out in 640 CSS pixels.
    Condition("zoom-200", {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}),
    Condition("no-js-390", {"viewport": {"width": 390, "height": 844}, "java_script_enabled": False},
              javascript=False),
]


def name_of(path: str) -> str:
    return path or "home"


def check_page(page, log, path: str, condition: Condition) -> list[str]:
    """Every check of this condition on one page, as 'check: detail' lines."""
    found = []
    seen = {k: len(getattr(log, k)) for k in ("console_errors", "page_errors", "foreign_requests")}
    page.goto(page.server.url(path))  # waits for the load event
    title = page.locator("article h1").first
    try:
        title.wait_for(state="visible", timeout=5000)
    except Exception:  # noqa: BLE001 - a missing title is a finding, not a crash
        found.append("title: no visible article h1")
    if (overflow := page.evaluate(OVERFLOW)) > 0:
        found.append(f"reflow: scrolls sideways by {overflow} px")
    if not condition.javascript:
        if path != "404.html" and len(page.locator("article").inner_text()) < 300:
            found.append("no-js: hardly any text")
        shown = [el.inner_text()[:30] for el in page.locator(NEEDS_JS).all() if el.is_visible()]
        if shown:
            found.append(f"no-js: controls that need JavaScript still show: {shown}")
        return found
    if condition.axe:
        page.add_script_tag(url=page.server.url(AXE_PATH))
        # Only violations need their nodes listed; that makes each run much faster.
        only = {"type": "rule", "values": list(condition.axe_rules)} if condition.axe_rules else TAGS
        result = page.evaluate("only => axe.run({runOnly: only, resultTypes: ['violations']})", only)
        if not result["passes"]:
            found.append("axe: ran no rule (was it loaded?)")
        for v in result["violations"]:
            found.append(f"axe: {v['id']} {[n['target'] for n in v['nodes']][:3]}")
    if violations := page.evaluate("window.__cspViolations"):
        found.append(f"csp: {violations}")
    for kind in seen:
        if new := getattr(log, kind)[seen[kind]:]:
            found.append(f"{kind.replace('_', ' ')}: {new}")
    if page.evaluate("document.cookie") or page.context.cookies():
        found.append("cookies: a cookie was set")
    return found


def run_condition(browser, server, condition: Condition) -> dict[str, list[str]]:
    """Visit every page once in one context; findings per page."""
    assert AXE.exists(), "axe-core is missing: run `make test` (it runs npm ci)"
    context, log = open_context(browser, server, **condition.options)
    if condition.javascript:
        context.add_init_script(COLLECT_CSP)
    page = context.new_page()
    page.server = server
    try:
        return {path: check_page(page, log, path, condition) for path in PAGES}
    finally:
        context.close()


@pytest.fixture(scope="session")
def findings(browser, server):
    """Findings per condition, each pass run once, the first time it is asked for."""
    done = {}

    def of(condition: Condition) -> dict[str, list[str]]:
        if condition.name not in done:
            done[condition.name] = run_condition(browser, server, condition)
        return done[condition.name]

    return of


@pytest.mark.parametrize("path", PAGES, ids=name_of)
@pytest.mark.parametrize("condition", CONDITIONS, ids=lambda c: c.name)
def test_page_passes_every_check(findings, condition, path):
    found = findings(condition)[path]
    assert found == [], f"{name_of(path)} ({condition.name}):\n" + "\n".join(found)


def test_the_pass_visits_every_built_page(site_dir):
    assert sorted(page_paths(site_dir)) == sorted(PAGES[:-1])
    assert (site_dir / "404.html").is_file()
