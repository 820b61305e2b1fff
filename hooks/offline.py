"""Temporary, until the lead wires finishing/ into its pipeline: runs the
offline finishing step (finishing/offline.py) after every build. Listed
last in mkdocs.yml's hooks, so it sees the final files."""

import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from finishing import offline  # noqa: E402  (namespace package until merge)

_serving = False


@dataclass
class _Project:
    root: Path
    site_url: str
    base_path: str
    serving: bool


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_post_build(config: MkDocsConfig) -> None:
    site_url = config.site_url or ""
    base = "/" + site_url.split("://", 1)[-1].split("/", 1)[-1] if "://" in site_url else "/"
    offline.run(Path(config.site_dir), _Project(ROOT, site_url, base, _serving))
