"""The worksheet macros: data loaded and validated once, at config time."""

from collections.abc import Callable
from pathlib import Path

from ..context import MacroContext
from ..errors import DataError
from ..loading import load_folder
from ..print_parts import pdf_placeholder
from ..text import as_text  # titles land in Markdown and in page.title
from .models import Worksheet
from .rendering import render_booklet, render_index, render_worksheet


def load_worksheets(folder: Path, strategy_ids: list[str]) -> dict[str, Worksheet]:
    """Every data/worksheets/*.yml, validated; the file name must match the id."""
    return load_folder(folder, Worksheet, context={"strategy_ids": strategy_ids})


def build(ctx: MacroContext) -> dict[str, Callable]:
    ids = [s.id for s in ctx.catalog.strategies]
    sheets = load_worksheets(ctx.data_dir / "worksheets", ids)
    order = {s.id: s.number for s in ctx.catalog.strategies}
    # Sheets in strategy order; one that spans every strategy comes last.
    ordered = sorted(sheets.values(), key=lambda w: (order.get(w.strategy, 99), w.id))

    def strategy_of(sheet: Worksheet):
        return ctx.lookup(sheet.strategy) if sheet.strategy else None

    def get(worksheet_id: str) -> Worksheet:
        if worksheet_id not in sheets:
            known = ", ".join(sheets)
            raise DataError(f"{ctx.page_src()}: unknown worksheet id '{worksheet_id}' (known: {known})")
        return sheets[worksheet_id]

    def web_address(sheet: Worksheet) -> str:
        return ctx.site_url.rstrip("/") + f"/worksheets/{sheet.id}/"

    def worksheet(worksheet_id: str) -> str:
        sheet = get(worksheet_id)
        return render_worksheet(sheet, strategy_of(sheet), web_address(sheet), page_url=ctx.page_url())

    def worksheet_title(worksheet_id: str) -> str:
        return as_text(get(worksheet_id).title)

    def worksheet_index() -> str:
        return render_index([(w, strategy_of(w)) for w in ordered], ctx.page_url())

    def worksheet_booklet() -> str:
        return render_booklet([(w, strategy_of(w), web_address(w)) for w in ordered],
                              ctx.page_url(), ctx.site_url.rstrip("/") + "/worksheets/print-all/")

    def pdf_links(key: str) -> str:
        """Where tools/make_pdfs.py writes the PDF links of key ('guide': the whole guide)."""
        return pdf_placeholder(key)

    return {"worksheet": worksheet, "worksheet_title": worksheet_title,
            "worksheet_index": worksheet_index, "worksheet_booklet": worksheet_booklet,
            "pdf_links": pdf_links}
