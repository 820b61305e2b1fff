"""Validated data kept in .cache/data/ between builds.

Validating every data file again on every build was a large part of a small
site's build time: parsing the YAML, building pydantic's validators, running
them. A kept result is read back only when everything validation depends on
is the same: the file's bytes, the model, the context, the code of every
module in macros/ (models, validators and the messages they raise), and the
versions of Python and pydantic. The file's path is not part of it (a result
never holds its path), so the same text anywhere is one entry. Anything
else, or an entry that cannot be read back, means validating again; a file
that fails validation is never kept, so its error is reported on every build.

So validation may read nothing else: no clock, no other file, no setting
(what another file says reaches a validator as context, and is in the key)."""

import functools
import hashlib
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pydantic

from .cache_files import keep

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "data"
T = TypeVar("T")


def code_digest(package: Path) -> bytes:
    """A digest of every Python file under package, with the versions of
    Python and pydantic: what a validated result depends on besides its file."""
    digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}".encode())
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes() + b"\0")
    return digest.digest()


@functools.cache
def _code_digest() -> bytes:
    return code_digest(Path(__file__).resolve().parent)


def _canonical(value) -> str:
    """A repr that is the same in every process (a set's order is not)."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{_canonical(k)}:{_canonical(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(_canonical(v) for v in value)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_canonical(v) for v in value) + "]"
    return repr(value)


def key(*parts: str | bytes) -> str:
    """The entry's name for a result made from these parts (and the code)."""
    digest = hashlib.sha256(_code_digest())
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def model_key(model: type, raw: bytes, context: dict | None) -> str:
    """The name for a data file validated as model with this context."""
    return key(f"{model.__module__}.{model.__qualname__}", _canonical(context or {}), raw)


def kept(name: str, make: Callable[[], T], directory: Path | None = None) -> T:
    """The result kept under name, or make()'s, kept for next time."""
    file = (directory or CACHE_DIR) / f"{name}.pickle"
    try:
        return pickle.loads(file.read_bytes())
    except Exception:  # missing, half-written or from another version: validate again
        pass
    result = make()
    keep(file, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return result
