"""Read a YAML data file into a typed model, with errors that name file and field."""

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError

M = TypeVar("M", bound=BaseModel)
# libyaml's parser when PyYAML has it (its wheels do): the pure-Python one was
# the largest part of our build overhead (benchmarks/RESULTS.md).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def field_path(loc: tuple) -> str:
    """('sections', 0, 'fields', 2, 'kind') -> 'sections[0].fields[2].kind'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def describe(path: Path, error: ValidationError) -> str:
    lines = [f"{path}: invalid data"]
    for item in error.errors():
        lines.append(f"  {field_path(item['loc'])}: {item['msg']}")
    return "\n".join(lines)


def load_model(path: Path, model: type[M], context: dict | None = None) -> M:
    """Parse one YAML file and validate it; raise DataError naming the file and field."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from None
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as exc:
        raise DataError(describe(path, exc)) from None


def load_folder(folder: Path, model: type[M], context: dict | None = None) -> dict[str, M]:
    """Every folder/*.yml validated as model, by id; a file's name must match its id."""
    loaded: dict[str, M] = {}
    for path in sorted(folder.glob("*.yml")):
        item = load_model(path, model, context=context)
        if item.id != path.stem:
            raise DataError(f"{path}: id: '{item.id}' must match the file name '{path.stem}'")
        loaded[item.id] = item
    return loaded
