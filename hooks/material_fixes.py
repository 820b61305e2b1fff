"""Apply macros/material_fixes.py to every built page, 404 included."""

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Hooks load as plain files: make the project's macros package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.material_fixes import MaterialMarkupChanged, fix_page  # noqa: E402


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        try:
            fixed = fix_page(html, str(path.relative_to(site)))
        except MaterialMarkupChanged as exc:
            raise PluginError(str(exc)) from None
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")
