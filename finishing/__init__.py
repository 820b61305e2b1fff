"""The one step after either engine's build (MkDocs or Zensical):
`python -m finishing SITE_DIR`, run from the project root.

Each step is a module finishing/<name>.py with run(site, project); STEPS
gives their order. Steps that only rewrite pages share one in-memory copy of
the site's HTML (project.pages), so each page is read once and written once;
a step that reads files itself (USES_PAGES absent) gets them flushed first.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .pages import Pages

# Order matters: fixes first; unused_css reads every script, so it follows the
# bundle; the CSP hashes the final inline scripts; the offline precache
# fingerprints final files, so it runs last.
STEPS = ("material_fixes", "bundle", "unused_css", "link_check", "short_links", "share_images", "search_tags",
         "csp", "offline")


# The theme's own stylesheets in either engine's build (Material's, Zensical's).
THEME_CSS = "assets/stylesheets"


class FinishingError(Exception):
    """A built page is wrong in a way the reader would notice; the message names it."""


@dataclass
class Project:
    root: Path                 # the project folder (mkdocs.yml, data/, overrides/)
    site_url: str              # https://.../trust-guide/
    base_path: str             # /trust-guide/
    serving: bool = False      # mkdocs serve: live reload injects inline scripts
    pages: Pages | None = field(default=None, repr=False)
    config: dict = field(default_factory=dict, repr=False)  # mkdocs.yml as read, for the steps


def read_config(root: Path) -> dict:
    """mkdocs.yml as a dict (libyaml's parser when PyYAML has it: the same values, several times faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader) or {}


def load_project(root: Path, serving: bool = False) -> Project:
    """The Project from mkdocs.yml, which both engines read."""
    config = read_config(root)
    site_url = config.get("site_url") or "/"
    return Project(root=root, site_url=site_url, base_path=urlsplit(site_url).path or "/", serving=serving,
                   config=config)


def _step(name: str):
    if importlib.util.find_spec(f"{__name__}.{name}") is None:
        raise FinishingError(f"finishing step {name!r} is missing (finishing/{name}.py)")
    return importlib.import_module(f"{__name__}.{name}")


def run(site: Path, project: Project) -> None:
    """Run every step over the built site in `site`, in STEPS order."""
    project.pages = Pages(site)
    for name in STEPS:
        step = _step(name)
        if not getattr(step, "USES_PAGES", False):
            project.pages.flush()
            project.pages = Pages(site)  # the step may change files on disk
        step.run(site, project)
    project.pages.flush()
