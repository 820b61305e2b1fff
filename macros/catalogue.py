"""What the catalogue (data/strategies.yml) decides for the whole site: how
many strategies there are, in words, and the navigation section that lists
them. Pure (no MkDocs import), so either engine's build can call it."""

from pathlib import Path

from .errors import DataError
from .loading import load_model
from .models import StrategyList

CATALOGUE = "data/strategies.yml"
# mkdocs.yml's nav holds this as the value of the section the catalogue fills.
NAV_PLACEHOLDER = CATALOGUE
# mkdocs.yml's site_description may say this where the count belongs.
COUNT_PLACEHOLDER = "{strategy_count_words}"

_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight",
          "nine", "ten", "eleven", "twelve"]


def count_words(n: int) -> str:
    """5 -> 'five': the way running text says a count (digits past twelve)."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def load_catalogue(root: Path) -> StrategyList:
    return load_model(root / CATALOGUE, StrategyList)


def section_title(catalog: StrategyList) -> str:
    """The navigation section's title: 'The five strategies'."""
    return f"The {count_words(len(catalog.strategies))} strategies"


def strategy_nav(catalog: StrategyList) -> dict[str, list[str]]:
    """The navigation section: its title and every strategy's page, in number order."""
    pages = [s.doc_path for s in sorted(catalog.strategies, key=lambda s: s.number)]
    return {section_title(catalog): pages}


def expand_config(config: dict, root: Path) -> dict:
    """A copy of config (mkdocs.yml as a dict) with the strategies' nav section
    and the count in site_description filled from the catalogue."""
    catalog = load_catalogue(root)
    nav = config.get("nav") or []
    filled, found = [], False
    for entry in nav:
        if isinstance(entry, dict) and list(entry.values()) == [NAV_PLACEHOLDER]:
            filled.append(strategy_nav(catalog))
            found = True
        else:
            filled.append(entry)
    if nav and not found:
        raise DataError(f"mkdocs.yml, nav: no section says '{NAV_PLACEHOLDER}'; the strategies' "
                        f"pages come from the catalogue, for example:  - Strategies: {NAV_PLACEHOLDER}")
    expanded = dict(config, nav=filled)
    description = config.get("site_description")
    if description:
        expanded["site_description"] = description.replace(
            COUNT_PLACEHOLDER, count_words(len(catalog.strategies)))
    return expanded
