"""Every id on a page is unique; a clash ends the build and names both places that made the id.

Ids come from the data blocks (a question's `sa-q-<id>`, a crisis line's name), from headings
(`toc`, or `{ #id }` in the Markdown) and from the theme's template. Two elements with one id break
in-page links, labels and the self-assessment's script, without any error of their own.

`UniqueIds` checks the Markdown's own output, where each block marked its ids with where they came
from (`html.ID_SOURCE`); `page_id_clash` checks the finished page against its template.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import Counter

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .contents import HEADINGS, HIDDEN_HEADING
from .data import DataError
from .html import ID_SOURCE
from .scan import scan_page


class IdClash(DataError):
    """Two elements on one page have the same id."""


def _origin(node: etree.Element) -> str:
    source = node.get(ID_SOURCE)
    if source:
        return source
    if str(node.tag).removeprefix(HIDDEN_HEADING) in HEADINGS:
        words = (node.text or "") + "".join("".join(child.itertext()) + (child.tail or "")
                                            for child in node if child.get("class") != "headerlink")
        return f'the heading "{" ".join(words.split())}"'
    return f"a <{node.tag}> written in the page"


class UniqueIds(Treeprocessor):
    """Fail on the second element with an id already used in the page's content."""

    PRIORITY = 0.5  # after toc, attribute lists and footnotes have set their ids

    def run(self, root: etree.Element) -> None:
        seen: dict[str, str] = {}
        for node in root.iter():
            value = node.get("id")
            origin = _origin(node)
            node.attrib.pop(ID_SOURCE, None)
            if value is None:
                continue
            if value in seen:
                raise IdClash("", "", f'the id "{value}" is used twice on this page: by {seen[value]} and by {origin}')
            seen[value] = origin


def page_id_clash(page_ids: list[str], content_html: str) -> str | None:
    """Why the finished page repeats an id (its content against its template), or None."""
    counts = Counter(page_ids)
    repeated = [value for value, count in counts.items() if count > 1]
    if not repeated:
        return None
    value = repeated[0]
    where = "the page's content and the theme's template" if value in scan_page(content_html).ids else "the theme's template"
    return f'the id "{value}" is used {counts[value]} times on this page, by {where}'


def register(md: Markdown) -> None:
    """Add the check to `md` (once, whichever block extension asks first)."""
    if "microsite_unique_ids" not in md.treeprocessors:
        md.treeprocessors.register(UniqueIds(md), "microsite_unique_ids", UniqueIds.PRIORITY)
