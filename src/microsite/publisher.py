"""`/// publisher`: one sentence naming who publishes the site, from `extra.practice`.

The About page says who stands behind the site. The name and website live in config only, so a
practice that rebrands the site never edits content.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from .html import el


def render_publisher(parent: etree.Element, name: str, website: str | None) -> etree.Element:
    """"This site is published by <name>." with the name linked to the website when there is one."""
    p = el(parent, "p", "This site is published by ", class_="publisher")
    if website:
        link = el(p, "a", name, href=website)
        link.tail = "."
    else:
        p.text += f"{name}."
    return p


class Publisher(Block):
    """`/// publisher` renders the publishing practice's name, linked to its website."""

    NAME = "publisher"
    ARGUMENT = False

    def on_create(self, parent: etree.Element) -> etree.Element:
        return render_publisher(parent, self.config["name"], self.config["website"])


class PublisherExtension(BlocksExtension):
    """Registers the `publisher` block; `name` and `website` come from the site plugin."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {
            "name": ["Coaching or Therapy?", "Name of the publishing practice."],
            "website": ["", "The practice's website (empty for none)."],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:  # noqa: N802 (Markdown's API name)
        block_mgr.register(Publisher, self.getConfigs())


def makeExtension(*args: Any, **kwargs: Any) -> PublisherExtension:  # noqa: N802
    return PublisherExtension(*args, **kwargs)
