"""Our own CSS and JS as one content-hashed, minified file each
(finishing/bundle.py): order kept, each file whole, one own stylesheet and
one own script on every built page, on-demand scripts only on the pages
holding their components (and loaded on instant navigation), on-demand
stylesheets only on the pages that can match their rules, the source
files gone, a second run changing nothing."""

import re
import shutil
from pathlib import Path

import pytest

from finishing import FinishingError, Project, bundle
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
    text = css[0].read_text()  # minified: comments and spaces go, rules stay in order
    assert text.index(".a{color:red}") < text.index("@media print{.a{color:black}}")
    script = js[0].read_text()
    assert "window.one=1;\n;\n/* assets/js/later.js */" in script  # each file ends its last statement
    assert script.index("window.one=1") < script.index("window.two")
    assert "trustGuide.chunks" not in script  # no on-demand file, no table
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


ON_DEMAND_JS = """// tg:on-demand: only where a thing is.
(function () { window.trustGuide.component("thing", function () {}); })();
"""


def test_an_on_demand_script_goes_only_into_the_bundles_of_pages_with_its_component(tiny_site):
    (tiny_site / "assets/js/thing.js").write_text(ON_DEMAND_JS)
    js = ["site.js", "thing.js", "later.js"]
    (tiny_site / "index.html").write_text(page("", ["site.css"], js).replace(
        "<p>Hi</p>", '<div data-tg-component="other thing"></div>'))
    (tiny_site / "a/b/index.html").write_text(page("../../", ["site.css"], js))
    finish(tiny_site)
    chunk = [p.name for p in (tiny_site / "assets/js").glob("guide-thing.*.js")]
    assert len(chunk) == 1
    with_thing = (tiny_site / "assets/js" / OWN_JS.findall((tiny_site / "index.html").read_text())[0]).read_text()
    without = (tiny_site / "assets/js" / OWN_JS.findall((tiny_site / "a/b/index.html").read_text())[0]).read_text()
    assert with_thing.index("window.one") < with_thing.index('component("thing"') < with_thing.index("window.two")
    assert 'component("thing"' not in without and "window.two" in without
    # Both tell site.js where the thing's script is, for instant navigation.
    for text in (with_thing, without):
        assert f'window.trustGuide.chunks={{"thing":"{chunk[0]}"}};' in text
    assert not (tiny_site / "assets/js/thing.js").exists()


def test_an_on_demand_sheet_goes_only_to_pages_that_hold_every_class_of_one_of_its_selectors(tiny_site):
    (tiny_site / "assets/css/sheet.css").write_text(
        "/* tg:on-demand */\n.wrap .sheet { color: blue; }\n"
        "@media print { .md-typeset:has(.sheet) > h1 { color: black; } .x:not(.y) { color: red; } }\n")
    css = ["site.css", "print.css", "sheet.css"]
    (tiny_site / "index.html").write_text(page("", css, ["site.js"]).replace("<p>Hi</p>", '<p class="wrap">Hi</p>'))
    (tiny_site / "a/b/index.html").write_text(
        page("../../", css, ["site.js"]).replace("<p>Hi</p>", '<div class="wrap"><p class="sheet">Hi</p></div>'))
    finish(tiny_site)
    home, deep = (OWN_CSS.findall((tiny_site / p).read_text()) for p in ("index.html", "a/b/index.html"))
    assert home[0] == deep[0] and len(home) == 1  # .wrap alone matches no selector of the sheet
    assert re.match(r"^guide-sheet\.[0-9a-f]{10}\.css$", deep[1])
    assert "color:blue" in (tiny_site / "assets/css" / deep[1]).read_text()
    assert "color:blue" not in (tiny_site / "assets/css" / deep[0]).read_text()


