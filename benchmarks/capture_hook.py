"""A benchmark-only MkDocs hook: writes every page's Markdown as it is after
mkdocs-macros has run (macro calls replaced by their HTML), with its front
matter, into $TG_CAPTURE_DIR. Plain Material then builds exactly that text."""

import os
from pathlib import Path

import yaml
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, **_) -> str:
    out = Path(os.environ["TG_CAPTURE_DIR"]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    # str(): hooks/page_titles.py hands Material its texts as Markup, which
    # YAML cannot write; the text itself is what plain Material should get.
    meta = {k: str(v) if isinstance(v, str) else v for k, v in page.meta.items()
            if k in ("title", "description", "search")}
    head = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    out.write_text(head + markdown, encoding="utf-8")
    return markdown
