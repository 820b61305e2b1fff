"""The theme's stylesheets (assets/stylesheets/, Material's or Zensical's)
without the rules this site can never match: about a third of their weight
on every first view, where a phone reader pays for each kB.

A selector is kept unless it names a class, id or attribute that appears
nowhere in the site: not in any page's markup and not in any script (the
theme's scripts build search results, tooltips and dialogs from class names
written in them). Only what is outside functional pseudo-classes counts, so
`:not(.x)` or `:is(.a, .b)` never causes a drop. Custom properties that no
kept rule, page or script reads go too. So the test errs on keeping: a
class that appears only as a word in a script keeps its rules, and a name a
script puts together (`md-source__fact--${t}`) keeps every rule it could
make wherever a page holds the name's block (`md-source`).

PurgeCSS does this for Node builds; the build here is Python, so the rules
are read with tinycss2 (a CSS parser, not hand-written parsing) and the
policy above is ours. A pruned file gets a new name from its content, so no
browser or service worker mixes it with an older copy. The result is cached
under .cache/unused-css by the stylesheet and the set of names it depends on,
so a rebuild that changes no markup pays only for the name check.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import tinycss2

from finishing import THEME_CSS, FinishingError
from finishing.results_cache import Cache

if TYPE_CHECKING:
    from finishing import Project

USES_PAGES = True
CACHE = Path(".cache") / "unused-css"

# A start tag, quoted values read whole (a ">" inside one does not end it).
TAG = re.compile(r"""<[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
# A script's text: one character, then up to the first </script> (what
# `(.+?)</script>` with re.S finds, unrolled: the lazy loop was slow on long scripts).
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>([\s\S][^<]*(?:<(?!/script>)[^<]*)*)</script>")
CLASS_ATTR = re.compile(r"""\sclass=(?:"([^"]*)"|'([^']*)')""")
WORD = re.compile(r"-{0,2}[A-Za-z_][\w-]*")
# A class, id or attribute test in a selector (an attribute's value is read with it).
NAME = re.compile(r"""([.#])(-?[A-Za-z_][\w-]*)|\[((?:[^\]"']|"[^"]*"|'[^']*')*)\]""")
# Inside [...]: the name, and the value when the test is for that exact value.
ATTRIBUTE = re.compile(r"""\s*([\w-]+)\s*(?:(\S?=)\s*("[^"]*"|'[^']*'|[^\s"']+))?""")
PSEUDO_CALL = re.compile(r"::?[\w-]+\(")
# The start of a name a script puts together: `md-tag--${x}` or "md-tag--" + x.
BUILT_NAME = re.compile(r"""([A-Za-z_][\w-]*[-_])\$\{|["']([A-Za-z_][\w-]*[-_])["']\s*\+""")
BLOCK = re.compile(r"(.+?)(?:__|--)")
VAR = re.compile(r"var\(\s*(--[\w-]+)")
CUSTOM = re.compile(r"--[\w-]+")


@dataclass(frozen=True)
class Needs:
    """The names a selector needs: classes, ids and attribute names."""
    classes: frozenset[str]
    others: frozenset[str]


def outside_pseudo_calls(selector: str) -> str:
    """The selector with every :name(...) group removed (nested ones too)."""
    out, i = [], 0
    for m in PSEUDO_CALL.finditer(selector):
        if m.start() < i:
            continue
        out.append(selector[i:m.start()])
        depth, j = 1, m.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j
    out.append(selector[i:])
    return "".join(out)


def needs(selector: str) -> Needs:
    classes, others = set(), set()
    if "\\" in selector:  # an escaped name (.md-\:x) is not read here: keep the selector
        return Needs(frozenset(), frozenset())
    for m in NAME.finditer(outside_pseudo_calls(selector)):
        if m.group(1) == ".":
            classes.add(m.group(2))
        elif m.group(1) == "#":
            others.add(m.group(2))
        else:
            attr = ATTRIBUTE.match(m.group(3))
            if attr is None:  # [*|href] and the like: not read here, so they need nothing
                continue
            others.add(attr.group(1))
            if attr.group(2) == "=":  # [data-md-color-primary=pink] needs "pink" somewhere
                others.add("=" + attr.group(3).strip("\"'"))
    return Needs(frozenset(classes), frozenset(others))


@dataclass
class Rule:
    selectors: list[tuple[str, Needs]] | None   # None: an at-rule or anything else, kept as written
    # A rule's declarations as (custom property name or "", text); a block
    # at-rule's child rules; or the raw text of anything else.
    body: list
    prelude: str = ""


BLOCK_AT_RULES = {"media", "supports", "layer", "container"}


@functools.cache
def parse(css: str) -> list[Rule]:
    """The sheet's rules, declarations already written out (so pruning is
    string work only); kept for the process, as both steps of a cache miss read them."""
    rules = []
    for node in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        rules.extend(_rule(node))
    return rules


def parsed(name: str, css: str) -> list[Rule]:
    """parse(css), or the build's error naming the sheet that cannot be read."""
    try:
        return parse(css)
    except ValueError as err:
        raise FinishingError(f"{name}: {err}") from None


def _rule(node) -> list[Rule]:
    if node.type == "qualified-rule":
        selectors = [(s.strip(), needs(s.strip())) for s in split_selectors(tinycss2.serialize(node.prelude))]
        decls = [declaration(d) for d in
                 tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)]
        return [Rule(selectors, decls)]
    if node.type == "at-rule" and node.lower_at_keyword in BLOCK_AT_RULES and node.content is not None:
        children = [r for child in tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
                    for r in _rule(child)]
        return [Rule(None, children, "@" + node.at_keyword + tinycss2.serialize(node.prelude))]
    if node.type == "error":
        raise ValueError(f"unreadable CSS at line {node.source_line}: {node.message}")
    return [Rule(None, [tinycss2.serialize([node])])]


