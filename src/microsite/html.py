"""Tiny helper for building HTML as ElementTree nodes inside Markdown blocks."""

from __future__ import annotations

import xml.etree.ElementTree as etree


def el(parent: etree.Element | None, tag: str, text: str | None = None, **attrs: str) -> etree.Element:
    """Append (or create) an element; `class_` and `data_x` map to `class` and `data-x`."""
    attrs = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items() if v is not None}
    node = etree.Element(tag, attrs) if parent is None else etree.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node
