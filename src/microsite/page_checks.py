"""What a built site may not hold, checked before its security headers are written.

Every page is read once (`read_page`, `read_site`: the site's plugin reads each page as it is
written, the post-build step reads the others), and no id may be used twice in it. A page may run
only the inline scripts a template wrote (by hash, see `headers.py`), and nothing that runs code
without one: no event handler attribute, no `javascript:` address, no inline
document (`srcdoc`); nothing that sends the reader or its links elsewhere: no `<base>`, no
`<meta http-equiv>` other than the policy the build writes; the embed's allowed origins come from
the config only; and the self-assessment's share link leads to a page of this site. Files a
browser would open as a document with scripts of their own (SVG, XML) hold none.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .data import DataError
from .ids import page_id_clash
from .scan import PageScan, scan_page, script_address
from .urls import normalise_origin, scheme_of

META_POLICY = "content-security-policy"
# Pages built from these templates may be framed by the practice's embed_origins (and only they
# may declare data-embed-origins, when the builder knows each page's template).
EMBED_TEMPLATES = {"embed.html"}
# Files a browser opens as a document that may run scripts, and that no page of ours needs.
ACTIVE_SUFFIXES = (".xhtml", ".xht", ".xsl", ".xslt", ".svgz", ".htm", ".shtml", ".mht", ".mhtml")
# XML documents (opened directly, a browser runs the scripts in them): checked like SVG.
XML_SUFFIXES = (".svg", ".xml")
XML_MAX_BYTES = 1_000_000
FORBIDDEN_XML = ("script", "handler", "iframe", "embed", "object", "frame")
PROCESSING = re.compile(r"<\?(?!xml\s)", re.I)  # `<?xml-stylesheet?>` can run an XSLT with scripts


class UntrustedScript(DataError):
    """A page holds an inline script that no template wrote."""


class PageProblem(DataError):
    """A page (or a file of the site) breaks a rule of the site: an id used twice, or something that
    could run code or lead elsewhere."""


def read_page(rel: str, html: str, content: str | None = None) -> PageScan:
    """Read one finished page and fail, naming `rel`, on an id used twice. `content`: the page's
    own HTML, when known, to say whether the content made the clash."""
    scan = scan_page(html)
    problem = page_id_clash(scan.ids, content or "")
    if problem:
        raise PageProblem(rel, "", problem)
    return scan


def read_site(site_dir: Path, scanned: dict[str, PageScan] | None = None) -> dict[str, PageScan]:
    """Every HTML page of the site, read by `read_page` (pages in `scanned` were read as they were
    written, by the site's plugin, and are not read again)."""
    scanned = scanned or {}
    pages, problems = {}, []
    for path in sorted(Path(site_dir).rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        try:
            pages[rel] = scanned[rel] if rel in scanned else read_page(rel, path.read_text("utf-8"))
        except PageProblem as exc:
            problems.append(exc)
    raise_together(problems)
    return pages


def raise_together(problems: Sequence[DataError]) -> None:
    """Raise the first of `problems` with each other one on a line of its own after it (its page
    or file first), so that one build shows a writer all there is to fix; nothing if there are none."""
    if problems:
        first, others = problems[0], problems[1:]
        raise type(first)(first.source, first.path, first.problem + "".join(f"\n{other}" for other in others))


def checked_scripts(rel: str, scan: PageScan, trusted: Callable[[str], set[str]]) -> list[str]:
    """The page's inline scripts; each must be one a template wrote for that page."""
    allowed = trusted(rel)
    for script in scan.scripts:
        if script not in allowed:
            raise UntrustedScript(rel, "", f"it holds an inline script that no template wrote ({' '.join(script.split())[:80]!r}). "
                                  "Scripts belong in files under docs/assets/javascripts/, listed in mkdocs.yml.")
    return scan.scripts


def check_content(rel: str, scan: PageScan) -> None:
    """Raise PageProblem if the page holds anything that could run code or lead elsewhere (checked
    as each page is written, too: a build of several languages stops once the first language's
    pages are written, naming each of them that does)."""
    if scan.problems:
        raise PageProblem(rel, "", f"it holds {scan.problems[0]}. Pages run only the site's own scripts, "
                          "and links and scripts point where they are written.")


def check_page(rel: str, scan: PageScan, meta_policy: str) -> None:
    """Raise PageProblem for the first thing the page may not hold. A `<meta>` policy is allowed
    only when it is the one the build writes (a page read a second time already holds it)."""
    check_content(rel, scan)
    for name, content in scan.http_equiv:
        if name != META_POLICY or content != meta_policy:
            raise PageProblem(rel, "", f"it holds a <meta http-equiv={name!r}> (content {content[:60]!r}); the build "
                              "writes the page's only one, its Content-Security-Policy")


def check_embed_origins(rel: str, scan: PageScan, origins: list[str], is_embed: bool | None) -> None:
    """A page that declares embed origins must be an embed page (when that is known) and declare
    exactly the configured ones, once: written into a page's Markdown, they could loosen framing."""
    if not scan.embed_declarations:
        return
    if is_embed is False:
        raise PageProblem(rel, "", "it declares data-embed-origins, but it is not an embed page (its template "
                          "is not the embed's); the origins allowed to frame a page come from the practice's embed_origins")
    try:
        declared = [o if o in origins else normalise_origin(o) for o in json.loads(scan.embed_origins or "[]")]
    except (ValueError, TypeError):
        declared = None
    if scan.embed_declarations > 1 or declared != origins:
        raise PageProblem(rel, "", "its data-embed-origins are not the configured ones (the practice's embed_origins); "
                          "the origins allowed to frame the embed come from the config only")


def check_share_pages(rel: str, scan: PageScan, site_dir: Path) -> None:
    """The self-assessment's share link (`share_page`) must lead to a page of this site."""
    for href in scan.share_pages:
        parts = urlsplit(href)
        if scheme_of(href, decoded=True) or href.startswith(("/", "\\")) or parts.netloc or parts.query:
            raise PageProblem(rel, "", f"its share_page link {href!r} is not a page of this site; "
                              "expected the page's file, such as self-assessment.md")
        base = posixpath.dirname(rel)
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        page = site_dir / target
        page = page / "index.html" if not target.endswith(".html") else page
        if target.startswith("..") or not page.resolve().is_file() \
                or not page.resolve().is_relative_to(site_dir.resolve()):
            raise PageProblem(rel, "", f"its share_page link {href!r} does not lead to a page of this site")


def xml_problem(path: Path) -> str | None:
    """Why an SVG or XML file could run code when opened (or cannot be checked), or None."""
    if path.stat().st_size > XML_MAX_BYTES:
        return f"it is larger than {XML_MAX_BYTES} bytes"
    text = path.read_text("utf-8", errors="replace")
    if "<!ENTITY" in text.upper():
        return "it declares XML entities"
    if PROCESSING.search(text):
        return "it holds a processing instruction such as <?xml-stylesheet?>"
    try:
        root = etree.fromstring(text.encode("utf-8"))
    except etree.ParseError as exc:
        return f"it is not well-formed XML ({exc})"
    for node in root.iter():
        tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
        if tag.lower() in FORBIDDEN_XML:
            return f"it holds a <{tag}> element"
        for name, value in node.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                return f"it holds an event handler ({local}=)"
            if script_address(local, value):
                return f"it holds a script address ({local}={value[:40]!r})"
    return None


def file_problem(path: Path) -> str | None:
    """Why a browser would open `path` as a document that runs scripts, or None."""
    suffix = path.suffix.lower()
    if suffix in ACTIVE_SUFFIXES:
        return (f"a {suffix} file is opened by browsers as a page that may run scripts; "
                "publish it as .html (checked like every page), or leave it out")
    if suffix == ".svg" and path.suffix != ".svg":
        return "name it with .svg in lower case, so the hosts' rule for SVG files applies to it"
    if suffix in XML_SUFFIXES:
        problem = xml_problem(path)
        if problem:
            return (f"{problem}; an SVG or XML file opened on its own runs what it holds, "
                    "in the site's name, so it may hold no scripts, handlers or script addresses")
    return None


def file_problems(site_dir: Path) -> list[PageProblem]:
    """The files a browser would open as a document that runs scripts, each with why."""
    return [PageProblem(path.relative_to(site_dir).as_posix(), "", problem) for path in sorted(site_dir.rglob("*"))
            if path.is_file() and (problem := file_problem(path))]
