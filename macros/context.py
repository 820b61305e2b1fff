"""What every feature's macros may use: the data folder, the site URL, the
strategy catalogue and the page being rendered."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .models import Strategy, StrategyList


@dataclass(frozen=True)
class MacroContext:
    data_dir: Path
    site_url: str
    catalog: StrategyList
    lookup: Callable[[str], Strategy]   # strategy id -> Strategy; unknown id names the page
    page_src: Callable[[], str]         # 'strategies/x.md' of the page being rendered
    page_url: Callable[[], str]         # 'strategies/x/' of the page being rendered
