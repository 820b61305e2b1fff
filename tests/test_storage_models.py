"""A worksheet's `renamed:` map (old field id -> new field id), which moves
saved answers when a field is renamed: validated, and written into the page."""

import json
import re

from test_worksheet_models import GOOD, changed, fails

from macros.worksheets.models import Worksheet
from macros.worksheets.rendering import render_worksheet


def test_renamed_must_point_to_a_field_of_the_sheet(tmp_path):
    fails(tmp_path, changed(renamed={"old-feeling": "no-such-field"}),
          "renamed: 'old-feeling' points to 'no-such-field'")


def test_renamed_old_id_must_be_gone(tmp_path):
    fails(tmp_path, changed(renamed={"what-happened": "first-feeling"}),
          "renamed: 'what-happened' is still a field id")


def test_renamed_ids_are_ids(tmp_path):
    fails(tmp_path, changed(renamed={"Old Feeling": "first-feeling"}), "renamed")


def test_renamed_reaches_the_page_as_json_text():
    sheet = Worksheet.model_validate(changed(renamed={"old-feeling": "first-feeling"}),
                                     context={"strategy_ids": None})
    html = render_worksheet(sheet, None, "https://example.org/")
    found = re.search(r"data-tg-renamed='([^']*)'", html)
    assert found, "no data-tg-renamed attribute"
    assert json.loads(found.group(1)) == {"old-feeling": "first-feeling"}


def test_no_attribute_without_renames():
    sheet = Worksheet.model_validate(GOOD)
    assert "data-tg-renamed" not in render_worksheet(sheet, None, "https://example.org/")
