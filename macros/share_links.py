"""Each strategy's short link (/s/N/) and its QR code, for the share box.

Pure: the catalogue and the site URL in, {strategy page URL: ShortLink} out.
The number comes from data/strategies.yml, the one place that says it."""

from dataclasses import dataclass

from markupsafe import Markup

from .models import Strategy
from .qr import qr_svg
from .urls import doc_url


@dataclass(frozen=True)
class ShortLink:
    number: int
    url: str      # absolute: it is read on another device
    qr: Markup    # inline SVG of url


def short_url(site_url: str, number: int) -> str:
    return site_url.rstrip("/") + f"/s/{number}/"


def short_links(strategies: list[Strategy], site_url: str) -> dict[str, ShortLink]:
    """Strategy page URL ('strategies/<slug>/') -> its short link and QR code."""
    links = {}
    for s in strategies:
        url = short_url(site_url, s.number)
        label = f"QR code that opens strategy {s.number}, {s.title}, at {url}"
        links[doc_url(s.doc_path)] = ShortLink(s.number, url, qr_svg(url, label=label))
    return links
