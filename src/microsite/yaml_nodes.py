"""The one strict YAML reader: a file's node tree built one event at a time, refusing what plain
data never needs.

PyYAML's composer follows aliases (`*name`) to one shared node and recurses in C: a "billion
laughs" file of nested aliases is composed quickly, but everything that walks the data afterwards
(the schema check, the pages) walks every copy, so a few lines take minutes; and a file nested
a hundred thousand levels deep crashes the process. Here the tree is built without recursion, and
nothing is constructed until the whole document has passed. Whatever it reads, nesting deeper than
`MAX_DEPTH`, a key written twice in one mapping and a second document end the read with their line.
Plain data (our data files, a practice's file, front matter) also refuses an alias, a key that YAML
reads as something other than text (`NO:` is false, `1:` a number), and any tag that is not one of
YAML's own plain types: `!!python/object/apply:` asks the reader to run code, `!ENV` to read the
environment. A MkDocs config (`plain=False`) keeps its own tags and aliases: MkDocs has read it
already, and only its keys written twice are looked for.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 50  # our data nests about 8 deep
STR = "tag:yaml.org,2002:str"
MERGE = "tag:yaml.org,2002:merge"
KEY_KINDS = {"tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:int": "a number",
             "tag:yaml.org,2002:float": "a number", "tag:yaml.org,2002:null": "empty"}
# The tags plain data is written with (YAML's own types): any other tag (`!!python/object/apply:`,
# `!ENV`, `!relative`) asks the reader to run code or read the environment, and is refused.
PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge"))


class NodeProblem(ValueError):
    """The file holds something it may not; the message starts with its line."""


def key_not_text(key: Any, kind: str) -> str:
    """The words for a key that YAML reads as `kind` instead of text."""
    return f"the key {key!r} is read as {kind}, not as text; put it in quotes ('{key}')"


def _line(mark: Any) -> int:
    return mark.line + 1


def _check_key(key: yaml.Node, seen: dict[str, int], plain: bool) -> None:
    line = _line(key.start_mark)
    if key.tag == MERGE:
        return
    if not isinstance(key, yaml.ScalarNode):
        if plain:
            raise NodeProblem(f"line {line}: a key must be plain text, not a list or a mapping")
        return
    if plain and key.tag != STR:
        kind = KEY_KINDS.get(key.tag, f"a value of type {key.tag.rsplit(':', 1)[-1]}")
        raise NodeProblem(f"line {line}: {key_not_text(key.value, kind)}")
    if key.value in seen:
        raise NodeProblem(f"line {line}: the key {key.value!r} is written twice in one place "
                          f"(first at line {seen[key.value]}); keep one")
    seen[key.value] = line


def compose(loader: Any, plain: bool = True) -> yaml.Node | None:
    """The single document `loader` reads, as nodes; raises NodeProblem or yaml.YAMLError.

    `plain`: the file holds plain data (see the module's docstring); otherwise an alias stands
    in the tree as a text node (`*name`) that is never constructed.
    """
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        loader.get_event()
        return None
    loader.get_event()  # document start
    root: yaml.Node | None = None
    # Open collections, each with (for a mapping) the key waiting for its value and the keys seen.
    stack: list[tuple[yaml.Node, list[yaml.Node], dict[str, int]]] = []
    while root is None:
        event = loader.get_event()
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            node, _, _ = stack.pop()
            node.end_mark = event.end_mark
        else:
            node = _node(loader, event, plain)
            if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)):
                stack.append((node, [], {}))
                if len(stack) > MAX_DEPTH:
                    raise NodeProblem(f"line {_line(event.start_mark)}: the data nests more than {MAX_DEPTH} levels deep")
                continue
        if not stack:
            root = node
            break
        parent, pending, seen = stack[-1]
        if isinstance(parent, yaml.SequenceNode):
            parent.value.append(node)
        elif not pending:
            _check_key(node, seen, plain)
            pending.append(node)
        else:
            parent.value.append((pending.pop(), node))
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise NodeProblem(f"line {_line(event.start_mark)}: expected one document, but the file holds another")
    loader.get_event()
    return root


def _node(loader: Any, event: Any, plain: bool) -> Any:  # PyYAML's stubs mix its C and Python marks
    if isinstance(event, yaml.AliasEvent):
        if plain:
            raise NodeProblem(f"line {_line(event.start_mark)}: the alias *{event.anchor} repeats a value written "
                              "elsewhere; data files do not use YAML anchors and aliases, so write the value out")
        return yaml.ScalarNode(STR, f"*{event.anchor}", event.start_mark, event.end_mark)  # type: ignore[arg-type]
    if isinstance(event, yaml.ScalarEvent):
        kind: type[yaml.Node] = yaml.ScalarNode
        value = event.value
    else:
        kind, value = (yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode), None
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(kind, value, event.implicit)
    if plain and tag not in PLAIN_TAGS:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise NodeProblem(f"line {_line(event.start_mark)}: the tag {shown} is not allowed: this file holds plain "
                          "values only (text, numbers, dates, lists and mappings), nothing that runs code or reads "
                          "the environment")
    if kind is yaml.ScalarNode:
        return yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, style=event.style)
    return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)  # type: ignore[call-arg]
