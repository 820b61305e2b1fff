"""mkdocs-macros entry point: load the data once, register the macros."""

import functools
from pathlib import Path

# Absolute imports: Zensical loads this file by path, not as a package, and
# `python -m` from the project root makes the package importable either way.
from macros import errors
from macros.engine import BuildError
from macros.review_dates import check_review_dates
from macros.site import build_macros
from macros.storage_keys import load_storage_keys


def _reported(func):
    """A macro whose DataError is kept for the page (errors.report) instead of
    going through mkdocs-macros, which wraps it in a long traceback."""

    @functools.wraps(func)
    def call(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except errors.DataError as exc:
            if errors.debug():
                raise
            errors.report(str(exc))
            return ""

    return call


def define_env(env):
    """Called by mkdocs-macros at config time (Zensical: before each page)."""
    try:
        # A content page without review dates fails the build here, naming the page.
        check_review_dates(Path(env.conf["docs_dir"]))
        # The theme writes the storage key format into every page for storage.js.
        env.conf["extra"]["storage_keys"] = load_storage_keys(Path(env.project_dir) / "data").as_data()
        macros = build_macros(
            Path(env.project_dir) / "data",
            current_page=lambda: env.page,
            site_url=env.conf.get("site_url") or "",
        )
    except errors.DataError as exc:
        if errors.debug():
            raise
        raise BuildError(str(exc)) from None  # printed as it is: no traceback
    for name, func in macros.items():
        env.macro(_reported(func), name)
