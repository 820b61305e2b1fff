"""The theme's stylesheets without rules no page can match
(finishing/unused_css.py): what counts as used, custom properties, renaming,
caching and a clear error for a sheet that cannot be read."""

import gzip
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from finishing import FinishingError, Project, unused_css
from finishing.pages import Pages
from finishing.results_cache import Cache
from finishing.unused_css import markup_of, needs, properties_read, prune, script_names, site_names

ROOT = Path(__file__).resolve().parent.parent


def pruned(css: str, pages=("",), scripts=(), own_css=()) -> str:
    classes, others = unused_css.all_names(unused_css.parse(css))
    markup, inline = markup_of(list(pages))
    in_scripts, built = script_names([*scripts, *inline], classes | others)
    present = site_names(markup, in_scripts, built, classes | others, classes)
    read = properties_read([markup, *scripts, *inline], list(own_css))
    return prune({"main.css": css}, present, read)["main.css"]


def test_a_rule_stays_when_a_page_uses_its_class_and_goes_when_none_does():
    css = ".used{color:red}.unused{color:blue}p{margin:0}"
    assert pruned(css, ['<p class="x used">Hi</p>']) == ".used{color:red}p{margin:0}"


def test_a_class_written_in_a_script_keeps_its_rule():
    # The theme's search builds its results from class names in its script.
    css = ".md-search-result__more{color:red}"
    assert pruned(css, ["<p>"], ['el.className = "md-search-result__more"']) == css


def test_a_class_set_by_an_inline_script_or_after_a_quoted_angle_bracket_keeps_its_rule():
    css = ".late{x:1}.after{x:2}.prose{x:3}"
    pages = ['<script>document.body.classList.add("late")</script><a title="a > b" class="after">',
             "<p>Words such as prose in the text name no class.</p>"]
    assert pruned(css, pages) == ".late{x:1}.after{x:2}"


def test_a_name_a_script_puts_together_is_kept_where_the_page_has_its_block():
    # Material writes a repository's facts as `md-source__fact--${t}`, into .md-source.
    css = ".md-source__fact--stars{x:1}.md-tag--a{x:2}.md-tag--b{x:3}.md-other--c{x:4}"
    scripts = ["e=`md-source__fact--${t}`", 'cls = "md-tag--" + name']
    page = '<a class="md-source"></a><span class="md-tag">'
    assert pruned(css, [page], scripts) == ".md-source__fact--stars{x:1}.md-tag--a{x:2}.md-tag--b{x:3}"
    assert pruned(css, ['<span class="md-tag">'], scripts) == ".md-tag--a{x:2}.md-tag--b{x:3}"
    # A block the script names but no page holds keeps nothing.
    assert pruned(css, ["<p>"], [*scripts, 'find(".md-source")']) == ""


def test_only_the_selectors_that_can_match_stay_in_a_list():
    css = ".a,.b > .c,p.d{color:red}"
    assert pruned(css, ['<p class="a"></p><p class="d"></p>']) == ".a,p.d{color:red}"


@pytest.mark.parametrize("selector", [".a:not(.absent)", ".a :is(.absent,details)", ".a:where(.x,.y)>p"])
def test_names_inside_functional_pseudo_classes_never_cause_a_drop(selector):
    css = selector + "{color:red}"
    assert pruned(css, ['<p class="a"></p>']) == css


def test_ids_and_attributes_count_anywhere_in_the_markup_and_exact_values_must_appear_quoted():
    css = ("#__drawer{x:1}#gone{x:2}[data-md-state]{x:3}[data-absent]{x:4}"
           "[data-md-color-primary=indigo]{x:5}[data-md-color-primary=pink]{x:6}[href^=http]{x:7}")
    page = '<input id="__drawer" data-md-state><label data-md-color-primary="indigo"><a href="/">'
    assert pruned(css, [page]) == ("#__drawer{x:1}[data-md-state]{x:3}[data-md-color-primary=indigo]{x:5}"
                                   "[href^=http]{x:7}")


def test_needs_reads_the_names_outside_pseudo_calls_and_the_exact_value():
    n = needs('.md-nav__link[data-md-color-scheme="slate"]:not(.x) > #top')
    assert n.classes == {"md-nav__link"}
    assert n.others == {"data-md-color-scheme", "=slate", "top"}


@pytest.mark.parametrize("selector", [r".md-\:hidden", "[*|href]", "[ ]"])
def test_selectors_this_step_cannot_read_are_kept(selector):
    assert needs(selector) == needs("p")


def test_custom_properties_nobody_reads_go_and_a_chain_of_them_goes_with_them():
    css = ":root{--read:1;--unread:var(--only-for-unread);--only-for-unread:2;--by-script:3;--by-us:4}p{x:var(--read)}"
    got = pruned(css, ["<p>"], ['style.getPropertyValue("--by-script")'], [".tg-x{color:var(--by-us)}"])
    assert got == ":root{--read:1;--by-script:3;--by-us:4}p{x:var(--read)}"


