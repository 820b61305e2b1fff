"""The editor's loop under `make serve` (mkdocs serve):

- mkdocs.yml `watch:` adds data/, macros/, hooks/ and overrides/;
- each rebuild imports the macros package afresh, so a change to Python code
  takes effect without restarting the server (hooks are loaded afresh by
  MkDocs itself);
- a failed rebuild prints the same short block as `mkdocs build` and no
  traceback (unless TRUST_GUIDE_DEBUG=1); the server keeps watching, and the
  preview comes back with the next save that fixes it.
"""

import logging
import sys

from mkdocs.exceptions import Abort, MkDocsException

from macros.errors import debug

log = logging.getLogger("mkdocs.hooks.editor_loop")
PACKAGES = ("macros", "finishing")


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        # No __pycache__ writes in watched folders: each would trigger a rebuild.
        sys.dont_write_bytecode = True


def forget_macros() -> None:
    """Drop our packages from Python's module cache: the next build imports the files as they are now."""
    for name in [n for n in sys.modules if n in PACKAGES or n.startswith(tuple(p + "." for p in PACKAGES))]:
        del sys.modules[name]


def on_serve(server, config, builder):
    build = server.builder

    def rebuild():
        forget_macros()
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
