"""mkdocs-macros entry point: load the data once, register the macros."""

from pathlib import Path

from .review_dates import check_review_dates
from .site import build_macros


def define_env(env):
    """Called by mkdocs-macros at config time."""
    # A content page without review dates fails the build here, naming the page.
    check_review_dates(Path(env.conf["docs_dir"]))
    macros = build_macros(
        Path(env.project_dir) / "data",
        current_page=lambda: env.page,
        site_url=env.conf.get("site_url") or "",
    )
    for name, func in macros.items():
        env.macro(func, name)