@pytest.mark.parametrize("sheet, css, message", [
    ("sheet.css", "/* tg:on-demand */\n[data-x] { color: red; }\n",
     r"assets/css/sheet\.css: .*`\[data-x\]` names none"),
    ("site.css", "/* tg:on-demand */\n.a { color: red; }\n",
     r"assets/css/site\.css: .* must come after every every-page one"),
])
def test_an_on_demand_sheet_that_would_miss_pages_or_reorder_the_cascade_fails(tiny_site, sheet, css, message):
    (tiny_site / "assets/css" / sheet).write_text(css)
    names = ["site.css", "print.css"] + (["sheet.css"] if sheet == "sheet.css" else [])
    (tiny_site / "index.html").write_text(page("", names, ["site.js"]))
    with pytest.raises(FinishingError, match=message):
        finish(tiny_site)


@pytest.mark.parametrize("source", [
    "// tg:on-demand\nwindow.x = 1;\n",
    '// tg:on-demand\nwindow.trustGuide.component("a", f);\nwindow.trustGuide.onPage(g);\n',
])
def test_an_on_demand_script_that_would_miss_pages_fails_naming_the_file(tiny_site, source):
    (tiny_site / "assets/js/later.js").write_text(source)
    with pytest.raises(FinishingError, match=r"assets/js/later\.js: a `// tg:on-demand` script must register"):
        finish(tiny_site)


def test_other_hosts_and_material_files_are_not_ours():
    html = ('<link rel="stylesheet" href="https://cdn.example/assets/css/x.css">'
            '<link rel="icon" href="assets/css/y.css">'
            '<link rel="stylesheet" href="assets/stylesheets/main.css">'
            '<script src="assets/javascripts/bundle.js"></script>')
    assert bundle.own_tags(html, "index.html", "/", "css") == []
    assert bundle.own_tags(html, "index.html", "/", "js") == []


# --- The built guide ----------------------------------------------------------

BUNDLE = re.compile(r"^guide\.[0-9a-f]{10}\.js$")
CHUNK = re.compile(r"^guide-([\w-]+)\.[0-9a-f]{10}\.js$")


def listed(kind: str) -> list[str]:
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config["extra_css" if kind == "css" else "extra_javascript"]


def on_demand() -> set[str]:
    return {path for path in listed("js")
            if (ROOT / "docs" / path).read_text("utf-8").startswith("// tg:on-demand")}


def heads(text: str) -> list[str]:
    return re.findall(r"^/\* (assets/\S+) \*/$", text, flags=re.M)


def built_pages(site_dir: Path) -> list[Path]:
    pages = [p for p in site_dir.rglob("*.html") if 'class="md-header' in p.read_text("utf-8")]
    assert len(pages) >= 25
    return pages


def on_demand_sheets() -> list[str]:
    return [path for path in listed("css")
            if (ROOT / "docs" / path).read_text("utf-8").startswith("/* tg:on-demand")]


def test_every_built_page_has_the_same_main_stylesheet_its_extras_and_one_own_script(site_dir):
    main = [p.name for p in (site_dir / "assets/css").iterdir() if re.match(r"^guide\.[0-9a-f]{10}\.css$", p.name)]
    assert len(main) == 1, main
    for p in built_pages(site_dir):
        html = p.read_text("utf-8")
        sheets = OWN_CSS.findall(html)
        assert sheets[0] == main[0] and len(sheets) <= 2, (p, sheets)
        assert all(re.match(r"^guide-[\w-]+\.[0-9a-f]{10}\.css$", s) for s in sheets[1:]), (p, sheets)
        scripts = OWN_JS.findall(html)
        assert len(scripts) == 1 and BUNDLE.match(scripts[0]), (p, scripts)


