"""What the guide is based on: data/sources.yml, validated, and the
"What this is based on" section a page ends with.

Each source is written once (author, title, year, where it appeared); each
topic (a strategy id, or a page such as the safety page) names the ideas it
agrees with and which sources back it, with one plain sentence per source.
"""

from collections.abc import Callable

from pydantic import Field, model_validator

from .context import MacroContext
from .errors import DataError
from .loading import load_model
from .models import Id, Model
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


class Citation(Model):
    source: str = Id
    supports: str = Field(min_length=1, max_length=200)  # one plain sentence, no quotes


class Topic(Model):
    id: str = Id                                         # a strategy id, or a page's own id
    agrees_with: str = Field(min_length=1, max_length=300)
    cites: list[Citation] = Field(min_length=1, max_length=4)


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
        cited = set()
        for n, topic in enumerate(self.topics):
            for m, cite in enumerate(topic.cites):
                if cite.source not in ids:
                    raise ValueError(f"topics[{n}].cites[{m}].source: unknown source '{cite.source}'")
                cited.add(cite.source)
        unused = [i for i in ids if i not in cited]
        if unused:
            raise ValueError(f"sources: never cited: {', '.join(unused)}")
        return self

    def get(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


def load_sources(path, strategy_ids: list[str]) -> SourceList:
    """data/sources.yml, validated; every strategy must have a topic."""
    sources = load_model(path, SourceList)
    missing = [s for s in strategy_ids if sources.topic(s) is None]
    if missing:
        raise DataError(f"{path}: topics: no entry for strategy {', '.join(missing)}")
    return sources


def render_based_on(sources: SourceList, topic: Topic, page_url: str) -> str:
    """The "What this is based on" section (pure: models in, HTML out)."""
    items = [{"source": sources.get(c.source), "supports": c.supports} for c in topic.cites]
    return render("sources.html", topic=topic, items=items,
                  policy_href=relative_href(page_url, POLICY_PAGE) + POLICY_ANCHOR)


def build(ctx: MacroContext) -> dict[str, Callable]:
    sources = load_sources(ctx.data_dir / "sources.yml", [s.id for s in ctx.catalog.strategies])

    def based_on(topic_id: str) -> str:
        """The closing "What this is based on" section of a page."""
        topic = sources.topic(topic_id)
        if topic is None:
            known = ", ".join(t.id for t in sources.topics)
            raise DataError(f"{ctx.page_src()}: unknown sources topic '{topic_id}' (known: {known})")
        return render_based_on(sources, topic, ctx.page_url())

    return {"based_on": based_on}
