"""The Content-Security-Policy: computed at build time, on every page, and the
browser sees no violation and no console error on any page."""

import base64
import hashlib
import re

import pytest
from hypothesis import given, settings, strategies as st

from finishing import csp
from finishing.csp import TrustedScripts, add_csp, trusted_scripts, untrusted_scripts
from support import copy_project, mkdocs_serve

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def directives(html: str) -> dict[str, list[str]]:
    match = META.search(html)
    assert match, "no CSP meta tag"
    return {d.split()[0]: d.split()[1:] for d in match[1].split("; ")}


def sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


TEMPLATE = '{#- a comment -#}\n<script>console.log(1)</script>\n<script>go("{{ base_url }}")</script>'
TRUSTED = trusted_scripts([TEMPLATE])


def test_inline_scripts_from_templates_are_hashed_and_json_blocks_are_not():
    body = "console.log(1)"
    html = (f'<html><head><meta charset="utf-8"><script>{body}</script>'
            '<script id="c" type="application/json">{}</script>'
            '<script src="a.js"></script></head></html>')
    secured = add_csp(html, TRUSTED)
    assert directives(secured)["script-src"] == ["'self'", sha(body)]
    assert secured.index("charset") < secured.index("Content-Security-Policy")
    assert add_csp(secured, TRUSTED) == secured


def test_a_trusted_script_is_written_minified_and_hashed_as_written():
    commented = "// why it runs\nvar  a = 1;\n  go(a);"
    html = f'<html><head><script>{commented}</script></head></html>'
    secured = add_csp(html, trusted_scripts([f"<script>{commented}</script>"]))
    assert "<script>var a=1;go(a);</script>" in secured and "why it runs" not in secured
    assert directives(secured)["script-src"] == ["'self'", sha("var a=1;go(a);")]


def test_a_script_no_template_wrote_gets_no_hash():
    injected = 'console.log("injected")'
    html = f'<html><head><script>console.log(1)</script></head><body><script>{injected}</script></body></html>'
    assert untrusted_scripts(html, TRUSTED) == [injected]
    assert directives(add_csp(html, TRUSTED))["script-src"] == ["'self'", sha("console.log(1)")]


def test_a_filled_in_value_is_a_url_and_cannot_leave_its_string():
    assert TRUSTED.allows('go("../..")') and TRUSTED.allows('go("/trust-guide/")')
    assert not TRUSTED.allows('go("");alert(1);("")')
    assert not TRUSTED.allows('go("</script>")')


def test_every_inline_script_of_a_built_page_is_hashed(site_dir):
    # The build fails on a script no template wrote, so each one has its hash.
    for path in built_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        bodies = [m["body"] for m in re.finditer(r"<script>(?P<body>.*?)</script>", html, re.S)]
        # The /s/N/ short links (finishing/short_links.py) leave by meta refresh, with no script.
        assert bodies or path.parent.parent.name == "s", path
        assert sorted({sha(b) for b in bodies}) == sorted(directives(html)["script-src"][1:]), path


def test_a_page_without_head_is_an_error():
    with pytest.raises(ValueError, match="no <head>"):
        add_csp("<p>no head</p>", TrustedScripts(()))


def built_pages(site_dir):
    return sorted(site_dir.rglob("*.html"))


def test_every_built_page_has_a_strict_policy(site_dir):
    pages = built_pages(site_dir)
    assert len(pages) > 20
    for path in pages:
        d = directives(path.read_text(encoding="utf-8"))
        where = path.relative_to(site_dir)
        assert d["default-src"] == ["'self'"], where
        assert "'unsafe-inline'" not in d["script-src"] and "'unsafe-eval'" not in d["script-src"], where
        assert d["connect-src"] == ["'self'"] and d["object-src"] == ["'none'"], where
        assert d["base-uri"] == ["'self'"] and d["form-action"] == ["'none'"], where


def test_preview_policy_allows_inline_scripts_and_nothing_more():
    html = '<html><head><meta charset="utf-8"><script>console.log(1)</script></head></html>'
    built, preview = directives(add_csp(html, TRUSTED)), directives(add_csp(html, TRUSTED, preview=True))
    assert preview["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-inline'" not in built["script-src"]
    assert {k: v for k, v in preview.items() if k != "script-src"} == \
        {k: v for k, v in built.items() if k != "script-src"}


@pytest.mark.browser
def test_live_reload_runs_under_make_serve(browser, tmp_path):
    # mkdocs serve injects its live-reload script into each page as it is
    # served, so the build cannot hash it; the preview policy lets it run.
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project, tmp_path / "serve.log", tries=120) as url:
        page = browser.new_page()
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(url)
        assert page.evaluate("typeof window.livereload") == "function"
        assert errors == []
        page.close()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<script>", '<script src="a">', "<script type=x>", "</script>", "</scrip",
                                 "<", "/", ">", "a", "\n"]), max_size=12).map("".join))
def test_inline_scripts_are_what_a_lazy_match_finds(html):
    # The unrolled regex finds what the lazy `(?P<body>.*?)</script>` (re.S) found.
    lazy = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S)
    assert [m.groupdict() for m in csp.INLINE_SCRIPT.finditer(html)] == [m.groupdict() for m in lazy.finditer(html)]
