"""Worksheet data: each bad case names the file and the field; strings are escaped."""

import re
from pathlib import Path

import pytest
import yaml

from guide_pages import strategies
from macros.errors import DataError
from macros.loading import load_model
from macros.models import Strategy
from macros.worksheets.macros import load_worksheets
from macros.worksheets.models import Worksheet
from macros.worksheets.rendering import render_booklet, render_index, render_worksheet
from support import ROOT, build, copy_project

IDS = [s["id"] for s in strategies()]
GOOD = yaml.safe_load((ROOT / "data/worksheets/past-and-present.yml").read_text())


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / f"{data.get('id', 'sheet')}.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def fails(tmp_path, data, *expected):
    path = write(tmp_path, data)
    with pytest.raises(DataError) as err:
        load_model(path, Worksheet, context={"strategy_ids": IDS})
    message = str(err.value)
    assert str(path) in message
    for part in expected:
        assert part in message, message


def changed(**top):
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    data.update(top)
    return data


def test_all_shipped_sheets_load():
    sheets = load_worksheets(ROOT / "data/worksheets", IDS)
    assert len(sheets) == 6
    assert {s.strategy for s in sheets.values()} >= set(IDS)


def test_missing_field(tmp_path):
    data = changed()
    del data["purpose"]
    fails(tmp_path, data, "purpose", "this field is missing")


def test_wrong_type(tmp_path):
    data = changed()
    data["sections"][0]["fields"][0]["lines"] = "three"
    fails(tmp_path, data, "section 1, field 1, lines")


def test_unknown_field_kind(tmp_path):
    data = changed()
    data["sections"][1]["fields"][0]["kind"] = "drawing"
    fails(tmp_path, data, "section 2, field 1, kind", "drawing")


def test_unknown_strategy(tmp_path):
    fails(tmp_path, changed(strategy="be-perfect"), "strategy", "unknown strategy id 'be-perfect'")


def test_duplicate_field_ids(tmp_path):
    data = changed()
    data["sections"][1]["fields"][0]["id"] = "what-happened"
    fails(tmp_path, data, "duplicate field id 'what-happened'")


def test_empty_section(tmp_path):
    data = changed()
    data["sections"][2]["fields"] = []
    fails(tmp_path, data, "section 3, fields")


def test_table_row_labels_must_match_rows(tmp_path):
    data = changed()
    data["sections"][0]["fields"][1] = {"id": "t", "kind": "table", "label": "Log",
                                        "columns": ["A"], "rows": 3, "row_labels": ["Mon"]}
    fails(tmp_path, data, "section 1, field 2", "row_labels")


def test_id_must_match_file_name(tmp_path):
    folder = tmp_path / "worksheets"
    folder.mkdir()
    (folder / "other-name.yml").write_text(yaml.safe_dump(GOOD))
    with pytest.raises(DataError, match="other-name.yml: id"):
        load_worksheets(folder, IDS)


STRATEGY = Strategy.model_validate({
    "id": "openness", "number": 3, "title": "Meet <b>openness</b>", "slug": "x", "summary": "s",
    "based_on": {"agrees_with": "An idea.", "cites": [{"source": "a-2000", "supports": "One sentence."}]}})


def test_rendering_escapes_data():
    data = changed(title="Sheet <script>alert(1)</script>")
    data["sections"][0]["fields"][0]["label"] = "Prompt <script>bad()</script>"
    sheet = Worksheet.model_validate(data)
    html = render_worksheet(sheet, STRATEGY, "https://example.org/w/")
    assert "<script>" not in html
    assert "Prompt &lt;script&gt;bad()&lt;/script&gt;" in html
    assert "Meet &lt;b&gt;openness&lt;/b&gt;" in html
    booklet = render_booklet([(sheet, STRATEGY, "https://example.org/w/")])
    assert "<script>" not in booklet and "<form" in booklet
    index = render_index([(sheet, None)], "worksheets/")
    assert "<script>" not in index and "All the strategies" in index


def test_rendering_has_labelled_controls_and_footer():
    sheet = Worksheet.model_validate(GOOD)
    html = render_worksheet(sheet, STRATEGY, "https://example.org/worksheets/past-and-present/")
    assert 'data-tg-worksheet="past-and-present" data-tg-version="1"' in html
    assert '<label class="tg-ws__label" for="past-and-present--what-happened">' in html
    assert 'id="past-and-present--what-happened"' in html
    assert "example.org/worksheets/past-and-present/ · May be copied" in html
    assert "<script" not in html and not re.search(r"\son[a-z]+=", html)  # no inline JS


def test_unknown_worksheet_id_fails_build_naming_page(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/worksheets/care-plan.md"
    page.write_text(page.read_text().replace("worksheet('care-plan')", "worksheet('no-such-sheet')"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "worksheets/care-plan.md" in out and "no-such-sheet" in out


def test_bad_data_file_fails_build_naming_file(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data/worksheets/trust-log.yml"
    path.write_text(path.read_text().replace("rows: 7", "rows: seven"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "trust-log.yml" in out and "section 1, field 2, rows" in out
