"""The checklist schema: every bad case fails naming the file and the field."""

from pathlib import Path

import pytest
import yaml
from scoring_reference import score

from guide_pages import strategies
from macros.checklists.models import Checklist, SharedScale
from macros.errors import DataError
from macros.loading import load_model

ROOT = Path(__file__).resolve().parent.parent
IDS = [s["id"] for s in strategies()]
CHECKED = [s["id"] for s in strategies() if s.get("checklist")]


def raw(name="not-personal"):
    return yaml.safe_load((ROOT / "data/checklists" / f"{name}.yml").read_text())


def load(tmp_path, data):
    path = tmp_path / "bad.yml"
    path.write_text(yaml.safe_dump(data))
    worksheets = sorted(p.stem for p in (ROOT / "data/worksheets").glob("*.yml"))
    return load_model(path, Checklist, context={"strategy_ids": IDS, "worksheet_ids": worksheets,
                                                "checked_strategy_ids": CHECKED})


def fails(tmp_path, data, *words):
    with pytest.raises(DataError) as err:
        load(tmp_path, data)
    message = str(err.value)
    assert "bad.yml" in message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("name", CHECKED + ["self-assessment"])
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
    data["scale"] = [{"label": "Never", "value": "zero"}, {"label": "Often", "value": 1}]
    fails(tmp_path, data, "answer 1, value")


def test_every_checklist_takes_the_one_shared_scale_and_bands():
    shared = load_model(ROOT / "data/checklist_scale.yml", SharedScale)
    for path in sorted((ROOT / "data/checklists").glob("*.yml")):
        assert "scale" not in yaml.safe_load(path.read_text()), f"{path.name} copies the scale"
    checklist = load_model(ROOT / "data/checklists/not-personal.yml", Checklist,
                           context={"strategy_ids": IDS, "shared_scale": shared})
    assert checklist.scale == shared.scale
    assert [b.label for b in checklist.bands] == [b.label for b in shared.bands]
    assert [(b.min, b.max) for b in checklist.bands] == [(0, 6), (7, 12), (13, 18)]


def test_one_edit_to_the_shared_scale_changes_every_checklist(tmp_path):
    text = (ROOT / "data/checklist_scale.yml").read_text()
    path = tmp_path / "checklist_scale.yml"
    path.write_text(text.replace("  - {label: Almost always, value: 3}\n", "  - {label: Almost always, value: 3}\n"
                                 "  - {label: Every day, value: 4}\n"))
    shared = load_model(path, SharedScale)
    for name in CHECKED + ["self-assessment"]:
        checklist = load_model(ROOT / "data/checklists" / f"{name}.yml", Checklist,
                               context={"strategy_ids": IDS, "shared_scale": shared})
        assert checklist.scale[-1].label == "Every day"
        assert checklist.bands[-1].max == checklist.max_score == 4 * len(checklist.items)


def test_a_bad_shared_scale_names_its_own_file(tmp_path):
    path = tmp_path / "checklist_scale.yml"
    text = (ROOT / "data/checklist_scale.yml").read_text()
    path.write_text(text.replace("{label: Never, value: 0}", "{label: Never, value: 9}"))
    with pytest.raises(DataError) as err:
        load_model(path, SharedScale)
    assert "checklist_scale.yml" in str(err.value) and "lowest answer must be worth 0" in str(err.value)


def test_bands_must_match_the_shared_bands_in_number(tmp_path):
    data = raw()
    data["bands"] = data["bands"][:2]
    fails(tmp_path, data, "bands", "2 given", "has 3")


def test_the_overall_checklist_covers_every_strategy_with_a_checklist(tmp_path):
    data = raw("self-assessment")
    data["items"] = [i for i in data["items"] if i["strategy"] != CHECKED[-1]]
    fails(tmp_path, data, "statements", f"none for strategy {CHECKED[-1]}")


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
