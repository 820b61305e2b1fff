"""Errors for editors: one short block per problem (file, line, the field in
words counted from 1, what is allowed, one example), no traceback unless
TRUST_GUIDE_DEBUG=1, and YAML's yes/no, numbers and dates read as the text
that was written where text is expected."""

import re

import pytest

from guide_pages import strategies
from macros.checklists.models import Checklist, SharedScale
from macros.errors import DataError
from macros.loading import load_model
from macros.models import StrategyList
from macros.worksheets.models import Worksheet
from support import BUILD_ENV, MKDOCS, ROOT, build, copy_project

IDS = [s["id"] for s in strategies()]
SHEET = (ROOT / "data/worksheets/past-and-present.yml").read_text(encoding="utf-8")
CHECKLIST = (ROOT / "data/checklists/comfort-zone.yml").read_text(encoding="utf-8")
SCALE = (ROOT / "data/checklist_scale.yml").read_text(encoding="utf-8")


def write(tmp_path, text, name="past-and-present.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error(path, model=Worksheet, **context) -> str:
    with pytest.raises(DataError) as err:
        load_model(path, model, context=context or {"strategy_ids": IDS})
    return str(err.value)


def test_yaml_yes_no_numbers_and_dates_are_read_as_the_text_written(tmp_path):
    text = re.sub(r"^time_needed: .*$", "time_needed: 25", SHEET, count=1, flags=re.M)
    text = re.sub(r"^(\s+label: ).*$", r"\1No", text, count=1, flags=re.M)
    text = re.sub(r"^purpose: .*$", "purpose: 2026-12-01", text, count=1, flags=re.M)
    sheet = load_model(write(tmp_path, text), Worksheet, context={"strategy_ids": IDS})
    assert sheet.time_needed == "25"
    assert sheet.sections[0].fields[0].label == "No"
    assert sheet.purpose == "2026-12-01"


def test_a_checklist_answer_label_no_is_text(tmp_path):
    text = SCALE.replace("{label: Never, value: 0}", "{label: No, value: 0}")
    shared = load_model(write(tmp_path, text, "checklist_scale.yml"), SharedScale)
    worksheets = sorted(p.stem for p in (ROOT / "data/worksheets").glob("*.yml"))
    checklist = load_model(write(tmp_path, CHECKLIST, "comfort-zone.yml"), Checklist,
                           context={"strategy_ids": IDS, "worksheet_ids": worksheets, "shared_scale": shared})
    assert checklist.scale[0].label == "No"


def test_a_block_names_file_line_field_allowed_and_example(tmp_path):
    lines = SHEET.splitlines()
    n = next(i for i, line in enumerate(lines) if line.strip().startswith("- id:") and i > 10)
    lines[n] = lines[n].replace("- id: ", "- id: Not An Id ")
    message = error(write(tmp_path, "\n".join(lines) + "\n"))
    first = message.splitlines()[0]
    assert first.startswith(f"{tmp_path / 'past-and-present.yml'}, line {n + 1}: section 1, field 1, id"), message
    assert "  Problem: 'Not An Id" in message
    assert "  Allowed: lowercase letters a-z, digits 0-9 and single hyphens" in message
    assert "  Example: id: comfort-map" in message
    # No raw regular expression, no zero-based paths, no pydantic words.
    for word in ("^[a-z0-9]", "[0]", "discriminator", "dictionary", "Input should"):
        assert word not in message, message


def test_one_block_per_problem(tmp_path):
    text = SHEET.replace("\ntitle:", "\ncolour: red\ntitle:", 1)
    text = re.sub(r"^time_needed: .*$", "time_needed: [a, list]", text, count=1, flags=re.M)
    message = error(write(tmp_path, text))
    blocks = message.split("\n\n")
    assert len(blocks) == 2, message
    assert "'colour' is not a field here" in blocks[0] or "'colour' is not a field here" in blocks[1]
    assert any("time_needed" in b and "should be text, but YAML read it as a list" in b for b in blocks)


def test_an_unknown_field_kind_lists_the_kinds(tmp_path):
    text = SHEET.replace("kind: lines", "kind: drawing", 1)
    message = error(write(tmp_path, text))
    assert "section 1, field 1, kind" in message and "'drawing' is not one of the choices" in message
    assert "'lines', 'short', 'checklist', 'rating', 'table'" in message


def test_strategy_numbers_count_from_one(tmp_path):
    text = (ROOT / "data/strategies.yml").read_text(encoding="utf-8").replace("number: 3", "number: three")
    message = error(write(tmp_path, text, "strategies.yml"), StrategyList)
    assert "strategy 3, number" in message and "whole number" in message


def test_a_typo_in_a_macro_call_is_a_short_block_without_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ related('nope') }}\n", encoding="utf-8")
    out = build(project, tmp_path / "site")
    text = out.stdout + out.stderr
    assert out.returncode != 0 and "unknown strategy id 'nope'" in text
    assert "Traceback" not in text and "Macro Rendering Error" not in text, text


def test_trust_guide_debug_shows_the_traceback(tmp_path):
    import subprocess

    project = copy_project(tmp_path / "project")
    path = project / "data/strategies.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("number: 2", "number: two"), encoding="utf-8")
    plain = build(project, tmp_path / "site")
    assert plain.returncode != 0 and "strategy 2, number" in plain.stderr
    assert "Traceback" not in plain.stderr
    debug = subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(tmp_path / "site2")], cwd=project,
                           env={**BUILD_ENV, "TRUST_GUIDE_DEBUG": "1"}, capture_output=True, text=True)
    assert debug.returncode != 0 and "Traceback" in debug.stderr
