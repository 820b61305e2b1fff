"""The guide offline (docs/sw.js, docs/assets/js/offline.js,
finishing/offline.py) and search that recovers
(overrides/partials/tg-search-on-demand.html), in Chromium over a real http
origin, as service workers need. Each test serves its own copy of the built
site, so it can change files in it (a new deployment) without touching the
shared one."""

import shutil
import sys

import pytest
from playwright.sync_api import expect

from conftest import open_context, search
from support import ROOT, SiteServer, keep_answers, wait_ready

sys.path.insert(0, str(ROOT))
from finishing import offline  # noqa: E402

pytestmark = pytest.mark.browser

OTHER_PAGES = ["safety/", "strategies/show-real-interest/", "checklists/"]
SHEET = "worksheets/comfort-map/"


@pytest.fixture
def own_site(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    with SiteServer(copy) as srv:
        yield copy, srv


@pytest.fixture
def sw_context(browser, own_site):
    _, srv = own_site
    context, log = open_context(browser, srv, service_workers="allow")
    yield context
    context.close()


def first_visit(context, srv):
    """Open the home page, choose "keep", wait until the worker controls the page
    and has filled its cache."""
    page = context.new_page()
    page.goto(srv.url(""))
    keep_answers(page)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30000)
    page.wait_for_function("""async () => {
        const names = await caches.keys();
        return names.some(n => n.startsWith('trust-guide-offline-'));
    }""")
    return page


def cache_names(page):
    return page.evaluate("() => caches.keys()")


def test_no_worker_before_the_reader_chooses_keep(sw_context, own_site):
    _, srv = own_site
    page = sw_context.new_page()
    page.goto(srv.url(""))
    page.wait_for_function("() => window.trustGuide && window.trustGuide.storage")
    page.goto(srv.url("safety/"))
    assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert cache_names(page) == []


def test_offline_after_one_visit(sw_context, own_site):
    _, srv = own_site
    page = first_visit(sw_context, srv)
    sw_context.set_offline(True)
    failed = []  # every request is answered from the cache, Material's sitemap too
    sw_context.on("requestfailed", lambda request: failed.append(request.url))
    for path in OTHER_PAGES:
        page.goto(srv.url(path))
        expect(page.locator("h1").first).to_be_visible()
        assert "tg-exit" in page.content() or page.locator(".md-content").count() == 1
    first = search(page, "comfort zone")
    expect(first).to_contain_text("comfort", ignore_case=True)
    page.goto(srv.url(SHEET))
    form = wait_ready(page, "worksheet").first
    field = form.locator("textarea, input[type=text]").first
    field.fill("kept with no signal")
    field.dispatch_event("input")
    page.reload()
    expect(page.locator("form[data-tg-worksheet] textarea, form[data-tg-worksheet] input[type=text]").first
           ).to_have_value("kept with no signal")
    # Home's bundle has no self-check code: instant navigation loads it, from the cache.
    page.goto(srv.url(""))
    page.locator(".md-nav a[href$='checklists/not-personal/']").first.click()
    expect(page).to_have_url(srv.url("checklists/not-personal/"))
    wait_ready(page, "checklist")
    assert failed == []


def test_a_new_deployment_replaces_the_cache(sw_context, own_site):
    site, srv = own_site
    page = first_visit(sw_context, srv)
    old = cache_names(page)
    # A new deployment: one page changes, and the finishing step runs again.
    safety = site / "safety" / "index.html"
    safety.write_text(safety.read_text(encoding="utf-8").replace(
        "</h1>", " (new edition)</h1>", 1), encoding="utf-8")
    offline.run(site, None)
    page.reload()  # the browser checks sw.js on a visit and finds the new one
    expect(page.locator("[data-tg-component='update-notice']")).to_be_visible(timeout=30000)
    page.goto(srv.url("safety/"))
    expect(page.locator("h1").first).to_contain_text("(new edition)")
    names = cache_names(page)
    assert len(names) == 1 and names != old
    sw_context.set_offline(True)
    page.goto(srv.url("safety/"))
    expect(page.locator("h1").first).to_contain_text("(new edition)")


def test_delete_everything_leaves_no_cache_and_no_worker(sw_context, own_site):
    _, srv = own_site
    page = first_visit(sw_context, srv)
    assert cache_names(page) != []
    page.goto(srv.url("privacy/"))
    page.wait_for_function("() => window.trustGuide && window.trustGuide.storage")
    page.evaluate("() => window.trustGuide.storage.deleteAll()")
    assert cache_names(page) == []
    assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


def test_dont_keep_removes_the_offline_copy(sw_context, own_site):
    _, srv = own_site
    page = first_visit(sw_context, srv)
    page.evaluate("() => window.trustGuide.storage.choose('dont-keep')")
    page.wait_for_function("() => caches.keys().then(n => n.length === 0)")
    page.wait_for_function("() => navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")


def test_search_recovers_after_a_failed_index_request(browser, server):
    context, log = open_context(browser, server)
    page = context.new_page()
    failures = []

    def fail_once(route):
        if not failures:
            failures.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/search/search_index.json", fail_once)
    page.goto(server.url(""))
    status = page.locator("[data-tg-component='search-status']")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    expect(status).to_contain_text("could not load")
    assert failures
    page.keyboard.press("Escape")
    first = search(page, "comfort zone")  # opening search again retries
    expect(first).to_contain_text("comfort", ignore_case=True)
    expect(status).to_have_text("")
    context.close()
