"""Regenerate tests/public_urls.txt from a built site: every public page URL.

Usage: .venv/bin/mkdocs build --strict && .venv/bin/python tools/public_urls.py site > tests/public_urls.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup


def public_urls(site_dir: Path) -> list[str]:
    """Site-relative URLs of every built page (redirects included), section and share image."""
    urls = []
    for page in site_dir.rglob("index.html"):
        rel = page.parent.relative_to(site_dir).as_posix()
        url = "" if rel == "." else rel + "/"
        urls.append(url)
        # Section permalinks are public too: an h2/h3 id must not change.
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        urls += [f"{url}#{h['id']}" for h in soup.select("article > h2[id], article > h3[id]")]
    urls += [p.relative_to(site_dir).as_posix() for p in site_dir.glob("assets/images/share/*.png")]
    urls.append("sitemap.xml")
    return sorted(urls)


if __name__ == "__main__":
    for url in public_urls(Path(sys.argv[1])):
        print(url or "/")
