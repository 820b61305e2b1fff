"""axe-core on every built page, light and dark, desktop and phone width:
no WCAG 2.0/2.1/2.2 A or AA violation."""


import pytest

from support import ROOT, page_paths

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_axe_violations(browser, server, site_dir, scheme, width):
    assert AXE.exists(), "axe-core is missing: run `make test` (it runs npm ci)"
    # axe is injected as an inline script, which our own CSP rightly blocks.
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    found = []
    for path in page_paths(site_dir):
        page.goto(server.url(path))
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run({runOnly: tags})", TAGS)
        for v in result["violations"]:
            found.append(f"{path or 'home'}: {v['id']} {[n['target'] for n in v['nodes']][:3]}")
    context.close()
    assert found == [], "\n".join(found)
