"""Every content page says when it was last reviewed and when the next review
is due, in its front matter:

    last_reviewed: 2026-12-01
    next_review_due: 2027-06-01

Checked once, when the build starts: a page without both dates (or with a
date that is not a plain YYYY-MM-DD) fails the build, naming the page. The
dates are shown by overrides/partials/tg-reviewed.html.
"""

import re
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError, model_validator

from .errors import DataError
from .models import Model

# A review at least once a year: health guidance that goes longer unchecked
# can quietly go out of date.
MAX_DAYS_BETWEEN_REVIEWS = 366
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


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


def front_matter(text: str) -> dict:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    meta = yaml.safe_load(match.group(1))  # dates as dates, as MkDocs reads them
    return meta if isinstance(meta, dict) else {}


def page_review_dates(src: str, text: str) -> ReviewDates:
    """One page's dates, or DataError naming the page and the field."""
    meta = front_matter(text)
    wanted = {k: meta[k] for k in ("last_reviewed", "next_review_due") if k in meta}
    try:
        return ReviewDates.model_validate(wanted)
    except ValidationError as exc:
        lines = [f"{src}: review dates missing or wrong in the front matter "
                 "(write last_reviewed: YYYY-MM-DD and next_review_due: YYYY-MM-DD, no quotes)"]
        lines += [f"  {'.'.join(str(p) for p in e['loc']) or 'dates'}: {e['msg']}" for e in exc.errors()]
        raise DataError("\n".join(lines)) from None


def check_review_dates(docs_dir: Path) -> dict[str, ReviewDates]:
    """Every docs/**/*.md page's dates, by path; all failing pages in one error."""
    found, errors = {}, []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir.parent).as_posix()
        try:
            found[src] = page_review_dates(src, path.read_text(encoding="utf-8"))
        except DataError as exc:
            errors.append(str(exc))
    if errors:
        raise DataError("\n".join(errors))
    return found
