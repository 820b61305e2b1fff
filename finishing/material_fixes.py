"""Attributes Material's templates leave out, added to the built HTML, and
one rule of its stylesheets made cheap (pure string functions; run() applies
them). Fixing the output keeps us off copied partials, which would drift
from Material's."""

import re
from pathlib import Path

# Material's search dialog has no accessible name (axe/Lighthouse aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = SEARCH_DIALOG.removesuffix(">") + ' aria-label="Search">'

# The logo sits in links that carry the site's name, so its alt text "logo" was
# noise to a screen reader; a size lets the browser reserve its box
# (Lighthouse unsized-images). Material's CSS still sets the drawn size.
LOGO = re.compile(r'<img src="([^"]*assets/images/logo\.svg)" alt="logo">')
SIZED_LOGO = r'<img src="\1" alt="" width="24" height="24">'

# Material's bundle is a parser-blocking script at the end of <body>; deferred,
# it runs at the same point in the same order (before our deferred bundle), but
# the first paint no longer waits for it to download, and a phone on a slow
# network sees the page one round trip sooner (Lighthouse FCP 1.4 s -> 0.9 s).
BUNDLE = re.compile(r'(<script src="[^"]*assets/javascripts/bundle\.\w+\.min\.js")( defer)?>')
DEFERRED_BUNDLE = r"\1 defer>"


# Material's palette sets data-md-color-switching on <body> while it applies a
# colour scheme, on every page load as well as on a switch, so that nothing
# animates; the rule that attribute turns on (`[...] *`) restyles the whole
# page as it is set and again as it is removed: two full style passes on each
# load, on a phone about a third of the page's style work. Renamed, the rule
# answers to an attribute that docs/assets/js/palette.js sets only when the
# reader switches the scheme.
SWITCHING = "[data-md-color-switching]"
OUR_SWITCHING = "[data-tg-color-switching]"


class MaterialMarkupChanged(ValueError):
    """Material's markup no longer looks as these fixes expect."""


def fix_page(html: str, name: str) -> str:
    """The page with the fixes applied; raise if a page with Material's header
    lacks the markup they rewrite, so an upgrade cannot drop a fix silently.
    Finishing the same site twice changes nothing."""
    if 'class="md-header' not in html:
        return html  # not a Material page (the /s/N/ redirects)
    return _defer_bundle(_fix_header(html, name), name)


def _fix_header(html: str, name: str) -> str:
    if NAMED_SEARCH_DIALOG in html and not LOGO.search(html):
        return html  # fixed already, or by the engine (Zensical names the dialog)
    if SEARCH_DIALOG not in html:
        raise MaterialMarkupChanged(f"{name}: Material's search dialog markup changed; see finishing/material_fixes.py")
    if not LOGO.search(html):
        raise MaterialMarkupChanged(f"{name}: Material's logo markup changed; see finishing/material_fixes.py")
    return LOGO.sub(SIZED_LOGO, html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG))


def _defer_bundle(html: str, name: str) -> str:
    if not BUNDLE.search(html):
        raise MaterialMarkupChanged(f"{name}: Material's script bundle markup changed; see finishing/material_fixes.py")
    return BUNDLE.sub(DEFERRED_BUNDLE, html, count=1)


def fix_theme_css(css: str) -> str:
    """A theme stylesheet whose colour-switching rule needs our attribute."""
    return css.replace(SWITCHING, OUR_SWITCHING)


USES_PAGES = True


def run(site, project) -> None:
    """Step: apply the fixes to every built page and theme stylesheet."""
    from . import THEME_CSS, FinishingError
    for sheet in sorted(Path(site, THEME_CSS).rglob("*.css")):
        css = sheet.read_text(encoding="utf-8")
        if SWITCHING in css:
            sheet.write_text(fix_theme_css(css), encoding="utf-8")
    for where, html in project.pages.items():
        try:
            project.pages.set(where, fix_page(html, where))
        except MaterialMarkupChanged as exc:
            raise FinishingError(str(exc)) from None
