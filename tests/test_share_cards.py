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
