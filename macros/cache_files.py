"""Files the build keeps in .cache/ between builds (QR codes, share cards,
the pruned theme CSS), each named by everything it was made from."""

import contextlib
import os
from pathlib import Path


def keep(path: Path, data: str | bytes) -> None:
    """Write a cache file whole, then rename it into place, so a build
    running alongside never reads half a file. A cache that cannot be
    written (a read-only checkout) is skipped: the build is only slower."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):  # no half-written file left behind
            tmp.unlink()
