"""Load a YAML data file and check it against a JSON Schema shipped in this package.

Every failure is a DataError whose message names the file, the path inside it and what was
expected, so an editor can fix the data without reading code.
"""

from __future__ import annotations

import copy
import json
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match


class DataError(ValueError):
    """A data file (or config block) does not match what the site expects."""

    def __init__(self, source: str, path: str, problem: str) -> None:
        self.source, self.path, self.problem = source, path, problem
        where = f"{source}: {path}" if path else source
        super().__init__(f"{where}: {problem}")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema `schemas/<name>.schema.json` from this package."""
    text = resources.files("microsite").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def format_path(parts) -> str:
    """Turn a jsonschema path deque into `lines[2].source` style."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _StringDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's parser when PyYAML has it: several times faster) that keeps dates
    as text, so the schema (not PyYAML) judges them."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    """One compiled validator per schema, reused by every page that renders the same data."""
    return Draft202012Validator(load_schema(schema_name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate(data: Any, schema_name: str, source: str) -> Any:
    """Check `data` against a packaged schema; raise DataError on the first (deepest) problem."""
    errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: (-len(e.absolute_path), e.message))
    if errors:
        error = best_match(errors[:1])  # descends into oneOf/anyOf to the branch that fits best
        # Name the offending key itself for unknown keys, not just the object that holds it.
        path = format_path(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            if extra:
                path = f"{path}.{extra[0]}" if path else extra[0]
                return _raise(source, path, "unknown key (check the spelling)")
        _raise(source, path, error.message)
    return data


def _raise(source: str, path: str, problem: str):
    raise DataError(source, path, problem)


def load_yaml(path: str | Path, schema_name: str, check: Callable[[Any, str], Any] | None = None) -> Any:
    """Read a YAML file and validate it, then run `check(data, source)` if given (checks of
    meaning a schema cannot express); errors name the file.

    Several pages (and the plugin) load the same file in one build: the parsed, checked data is
    kept per file text, so an edited file is read afresh, and each caller gets its own copy.
    """
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise DataError(source, "", "file not found") from None
    return copy.deepcopy(_parse_and_check(text, schema_name, source, check))


@lru_cache(maxsize=16)
def _parse_and_check(text: str, schema_name: str, source: str, check: Callable[[Any, str], Any] | None) -> Any:
    try:
        data = yaml.load(text, Loader=_StringDatesLoader)  # noqa: S506 (safe subclass)
    except yaml.YAMLError as exc:
        raise DataError(source, "", f"not valid YAML ({exc})") from None
    data = validate(data, schema_name, source)
    return check(data, source) if check else data


def yaml_problem(text: str) -> str | None:
    """Why `text` is not valid YAML, or None if it is (libyaml's parser when available)."""
    try:
        yaml.load(text, Loader=_StringDatesLoader)  # noqa: S506 (safe subclass)
    except yaml.YAMLError as exc:
        return str(exc)
    return None
