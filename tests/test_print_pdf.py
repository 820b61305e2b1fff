"""Printed sheets as a counsellor would hand them out, and the built PDFs.

Every worksheet and self-check, blank and filled, on A4 and Letter (one
page opened and filled, printed on each size): how many
pages, no section cut by a page break, no near-empty page, the footer (short
address, page x of y) on every page, and an answered self-check printing its
own result. (The PDFs that tools/make_pdfs.py makes: test_make_pdfs.py.)"""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from support import ROOT, site_url, wait_ready

WORKSHEETS = sorted(p.stem for p in (ROOT / "data/worksheets").glob("*.yml"))
CHECKLISTS = sorted(p.stem for p in (ROOT / "data/checklists").glob("*.yml"))
# A sheet with a day-by-day diary needs two pages: the diary, then the review.
PAGES = {"trust-log": 2}
FORMATS = ["A4", "Letter"]
FOOTER_PT = 50  # the running footer sits in the bottom margin (17 mm = 48 pt)
LONG = "I stayed calm and listened, then told them what I would do next and did it. " * 2
CELL = "Asked before planning; it went well"
SHORT = site_url().split("://", 1)[1]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_of(page, fmt) -> PdfReader:
    page.emulate_media(media="print")
    data = page.pdf(format=fmt, tagged=True, outline=True)
    page.emulate_media(media="screen")
    return PdfReader(io.BytesIO(data))


def used_share(pdf_page) -> float:
    """How much of the page's height holds content: from its top down to the
    lowest line of text above the footer."""
    lowest = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if y > FOOTER_PT:
                lowest.append(y)

    pdf_page.extract_text(visitor_text=visit)
    height = float(pdf_page.mediabox.height)
    return (height - min(lowest)) / height if lowest else 0.0


def page_texts(reader) -> list[str]:
    return [flat(p.extract_text()) for p in reader.pages]


def fill_worksheet(page):
    """Every field answered at once, with the input and change events the
    worksheet's script reacts to (typing itself: test_worksheets_browser.py)."""
    page.evaluate("""([long, cell]) => {
        const form = document.querySelector('form[data-tg-worksheet]');
        const set = (el, value) => {
            if (value === true) el.checked = true; else el.value = value;
            el.dispatchEvent(new Event('input', {bubbles: true}));
            el.dispatchEvent(new Event('change', {bubbles: true}));
        };
        form.querySelectorAll('.tg-ws__field > textarea').forEach((el) => set(el, long));
        form.querySelectorAll('input[type=text], table textarea').forEach((el) => set(el, cell));
        form.querySelectorAll('input[type=checkbox]').forEach((el) => set(el, true));
        form.querySelectorAll('.tg-ws__scale').forEach(
            (g) => set([...g.querySelectorAll('input[type=radio]')].pop(), true));
    }""", [LONG, CELL])


def open_worksheet(page, server, sheet_id):
    page.goto(server.url(f"worksheets/{sheet_id}/"))
    wait_ready(page, "worksheet", f"[data-tg-worksheet='{sheet_id}']")
    expect(page.locator("html")).to_have_attribute("data-tg-running-footer", "")


def section_ends(page) -> list[tuple[str, str, str]]:
    """(section, its first line, its last line) as they print, for each section."""
    return page.evaluate("""() => [...document.querySelectorAll('.tg-ws__section')].map((s) => {
        const fields = s.querySelectorAll('.tg-ws__field');
        const last = fields[fields.length - 1];
        const kind = last.dataset.tgKind;
        let end = (last.querySelector('.tg-ws__label') || last).textContent;
        if (kind === 'checklist') end = [...last.querySelectorAll('.tg-ws__check span')].pop().textContent;
        if (kind === 'rating') end = last.querySelector('.tg-ws__end--high').textContent;
        // A table's last printed line: its last row's name, if rows have names.
        const rowName = kind === 'table' && [...last.querySelectorAll('tbody th[scope=row]')].pop();
        if (rowName) end = rowName.textContent;
        const head = s.querySelector('legend').textContent;
        return [head, head, end];
    })""")


def check_pages(reader, title, expected, label):
    texts = page_texts(reader)
    assert len(texts) == expected, f"{label}: {len(texts)} pages, expected {expected}"
    for n, (text, pdf_page) in enumerate(zip(texts, reader.pages, strict=True), start=1):
        assert f"page {n} of {expected}" in text, f"{label}: page {n} has no page number"
        assert SHORT in text and title in text, f"{label}: page {n} has no footer with title and address"
        assert "May be copied for personal or counselling use." in text
        share = used_share(pdf_page)
        assert share >= 0.25, f"{label}: page {n} is only {share:.0%} used"
    return texts


