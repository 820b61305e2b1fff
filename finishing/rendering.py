"""The Jinja environment for finishing/templates/: autoescape on, undefined
names fail, compiled once per process (and kept in .cache/jinja/)."""

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from macros.template_cache import template_cache

TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                       undefined=StrictUndefined, bytecode_cache=template_cache())


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
