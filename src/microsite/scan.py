"""Read a built page as a browser does: its ids, its inline scripts, and anything that could run
code or send the reader elsewhere.

Regular expressions over HTML are fooled by markup inside attribute values or inside <title>,
where a browser sees only text (a minifier may leave `<script>` unescaped there). So pages are
parsed by an HTML5 parser (selectolax's Lexbor engine): the same tree a browser builds, and fast
enough to read every page of a large site (well under a millisecond a page).

A browser with scripting on reads `<noscript>` as plain text, so `<noscript><p title="</noscript>
<script>…">` holds a real script there while a parser with scripting off sees a harmless title:
pages are parsed with scripting on, as the browsers that run scripts parse them. A browser with
scripting off reads the same `<noscript>` as markup, and still follows a `<meta http-equiv=refresh>`
or a `<base>` in it: a page holding `<noscript>` is read that way too, for those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from .urls import scheme_of

# Script types a browser runs; anything else (application/json, application/ld+json) is data.
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
EMBED_ATTR = "data-embed-origins"  # written by the embed template, with its allowed origins
SHARE_PAGE = "a[data-sa-part='share-page']"  # the page the self-assessment's share link points to
# Schemes that run code when a link or a frame follows them.
SCRIPT_SCHEMES = {"javascript", "vbscript"}


@dataclass
class PageScan:
    ids: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # inline scripts a browser would run
    embed_origins: str | None = None  # the JSON in the first `data-embed-origins` attribute
    embed_declarations: int = 0  # how many elements carry `data-embed-origins`
    http_equiv: list[tuple[str, str]] = field(default_factory=list)  # (http-equiv, content) of each <meta>
    problems: list[str] = field(default_factory=list)  # what no page may hold, each in words
    share_pages: list[str] = field(default_factory=list)  # hrefs of the self-assessment's share-page links


def _describe(tag: str, name: str, value: str) -> str:
    return f"<{tag} {name}={' '.join(value.split())[:60]!r}>"


# Attributes that hold words, never an address a browser follows.
TEXT_ATTRIBUTES = {"title", "alt", "placeholder", "label", "value", "content", "class", "id", "name", "lang"}


def script_address(name: str, value: str) -> bool:
    """Whether an attribute (its value decoded, as a parser gives it) holds an address that runs
    code, as a browser reads it; an SVG animation's `values` lists several, with `;`."""
    name = name.lower()
    if name in TEXT_ATTRIBUTES or name.startswith(("aria-", "data-")):
        return False
    parts = value.split(";") if name == "values" else [value]
    return any(scheme_of(part, decoded=True) in SCRIPT_SCHEMES for part in parts)


def _element_problems(tag: str, attrs: dict[str, str | None]) -> list[str]:
    """Event handlers, script URLs and inline documents on one element."""
    found = []
    for name, value in attrs.items():
        value = value or ""
        lowered = name.lower()
        if lowered.startswith("on"):
            found.append(f"an event handler {_describe(tag, name, value)}")
        elif lowered == "srcdoc":
            found.append(f"a frame with its own document {_describe(tag, name, value)}")
        elif script_address(lowered, value):
            found.append(f"a script address {_describe(tag, name, value)}")
    return found


HEAD_END = re.compile(r"</head|<body", re.I)


def head_part(html: str) -> str:
    """The page up to where its head ends as written (`</head` or `<body`; all of it if neither).
    Parsed alone it gives the elements the whole page gives there, since a parser places each
    element by what comes before it; a tag cut off at the end is no element. For questions about
    the head (its scripts, its canonical link), at a fraction of the parse of a page whose body
    holds the whole navigation."""
    end = HEAD_END.search(html)
    return html[:end.start()] if end else html


NOSCRIPT = re.compile("<noscript", re.I)
BASE = "a <base> element (it changes where every link and script of the page points)"


def scan_page(html: str) -> PageScan:
    """The ids and inline scripts of one page, what it may not hold, and the origins it declares
    if it is an embed."""
    tree = LexborHTMLParser(html, scripting=True)
    scan = PageScan(ids=[node.attributes["id"] or "" for node in tree.css("[id]")])
    for node in tree.css("*"):
        tag, attrs = node.tag or "", node.attributes
        for name, value in attrs.items():
            # Only a name that starts as `on…` or `srcdoc` does, or a value with a colon, can be a
            # problem (an address has a scheme only before a colon; the parser has decoded
            # `&colon;` already). Most elements have none: a look at them costs no call.
            if name[:1] in "oOsS" or (value and ":" in value):
                scan.problems += _element_problems(tag, attrs)
                break
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").strip().lower() in JS_TYPES:
            scan.scripts.append(node.text(deep=True))
        elif tag == "meta" and (attrs.get("name") or "").lower() == "referrer":
            scan.problems.append("a <meta name=referrer> (the site's referrer policy is no-referrer)")
    trees = [tree, LexborHTMLParser(html, scripting=False)] if NOSCRIPT.search(html) else [tree]
    for each in trees:
        for node in each.css("meta[http-equiv]"):
            item = ((node.attributes["http-equiv"] or "").strip().lower(), node.attributes.get("content") or "")
            if item not in scan.http_equiv:
                scan.http_equiv.append(item)
        if each.css_first("base") is not None and BASE not in scan.problems:
            scan.problems.append(BASE)
    embeds = tree.css(f"[{EMBED_ATTR}]")
    scan.embed_declarations = len(embeds)
    if embeds:
        scan.embed_origins = embeds[0].attributes[EMBED_ATTR] or "[]"
    scan.share_pages = [node.attributes.get("href") or "" for node in tree.css(SHARE_PAGE)]
    return scan