def declaration(d) -> tuple[str, str]:
    if d.type != "declaration":
        return "", tinycss2.serialize([d])
    text = d.name + ":" + tinycss2.serialize(d.value).strip() + ("!important" if d.important else "")
    return (d.name if d.name.startswith("--") else ""), text


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(...) or [...])."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p for p in parts if p.strip()]


def all_names(rules: list[Rule]) -> tuple[set[str], set[str]]:
    classes, others = set(), set()
    for r in rules:
        if r.selectors is not None:
            for _, n in r.selectors:
                classes |= n.classes
                others |= n.others
        elif r.prelude:
            c, o = all_names(r.body)
            classes |= c
            others |= o
    return classes, others


def render(rules: list[Rule], present: set[str], read: set[str] | None) -> str:
    """The rules whose selectors can match, without custom properties outside `read` (None: keep all)."""
    out = []
    for r in rules:
        if r.selectors is None and not r.prelude:
            out.append(r.body[0])
        elif r.selectors is None:
            inner = render(r.body, present, read)
            if inner:
                out.append(f"{r.prelude}{{{inner}}}")
        else:
            kept = [s for s, n in r.selectors if n.classes <= present and n.others <= present]
            decls = [text for prop, text in r.body if not prop or read is None or prop in read]
            if kept and decls:
                out.append(",".join(kept) + "{" + ";".join(decls) + "}")
    return "".join(out)


def prune(sheets: dict[str, str], present: set[str], read_elsewhere: set[str]) -> dict[str, str]:
    """Each sheet without the rules that need a name outside `present`, and
    without custom properties that no kept rule of any sheet (one sheet sets
    what another reads) and nothing in `read_elsewhere` reads."""
    rules = {name: parsed(name, css) for name, css in sheets.items()}
    texts = {name: render(r, present, None) for name, r in rules.items()}
    while True:  # dropping a property can leave another unread
        read = read_elsewhere.union(*(VAR.findall(t) for t in texts.values()))
        smaller = {name: render(r, present, read) for name, r in rules.items()}
        if smaller == texts:
            return texts
        texts = smaller


def markup_of(pages: list[str]) -> tuple[str, list[str]]:
    """The pages' distinct start tags, joined (where classes, ids and
    attributes are: pages share most of theirs, so this is small), and their
    distinct inline scripts."""
    tags = set().union(*(TAG.findall(html) for html in pages))
    scripts = set().union(*(INLINE_SCRIPT.findall(html) for html in pages))
    return "\n".join(sorted(tags)), sorted(scripts)