@pytest.mark.parametrize("path, sheets", [
    ("index.html", []),
    ("safety/index.html", ["helplines"]),
    ("strategies/dont-take-it-personally/index.html", ["share"]),
    ("worksheets/comfort-map/index.html", ["worksheets"]),
    ("checklists/not-personal/index.html", ["worksheets", "checklists"]),
    ("progress/index.html", ["progress"]),
])
def test_a_page_gets_only_the_on_demand_sheets_whose_rules_it_can_match(site_dir, path, sheets):
    assert {"assets/css/worksheets.css", "assets/css/checklists.css", "assets/css/share.css"} <= set(on_demand_sheets())
    extras = OWN_CSS.findall((site_dir / path).read_text("utf-8"))[1:]
    got = heads((site_dir / "assets/css" / extras[0]).read_text("utf-8")) if extras else []
    assert got == [f"assets/css/{name}.css" for name in sheets]


def test_each_page_bundles_the_every_page_scripts_and_only_the_on_demand_ones_it_uses(site_dir):
    extra = on_demand()
    assert {"assets/js/worksheets.js", "assets/js/checklists.js", "assets/js/share.js"} <= extra
    always = [p for p in listed("js") if p not in extra]
    assert "assets/js/site.js" in always and "assets/js/exit.js" in always
    seen = set()
    for p in built_pages(site_dir):
        html = p.read_text("utf-8")
        text = (site_dir / "assets/js" / OWN_JS.findall(html)[0]).read_text("utf-8")
        in_bundle = heads(text)
        assert [h for h in in_bundle if h not in extra] == always, p
        # In mkdocs.yml's order, and an on-demand file only with its component.
        assert in_bundle == [h for h in listed("js") if h in in_bundle], p
        on_page = {n for names in re.findall(r'data-tg-component="([^"]*)"', html) for n in names.split()}
        for path in extra:
            serves = set(re.findall(r'trustGuide\.component\("([\w-]+)"', (ROOT / "docs" / path).read_text("utf-8")))
            assert (path in in_bundle) == bool(serves & on_page), (p, path)
        seen.update(in_bundle)
    assert seen == set(listed("js"))  # every file reaches some page
    home = (site_dir / "assets/js" / OWN_JS.findall((site_dir / "index.html").read_text("utf-8"))[0])
    assert not set(heads(home.read_text("utf-8"))) & extra


def test_each_on_demand_script_is_also_written_on_its_own_for_instant_navigation(site_dir):
    chunks = {CHUNK.match(p.name)[1]: p.name for p in (site_dir / "assets/js").iterdir() if CHUNK.match(p.name)}
    assert set(chunks) == {Path(p).stem for p in on_demand()}
    for stem, name in chunks.items():
        assert heads((site_dir / "assets/js" / name).read_text("utf-8")) == [f"assets/js/{stem}.js"]
    home = next(p for p in (site_dir / "assets/js").iterdir() if BUNDLE.match(p.name)).read_text("utf-8")
    table = re.search(r"window\.trustGuide\.chunks=(\{.*?\});", home)[1]
    import json
    assert json.loads(table)["worksheet"] == chunks["worksheets"]
    assert json.loads(table)["checklist"] == chunks["checklists"]


def test_the_built_stylesheets_hold_every_listed_file_in_mkdocs_order(site_dir):
    main = next(p for p in (site_dir / "assets/css").glob("guide.*.css")).read_text("utf-8")
    extra = on_demand_sheets()
    assert heads(main) == [p for p in listed("css") if p not in extra]
    assert listed("css")[-len(extra):] == extra  # after every every-page sheet
    booklet = OWN_CSS.findall((site_dir / "checklists/not-personal/index.html").read_text("utf-8"))[1]
    assert heads((site_dir / "assets/css" / booklet).read_text("utf-8")) == \
        [p for p in extra if p in ("assets/css/worksheets.css", "assets/css/checklists.css")]


