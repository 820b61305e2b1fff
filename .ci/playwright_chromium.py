"""Print the path of Playwright's own Chromium (for CHROMIUM_PATH in CI)."""

from playwright.sync_api import sync_playwright

with sync_playwright() as pw:
    print(pw.chromium.executable_path)
