"""The strategies data: validated once, errors name the file and field."""

import pytest

from macros.errors import DataError
from macros.loading import load_model
from macros.models import StrategyList
from macros.urls import relative_href
from support import ROOT


def test_real_strategies_load():
    catalog = load_model(ROOT / "data" / "strategies.yml", StrategyList)
    assert [s.number for s in catalog.strategies] == list(range(1, len(catalog.strategies) + 1))
    assert len(catalog.strategies) >= 5


def write(tmp_path, text):
    path = tmp_path / "strategies.yml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """strategies:
  - id: one
    number: 1
    title: One
    slug: one
    summary: The first.
    based_on: {agrees_with: An idea., cites: [{source: a-2000, supports: One sentence.}]}
"""


@pytest.mark.parametrize(
    "text, field",
    [
        (GOOD.replace("    title: One\n", ""), "strategy 1, title"),
        (GOOD.replace("number: 1", "number: first"), "strategy 1, number"),
        (GOOD.replace("slug: one", "slug: One Two"), "strategy 1, slug"),
        (GOOD + "    colour: red\n", "strategy 1, colour"),
    ],
    ids=["missing field", "wrong type", "bad slug", "unknown field"],
)
def test_bad_strategy_data_names_file_and_field(tmp_path, text, field):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as err:
        load_model(path, StrategyList)
    assert str(path) in str(err.value)
    assert field in str(err.value)


def test_duplicate_ids_rejected(tmp_path):
    text = GOOD + GOOD.split("strategies:\n")[1].replace("number: 1", "number: 2")
    with pytest.raises(DataError, match="duplicate strategy id"):
        load_model(write(tmp_path, text), StrategyList)


def test_unknown_id_lookup():
    catalog = load_model(ROOT / "data" / "strategies.yml", StrategyList)
    with pytest.raises(KeyError, match="unknown strategy id 'nope'"):
        catalog.get("nope")


@pytest.mark.parametrize(
    "from_url, doc, href",
    [
        ("", "strategies/a.md", "strategies/a/"),
        ("strategies/a/", "strategies/b.md", "../b/"),
        ("strategies/a/", "safety.md", "../../safety/"),
        ("strategies/a/", "index.md", "../../"),
        ("worksheets/", "worksheets/x.md", "x/"),
    ],
)
def test_relative_href(from_url, doc, href):
    assert relative_href(from_url, doc) == href
