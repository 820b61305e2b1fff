"""Read a YAML data file into a typed model, with errors an editor can read
(macros/errors.py): file, line, the field in words counted from 1, what is
allowed, an example. Duplicate keys are an error, and where text is expected
YAML's yes/no, numbers and dates are read as the text that was written
(`label: No`, `time_needed: 25`)."""

import datetime
import difflib
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import kept_models
from .errors import DataError, Problem, blocks

M = TypeVar("M", bound=BaseModel)
# libyaml's parser when PyYAML has it (its wheels do): the pure-Python one was
# the largest part of our build overhead (benchmarks/RESULTS.md).
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Safe YAML, with a repeated key an error (YAML keeps only the last one,
    so a second `sections:` silently drops the first)."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise _Duplicate(key, line, seen[key])
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class _Duplicate(Exception):
    def __init__(self, key, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


# Names of lists, in the singular an editor would use: 'sections', 0 -> "section 1".
SINGULAR = {"strategies": "strategy", "services": "service", "sources": "source", "topics": "topic", "cites": "citation", "ways": "way", "sections": "section", "fields": "field", "items": "statement",
            "bands": "band", "scale": "answer", "instructions": "instruction", "options": "option",
            "columns": "column", "row_labels": "row label"}
# One correct value per field name, written as in a data file.
EXAMPLES = {
    "id": "id: comfort-map", "slug": "slug: respect-their-comfort-zone",
    "strategy": "strategy: comfort-zone", "worksheet": "worksheet: comfort-map",
    "checklist": "checklist: comfort-zone", "title": 'title: "Respect their comfort zone"',
    "label": 'label: "Not yet"', "kind": "kind: lines", "lines": "lines: 4", "rows": "rows: 3",
    "points": "points: 5", "number": "number: 2", "value": "value: 0", "min": "min: 0", "max": "max: 6",
    "time_needed": 'time_needed: "25 minutes"', "summary": 'summary: "Trust can\'t be forced."',
    "text": 'text: "I ask before making plans that involve my partner."',
    "heading": 'heading: "What feels fine"', "purpose": 'purpose: "Agree together what feels fine."',
}
ID_RULE = "lowercase letters a-z, digits 0-9 and single hyphens between them"


def _kind(value) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return "nothing" if value is None else "text"


def _is_tag(value, part, i: int, loc: tuple) -> bool:
    """pydantic puts a union's tag in the location ('fields', 0, 'lines',
    'label'); a field may have the same name as its kind (lines: 3)."""
    return isinstance(value, dict) and i < len(loc) - 1 and value.get("kind") == part


def _walk(data, node, loc: tuple):
    """Follow a pydantic error location through the data and the YAML nodes.
    Returns (words, value, node, parent node); a location part that is not in
    the data (a union's tag such as 'lines') is left out."""
    words, value, parent = [], data, None
    for i, part in enumerate(loc):
        if _is_tag(value, part, i, loc):
            continue
        if isinstance(part, int) and isinstance(value, list) and part < len(value):
            parent, node = node, (node.value[part] if isinstance(node, yaml.SequenceNode) else None)
            value = value[part]
            if words and words[-1][1] is None:
                words[-1] = (words[-1][0], part + 1)
            continue
        if isinstance(part, str) and isinstance(value, dict) and part in value:
            parent = node
            node = next((v for k, v in getattr(node, "value", []) if getattr(k, "value", None) == part), None) \
                if isinstance(node, yaml.MappingNode) else None
            value = value[part]
            words.append((part, None))
            continue
        if isinstance(part, str) and isinstance(value, dict) and i == len(loc) - 1:  # missing or unknown
            words.append((part, None))
            parent, value = node, None
            node = next((k for k, _ in getattr(node, "value", []) if getattr(k, "value", None) == part), None) \
                if isinstance(node, yaml.MappingNode) else None
            break
    text = []
    for name, n in words:
        text.append(f"{SINGULAR.get(name, name.replace('_', ' '))} {n}" if n else name)
    return ", ".join(text), value, node, parent


def _line(node, parent) -> int | None:
    for candidate in (node, parent):
        if candidate is not None:
            return candidate.start_mark.line + 1
    return None


def _field_name(loc: tuple) -> str:
    names = [p for p in loc if isinstance(p, str)]
    return names[-1] if names else ""


def _explain(item: dict, value, field: str) -> tuple[str, str, str]:
    """(problem, allowed, example) for one pydantic error, in plain words."""
    kind, ctx = item["type"], item.get("ctx") or {}
    example = EXAMPLES.get(field, "")
    if kind == "missing":
        return "this field is missing", "it is required here", example
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field, [*EXAMPLES, *SINGULAR, "description", "instructions",
                                                  "intro", "hint", "options", "low", "high", "columns",
                                                  "row_labels", "message", "next", "summary"], n=1, cutoff=0.8)
        hint = f"; did you mean '{close[0]}'?" if close else "; check its spelling"
        return f"'{field}' is not a field here", "only the fields this kind of entry has" + hint, ""
    if kind == "string_type":
        return (f"this should be text, but YAML read it as {_kind(value)}",
                "text; put it in quotes if YAML might read it as something else", example or 'label: "No"')
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"this should be a whole number, but it is {_kind(value)}", "a whole number, no quotes", example
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a valid id", ID_RULE, example or "id: comfort-map"
    if kind == "string_too_short":
        return "it is empty", "some text", example
    if kind == "string_too_long":
        return (f"it is {len(value)} characters long", f"at most {ctx.get('max_length')} characters",
                example)
    if kind == "too_short":
        return "it has too few entries", f"at least {ctx.get('min_length')}", ""
    if kind == "too_long":
        return "it has too many entries", f"at most {ctx.get('max_length')}", ""
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": "at least", "greater_than": "more than",
                 "less_than_equal": "at most", "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()), "")
        return f"{value} is out of range", f"a number {bound} {limit}", example
    if kind in ("literal_error", "union_tag_invalid", "union_tag_not_found"):
        expected = ctx.get("expected") or ctx.get("expected_tags") or ""
        problem = f"'{value}' is not one of the choices" if value is not None else "it is missing"
        return problem, f"one of {expected}", example or "kind: lines"
    if kind in ("list_type", "model_type", "dict_type", "model_attributes_type"):
        want = "a list" if kind == "list_type" else "a group of fields"
        return f"this should be {want}, but it is {_kind(value)}", want, example
    message = item["msg"].removeprefix("Value error, ")
    return message, "", ""


