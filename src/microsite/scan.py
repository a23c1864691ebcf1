"""Read a built page as a browser does: the ids of its elements and the text of its inline scripts.

Regular expressions over HTML are fooled by markup inside attribute values or inside <title>,
where a browser sees only text (a minifier may leave `<script>` unescaped there). So pages are
parsed by an HTML5 parser (selectolax's Lexbor engine): the same tree a browser builds, and fast
enough to read every page of a large site (well under a millisecond a page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

# Script types a browser runs; anything else (application/json, application/ld+json) is data.
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
EMBED_ATTR = "data-embed-origins"  # written by the embed template, with its allowed origins


@dataclass
class PageScan:
    ids: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # inline scripts a browser would run
    embed_origins: str | None = None  # the JSON in the first `data-embed-origins` attribute


def scan_page(html: str) -> PageScan:
    """The ids and inline scripts of one page, and the origins it declares if it is an embed."""
    tree = LexborHTMLParser(html)
    scan = PageScan(ids=[node.attributes["id"] or "" for node in tree.css("[id]")])
    for node in tree.css("script"):
        attrs = node.attributes
        if "src" not in attrs and (attrs.get("type") or "").strip().lower() in JS_TYPES:
            scan.scripts.append(node.text(deep=True))
    embed = tree.css_first(f"[{EMBED_ATTR}]")
    if embed is not None:
        scan.embed_origins = embed.attributes[EMBED_ATTR] or "[]"
    return scan
