"""QR codes of the short links: each one, as built into a strategy page,
holds exactly segno's matrix for its /s/N/ address, and that address leads
to the strategy page."""

import re

import segno
import yaml
from bs4 import BeautifulSoup

from macros.models import StrategyList
from macros.qr import qr_svg
from macros.share_links import short_links
from support import ROOT, site_url

BORDER = 2   # macros/qr.py draws a quiet zone of two modules
TOKEN = re.compile(r"([MmHhVv])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?")


def strategies():
    data = yaml.safe_load((ROOT / "data" / "strategies.yml").read_text(encoding="utf-8"))
    return StrategyList.model_validate(data).strategies


def svg_matrix(svg: str) -> list[list[int]]:
    """The dark modules of segno's SVG: one path of horizontal runs drawn at
    half-module heights (M/m moves, h draws)."""
    path = BeautifulSoup(svg, "html.parser").find("path")
    size = int(BeautifulSoup(svg, "html.parser").find("svg")["width"]) // 3 - 2 * BORDER
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for cmd, a, b in TOKEN.findall(path["d"]):
        if cmd == "M":
            x, y = float(a), float(b)
        elif cmd == "m":
            x, y = x + float(a), y + float(b)
        elif cmd == "h":
            row = int(y - 0.5) - BORDER
            for col in range(int(x) - BORDER, int(x + float(a)) - BORDER):
                grid[row][col] = 1
            x += float(a)
        else:
            raise AssertionError(f"unexpected path command {cmd}")
    return grid


def segno_matrix(url: str) -> list[list[int]]:
    return [list(row) for row in segno.make(url, error="m", micro=False).matrix]


def test_matrix_reader_reads_the_helper_output():
    url = "https://example.org/s/9/"
    assert svg_matrix(str(qr_svg(url, label="x"))) == segno_matrix(url)
    # The reader must be able to tell codes apart, or the tests below prove nothing.
    assert svg_matrix(str(qr_svg(url, label="x"))) != segno_matrix("https://example.org/s/8/")


def test_short_links_come_from_the_catalogue():
    links = short_links(strategies(), "https://example.org/guide/")
    assert {page: link.url for page, link in links.items()} == {
        f"strategies/{s.slug}/": f"https://example.org/guide/s/{s.number}/" for s in strategies()}


def test_each_strategy_page_qr_code_decodes_to_its_short_link(site_dir):
    for s in strategies():
        html = (site_dir / "strategies" / s.slug / "index.html").read_text(encoding="utf-8")
        box = BeautifulSoup(html, "html.parser").select_one("[data-tg-share]")
        expected = f"{site_url()}s/{s.number}/"
        assert box["data-url"] == expected
        svg = box.select_one(".tg-share__qr svg")
        assert svg is not None, s.slug
        assert svg["role"] == "img" and expected in svg["aria-label"]
        assert svg_matrix(str(svg)) == segno_matrix(expected), s.slug
        # The short link really leads to this strategy's page.
        stub = (site_dir / "s" / str(s.number) / "index.html").read_text(encoding="utf-8")
        assert f"strategies/{s.slug}/" in stub
