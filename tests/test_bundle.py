"""Our own CSS and JS as one content-hashed file each (finishing/bundle.py):
order kept, each file whole, one own stylesheet and one own script on every
built page, the source files gone, a second run changing nothing."""

import re
import shutil
from pathlib import Path

import pytest

from finishing import Project, bundle
from finishing.pages import Pages

ROOT = Path(__file__).resolve().parent.parent
OWN_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*assets/css/([^"/]+)">')
OWN_JS = re.compile(r'<script src="[^"]*assets/js/([^"/]+)"[^>]*>')


def page(depth: str, css: list[str], js: list[str]) -> str:
    links = "\n".join(f'<link rel="stylesheet" href="{depth}assets/css/{c}">' for c in css)
    scripts = "\n".join(f'<script src="{depth}assets/js/{j}"></script>' for j in js)
    return (f'<html><head>\n<link rel="stylesheet" href="{depth}assets/stylesheets/main.1.min.css">\n'
            f'{links}\n</head><body><p>Hi</p>\n'
            f'<script src="{depth}assets/javascripts/bundle.1.min.js"></script>\n{scripts}\n</body></html>')


@pytest.fixture
def tiny_site(tmp_path):
    """Three pages (root, nested, an absolute-URL 404) and four of our files."""
    site = tmp_path / "site"
    (site / "assets/css").mkdir(parents=True)
    (site / "assets/js").mkdir(parents=True)
    (site / "a/b").mkdir(parents=True)
    (site / "assets/css/site.css").write_text(".a { color: red; }\n")
    (site / "assets/css/print.css").write_text("@media print { .a { color: black; } }\n")
    (site / "assets/js/site.js").write_text("window.one = 1\n")  # no semicolon: the join must add one
    (site / "assets/js/later.js").write_text("(function () { window.two = window.one + 1; })();\n")
    css, js = ["site.css", "print.css"], ["site.js", "later.js"]
    (site / "index.html").write_text(page("", css, js))
    (site / "a/b/index.html").write_text(page("../../", css, js))
    (site / "404.html").write_text(page("/trust-guide/", css, js))
    return site


def finish(site: Path) -> None:
    project = Project(root=ROOT, site_url="https://x.example/trust-guide/", base_path="/trust-guide/")
    project.pages = Pages(site)
    bundle.run(site, project)
    project.pages.flush()


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_one_file_each_in_order_and_whole(tiny_site):
    finish(tiny_site)
    css = list((tiny_site / "assets/css").glob("guide.*.css"))
    js = list((tiny_site / "assets/js").glob("guide.*.js"))
    assert len(css) == 1 and len(js) == 1
    text = css[0].read_text()
    assert text.index(".a { color: red; }") < text.index("@media print { .a { color: black; } }")
    script = js[0].read_text()
    assert "window.one = 1\n;" in script
    assert script.index("window.one = 1") < script.index("window.two")
    # The sources are gone: no page names them, and offline must not keep them.
    assert not (tiny_site / "assets/css/site.css").exists()
    assert not (tiny_site / "assets/js/later.js").exists()


def test_every_page_links_the_bundles_the_way_it_linked_its_files(tiny_site):
    finish(tiny_site)
    css = next((tiny_site / "assets/css").glob("guide.*.css")).name
    js = next((tiny_site / "assets/js").glob("guide.*.js")).name
    for where, depth in [("index.html", ""), ("a/b/index.html", "../../"), ("404.html", "/trust-guide/")]:
        html = (tiny_site / where).read_text()
        assert OWN_CSS.findall(html) == [css], where
        assert f'<link rel="stylesheet" href="{depth}assets/css/{css}">' in html, where
        assert f'<script src="{depth}assets/js/{js}" defer></script>' in html, where
        assert OWN_JS.findall(html) == [js], where
        # Material's files stay, before ours.
        assert html.index("main.1.min.css") < html.index(css)
        assert html.index("bundle.1.min.js") < html.index(js)
        assert "\n\n" not in html


def test_a_second_run_changes_nothing(tiny_site):
    finish(tiny_site)
    once = snapshot(tiny_site)
    finish(tiny_site)
    assert snapshot(tiny_site) == once


def test_the_name_changes_with_the_content(tiny_site, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(tiny_site, other)
    (other / "assets/css/print.css").write_text("@media print { .a { color: blue; } }\n")
    finish(tiny_site)
    finish(other)
    first = {p.name for p in (tiny_site / "assets/css").iterdir()}
    second = {p.name for p in (other / "assets/css").iterdir()}
    assert first and second and first.isdisjoint(second)
    assert {p.name for p in (tiny_site / "assets/js").iterdir()} == {p.name for p in (other / "assets/js").iterdir()}


def test_serving_leaves_pages_alone(tiny_site):
    before = snapshot(tiny_site)
    project = Project(root=ROOT, site_url="/", base_path="/", serving=True, pages=Pages(tiny_site))
    bundle.run(tiny_site, project)
    project.pages.flush()
    assert snapshot(tiny_site) == before


def test_other_hosts_and_material_files_are_not_ours():
    html = ('<link rel="stylesheet" href="https://cdn.example/assets/css/x.css">'
            '<link rel="icon" href="assets/css/y.css">'
            '<link rel="stylesheet" href="assets/stylesheets/main.css">'
            '<script src="assets/javascripts/bundle.js"></script>')
    assert bundle.own_tags(html, "index.html", "/", "css") == []
    assert bundle.own_tags(html, "index.html", "/", "js") == []


# --- The built guide ----------------------------------------------------------

def test_every_built_page_has_one_own_stylesheet_and_one_own_script(site_dir):
    pages = [p for p in site_dir.rglob("*.html") if 'class="md-header' in p.read_text("utf-8")]
    assert len(pages) >= 25
    css = {p.name for p in (site_dir / "assets/css").iterdir()}
    js = {p.name for p in (site_dir / "assets/js").iterdir()}
    assert len(css) == 1 and len(js) == 1, (css, js)
    for p in pages:
        html = p.read_text("utf-8")
        assert OWN_CSS.findall(html) == list(css), p
        assert OWN_JS.findall(html) == list(js), p


def test_the_built_bundles_hold_every_listed_file_in_mkdocs_order(site_dir):
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for kind, listed in (("css", config["extra_css"]), ("js", config["extra_javascript"])):
        text = next((site_dir / "assets" / kind).glob("guide.*." + kind)).read_text("utf-8")
        heads = re.findall(r"^/\* (assets/\S+) \*/$", text, flags=re.M)
        assert heads == listed, kind


def test_the_offline_worker_keeps_the_bundles_and_not_the_sources(site_dir):
    worker = (site_dir / "sw.js").read_text("utf-8")
    files = re.search(r"^var FILES = (.*); // tg:files$", worker, flags=re.M)[1]
    own = sorted(re.findall(r'"(assets/(?:css|js)/[^"]+)"', files))
    assert len(own) == 2 and all("/guide." in f for f in own), own


# --- In Chromium ----------------------------------------------------------------

WORKER = re.compile(r"/assets/javascripts/workers/search\.[^/]*\.js$")


@pytest.mark.browser
def test_first_view_loads_one_own_file_each_and_no_search_worker(browser, server):
    from playwright.sync_api import expect

    from conftest import open_context, search

    context, log = open_context(browser, server)
    urls = []
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    page.goto(server.url(""), wait_until="networkidle")
    assert len([u for u in urls if "/assets/css/" in u]) == 1
    assert len([u for u in urls if "/assets/js/" in u]) == 1
    # The search worker waits until search is used (overrides/partials/tg-search-on-demand.html).
    assert not [u for u in urls if WORKER.search(u)]

    # Then an instant navigation one level deeper, and search still works: the
    # worker's (relative) address is resolved on the page Material loaded on.
    page.locator(".md-content").get_by_role("link", name="Show real interest in them").first.click()
    expect(page).to_have_url(re.compile("strategies/show-real-interest/"))
    page.wait_for_timeout(300)  # Material closes search 125 ms after a navigation
    first = search(page, "comfort zone")
    expect(first).to_have_attribute("href", re.compile(r"strategies/respect-their-comfort-zone/"))
    assert [u for u in urls if WORKER.search(u)] and all(
        u.startswith(server.url("assets/javascripts/workers/")) for u in urls if "workers/" in u)
    assert log.page_errors == [] and log.console_errors == []
    context.close()
