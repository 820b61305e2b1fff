"""Step: share images (link-preview cards) for every built page, so both
engines get them. One card per strategy, worksheet and checklist page, a
default card for the rest; drawn by finishing/share_cards.py into the site
(never docs/), cached under .cache/share-images by content.

A page's card follows its canonical URL, so a /s/N/ short link (made by the
short_links step, which runs first) previews with its strategy's card. The
og:image and twitter:image tags are written here only (partials/tg-meta.html
leaves them out), replacing any from an earlier run: running twice changes
nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from macros.catalogue import expand_config, load_catalogue

from .rendering import render
from .share_cards import HEIGHT, WIDTH, Card, write
from .short_link_previews import PREVIEW_TAG

USES_PAGES = True
SHARE_DIR = "assets/images/share"
CARD_SECTIONS = ("strategies/", "worksheets/", "checklists/")
CACHE = Path(".cache") / "share-images"

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
_OG_TITLE = re.compile(r'<meta property="og:title" content="([^"]*)"')
# The tags this step writes (share_image_meta.html). Without a leading "\n?",
# which would make the regex engine try a match at every character of the page.
_IMAGE_TAG = re.compile(r'<meta (?:property="og:image[^"]*"|name="twitter:image[^"]*") [^>]*>')


@dataclass(frozen=True)
class Share:
    """What a page's preview shows: the card, where its PNG goes, its alt text."""
    card: Card
    path: str  # under the site, e.g. assets/images/share/strategies-x.png
    alt: str


def share_for(url: str, title: str, site_name: str, site_description: str,
              kickers: dict[str, str]) -> Share:
    """The share image of the page at site-relative url (pure). title is the
    page's own title as the reader sees it (plain text)."""
    if url.startswith(CARD_SECTIONS):
        card = Card(site_name, title or site_name, kickers.get(url, ""))
        name = url.strip("/").replace("/", "-") + ".png"
    else:
        card = Card(site_name, site_description or site_name)
        name = "default.png"
    alt = " · ".join(filter(None, [site_name, card.kicker, card.title]))
    return Share(card, f"{SHARE_DIR}/{name}", alt)



def image_tags(image_url: str, alt: str) -> str:
    """The preview tags for a share image; values are escaped by the template."""
    return render("share_image_meta.html", url=image_url, alt=alt, width=WIDTH, height=HEIGHT).strip()


def without_image_tags(page: str) -> str:
    """page without this step's tags, each with the line break before it."""
    kept, last = [], 0
    for tag in _IMAGE_TAG.finditer(page):
        start = tag.start()
        if start > last and page[start - 1] == "\n":
            start -= 1
        kept.append(page[last:start])
        last = tag.end()
    kept.append(page[last:])
    return "".join(kept)


def with_image_tags(page: str, tags: str) -> str:
    """page with its share-image tags replaced by tags: after the last preview
    tag (grouped with the rest of the preview), or at the end of the head."""
    page = without_image_tags(page)
    head_end = page.find("</head>")
    previews = [m for m in PREVIEW_TAG.finditer(page, 0, head_end if head_end >= 0 else len(page))]
    if previews:
        at = previews[-1].end()
        return page[:at] + "\n" + tags + page[at:]
    if head_end < 0:
        raise ValueError("page has no </head>")
    return page[:head_end] + tags + "\n" + page[head_end:]


def _page_title(page: str, site_name: str) -> str:
    """The page's title as plain text, from og:title ("Title · Site name")."""
    found = _OG_TITLE.search(page)
    title = html.unescape(found.group(1)) if found else ""
    return title.removesuffix(f" · {site_name}") if title != site_name else ""


def page_url(where: str, page: str, site_url: str) -> str:
    """The URL a page previews as, relative to the site ('' for the home page):
    its canonical URL if that is on this site, else its own."""
    found = _CANONICAL.search(page)
    canonical = html.unescape(found.group(1)) if found else ""  # Zensical writes / as &#x2f;
    if canonical.startswith(site_url):
        return canonical.removeprefix(site_url)
    return where.removesuffix("index.html")


def run(site: Path, project) -> None:
    from . import FinishingError, read_config
    # mkdocs.yml as the pipeline read it, with the description's strategy count filled in.
    config = expand_config(project.config or read_config(project.root), project.root)
    site_name = config.get("site_name", "")
    description = " ".join((config.get("site_description") or "").split())
    strategies = load_catalogue(project.root).strategies
    kickers = {f"strategies/{s.slug}/": f"Strategy {s.number} of {len(strategies)}" for s in strategies}
    written: set[str] = set()
    for where, page in project.pages.items():
        share = share_for(page_url(where, page, project.site_url), _page_title(page, site_name),
                          site_name, description, kickers)
        if share.path not in written:
            write(share.card, site / share.path, project.root / CACHE)
            written.add(share.path)
        try:
            project.pages.set(where, with_image_tags(page, image_tags(project.site_url + share.path, share.alt)))
        except ValueError as exc:
            raise FinishingError(f"{where}: {exc}") from None
