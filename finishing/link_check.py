"""Links in built pages that strict mode does not see (pure: HTML in, broken
links out). MkDocs checks links written in Markdown; links written as raw HTML
by a macro's template are only plain text to it, so a typo there would ship."""

import functools
import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

_LINK = re.compile(r"""<(?:a|link|img|script)\b[^>]*?\s(?:href|src)="([^"]*)\"""")
# An id attribute after white space. The look-behind comes after the literal
# 'id="' so the regex engine can skip to each 'id="' instead of trying every
# character of the page.
_ID = re.compile(r"""id="(?<=\sid=")([^"]+)\"""")


def ids(html: str) -> set[str]:
    return set(_ID.findall(html))


@functools.cache
def _parts(href: str) -> tuple[str, str] | None:
    """(path, fragment) of a relative link, unquoted; None for an outside,
    data:, mailto: or tel: address. Pages repeat their navigation's links, so
    each distinct href is split once."""
    parts = urlsplit(href.replace("&amp;", "&"))
    if parts.scheme or parts.netloc or href.startswith(("data:", "mailto:", "tel:")):
        return None
    return unquote(parts.path), unquote(parts.fragment)


@functools.cache
def _target(folder: str, path: str) -> str:
    """The site path a link's path leads to from a page in `folder` ('../x' outside the site)."""
    target = posixpath.normpath(posixpath.join(folder, path))
    if path.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return target


# A link's leading '../' steps.
_CLIMBS = re.compile(r"(?:\.\./)+")


@functools.cache
def _ancestor(folder: str, climbs: int) -> str | None:
    """The folder `climbs` levels above `folder`; None above the site's root."""
    parts = folder.split("/") if folder else []
    return "/".join(parts[:len(parts) - climbs]) if climbs <= len(parts) else None


def _from_root(folder: str, path: str) -> str:
    """_target, with the link's leading '../' climbed first: '../b/' from
    'x/a' is 'b/' from 'x', so every page in one folder shares one cache
    entry per link (the navigation's links would otherwise be resolved
    once per page)."""
    climbs = _CLIMBS.match(path)
    if climbs:
        up = _ancestor(folder, climbs.end() // 3)
        if up is not None:  # a link that climbs out of the site keeps its '../'
            return _target(up, path[climbs.end():] or "./")
    return _target(folder, path)


def broken_links(html: str, page: str, exists: Callable[[str], bool],
                 anchors: Callable[[str], set[str] | None]) -> list[str]:
    """Relative links in the page at site path `page` ('strategies/x/index.html')
    whose target file, or anchor in a target page, does not exist.
    exists(path) says if a site file exists; anchors(path) gives a page's ids."""
    broken = []
    own_ids = None  # the page's own ids, found once, when a link first needs them
    folder = posixpath.dirname(page)
    for href in _LINK.findall(html):
        parts = _parts(href)
        if parts is None:
            continue
        path, fragment = parts
        if not path:
            if href.startswith("#") and len(href) > 1:
                if own_ids is None:
                    own_ids = ids(html)
                if fragment not in own_ids:
                    broken.append(href)
            continue
        target = _from_root(folder, path)
        if target.startswith("../") or target == ".." or not exists(target):
            broken.append(href)
        elif fragment and target.endswith(".html"):
            known = anchors(target)
            if known is not None and fragment not in known:
                broken.append(href)
    return broken


USES_PAGES = True


def run(site, project) -> None:
    """Step: fail on the first page with a link that leads nowhere."""
    from . import FinishingError
    pages = project.pages
    cache: dict[str, set[str] | None] = {}

    def anchors(target: str) -> set[str] | None:
        if target not in cache:
            html = pages.get(target)
            cache[target] = ids(html) if html is not None else None
        return cache[target]

    # Pages link to the same assets again and again: look each target up once.
    exists = functools.lru_cache(maxsize=None)(pages.exists)
    for where, html in pages.items():
        if where == "404.html":
            continue  # served at any depth, so its links are absolute
        broken = broken_links(html, where, exists, anchors)
        if broken:
            raise FinishingError(
                f"{where}: a link leads nowhere: {', '.join(sorted(set(broken)))}\n"
                "  Check the page or macro that writes it (links written as HTML are "
                "not checked by strict mode).")