@pytest.mark.browser
@pytest.mark.parametrize("filled", [False, True], ids=["blank", "filled"])
@pytest.mark.parametrize("sheet_id", WORKSHEETS)
def test_worksheet_prints_as_a_handout(page, server, sheet_id, filled):
    open_worksheet(page, server, sheet_id)
    title = page.locator("form[data-tg-worksheet]").get_attribute("data-tg-title")
    if filled:
        fill_worksheet(page)
    ends = section_ends(page)
    for fmt in FORMATS:  # one page, printed on each paper size
        label = f"{sheet_id} {fmt} {'filled' if filled else 'blank'}"
        check_handout(pdf_of(page, fmt), title, sheet_id, ends, filled, label)


def check_handout(reader, title, sheet_id, ends, filled, label):
    texts = check_pages(reader, title, PAGES.get(sheet_id, 1), label)
    # No section is cut: its first and last lines print on the same page.
    for name, first, last in ends:
        first_pages = {n for n, t in enumerate(texts) if flat(first) in t}
        last_pages = {n for n, t in enumerate(texts) if flat(last) in t}
        assert first_pages & last_pages, f"{label}: section '{name}' is split across pages"
    body = " ".join(texts)
    assert "Name" in body and "Date" in body, label
    assert "To keep this private" in body, label
    for chrome in ["Skip to content", "Download my answers", "Load answers", "Clear my answers"]:
        assert chrome not in body, f"{label}: {chrome!r} printed"
    if filled:
        assert "I stayed calm and listened" in body and CELL in body, f"{label}: the answers did not print"


@pytest.mark.browser
@pytest.mark.parametrize("answered", [False, True], ids=["blank", "answered"])
@pytest.mark.parametrize("name", CHECKLISTS)
def test_self_check_prints_on_one_page(page, server, name, answered):
    page.goto(server.url(f"checklists/{name}/"))
    title = page.locator("h1").first.inner_text()
    result = page.locator(".tg-checklist__result")
    if answered:
        for item in page.locator(".tg-checklist__item").all():
            item.get_by_label("Often").check()
        expect(result).to_have_attribute("data-score", re.compile(r"\d+"))
    for fmt in FORMATS:  # one page, printed on each paper size
        check_self_check(page, pdf_of(page, fmt), title, name, answered,
                         f"{name} {fmt} {'answered' if answered else 'blank'}")


def check_self_check(page, reader, title, name, answered, label):
    result = page.locator(".tg-checklist__result")
    text = check_pages(reader, title, 1, label)[0]
    assert SHORT + "checklists/" + name in text, label
    printed = re.search(r"Printed on (\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4})", text)
    assert bool(printed) == answered, f"{label}: {text[:300]}"
    if not answered:
        assert "Date: ____" in text, label
    # Scoring explained, so a blank copy can be scored by hand.
    assert "Scoring key" in text and "Each answer gives points" in text, label
    items = page.locator(".tg-checklist__item legend").all_inner_texts()
    first, last = flat(items[0]), flat(items[-1])
    assert first in text and last in text, f"{label}: an item did not print"
    if answered:
        score, band = result.get_attribute("data-score"), result.get_attribute("data-band")
        assert f"Your score: {score} of" in text and band in text, label
        assert "My score: ____" not in text, label
    else:
        assert "Your score:" not in text and "My score:" in text, label


@pytest.mark.browser
@pytest.mark.parametrize("fmt", FORMATS)
def test_booklet_has_cover_contents_and_each_sheet_from_a_new_page(page, server, fmt):
    page.goto(server.url("worksheets/print-all/"))
    expect(page.locator("html")).to_have_attribute("data-tg-running-footer", "")
    reader = pdf_of(page, fmt)
    texts = page_texts(reader)
    total = 1 + sum(PAGES.get(s, 1) for s in WORKSHEETS)
    assert len(texts) == total
    assert "Contents" in texts[0] and "The Trust Guide" in texts[0]
    titles = page.locator(".tg-ws-booklet__sheet .tg-ws__title").all_inner_texts()
    start = 1
    for title in titles:
        sheet_id = page.locator(".tg-ws__title", has_text=title).first.get_attribute("id")
        assert title in texts[0], f"{title} missing from the contents"
        for n in range(start, start + PAGES.get(sheet_id, 1)):
            assert title in texts[n] and f"page {n + 1} of {total}" in texts[n]
        assert texts[start].startswith(title) or texts[start].find(title) < 200
        start += PAGES.get(sheet_id, 1)
    for pdf_page in reader.pages:
        assert used_share(pdf_page) >= 0.25
    expect(page.locator(".tg-ws-booklet__fields")).to_contain_text("same as on each worksheet")
