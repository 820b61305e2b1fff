"""The browser storage key format, read from data/storage-keys.json: the one
file that storage.js (through a JSON data block on every page, see
overrides/partials/tg-safe-storage.html), these macros and the tests share."""

from pathlib import Path

from pydantic import field_validator

from .loading import load_model
from .models import Model

FILE = "storage-keys.json"


class StorageKeys(Model):
    prefix: str
    choice: str
    # kind -> pattern after the prefix, with {id} and {version}
    kinds: dict[str, str]
    # fixed versions; a worksheet's version comes from its own data file
    versions: dict[str, int]

    @field_validator("kinds")
    @classmethod
    def _patterns_name_the_id(cls, kinds: dict[str, str]) -> dict[str, str]:
        for kind, pattern in kinds.items():
            if "{id}" not in pattern or "{version}" not in pattern:
                raise ValueError(f"the pattern of {kind!r} needs both {{id}} and {{version}}")
        return kinds

    def key(self, kind: str, id: str, version: int | None = None) -> str:
        """The full key of one saved thing, e.g. key('history', 'openness')."""
        number = self.versions[kind] if version is None else version
        return self.prefix + self.kinds[kind].format(id=id, version=number)

    def as_data(self) -> dict:
        """The fields as plain data, for the pages' JSON block (what model_dump
        gives, without building pydantic's serializer on every build)."""
        return {name: dict(value) if isinstance(value, dict) else value for name, value in self}

    @property
    def choice_key(self) -> str:
        return self.prefix + self.choice


def load_storage_keys(data_dir: Path) -> StorageKeys:
    return load_model(data_dir / FILE, StorageKeys)
