"""MkDocs runs the finishing pipeline (finishing/, the same step `python -m
finishing SITE` runs after a Zensical build) after every build, so `mkdocs
serve` previews finished pages too. It runs last: the CSP hashes the final
inline scripts. The project root must be importable: run MkDocs as
`python -m mkdocs` from the project root (the Makefile does)."""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import finishing

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"  # live reload needs an inline script


def on_post_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    project = finishing.load_project(root, serving=_serving)
    try:
        finishing.run(Path(config.site_dir), project)
    except finishing.FinishingError as exc:
        raise PluginError(str(exc)) from None
