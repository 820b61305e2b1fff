"""Pure functions: a validated worksheet (plus its strategy) -> HTML."""

from markupsafe import Markup

from .models import Strategy
from .rendering import render
from .urls import relative_href
from .worksheet_models import Worksheet

SCHEMA_VERSION = 1


def render_worksheet(sheet: Worksheet, strategy: Strategy | None, address: str,
                     interactive: bool = True, page_url: str = "") -> str:
    return render("worksheet.html", sheet=sheet, strategy=strategy, address=address,
                  interactive=interactive, version=SCHEMA_VERSION,
                  next_links=next_links(strategy, page_url) if interactive else [])


def next_links(strategy: Strategy | None, page_url: str) -> list[dict]:
    """Where a reader goes after a sheet: its strategy and that strategy's self-check,
    or the overall self-assessment for a sheet that spans all five."""
    if strategy is None:
        return [{"label": "Check yourself: the overall self-assessment",
                 "href": relative_href(page_url, "checklists/self-assessment.md")}]
    links = [{"label": f"Back to strategy {strategy.number}: {strategy.title}",
              "href": relative_href(page_url, strategy.doc_path)}]
    if strategy.checklist:
        links.append({"label": "Check yourself: the self-check for this strategy",
                      "href": relative_href(page_url, f"checklists/{strategy.checklist}.md")})
    return links


def render_index(entries: list[tuple[Worksheet, Strategy | None]], page_url: str) -> str:
    rows = [{"sheet": w, "strategy": s,
             "href": relative_href(page_url, f"worksheets/{w.id}.md")} for w, s in entries]
    return render("worksheet_index.html", rows=rows,
                  print_all=relative_href(page_url, "worksheets/print-all.md"))


def render_booklet(entries: list[tuple[Worksheet, Strategy | None, str]]) -> str:
    # Each part is our own escaped template output, so it is safe to embed.
    parts = [Markup(render_worksheet(w, s, a, interactive=False)) for w, s, a in entries]
    return render("worksheet_booklet.html", parts=parts)
