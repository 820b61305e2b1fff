"""The conftest hook that fails a Chromium test missing the `browser` marker,
and how conftest shares the tests out among pytest-xdist workers."""

import pytest

import conftest
from support import ROOT


class FakeItem:
    """Just enough of a pytest item for the two hooks."""

    def __init__(self, fixturenames, marks=()):
        self.nodeid = "tests/test_x.py::test_x"
        self.fixturenames = list(fixturenames)
        self.marks = {m.name: m for m in marks}

    def add_marker(self, mark):
        self.marks[mark.name] = mark.mark

    def get_closest_marker(self, name):
        return self.marks.get(name)


def run_hooks(item):
    conftest.pytest_collection_modifyitems(None, [item])
    conftest.pytest_runtest_setup(item)


def test_unmarked_test_using_a_page_fails_naming_the_fixture():
    with pytest.raises(pytest.fail.Exception, match="fixtures page"):
        run_hooks(FakeItem(["server", "page"]))


def test_marked_test_and_test_without_chromium_pass():
    run_hooks(FakeItem(["browser", "server"], [pytest.mark.browser.mark]))
    run_hooks(FakeItem(["site_dir"]))


def test_a_file_is_one_work_unit_but_each_site_pass_is_its_own():
    from test_site_pass_browser import CONDITIONS

    assert conftest.work_unit("tests/test_pages.py::test_a[x-y]") == "tests/test_pages.py"
    assert conftest.work_unit("tests/test_pages.py::test_b") == "tests/test_pages.py"
    site_pass = "tests/test_site_pass_browser.py"
    units = {conftest.work_unit(f"{site_pass}::test_page_passes_every_check[{c.name}-{page}]")
             for c in CONDITIONS for page in ("about/", "404.html")}
    assert units == {f"{site_pass}::{c.name}" for c in CONDITIONS}
    assert conftest.work_unit(f"{site_pass}::test_the_pass_visits_every_built_page") == site_pass


def test_files_whose_tests_run_alone_share_no_module_fixture():
    for name in conftest.EACH_TEST_ALONE:
        text = (ROOT / "tests" / name).read_text(encoding="utf-8")
        assert "@pytest.fixture(scope=" not in text, f"{name} has a shared fixture: leave it out of EACH_TEST_ALONE"
    page = "tests/test_print_pdf.py::test_worksheet_prints_as_a_handout[trust-log-A4-blank]"
    assert conftest.work_unit(page) == page
