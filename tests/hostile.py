"""Hostile input, in one place: the payloads, and the checks that find one that got through.

A payload carries a tag (the field it was put in), so a leak names the field it came from.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib

MARKER = "pwn"  # in every payload's script, handler and made-up tag


def text_payload(tag: str, links: bool = True) -> str:
    """Ordinary trouble (quotes, ampersands, angle brackets) and markup that must stay text.

    `links=False` leaves out the `javascript:` link, for fields where Markdown links are allowed
    (there it must fail the build instead; see `JS_LINK`). The attribute lists at the end are
    where Python-Markdown looks for them after a heading, a table cell or a paragraph.
    """
    handler = f"alert('{MARKER}:{tag}')"
    parts = [
        f"O\"Brien & Sons' <{MARKER}coaching> {tag}",
        f"<script>{handler}</script>",
        f"\"><img src=x onerror={handler}>",
        f"*em*{{: onclick=\"{handler}\" }}",
        "&lt;b&gt; &amp; <!-- open",
    ]
    if links:
        parts.append(f"*Bold* [link](javascript:{handler})")
    return " ".join(parts) + f" {{: onclick=\"{handler}\" }}\n{{: onmouseover=\"{handler}\" }}"


JS_LINK = f"see [this](javascript:alert('{MARKER}'))"
BAD_URLS = (
    f"https://x.example/\"><script>alert('{MARKER}')</script>",
    f"javascript:alert('{MARKER}')",
    f"https://x.example/ onmouseover=alert('{MARKER}')",
    "http://",
)
BAD_EMAILS = (f"x@y\"><script>alert('{MARKER}')</script>", "not an address", "a@b")
BAD_ORIGINS = ("*", "http://x.example; script-src *", "https://x.example/path", "http://x.example")


def parsed_as_browsers_do(html: str) -> list:
    """The page's elements as a browser builds them (html5lib), with scripting on and off: with it
    on, `<noscript>` holds text, so `<noscript><p title="</noscript><script>…">` holds a script."""
    elements = []
    for scripting in (True, False):
        parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
        elements += [node for node in parser.parse(html, scripting=scripting).iter() if isinstance(node.tag, str)]
    return elements


def markup_leaks(html: str, where: str) -> list[str]:
    """Every element or attribute in `html` that a payload turned into markup (parsed as browsers
    do, by html5lib: markup inside <title> or an attribute is text)."""
    leaks = []
    for node in parsed_as_browsers_do(html):
        name = node.tag.rsplit("}", 1)[-1]
        if MARKER in name:
            leaks.append(f"{where}: a <{name}> element")
        text = "".join(node.itertext()) if name == "script" else ""
        if name == "script" and MARKER in text:
            if (node.get("type") or "").lower() in ("", "module", "text/javascript", "application/javascript"):
                leaks.append(f"{where}: a script: {text[:60]!r}")
            elif "<" in text:  # data (JSON-LD): its text must not be able to end the element
                leaks.append(f"{where}: a {node.get('type')} script holding '<'")
        for attr, value in node.attrib.items():
            if attr.lower().startswith("on") and MARKER in value:
                leaks.append(f"{where}: <{name} {attr}={value[:40]!r}>")
            if re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                leaks.append(f"{where}: <{name} {attr}={value[:40]!r}>")
        if name == "img" and node.get("src") == "x":
            leaks.append(f"{where}: an <img src=x>")
    return sorted(set(leaks))


def site_leaks(site_dir: Path, search: bool = True) -> list[str]:
    """Leaks anywhere in a built site: every page, and every entry of the search index (`search`:
    a failed build stopped before writing it)."""
    leaks = []
    for page in sorted(site_dir.rglob("*.html")):
        leaks += markup_leaks(page.read_text("utf-8"), page.relative_to(site_dir).as_posix())
    if not search:
        return leaks
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    for entry in index["docs"]:
        # Material's search renders titles and texts as HTML.
        leaks += markup_leaks(f"{entry['title']} {entry['text']}", f"search index {entry['location']}")
    return leaks


def csp_hash_count(site_dir: Path) -> int:
    return len(set(re.findall(r"'sha256-[^']+'", (site_dir / "_headers").read_text("utf-8"))))
