"""Shared schema pieces (ids, references between data files) and the schema of
data/strategies.yml, the one source of truth for every strategy."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, model_validator

Id = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
TITLE_MAX = 80  # fits the navigation and a link preview; front-matter titles too (hooks/page_titles.py)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("it is only spaces; write some words")
    return value


def _one_line(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("it runs over more than one line; keep a title on one line")
    return value


def text(max_length: int | None = None):
    """Text an editor writes: not empty, not only spaces, at most max_length characters."""
    return Annotated[str, Field(min_length=1, max_length=max_length), AfterValidator(_not_blank)]


Text = text()
# A title: one line of text, at most TITLE_MAX characters.
Title = Annotated[text(TITLE_MAX), AfterValidator(_one_line)]


def known_id(kind: str, context_key: str):
    """A check that an id refers to something that exists. The known ids are
    passed in as validation context (context_key), since they come from other
    data files; without that context any id passes."""

    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(context_key)
        if known is not None and value not in known:
            raise ValueError(f"unknown {kind} id '{value}' (known: {', '.join(known)})")
        return value

    return AfterValidator(check)


# A reference to a strategy in data/strategies.yml or a worksheet in data/worksheets/.
StrategyRef = Annotated[str, known_id("strategy", "strategy_ids")]
WorksheetRef = Annotated[str, known_id("worksheet", "worksheet_ids")]


class Model(BaseModel):
    """Shared settings: unknown fields are an error, types are not coerced.
    defer_build: a model's validator is built when it first validates, so a
    model that is only ever part of another (a Strategy inside a
    StrategyList) never builds its own, which a build spent time on."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Citation(Model):
    source: str = Id                                     # a source id from data/sources.yml
    supports: str = Field(min_length=1, max_length=200)  # one plain sentence, no quotes


class BasedOn(Model):
    """What a page is based on: the ideas it agrees with and the sources behind them."""

    agrees_with: str = Field(min_length=1, max_length=300)
    cites: list[Citation] = Field(min_length=1, max_length=4)


class Strategy(Model):
    id: str = Id
    number: int = Field(ge=1)
    title: Title
    slug: str = Id
    summary: text(200)
    tagline: text(100) | None = None    # a few words for lists (the introduction); else the summary
    worksheet: str | None = None
    checklist: str | None = None
    based_on: BasedOn                   # its "What this is based on" section (macros/sources.py)

    @property
    def doc_path(self) -> str:
        return f"strategies/{self.slug}.md"


class StrategyList(Model):
    strategies: list[Strategy] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_and_numbered(self):
        for name in ("id", "slug"):
            seen: dict[str, int] = {}
            for n, strategy in enumerate(self.strategies, 1):
                value = getattr(strategy, name)
                if value in seen:
                    raise ValueError(f"strategy {n}, {name}: '{value}' is already used by strategy "
                                     f"{seen[value]} (duplicate strategy {name}); each strategy needs its own")
                seen[value] = n
        numbers = [s.number for s in self.strategies]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"numbers must run 1, 2, 3 … in order, got {numbers}")
        return self

    def get(self, strategy_id: str) -> Strategy:
        for strategy in self.strategies:
            if strategy.id == strategy_id:
                return strategy
        known = ", ".join(s.id for s in self.strategies)
        raise KeyError(f"unknown strategy id '{strategy_id}' (known: {known})")
