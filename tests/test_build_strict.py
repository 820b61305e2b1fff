"""The build is strict: each kind of mistake in a page fails it."""

import re

import pytest

from support import build, copy_project


def test_build_prints_no_warnings(build_log):
    assert not re.search(r"^(WARNING|ERROR)\b", build_log, re.M), build_log


# Link mistakes are warnings, and strict mode fails on any warning; MkDocs
# reports every one, so one build checks them all, each by its own warning.
LINK_MISTAKES = {
    "broken link": ("See [this page](no-such-page.md).", "contains a link 'no-such-page.md'"),
    "missing anchor": ("See [this part](introduction.md#no-such-heading).",
                       "does not contain an anchor '#no-such-heading'"),
    "absolute link": ("See [home](/index.md).", "contains an absolute link '/index.md'"),
}
# Macro mistakes stop the build at once: one build each.
BROKEN_PAGES = {
    "undefined variable": "Hello {{ no_such_variable }}.\n",
    "macro that raises": "{{ strategy_title('no-such-strategy') }}\n",
}


def test_each_link_mistake_warns_and_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    added = "".join(f"\n{markdown}\n" for markdown, _ in LINK_MISTAKES.values())
    page.write_text(page.read_text(encoding="utf-8") + added, encoding="utf-8")
    result = build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    warnings = [line for line in out.splitlines() if line.startswith("WARNING") and "'about.md'" in line]
    for name, (_, warning) in LINK_MISTAKES.items():
        assert any(warning in line for line in warnings), f"{name}: no warning {warning!r}\n{out}"


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
