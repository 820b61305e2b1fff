"""Draws the app icons (the logo's two rings, white on the guide's green) for
docs/manifest.webmanifest. Run once by hand; the PNGs are committed, so the
build needs no image work: .venv/bin/python tools/make_icons.py"""

from pathlib import Path

from PIL import Image, ImageDraw

GREEN = "#1d5c57"
OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images" / "icons"


def icon(size: int, safe: float) -> Image.Image:
    """The logo scaled into the central `safe` share of a green square
    (maskable icons keep their content inside the middle 80%)."""
    scale = 4  # drawn large, then shrunk: smooth edges
    big = size * scale
    img = Image.new("RGB", (big, big), GREEN)
    draw = ImageDraw.Draw(img)
    unit = big * safe / 48  # the logo's 48-unit viewBox
    off = (big - 48 * unit) / 2
    for cx in (18, 30):
        box = [off + (cx - 13) * unit, off + 11 * unit, off + (cx + 13) * unit, off + 37 * unit]
        draw.ellipse(box, outline="white", width=round(4 * unit))
    return img.resize((size, size), Image.LANCZOS)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size, 0.9).save(OUT / f"icon-{size}.png", optimize=True)
    icon(512, 0.7).save(OUT / "maskable-512.png", optimize=True)
