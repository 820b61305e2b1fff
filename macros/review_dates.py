"""Every content page says when it was last reviewed and when the next review
is due, in its front matter:

    last_reviewed: 2026-12-01
    next_review_due: 2027-06-01

Checked once, when the build starts: a page without both dates (or with a
date that is not a plain YYYY-MM-DD) fails the build, naming the page. The
dates are shown by overrides/partials/tg-reviewed.html.
"""

import functools
import re
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError, model_validator

from . import kept_models
from .errors import DataError, Problem, blocks
from .models import Model

# A review at least once a year: health guidance that goes longer unchecked
# can quietly go out of date.
MAX_DAYS_BETWEEN_REVIEWS = 366
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# libyaml's parser when PyYAML has it: the same values, several times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ReviewDates(Model):
    last_reviewed: date
    next_review_due: date

    @model_validator(mode="after")
    def _in_order(self):
        gap = (self.next_review_due - self.last_reviewed).days
        if gap <= 0:
            raise ValueError("next_review_due must come after last_reviewed")
        if gap > MAX_DAYS_BETWEEN_REVIEWS:
            raise ValueError(f"next_review_due is {gap} days after last_reviewed; "
                             f"review at least every {MAX_DAYS_BETWEEN_REVIEWS} days")
        return self


def front_matter(text: str) -> dict | None:
    """The page's front matter; None when it is not valid YAML (the page-title
    hook reports that with the page's name, so it is not reported twice)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        meta = yaml.load(match.group(1), Loader=_SAFE_LOADER)  # dates as dates, as MkDocs reads them
    except yaml.YAMLError:
        return None
    return meta if isinstance(meta, dict) else {}


def page_review_dates(src: str, text: str) -> ReviewDates | None:
    """One page's dates, or DataError naming the page and the field."""
    meta = front_matter(text)
    if meta is None:
        return None
    wanted = {k: meta[k] for k in ("last_reviewed", "next_review_due") if k in meta}
    try:
        return ReviewDates.model_validate(wanted)
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            name = ".".join(str(p) for p in e["loc"])
            problems.append(Problem(
                f"front matter, {name}" if name else "front matter, review dates",
                "missing" if e["type"] == "missing" else e["msg"],
                "a date written YYYY-MM-DD, no quotes; next_review_due after last_reviewed, "
                f"at most {MAX_DAYS_BETWEEN_REVIEWS} days later",
                "last_reviewed: 2026-12-01" if name == "last_reviewed" else "next_review_due: 2027-06-01"))
        raise DataError(blocks(src, problems)) from None


def check_review_dates(docs_dir: Path) -> dict[str, ReviewDates]:
    """Every docs/**/*.md page's dates, by path; all failing pages in one error."""
    found, errors = {}, []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir.parent).as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            dates = kept_models.kept(kept_models.key("review dates", src, text),
                                     functools.partial(page_review_dates, src, text))
            if dates is not None:
                found[src] = dates
        except DataError as exc:
            errors.append(str(exc))
    if errors:
        raise DataError("\n".join(errors))
    return found
