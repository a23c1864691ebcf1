"""Sitemaps for a site in several languages, written after the build from the built pages.

Each language has its own sitemap at its root (`sitemap.xml`, `es/sitemap.xml`) listing its own
pages; each entry names the same page in every language (`xhtml:link rel="alternate" hreflang`,
and `x-default` for the default language), which is how search engines learn which pages are
translations of one another (`robots.txt` names every sitemap). Material's instant navigation
reads the sitemap at its language's root to know which links are pages of the site: a link to
another language is then not one of them, and loads that language's page whole (its header, its
script settings, its `lang`).

A page whose robots meta says `noindex` (the embed) is left out. MkDocs' own `sitemap.xml` (and
its `.gz`) is written by every language's build over the last one's, so it is replaced here.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from selectolax.lexbor import LexborHTMLParser

from .languages import Language, language_of, path_in_language
from .scan import head_part

NAMESPACES = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'


@dataclass(frozen=True)
class Entry:
    rel: str  # the page's file, from the site's root (`es/faq/index.html`)
    loc: str  # its address: the canonical link the page itself gives


def indexed_pages(site_dir: Path) -> list[Entry]:
    """Every page with a canonical address and no `noindex`, in file order."""
    entries = []
    for path in sorted(Path(site_dir).rglob("*.html")):
        tree = LexborHTMLParser(head_part(path.read_text("utf-8")))  # both links are in the head
        canonical = tree.css_first("link[rel=canonical]")
        robots = tree.css_first("meta[name=robots]")
        href = canonical.attributes.get("href") if canonical is not None else None
        if not href:
            continue
        if robots is not None and "noindex" in (robots.attributes.get("content") or ""):
            continue
        entries.append(Entry(path.relative_to(site_dir).as_posix(), href))
    return entries


def _url(entry: Entry, alternates: list[tuple[str, str]]) -> str:
    links = "".join(f"\n    <xhtml:link rel=\"alternate\" hreflang={quoteattr(lang)} href={quoteattr(href)}/>"
                    for lang, href in alternates)
    loc = entry.loc.replace("&", "&amp;").replace("<", "&lt;")
    return f"  <url>\n    <loc>{loc}</loc>{links}\n  </url>"


def sitemap_xml(entries: Sequence[Entry], alternates: dict[str, list[tuple[str, str]]]) -> str:
    body = "\n".join(_url(entry, alternates.get(entry.rel, [])) for entry in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NAMESPACES}>\n{body}\n</urlset>\n'


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    with gzip.GzipFile(target.with_name(target.name + ".gz"), "wb", mtime=0) as compressed:
        compressed.write(text.encode("utf-8"))


def write_sitemaps(site_dir: Path, languages: Sequence[Language]) -> list[Path]:
    """Write the sitemaps (see the module's docstring); return their paths."""
    site_dir = Path(site_dir)
    entries = indexed_pages(site_dir)
    by_rel = {entry.rel: entry for entry in entries}
    default = next(language for language in languages if language.default)
    alternates: dict[str, list[tuple[str, str]]] = {}
    if len(languages) > 1:
        for entry in entries:
            path = path_in_language(entry.rel, language_of(languages, entry.rel))
            found = [(language.code, by_rel[language.root + path].loc) for language in languages
                     if language.root + path in by_rel]
            if len(found) > 1:
                default_loc = dict(found).get(default.code)
                alternates[entry.rel] = found + ([("x-default", default_loc)] if default_loc else [])
    written = []
    for language in languages:
        own = [entry for entry in entries if language_of(languages, entry.rel) == language]
        written.append(site_dir / language.root / "sitemap.xml")
        _write(written[-1], sitemap_xml(own, alternates))
    return written
