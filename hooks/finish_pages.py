"""Final touches to every built HTML page, in one pass after the build, so they
also cover pages written by plugins (the /s/N/ redirects, 404): the attributes
Material's templates leave out (macros/material_fixes.py), then the
Content-Security-Policy (macros/csp.py), last because it hashes the page's
final inline scripts."""

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Hooks load as plain files: make the project's macros package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.csp import add_csp  # noqa: E402
from macros.material_fixes import MaterialMarkupChanged, fix_page  # noqa: E402

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"  # live reload needs an inline script


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        try:
            fixed = fix_page(html, str(path.relative_to(site)))
        except MaterialMarkupChanged as exc:
            raise PluginError(str(exc)) from None
        finished = add_csp(fixed, preview=_serving)
        if finished != html:
            path.write_text(finished, encoding="utf-8")
