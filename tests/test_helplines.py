"""Helplines as data (data/helplines.yml, macros/helplines.py): the schema,
a build that fails on an entry without a check date, and the safety page
built from it: the right lines in the right sections, tappable numbers."""

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from guide_pages import soup
from macros.errors import DataError
from macros.helplines import Helplines, Way, last_checked, long_date, render_helplines
from macros.loading import load_model
from support import ROOT, build, copy_project

DATA = ROOT / "data" / "helplines.yml"


def raw() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "helplines.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_the_data_file_is_valid_and_covers_the_brief():
    services = load_model(DATA, Helplines).services
    numbers = {w.number for s in services for w in s.ways if w.number}
    for number in ("911", "999", "112", "988", "+18007997233", "88788", "08082000247", "08000271234",
                   "08088010800", "08088021414", "116123", "08088010327", "08009995428", "08088024040"):
        assert number in numbers, number
    assert {s.group for s in services} == {"emergency", "crisis", "abuse", "harm"}


def test_every_entry_is_checked_with_a_source_or_says_why_not():
    for service in load_model(DATA, Helplines).services:
        if service.checked is None:
            assert service.source is None and "Not yet checked" in service.note, service.id
        else:
            assert service.source.startswith("https://"), service.id
            assert service.checked <= date(2026, 12, 1), service.id


def test_a_missing_check_date_names_file_and_field(tmp_path):
    data = raw()
    del data["services"][3]["checked"]
    path = write(tmp_path, data)
    with pytest.raises(DataError) as err:
        load_model(path, Helplines)
    assert str(path) in str(err.value)
    assert "service 4, checked" in str(err.value) and "this field is missing" in str(err.value)


def test_unchecked_without_a_note_fails(tmp_path):
    data = raw()
    entry = data["services"][0]
    entry.update(checked=None, source=None)
    entry.pop("note", None)
    with pytest.raises(DataError, match="needs a note"):
        load_model(write(tmp_path, data), Helplines)


def test_checked_without_a_source_fails(tmp_path):
    data = raw()
    data["services"][1]["source"] = None
    with pytest.raises(DataError, match="source page"):
        load_model(write(tmp_path, data), Helplines)


@pytest.mark.parametrize("way,message", [
    ({"kind": "call", "label": "x"}, "needs a number"),
    ({"kind": "chat", "label": "x", "number": "123"}, "needs a url"),
    ({"kind": "call", "label": "x", "number": "12 34"}, "pattern"),
    ({"kind": "web", "label": "x", "url": "javascript:alert(1)"}, "pattern"),
    ({"kind": "call", "label": "x", "number": "999", "message": "HI"}, "only a 'text' way"),
])
def test_ways_are_validated(way, message):
    with pytest.raises(Exception, match=message):
        Way.model_validate(way)


def test_links_for_calls_and_texts():
    assert Way.model_validate({"kind": "call", "label": "999", "number": "999"}).href == "tel:999"
    text = Way.model_validate({"kind": "text", "label": "88788", "number": "88788", "message": "START"})
    assert text.href == "sms:88788?body=START"


def test_rendering_escapes_data_text():
    services = load_model(DATA, Helplines).services[:1]
    hostile = services[0].model_copy(update={"name": "<script>x</script>"})
    html = render_helplines([hostile], headings=False)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_dates_read_plainly():
    assert long_date(date(2026, 12, 1)) == "1 December 2026"
    assert last_checked(load_model(DATA, Helplines).services) == date(2026, 12, 1)


def test_a_build_fails_on_an_entry_without_a_check_date(tmp_path):
    project = copy_project(tmp_path / "project")
    data = yaml.safe_load((project / "data" / "helplines.yml").read_text(encoding="utf-8"))
    del data["services"][0]["checked"]
    (project / "data" / "helplines.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "helplines.yml" in log and "service 1, checked" in log and "this field is missing" in log


# The built safety page.

def section(page, heading_id: str):
    """The elements between the h2 with this id and the next h2."""
    h2 = page.find("h2", id=heading_id)
    assert h2 is not None, heading_id
    out = []
    for el in h2.find_next_siblings():
        if el.name == "h2":
            break
        out.append(el)
    return out


def hrefs(elements) -> list[str]:
    return [a["href"] for el in elements for a in el.select("a[href]")]


@pytest.fixture(scope="module")
def safety(site_dir):
    return soup(site_dir, "safety/")


def test_fixed_ids_are_kept(safety):
    for heading_id in ("get-help-now", "helplines", "if-you-harm", "staying-safe-online"):
        assert safety.find(id=heading_id) is not None, heading_id


def test_staying_safe_online_comes_near_the_top(safety):
    ids = [h2.get("id") for h2 in safety.select("article h2")]
    assert ids.index("staying-safe-online") <= 1, ids


def test_crisis_lines_are_in_get_help_now(safety):
    links = hrefs(section(safety, "get-help-now"))
    for href in ("tel:911", "tel:999", "tel:112", "tel:988", "sms:988", "tel:116123"):
        assert href in links, href


def test_helplines_by_country_or_nation(safety):
    part = section(safety, "helplines")
    regions = [h3.get_text(strip=True) for el in part for h3 in el.select("h3.tg-helplines__region")]
    assert regions[:5] == ["United States", "England", "Scotland", "Wales", "Northern Ireland"]
    england = next(el for el in part for h3 in el.select("h3") if h3.get_text(strip=True) == "England")
    assert england is not None
    # England's line sits under "England", not under the whole UK.
    html = "".join(str(el) for el in part)
    england_at = html.index(">England<")
    assert html.index("tel:08082000247") > england_at
    assert html.index("tel:08082000247") < html.index(">Scotland<")


def test_people_who_harm_go_to_respect_not_to_survivors_lines(safety):
    harm = hrefs(section(safety, "if-you-harm"))
    assert "tel:08088024040" in harm
    assert "tel:08082000247" not in harm and "tel:+18007997233" not in harm
    assert "tel:08088024040" not in hrefs(section(safety, "helplines"))


def test_staying_safe_online_covers_what_a_watched_reader_needs(safety):
    text = " ".join(el.get_text(" ", strip=True) for el in section(safety, "staying-safe-online")).lower()
    for words in ("history", "downloads", "shared", "private", "spyware", "passwords",
                  "exit this page", "shift", "can't erase history"):
        assert words in text, words
    assert "../privacy/" in hrefs(section(safety, "staying-safe-online"))


def test_the_page_says_when_numbers_were_last_checked(safety):
    text = safety.select_one("article").get_text(" ", strip=True)
    assert "We last checked these numbers on 1 December 2026" in text
    assert len(safety.select(".tg-helpline__checked--not-yet")) >= 1
    assert re.search(r"Checked on the service's own website on 1 December 2026", text)
