"""The worksheet macros (filled in by the worksheets feature)."""

from collections.abc import Callable

from .context import MacroContext


def build(ctx: MacroContext) -> dict[str, Callable]:
    return {}
