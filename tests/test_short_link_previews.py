"""The /s/N/ short-link stubs preview like the strategy page they lead to."""

import pytest

from finishing.short_link_previews import with_preview

STUB = """<html><head><meta charset="utf-8">
<title>Redirecting...</title>
<link rel="canonical" href="../../strategies/x/">
<meta http-equiv="refresh" content="0; url=../../strategies/x/">
</head><body>You're being redirected.</body></html>"""

PAGE = """<html><head>
<meta name="description" content="Go gently &amp; slowly.">
<title>Respect their comfort zone - The Trust Guide</title>
<meta property="og:title" content="Respect their comfort zone">
<meta name="twitter:card" content="summary_large_image">
<meta name="viewport" content="width=device-width">
</head><body><h1>Respect their comfort zone</h1></body></html>"""


def test_stub_gets_the_page_title_and_preview_tags_only():
    html = with_preview(STUB, PAGE)
    assert "<title>Respect their comfort zone - The Trust Guide</title>" in html
    assert "Redirecting..." not in html
    for tag in ('<meta name="description" content="Go gently &amp; slowly.">',
                '<meta property="og:title" content="Respect their comfort zone">',
                '<meta name="twitter:card" content="summary_large_image">'):
        assert html.count(tag) == 1
    assert "viewport" not in html  # the stub is not a page to read
    assert '<meta http-equiv="refresh" content="0; url=../../strategies/x/">' in html
    assert html.index("twitter:card") < html.index("</head>")


def test_a_page_without_preview_tags_is_an_error():
    with pytest.raises(ValueError, match="no title or preview tags"):
        with_preview(STUB, "<html><head><title>x</title></head></html>")


def test_a_changed_stub_is_an_error():
    with pytest.raises(ValueError, match="short_link.html"):
        with_preview("<html><body>moved</body></html>", PAGE)
