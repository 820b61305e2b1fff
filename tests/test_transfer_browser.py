"""Download a worksheet's answers, then load them back (another device, or
after clearing): the same answers return, and a file that is not ours is
refused with a clear message. Saving is left to the storage code, so these
tests read the fields, never localStorage."""

import json
import re

import pytest
from playwright.sync_api import expect

from support import site_url, wait_ready

SHEET = "past-and-present"
ANSWERS = {
    "What happened, in a few neutral sentences?": "Late home.\n\nThey went quiet; I said sorry.",
    "The first feeling it stirred in you": "a sting of <hurt>",
}


def open_sheet(page, server, sheet_id=SHEET):
    page.goto(server.url(f"worksheets/{sheet_id}/"))
    return wait_ready(page, "transfer", f"[data-tg-worksheet='{sheet_id}']")


def fill(page):
    for label, value in ANSWERS.items():
        page.get_by_label(label).fill(value)
    page.get_by_label("Say what I will do, then do it").check()
    page.get_by_label("2 of 5").check()


def download(page, tmp_path, at_end=False):
    name = "Download" if at_end else "Download my answers"
    with page.expect_download() as info:
        page.get_by_role("button", name=name, exact=True).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return info.value.suggested_filename, path


def load(page, path):
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Load answers from a file").click()
    chooser.value.set_files(str(path))


def values(form):
    return form.evaluate("""f => {
        const out = {};
        f.querySelectorAll('textarea, input[type=text]').forEach(e => { out[e.name] = e.value; });
        f.querySelectorAll('input[type=checkbox], input[type=radio]').forEach(e => { out[e.name + '=' + e.value] = e.checked; });
        return out;
    }""")


@pytest.mark.browser
def test_download_is_dated_names_the_sheet_and_leaves_out_empty_answers(page, server, tmp_path):
    open_sheet(page, server)
    fill(page)
    name, path = download(page, tmp_path)
    assert re.fullmatch(rf"{SHEET}-answers-\d{{4}}-\d{{2}}-\d{{2}}\.md", name)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Their past, your present\n")
    assert re.search(r"downloaded on \d{1,2} \w+ \d{4}", text)
    assert f"{site_url()}worksheets/{SHEET}/" in text
    # Multi-line answers stay as typed; empty questions are not listed.
    assert "**What happened, in a few neutral sentences?**\n\nLate home.\n\nThey went quiet; I said sorry." in text
    assert "**The first feeling it stirred in you**\n\na sting of <hurt>" in text
    assert "- [x] Say what I will do, then do it" in text
    assert "2 of 5 (1 = Not at all, 5 = Very much)" in text
    assert "—" not in text and "One sentence I can say to myself" not in text
    assert "## Next time" in text and "## Sorting it out" in text
    block = re.search(r"```json trust-guide-worksheet-answers\n(.*?)\n```", text, re.S)
    data = json.loads(block.group(1))
    assert data["sheet"] == SHEET and data["version"] == 1
    assert data["answers"]["first-feeling"] == "a sting of <hurt>"
    assert page.log.foreign_requests == []


@pytest.mark.browser
def test_download_then_load_back_gives_the_same_answers(browser, server, tmp_path):
    from conftest import open_context

    context, log = open_context(browser, server)
    page = context.new_page()
    form = open_sheet(page, server, "trust-log")
    page.get_by_label("Tuesday, How it went").fill("Better than I feared,\nand calmer.")
    page.get_by_label("Week starting").fill("2 March")
    page.get_by_label("4 of 5").check()
    before = values(form)
    _, path = download(page, tmp_path, at_end=True)  # the tools at the sheet's end
    context.close()

    # A fresh browser, as on another device: nothing saved there.
    context, log = open_context(browser, server)
    page = context.new_page()
    form = open_sheet(page, server, "trust-log")
    seen = form.evaluate("f => { window.__events = 0; f.addEventListener('input', () => window.__events++); return true; }")
    assert seen
    load(page, path)
    expect(page.locator(".tg-ws__status")).to_contain_text("Loaded 3 answers")
    assert values(form) == before
    assert page.evaluate("window.__events") > 0  # the storage code hears about it
    # The printed twin shows the loaded answer too.
    assert "Better than I feared" in page.locator("td .tg-ws__answer").nth(5).text_content()
    assert log.page_errors == []
    context.close()


@pytest.mark.browser
def test_loading_replaces_answers_only_after_asking(page, server, tmp_path):
    form = open_sheet(page, server)
    fill(page)
    _, path = download(page, tmp_path)
    page.get_by_label("The first feeling it stirred in you").fill("changed")
    page.once("dialog", lambda d: d.dismiss())
    load(page, path)
    page.wait_for_timeout(200)
    expect(page.get_by_label("The first feeling it stirred in you")).to_have_value("changed")
    page.once("dialog", lambda d: d.accept())
    load(page, path)
    expect(page.get_by_label("The first feeling it stirred in you")).to_have_value("a sting of <hurt>")
    assert form.locator("input[type=checkbox]:checked").count() == 1


@pytest.mark.browser
@pytest.mark.parametrize("content, message", [
    ("Just some notes I wrote.\n", "is not a download of answers from this guide"),
    ("```json trust-guide-worksheet-answers\n{not json\n```\n", "is not a download of answers from this guide"),
    ('```json trust-guide-worksheet-answers\n{"format": "trust-guide-worksheet-answers", "sheet": "comfort-map",'
     ' "title": "Comfort map", "answers": {}}\n```\n', 'another worksheet ("Comfort map")'),
])
def test_a_file_that_is_not_ours_is_refused_clearly(page, server, tmp_path, content, message):
    form = open_sheet(page, server)
    page.get_by_label("The first feeling it stirred in you").fill("keep me")
    path = tmp_path / "notes.md"
    path.write_text(content, encoding="utf-8")
    load(page, path)
    status = page.locator(".tg-ws__status")
    expect(status).to_contain_text(message)
    expect(status).to_contain_text("nothing was changed")
    expect(page.get_by_label("The first feeling it stirred in you")).to_have_value("keep me")
    assert "tg-ws__status--warn" in status.get_attribute("class")
    assert form.evaluate("f => f.querySelector('input[type=file]').value") == ""
