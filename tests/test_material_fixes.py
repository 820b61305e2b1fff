"""The attributes we add to Material's markup: a name for the search dialog,
a sized logo with empty alt text, a deferred script bundle, on every page; a
Material upgrade that changes that markup fails the build instead of
dropping a fix silently.
Material's colour-switching rule answers to our attribute, which is set only
on a real switch (the switch itself: test_palette_browser.py)."""

import re

import pytest

from finishing import material_fixes
from finishing.material_fixes import MaterialMarkupChanged, fix_page, fix_theme_css

SWITCHING_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                  "[data-md-color-switching] :before{transition-duration:0s!important}")

HEADER = '<header class="md-header">'
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
LOGO = '<img src="../assets/images/logo.svg" alt="logo">'
BUNDLE = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
PAGE = HEADER + DIALOG + LOGO + BUNDLE


def test_every_fix_applied():
    html = fix_page(PAGE, "p.html")
    assert 'role="dialog" aria-label="Search">' in html
    assert '<img src="../assets/images/logo.svg" alt="" width="24" height="24">' in html
    assert '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>' in html
    assert fix_page(html, "p.html") == html  # finishing twice changes nothing


def test_pages_without_material_header_are_left_alone():
    redirect = '<html><head><meta http-equiv="refresh" content="0; url=../x/"></head></html>'
    assert fix_page(redirect, "s/1/index.html") == redirect


@pytest.mark.parametrize("html", [HEADER + LOGO + BUNDLE, HEADER + DIALOG + '<img src="logo.png" alt="logo">' + BUNDLE,
                                  HEADER + DIALOG + LOGO + '<script src="bundle.js"></script>'])
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
        assert re.search(r'/bundle\.\w+\.min\.js">', html) is None, page
        assert '/bundle.' in html and 'min.js" defer>' in html, page


def test_the_switching_rule_answers_to_our_attribute():
    css = "body{color:red}" + SWITCHING_RULE
    fixed = fix_theme_css(css)
    assert "data-md-color-switching" not in fixed
    assert fixed == css.replace("data-md-color-switching", "data-tg-color-switching")
    assert fix_theme_css(fixed) == fixed  # finishing twice changes nothing


def test_the_step_rewrites_the_theme_sheets_only(tmp_path):
    theme = tmp_path / "assets" / "stylesheets"
    theme.mkdir(parents=True)
    (theme / "palette.123.min.css").write_text(SWITCHING_RULE, encoding="utf-8")
    ours = tmp_path / "assets" / "css" / "site.css"
    ours.parent.mkdir(parents=True)
    ours.write_text("/* [data-md-color-switching] */", encoding="utf-8")

    class NoPages:
        def items(self):
            return []

    class Project:
        pages = NoPages()

    material_fixes.run(tmp_path, Project())
    assert "[data-tg-color-switching] *" in (theme / "palette.123.min.css").read_text("utf-8")
    assert ours.read_text("utf-8") == "/* [data-md-color-switching] */"


def test_no_built_sheet_restyles_the_page_on_every_load(site_dir):
    sheets = list((site_dir / "assets" / "stylesheets").glob("*.css"))
    assert sheets
    assert not [s.name for s in sheets if "data-md-color-switching" in s.read_text("utf-8")]
    assert any("[data-tg-color-switching] *" in s.read_text("utf-8") for s in sheets)
