"""Attributes Material's templates leave out, added to the built HTML (pure
string functions; hooks/finish_pages.py applies them). Fixing the
output keeps us off copied partials, which would drift from Material's."""

import re

# Material's search dialog has no accessible name (axe/Lighthouse aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = SEARCH_DIALOG.removesuffix(">") + ' aria-label="Search">'

# The logo sits in links that carry the site's name, so its alt text "logo" was
# noise to a screen reader; a size lets the browser reserve its box
# (Lighthouse unsized-images). Material's CSS still sets the drawn size.
LOGO = re.compile(r'<img src="([^"]*assets/images/logo\.svg)" alt="logo">')
SIZED_LOGO = r'<img src="\1" alt="" width="24" height="24">'


class MaterialMarkupChanged(ValueError):
    """Material's markup no longer looks as these fixes expect."""


def fix_page(html: str, name: str) -> str:
    """The page with the fixes applied; raise if a page with Material's header
    lacks the markup they rewrite, so an upgrade cannot drop a fix silently."""
    if 'class="md-header' not in html:
        return html  # not a Material page (the /s/N/ redirects)
    if NAMED_SEARCH_DIALOG in html and not LOGO.search(html):
        return html  # fixed already: finishing the same site twice changes nothing
    if SEARCH_DIALOG not in html:
        raise MaterialMarkupChanged(f"{name}: Material's search dialog markup changed; see finishing/material_fixes.py")
    if not LOGO.search(html):
        raise MaterialMarkupChanged(f"{name}: Material's logo markup changed; see finishing/material_fixes.py")
    return LOGO.sub(SIZED_LOGO, html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG))


USES_PAGES = True


def run(site, project) -> None:
    """Step: apply the fixes to every built page."""
    from . import FinishingError
    for where, html in project.pages.items():
        try:
            project.pages.set(where, fix_page(html, where))
        except MaterialMarkupChanged as exc:
            raise FinishingError(str(exc)) from None
