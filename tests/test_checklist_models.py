"""The checklist schema: every bad case fails naming the file and the field."""

from pathlib import Path

import pytest
import yaml

from macros.checklists.models import Checklist
from macros.errors import DataError
from macros.loading import load_model
from scoring_reference import score

ROOT = Path(__file__).resolve().parent.parent
IDS = ["not-personal", "comfort-zone", "openness", "be-there", "real-interest"]


def raw(name="not-personal"):
    return yaml.safe_load((ROOT / "data/checklists" / f"{name}.yml").read_text())


def load(tmp_path, data):
    path = tmp_path / "bad.yml"
    path.write_text(yaml.safe_dump(data))
    worksheets = sorted(p.stem for p in (ROOT / "data/worksheets").glob("*.yml"))
    return load_model(path, Checklist, context={"strategy_ids": IDS, "worksheet_ids": worksheets})


def fails(tmp_path, data, *words):
    with pytest.raises(DataError) as err:
        load(tmp_path, data)
    message = str(err.value)
    assert "bad.yml" in message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("name", IDS + ["self-assessment"])
def test_real_data_loads(tmp_path, name):
    assert load(tmp_path, raw(name)).id == name


def test_overlap(tmp_path):
    data = raw()
    data["bands"][1]["min"] = 5
    fails(tmp_path, data, "band 2", "overlaps")


def test_gap(tmp_path):
    data = raw()
    data["bands"][1]["min"] = 8
    fails(tmp_path, data, "band 2", "7-7", "no band")


def test_not_covering(tmp_path):
    data = raw()
    data["bands"][2]["max"] = 16
    fails(tmp_path, data, "bands", "17-18")


def test_unknown_strategy_on_item(tmp_path):
    data = raw("self-assessment")
    data["items"][0]["strategy"] = "nope"
    fails(tmp_path, data, "statement 1, strategy", "unknown strategy id 'nope'")


def test_missing_field(tmp_path):
    data = raw()
    del data["instructions"]
    fails(tmp_path, data, "instructions", "this field is missing")


def test_wrong_type(tmp_path):
    data = raw()
    data["scale"][0]["value"] = "zero"
    fails(tmp_path, data, "answer 1, value")


def test_overall_items_need_a_strategy(tmp_path):
    data = raw("self-assessment")
    del data["items"][3]["strategy"]
    fails(tmp_path, data, "statement 4, strategy")


def test_reference_scoring_and_recommendation(tmp_path):
    overall = load(tmp_path, raw("self-assessment"))
    answers = {i.id: 3 for i in overall.items}
    answers["accept-no"] = 0          # comfort-zone lowest
    result = score(overall, answers, IDS)
    assert result.score == 27 and result.band.label == "A real strength"
    assert result.recommended == "comfort-zone"
    assert [s.score for s in result.breakdown] == [6, 3, 6, 6, 6]


def test_ties_go_to_the_earlier_strategy(tmp_path):
    overall = load(tmp_path, raw("self-assessment"))
    result = score(overall, {}, IDS)
    assert result.score == 0 and result.recommended == "not-personal"
    assert result.band.min == 0


def test_next_step_names_an_unknown_worksheet(tmp_path):
    data = raw()
    data["bands"][1]["next"] = {"label": "Try it", "worksheet": "no-such-sheet"}
    fails(tmp_path, data, "band 2, next, worksheet", "no-such-sheet")
