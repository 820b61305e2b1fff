"""Our own styles and scripts as few minified files as instant navigation
allows: on every page, the <link rel="stylesheet"> tags of our CSS
(assets/css/) become one tag for assets/css/guide.<hash>.css (and one for
the page's on-demand styles, below), and the <script src> tags of our JS
(assets/js/) one deferred tag for assets/js/guide.<hash>.js. A first view
then costs two or three requests for our code instead of one per file.

A script whose first lines hold `// tg:on-demand` serves only the components
it registers (trustGuide.component("name", ...)); it goes into a page's
bundle only when the page holds one of them, so most pages carry none of the
worksheet, self-check or share code. For pages that Material's instant
navigation brings in later, each such script is also written on its own
(assets/js/guide-<name>.<hash>.js), and the bundle tells site.js which file
serves which component (trustGuide.chunks), so it can load what a new page
needs. Scripts are minified by terser (finishing/minify_js.py), styles by
rcssmin (comments and spaces only).

A stylesheet whose first lines hold `/* tg:on-demand */` reaches only the
pages that can match one of its rules: a selector can match only where every
class it names (outside :not() and the like; inside a plain :has() too) is in
the page's class attributes, so each rule must name a class. Such sheets come
after the every-page ones and go into a second file, the page's extras
(assets/css/guide-<names>.<hash>.css). Two links, not one: Material's instant
navigation swaps the <head> links that differ between pages, so every page
keeps the same main bundle and only the extras change. Classes a script adds
must be styled where the page's markup pulls them in.

Engine-neutral: the files and their order are read from the built pages
(mkdocs.yml order, as the engine wrote the tags), not from mkdocs.yml.
Material's own files (assets/stylesheets/, assets/javascripts/) are left
alone. Each file is kept whole, in page order, so the cascade and the order
scripts run in stay as they were. The hash is of the bundle's bytes, so a
changed file gives a new name and no browser or service worker keeps a stale
copy. The source files are removed: no page names them, and the offline
step (after this one) must not precache them.

Idempotent: a page that already names a bundle has no source tags left, so
a second run changes nothing. Skipped under `mkdocs serve`, so editing a
file shows at once (pages there load each file as written).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import rcssmin

from finishing import FinishingError, minify_js, unused_css
from finishing.results_cache import Cache
from finishing.unused_css import needs, parsed

if TYPE_CHECKING:  # the pipeline's Project: root, site_url, base_path, serving, pages
    from finishing import Project

USES_PAGES = True
CACHE = Path(".cache") / "on-demand-styles"

LINK = re.compile(r"<link\b[^>]*>", re.I)
SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[^>]*>\s*</script>", re.I)
HREF = re.compile(r"""\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
SRC = re.compile(r"""\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
STYLESHEET = re.compile(r"""\brel=(?:"stylesheet"|'stylesheet'|stylesheet\b)""", re.I)
# Ours: a file straight in assets/css/ or assets/js/, not a bundle already.
OWN = re.compile(r"^assets/(css|js)/(?!guide(?:-[\w-]+)?\.[0-9a-f]{10}\.)[^/]+\.(css|js)$")
NAME = "guide"
ON_DEMAND = re.compile(r"^// tg:on-demand\b", re.M)
ON_DEMAND_CSS = re.compile(r"^/\* tg:on-demand\b", re.M)
# Literal text first, then the look-behind: the engine skips to each 'class='.
CLASS_ATTR = re.compile(r"""class=(?<=\sclass=)(?:"([^"]*)"|'([^']*)')""")
HAS = re.compile(r":has\(([^(),]*)\)")  # :has(.x) with one selector inside: .x must be there too
REGISTERS = re.compile(r"""\btrustGuide\.component\(\s*["']([\w-]+)["']""")
ON_EVERY_PAGE = re.compile(r"\btrustGuide\.onPage\(")
# The attribute after white space. The look-behind comes after the literal
# text so the regex engine can skip to each 'data-tg-component=' instead of
# trying every character of the page (40x faster on a built page).
COMPONENTS = re.compile(r"""data-tg-component=(?<=\sdata-tg-component=)(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Tag:
    start: int
    end: int
    url: str   # as the page writes it
    path: str  # site path, e.g. "assets/css/site.css"


def _attr(pattern: re.Pattern, tag: str) -> str | None:
    match = pattern.search(tag)
    return next((g for g in match.groups() if g is not None), None) if match else None


def site_path(url: str, page: str, base_path: str) -> str | None:
    """The site path a page's URL points at ('../assets/css/x.css' on
    'a/b/index.html' -> 'assets/css/x.css'); None for another host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return None
        return parts.path[len(base_path):]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))


def own_tags(html: str, page: str, base_path: str, kind: str) -> list[Tag]:
    """Our own stylesheet links (kind 'css') or script tags (kind 'js'), in page order."""
    pattern, attr = (LINK, HREF) if kind == "css" else (SCRIPT, SRC)
    tags = []
    for match in pattern.finditer(html):
        if kind == "css" and not STYLESHEET.search(match[0]):
            continue
        url = _attr(attr, match[0])
        # Only a URL naming assets/css/ or assets/js/ can be ours: the rest are not resolved.
        path = site_path(url, page, base_path) if url and f"assets/{kind}/" in url else None
        if path and OWN.match(path) and path.endswith("." + kind):
            tags.append(Tag(match.start(), match.end(), url, path))
    return tags


