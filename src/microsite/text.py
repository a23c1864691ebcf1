"""Text from config and data files, as it goes into a page: plain text, or a small Markdown subset.

Blocks build their HTML as ElementTree nodes, and Python-Markdown then runs its inline syntax (and
every extension's: attribute lists, raw HTML, emoji...) over any text it finds there. Text from
data must not get that treatment, so every piece of it is an `AtomicString`, which Markdown leaves
alone and its serializer escapes.

A few fields (their schemas say which) may use a Markdown subset: *emphasis*, **strong** and
[links](https://example.org). They are rendered here, by Python-Markdown with only those inline
patterns, and each link's target is checked as a browser will read it (`urls.link_problem`). Raw
HTML, images, autolinks and entities are not part of the subset, so `<b>` or `&amp;` stay literal
text. Neither kind may hold a character that changes how text shows without showing itself (a
right-to-left override, a zero-width space: see `chars.py`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache, lru_cache

import markdown
from markdown import Markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AtomicString, Registry

from .chars import hidden_character_problem
from .urls import link_problem

# Inline patterns the subset keeps: backslash escapes (to write a literal *), links, emphasis.
SUBSET_PATTERNS = ("escape", "link", "em_strong", "em_strong2", "not_strong")
SUBSET_TAGS = {"em", "strong", "a"}
SUBSET_ATTRIBUTES = {"a": {"href", "title"}}
# Control characters other than tab and newline: never in text, and Python-Markdown uses STX/ETX
# to mark its own placeholders (a value holding one could pull stashed HTML into the page).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\uE000]")  # and the private character below


class MarkupError(ValueError):
    """Text uses something the Markdown subset does not allow; the message says what."""


def atomic(text: str | None) -> AtomicString | None:
    """`text` as a string Markdown will not parse again (None stays None)."""
    return None if text is None else AtomicString(text)


def plain_text_problem(text: str) -> str | None:
    """Why `text` cannot be plain text on a page, or None."""
    found = CONTROL.search(text)
    if found:
        return f"it contains the control character {found.group()!r}"
    return hidden_character_problem(text)


@cache
def _subset_markdown() -> markdown.Markdown:
    md = markdown.Markdown()
    # Only the subset's patterns, in Markdown's own order: anything else is left out by construction.
    full = md.inlinePatterns
    kept = sorted((name for name in SUBSET_PATTERNS if name in full), key=full.get_index_for_name)
    md.inlinePatterns = Registry()
    for rank, name in enumerate(kept):
        md.inlinePatterns.register(full[name], name, len(kept) - rank)
    # The inline step reads the registry it was made with: a new one for the new registry, at
    # Python-Markdown's own priority for it (20).
    md.treeprocessors.register(InlineProcessor(md), "inline", 20)
    return md


def _render(text: str) -> etree.Element:
    """The subset's nodes for `text`, inside a <span>; raises MarkupError."""
    problem = plain_text_problem(text)
    if problem:
        raise MarkupError(problem)
    md = _subset_markdown()
    md.reset()
    root = etree.Element("div")
    span = etree.SubElement(root, "span")
    span.text = text
    md.treeprocessors["inline"].run(root)
    md.treeprocessors["unescape"].run(root)
    for node in span.iter():
        if node is not span:
            if node.tag not in SUBSET_TAGS or set(node.attrib) - SUBSET_ATTRIBUTES.get(node.tag, set()):
                raise MarkupError(f"<{node.tag}> is not part of the Markdown allowed here (emphasis and links only)")
            if node.tag == "a":
                problem = link_problem(node.get("href", ""))
                if problem:
                    raise MarkupError(f"the link to {node.get('href')!r} is not allowed: {problem}")
        node.text, node.tail = atomic(node.text), atomic(node.tail)
    return span


@lru_cache(maxsize=4096)
def markdown_problem(text: str) -> str | None:
    """Why `text` is not valid in the Markdown subset, or None (kept per text: a data file's
    fields are checked on every validation of it)."""
    try:
        _render(text)
    except MarkupError as exc:
        return str(exc)
    return None


def append_markdown(parent: etree.Element, text: str) -> etree.Element:
    """Append `text`, rendered in the Markdown subset, to the end of `parent`'s content."""
    span = _render(text)
    children = list(parent)
    if children:
        children[-1].tail = atomic((children[-1].tail or "") + (span.text or ""))
    else:
        parent.text = atomic((parent.text or "") + (span.text or ""))
    for child in span:
        parent.append(child)
    return parent


# Python-Markdown's attribute lists (`{: onclick=... }`) are read from text by a treeprocessor
# that does not respect AtomicString, so a value from data could give its element attributes.
# Braces in data text are hidden just before attribute lists are read and restored just after.
BRACE, HIDDEN_BRACE = "{", "\uE000"


class _SwapBraces(Treeprocessor):
    def __init__(self, md: Markdown, old: str, new: str) -> None:
        super().__init__(md)
        self.old, self.new = old, new

    def run(self, root: etree.Element) -> None:
        for node in root.iter():
            for attr in ("text", "tail"):
                value = getattr(node, attr)
                if isinstance(value, AtomicString) and self.old in value:
                    setattr(node, attr, AtomicString(value.replace(self.old, self.new)))


def register(md: Markdown) -> None:
    """Keep attribute lists away from text that came from data (once per Markdown instance)."""
    if "microsite_hide_braces" not in md.treeprocessors:
        md.treeprocessors.register(_SwapBraces(md, BRACE, HIDDEN_BRACE), "microsite_hide_braces", 8.5)  # attr_list: 8
        md.treeprocessors.register(_SwapBraces(md, HIDDEN_BRACE, BRACE), "microsite_restore_braces", 7.5)
