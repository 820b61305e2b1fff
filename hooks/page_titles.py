"""Front-matter titles may call a macro (`title: "{{ strategy_title('x') }}"`)
so a strategy's title lives only in data/strategies.yml. mkdocs-macros renders
page.title but Material's <title> reads page.meta.title, so copy it back."""

from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, **_) -> str:
    if "title" in page.meta and page.title:
        page.meta["title"] = page.title
    return markdown
