"""Load a YAML data file and check it against a JSON Schema shipped in this package.

Every failure is a DataError whose message names the file, the path inside it and what was
expected, so an editor can fix the data without reading code. YAML is read strictly: a key written
twice in one mapping is an error (PyYAML would keep the last one silently), and so are an alias, a
key that YAML reads as a boolean or a number, a tag that is not plain data (one that would run
code or read the environment) and nesting no data needs: one reader, `yaml_nodes.compose`.
A schema's `$` means the end of the text (Python's would let a trailing newline through).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError, best_match

from . import text, urls
from .yaml_nodes import NodeProblem, compose, key_not_text

try:  # Under MkDocs a BuildError ends the build with its message and no traceback.
    from mkdocs.exceptions import BuildError as _ErrorBase
except ImportError:  # the blocks also run without MkDocs
    _ErrorBase = ValueError  # type: ignore[misc,assignment]  # one of two base classes, chosen at import


class DataError(_ErrorBase, ValueError):
    """A data file (or config block) does not match what the site expects."""

    def __init__(self, source: str, path: str, problem: str, reason: str | None = None) -> None:
        # `reason`: what was wrong with the value, without the value itself (for callers that
        # word the message their own way).
        source, path = str(source), str(path)
        self.source, self.path, self.problem, self.reason = source, path, problem, reason
        where = ": ".join(part for part in (source, path) if part)
        super().__init__(f"{where}: {problem}" if where else problem)


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema `schemas/<name>.schema.json` from this package."""
    text_ = resources.files("microsite").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text_)


def format_path(parts) -> str:
    """Turn a jsonschema path deque into `lines[2].source` style."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# Formats the schemas use for text and addresses: each check gives the problem in plain words.
FORMAT_CHECKS: dict[str, Callable[[str], str | None]] = {
    "plain-text": text.plain_text_problem,
    "markdown-text": text.markdown_problem,
    "https-url": lambda value: urls.url_problem(value, ("https",)),
    "web-url": lambda value: urls.url_problem(value, ("http", "https")),
    "email-address": urls.email_problem,
    "embed-origin": urls.origin_problem,
    "contact-address": urls.contact_problem,
}
FORMATS = FormatChecker()
for _name, _check in FORMAT_CHECKS.items():
    def _checker(value: Any, check=_check) -> bool:
        problem = check(value) if isinstance(value, str) else None
        if problem:
            raise ValueError(problem)
        return True
    FORMATS.checks(_name, raises=ValueError)(_checker)


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # chosen at import
    """SafeLoader (libyaml's parser when PyYAML has it: several times faster) that keeps dates
    as text, so the schema (not PyYAML) judges them."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text_: str, source: str, loader: type = _StrictLoader) -> Any:
    """Parse one YAML document of plain data strictly (see `yaml_nodes.py`): a syntax error, a key
    written twice or read as a boolean or a number, an alias, a tag that is not plain data, nesting
    too deep or a second document is a DataError naming its line. The document is composed and
    checked before any value is constructed."""
    parser = loader(text_)
    try:
        node = compose(parser)
        return None if node is None else parser.construct_document(node)
    except NodeProblem as exc:
        raise DataError(source, "", str(exc)) from None
    except yaml.YAMLError as exc:
        raise DataError(source, "", f"not valid YAML ({' '.join(str(exc).split())})") from None
    finally:
        parser.dispose()


# MkDocs' own front-matter pattern: a `---` line, YAML, then a `---` or `...` line.
FRONT_MATTER_RE = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)


def front_matter_text(page_text: str) -> str | None:
    """The YAML between a page's `---` lines, or None when the page has no front matter."""
    match = FRONT_MATTER_RE.match(page_text)
    return match[1] if match else None


