"""Step: no page's search tags in Zensical's search dialog.

Front-matter tags are search words only: the safety page's are a frightened
reader's own ("checks my phone"). Zensical's search lists every tag in the
index as a filter the moment search opens, for anyone looking at the screen,
and does not match queries against tags anyway. So its index (search.json at
the site root) keeps no tags. MkDocs' index (search/search_index.json) is
left alone: Material matches tags there, shows no filter list, and exit.css
hides tags in its results.
"""

from __future__ import annotations

import json
from pathlib import Path

USES_PAGES = True  # reads and writes search.json only, no page
ZENSICAL_INDEX = "search.json"


def without_tags(index: dict) -> dict:
    """The index with every item's tags emptied (pure)."""
    return {**index, "items": [{**item, "tags": []} for item in index.get("items", [])]}


def run(site: Path, project) -> None:
    path = site / ZENSICAL_INDEX
    if not path.is_file():
        return  # a MkDocs build
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(without_tags(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
