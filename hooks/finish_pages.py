"""Final touches to every built HTML page, in one pass after the build, so they
also cover pages written by plugins (the /s/N/ redirects, 404): the attributes
Material's templates leave out (macros/material_fixes.py), a check of links
strict mode cannot see (raw HTML from macros, macros/link_check.py), then the
Content-Security-Policy (macros/csp.py), last because it hashes the page's
final inline scripts: only those its templates wrote."""

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Hooks load as plain files: make the project's macros package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.csp import TrustedScripts, add_csp, trusted_scripts, untrusted_scripts  # noqa: E402
from macros.link_check import broken_links, ids  # noqa: E402
from macros.material_fixes import MaterialMarkupChanged, fix_page  # noqa: E402

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"  # live reload needs an inline script


def template_sources(config: MkDocsConfig) -> list[str]:
    """Every template that may write an inline script into a page: the theme's
    (our overrides/ first, then Material's) and mkdocs-redirects' page."""
    sources = [path.read_text(encoding="utf-8")
               for folder in config.theme.dirs for path in sorted(Path(folder).rglob("*.html"))]
    try:
        from mkdocs_redirects.plugin import HTML_TEMPLATE
    except ImportError:  # the plugin is gone: its pages are too
        return sources
    return [*sources, HTML_TEMPLATE.replace("{url}", "{{ url }}")]


def _check(html: str, where: str, trusted: TrustedScripts) -> None:
    strays = untrusted_scripts(html, trusted)
    if strays:
        first = " ".join(strays[0].split())[:80]
        raise PluginError(
            f"{where}: an inline <script> that none of our templates wrote: {first!r}\n"
            "  The Content-Security-Policy blocks it. Put JavaScript in "
            "docs/assets/js/ and list it under extra_javascript in mkdocs.yml.")


def _links_checker(site: Path):
    cache: dict[str, set[str] | None] = {}

    def exists(target: str) -> bool:
        return (site / target).is_file() or (site / target / "index.html").is_file()

    def anchors(target: str) -> set[str] | None:
        if target not in cache:
            path = site / target
            cache[target] = ids(path.read_text(encoding="utf-8")) if path.is_file() else None
        return cache[target]

    def check(html: str, where: str) -> None:
        # The 404 page is served at any depth, so its links are absolute.
        broken = [] if where == "404.html" else broken_links(html, where, exists, anchors)
        if broken:
            raise PluginError(f"{where}: a link leads nowhere: {', '.join(sorted(set(broken)))}\n"
                              "  Check the page or macro that writes it (links written as HTML are "
                              "not checked by strict mode).")
    return check


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    trusted = trusted_scripts(template_sources(config))
    check_links = _links_checker(site)
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        check_links(html, where)
        try:
            fixed = fix_page(html, where)
        except MaterialMarkupChanged as exc:
            raise PluginError(str(exc)) from None
        _check(fixed, where, trusted)
        finished = add_csp(fixed, trusted, preview=_serving)
        if finished != html:
            path.write_text(finished, encoding="utf-8")
