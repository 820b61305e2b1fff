"""The checklist macros: checklist(id), checklist_title(id), checklist_index()."""

from collections.abc import Callable

from .checklist_models import Checklist
from .checklists import render_checklist, render_index
from .context import MacroContext
from .errors import DataError
from .loading import load_model

ORDER = ["not-personal", "comfort-zone", "openness", "be-there", "real-interest", "self-assessment"]


def load_all(ctx: MacroContext) -> dict[str, Checklist]:
    ids = [s.id for s in ctx.catalog.strategies]
    loaded = {}
    for path in sorted((ctx.data_dir / "checklists").glob("*.yml")):
        checklist = load_model(path, Checklist, context={"strategy_ids": ids})
        if checklist.id != path.stem:
            raise DataError(f"{path}: id: '{checklist.id}' must match the file name '{path.stem}'")
        loaded[checklist.id] = checklist
    return loaded


def build(ctx: MacroContext) -> dict[str, Callable]:
    checklists = load_all(ctx)

    def get(checklist_id: str) -> Checklist:
        if checklist_id not in checklists:
            raise DataError(f"{ctx.page_src()}: unknown checklist '{checklist_id}' (known: {', '.join(checklists)})")
        return checklists[checklist_id]

    def checklist(checklist_id: str) -> str:
        return render_checklist(get(checklist_id), ctx.catalog.strategies, ctx.page_url())

    def checklist_title(checklist_id: str) -> str:
        return get(checklist_id).title

    def checklist_index() -> str:
        ordered = sorted(checklists.values(), key=lambda c: ORDER.index(c.id) if c.id in ORDER else 99)
        return render_index(ordered, ctx.page_url())

    return {"checklist": checklist, "checklist_title": checklist_title, "checklist_index": checklist_index}
