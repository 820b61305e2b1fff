"""The progress() macro: every self-check on the "Your progress" page.

The page holds no results: it tells progress.js which checks to read
(trust-guide:history:<id>:v1), with each one's title, highest score and, for
the overall self-assessment, its strategies. The checklist data is the one
source of these facts, loaded with the checklist feature's own loader."""

from collections.abc import Callable

from .checklists.macros import load_all
from .checklists.models import Checklist
from .context import MacroContext
from .models import Strategy
from .rendering import render
from .urls import relative_href

PRIVACY_PAGE = "privacy.md"


def strategy_maxima(checklist: Checklist, strategies: list[Strategy]) -> list[dict]:
    """The strategies an overall check scores separately, each with its highest score."""
    if checklist.strategy is not None:
        return []
    top = max(o.value for o in checklist.scale)
    out = []
    for s in strategies:
        count = sum(1 for i in checklist.items if checklist.item_strategy(i) == s.id)
        if count:
            out.append({"strategy": s, "max": count * top})
    return out


def render_progress(checklists: list[Checklist], strategies: list[Strategy], page_url: str) -> str:
    checks = [{
        "checklist": c,
        "href": relative_href(page_url, f"checklists/{c.id}.md"),
        "strategies": strategy_maxima(c, strategies),
    } for c in checklists]
    return render("progress.html", checks=checks,
                  privacy_href=relative_href(page_url, PRIVACY_PAGE))


def build(ctx: MacroContext) -> dict[str, Callable]:
    checklists = load_all(ctx)
    number = {s.id: s.number for s in ctx.catalog.strategies}
    # The overall self-assessment (no single strategy) first: readers retake it
    # most; then the strategy checks in strategy order.
    ordered = sorted(checklists.values(),
                     key=lambda c: (c.strategy is not None, number.get(c.strategy, 0), c.id))

    def progress() -> str:
        return render_progress(ordered, ctx.catalog.strategies, ctx.page_url())

    return {"progress": progress}
