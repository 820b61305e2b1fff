"""Self-checks in Chromium: live score, saved answers, start over, bad storage."""

import pytest
from playwright.sync_api import expect

from guide_pages import strategies
from support import ROOT, keep_answers

CHECKLISTS = sorted(p.stem for p in (ROOT / "data/checklists").glob("*.yml"))

pytestmark = pytest.mark.browser
URL = "checklists/self-assessment/"


def answer(page, item, label):
    page.locator(f'[data-item="{item}"]').get_by_label(label).check()


def test_answer_reload_and_start_over(page, server):
    page.goto(server.url(URL))
    keep_answers(page)
    result = page.locator(".tg-checklist__result")
    answer(page, "pause", "Almost always")
    expect(result).to_contain_text("Your score: 3 of 30")
    expect(result).to_contain_text("A place to start")
    page.reload()
    expect(result).to_contain_text("Your score: 3 of 30")
    expect(result).to_have_attribute("data-recommended", "comfort-zone")
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Start over").click()
    expect(result).to_contain_text("Your score: 3 of 30")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Start over").click()
    expect(result).to_contain_text("Your score appears here")
    assert page.log.page_errors == [] and page.log.foreign_requests == []


def test_corrupt_storage_is_kept_aside(page, server):
    page.goto(server.url(URL))
    page.evaluate("localStorage.setItem('trust-guide:checklist:v1:self-assessment', '{oops')")
    page.reload()
    expect(page.locator(".tg-checklist__status")).to_contain_text("could not be read")
    aside = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('trust-guide:checklist:v1:self-assessment:corrupt:'))")
    assert [page.evaluate("k => localStorage.getItem(k)", k) for k in aside] == ["{oops"]
    answer(page, "pause", "Often")
    expect(page.locator(".tg-checklist__result")).to_contain_text("Your score: 2 of 30")


def test_browser_matches_python_reference_on_random_answers(page, server):
    import random
    from pathlib import Path

    from scoring_reference import score

    from macros.checklists.models import Checklist
    from macros.loading import load_model

    ids = [s["id"] for s in strategies()]
    root = Path(__file__).resolve().parent.parent
    overall = load_model(root / "data/checklists/self-assessment.yml", Checklist,
                         context={"strategy_ids": ids})
    rng = random.Random(5)
    page.goto(server.url(URL))
    result = page.locator(".tg-checklist__result")
    for _ in range(40):
        answers = {i.id: rng.choice([o.value for o in overall.scale]) for i in overall.items
                   if rng.random() < 0.9}
        page.evaluate("""(answers) => {
            const form = document.querySelector('form.tg-checklist');
            form.querySelectorAll('input').forEach(r => r.checked = false);
            for (const [item, value] of Object.entries(answers)) {
                form.querySelector(`[data-item="${item}"] input[value="${value}"]`).checked = true;
            }
            form.dispatchEvent(new Event('change'));
        }""", answers)
        if not answers:
            continue
        expected = score(overall, answers, ids)
        expect(result).to_have_attribute("data-score", str(expected.score))
        expect(result).to_have_attribute("data-band", expected.band.label)
        expect(result).to_have_attribute("data-recommended", expected.recommended)


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
@pytest.mark.parametrize("name", CHECKLISTS)
def test_print_fits_two_pages_blank_and_filled(page, server, tmp_path, fmt, name):
    from pypdf import PdfReader

    page.goto(server.url(f"checklists/{name}/"))
    page.emulate_media(media="print")
    blank = tmp_path / "blank.pdf"
    page.pdf(path=str(blank), format=fmt)
    for item in page.locator(".tg-checklist__item").all():
        item.get_by_label("Often").check()
    filled = tmp_path / "filled.pdf"
    page.pdf(path=str(filled), format=fmt)
    for pdf in (blank, filled):
        reader = PdfReader(str(pdf))
        assert len(reader.pages) <= 2, f"{name} {fmt}: {len(reader.pages)} pages"
        assert "Scoring key" in "".join(p.extract_text() for p in reader.pages)


def test_without_javascript_the_scoring_key_reads(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url(URL))
    expect(page.get_by_role("heading", name="Scoring key")).to_be_visible()
    expect(page.locator(".tg-checklist__bands")).to_contain_text("0 to 10")
    context.close()


def test_answers_survive_instant_navigation(page, server):
    page.goto(server.url(URL))
    keep_answers(page)
    answer(page, "pause", "Almost always")
    result = page.locator(".tg-checklist__result")
    expect(result).to_contain_text("Your score: 3 of 30")
    # Leave through a site link (Material's instant navigation), then come back.
    page.locator(".md-content").get_by_role("link", name="Respect their comfort zone").first.click()
    expect(page).to_have_url(server.url("strategies/respect-their-comfort-zone/"))
    page.go_back()
    expect(page).to_have_url(server.url(URL))
    expect(page.locator('[data-item="pause"]').get_by_label("Almost always")).to_be_checked()
    expect(result).to_contain_text("Your score: 3 of 30")
    assert page.log.page_errors == []


def test_keyboard_only_answering(page, server):
    page.goto(server.url(URL))
    first = page.locator(".md-content input[type=radio]").first
    first.focus()
    # Arrow keys move within a statement's options and select them, as for any radio group.
    page.keyboard.press("ArrowRight")
    checked = page.locator(".md-content input[type=radio]:checked")
    expect(checked).to_have_count(1)
    assert checked.evaluate("el => el === document.activeElement")
    # The saving choice appears right after the statement, next in the Tab order;
    # once chosen, focus goes back to the answer.
    page.keyboard.press("Tab")
    expect(page.locator("button[data-tg-saving=keep]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".tg-saving")).to_have_count(0)
    assert checked.evaluate("el => el === document.activeElement")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    expect(checked).to_have_count(2)
    expect(page.locator(".tg-checklist__result")).to_contain_text("2 of 10 answered")


def test_page_works_when_storage_throws(context_and_log, server):
    context, log = context_and_log
    context.add_init_script("""
        Object.defineProperty(window, 'localStorage', {
            get() { throw new DOMException('blocked', 'SecurityError'); }
        });
    """)
    page = context.new_page()
    page.goto(server.url(URL))
    expect(page.locator(".tg-checklist__status")).to_contain_text("can't be saved")
    answer(page, "pause", "Often")
    expect(page.locator(".tg-checklist__result")).to_contain_text("Your score: 2 of 30")
    assert log.page_errors == []  # Material's scripts included (tg-safe-storage.html)
