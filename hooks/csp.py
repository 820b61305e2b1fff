"""Add the Content-Security-Policy to every built HTML page. It runs after the
build so it also covers pages written by plugins (the /s/N/ redirects, 404)."""

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

# Hooks load as plain files: make the project's macros package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.csp import add_csp  # noqa: E402


_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"  # live reload needs an inline script


def on_post_build(config: MkDocsConfig) -> None:
    for path in Path(config.site_dir).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        secured = add_csp(html, preview=_serving)
        if secured != html:
            path.write_text(secured, encoding="utf-8")
