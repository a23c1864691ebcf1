"""Build a YAML file's node tree one event at a time, refusing what data files never need.

PyYAML's composer follows aliases (`*name`) to one shared node and recurses in C: a "billion
laughs" file of nested aliases is composed quickly, but everything that walks the data afterwards
(the schema check, the pages) walks every copy, so a few lines take minutes; and a file nested
a hundred thousand levels deep crashes the process. Here the tree is built without recursion,
an alias ends the read with its line, so does nesting deeper than `MAX_DEPTH`, a key written
twice, and a key that YAML reads as something other than text (`NO:` is false, `1:` a number).
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 50  # our data nests about 8 deep
STR = "tag:yaml.org,2002:str"
MERGE = "tag:yaml.org,2002:merge"
KEY_KINDS = {"tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:int": "a number",
             "tag:yaml.org,2002:float": "a number", "tag:yaml.org,2002:null": "empty"}


class NodeProblem(ValueError):
    """The file holds something a data file may not; the message starts with its line."""


def _line(mark: Any) -> int:
    return mark.line + 1


def _check_key(key: yaml.Node, seen: dict[str, int]) -> None:
    line = _line(key.start_mark)
    if key.tag == MERGE:
        return
    if not isinstance(key, yaml.ScalarNode):
        raise NodeProblem(f"line {line}: a key must be plain text, not a list or a mapping")
    if key.tag != STR:
        kind = KEY_KINDS.get(key.tag, f"a value of type {key.tag.rsplit(':', 1)[-1]}")
        raise NodeProblem(f"line {line}: the key {key.value!r} is read as {kind}, not as text; "
                          f"put it in quotes ('{key.value}')")
    if key.value in seen:
        raise NodeProblem(f"line {line}: the key {key.value!r} is written twice in one place "
                          f"(first at line {seen[key.value]}); keep one")
    seen[key.value] = line


def compose(loader: Any) -> yaml.Node | None:
    """The single document `loader` reads, as nodes; raises NodeProblem or yaml.YAMLError."""
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
        if isinstance(event, yaml.AliasEvent):
            raise NodeProblem(f"line {_line(event.start_mark)}: the alias *{event.anchor} repeats a value written "
                              "elsewhere; data files do not use YAML anchors and aliases, so write the value out")
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            node, _, _ = stack.pop()
            node.end_mark = event.end_mark
        else:
            node = _node(loader, event)
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
            _check_key(node, seen)
            pending.append(node)
        else:
            parent.value.append((pending.pop(), node))
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise NodeProblem(f"line {_line(event.start_mark)}: expected one document, but the file holds another")
    loader.get_event()
    return root


def _node(loader: Any, event: Any) -> yaml.Node:
    if isinstance(event, yaml.ScalarEvent):
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        return yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(kind, None, event.implicit)
    return kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
