"""Errors an editor can read: one short block per problem, naming the file,
the line where known, the field in words (counted from 1), what is allowed
and one example of a correct value. No traceback unless TRUST_GUIDE_DEBUG=1.

Every model loaded through loading.load_model gets these messages; models
and macros raise DataError, and a macro's DataError raised while a page is
rendered is kept (report) and raised by hooks/page_titles.py, so that
mkdocs-macros does not wrap it in its own traceback."""

import os
from dataclasses import dataclass


def debug() -> bool:
    """TRUST_GUIDE_DEBUG=1: show full tracebacks, for whoever works on the code."""
    return os.environ.get("TRUST_GUIDE_DEBUG", "") not in ("", "0")


class DataError(Exception):
    """Bad content: the message names the file (or page) and the field."""


@dataclass(frozen=True)
class Problem:
    """One problem in a data file, for one short block."""

    where: str            # "strategy 3, title"
    problem: str          # what is wrong, in plain words
    allowed: str = ""     # what would be right
    example: str = ""     # one correct value, as it would be written
    line: int | None = None

    def block(self, file: str) -> str:
        head = f"{file}, line {self.line}" if self.line else file
        lines = [f"{head}: {self.where}" if self.where else head, f"  Problem: {self.problem}"]
        if self.allowed:
            lines.append(f"  Allowed: {self.allowed}")
        if self.example:
            lines.append(f"  Example: {self.example}")
        return "\n".join(lines)


def blocks(file: str, problems: list[Problem]) -> str:
    return "\n\n".join(p.block(file) for p in problems)


# Errors from macros called in a page, kept until the page is done (see above).
_pending: list[str] = []


def report(message: str) -> None:
    _pending.append(message)


def take() -> list[str]:
    taken = _pending[:]
    _pending.clear()
    return taken
