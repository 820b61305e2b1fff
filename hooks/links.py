"""Links feature, wiring only (drawing lives in macros/share_cards.py):

- a share image per strategy, worksheet and checklist page, a default for the
  rest, written into the site dir (never docs/) and cached by content hash;
- the /s/N/ redirect pages carry an absolute canonical URL (mkdocs-redirects
  writes a relative one) and their strategy page's link-preview tags.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.loading import load_model  # noqa: E402
from macros.models import StrategyList  # noqa: E402
from macros.share_cards import Card, write  # noqa: E402
from macros.short_link_previews import with_preview  # noqa: E402
from macros.text import shown  # noqa: E402

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


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    for page in sorted((site_dir / "s").glob("*/index.html")):
        page_url = urljoin(config.site_url or "/", f"s/{page.parent.name}/")
        html = page.read_text(encoding="utf-8")
        target = _CANONICAL.search(html)
        if target is None:
            raise PluginError(f"{page}: no canonical link; has mkdocs-redirects changed?")
        target_html = (page.parent / target.group(1) / "index.html").read_text(encoding="utf-8")
        absolute = f'<link rel="canonical" href="{urljoin(page_url, target.group(1))}">'
        fixed = html.replace(target.group(0), absolute, 1)
        try:
            fixed = with_preview(fixed, target_html)
        except ValueError as error:
            raise PluginError(f"{page}: {error}") from error
        page.write_text(fixed, encoding="utf-8")
