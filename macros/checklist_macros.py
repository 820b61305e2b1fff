"""The checklist macros (filled in by the checklists feature)."""

from collections.abc import Callable

from .context import MacroContext


def build(ctx: MacroContext) -> dict[str, Callable]:
    return {}
