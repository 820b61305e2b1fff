"""Strings from data and front matter are text wherever they land, and a
script injected through any of them neither runs nor gets a CSP hash."""

import json
import re

import pytest

from finishing.csp import _hash
from macros.text import as_text, has_markup, literal_parts_as_text, shown
from support import SiteServer, build, copy_project

SITE = "The Trust Guide"


def payload(n: int) -> str:
    """A hostile title: a script, quotes, an ampersand, Markdown and a bare tag."""
    return f'<script>console.log("tg-injected-{n}")</script> "q" & *em* <not yet>'


# route -> (file, the line to replace, its new value, the page that shows it)
ROUTES = {
    "strategy title": ("data/strategies.yml", "title: Respect their comfort zone", payload(1),
                       "strategies/respect-their-comfort-zone/"),
    "worksheet title": ("data/worksheets/past-and-present.yml", 'title: "Their past, your present"',
                        payload(2), "worksheets/past-and-present/"),
    "checklist title": ("data/checklists/openness.yml", 'title: "Self-check: meeting openness with kindness"',
                        payload(3), "checklists/openness/"),
    "front-matter title": ("docs/worksheets/comfort-map.md", "title: \"{{ worksheet_title('comfort-map') }}\"",
                           payload(4), "worksheets/comfort-map/"),
}
DESCRIPTION = ('"><script>console.log("tg-injected-5")</script> It\'s <b>bold</b> & "quoted"',
               "checklists/be-there/")
TITLE_ROUTES = {route: (value, url) for route, (_, _, value, url) in ROUTES.items()}


def replace_line(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found; has the data changed?"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project")
    for file, old, value, _ in ROUTES.values():
        replace_line(project / file, old, "title: " + json.dumps(value))   # JSON is YAML
    page = project / "docs/checklists/be-there.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^description: .*$", lambda _: "description: " + json.dumps(DESCRIPTION[0]),
                           text, count=1, flags=re.M), encoding="utf-8")
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


# Pure functions first.

def test_as_text_leaves_plain_titles_alone():
    assert as_text("Don't take their mistrust personally") == "Don't take their mistrust personally"


def test_as_text_escapes_html_and_markdown():
    escaped = as_text(payload(0))
    assert not has_markup(escaped) and "*" not in escaped and "<" not in escaped
    assert shown(escaped) == payload(0)


def test_literal_parts_are_escaped_and_macro_calls_kept():
    assert literal_parts_as_text("A & B: {{ strategy_title('x') }}") == "A &#38; B: {{ strategy_title('x') }}"


# The built pages.

def scripts_and_handlers(html: str) -> list[str]:
    bodies = re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)
    handlers = re.findall(r"<[^>]+\son\w+=[^>]*>", html)
    return bodies + handlers


def test_no_injected_script_reaches_any_page_or_gets_a_hash(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    injected = [_hash(f'console.log("tg-injected-{n}")') for n in range(1, 6)]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not [s for s in scripts_and_handlers(html) if "tg-injected" in s], path
        assert not any(h in html for h in injected), path


def test_search_index_holds_titles_as_text(hostile_site):
    docs = json.loads((hostile_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = {d["title"] for d in docs}
    # Material's search shows titles as HTML: escaped once, so the words show.
    assert "&lt;script&gt;console.log(\"tg-injected-1\")&lt;/script&gt; \"q\" &amp; *em* &lt;not yet&gt;" in titles


def test_a_script_in_a_pages_markdown_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<script>console.log("tg")</script>\n', encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "about/index.html" in result.stderr and "none of our templates wrote" in result.stderr


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    with SiteServer(hostile_site) as srv:
        yield srv


def watch(page):
    """Record console messages and CSP violations of a page."""
    page.messages = []
    page.on("console", lambda m: page.messages.append(m.text))
    page.add_init_script("""
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));
    """)
    return page


@pytest.mark.browser
@pytest.mark.parametrize("route", TITLE_ROUTES, ids=list(TITLE_ROUTES))
def test_a_hostile_title_shows_as_text_and_runs_nothing(browser, hostile_server, route):
    value, url = TITLE_ROUTES[route]
    page = watch(browser.new_page(viewport={"width": 1280, "height": 900}))
    page.goto(hostile_server.url(url))
    page.wait_for_load_state("load")
    if route != "front-matter title":   # that page's h1 is its Markdown heading
        assert page.locator("article h1").inner_text().strip() == value
    header = page.locator(".md-header__topic[data-md-component='header-topic'] .md-ellipsis")
    assert header.inner_text().strip() == value
    assert page.title() == f"{value} - {SITE}"
    assert page.locator('meta[property="og:title"]').get_attribute("content") == f"{value} · {SITE}"
    nav = page.locator(".md-sidebar--primary .md-nav__link--active").first.inner_text()
    assert nav.strip() == value
    assert not [m for m in page.messages if "tg-injected" in m]
    page.screenshot(path=f"/tmp/escape-shots/hostile-{route.replace(' ', '-')}.png")
    page.close()


@pytest.mark.browser
def test_a_hostile_description_shows_as_text_and_runs_nothing(browser, hostile_server):
    value, url = DESCRIPTION
    page = watch(browser.new_page())
    page.goto(hostile_server.url(url))
    page.wait_for_load_state("load")
    for selector in ('meta[name="description"]', 'meta[property="og:description"]',
                     'meta[name="twitter:description"]'):
        assert page.locator(selector).get_attribute("content") == value, selector
    assert page.locator("head b, body > b").count() == 0
    assert not [m for m in page.messages if "tg-injected" in m]
    page.close()


@pytest.mark.browser
def test_the_policy_blocks_a_script_that_got_into_a_page(browser, hostile_server):
    # Should a script reach a page some other way, the policy has no hash for it.
    page = watch(browser.new_page())

    def inject(route):
        html = route.fetch().text()
        html = html.replace("</article>", '<script>console.log("tg-injected-csp")</script>'
                            '<img src="x" onerror="console.log(\'tg-injected-img\')"></article>', 1)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(re.compile(r".*/about/$"), inject)
    page.goto(hostile_server.url("about/"))
    page.wait_for_load_state("load")
    assert page.locator("article script").count() == 1   # it is there ...
    assert not [m for m in page.messages if "tg-injected" in m]   # ... and it did not run
    assert "script-src-elem" in page.evaluate("window.__violations")
    page.close()
