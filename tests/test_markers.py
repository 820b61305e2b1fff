"""The conftest hook that fails a Chromium test missing the `browser` marker."""

import pytest

import conftest


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
