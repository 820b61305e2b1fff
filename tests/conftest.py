"""Fixtures: one strict build per test run (shared by pytest-xdist workers),
a local server, Chromium pages."""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from filelock import FileLock

from support import AXE, AXE_PATH, CHROMIUM_ARGS, NO_BROWSER, ROOT, SiteServer, build, chromium_path

# Fixtures that start or drive Chromium; a test using any of them (directly or
# through another fixture) must carry the `browser` marker, so `-m browser`
# and `-m "not browser"` split the suite truthfully.
CHROMIUM_FIXTURES = {"browser", "page", "context_and_log", "pdf_site"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        used = CHROMIUM_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if used and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.unmarked_browser(sorted(used)))


# Long files of tests that share no module fixture: any worker may run any of
# their tests (test_markers.py checks that they keep sharing none).
EACH_TEST_ALONE = {"test_print_pdf.py", "test_checklists_browser.py"}


def work_unit(nodeid: str) -> str:
    """What one pytest-xdist worker runs together: a test file, so its module
    fixtures (a project copy's build, the PDFs) are made once; but each
    whole-site pass on its own, and each test of EACH_TEST_ALONE, as those
    are the longest."""
    file = nodeid.split("::")[0]
    if Path(file).name in EACH_TEST_ALONE:
        return nodeid
    if file.endswith("/test_site_pass_browser.py"):
        from test_site_pass_browser import CONDITIONS

        params = nodeid.partition("[")[2]
        for condition in CONDITIONS:
            if params.startswith(condition.name + "-"):
                return f"{file}::{condition.name}"
    return file


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook
def pytest_xdist_make_scheduler(config, log):
    """--dist loadfile, with the work units of work_unit. (pytest-xdist's own
    xdist_group marks do nothing under pytest 9.2: it renames node ids in a way
    pytest no longer reads.)"""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class FileOrPass(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return FileOrPass(config, log)


def pytest_runtest_setup(item):
    unmarked = item.get_closest_marker("unmarked_browser")
    if unmarked is not None:
        pytest.fail(f"{item.nodeid} drives Chromium (fixtures {', '.join(unmarked.args[0])}) "
                    "but is not marked: add @pytest.mark.browser or pytestmark = pytest.mark.browser",
                    pytrace=False)


def session_root(tmp_path_factory) -> Path:
    """The temp folder of the whole run: the same for every pytest-xdist worker
    (each worker's own basetemp sits in it), new for every run."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> tuple[Path, str]:
    """The guide, built once per test run (strict) into a temp folder, and what
    that build printed. Under pytest-xdist the first worker to ask builds it
    and the others wait for it and read the same folder."""
    root = session_root(tmp_path_factory)
    out, record = root / "site", root / "site-build.json"
    with FileLock(root / "site-build.lock"):
        if not record.exists():
            result = build(ROOT, out)
            record.write_text(json.dumps({"returncode": result.returncode,
                                          "log": result.stdout + result.stderr}), encoding="utf-8")
    done = json.loads(record.read_text(encoding="utf-8"))
    assert done["returncode"] == 0, f"strict build failed:\n{done['log']}"
    return out, done["log"]


@pytest.fixture(scope="session")
def site_dir(site_build) -> Path:
    """The built guide (shared by the whole session: read it, never change it)."""
    return site_build[0]


@pytest.fixture(scope="session")
def build_log(site_build) -> str:
    """What the session's strict build printed, for the no-warnings check."""
    return site_build[1]


@pytest.fixture(scope="session")
def server(site_dir):
    with SiteServer(site_dir, extra={AXE_PATH: AXE}) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        path = chromium_path(pw)
        if path is None:
            pytest.fail(NO_BROWSER, pytrace=False)
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class PageLog:
    """What a page did that a test may want to forbid."""

    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    foreign_requests: list = field(default_factory=list)


def open_context(browser, server, **options):
    """A fresh browser context that records errors and requests to other origins."""
    context = browser.new_context(**options)
    log = PageLog()

    def on_request(request):
        if not request.url.startswith((server.origin + "/", "data:", "blob:")):
            log.foreign_requests.append(request.url)

    context.on("request", on_request)
    context.on("console", lambda msg: msg.type == "error" and log.console_errors.append(msg.text))
    context.on("weberror", lambda err: log.page_errors.append(str(err.error)))
    return context, log


@pytest.fixture
def context_and_log(browser, server):
    context, log = open_context(browser, server)
    yield context, log
    context.close()


@pytest.fixture
def page(context_and_log):
    """A Chromium page at 1280 px; page.log holds errors and foreign requests."""
    context, log = context_and_log
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.log = log
    return page


def search(page, query):
    """Type query into Material's search like a person; the first result link."""
    from playwright.sync_api import expect

    page.keyboard.press("Escape")
    box = page.get_by_role("search").locator("input").first
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box.fill("")
    # Material's search listens to key presses, so type like a person.
    box.press_sequentially(query, delay=20)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible()
    return first
