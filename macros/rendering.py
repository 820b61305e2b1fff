"""The Jinja environment for macro HTML: autoescape on, undefined names fail."""

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .template_cache import template_cache

# Shared templates, then each feature subpackage's own; names are unique across them.
HERE = Path(__file__).parent
TEMPLATES = [HERE / "templates", HERE / "worksheets" / "templates", HERE / "checklists" / "templates"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=template_cache(),
    )


def render(template: str, **context) -> str:
    """Render one template to a single block of HTML.

    Blank lines are dropped so Markdown keeps the output as one HTML block
    (a blank line would end the block and let Markdown rewrite our HTML).
    """
    html = environment().get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