def test_the_offline_worker_keeps_the_bundles_and_not_the_sources(site_dir):
    worker = (site_dir / "sw.js").read_text("utf-8")
    files = re.search(r"^var FILES = (.*); // tg:files$", worker, flags=re.M)[1]
    own = sorted(re.findall(r'"(assets/(?:css|js)/[^"]+)"', files))
    built = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets").glob("[cj]s*/*"))
    assert own == built and all(re.search(r"/guide(-[\w-]+)?\.[0-9a-f]{10}\.", f) for f in own), own


def test_the_offline_worker_keeps_the_sitemap_and_its_dates_leave_the_version_alone(site_dir, tmp_path):
    from finishing import offline
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    files = offline.precache_files(site)
    assert "sitemap.xml" in files and "sitemap.xml.gz" not in files
    worker = site / "sw.js"
    before = worker.read_text("utf-8")
    sitemap = site / "sitemap.xml"
    sitemap.write_text(re.sub(r"<lastmod>[^<]*</lastmod>", "<lastmod>2030-01-01</lastmod>",
                              sitemap.read_text("utf-8")), encoding="utf-8")
    offline.run(site, None)
    assert worker.read_text("utf-8") == before  # another day's build of the same guide
    (site / "safety" / "index.html").write_text("changed", encoding="utf-8")
    offline.run(site, None)
    assert worker.read_text("utf-8") != before


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


@pytest.mark.browser
def test_instant_navigation_loads_the_scripts_a_new_page_needs_once(browser, server):
    """Home's bundle has no worksheet, self-check or share code; pages reached
    from it by instant navigation load theirs (guide-<name>.<hash>.js) and work."""
    from playwright.sync_api import expect

    from conftest import open_context
    from support import keep_answers, wait_ready

    context, log = open_context(browser, server)
    urls = []  # the page's own requests (the offline worker fetches every file too)
    page = context.new_page()
    page.on("request", lambda request: urls.append(request.url))
    page.goto(server.url(""), wait_until="networkidle")
    assert not [u for u in urls if CHUNK.search(u.rsplit("/", 1)[-1])]

    def go(path):
        page.evaluate("p => { const a = document.createElement('a'); a.href = p;"
                      " document.querySelector('.md-content').append(a); a.click(); }", server.url(path))
        expect(page).to_have_url(server.url(path))

    go("worksheets/past-and-present/")
    # Material swaps the <head> links that differ: the worksheet's styles come in.
    # A function, not a bare expression: Playwright evals an expression in the
    # page when it must poll, and the CSP (no 'unsafe-eval') blocks that.
    page.wait_for_function("() => [...document.styleSheets].some(s => (s.href || '').includes('/guide-worksheets.'))")
    sheet = wait_ready(page, "worksheet", "[data-tg-worksheet='past-and-present']")
    wait_ready(page, "transfer")
    keep_answers(page)
    page.get_by_label("The first feeling it stirred in you").press_sequentially("calm")
    go("checklists/not-personal/")
    wait_ready(page, "checklist")
    go("strategies/dont-take-it-personally/")
    wait_ready(page, "share")
    go("worksheets/past-and-present/")
    wait_ready(page, "worksheet", "[data-tg-worksheet='past-and-present']")
    expect(sheet.get_by_label("The first feeling it stirred in you")).to_have_value("calm")

    loaded = [u.rsplit("/", 1)[-1] for u in urls if CHUNK.match(u.rsplit("/", 1)[-1])]
    assert sorted(CHUNK.match(n)[1] for n in loaded) == ["checklists", "share", "transfer", "worksheets"]
    assert all(u.startswith(server.url("assets/js/")) for u in urls if CHUNK.match(u.rsplit("/", 1)[-1]))
    assert log.page_errors == [] and log.console_errors == []
    context.close()


def test_page_components_reads_the_attribute_in_either_quotes_and_nothing_like_it():
    html = ('<form data-tg-component="worksheet share"></form>'
            "<div data-tg-component='checklist'></div>"
            '<p data-data-tg-component="progress" x-data-tg-component="transfer"></p>')
    assert bundle.page_components(html) == {"worksheet", "share", "checklist"}
