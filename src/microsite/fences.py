"""A `///` block that pymdownx did not understand ends the build, with its line and the reason.

pymdownx.blocks quietly leaves a fence it cannot use (an unknown name, an unknown option, a bad
value) as a paragraph of text, so `/// crisis-lines` with `show: regoin` became literal text on
the page and `--strict` passed. Here every fence is noted with its line before parsing, and any
fence still in the text afterwards is explained with pymdownx's own option parsers.

Under MkDocs the site's plugin pads the Markdown with one blank line per front-matter line, so the
line numbers are those of the page's file.
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as etree
from typing import Any

import yaml
from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .data import DataError

# What pymdownx.blocks takes as the start of a block (pymdownx/blocks/__init__.py, RE_START).
FENCE = re.compile(r"^[ ]*(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
CODE_FENCE = re.compile(r"^[ ]*(`{3,}|~{3,})")


class BlockNotUnderstood(DataError):
    """A `///` fence pymdownx did not use; the message gives the line and why."""


class NoteFences(Preprocessor):
    """Note each fence's line, name, argument and option lines, outside fenced code."""

    PRIORITY = 35  # before fenced code and raw HTML are set aside, so line numbers are the page's

    def run(self, lines: list[str]) -> list[str]:
        found, code = [], None
        for number, line in enumerate(lines, start=1):
            fence = CODE_FENCE.match(line)
            if code:
                if fence and fence.group(1)[0] == code[0] and len(fence.group(1)) >= len(code):
                    code = None
                continue
            if fence:
                code = fence.group(1)
                continue
            match = FENCE.match(line)
            if match:
                indent = len(line) - len(line.lstrip(" "))
                options = []
                for option in lines[number:]:
                    if not option.startswith(" " * (indent + 4)) or not option.strip():
                        break
                    options.append(option)
                found.append({"line": number, "name": match.group(2).lower(), "arg": match.group(3),
                              "options": textwrap.dedent("\n".join(options))})
        self.md.microsite_fences = found  # type: ignore[attr-defined]  # read by LeftoverFences, same instance
        return lines


class LeftoverFences(Treeprocessor):
    """Fail on any fence left in the text once the blocks have been parsed."""

    PRIORITY = 25  # after block parsing, before inline Markdown splits text into pieces

    def run(self, root: etree.Element) -> None:
        noted = list(getattr(self.md, "microsite_fences", []))
        for node in root.iter():
            if node.tag in ("pre", "code"):
                continue
            for text in (node.text, node.tail):
                for line in (text or "").split("\n"):
                    match = FENCE.match(line)
                    if match:
                        self._fail(match, noted)

    def _fail(self, match: re.Match, noted: list[dict[str, Any]]) -> None:
        name = match.group(2).lower()
        entry = next((n for n in noted if n["name"] == name), {"line": "?", "arg": match.group(3), "options": ""})
        header = match.group(0).strip()
        raise BlockNotUnderstood(f"line {entry['line']}", "",
                                 f"the block `{header}` was not understood: {self._reason(name, entry)}")

    def _reason(self, name: str, entry: dict[str, Any]) -> str:
        manager: Any = self.md.parser.blockprocessors["blocks"]  # pymdownx's BlocksProcessor, untyped
        if name not in manager.blocks:
            return f"there is no block named {name!r} (known: {', '.join(sorted(manager.blocks))})"
        block = manager.blocks[name](3, {}, manager, manager.config[name])
        if block.arg_spec is False and entry["arg"]:
            return "it takes no argument after |"
        if block.arg_spec is True and not entry["arg"]:
            return "it needs an argument after |"
        try:
            options = yaml.safe_load(entry["options"]) if entry["options"].strip() else {}
        except yaml.YAMLError:
            options = None
        if not isinstance(options, dict):
            return "its options are not `name: value` lines, each indented by four spaces"
        for key, value in options.items():
            if key not in block.option_spec:
                known = sorted(k for k, spec in block.option_spec.items() if not getattr(spec[1], "refused", False))
                return f"unknown option {key!r} (known: {', '.join(known)})"
            parser = block.option_spec[key][1]
            try:
                if parser is not None:
                    parser(value)
            except Exception as exc:  # pymdownx's parsers raise plain ValueErrors
                return f"option {key}: {value!r} is not valid ({exc})"
        return "it is not allowed in this place"


def register(md: Markdown) -> None:
    """Add the fence check to `md` (once, whichever block extension asks first)."""
    if "microsite_fences" not in md.preprocessors:
        md.preprocessors.register(NoteFences(md), "microsite_fences", NoteFences.PRIORITY)
        md.treeprocessors.register(LeftoverFences(md), "microsite_leftover_fences", LeftoverFences.PRIORITY)