def test_a_property_one_sheet_sets_and_another_reads_is_kept():
    sheets = {"palette.css": "[data-s=dark]{--fg:#eee;--nobody:1}", "main.css": "body{color:var(--fg)}"}
    got = prune(sheets, {"data-s", "=dark"}, set())
    assert got == {"palette.css": "[data-s=dark]{--fg:#eee}", "main.css": "body{color:var(--fg)}"}


def test_an_at_rule_block_keeps_what_matches_and_vanishes_when_empty():
    css = "@media screen{.a{x:1}.b{x:2}}@media print{.b{x:3}}@font-face{font-family:x}@keyframes k{to{opacity:0}}"
    kept = "@media screen{.a{x:1}}@font-face{font-family:x}@keyframes k{to{opacity:0}}"
    assert pruned(css, ['<p class="a">']) == kept


def test_a_sheet_that_cannot_be_read_is_named_in_the_error():
    with pytest.raises(FinishingError, match=r"assets/stylesheets/main\.css: unreadable CSS at line 1"):
        prune({"assets/stylesheets/main.css": ".a{x:1}}"}, set(), set())


@pytest.fixture
def theme_site(tmp_path):
    site = tmp_path / "site"
    (site / "assets/stylesheets").mkdir(parents=True)
    (site / "a").mkdir()
    (site / "assets/stylesheets/main.1234abcd.min.css").write_text(".used{color:red}.unused{color:blue}")
    (site / "assets/stylesheets/main.1234abcd.min.css.map").write_text("{}")
    (site / "index.html").write_text('<link rel="stylesheet" href="assets/stylesheets/main.1234abcd.min.css">'
                                     '<p class="used">')
    (site / "a/index.html").write_text('<link rel="stylesheet" href="../assets/stylesheets/main.1234abcd.min.css">')
    project = Project(root=tmp_path, site_url="https://example.org/", base_path="/")
    return site, project


def run(site, project):
    project.pages = Pages(site)
    unused_css.run(site, project)
    project.pages.flush()


def test_the_pruned_sheet_gets_a_new_name_every_page_links_and_a_second_run_changes_nothing(theme_site):
    site, project = theme_site
    run(site, project)
    (sheet,) = (site / "assets/stylesheets").iterdir()
    assert sheet.read_text() == ".used{color:red}"
    assert sheet.name != "main.1234abcd.min.css" and sheet.name.startswith("main.")
    assert f'href="assets/stylesheets/{sheet.name}"' in (site / "index.html").read_text()
    assert f'href="../assets/stylesheets/{sheet.name}"' in (site / "a/index.html").read_text()
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    run(site, project)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_rebuild_with_the_same_markup_reads_the_cache(theme_site, monkeypatch):
    site, project = theme_site
    first = site.parent / "first"
    shutil.copytree(site, first)
    run(site, project)
    monkeypatch.setattr(unused_css, "prune", lambda *a: pytest.fail("pruned again"))
    monkeypatch.setattr(unused_css, "parse", lambda *a: pytest.fail("parsed again"))
    run(first, project)
    assert [p.name for p in (first / "assets/stylesheets").iterdir()] == \
           [p.name for p in (site / "assets/stylesheets").iterdir()]


def test_the_built_sites_theme_css_is_about_a_third_lighter(site_dir):
    sheets = sorted((site_dir / "assets/stylesheets").glob("*.css"))
    assert [p.name.split(".")[0] for p in sheets] == ["main", "palette"]
    assert not list((site_dir / "assets/stylesheets").glob("*.map"))
    main = gzip.compress(sheets[0].read_bytes(), 9)
    # Material 9.8's main.css is 22.7 kB gzip; what the guide can match is under 17.
    assert len(main) < 17_000


def test_a_cache_file_left_half_written_is_computed_again(tmp_path):
    cache = Cache(tmp_path, Path(unused_css.__file__))
    assert cache.get(["x"], lambda: {"a": 1}) == {"a": 1}
    (kept,) = tmp_path.glob("*.json")
    kept.write_text('{"a": ')  # another build stopped mid-write
    assert cache.get(["x"], lambda: {"a": 2}) == {"a": 2}
    assert list(tmp_path.glob("*.tmp")) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<script>", '<script src="a">', "</script>", "</scrip", "<", "/", ">", "a", "\n"]),
                max_size=12).map("".join))
def test_inline_scripts_are_what_a_lazy_match_finds(html):
    # The unrolled regex finds what `<script\b[^>]*>(.+?)</script>` (re.S) found.
    lazy = re.compile(r"<script\b[^>]*>(.+?)</script>", re.S)
    assert unused_css.INLINE_SCRIPT.findall(html) == lazy.findall(html)