class Sources(dict):
    """Our source files' text by site path, each read and minified once."""

    def __init__(self, site: Path, root: Path):
        super().__init__()
        self.site = site
        self.root = root
        self._minified: dict[str, str] = {}

    def __missing__(self, path: str) -> str:
        self[path] = text = (self.site / path).read_text(encoding="utf-8")
        return text

    def minify_scripts(self, paths: set[str]) -> None:
        """Minify these scripts together (one Node process for all that the cache lacks)."""
        done = minify_js.minified(self.root, {p: self[p] for p in paths if p not in self._minified})
        self._minified.update((p, text.strip()) for p, text in done.items())

    def minified(self, path: str) -> str:
        if path not in self._minified:
            if path.endswith(".js"):
                self.minify_scripts({path})
            else:
                self._minified[path] = rcssmin.cssmin(self[path]).strip()
        return self._minified[path]


def bundle_text(sources: Sources, paths: list[str]) -> str:
    """The files joined in order, each minified, each headed by its name; a
    newline and (for scripts) a semicolon keep one file's last statement
    from running into the next."""
    chunks = []
    for path in paths:
        end = "\n;\n" if path.endswith(".js") else "\n"
        chunks.append(f"/* {path} */\n{sources.minified(path)}{end}")
    return "".join(chunks)


def bundle_name(kind: str, text: str, part: str = "") -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"assets/{kind}/{NAME}{'-' + part if part else ''}.{digest}.{kind}"


def served_components(path: str, text: str) -> tuple[str, ...] | None:
    """The components an on-demand script serves; None for a script every
    page needs. An on-demand script must register a component and must not
    set up every page, or pages without its components would miss it."""
    if not ON_DEMAND.search(text[:2000]):
        return None
    names = tuple(dict.fromkeys(REGISTERS.findall(text)))
    if not names or ON_EVERY_PAGE.search(text):
        raise FinishingError(
            f"{path}: a `// tg:on-demand` script must register its components with "
            "trustGuide.component(\"name\", ...) and must not call trustGuide.onPage")
    return names


def style_needs(path: str, text: str) -> frozenset[frozenset[str]] | None:
    """The class sets of an on-demand stylesheet's selectors (a page needs the
    sheet when it holds every class of one set); None for a sheet every page gets."""
    if not ON_DEMAND_CSS.search(text[:2000]):
        return None
    sets = set()
    for selector in _selectors(parsed(path, text)):
        classes = needs(HAS.sub(r" \1", selector)).classes
        if not classes:
            raise FinishingError(
                f"{path}: a `/* tg:on-demand */` stylesheet reaches only pages holding the classes "
                f"its rules name, and `{selector}` names none: move that rule to a sheet every page gets")
        sets.add(classes)
    return frozenset(sets)


def on_demand_styles(root: Path, sheets: dict[str, str]) -> dict[str, frozenset[frozenset[str]]]:
    """Each on-demand sheet's class sets (style_needs), cached by the sheet's
    text: parsing the sheets is most of this step's time on a small site."""
    cache = Cache(root / CACHE, Path(__file__), Path(unused_css.__file__))  # style_needs reads with unused_css
    styles = {}
    for path, text in sheets.items():
        found = cache.get([path, text], lambda path=path, text=text: style_needs(path, text))
        if found is not None:
            styles[path] = frozenset(frozenset(classes) for classes in found)
    return styles


def _selectors(rules):
    for rule in rules:
        if rule.selectors is not None:
            yield from (selector for selector, _ in rule.selectors)
        elif rule.prelude:  # @media and the like: their rules
            yield from _selectors(rule.body)


def page_classes(html: str) -> set[str]:
    # Pages repeat most class values: each distinct one is split once.
    return {name for a, b in set(CLASS_ATTR.findall(html)) for name in (a or b).split()}


def page_components(html: str) -> set[str]:
    return {name for match in COMPONENTS.finditer(html)
            for name in (match[1] if match[1] is not None else match[2]).split()}


def chunk_prelude(chunks: dict[str, str]) -> str:
    """The line that tells site.js which file (beside the bundle) serves
    which on-demand component."""
    table = json.dumps(chunks, sort_keys=True, separators=(",", ":"))
    return f"/* on demand */\nwindow.trustGuide=window.trustGuide||{{}};window.trustGuide.chunks={table};\n"


def url_for(target: str, page: str, base_path: str, like: str) -> str:
    """target (a site path) as a URL from page, written the way the tag it
    replaces was: absolute (the 404 page, served at any address) or relative."""
    if like.startswith("/"):
        return base_path + target
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def tag_for(kind: str, url: str) -> str:
    if kind == "css":
        return f'<link rel="stylesheet" href="{url}">'
    # defer: the scripts set pages up through Material's document$ (or
    # DOMContentLoaded), and deferred scripts still run in order, after
    # Material's bundle and before DOMContentLoaded.
    return f'<script src="{url}" defer></script>'