def front_matter(page_text: str, source: str) -> dict[str, Any]:
    """A page's front matter, read strictly as plain data, or {} when the page has none. MkDocs
    quietly renders broken front matter as text, and keeps the last of two equal keys: here either
    is a DataError naming `source` and the file's own line."""
    front = front_matter_text(page_text)
    if front is None:
        return {}
    try:
        meta = parse_yaml("\n" + front, source)  # so its line numbers are the file's
    except DataError as exc:
        raise DataError(source, "", f"front matter is not valid: {exc.problem}") from None
    return meta if isinstance(meta, dict) else {}


def config_file_problem(path: Path) -> str | None:
    """A key written twice in a MkDocs config file or any file it INHERITs, or None.

    MkDocs reads its config with PyYAML, which keeps the last of two equal keys, so a practice's
    `extra.practice` written twice would lose the first without a word.
    """
    seen = set()
    current: Path | None = path
    while current and current not in seen:
        seen.add(current)
        parser = yaml.SafeLoader(current.read_text("utf-8"))
        try:  # MkDocs' own tags (`!!python/name:`, `!ENV`) need no constructor: nothing is constructed
            node = compose(parser, plain=False)
        except NodeProblem as exc:
            return f"{current.name}: {exc}"
        finally:
            parser.dispose()
        parent = _inherit(node)
        current = (current.parent / parent).resolve() if parent else None
    return None


def _inherit(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "INHERIT" and isinstance(value, yaml.ScalarNode):
                return value.value
    return None


@cache
def _whole(pattern: str) -> re.Pattern:
    """A schema pattern as JSON Schema means it: a final `$` is the end of the text."""
    body = pattern[:-1]
    if pattern.endswith("$") and (len(body) - len(body.rstrip("\\"))) % 2 == 0:  # not an escaped \$
        pattern = body + r"\Z"
    return re.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict) -> Any:
    if validator.is_type(instance, "string") and not _whole(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_StrictValidator = validators.extend(Draft202012Validator, {"pattern": _pattern})


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    """One compiled validator per schema, reused by every page that renders the same data."""
    return _StrictValidator(load_schema(schema_name), format_checker=FORMATS)


def key_problem(data: Any) -> tuple[str, str] | None:
    """(path, problem) for the first mapping key that is not text (YAML reads `NO:` as false and
    `1:` as a number), or None. Each mapping and list is looked at once. Our reader refuses such
    keys as it reads; this is for values another reader gave (MkDocs' `extra.practice`)."""
    seen: set[int] = set()
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if not isinstance(node, (dict, list)) or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str):
                    kind = ("true or false" if isinstance(key, bool) else "empty" if key is None
                            else "a number" if isinstance(key, (int, float)) else type(key).__name__)
                    return format_path(path), key_not_text(key, kind)
                stack.append((value, path + (key,)))
        else:
            stack += [(value, path + (i,)) for i, value in enumerate(node)]
    return None


def _closest_branch(error: ValidationError) -> ValidationError:
    """For a value that fits none of a oneOf's branches, the error of the branch it nearly fits:
    the one with the fewest errors (a contact with `chat` whose note is refused is a chat contact
    with a bad note, not "valid under none of the schemas")."""
    while error.validator in ("oneOf", "anyOf") and error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        fewest = min(branches.values(), key=len)
        if len(fewest) > 1 or len([b for b in branches.values() if len(b) == len(fewest)]) > 1:
            break
        error = fewest[0]
    return error


