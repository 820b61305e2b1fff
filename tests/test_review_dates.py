"""Every content page says when it was last reviewed and when the next review
is due: a page without both dates fails the build, naming the page."""

from datetime import date

import pytest

from guide_pages import article, content_pages, page_url, soup
from macros.errors import DataError
from macros.review_dates import check_review_dates, page_review_dates
from support import ROOT, build, copy_project

GOOD = "---\ntitle: A page\nlast_reviewed: 2026-12-01\nnext_review_due: 2027-06-01\n---\n\n# A page\n"


def test_good_dates_read():
    dates = page_review_dates("docs/a.md", GOOD)
    assert (dates.last_reviewed, dates.next_review_due) == (date(2026, 12, 1), date(2027, 6, 1))


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD.replace("last_reviewed: 2026-12-01\n", ""), "front matter, last_reviewed"),
        (GOOD.replace("next_review_due: 2027-06-01\n", ""), "front matter, next_review_due"),
        ("# No front matter at all\n", "front matter, last_reviewed"),
        (GOOD.replace("2026-12-01", "'2026-12-01'"), "last_reviewed"),
        (GOOD.replace("2027-06-01", "2026-11-01"), "must come after"),
        (GOOD.replace("2027-06-01", "2028-06-01"), "review at least every"),
    ],
    ids=["no last_reviewed", "no next_review_due", "no front matter", "quoted date", "due before reviewed",
         "more than a year"],
)
def test_bad_dates_fail_naming_the_page(text, expected):
    with pytest.raises(DataError) as err:
        page_review_dates("docs/a.md", text)
    assert str(err.value).startswith("docs/a.md: ")
    assert expected in str(err.value)


def test_folder_check_names_every_failing_page(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "fine.md").write_text(GOOD, encoding="utf-8")
    (docs / "sub" / "one.md").write_text("---\ntitle: One\n---\n", encoding="utf-8")
    (docs / "two.md").write_text("# Two\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        check_review_dates(docs)
    assert "docs/sub/one.md" in str(err.value) and "docs/two.md" in str(err.value)
    assert "fine.md" not in str(err.value)


def test_every_real_page_has_review_dates():
    found = check_review_dates(ROOT / "docs")
    assert len(found) == len(content_pages())


def test_page_without_dates_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("last_reviewed: 2026-12-01\n", ""), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/about.md" in result.stdout + result.stderr
    assert "last_reviewed" in result.stdout + result.stderr


@pytest.mark.parametrize("src", content_pages(), ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_built_page_shows_its_review_dates(site_dir, src):
    dates = check_review_dates(ROOT / "docs")[src.relative_to(ROOT).as_posix()]
    shown = article(soup(site_dir, page_url(src))).select_one(".tg-reviewed")
    assert shown is not None
    text = " ".join(shown.get_text(" ").split())
    assert f"Last reviewed: {dates.last_reviewed.day} {dates.last_reviewed:%B %Y}" in text
    assert f"Next review due: {dates.next_review_due.day} {dates.next_review_due:%B %Y}" in text
    assert [t["datetime"] for t in shown.select("time")] == [dates.last_reviewed.isoformat(),
                                                             dates.next_review_due.isoformat()]
