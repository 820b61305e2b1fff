"""Compiled templates kept in .cache/jinja/ (macros/template_cache.py): the
theme's (Material's and our overrides/) and each page's Markdown as
mkdocs-macros renders it. Every build compiled them all again, a large part
of a small site's build time."""

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from macros.template_cache import cache_page_templates, template_cache


def on_pre_build(config: MkDocsConfig) -> None:
    # mkdocs-macros makes its environment in its on_config, which runs before any hook's.
    macros = config.plugins.get("macros")
    if macros is not None:
        cache_page_templates(macros.env, lambda source: _entry_name(macros, source), template_cache())


def _entry_name(macros, source: str) -> str | None:
    """The page mkdocs-macros is rendering and which part: its Markdown, or
    its title (rendered after it when it holds a macro). None before a page."""
    page = getattr(macros, "page", None)  # its property raises AttributeError until then
    if page is None:
        return None
    return f"{page.file.src_path}#{'title' if source == page.title else 'markdown'}"


def on_env(env: Environment, **_) -> Environment:
    env.bytecode_cache = template_cache()
    return env