def _problems(exc: ValidationError, data, root) -> list[Problem]:
    problems = []
    for item in exc.errors():
        where, value, node, parent = _walk(data, root, item["loc"])
        field = _field_name(item["loc"])
        if item["type"].startswith("union_tag") and isinstance(value, dict):
            field = str((item.get("ctx") or {}).get("discriminator", "kind")).strip("'")
            where, value, node, parent = _walk(data, root, (*item["loc"], field))
        problem, allowed, example = _explain(item, value, field)
        line = _line(node, parent) if item["loc"] else None  # a whole-file check has no one line
        problems.append(Problem(where, problem, allowed, example, line))
    return problems


def _as_written(data, root, exc: ValidationError) -> bool:
    """Where text is expected and YAML read a yes/no, number or date, put back
    the text as written. True if anything changed."""
    changed = False
    for item in exc.errors():
        if item["type"] != "string_type" or not isinstance(
                item["input"], (bool, int, float, datetime.date)):
            continue
        _, _, node, _ = _walk(data, root, item["loc"])
        holder, key = _holder(data, item["loc"])
        if isinstance(node, yaml.ScalarNode) and holder is not None:
            holder[key] = node.value
            changed = True
    return changed


def _holder(data, loc: tuple):
    """The list or dict that holds the value at loc, and its key."""
    value, holder, key = data, None, None
    for i, part in enumerate(loc):
        if _is_tag(value, part, i, loc):
            continue
        if isinstance(value, list) and isinstance(part, int) and part < len(value):
            holder, key, value = value, part, value[part]
        elif isinstance(value, dict) and part in value:
            holder, key, value = value, part, value[part]
    return holder, key


def shown_path(path: Path) -> str:
    """data/strategies.yml rather than the whole absolute path, when it can be."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{shown_path(path)}: file not found") from None


def read_yaml(path: Path, raw: bytes | None = None):
    """(data, root node) of a YAML file (raw: its bytes, if read already);
    DataError for anything unreadable."""
    shown = shown_path(path)
    try:
        text = (_read_bytes(path) if raw is None else raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(Problem("", f"the file is not saved as UTF-8 text (byte {exc.start + 1} "
                                    f"cannot be read)", "UTF-8 text",
                                "save it again as UTF-8 in your editor").block(shown)) from None
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except _Duplicate as dup:
        raise DataError(Problem(f"'{dup.key}'", f"'{dup.key}' appears twice (first on line {dup.first}); "
                                "YAML would keep only the last one", "each field once",
                                f"one '{dup.key}:' with everything under it", dup.line).block(shown)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(Problem("", f"not valid YAML: {problem}", "",
                                "check the indentation and that text with a colon is in quotes",
                                mark.line + 1 if mark else None).block(shown)) from None
    finally:
        loader.dispose()
    if data is None:
        raise DataError(Problem("", "the file is empty").block(shown))
    return data, root


def _validate(path: Path, raw: bytes, model: type[M], context: dict | None) -> M:
    data, root = read_yaml(path, raw)
    while True:
        try:
            return model.model_validate(data, context=context)
        except ValidationError as exc:
            # Put back text as written, then try again; stop when nothing changes.
            if not _as_written(data, root, exc):
                raise DataError(blocks(shown_path(path), _problems(exc, data, root))) from None


# Models already validated in this process, by everything validation reads:
# the file's bytes, the model and the context. The hooks, the macros and the
# finishing steps all load data/strategies.yml; it is validated once.
_validated: dict[tuple, BaseModel] = {}
_KEEP = 256  # entries; `make serve` adds one per saved edit of a data file


def load_model(path: Path, model: type[M], context: dict | None = None) -> M:
    """Parse one YAML file and validate it; DataError with one block per problem."""
    raw = _read_bytes(path)
    key = (str(path.resolve()), model, raw, repr(sorted((context or {}).items())))
    if key not in _validated:
        if len(_validated) >= _KEEP:
            _validated.clear()
        _validated[key] = kept_models.kept(kept_models.model_key(model, raw, context),
                                           lambda: _validate(path, raw, model, context))
    return _validated[key]


def load_folder(folder: Path, model: type[M], context: dict | None = None) -> dict[str, M]:
    """Every folder/*.yml validated as model, by id; a file's name must match its id."""
    misnamed = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.suffix != ".yml") \
        if folder.is_dir() else []
    if misnamed:
        raise DataError(Problem("", "data files must end in .yml, so this one is not read", ".yml",
                                f"rename it to {misnamed[0].stem}.yml").block(shown_path(misnamed[0])))
    loaded: dict[str, M] = {}
    for path in sorted(folder.glob("*.yml")):
        item = load_model(path, model, context=context)
        if item.id != path.stem:
            raise DataError(Problem("id", f"'{item.id}' does not match the file name", "the file name without .yml",
                                    f"id: {path.stem}").block(shown_path(path)))
        loaded[item.id] = item
    return loaded
