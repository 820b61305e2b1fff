"""Render a checklist to HTML (pure: models in, HTML out, via templates)."""

from ..models import Strategy
from ..print_parts import print_parts
from ..rendering import render
from ..urls import relative_href
from .models import Checklist


def render_checklist(checklist: Checklist, strategies: list[Strategy], page_url: str,
                     address: str = "") -> str:
    strategy_href = {s.id: relative_href(page_url, s.doc_path) for s in strategies}
    bands = []
    for band in checklist.bands:
        href = label = ""
        if band.next is not None:
            if band.next.worksheet:
                href = relative_href(page_url, f"worksheets/{band.next.worksheet}.md")
            else:
                href = strategy_href[band.next.strategy]
            label = band.next.label
        bands.append({"band": band, "href": href, "label": label})
    used = [s for s in strategies if any(checklist.item_strategy(i) == s.id for i in checklist.items)]
    return render("checklist.html", checklist=checklist, bands=bands, strategies=used,
                  strategy_href=strategy_href,
                  safety_href=relative_href(page_url, "safety.md"),
                  progress_href=relative_href(page_url, "progress.md"),
                  parts=print_parts(checklist.title, address or page_url, page_url,
                                    f"checklists/{checklist.id}"))


def render_index(checklists: list[Checklist], page_url: str) -> str:
    items = [{"checklist": c, "href": relative_href(page_url, f"checklists/{c.id}.md")} for c in checklists]
    return render("checklist_index.html", items=items)
