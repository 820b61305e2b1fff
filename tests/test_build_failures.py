"""Each way data and pages can disagree fails the build with a short block
that names the file and the field, and no traceback. One small fixture
project (a copy of the sources) per case.

Cases that only the data checks catch run those checks directly on the
fixture project (seconds, not a build); a full build runs where a hook or a
page is needed, and for one case of each kind of data check, to prove the
build runs them and stops."""

import shutil
from pathlib import Path

import pytest

from macros import integrity
from macros.checklists.macros import load_checklists
from macros.errors import DataError
from macros.loading import load_model
from macros.models import StrategyList
from macros.sources import load_sources
from macros.worksheets.macros import load_worksheets
from support import build, copy_project

# Cases a full build must show: pages, hooks, links; and the wiring of the
# integrity check (first case) and of the data loader (duplicate key).
NEEDS_BUILD = {"worksheet id typo", "duplicate YAML key", "whitespace-only front-matter title",
               "front-matter title too long", "raw-HTML links to no page and no anchor",
               "front matter not YAML"}


def check_data(project: Path) -> str:
    """What the build's data checks report for project, in the build's order:
    the macros load and validate the data (config time), then
    hooks/data_pages.py checks data against pages; '' when all is well."""
    data = project / "data"
    try:
        catalog = load_model(data / "strategies.yml", StrategyList)
        strategy_ids = [s.id for s in catalog.strategies]
        worksheet_ids = {p.stem for p in (data / "worksheets").glob("*.yml")}
        load_worksheets(data / "worksheets", strategy_ids)
        load_checklists(data, catalog)
        load_sources(data / "sources.yml", catalog.strategies, data / "strategies.yml")
    except DataError as exc:
        return str(exc)
    sources = {p.relative_to(project / "docs").as_posix(): p.read_text(encoding="utf-8", errors="replace")
               for p in (project / "docs").rglob("*.md")}
    found = integrity.problems(catalog, worksheet_ids, {p.stem for p in (data / "checklists").glob("*.yml")},
                               sources)
    return integrity.report(found) if found else ""


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: {old!r} not found; has the data changed?"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def strategies(p, old, new):
    edit(p / "data/strategies.yml", old, new)


def new_worksheet(p):
    text = (p / "data/worksheets/comfort-map.yml").read_text(encoding="utf-8")
    (p / "data/worksheets/extra.yml").write_text(text.replace("id: comfort-map", "id: extra", 1), encoding="utf-8")


def new_checklist(p):
    text = (p / "data/checklists/comfort-zone.yml").read_text(encoding="utf-8")
    (p / "data/checklists/extra.yml").write_text(text.replace("id: comfort-zone", "id: extra", 1), encoding="utf-8")


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


