"""The tests themselves: none throws away what it asked the page (a bare
`.count()` or `.is_visible()` checks nothing), no `expect(...)` lacks its
matcher, and every `wait_for_function` is given a function."""

import ast
import re
from pathlib import Path

import pytest

# Playwright calls that only return a value: useful only when compared.
QUERIES = {"count", "is_visible", "is_hidden", "is_checked", "is_enabled", "is_disabled", "is_editable",
           "inner_text", "inner_html", "text_content", "get_attribute", "input_value", "all_inner_texts",
           "all_text_contents", "bounding_box"}
TEST_FILES = sorted(Path(__file__).resolve().parent.glob("test_*.py"))
HELPERS = [Path(__file__).resolve().parent / name for name in ("support.py", "conftest.py")]
# "() => ...", "async () => ...", "x => ...", "function () {...}".
FUNCTION = re.compile(r"\s*(?:async\s+)?(?:\(|function\b|[A-Za-z_$][\w$]*\s*=>)")


def discarded_queries(source: str) -> list[str]:
    """Statements that call a query or expect() and drop the result."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
            continue
        func = node.value.func
        if (isinstance(func, ast.Attribute) and func.attr in QUERIES) or \
                (isinstance(func, ast.Name) and func.id == "expect"):
            found.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_the_check_finds_a_bare_count():
    assert discarded_queries("page.get_by_label('x').count()\nexpect(page)\n") == [
        "line 1: page.get_by_label('x').count()", "line 2: expect(page)"]
    assert discarded_queries("assert page.locator('a').count() == 1\nexpect(a).to_be_visible()\n") == []


@pytest.mark.parametrize("path", TEST_FILES, ids=lambda p: p.name)
def test_no_test_drops_what_it_asked(path):
    assert discarded_queries(path.read_text(encoding="utf-8")) == []


def bare_waits(source: str) -> list[str]:
    """wait_for_function calls given an expression rather than a function.
    Playwright evals an expression in the page when it has to poll, and the
    pages' CSP (no 'unsafe-eval') blocks that: such a wait fails whenever
    its condition is not already true."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "wait_for_function" and node.args):
            continue
        first = node.args[0]
        if isinstance(first, ast.JoinedStr):
            first = first.values[0] if first.values else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and not FUNCTION.match(first.value):
            found.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_the_check_finds_a_bare_wait():
    assert bare_waits("page.wait_for_function('window.x === 1')\n") == [
        "line 1: page.wait_for_function('window.x === 1')"]
    assert bare_waits("page.wait_for_function('() => window.x')\npage.wait_for_function(f'() => {a} !== 1')\n"
                      "page.wait_for_function('async () => await f()')\n") == []


@pytest.mark.parametrize("path", TEST_FILES + HELPERS, ids=lambda p: p.name)
def test_every_wait_is_given_a_function(path):
    assert bare_waits(path.read_text(encoding="utf-8")) == []
