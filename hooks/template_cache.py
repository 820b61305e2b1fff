"""The theme's templates (Material's and our overrides/) compiled once and
kept in .cache/jinja/ (macros/template_cache.py): every build compiled them
again, a large part of a small site's build time."""

from jinja2 import Environment

from macros.template_cache import template_cache


def on_env(env: Environment, **_) -> Environment:
    env.bytecode_cache = template_cache()
    return env
