"""Share images (Open Graph cards): 1200x630 PNGs drawn with Pillow.

Pure and offline: fonts ship with the project (DejaVu, see fonts/LICENSE),
the same input always gives the same bytes, and nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from macros.cache_files import keep

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
TEAL, ACCENT, WHITE, PALE = "#1d5c57", "#a4461f", "#ffffff", "#d7ebe8"
FONTS = Path(__file__).parent / "fonts"
_VERSION = "1"  # bump when the drawing changes, so cached cards are redrawn


@dataclass(frozen=True)
class Card:
    site_name: str
    title: str
    kicker: str = ""  # e.g. "Strategy 3 of 5"; empty for other pages


def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def _fit_title(draw: ImageDraw.ImageDraw, title: str) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """Largest size (big enough for a thumbnail) at which the title fits in 3 lines."""
    for size in (88, 80, 72, 64, 58):
        font = _font(True, size)
        lines = _wrap(draw, title, font, WIDTH - 160)
        if len(lines) <= 3:
            return font, lines
    return font, lines[:3]


def render(card: Card) -> bytes:
    """The card as PNG bytes."""
    # Pillow is imported only when a card is drawn: with the cache warm, most
    # builds draw none and skip its import (about 0.15 s of every build).
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), TEAL)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=ACCENT)
    draw.text((80, 64), card.site_name, font=_font(True, 44), fill=WHITE)
    draw.rectangle((80, 128, 200, 134), fill=ACCENT)
    font, lines = _fit_title(draw, card.title)
    line_height = int(font.size * 1.18)
    top = 200 if card.kicker else 230
    if card.kicker:
        draw.text((80, top), card.kicker.upper(), font=_font(True, 36), fill=PALE)
        top += 70
    for i, line in enumerate(lines):
        draw.text((80, top + i * line_height), line, font=font, fill=WHITE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def cache_key(card: Card) -> str:
    return hashlib.sha256(repr((_VERSION, card)).encode()).hexdigest()[:20]


def write(card: Card, dest: Path, cache_dir: Path) -> bool:
    """Write the card to dest, drawing it only if the cache lacks it. True if drawn."""
    cached = cache_dir / f"{cache_key(card)}.png"
    drawn = not cached.is_file()
    if drawn:
        data = render(card)
        keep(cached, data)
    else:
        data = cached.read_bytes()
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)
    return drawn
