"""Pure functions: a validated worksheet (plus its strategy) -> HTML."""

from markupsafe import Markup

from ..models import Strategy
from ..print_parts import print_parts
from ..rendering import render
from ..urls import relative_href
from .models import Worksheet

SCHEMA_VERSION = 1
BOOKLET_PDF_KEY = "worksheets/print-all"
BOOKLET_TITLE = "All worksheets"


def render_worksheet(sheet: Worksheet, strategy: Strategy | None, address: str,
                     page_url: str = "", booklet: bool = False) -> str:
    """One sheet; in the booklet it has the same saved fields but no tools of its own."""
    parts = print_parts(sheet.title, address, page_url, f"worksheets/{sheet.id}")
    return render("worksheet.html", sheet=sheet, strategy=strategy, address=address,
                  booklet=booklet, version=SCHEMA_VERSION, parts=parts,
                  next_links=[] if booklet else next_links(strategy, page_url))


def next_links(strategy: Strategy | None, page_url: str) -> list[dict]:
    """Where a reader goes after a sheet: its strategy and that strategy's self-check,
    or the overall self-assessment for a sheet that spans them all."""
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


def render_booklet(entries: list[tuple[Worksheet, Strategy | None, str]], page_url: str = "",
                   address: str = "") -> str:
    """Cover, contents, then every sheet (each from a new page)."""
    # Each part is our own escaped template output, so it is safe to embed.
    parts = [{"sheet": w, "strategy": s,
              "html": Markup(render_worksheet(w, s, a, page_url=page_url, booklet=True))}
             for w, s, a in entries]
    return render("worksheet_booklet.html", parts=parts,
                  own=print_parts(BOOKLET_TITLE, address, page_url, BOOKLET_PDF_KEY))
