"""Step: the short links /s/N/ -> strategy N, one small page each, from
data/strategies.yml (so both engines get them; URLs are kept for good).

Each page leaves for the strategy at once (meta refresh, no script, so the
CSP has nothing to trust), names it as its canonical URL, and carries its
title and link-preview tags: chat apps read this page, not the one it leads to.
"""

from __future__ import annotations

from urllib.parse import urljoin

from macros.loading import load_model
from macros.models import StrategyList

from .rendering import render
from .short_link_previews import with_preview

USES_PAGES = True



def short_link_page(number: int, slug: str, title: str, site_url: str) -> str:
    """The page at s/<number>/index.html, before its preview tags (pure)."""
    return render("short_link.html", title=title, target=f"../../strategies/{slug}/",
        canonical=urljoin(site_url, f"strategies/{slug}/"))


def run(site, project) -> None:
    from . import FinishingError
    catalog = load_model(project.root / "data" / "strategies.yml", StrategyList)
    for strategy in catalog.strategies:
        target = project.pages.get(f"strategies/{strategy.slug}/index.html")
        if target is None:
            raise FinishingError(f"s/{strategy.number}/: strategy page strategies/{strategy.slug}/ was not built")
        stub = short_link_page(strategy.number, strategy.slug, strategy.title, project.site_url)
        try:
            page = with_preview(stub, target)
        except ValueError as exc:
            raise FinishingError(f"s/{strategy.number}/: {exc}") from None
        project.pages.set(f"s/{strategy.number}/index.html", page)
