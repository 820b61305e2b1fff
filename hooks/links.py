"""Share images, wiring only (drawing lives in finishing/share_cards.py): one
per strategy, worksheet and checklist page, a default for the rest, written
into the site dir (never docs/) and cached by content hash. The /s/N/ short
links are a finishing step (finishing/short_links.py)."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from finishing.share_cards import Card, write
from macros.loading import load_model
from macros.models import StrategyList
from macros.text import shown

SHARE_DIR = "assets/images/share"
CARD_SECTIONS = ("strategies/", "worksheets/", "checklists/")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


# Strategy page URL -> "Strategy N of 5", from the validated catalogue, once per build.
_kickers: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    strategies = load_model(_root(config) / "data" / "strategies.yml", StrategyList).strategies
    _kickers.clear()
    _kickers.update({f"strategies/{s.slug}/": f"Strategy {s.number} of {len(strategies)}" for s in strategies})
    return config


def _image_name(page: Page) -> str:
    if page.url.startswith(CARD_SECTIONS):
        return page.url.strip("/").replace("/", "-") + ".png"
    return "default.png"


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **_) -> dict:
    name = _image_name(page)
    if name == "default.png":
        card = Card(config.site_name, config.site_description or config.site_name)
    else:
        title = shown(page.title) if page.title else config.site_name  # drawn as the reader sees it
        card = Card(config.site_name, title, _kickers.get(page.url, ""))
    write(card, Path(config.site_dir) / SHARE_DIR / name, _root(config) / ".cache" / "share-images")
    page.meta["share_image"] = f"{SHARE_DIR}/{name}"
    # Plain text: tg-meta.html escapes it.
    page.meta["share_image_alt"] = " · ".join(filter(None, [config.site_name, card.kicker, card.title]))
    return context
