"""Strings from data or front matter as text, never markup (pure functions).

Decision: Markdown in a title is not rendered anywhere. `*kindness*` shows its
asterisks in the h1, the navigation, the tab title and the search results
alike. So a title is escaped for HTML and, because a macro's output in a page
body goes through Markdown, every character Markdown could read as syntax is
written as a numeric character reference, which Markdown leaves alone and the
browser shows as the character itself.
"""

import html
import re

# HTML's own (& < > ") and Markdown's inline syntax in this site's extensions:
# emphasis, code, links and images, escapes, attribute lists ({ #id }),
# trailing hashes of a heading, table pipes, and the tilde and caret of
# pymdownx extensions, should one be enabled later.
_SPECIAL = "&<>\"\\`*_[]!{}#|~^"
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
# {{ ... }}, {% ... %} and {# ... #}: what mkdocs-macros renders in a front-matter title.
_JINJA = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)


def as_text(value: str) -> str:
    """value escaped so that HTML and Markdown both show it as it is written."""
    return value.translate(_ENTITIES)


def literal_parts_as_text(template: str) -> str:
    """A front-matter title that may call a macro: the words around the macro
    calls escaped as text; the calls kept for mkdocs-macros (our macros
    return titles already escaped with as_text)."""
    parts = _JINJA.split(template)
    return "".join(part if n % 2 else as_text(part) for n, part in enumerate(parts))


def shown(value: str) -> str:
    """What a reader sees for an escaped string: the text itself (share images)."""
    return html.unescape(value)


def has_markup(value: str) -> bool:
    """True if value still holds characters HTML reads as markup."""
    return any(c in value for c in "<>\"") or re.search(r"&(?!#?\w+;)", value) is not None