def script_names(scripts: list[str], candidates: set[str]) -> tuple[set[str], set[str]]:
    """(whole, built): the candidates a script names as a word (a value
    "=pink" as the word pink), and those it could put together from a
    beginning it writes, as Material writes `md-source__fact--${t}`."""
    words: set[str] = set()
    starts: set[str] = set()
    for text in scripts:
        words.update(WORD.findall(text))
        starts.update(a or b for a, b in BUILT_NAME.findall(text))
    whole = {n for n in candidates if n in words or (n[:1] == "=" and n[1:] in words)}
    built = {n for n in candidates - whole if starts and n.startswith(tuple(starts))}
    return whole, built


def block(name: str) -> str:
    """The block of a BEM name: md-source for md-source__fact--stars."""
    m = BLOCK.match(name)
    return m.group(1) if m else name


def site_names(markup: str, in_scripts: set[str], built: set[str], candidates: set[str],
               classes: set[str]) -> set[str]:
    """The candidate names this site uses: those its scripts name whole
    (script_names); those they put together, where a class attribute in the
    markup holds the name's block (a script only decorates what the page
    has: no .md-source, no repository facts); classes in class attributes;
    ids and attribute names anywhere in the markup (start tags); and values
    quoted in it."""
    in_markup = {c for a, b in CLASS_ATTR.findall(markup) for c in (a or b).split()}
    present = in_scripts | in_markup
    present.update(n for n in built if block(n) in in_markup)
    for n in candidates - classes - present:
        if n[:1] == "=" and (f'"{n[1:]}"' in markup or f"'{n[1:]}'" in markup):
            present.add(n)
        elif n[:1] != "=" and n in markup:
            present.add(n)
    return present & candidates


def properties_read(texts: list[str], own_css: list[str]) -> set[str]:
    """Custom properties read outside the theme's sheets: any --name in
    markup or a script (style attributes, getPropertyValue), var(--name) in our CSS."""
    read = {v for t in texts for v in CUSTOM.findall(t)}
    return read.union(*(VAR.findall(t) for t in own_css))


def new_name(path: str, text: str) -> str:
    """assets/stylesheets/main.57a0d79d.min.css -> assets/stylesheets/main.<hash of text>.min.css"""
    folder, _, base = path.rpartition("/")
    stem = base.split(".", 1)[0]
    return f"{folder}/{stem}.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.css"


def run(site: Path, project: Project) -> None:
    """Step: prune the theme's stylesheets and point every page at the pruned copies."""
    if project.serving:
        return
    sheets = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
              for p in sorted((site / THEME_CSS).rglob("*.css"))}
    if not sheets:
        return
    cache = Cache(project.root / CACHE, Path(__file__))
    markup, inline = markup_of([html for _, html in project.pages.items()])
    # lunr's language files only split and stem words for the search index.
    scripts = [p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.js")) if "lunr" not in p.parts] + inline
    own_css = [p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.css"))
               if not p.relative_to(site).as_posix().startswith(THEME_CSS + "/")]
    classes, others = (set(x) for x in cache.get(["names", *sheets.values()], lambda: theme_names(sheets)))
    # The theme's scripts are the same build after build: what they name is cached.
    in_scripts, built, script_props = (set(x) for x in cache.get(
        ["scripts", *sheets.values(), *scripts],
        lambda: (*script_names(scripts, classes | others), properties_read(scripts, []))))
    # The same start tags (most edits change only text) give the same names.
    present = set(cache.get(
        ["present", markup, *sorted(in_scripts), "--", *sorted(built), "--", *sorted(classes), "--", *sorted(others)],
        lambda: site_names(markup, in_scripts, built, classes | others, classes)))
    read = script_props | properties_read([markup], own_css)
    pruned = cache.get(["pruned", *sheets, *sheets.values(), *sorted(present), "--", *sorted(read)],
                       lambda: prune(sheets, present, read))
    renamed = {}
    for old, text in pruned.items():
        new = new_name(old, text)
        if new == old:  # already pruned: a second run changes nothing
            continue
        (site / new).write_text(text, encoding="utf-8")
        (site / old).unlink()
        (site / f"{old}.map").unlink(missing_ok=True)  # it maps the unpruned file
        renamed[old] = new
    for where, html in project.pages.items():
        for old, new in renamed.items():
            html = html.replace(old, new)
        project.pages.set(where, html)


def theme_names(sheets: dict[str, str]) -> tuple[list[str], list[str]]:
    """The classes and the other names the sheets' selectors need."""
    classes, others = set(), set()
    for name, css in sheets.items():
        c, o = all_names(parsed(name, css))
        classes |= c
        others |= o
    return sorted(classes), sorted(others)
