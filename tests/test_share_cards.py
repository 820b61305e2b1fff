"""Share cards: deterministic 1200x630 PNGs, redrawn only when their input changes."""

import io

from PIL import Image

from finishing.share_cards import Card, render, write

CARD = Card("The Trust Guide", "Meet their openness with kindness", "Strategy 3 of 5")


def test_card_is_a_1200_by_630_png_and_deterministic():
    png = render(CARD)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 630) and image.format == "PNG"
    assert render(CARD) == png


def test_very_long_title_still_fits():
    with Image.open(io.BytesIO(render(Card("The Trust Guide", "word " * 60)))) as image:
        assert image.size == (1200, 630)


def test_unchanged_cards_are_not_redrawn(tmp_path):
    cache = tmp_path / "cache"
    assert write(CARD, tmp_path / "a.png", cache) is True
    assert write(CARD, tmp_path / "b.png", cache) is False
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert write(Card("The Trust Guide", "Another title"), tmp_path / "c.png", cache) is True


# The finishing step that picks each page's card and writes its tags (finishing/share_images.py).
from finishing.share_images import image_tags, page_url, share_for, with_image_tags  # noqa: E402

KICKERS = {"strategies/x/": "Strategy 1 of 5"}
SITE = "https://example.org/guide/"


def test_card_pages_get_their_own_card_and_others_the_default():
    strategy = share_for("strategies/x/", "Don't take it personally", "Guide", "About it", KICKERS)
    assert strategy.path == "assets/images/share/strategies-x.png"
    assert strategy.card == Card("Guide", "Don't take it personally", "Strategy 1 of 5")
    assert strategy.alt == "Guide · Strategy 1 of 5 · Don't take it personally"
    sheet = share_for("worksheets/log/", "Log", "Guide", "About it", KICKERS)
    assert sheet.path.endswith("/worksheets-log.png") and sheet.alt == "Guide · Log"
    home = share_for("", "", "Guide", "About it", KICKERS)
    assert home.path.endswith("/default.png") and home.card == Card("Guide", "About it")


def test_a_short_link_previews_as_the_page_it_names_as_canonical():
    stub = f'<head><link rel="canonical" href="{SITE}strategies/x/"></head>'
    assert page_url("s/1/index.html", stub, SITE) == "strategies/x/"
    zensical = '<link rel="canonical" href="https:&#x2f;&#x2f;example.org&#x2f;guide&#x2f;safety&#x2f;">'
    assert page_url("safety/index.html", zensical, SITE) == "safety/"
    assert page_url("about/index.html", "<head></head>", SITE) == "about/"


def test_image_tags_escape_and_replace_earlier_ones():
    tags = image_tags(SITE + "a.png", 'Guide · "Quotes" & <b>tags</b>')
    assert "<b>" not in tags and "&lt;b&gt;" in tags and "&#34;Quotes&#34;" in tags
    page = ('<head>\n<meta property="og:title" content="T">\n'
            '<meta name="twitter:description" content="D">\n</head><body><meta property="og:x" content="body"></body>')
    once = with_image_tags(page, tags)
    assert with_image_tags(once, tags) == once  # a second run changes nothing
    assert once.count('property="og:image"') == 1
    # grouped after the last preview tag of the head, never in the body
    assert once.index('name="twitter:description"') < once.index('og:image"') < once.index("</head>")
