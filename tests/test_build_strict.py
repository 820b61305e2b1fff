"""The build is strict: each kind of mistake in a page fails it."""

import re

import pytest

from support import build, copy_project


def test_build_prints_no_warnings(build_log):
    assert not re.search(r"^(WARNING|ERROR)\b", build_log, re.M), build_log


BROKEN_PAGES = {
    "broken link": "See [this page](no-such-page.md).\n",
    "missing anchor": "See [this part](introduction.md#no-such-heading).\n",
    "undefined variable": "Hello {{ no_such_variable }}.\n",
    "macro that raises": "{{ strategy_title('no-such-strategy') }}\n",
    "absolute link": "See [home](/index.md).\n",
}


@pytest.mark.parametrize("content", BROKEN_PAGES.values(), ids=BROKEN_PAGES.keys())
def test_mistake_in_a_page_fails_the_build(tmp_path, content):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + content, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, f"build passed despite: {content!r}\n{result.stderr}"


def test_unknown_strategy_error_names_page_and_id(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ related('nope') }}\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "about.md" in result.stdout + result.stderr
    assert "'nope'" in result.stdout + result.stderr


def test_clean_copy_builds(tmp_path):
    """The control for the tests above: the untouched copy builds."""
    project = copy_project(tmp_path / "project")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
