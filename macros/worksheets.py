"""Pure functions: a validated worksheet (plus its strategy) -> HTML."""

from markupsafe import Markup

from .models import Strategy
from .rendering import render
from .urls import relative_href
from .worksheet_models import Worksheet

SCHEMA_VERSION = 1


def render_worksheet(sheet: Worksheet, strategy: Strategy | None, address: str, interactive: bool = True) -> str:
    return render("worksheet.html", sheet=sheet, strategy=strategy, address=address,
                  interactive=interactive, version=SCHEMA_VERSION)


def render_index(entries: list[tuple[Worksheet, Strategy | None]], page_url: str) -> str:
    rows = [{"sheet": w, "strategy": s,
             "href": relative_href(page_url, f"worksheets/{w.id}.md")} for w, s in entries]
    return render("worksheet_index.html", rows=rows,
                  print_all=relative_href(page_url, "worksheets/print-all.md"))


def render_booklet(entries: list[tuple[Worksheet, Strategy | None, str]]) -> str:
    # Each part is our own escaped template output, so it is safe to embed.
    parts = [Markup(render_worksheet(w, s, a, interactive=False)) for w, s, a in entries]
    return render("worksheet_booklet.html", parts=parts)
