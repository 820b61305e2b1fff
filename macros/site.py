"""The macros the pages call, bound to the data loaded once at config time."""

import posixpath
from collections.abc import Callable
from pathlib import Path

from . import engine, helplines, progress, sources
from .cards import related_box, strategy_cards
from .catalogue import count_words
from .checklists import macros as checklist_macros
from .context import MacroContext
from .errors import DataError
from .loading import load_model
from .models import Strategy, StrategyList
from .text import as_text  # titles land in Markdown and in page.title
from .worksheets import macros as worksheet_macros

SAFETY_PAGE = "safety.md"


def build_macros(data_dir: Path, current_page: Callable, site_url: str = "") -> dict[str, Callable]:
    """Load data/ and return {macro name: function} for mkdocs-macros."""
    catalog = load_model(data_dir / "strategies.yml", StrategyList)

    def page_src() -> str:
        return engine.page_source(current_page())

    def page_url() -> str:
        return engine.page_url(current_page())

    def lookup(strategy_id: str) -> Strategy:
        try:
            return catalog.get(strategy_id)
        except KeyError as exc:
            raise DataError(f"{page_src()}: {exc.args[0]}") from None

    def strategy_title(strategy_id: str) -> str:
        """The strategy's title, for front matter and running text."""
        return as_text(lookup(strategy_id).title)

    def strategy_count_words() -> str:
        """How many strategies the catalogue has, in words: 'five'."""
        return count_words(len(catalog.strategies))

    def strategy_list() -> str:
        """Every strategy as a numbered Markdown list of links with a few words
        each, for running text (the introduction). Markdown links, written
        relative to the page's source, so the engine checks and resolves them."""
        here = posixpath.dirname(page_src())
        lines = []
        for s in sorted(catalog.strategies, key=lambda s: s.number):
            href = posixpath.relpath(s.doc_path, here or ".")
            lines.append(f"{s.number}. [{as_text(s.title)}]({href}): {as_text(s.tagline or s.summary)}")
        return "\n".join(lines)

    def cards() -> str:
        """Every strategy as a card, for the home page."""
        return strategy_cards(catalog.strategies, page_url())

    def related(strategy_id: str) -> str:
        """The "Related" box at the foot of a strategy page."""
        strategy = lookup(strategy_id)
        links = []
        if strategy.worksheet:
            links.append({"label": "Worksheet", "doc_path": f"worksheets/{strategy.worksheet}.md",
                          "note": "Print it or fill it in on screen."})
        if strategy.checklist:
            links.append({"label": "Self-check", "doc_path": f"checklists/{strategy.checklist}.md",
                          "note": "See where you stand with this strategy."})
        links.append({"label": "When it's not about trust", "doc_path": SAFETY_PAGE,
                      "note": "Where to get help if mistrust turns into control or harm."})
        return related_box(links, page_url())

    ctx = MacroContext(data_dir=data_dir, site_url=site_url, catalog=catalog,
                       lookup=lookup, page_src=page_src, page_url=page_url)
    return {
        **worksheet_macros.build(ctx),
        **checklist_macros.build(ctx),
        **progress.build(ctx),
        **sources.build(ctx),
        **helplines.build(ctx),
        "strategy_title": strategy_title,
        "strategy_count_words": strategy_count_words,
        "strategy_cards": cards,
        "strategy_list": strategy_list,
        "related": related,
    }
