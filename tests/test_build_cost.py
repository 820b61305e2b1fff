"""What the build's shortcuts keep exactly as it was (no timings here; the
benchmarks measure speed): a data file is validated again whenever its text
changes (and once for all its readers otherwise; a result kept between
builds only for the same text, model, context and code), a kept QR code is the code
segno draws, a kept compiled template (a theme's, or a page's Markdown) is compiled
again when its source or its environment changes, the CSP step still reads every theme template, the
link check still finds every broken link, mkdocs-macros' git variable is
never read, and `make serve` re-imports our packages exactly when their
Python changed."""

import importlib.util
import pickle
import posixpath
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st
from jinja2 import Environment, FileSystemLoader

from finishing import csp, link_check, share_images
from macros import kept_models, loading, qr
from macros.errors import DataError
from macros.loading import load_model
from macros.models import StrategyList
from macros.template_cache import cache_page_templates, template_cache
from support import ROOT


def test_edited_data_file_is_validated_again(tmp_path):
    path = tmp_path / "strategies.yml"
    text = (ROOT / "data" / "strategies.yml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = load_model(path, StrategyList)
    assert load_model(path, StrategyList) is first             # the same text: validated once
    path.write_text(text.replace("number: 2", "number: two", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:                      # edited: validated again
        load_model(path, StrategyList)
    assert "strategies.yml" in str(err.value) and "strategy 2, number" in str(err.value)
    path.write_text(text.replace("number: 2", "number: 2 ", 1), encoding="utf-8")
    assert load_model(path, StrategyList) == first and load_model(path, StrategyList) is not first


@pytest.fixture
def kept_data(tmp_path, monkeypatch):
    """An empty folder for kept validated data, and no results kept in memory."""
    monkeypatch.setattr(kept_models, "CACHE_DIR", tmp_path / "kept")
    monkeypatch.setattr(loading, "_validated", {})
    return tmp_path / "kept"


def test_kept_data_is_read_back_only_for_the_same_text_model_and_context(tmp_path, kept_data):
    path = tmp_path / "strategies.yml"
    text = (ROOT / "data" / "strategies.yml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = load_model(path, StrategyList)
    (entry,) = kept_data.iterdir()
    # Read back, not validated again: an entry changed on disk is what comes back.
    marked = first.model_copy(update={"strategies": first.strategies[:1]})
    entry.write_bytes(pickle.dumps(marked))
    loading._validated.clear()
    assert load_model(path, StrategyList) == marked
    loading._validated.clear()
    assert load_model(path, StrategyList, context={"x": {"b", "a"}}) == first  # another context: another entry
    loading._validated.clear()
    assert load_model(path, StrategyList, context={"x": {"a", "b"}}) == first  # a set's order does not matter
    assert len(list(kept_data.iterdir())) == 2
    entry.write_bytes(b"not a pickle")                                         # unreadable: validated again
    loading._validated.clear()
    assert load_model(path, StrategyList) == first and entry.read_bytes() != b"not a pickle"


def test_data_that_fails_is_never_kept(tmp_path, kept_data):
    path = tmp_path / "strategies.yml"
    text = (ROOT / "data" / "strategies.yml").read_text(encoding="utf-8")
    path.write_text(text.replace("number: 2", "number: two", 1), encoding="utf-8")
    for _ in range(2):
        loading._validated.clear()
        with pytest.raises(DataError, match="strategy 2, number"):
            load_model(path, StrategyList)
    assert not kept_data.exists() or not list(kept_data.iterdir())


def test_kept_data_depends_on_every_module_of_the_code(tmp_path):
    package = tmp_path / "package"
    (package / "inner").mkdir(parents=True)
    (package / "models.py").write_text("A = 1\n", encoding="utf-8")
    digests = [kept_models.code_digest(package)]
    (package / "inner" / "rules.py").write_text("B = 1\n", encoding="utf-8")
    digests.append(kept_models.code_digest(package))
    (package / "inner" / "rules.py").write_text("B = 2\n", encoding="utf-8")
    digests.append(kept_models.code_digest(package))
    assert len(set(digests)) == 3
    assert kept_models.code_digest(package) == digests[-1]


def test_kept_qr_code_is_the_one_segno_draws(tmp_path, monkeypatch):
    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path)
    url, label = "https://example.org/trust-guide/worksheets/a-new-sheet/", "QR code: a new sheet"
    drawn = qr.make_svg(url, label, 3)
    first = qr._cached_svg(url, label, 3)        # drawn and kept
    assert first == drawn and len(list(tmp_path.glob("*.svg"))) == 1
    (kept,) = tmp_path.glob("*.svg")
    kept.write_text(kept.read_text(encoding="utf-8").replace("tg-qr", "tg-qr kept"), encoding="utf-8")
    assert "tg-qr kept" in qr._cached_svg(url, label, 3)   # read back, not drawn again
    assert qr._cached_svg(url, label + " (other)", 3) != first  # every argument is in the key


def test_unwritable_cache_still_gives_the_code(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(qr, "CACHE_DIR", blocker / "qr")
    url = "https://example.org/s/1/"
    assert qr._cached_svg(url, "x", 3) == qr.make_svg(url, "x", 3)


def _render_counting(folder, cache, **settings):
    """(output of a.html, how many times Jinja compiled it) in a fresh environment."""
    env = Environment(loader=FileSystemLoader(folder), bytecode_cache=cache, **settings)
    compiled = []
    real = env.compile
    env.compile = lambda *a, **k: compiled.append(1) or real(*a, **k)
    return env.get_template("a.html").render(x=1), len(compiled)


def test_kept_template_is_compiled_again_when_source_or_settings_change(tmp_path):
    folder, cache = tmp_path / "templates", template_cache(tmp_path / "jinja")
    folder.mkdir()
    (folder / "a.html").write_text("<p>{{ x }}</p>\n", encoding="utf-8")
    assert _render_counting(folder, cache) == ("<p>1</p>", 1)    # compiled and kept
    assert _render_counting(folder, cache) == ("<p>1</p>", 0)    # read back, not compiled
    (folder / "a.html").write_text("<b>{{ x }}</b>\n", encoding="utf-8")
    assert _render_counting(folder, cache) == ("<b>1</b>", 1)    # edited: compiled again
    assert _render_counting(folder, cache, keep_trailing_newline=True) == ("<b>1</b>\n", 1)
    env = Environment(loader=FileSystemLoader(folder), bytecode_cache=cache)
    env.filters["shout"] = str.upper                             # a new filter name is a new key
    assert env.get_template("a.html").render(x=1) == "<b>1</b>"
    assert len(list((tmp_path / "jinja").iterdir())) == 3


def test_kept_page_markdown_is_compiled_again_when_its_text_changes(tmp_path):
    cache, page = template_cache(tmp_path / "jinja"), ["a.md"]

    def render(source):
        """(output, compiles) from a fresh environment, as mkdocs-macros renders a page."""
        env = Environment()
        cache_page_templates(env, lambda source: page[0], cache)
        compiled = []
        real = env.compile
        env.compile = lambda *a, **k: compiled.append(1) or real(*a, **k)
        return env.from_string(source).render(x=1), len(compiled)

    assert render("# {{ x }}") == ("# 1", 1)     # compiled and kept
    assert render("# {{ x }}") == ("# 1", 0)     # read back
    assert render("## {{ x }}") == ("## 1", 1)   # edited: compiled again, in the same entry
    page[0] = "b.md"
    assert render("## {{ x }}") == ("## 1", 1)   # another page has its own entry
    assert len(list((tmp_path / "jinja").iterdir())) == 2
    page[0] = None                               # outside a page: not kept
    assert render("{{ x }}!") == ("1!", 1) and render("{{ x }}!") == ("1!", 1)


def test_no_template_cache_where_the_folder_cannot_be_made(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert template_cache(blocker / "jinja") is None


def test_csp_reads_every_theme_template_and_no_icon():
    files = csp.template_files(ROOT)
    assert any(p.name == "base.html" and "material" in p.parts for p in files)
    assert any(p.name == "main.html" and "overrides" in p.parts for p in files)
    assert not any(".icons" in p.parts for p in files)
    # The same files a full walk of every template folder finds.
    full = [p for folder in csp.template_dirs(ROOT) for p in sorted(folder.rglob("*.html"))
            if ".icons" not in p.parts]
    assert files == full


def test_link_check_finds_a_missing_anchor_on_its_own_page_and_elsewhere():
    html = '<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">bad</a><a href="../b/#nope">bad</a>'
    broken = link_check.broken_links(html, "a/index.html", lambda t: t == "b/index.html",
                                     lambda t: {"yes"})
    assert broken == ["#gone", "../b/#nope"]


_SEGMENT = st.sampled_from(["a", "b", "x.html", "..", "."])


@settings(max_examples=300, deadline=None)
@given(folder=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3).map("/".join),
       path=st.lists(_SEGMENT, min_size=1, max_size=5).map("/".join), slash=st.booleans())
def test_link_check_climbs_as_a_plain_join_would(folder, path, slash):
    # Climbing the leading '../' first (cached per folder) leads where joining
    # and normalising the whole link does; a link that leaves the site still does.
    path += "/" if slash else ""
    plain = posixpath.normpath(posixpath.join(folder, path))
    if path.endswith("/") or plain == ".":
        plain = posixpath.join(plain, "index.html") if plain != "." else "index.html"
    got = link_check._from_root(folder, path)
    assert got == plain or (plain.startswith("..") and got.startswith(".."))


def test_faster_regexes_find_what_they_found_before():
    # The same ids: after any white space, never inside another attribute's name.
    assert link_check.ids(' id="a"\tid="b"\nid="c" data-id="no" x-id="no2" id="d"') == {"a", "b", "c", "d"}
    page = ('<head>\n<meta property="og:image" content="x">\n<meta name="twitter:image:alt" content="y">'
            '<meta name="twitter:image" content="z">\n<meta name="description" content="kept">\n</head>')
    # Each old tag goes with the line break before it, as with the former '\n?<meta ...'.
    assert share_images.without_image_tags(page) == '<head>\n<meta name="description" content="kept">\n</head>'


def test_macros_git_variable_is_never_fetched():
    # The hook replaces mkdocs-macros' git lookup; the value says "no git", as
    # mkdocs-macros itself does when git is missing.
    code = ("import runpy, mkdocs_macros.context as c; runpy.run_path('hooks/macros_git.py'); "
            "print(c.get_git_info())")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "{'status': False, 'date': None}"


def test_serve_sees_python_changes_only(tmp_path, monkeypatch):
    editor_loop = _load_hook("editor_loop")
    for package in editor_loop.PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "a.py").write_text("x = 1\n", encoding="utf-8")
        (tmp_path / package / "page.html").write_text("<p>1</p>\n", encoding="utf-8")
    monkeypatch.setattr(editor_loop, "ROOT", tmp_path)
    before = editor_loop.python_sources()
    (tmp_path / "macros" / "page.html").write_text("<p>22</p>\n", encoding="utf-8")
    assert editor_loop.python_sources() == before
    (tmp_path / "finishing" / "a.py").write_text("x = 22\n", encoding="utf-8")
    assert editor_loop.python_sources() != before


def _load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"_hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
