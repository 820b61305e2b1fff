"""The strategies' navigation section and the count in site_description come
from data/strategies.yml (macros/catalogue.py), so a new strategy needs no
edit to mkdocs.yml."""

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.catalogue import expand_config, load_catalogue, short_link_redirects  # noqa: E402
from macros.errors import DataError  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        expanded = expand_config({"nav": config.nav, "site_description": config.site_description}, root)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    config.nav = expanded["nav"]
    config.site_description = expanded["site_description"]
    # Until the short links move to the post-build step: /s/N/ for every
    # strategy in the catalogue, whatever mkdocs.yml lists.
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        maps = {k: v for k, v in redirects.config["redirect_maps"].items() if not k.startswith("s/")}
        redirects.config["redirect_maps"] = maps | short_link_redirects(load_catalogue(root))
    return config
