"""Page titles and descriptions from front matter are text, never HTML.

MkDocs and Material write page.title (navigation, header, h1, <title>,
previous/next, search index) and page.meta.description (<meta>) into pages
unescaped. So this escapes them before anyone reads them and hands them on as
markupsafe.Markup: Material prints them as they are, and a template that
escapes (`| e`, our tg-meta.html) does not escape them twice.

Front-matter titles may call a macro (`title: "{{ strategy_title('x') }}"`)
so a strategy's title lives only in data/strategies.yml; mkdocs-macros renders
page.title, and our title macros return text already escaped (macros/text.py).
"""


from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from macros import errors
from macros.text import as_text, has_markup, literal_parts_as_text, shown

TITLE_MAX = 80          # the same limit as data titles (macros/models.py)
DESCRIPTION_MAX = 300   # link previews cut at about 200; room for a sentence or two


def _fail(page: Page, field: str, problem: str, example: str) -> None:
    raise PluginError(f"docs/{page.file.src_path}: front matter, {field}\n"
                      f"  Problem: {problem}\n  Example: {example}")


def _text_field(page: Page, field: str, example: str):
    value = page.meta.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        _fail(page, field, f"this should be text, but YAML read it as {type(value).__name__} "
                           f"({value!r}); put the text in quotes", f'{field}: "{example}"')
    if not value.strip():
        _fail(page, field, "it is empty or only spaces", f'{field}: "{example}"')
    return value


@event_priority(100)  # before mkdocs-macros renders the title
def on_page_markdown(markdown: str, page: Page, **_) -> str:
    errors.take()  # nothing left over from a page before
    if markdown.startswith("---\n"):  # MkDocs shows front matter it cannot read as text
        _fail(page, "front matter", "it is not valid YAML, so it would show on the page",
              'title: "A title with a colon: in quotes"')
    title = _text_field(page, "title", "Respect their comfort zone")
    if title is not None and page.title == title:
        page.title = literal_parts_as_text(title)
    elif page.title:  # a title given in mkdocs.yml's nav wins over front matter
        page.title = as_text(page.title)
    description = _text_field(page, "description", "What this page helps you do, in a sentence.")
    if description is not None:
        if len(description) > DESCRIPTION_MAX:
            _fail(page, "description", f"{len(description)} characters, at most {DESCRIPTION_MAX} fit",
                  "description: \"A sentence or two.\"")
        page.meta["description"] = Markup(as_text(description))
    return markdown


@event_priority(-100)  # after mkdocs-macros
def on_page_content(html: str, page: Page, **_) -> str:
    """Every page's title, whatever its source (front matter, the nav in
    mkdocs.yml, the first heading), as escaped text; before any template runs,
    since each page's navigation shows every other page's title. First, a
    macro's DataError on this page (macros/__init__.py kept it)."""
    found = errors.take()
    if found:
        raise PluginError("\n\n".join(found))
    title = page.title or ""
    if has_markup(title):  # e.g. "{{ '<b>' }}": Jinja in front matter that writes HTML
        _fail(page, "title", "it makes HTML; a title is plain text",
              "title: \"{{ strategy_title('not-personal') }}\"")
    words = shown(title)
    if not words.strip():
        _fail(page, "title", "it is empty or only spaces", 'title: "Respect their comfort zone"')
    if len(words) > TITLE_MAX:
        _fail(page, "title", f"{len(words)} characters, at most {TITLE_MAX} fit in the navigation",
              'title: "Respect their comfort zone"')
    page.title = Markup(title)
    page.meta["title"] = page.title   # Material's <title> and header read meta.title
    return html