def validate(data: Any, schema_name: str, source: str) -> Any:
    """Check `data` against a packaged schema; raise DataError on the first (deepest) problem."""
    expected = load_schema(schema_name).get("type")
    if data is None:
        raise DataError(source, "", "it is empty; expected the data described in its schema")
    if expected == "object" and not isinstance(data, dict):
        raise DataError(source, "", f"expected a mapping of keys and values at the top, got {type(data).__name__} {data!r:.60}")
    bad_key = key_problem(data)
    if bad_key:
        raise DataError(source, *bad_key)
    errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: (-len(e.absolute_path), e.message))
    if errors:
        error = _closest_branch(best_match(errors[:1]))  # descends into oneOf/anyOf to the branch that fits best
        # Name the offending key itself for unknown keys, not just the object that holds it.
        path = format_path(error.absolute_path)
        if error.validator == "additionalProperties":
            properties = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
            extra = sorted(set(error.instance) - set(properties))  # type: ignore[arg-type]
            if extra:
                path = f"{path}.{extra[0]}" if path else extra[0]
                raise DataError(source, path, "unknown key (check the spelling)")
        if error.validator == "format" and error.cause is not None:
            raise DataError(source, path, f"{error.instance!r}: {error.cause}", reason=str(error.cause))
        if error.validator in ("maxLength", "maxItems") and isinstance(error.instance, (str, list)):
            unit = "characters" if isinstance(error.instance, str) else "items"
            limit = f"{len(error.instance)} {unit} long, at most {error.validator_value}"
            raise DataError(source, path, f"{error.instance!r:.80} is {limit}", reason=limit)
        raise DataError(source, path, error.message)
    return data


def load_yaml(path: str | Path, schema_name: str, check: Callable[[Any, str], Any] | None = None) -> Any:
    """Read a YAML file and validate it, then run `check(data, source)` if given (checks of
    meaning a schema cannot express); errors name the file.

    Several pages (and the plugin) load the same file in one build: the parsed, checked data is
    kept per file text, so an edited file is read afresh, and each caller gets its own copy. Only
    an error names the file; the data never holds its path, so the same text read from another
    path (a copy of the project built in the same process) is the same data.
    """
    path = Path(path)
    source = str(path)
    text_ = read_data_file(path, source)
    key = (text_, schema_name, check)
    if key not in _CHECKED:
        _CHECKED[key] = _parse_and_check(text_, schema_name, source, check)
        while len(_CHECKED) > 16:  # the oldest out: a long `mkdocs serve` session edits files many times
            del _CHECKED[next(iter(_CHECKED))]
    return copy.deepcopy(_CHECKED[key])


MAX_BYTES = 2_000_000  # our data files are tens of kilobytes


def read_data_file(path: Path, source: str) -> str:
    """The text of a data file, or a DataError that says why it cannot be read."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DataError(source, "", f"it is {path.stat().st_size} bytes; a data file may be at most {MAX_BYTES}")
        return path.read_text("utf-8")
    except FileNotFoundError:
        raise DataError(source, "", "file not found") from None
    except IsADirectoryError:
        raise DataError(source, "", "it is a folder; expected a YAML file") from None
    except UnicodeDecodeError as exc:
        raise DataError(source, "", f"it is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8") from None
    except OSError as exc:
        raise DataError(source, "", f"it cannot be read ({exc.strerror or exc})") from None


def project_file(root: Path, relative: str, setting: str) -> Path:
    """`root / relative`, refused (before it is read) when it leads outside `root`, the folder of
    the site's config: a data file linked to one elsewhere would be read, and quoted in errors."""
    path = Path(root) / relative
    if not path.resolve().is_relative_to(Path(root).resolve()):
        raise DataError(setting, "", f"{relative!r} leads outside the project folder; data files must be inside it")
    return path


def forget_loaded() -> None:
    """Drop the schemas, validators and checked data kept between loads: the next load reads,
    validates and checks afresh (the bench measures that cold cost, which a build pays once)."""
    _CHECKED.clear()
    for cached in (_validator, load_schema):
        cached.cache_clear()


# Checked data by (file text, schema, check), oldest first (see `load_yaml`).
_CHECKED: dict[tuple[str, str, Callable[[Any, str], Any] | None], Any] = {}


def _parse_and_check(text_: str, schema_name: str, source: str, check: Callable[[Any, str], Any] | None) -> Any:
    data = validate(parse_yaml(text_, source), schema_name, source)
    return check(data, source) if check else data