def rewrite(html: str, tags: list[Tag], new_tag: str) -> str:
    """The page with the first tag replaced by new_tag and the others removed,
    with the blank space before each removed tag (no empty lines left)."""
    out, last = [], 0
    for i, tag in enumerate(tags):
        between = html[last:tag.start]
        out.append(between if i == 0 or between.strip() else between.rstrip(" \t\n"))
        if i == 0:
            out.append(new_tag)
        last = tag.end
    out.append(html[last:])
    return "".join(out)


def write_chunks(site: Path, sources: Sources, paths: set[str]) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Each on-demand script among paths written on its own. Returns the
    components each serves (path -> names) and which chunk file serves each
    component (name -> file name beside the bundles)."""
    serves, chunks = {}, {}
    for path in sorted(paths):
        names = served_components(path, sources[path])
        if names is None:
            continue
        serves[path] = names
        text = bundle_text(sources, [path])
        name = bundle_name("js", text, posixpath.splitext(posixpath.basename(path))[0])
        (site / name).write_text(text, encoding="utf-8")
        chunks.update(dict.fromkeys(names, posixpath.basename(name)))
    return serves, chunks


def sheets_for(html: str, tags: list[Tag], styles: dict[str, frozenset]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The page's every-page stylesheets, and the on-demand ones it needs (its extras)."""
    classes = page_classes(html)
    first_extra = next((i for i, t in enumerate(tags) if t.path in styles), len(tags))
    if any(t.path not in styles for t in tags[first_extra:]):
        raise FinishingError(
            f"{tags[first_extra].path}: a `/* tg:on-demand */` stylesheet must come after every "
            "every-page one (mkdocs.yml extra_css), so the two files keep the cascade's order")
    always = tuple(t.path for t in tags[:first_extra])
    extras = tuple(t.path for t in tags[first_extra:] if any(n <= classes for n in styles[t.path]))
    return always, extras


def scripts_for(html: str, tags: list[Tag], serves: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The page's scripts to bundle: an on-demand one only with its component."""
    on_page = page_components(html)
    return tuple(t.path for t in tags if t.path not in serves or on_page.intersection(serves[t.path]))


def write_bundle(site: Path, sources: Sources, bundles: dict, kind: str, paths: tuple[str, ...],
                 prelude: str = "", part: str = "") -> str:
    """The bundle of these files (written once per set of files): its site path."""
    if paths not in bundles:
        text = prelude + bundle_text(sources, list(paths))
        bundles[paths] = name = bundle_name(kind, text, part)
        (site / name).write_text(text, encoding="utf-8")
    return bundles[paths]


def extras_part(paths: tuple[str, ...]) -> str:
    """'worksheets-checklists' for assets/css/worksheets.css and assets/css/checklists.css."""
    return "-".join(posixpath.splitext(posixpath.basename(p))[0] for p in paths)


def tags_by_page(project: Project, kind: str) -> dict[str, list[Tag]]:
    return {where: own_tags(html, where, project.base_path, kind) for where, html in project.pages.items()}


def files_in(tags: dict[str, list[Tag]]) -> set[str]:
    return {t.path for page_tags in tags.values() for t in page_tags}


def relink(project: Project, where: str, html: str, tags: list[Tag], kind: str, names: list[str]) -> None:
    """The page's own tags of this kind replaced by tags for the bundles `names`."""
    new_tags = "\n".join(tag_for(kind, url_for(n, where, project.base_path, tags[0].url)) for n in names)
    project.pages.set(where, rewrite(html, tags, new_tags))


def run(site: Path, project: Project) -> None:
    """Step: bundle our CSS and JS on every page."""
    if project.serving:
        return
    sources = Sources(site, project.root)
    bundles: dict[tuple[str, ...], str] = {}  # the files of one bundle -> its site path
    # Styles, then scripts, each found afresh: rewriting a page's links moves its script tags.
    css = tags_by_page(project, "css")
    styles = on_demand_styles(project.root, {p: sources[p] for p in sorted(files_in(css))})
    for where, html in project.pages.items():
        if css[where]:
            always, extras = sheets_for(html, css[where], styles)
            names = [write_bundle(site, sources, bundles, "css", always)]
            if extras:
                names.append(write_bundle(site, sources, bundles, "css", extras, part=extras_part(extras)))
            relink(project, where, html, css[where], "css", names)
    js = tags_by_page(project, "js")
    scripts = files_in(js)
    sources.minify_scripts(scripts)
    serves, chunks = write_chunks(site, sources, scripts)
    prelude = chunk_prelude(chunks) if chunks else ""
    for where, html in project.pages.items():
        if js[where]:
            paths = scripts_for(html, js[where], serves)
            relink(project, where, html, js[where], "js", [write_bundle(site, sources, bundles, "js", paths, prelude)])
    for path in sorted(files_in(css) | scripts):  # no page names them now; offline must not keep them
        (site / path).unlink(missing_ok=True)
