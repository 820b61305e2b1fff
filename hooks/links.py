"""Links feature: the /s/N/ redirect pages carry an absolute canonical URL.

mkdocs-redirects writes a relative canonical link; link previews and search
engines need the absolute URL of the strategy page, built from site_url.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    for page in sorted((site_dir / "s").glob("*/index.html")):
        page_url = urljoin(config.site_url or "/", f"s/{page.parent.name}/")
        html = page.read_text(encoding="utf-8")
        fixed = _CANONICAL.sub(
            lambda m: f'<link rel="canonical" href="{urljoin(page_url, m.group(1))}">', html, count=1
        )
        page.write_text(fixed, encoding="utf-8")
