"""Property-based: arbitrary strings (HTML, quotes, Markdown, Jinja, Unicode)
in data strings and front-matter fields always show as the text written, and
nothing runs. One build per example, many fields per build, few examples."""

import html
import json
import re

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from macros.text import _JINJA
from support import build, copy_project

# Characters to draw from: all of Unicode except control characters,
# surrogates and line or paragraph separators (a title is one line, and YAML
# and HTML both refuse control characters), with the ones that make markup
# drawn far more often.
MARKUP = list("<>&\"'`*_[]()!#{}|~^\\/=:;%") + ["<script>", "</script>", "{{", "}}", "{%", "&amp;",
                                                 "**", "<!--", "]]>", "\u200f", "é", "😀", "ש"]
ANY = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufffe\uffff")
piece = st.one_of(st.sampled_from(MARKUP), ANY, st.text(ANY, max_size=4))
words = st.lists(piece, min_size=1, max_size=12).map("".join)


def title_like(value: str) -> bool:
    return bool(value.strip()) and len(value) <= 80


titles = words.filter(title_like)
# Front matter is rendered by mkdocs-macros: a Jinja call there is meant to run.
front_titles = titles.filter(lambda v: not _JINJA.search(v))
body = words.filter(lambda v: v.strip() != "")


def set_line(path, pattern: str, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    def replace(m):
        return m.group(1) + key + ": " + json.dumps(value, ensure_ascii=False)

    new, count = re.subn(pattern, replace, text, count=1, flags=re.M)
    assert count == 1, (path, pattern)
    path.write_text(new, encoding="utf-8")


def h1(page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", page, re.S)
    assert match, "no h1"
    return match[1]


def meta(page: str, attr: str, name: str) -> str:
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', page)
    assert match, name
    return html.unescape(match[1])


def shows(fragment: str) -> str:
    """The text a fragment of HTML shows, if it is only text (no tags)."""
    assert "<" not in fragment, f"markup in a place for text: {fragment!r}"
    return html.unescape(fragment)


def squash(value: str) -> str:
    return " ".join(value.split())


# No shrinking: each step is a whole build, and the failing example is shown anyway.
@settings(max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(strategy_title=titles, sheet_title=titles, checklist_title=titles, label=body, statement=body,
       page_title=front_titles, description=body)
def test_any_string_shows_as_text(tmp_path_factory, strategy_title, sheet_title, checklist_title, label,
                                  statement, page_title, description):
    root = tmp_path_factory.mktemp("prop")
    p = copy_project(root / "project")
    set_line(p / "data/strategies.yml", r"^(    )title: Respect their comfort zone$", "title", strategy_title)
    set_line(p / "data/worksheets/past-and-present.yml", r"^()title: .*$", "title", sheet_title)
    set_line(p / "data/worksheets/past-and-present.yml", r"^(\s+)label: What happened.*$", "label", label)
    set_line(p / "data/checklists/openness.yml", r"^()title: .*$", "title", checklist_title)
    sheet = p / "docs/worksheets/comfort-map.md"
    set_line(sheet, r"^()title: .*$", "title", page_title)
    set_line(sheet, r"^()description: .*$", "description", description)
    items = p / "data/checklists/openness.yml"
    items.write_text(items.read_text(encoding="utf-8").replace(
        'text: "When my partner shares something personal, I thank them for telling me."',
        "text: " + json.dumps(statement[:200] or "x", ensure_ascii=False), 1), encoding="utf-8")

    result = build(p, root / "site")
    # The build never trips over a string (a stray script would fail it: hooks/finish_pages.py).
    assert result.returncode == 0, result.stderr[-3000:]
    site = root / "site"
    read = lambda url: (site / url / "index.html").read_text(encoding="utf-8")  # noqa: E731

    strategy = read("strategies/respect-their-comfort-zone")
    assert shows(h1(strategy)).strip() == strategy_title.strip()
    assert meta(strategy, "property", "og:title") == f"{strategy_title} · The Trust Guide"
    assert shows(re.search(r"<title>(.*?)</title>", strategy, re.S)[1]) == f"{strategy_title} - The Trust Guide"
    assert shows(h1(read("worksheets/past-and-present"))).strip() == sheet_title.strip()
    assert shows(h1(read("checklists/openness"))).strip() == checklist_title.strip()

    worksheet = read("worksheets/comfort-map")
    assert meta(worksheet, "name", "description") == description
    assert meta(worksheet, "property", "og:title") == f"{page_title} · The Trust Guide"

    labels = [shows(m) for m in re.findall(r'<label class="tg-ws__label"[^>]*>(.*?)</label>',
                                           read("worksheets/past-and-present"), re.S)]
    assert squash(label) in [squash(x) for x in labels]
    assert squash(statement[:200] or "x") in squash(html.unescape(re.sub(r"<[^>]+>", " ", read("checklists/openness"))))

    for page in site.rglob("*.html"):
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", page.read_text(encoding="utf-8")), page
