"""Regenerate tests/public_urls.txt from a built site: every public page URL.

Usage: .venv/bin/python tools/public_urls.py site > tests/public_urls.txt
"""

from __future__ import annotations

import sys
from pathlib import Path


def public_urls(site_dir: Path) -> list[str]:
    """Site-relative URLs of every built page (redirects included) and share image."""
    urls = []
    for page in site_dir.rglob("index.html"):
        rel = page.parent.relative_to(site_dir).as_posix()
        urls.append("" if rel == "." else rel + "/")
    urls += [p.relative_to(site_dir).as_posix() for p in site_dir.glob("assets/images/share/*.png")]
    urls.append("sitemap.xml")
    return sorted(urls)


if __name__ == "__main__":
    for url in public_urls(Path(sys.argv[1])):
        print(url or "/")
