"""What the guide is based on: data/sources.yml, validated, and the
"What this is based on" section a page ends with.

Each source is written once (author, title, year, where it appeared); each
topic names the ideas a page agrees with and which sources back it, with one
plain sentence per source. A strategy's topic is its catalogue entry's
based_on (data/strategies.yml), so a new strategy needs no edit here; other
pages (the safety page) have theirs in data/sources.yml.
"""

from collections.abc import Callable
from pathlib import Path

from pydantic import Field, model_validator

from .context import MacroContext
from .errors import DataError, Problem
from .loading import load_model, shown_path
from .models import BasedOn, Id, Model, Strategy
from .rendering import render
from .urls import relative_href

# Where the editorial policy lives: every sources section links to it.
POLICY_PAGE, POLICY_ANCHOR = "about.md", "#how-we-write-and-check-this-guide"


class Source(Model):
    id: str = Id
    authors: str = Field(min_length=1, max_length=160)
    title: str = Field(min_length=1, max_length=200)
    year: int = Field(ge=1900, le=2100)
    published_in: str = Field(min_length=1, max_length=120)  # journal, book or publisher


class Topic(BasedOn):
    id: str = Id                                         # a page's own id, or a strategy id


class SourceList(Model):
    sources: list[Source] = Field(min_length=1)
    topics: list[Topic] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self):
        ids = [s.id for s in self.sources]
        if len(set(ids)) != len(ids):
            raise ValueError(f"sources: duplicate id in {ids}")
        topic_ids = [t.id for t in self.topics]
        if len(set(topic_ids)) != len(topic_ids):
            raise ValueError(f"topics: duplicate id in {topic_ids}")
        for n, topic in enumerate(self.topics):
            for m, cite in enumerate(topic.cites):
                if cite.source not in ids:
                    raise ValueError(f"topics[{n}].cites[{m}].source: unknown source '{cite.source}'")
        return self

    def get(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


def load_sources(path, strategies: list[Strategy], catalog_path="data/strategies.yml") -> SourceList:
    """data/sources.yml, validated, with each strategy's topic (its based_on in
    the catalogue) added; every source a strategy cites must be listed here,
    and every source listed here must be cited somewhere."""
    sources = load_model(path, SourceList)
    shown, catalog_shown = shown_path(Path(path)), shown_path(Path(catalog_path))
    known = [s.id for s in sources.sources]
    topics = list(sources.topics)
    for n, strategy in enumerate(strategies, 1):
        if sources.topic(strategy.id) is not None:
            raise DataError(Problem("topics", f"'{strategy.id}' is a strategy: its sources belong in its "
                                    f"based_on in {catalog_shown}, not here").block(shown))
        for m, cite in enumerate(strategy.based_on.cites, 1):
            if cite.source not in known:
                raise DataError(Problem(
                    f"strategy {n}, based_on, cites {m}, source", f"unknown source '{cite.source}'",
                    f"a source id listed in {shown}: {', '.join(known)}").block(catalog_shown))
        topics.append(Topic(id=strategy.id, agrees_with=strategy.based_on.agrees_with, cites=strategy.based_on.cites))
    cited = {cite.source for topic in topics for cite in topic.cites}
    unused = [i for i in known if i not in cited]
    if unused:
        raise DataError(Problem("sources", f"never cited: {', '.join(unused)}",
                                f"cite it from a topic here or a strategy's based_on in {catalog_shown}, "
                                "or remove it").block(shown))
    return sources.model_copy(update={"topics": topics})


def render_based_on(sources: SourceList, topic: Topic, page_url: str) -> str:
    """The "What this is based on" section (pure: models in, HTML out)."""
    items = [{"source": sources.get(c.source), "supports": c.supports} for c in topic.cites]
    return render("sources.html", topic=topic, items=items,
                  policy_href=relative_href(page_url, POLICY_PAGE) + POLICY_ANCHOR)


def build(ctx: MacroContext) -> dict[str, Callable]:
    sources = load_sources(ctx.data_dir / "sources.yml", ctx.catalog.strategies, ctx.data_dir / "strategies.yml")

    def based_on(topic_id: str) -> str:
        """The closing "What this is based on" section of a page."""
        topic = sources.topic(topic_id)
        if topic is None:
            known = ", ".join(t.id for t in sources.topics)
            raise DataError(f"{ctx.page_src()}: unknown sources topic '{topic_id}' (known: {known})")
        return render_based_on(sources, topic, ctx.page_url())

    return {"based_on": based_on}
