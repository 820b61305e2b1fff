"""Results the finishing steps keep in .cache/ between builds (the pruned
theme CSS, the on-demand sheets' classes, minified scripts): JSON files,
each named by a digest of the inputs it was computed from and of the source
of the code that computes it, so a change to either computes it again."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from macros.cache_files import keep

MISSING = object()  # load(): nothing kept for these inputs


@functools.cache
def _source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


class Cache:
    def __init__(self, folder: Path, *code: Path):
        """Results in folder, keyed by their inputs and the text of the code files."""
        self.folder = folder
        self.code = [_source(path) for path in code]

    def _file(self, inputs: list[str]) -> Path:
        digest = hashlib.sha256("\0".join([*self.code, *inputs]).encode("utf-8")).hexdigest()
        return self.folder / f"{digest}.json"

    def load(self, inputs: list[str]):
        """The kept result, or MISSING (not kept yet, or unreadable: a build stopped mid-write)."""
        try:
            return json.loads(self._file(inputs).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return MISSING

    def store(self, inputs: list[str], value):
        """Keep value (sets as sorted lists); returns it as a later load() will."""
        text = json.dumps(value, default=sorted)
        keep(self._file(inputs), text)
        return json.loads(text)

    def get(self, inputs: list[str], compute):
        found = self.load(inputs)
        return self.store(inputs, compute()) if found is MISSING else found
