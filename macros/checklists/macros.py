"""The checklist macros: checklist(id), checklist_title(id), checklist_index()."""

from collections.abc import Callable
from pathlib import Path

from ..context import MacroContext
from ..errors import DataError
from ..loading import load_folder, load_model
from ..models import StrategyList
from ..text import as_text  # titles land in Markdown and in page.title
from .models import Checklist, SharedScale
from .rendering import render_checklist, render_index


def load_checklists(data_dir: Path, catalog: StrategyList) -> dict[str, Checklist]:
    """Every data/checklists/*.yml, validated against the catalogue and the shared scale."""
    # Next steps may name a worksheet: the ones that exist are the data files.
    worksheet_ids = sorted(p.stem for p in (data_dir / "worksheets").glob("*.yml"))
    context = {"strategy_ids": [s.id for s in catalog.strategies], "worksheet_ids": worksheet_ids,
               "checked_strategy_ids": [s.id for s in catalog.strategies if s.checklist],
               # One scale and set of bands for every checklist (data/checklist_scale.yml).
               "shared_scale": load_model(data_dir / "checklist_scale.yml", SharedScale)}
    return load_folder(data_dir / "checklists", Checklist, context=context)


def load_all(ctx: MacroContext) -> dict[str, Checklist]:
    return load_checklists(ctx.data_dir, ctx.catalog)


def build(ctx: MacroContext) -> dict[str, Callable]:
    checklists = load_all(ctx)

    def get(checklist_id: str) -> Checklist:
        if checklist_id not in checklists:
            raise DataError(f"{ctx.page_src()}: unknown checklist '{checklist_id}' (known: {', '.join(checklists)})")
        return checklists[checklist_id]

    def checklist(checklist_id: str) -> str:
        address = ctx.site_url.rstrip("/") + f"/checklists/{checklist_id}/"
        return render_checklist(get(checklist_id), ctx.catalog.strategies, ctx.page_url(), address)

    def checklist_title(checklist_id: str) -> str:
        return as_text(get(checklist_id).title)

    def checklist_index() -> str:
        # In strategy order; the overall self-assessment (no single strategy) last.
        number = {s.id: s.number for s in ctx.catalog.strategies}
        ordered = sorted(checklists.values(), key=lambda c: (number.get(c.strategy, 99), c.id))
        return render_index(ordered, ctx.page_url())

    return {"checklist": checklist, "checklist_title": checklist_title, "checklist_index": checklist_index}
