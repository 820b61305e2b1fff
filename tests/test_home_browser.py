"""The home page in a real Chromium: loads cleanly, asks no other origin."""

import pytest

pytestmark = pytest.mark.browser


def test_home_loads_without_errors_or_foreign_requests(page, server):
    response = page.goto(server.url())
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
    assert page.log.console_errors == []
    assert page.log.page_errors == []
    assert page.log.foreign_requests == []


def test_instant_navigation_runs_page_setup(page, server):
    """Material's instant navigation swaps pages without a reload; document$ fires."""
    page.goto(server.url())
    page.wait_for_load_state("networkidle")  # instant loading reads sitemap.xml first
    page.evaluate("window.__views = 0; document$.subscribe(() => window.__views++)")
    page.locator(".tg-card__link").first.click()
    page.wait_for_url("**/strategies/**")
    # The URL changes before the new page is swapped in; then document$ fires.
    page.wait_for_function("() => window.__views >= 2", timeout=5000)
    assert page.evaluate("typeof window.trustGuide.onPage") == "function"
