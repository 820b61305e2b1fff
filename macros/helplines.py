"""Helplines as data: data/helplines.yml, validated once, rendered as large
call and text buttons on the safety page.

Every service says when we last checked it against its own published page
(`checked`, with that page as `source`). The key is required, so an entry
without it fails the build naming the file and field; an entry we could not
confirm says so with `checked: null` and a `note`, which the page shows.
"""

from collections.abc import Callable
from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from .context import MacroContext
from .errors import DataError
from .loading import load_model
from .models import Id, Model
from .rendering import render

Group = Literal["emergency", "crisis", "abuse", "harm"]
Kind = Literal["call", "text", "chat", "web"]
HTTPS = r"^https://[^\s\"'<>]+$"


class Way(Model):
    """One way to reach a service: a number to call or text, or a web page."""

    kind: Kind
    label: str = Field(min_length=1)          # what the button says after its verb
    number: str | None = Field(default=None, pattern=r"^\+?[0-9]{3,15}$")
    message: str | None = Field(default=None, pattern=r"^[A-Za-z0-9 ]{1,20}$")  # text to send
    url: str | None = Field(default=None, pattern=HTTPS)
    hours: str | None = None

    @model_validator(mode="after")
    def _target_fits_kind(self):
        phone = self.kind in ("call", "text")
        if phone and (self.number is None or self.url is not None):
            raise ValueError(f"a '{self.kind}' way needs a number and no url")
        if not phone and (self.url is None or self.number is not None):
            raise ValueError(f"a '{self.kind}' way needs a url and no number")
        if self.message is not None and self.kind != "text":
            raise ValueError("only a 'text' way can have a message")
        return self

    @property
    def href(self) -> str:
        if self.kind == "call":
            return f"tel:{self.number}"
        if self.kind == "text":
            # RFC 5724's "?body=", which current Android and iOS apps read.
            return f"sms:{self.number}" + (f"?body={self.message}" if self.message else "")
        return self.url or ""


class Service(Model):
    id: str = Id
    group: Group
    region: str = Field(min_length=1)         # a country or nation: "England", not "UK"
    name: str = Field(min_length=1)
    who: str = Field(min_length=1)            # who it is for, in a sentence
    ways: list[Way] = Field(min_length=1)
    checked: date | None                      # required: when we checked its own page
    source: str | None = Field(pattern=HTTPS)  # required: that page, or null
    note: str | None = None

    @model_validator(mode="after")
    def _checked_has_source_or_note(self):
        if self.checked is not None and self.source is None:
            raise ValueError("a checked entry needs the source page it was checked on")
        if self.checked is None and not self.note:
            raise ValueError("an entry not checked on its own page needs a note that says so")
        return self


class Helplines(Model):
    services: list[Service] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self):
        ids = [s.id for s in self.services]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate helpline id in {ids}")
        return self


def long_date(day: date) -> str:
    """date(2026, 12, 1) -> '1 December 2026'."""
    return f"{day.day} {day:%B %Y}"


def by_region(services: list[Service]) -> list[tuple[str, list[Service]]]:
    """Services grouped by region, regions in the order the data names them."""
    groups: dict[str, list[Service]] = {}
    for service in services:
        groups.setdefault(service.region, []).append(service)
    return list(groups.items())


def render_helplines(services: list[Service], headings: bool) -> str:
    """Services as cards with call/text buttons; with region headings if asked."""
    # Without headings, one list: the region shows on each card instead.
    regions = by_region(services) if headings else [("", services)]
    return render("helplines.html", regions=regions, headings=headings, long_date=long_date)


def last_checked(services: list[Service]) -> date | None:
    days = [s.checked for s in services if s.checked is not None]
    return max(days) if days else None


def build(ctx: MacroContext) -> dict[str, Callable]:
    data = load_model(ctx.data_dir / "helplines.yml", Helplines)

    def helplines(group: str, headings: bool = False) -> str:
        """The services of one group: emergency, crisis, abuse or harm."""
        chosen = [s for s in data.services if s.group == group]
        if not chosen:
            raise DataError(f"{ctx.page_src()}: no helplines in group '{group}'")
        return render_helplines(chosen, headings)

    def helplines_checked() -> str:
        """When the numbers were last checked, as '1 December 2026'."""
        day = last_checked(data.services)
        return long_date(day) if day else "not yet"

    return {"helplines": helplines, "helplines_checked": helplines_checked}
