"""The claims list (data/claims.yml): read it strictly, and hold it against built pages.

A claim is a fact on a page: the page, the id of the heading whose section makes it, and its
source (a reference entry, by id, or an https address the section links to). Reference entries are
the list items with an id in a `.references` list: on the Sources page, or at the bottom of a page
that lists its own sources. The checks here are plain functions over HTML text, so the tests can
feed them small pages too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from jsonschema import Draft202012Validator

from harness.sitebuild import ROOT
from microsite.data import DataError, format_path, parse_yaml

CLAIMS_PATH = ROOT / "data" / "claims.yml"
SOURCES_PAGE = "sources.md"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
ID = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["version", "sources", "claims"],
    "properties": {
        "version": {"const": 1},
        "sources": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": ID,
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["url", "kind", "checked"],
                "properties": {
                    "page": {"type": "string", "pattern": r"^[a-z0-9-]+\.md$"},
                    "url": {"type": "string", "pattern": r"^https?://\S+$"},
                    "kind": {"enum": ["primary", "secondary"]},
                    "note": {"type": "string", "minLength": 20},
                    "checked": DATE,
                },
                # A source that is not the first source says why it was used.
                "if": {"properties": {"kind": {"const": "secondary"}}},
                "then": {"required": ["note"]},
            },
        },
        "claims": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["claim", "page", "anchor", "source", "checked"],
                "properties": {
                    "claim": {"type": "string", "minLength": 10},
                    "page": {"type": "string", "pattern": r"^[a-z0-9-]+\.md$"},
                    "anchor": ID,
                    "source": {"anyOf": [ID, {"type": "string", "pattern": r"^https://\S+$"}]},
                    "checked": DATE,
                },
            },
        },
    },
}


def load_claims(path: Path = CLAIMS_PATH) -> dict[str, Any]:
    """The claims file, parsed strictly (a key written twice is an error) and checked against SCHEMA."""
    data = parse_yaml(path.read_text("utf-8"), str(path))
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: -len(e.absolute_path))
    if errors:
        raise DataError(str(path), format_path(errors[0].absolute_path), errors[0].message)
    for i, claim in enumerate(data["claims"]):
        if not claim["source"].startswith("https://") and claim["source"] not in data["sources"]:
            raise DataError(str(path), f"claims[{i}].source", f"{claim['source']!r} is not one of the sources")
    return data


def site_path(page: str) -> str:
    stem = page.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem}/index.html"


def article(html: str) -> Tag:
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one("article") or soup


def section_links(html: str, anchor: str) -> list[str] | None:
    """The link targets in the section that starts at the heading with id `anchor` (up to the next
    heading of the same or a higher level; for the page's title, its introduction up to the first
    heading), or None when the page has no such heading."""
    target = article(html).find(id=anchor)
    if target is None or target.name not in HEADINGS:
        return None
    level = int(target.name[1])
    links = []
    for element in target.find_all_next():
        if element.name in HEADINGS and (level == 1 or int(element.name[1]) <= level):
            break
        if element.name == "a" and element.get("href"):
            links.append(element["href"])
    return links


def reference_ids(html: str) -> set[str]:
    """The ids of the reference entries a page lists (its `.references` list items)."""
    return {item["id"] for item in article(html).select(".references li[id]")}


def cited_source(href: str, local: set[str] = frozenset()) -> str | None:
    """The reference id a link cites: one on the Sources page (`../sources/#nimh` -> `nimh`), or
    one of `local`, the page's own reference entries (`#bacp` -> `bacp`); None for any other link."""
    match = re.search(r"(?:^|/)sources/#([a-z0-9-]+)$", href)
    if match:
        return match[1]
    return href[1:] if href.startswith("#") and href[1:] in local else None


def cites(links: list[str], source: str, local: set[str] = frozenset()) -> bool:
    """Whether a section's links cite `source`: a reference id, or an https address."""
    if source.startswith("https://"):
        return source in links
    return any(cited_source(href, local) == source for href in links)


def citations(html: str) -> list[tuple[str, str]]:
    """(section heading id, cited reference id) for every citation on a page, in order."""
    found, local = [], reference_ids(html)
    for link in article(html).find_all("a", href=True):
        source = cited_source(link["href"], local)
        if source is None:
            continue
        heading = link.find_previous(HEADINGS)
        while heading is not None and not heading.get("id"):
            heading = heading.find_previous(HEADINGS)
        found.append((heading["id"] if heading is not None else "", source))
    return found


def source_entry(html: str, source: str) -> Tag | None:
    """A page's reference entry for `source` (the list item with its `{ #id }`), or None."""
    entry = article(html).find(id=source)
    return entry if entry is not None and entry.name == "li" else None


URL_RE = re.compile(r"https?://[^\s<>()\"'`\]]+")


def outside_urls(text: str) -> set[str]:
    """Every http(s) address written in `text` (Markdown, YAML), trailing punctuation dropped."""
    return {url.rstrip(".,;:") for url in URL_RE.findall(text)}


def same_address(a: str, b: str) -> bool:
    """Addresses that differ only in a trailing slash are one address."""
    return a.rstrip("/") == b.rstrip("/")


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")
