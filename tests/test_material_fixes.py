"""The attributes we add to Material's markup: a name for the search dialog,
a sized logo with empty alt text, on every page; a Material upgrade that
changes that markup fails the build instead of dropping a fix silently."""

import pytest

from finishing.material_fixes import MaterialMarkupChanged, fix_page

HEADER = '<header class="md-header">'
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
LOGO = '<img src="../assets/images/logo.svg" alt="logo">'


def test_both_fixes_applied():
    html = fix_page(HEADER + DIALOG + LOGO, "p.html")
    assert 'role="dialog" aria-label="Search">' in html
    assert '<img src="../assets/images/logo.svg" alt="" width="24" height="24">' in html


def test_pages_without_material_header_are_left_alone():
    redirect = '<html><head><meta http-equiv="refresh" content="0; url=../x/"></head></html>'
    assert fix_page(redirect, "s/1/index.html") == redirect


@pytest.mark.parametrize("html", [HEADER + LOGO, HEADER + DIALOG + '<img src="logo.png" alt="logo">'])
def test_changed_material_markup_is_an_error_naming_the_page(html):
    with pytest.raises(MaterialMarkupChanged, match="about/index.html"):
        fix_page(html, "about/index.html")


def test_every_built_page_has_the_fixes(site_dir):
    pages = [p for p in site_dir.rglob("*.html") if 'class="md-header' in p.read_text("utf-8")]
    assert len(pages) >= 25
    for page in pages:
        html = page.read_text("utf-8")
        assert 'role="dialog" aria-label="Search"' in html, page
        assert 'alt="logo"' not in html, page