CASES = {
    "worksheet id typo": (lambda p: strategies(p, "worksheet: comfort-map", "worksheet: comfort-mpa"),
                          ["data/strategies.yml", "strategy 2, worksheet", "'comfort-mpa'", "comfort-map"]),
    "checklist id typo": (lambda p: strategies(p, "checklist: comfort-zone", "checklist: comfort-zon"),
                          ["data/strategies.yml", "strategy 2, checklist", "'comfort-zon'"]),
    "slug with no page": (lambda p: strategies(p, "slug: respect-their-comfort-zone", "slug: respect-their-comfort"),
                          ["data/strategies.yml", "strategy 2, slug", "docs/strategies/respect-their-comfort.md"]),
    "two strategies, one slug": (
        lambda p: strategies(p, "slug: reward-openness-with-kindness", "slug: respect-their-comfort-zone"),
        ["data/strategies.yml", "strategy 3, slug", "already used by strategy 2"]),
    "worksheet data with no page": (new_worksheet,
                                    ["data/worksheets/extra.yml", "docs/worksheets/extra.md is missing"]),
    "worksheet page with no data": (lambda p: (p / "data/worksheets/trust-log.yml").unlink(),
                                    ["docs/worksheets/trust-log.md", "no data/worksheets/trust-log.yml"]),
    "checklist data with no page": (new_checklist,
                                    ["data/checklists/extra.yml", "docs/checklists/extra.md is missing"]),
    "checklist page with no data": (lambda p: (p / "data/checklists/self-assessment.yml").unlink(),
                                    ["docs/checklists/self-assessment.md", "no data/checklists/self-assessment.yml"]),
    "data file saved as .yaml": (
        lambda p: shutil.move(p / "data/worksheets/trust-log.yml", p / "data/worksheets/trust-log.yaml"),
        ["data/worksheets/trust-log.yaml", "must end in .yml"]),
    "duplicate YAML key": (lambda p: append(p / "data/worksheets/trust-log.yml",
                                           "sections:\n  - heading: Again\n    fields: []\n"),
                           ["data/worksheets/trust-log.yml, line", "'sections' appears twice"]),
    "whitespace-only strategy title": (lambda p: strategies(p, "title: Respect their comfort zone", 'title: "   "'),
                                       ["data/strategies.yml, line", "strategy 2, title", "only spaces"]),
    "whitespace-only worksheet title": (
        lambda p: edit(p / "data/worksheets/comfort-map.yml", 'title: "Comfort map"', 'title: " "'),
        ["data/worksheets/comfort-map.yml, line 2: title", "only spaces"]),
    "whitespace-only front-matter title": (
        lambda p: edit(p / "docs/worksheets/comfort-map.md", "title: \"{{ worksheet_title('comfort-map') }}\"",
                       'title: "  "'),
        ["docs/worksheets/comfort-map.md", "title", "only spaces"]),
    "title too long": (lambda p: strategies(p, "title: Respect their comfort zone", "title: " + "Respect " * 11),
                       ["data/strategies.yml", "strategy 2, title", "at most 80 characters"]),
    "front-matter title too long": (
        lambda p: edit(p / "docs/worksheets/comfort-map.md", "title: \"{{ worksheet_title('comfort-map') }}\"",
                       "title: " + "Comfort " * 11),
        ["docs/worksheets/comfort-map.md", "at most 80"]),
    "checklist scale not from 0": (
        lambda p: edit(p / "data/checklist_scale.yml", "{label: Never, value: 0}", "{label: Never, value: 4}"),
        ["data/checklist_scale.yml", "lowest answer must be worth 0"]),
    "overall self-check misses a strategy": (
        lambda p: [edit(p / "data/checklists/self-assessment.yml", "strategy: real-interest,", "strategy: be-there,")
                   for _ in range(2)],
        ["data/checklists/self-assessment.yml", "none for strategy real-interest"]),
    # One build for both: the link check names every broken link of a page.
    "raw-HTML links to no page and no anchor": (
        lambda p: append(p / "docs/about.md",
                         '\n<p><a href="../no-such-page/">x</a></p>\n\n<p><a href="../safety/#nowhere">y</a></p>\n'),
        ["about/index.html", "leads nowhere", "../no-such-page/", "../safety/#nowhere"]),
    "data file not UTF-8": (lambda p: (p / "data/worksheets/trust-log.yml").write_bytes(
        (p / "data/worksheets/trust-log.yml").read_bytes().replace(b"Weekly", "Wöchentlich".encode("latin-1"))),
        ["data/worksheets/trust-log.yml", "not saved as UTF-8"]),
    "strategy cites an unknown source": (
        lambda p: strategies(p, "- source: johnson-2008", "- source: johnson-2009"),
        ["data/strategies.yml: strategy 2, based_on, cites 2, source", "unknown source 'johnson-2009'",
         "data/sources.yml"]),
    "strategy without based_on": (
        lambda p: strategies(p, "    based_on:\n      agrees_with: >-\n        This page agrees with the idea",
                             "    tags:\n      agrees_with: >-\n        This page agrees with the idea"),
        ["data/strategies.yml", "strategy 2, based_on"]),
    "front matter not YAML": (lambda p: edit(p / "docs/worksheets/comfort-map.md", "# Strategy pages come first",
                                             "bad: [unclosed\n# Strategy pages come first"),
                              ["docs/worksheets/comfort-map.md", "front matter", "not valid YAML"]),
}


def expect_named(out: str, expected: list[str]) -> None:
    for part in expected:
        assert part in out, out
    assert "Traceback" not in out, out
    assert "Problem:" in out or "leads nowhere" in out, out


@pytest.mark.parametrize("case", sorted(NEEDS_BUILD))
def test_the_build_fails_naming_file_and_field(tmp_path, case):
    mutate, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    mutate(project)
    result = build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0, f"built despite: {case}\n{out}"
    expect_named(out, expected)


@pytest.mark.parametrize("case", sorted(set(CASES) - NEEDS_BUILD))
def test_the_data_checks_fail_naming_file_and_field(tmp_path, case):
    mutate, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    mutate(project)
    expect_named(check_data(project), expected)


def test_the_data_checks_pass_on_the_real_project():
    assert check_data(Path(__file__).resolve().parent.parent) == ""


def test_every_build_case_exists():
    assert NEEDS_BUILD <= set(CASES)
