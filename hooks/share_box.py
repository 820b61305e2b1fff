"""Share box wiring: overrides/partials/tg-share.html asks
`tg_short_link(page)` for a strategy page's short link and QR code (drawn in
macros/share_links.py at build time, no network). A Jinja global, because
mkdocs-macros' variables reach the pages, not the theme's templates.
Zensical runs no hooks: tools/zensical_config.py gives its templates the same
links, from the same short_links, as extra.tg_share_links."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from macros.loading import load_model
from macros.models import StrategyList
from macros.share_links import ShortLink, short_links

_links: dict[str, ShortLink] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data = Path(config.config_file_path).parent / "data" / "strategies.yml"
    _links.clear()
    _links.update(short_links(load_model(data, StrategyList).strategies, config.site_url or "/"))
    return config


def on_env(env: Environment, config: MkDocsConfig, files, **_) -> Environment:
    env.globals["tg_short_link"] = lambda page: _links.get(page.url) if page else None
    return env
