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
        cache_page_templates(macros.env, lambda: _page_name(macros), template_cache())


def _page_name(macros) -> str | None:
    """The source path of the page mkdocs-macros is rendering (None before the first)."""
    page = getattr(macros, "page", None)  # its property raises AttributeError until then
    return page.file.src_path if page is not None else None


def on_env(env: Environment, **_) -> Environment:
    env.bytecode_cache = template_cache()
    return env
