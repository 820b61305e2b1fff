"""The Content-Security-Policy for a built page (pure: HTML in, HTML out).

GitHub Pages cannot send headers, so the policy goes in a <meta> tag, first
in <head> so it covers every script after it. Inline scripts are allowed by
their sha256 hash, never by 'unsafe-inline', and only the ones that come from
a template: the theme's (Material's, or Zensical's copy), our overrides/ and
finishing/templates/. The trusted scripts are read from those template
sources (trusted_scripts), so a script that reached a page any other way
(data, front matter, a page's Markdown) gets no hash and the browser does not
run it.
"""

import base64
import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import rjsmin

# An inline script: no src attribute, and not a data block such as Material's
# application/json config, which the browser never executes.
# The body runs to the first </script> (`.*?` with re.S, unrolled: the lazy
# loop was slow on long scripts).
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>[^<]*(?:<(?!/script>)[^<]*)*)</script>")
# After <meta charset> when there is one: the charset must stay in the first 1024 bytes.
ANCHORS = (re.compile(r"<meta charset=[^>]*>"), re.compile(r"<head[^>]*>"))
MARKER = 'http-equiv="Content-Security-Policy"'
# A value a template fills into its script ({{ base_url }} and the like).
# Only what a URL path holds may fill it: no quote, backslash or bracket, so
# a filled-in value cannot leave its string.
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
_URL_VALUE = r"[A-Za-z0-9_./:~%#?=&+-]*"


@dataclass(frozen=True)
class TrustedScripts:
    """Inline scripts as their templates write them: fixed text (literals), or
    the fixed parts of a script with values filled in between them."""

    templates: tuple[tuple[str, ...], ...]
    literals: frozenset[str] = frozenset()

    def allows(self, body: str) -> bool:
        return body in self.literals or any(_fits(parts, body) for parts in self.templates)


def _fits(parts: tuple[str, ...], body: str) -> bool:
    # The ends first: they rule out nearly every template, so only the few
    # scripts a site really has are compiled into a pattern.
    return (body.startswith(parts[0]) and body.endswith(parts[-1])
            and _pattern(parts).fullmatch(body) is not None)


@functools.cache
def _pattern(parts: tuple[str, ...]) -> re.Pattern:
    return re.compile(_URL_VALUE.join(re.escape(p) for p in parts), re.S)


def trusted_scripts(template_sources: Iterable[str]) -> TrustedScripts:
    """The inline scripts in these template sources (HTML files of themes and
    plugins), each as its fixed parts; Jinja comments and tags outside the scripts
    do not matter, and a script with a Jinja statement inside is skipped (none
    of ours or Material's has one; such a script would simply get no hash)."""
    templates, literals = [], set()
    for source in template_sources:
        for match in INLINE_SCRIPT.finditer(source):
            body = match["body"]
            if "application/json" in match["attrs"] or "{%" in body or not body.strip():
                continue
            # A script with nothing filled in must equal its template: a set
            # look-up, where a regex would cost a compile of the whole script.
            if _PLACEHOLDER.search(body):
                templates.append(tuple(_PLACEHOLDER.split(body)))
            else:
                literals.add(body)
    return TrustedScripts(tuple(templates), frozenset(literals))


def _hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the scripts in html the browser would run inline."""
    return [m["body"] for m in INLINE_SCRIPT.finditer(html) if "application/json" not in m["attrs"]]


def untrusted_scripts(html: str, trusted: TrustedScripts) -> list[str]:
    """Inline scripts in html that no template wrote: the browser will block them."""
    return [body for body in inline_scripts(html) if not trusted.allows(body)]


def policy(hashes: list[str], preview: bool = False) -> str:
    """The policy; preview (mkdocs serve) allows inline scripts instead of
    hashing them, because the live-reload script is injected when each page
    is served and changes every time. Everything else stays as strict."""
    scripts = ["'unsafe-inline'"] if preview else hashes
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *scripts]),
        # Material sets style attributes (e.g. the search result count).
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def add_csp(html: str, trusted: TrustedScripts, preview: bool = False) -> str:
    """The page with its policy tag at the top of <head>; unchanged if it has one.
    Each trusted script is written minified (rjsmin drops only comments and
    spaces: the same code, a third of the bytes on every page) and hashed as
    written; preview (mkdocs serve) keeps them as the templates wrote them."""
    if MARKER in html:
        return html
    hashes: list[str] = []

    def written(match: re.Match) -> str:
        body = match["body"]
        if "application/json" in match["attrs"] or not trusted.allows(body):
            return match[0]
        small = body if preview else rjsmin.jsmin(body).strip()
        if (source := _hash(small)) not in hashes:
            hashes.append(source)
        return f"<script{match['attrs']}>{small}</script>"

    html = INLINE_SCRIPT.sub(written, html)
    head = next((m for m in (a.search(html) for a in ANCHORS) if m), None)
    if head is None:
        raise ValueError("page has no <head>")
    tag = f'<meta {MARKER} content="{policy(hashes, preview)}">'
    return html[: head.end()] + tag + html[head.end():]


USES_PAGES = True


def template_dirs(root):
    """Folders of every template that may write an inline script into a page:
    our overrides/, our own finishing/templates/, then the theme's (Material
    under MkDocs, Zensical's copy of it under Zensical)."""
    from importlib.util import find_spec
    from pathlib import Path
    dirs = [root / "overrides", Path(__file__).parent / "templates"]
    for package in ("material", "zensical"):
        spec = find_spec(package)
        if spec is not None and spec.origin:
            dirs += [Path(folder) for folder, _ in _walk(Path(spec.origin).parent)
                     if Path(folder).name == "templates"]
    return dirs


# The themes' icon sets: some 14,000 SVG files and no template among them.
# Walking them was most of this step's time, so the search skips them.
_NO_TEMPLATES = {".icons", "__pycache__"}


def _walk(top):
    """(folder, file names) under top, skipping the folders that hold no templates."""
    import os
    for folder, subdirs, files in os.walk(top):
        subdirs[:] = [d for d in subdirs if d not in _NO_TEMPLATES]
        yield folder, files


def template_files(root) -> list:
    """Every HTML template file that may write an inline script into a page."""
    from pathlib import Path
    return [path for folder in template_dirs(root)
            for path in sorted(Path(f, name) for f, names in _walk(folder)
                               for name in names if name.endswith(".html"))]


def run(site, project) -> None:
    """Step: add the policy to every page; fail on an inline script no template wrote."""
    from . import FinishingError
    trusted = trusted_scripts(path.read_text(encoding="utf-8") for path in template_files(project.root))
    for where, html in project.pages.items():
        strays = untrusted_scripts(html, trusted)
        if strays:
            first = " ".join(strays[0].split())[:80]
            raise FinishingError(
                f"{where}: an inline <script> that none of our templates wrote: {first!r}\n"
                "  The Content-Security-Policy blocks it. Put JavaScript in "
                "docs/assets/js/ and list it under extra_javascript in mkdocs.yml.")
        project.pages.set(where, add_csp(html, trusted, preview=project.serving))
