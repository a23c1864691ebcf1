"""Load a YAML data file and check it against a JSON Schema shipped in this package.

Every failure is a DataError whose message names the file, the path inside it and what was
expected, so an editor can fix the data without reading code. YAML is read strictly: a key written
twice in one mapping is an error (PyYAML would keep the last one silently).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match

from . import text, urls

try:  # Under MkDocs a BuildError ends the build with its message and no traceback.
    from mkdocs.exceptions import BuildError as _ErrorBase
except ImportError:  # the blocks also run without MkDocs
    _ErrorBase = ValueError


class DataError(_ErrorBase, ValueError):
    """A data file (or config block) does not match what the site expects."""

    def __init__(self, source: str, path: str, problem: str, reason: str | None = None) -> None:
        # `reason`: what was wrong with the value, without the value itself (for callers that
        # word the message their own way).
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


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's parser when PyYAML has it: several times faster) that keeps dates
    as text, so the schema (not PyYAML) judges them."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _nodes(node: yaml.Node | None) -> Iterator[yaml.Node]:
    """Every node of a composed document, once each (an alias is the node it names)."""
    stack, seen_nodes = [node], set()
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        yield current
        if isinstance(current, yaml.MappingNode):
            stack += [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value


def duplicate_key(node: yaml.Node | None) -> str | None:
    """'line N: duplicate key ...' for the first key written twice in one mapping, or None.

    Works on the composed document, before any value is built, so custom tags (MkDocs'
    `!!python/name:`, `!ENV`) need no constructor.
    """
    for current in _nodes(node):
        if isinstance(current, yaml.MappingNode):
            first: dict[Any, int] = {}
            for key, _ in current.value:
                if key.tag != "tag:yaml.org,2002:merge" and isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1
                    if key.value in first:
                        return f"line {line}: the key {key.value!r} is written twice in one place (first at line {first[key.value]}); keep one"
                    first[key.value] = line
    return None


# The tags plain data is written with (YAML's own types): any other tag (`!!python/object/apply:`,
# `!ENV`, `!relative`) asks the reader to run code or read the environment, and is refused.
PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge"))


def foreign_tag(node: yaml.Node | None) -> str | None:
    """'line N: the tag ... is not allowed ...' for the first tag that is not plain data, or None."""
    for current in _nodes(node):
        if current.tag not in PLAIN_TAGS:
            tag = current.tag.replace("tag:yaml.org,2002:", "!!")
            return (f"line {current.start_mark.line + 1}: the tag {tag} is not allowed: this file holds plain "
                    "values only (text, numbers, dates, lists and mappings), nothing that runs code or reads "
                    "the environment")
    return None


def parse_yaml(text_: str, source: str, loader: type = _StrictLoader) -> Any:
    """Parse one YAML document strictly: a syntax error, a repeated key or a tag that is not plain
    data is a DataError (the document is composed, never constructed, before it is checked)."""
    parser = loader(text_)
    try:
        node = parser.get_single_node()
        problem = duplicate_key(node) or foreign_tag(node)
        if problem:
            raise DataError(source, "", problem)
        return None if node is None else parser.construct_document(node)
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


def yaml_problem(text_: str) -> str | None:
    """Why `text_` is not valid, strict YAML (syntax, or a key written twice), or None."""
    try:
        parse_yaml(text_, "")
    except DataError as exc:
        return exc.problem
    return None


def config_file_problem(path: Path) -> str | None:
    """A key written twice in a MkDocs config file or any file it INHERITs, or None.

    MkDocs reads its config with PyYAML, which keeps the last of two equal keys, so a practice's
    `extra.practice` written twice would lose the first without a word.
    """
    seen = set()
    while path and path not in seen:
        seen.add(path)
        node = yaml.compose(path.read_text("utf-8"), Loader=yaml.SafeLoader)
        problem = duplicate_key(node)
        if problem:
            return f"{path.name}: {problem}"
        parent = _inherit(node)
        path = (path.parent / parent).resolve() if parent else None
    return None


def _inherit(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "INHERIT" and isinstance(value, yaml.ScalarNode):
                return value.value
    return None


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    """One compiled validator per schema, reused by every page that renders the same data."""
    return Draft202012Validator(load_schema(schema_name), format_checker=FORMATS)


def validate(data: Any, schema_name: str, source: str) -> Any:
    """Check `data` against a packaged schema; raise DataError on the first (deepest) problem."""
    expected = load_schema(schema_name).get("type")
    if data is None:
        raise DataError(source, "", "it is empty; expected the data described in its schema")
    if expected == "object" and not isinstance(data, dict):
        raise DataError(source, "", f"expected a mapping of keys and values at the top, got {type(data).__name__} {data!r:.60}")
    errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: (-len(e.absolute_path), e.message))
    if errors:
        error = best_match(errors[:1])  # descends into oneOf/anyOf to the branch that fits best
        # Name the offending key itself for unknown keys, not just the object that holds it.
        path = format_path(error.absolute_path)
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            if extra:
                path = f"{path}.{extra[0]}" if path else extra[0]
                raise DataError(source, path, "unknown key (check the spelling)")
        if error.validator == "format" and error.cause is not None:
            raise DataError(source, path, f"{error.instance!r}: {error.cause}", reason=str(error.cause))
        raise DataError(source, path, error.message)
    return data


def load_yaml(path: str | Path, schema_name: str, check: Callable[[Any, str], Any] | None = None) -> Any:
    """Read a YAML file and validate it, then run `check(data, source)` if given (checks of
    meaning a schema cannot express); errors name the file.

    Several pages (and the plugin) load the same file in one build: the parsed, checked data is
    kept per file text, so an edited file is read afresh, and each caller gets its own copy.
    """
    path = Path(path)
    source = str(path)
    try:
        text_ = path.read_text("utf-8")
    except FileNotFoundError:
        raise DataError(source, "", "file not found") from None
    return copy.deepcopy(_parse_and_check(text_, schema_name, source, check))


def forget_loaded() -> None:
    """Drop the schemas, validators and checked data kept between loads: the next load reads,
    validates and checks afresh (the bench measures that cold cost, which a build pays once)."""
    for cached in (_parse_and_check, _validator, load_schema):
        cached.cache_clear()


@lru_cache(maxsize=16)
def _parse_and_check(text_: str, schema_name: str, source: str, check: Callable[[Any, str], Any] | None) -> Any:
    data = validate(parse_yaml(text_, source), schema_name, source)
    return check(data, source) if check else data
