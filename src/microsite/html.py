"""Tiny helpers for building HTML as ElementTree nodes inside Markdown blocks.

Text set through them is plain text: Markdown leaves it alone and its serializer escapes it
(see `text.py`). An id can carry where it came from (`source=`), so that two elements with the
same id are reported with both origins (see `ids.py`).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .text import atomic

# Where a generated id came from, until the unique-id check reads it and removes it.
ID_SOURCE = "data-id-source"


def el(parent: etree.Element | None, tag: str, text: str | None = None, source: str | None = None,
       **attrs: str | None) -> etree.Element:
    """Append (or create) an element; `class_` and `data_x` map to `class` and `data-x`."""
    given = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items() if v is not None}
    if source and "id" in given:
        given[ID_SOURCE] = source
    node = etree.Element(tag, given) if parent is None else etree.SubElement(parent, tag, given)
    if text is not None:
        node.text = atomic(text)
    return node


def tail(node: etree.Element, text: str) -> etree.Element:
    """Plain text right after `node` (inside its parent)."""
    node.tail = atomic(text)
    return node


def with_link(node: etree.Element, message: str, link: str, text: str, href: str, **values: str) -> etree.Element:
    """Fill `node` with a translated `message` that holds one link where `%(<link>)s` stands (the
    other `%(name)s` filled from `values`): the sentence stays whole in the catalog, in each
    language's order. Returns the link."""
    before, _, after = message.partition(f"%({link})s")
    node.text = atomic(before % values)
    anchor = etree.SubElement(node, "a", {"href": href})
    anchor.text = atomic(text)
    anchor.tail = atomic(after % values)
    return anchor
