"""The editor's loop with a real `mkdocs serve` (what `make serve` runs): an
edited data file, template or macro shows in the open page; a data error
prints the short block, no traceback, and the preview comes back when fixed."""

import time

import pytest

from support import copy_project, mkdocs_serve

PAGE = "worksheets/comfort-map/"
HEADING = "heading: "


@pytest.fixture
def serve(tmp_path):
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log) as url:
        yield project, url, log


def wait_for_log(log, text: str, after: int = 0) -> str:
    """The server's log from position `after` once it holds text (the server is slow under load)."""
    for _ in range(600):
        content = log.read_text()[after:]
        if text in content:
            return content
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared in the serve log:\n{log.read_text()[after:]}")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.browser
def test_edits_to_data_and_macros_show_and_errors_recover(browser, serve):
    from playwright.sync_api import expect

    project, url, log = serve
    page = browser.new_page()
    page.goto(url + PAGE)
    data = project / "data/worksheets/comfort-map.yml"
    first_heading = next(line for line in data.read_text(encoding="utf-8").splitlines() if HEADING in line)
    old = first_heading.split(HEADING, 1)[1].strip().strip('"')
    expect(page.locator("article")).to_contain_text(old)

    # 1. A data file: the open page reloads with the new words.
    edit(data, first_heading, first_heading.replace(old, "Edited while serving"))
    expect(page.locator("article")).to_contain_text("Edited while serving", timeout=60_000)

    # 2. A data error: the short block, no traceback; the server keeps going.
    mark = len(log.read_text())
    edit(data, 'title: "Comfort map"', 'title: "   "')
    out = wait_for_log(log, "The preview stays as it was", mark)
    assert "data/worksheets/comfort-map.yml, line 2: title" in out and "only spaces" in out, out
    assert "Traceback" not in out, out

    # 3. Fixed: the preview comes back with the fix.
    edit(data, 'title: "   "', 'title: "Comfort map, fixed"')
    expect(page.locator("article h1")).to_contain_text("Comfort map, fixed", timeout=60_000)

    # 4. Python in macros/ takes effect without a restart.
    edit(project / "macros/text.py", "def as_text(value: str) -> str:\n",
         "def as_text(value: str) -> str:\n    value = value + ' (reloaded)'\n")
    expect(page.locator("article h1")).to_contain_text("Comfort map, fixed (reloaded)", timeout=60_000)
    page.close()
