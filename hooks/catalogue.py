"""The strategies' navigation section and the count in site_description come
from data/strategies.yml (macros/catalogue.py), so a new strategy needs no
edit to mkdocs.yml."""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.catalogue import expand_config
from macros.errors import DataError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        expanded = expand_config({"nav": config.nav, "site_description": config.site_description}, root)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    config.nav = expanded["nav"]
    config.site_description = expanded["site_description"]
    return config
