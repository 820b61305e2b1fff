"""The editor's loop under `make serve` (mkdocs serve):

- mkdocs.yml `watch:` adds data/, macros/, hooks/ and overrides/;
- a rebuild after a change to Python code in macros/ or finishing/ imports
  those packages afresh, so the change takes effect without restarting the
  server (hooks are loaded afresh by MkDocs itself); a rebuild after any
  other change keeps them, which spares it importing pydantic's models again
  (templates and data files are read afresh on every build either way);
- a failed rebuild prints the same short block as `mkdocs build` and no
  traceback (unless TRUST_GUIDE_DEBUG=1); the server keeps watching, and the
  preview comes back with the next save that fixes it.
"""

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort, MkDocsException

from macros.errors import debug

log = logging.getLogger("mkdocs.hooks.editor_loop")
PACKAGES = ("macros", "finishing")
ROOT = Path(__file__).resolve().parent.parent


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        # No __pycache__ writes in watched folders: each would trigger a rebuild.
        sys.dont_write_bytecode = True


def forget_macros() -> None:
    """Drop our packages from Python's module cache: the next build imports the files as they are now."""
    for name in [n for n in sys.modules if n in PACKAGES or n.startswith(tuple(p + "." for p in PACKAGES))]:
        del sys.modules[name]


def python_sources() -> dict[str, tuple[int, int]]:
    """Each .py file of our packages with its modification time and size."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            stat = path.stat()
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def on_serve(server, config, builder):
    build = server.builder
    imported = {"sources": python_sources()}  # as the first build imported them

    def rebuild():
        now = python_sources()
        if now != imported["sources"]:
            forget_macros()
            imported["sources"] = now
        elif "macros.errors" in sys.modules:
            # Kept packages start clean: a failed build may have left a page's errors behind.
            sys.modules["macros.errors"].take()
        try:
            build()
        except Exception as exc:  # the server's loop would print a traceback
            if debug():
                raise
            if not isinstance(exc, Abort):  # Abort: MkDocs has printed the message already
                text = str(exc) if isinstance(exc, MkDocsException) else f"{type(exc).__name__}: {exc}"
                log.error(text)
            log.error("The preview stays as it was; save a fix and it updates. "
                      "(TRUST_GUIDE_DEBUG=1 shows the full traceback.)")

    server.builder = rebuild
    return server
