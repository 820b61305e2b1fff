"""Property-based: arbitrary strings (HTML, quotes, Markdown, Jinja, Unicode)
in data strings and front-matter fields always show as the text written, and
nothing runs. Two examples per build, many fields each, few builds."""

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


# Where each example's strings go. A build carries one example per slot
# at once, in places that do not overlap, so each build tests more strings.
SLOTS = [
    {"strategy": ("Respect their comfort zone", "strategies/respect-their-comfort-zone"),
     "sheet": ("past-and-present", r"^(\s+)label: What happened.*$"),
     "checklist": ("openness", "When my partner shares something personal, I thank them for telling me."),
     "page": "comfort-map"},
    {"strategy": ("Be there when they struggle", "strategies/be-there-when-they-struggle"),
     "sheet": ("care-plan", r"^(\s+)label: How can I tell when a hard day is starting\?$"),
     "checklist": ("be-there", "I notice when my partner is having a hard day, even if they say nothing."),
     "page": "trust-log"},
]
example = st.fixed_dictionaries({
    "strategy_title": titles, "sheet_title": titles, "checklist_title": titles, "label": body,
    "statement": body, "page_title": front_titles, "description": body})


def place(p, slot: dict, ex: dict) -> None:
    """Write one example's strings into the project copy p, at slot's places."""
    set_line(p / "data/strategies.yml", rf"^(    )title: {re.escape(slot['strategy'][0])}$", "title",
             ex["strategy_title"])
    sheet, label_line = slot["sheet"]
    set_line(p / f"data/worksheets/{sheet}.yml", r"^()title: .*$", "title", ex["sheet_title"])
    set_line(p / f"data/worksheets/{sheet}.yml", label_line, "label", ex["label"])
    checklist, statement = slot["checklist"]
    items = p / f"data/checklists/{checklist}.yml"
    set_line(items, r"^()title: .*$", "title", ex["checklist_title"])
    text = items.read_text(encoding="utf-8")
    assert json.dumps(statement) in text, (items, statement)
    items.write_text(text.replace("text: " + json.dumps(statement),
                                  "text: " + json.dumps(ex["statement"][:200] or "x", ensure_ascii=False), 1),
                     encoding="utf-8")
    page = p / f"docs/worksheets/{slot['page']}.md"
    set_line(page, r"^()title: .*$", "title", ex["page_title"])
    set_line(page, r"^()description: .*$", "description", ex["description"])


def check(read, slot: dict, ex: dict) -> None:
    """Each string of one example shows on the built pages as written."""
    strategy_title = ex["strategy_title"]
    strategy = read(slot["strategy"][1])
    assert shows(h1(strategy)).strip() == strategy_title.strip()
    assert meta(strategy, "property", "og:title") == f"{strategy_title} · The Trust Guide"
    assert shows(re.search(r"<title>(.*?)</title>", strategy, re.S)[1]) == f"{strategy_title} - The Trust Guide"
    sheet = read(f"worksheets/{slot['sheet'][0]}")
    assert shows(h1(sheet)).strip() == ex["sheet_title"].strip()
    checklist = read(f"checklists/{slot['checklist'][0]}")
    assert shows(h1(checklist)).strip() == ex["checklist_title"].strip()

    worksheet = read(f"worksheets/{slot['page']}")
    assert meta(worksheet, "name", "description") == ex["description"]
    assert meta(worksheet, "property", "og:title") == f"{ex['page_title']} · The Trust Guide"

    labels = [shows(m) for m in re.findall(r'<label class="tg-ws__label"[^>]*>(.*?)</label>', sheet, re.S)]
    assert squash(ex["label"]) in [squash(x) for x in labels]
    assert squash(ex["statement"][:200] or "x") in squash(html.unescape(re.sub(r"<[^>]+>", " ", checklist)))


# No shrinking: each step is a whole build, and the failing example is shown anyway.
# 5 builds of 2 examples each: 10 examples, as with one example per build.
@settings(max_examples=5, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(examples=st.lists(example, min_size=len(SLOTS), max_size=len(SLOTS)))
def test_any_string_shows_as_text(tmp_path_factory, examples):
    root = tmp_path_factory.mktemp("prop")
    p = copy_project(root / "project")
    for slot, ex in zip(SLOTS, examples, strict=True):
        place(p, slot, ex)

    result = build(p, root / "site")
    # The build never trips over a string (a stray script would fail it: hooks/finish_pages.py).
    assert result.returncode == 0, result.stderr[-3000:]
    site = root / "site"
    read = lambda url: (site / url / "index.html").read_text(encoding="utf-8")  # noqa: E731
    for slot, ex in zip(SLOTS, examples, strict=True):
        check(read, slot, ex)

    for page in site.rglob("*.html"):
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", page.read_text(encoding="utf-8")), page
