"""Keep parts of a block out of what is built from the page: its table of contents and the search
index, while they stay on the page.

Python-Markdown's `toc` (priority 5) lists every h1-h6 in the element tree and gives each a
permalink. Headings marked here are renamed just before it runs and get their names back just
after (`RestoreHeadings`, priority 4.9), keeping their level, id and meaning in the page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
HIDDEN_HEADING = "hidden-heading-"


def keep_out_of_contents(parts: Iterable[etree.Element]) -> None:
    """Mark every heading in `parts` (and the parts themselves, if headings)."""
    for part in parts:
        for node in part.iter():
            if node.tag in HEADINGS:
                node.tag = HIDDEN_HEADING + node.tag


class RestoreHeadings(Treeprocessor):
    """Give the marked headings their names back, after the table of contents is made."""

    PRIORITY = 4.9  # toc runs at 5

    def run(self, root: etree.Element) -> None:
        for node in root.iter():
            if isinstance(node.tag, str) and node.tag.startswith(HIDDEN_HEADING):
                node.tag = node.tag[len(HIDDEN_HEADING):]


def register(md: Markdown) -> None:
    """Add the restoring step to `md` (once, whichever block extension asks first)."""
    md.treeprocessors.register(RestoreHeadings(md), "restore_hidden_headings", RestoreHeadings.PRIORITY)


def exclude_from_search(part: etree.Element) -> None:
    """Keep `part` out of the search index that every page downloads.

    Material's search skips an element marked `data-search-exclude`, but a heading inside it still
    opens an (empty) index entry, so each heading is marked too. Material's parser compares
    elements by tag name, so `part` must not hold an element of its own tag: when that inner one
    closes, the rest of `part` is indexed again.
    """
    for node in part.iter():
        if node is part or node.tag in HEADINGS:
            node.set("data-search-exclude", "")
