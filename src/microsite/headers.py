"""Security headers for the built site: a `<meta>` policy in every page, and a `_headers` file
(the Netlify / Cloudflare Pages format) for what a meta tag cannot carry.

The Content-Security-Policy trusts inline scripts by hash, and only scripts the theme's templates
wrote (ours or Material's): each template's inline scripts are read from its source and rendered
for the page at hand (they differ only by the page's depth). A script in a page that no template
wrote (pasted into Markdown, or slipped in through a value) is not trusted: it ends the build,
naming the page, instead of being hashed because it happens to be there. So does anything else
that could run code or lead elsewhere (`page_checks.py`).

Every page carries the policy in a `<meta http-equiv>` right after its charset, before any script,
so it holds wherever the site is hosted (GitHub Pages sends no headers of ours). It is one
site-wide policy: Material's instant navigation keeps the first page's policy while it moves
between pages, so it lists the scripts of every page, at every depth.

`_headers` adds what a meta tag cannot carry, in rules that never set one header twice for a path
(hosts merge such headers differently: Cloudflare joins them with commas, Netlify keeps one), and
whose number does not grow with the pages:

- `/*`: the headers every response shares, and `X-Frame-Options: DENY`;
- `/*.svg`: a policy that runs nothing, for an SVG opened on its own;
- each embed page's two addresses: the page policy with `frame-ancestors` listing the configured
  origins (a browser ignores X-Frame-Options when a policy has `frame-ancestors`);
- each fingerprinted asset: its cache lifetime.

The build runs this among its post-build steps (`postbuild.py`); for `_headers` and the meta
policies alone, after any static build: `python -m microsite.headers SITE_DIR [--config mkdocs.yml]
[--embed-origin https://...]`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import posixpath
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from . import template_env
from .data import DataError
from .page_checks import (
    PageProblem,
    UntrustedScript,
    check_embed_origins,
    check_page,
    check_share_pages,
    checked_scripts,
    file_problems,
    raise_together,
    read_site,
)
from .scan import PageScan, head_part, scan_page
from .urls import local_origin, normalise_origin

__all__ = ["UntrustedScript", "PageProblem", "checked_scripts"]  # their home is page_checks.py

# Fingerprinted assets carry a content hash: Material's name.1a2b3c4d.min.js / .css, and the
# minify plugin's name.1a2b3c.min.css (cache_safe): 6 to 8 hex digits, what the two produce.
FINGERPRINTED_RE = re.compile(r"\.[0-9a-f]{6,8}\.min\.(?:js|css)$")

COMMON_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": ", ".join(
        f"{feature}=()" for feature in (
            "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
            "magnetometer", "microphone", "midi", "payment", "usb", "browsing-topics",
        )
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=31536000",
    # Pages refuse frames; the embed's policy has `frame-ancestors`, which browsers follow instead.
    "X-Frame-Options": "DENY",
}
LONG_CACHE = "public, max-age=31536000, immutable"
# An SVG opened on its own: it may show itself and nothing more.
SVG_POLICY = ("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'self'; "
              "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox")
MAX_RULES = 100  # Cloudflare Pages reads at most 100 rules
MAX_LINE = 2000  # and lines of at most 2,000 characters
# A path written in `_headers`: nothing a host reads as a pattern (`*`, `:name`), a comment or a
# new line.
SAFE_PATH = re.compile(r"^/[A-Za-z0-9._~/-]*$")
CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.I)


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline script the browser would run (no `src`, a JavaScript type)."""
    return scan_page(page_html).scripts


@lru_cache(maxsize=512)
def template_inline_scripts(source: str) -> tuple[str, ...]:
    """`inline_scripts` of a template's source, kept per text: each language's build (and each
    rebuild of `mkdocs serve`) reads the same theme. A script element is written `<script` (in any
    case) or not at all, and most templates hold none: those are not parsed."""
    if "<script" not in source.lower():
        return ()
    return tuple(inline_scripts(source))


def csp_hash(script: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class TemplateScripts:
    """The inline scripts the theme's templates write: read once from the template sources (a
    template in an earlier folder of the search path hides one of the same name later), rendered
    per page. They use only `config` and `base_url`."""

    def __init__(self, env: Any) -> None:
        self.env, self.templates = env, []
        self._rendered: dict[str, set[str]] = {}  # base_url -> the scripts as they read there
        names: set[str] = set()
        for folder in env.loader.searchpath:
            for top, dirs, files in os.walk(folder):
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # .icons: thousands of SVGs
                for file in files:
                    name = Path(top, file).relative_to(folder).as_posix()
                    if file.endswith(".html") and name not in names:
                        names.add(name)
                        source = Path(top, file).read_text("utf-8")
                        self.templates += [(name, template_env.from_string(env, body))
                                           for body in template_inline_scripts(source)]

    def for_page(self, config: Any, base_url: str) -> set[str]:
        """Each template script as it reads on a page whose root is `base_url` away."""
        if base_url not in self._rendered:
            rendered = set()
            for _, template in self.templates:
                try:
                    rendered.add(template.render(config=config, base_url=base_url))
                except Exception:  # a script that needs more of the page than this: never trusted
                    continue
            self._rendered[base_url] = rendered
        return self._rendered[base_url]


def base_url_for(rel: str, site_url: str | None) -> str:
    """The `base_url` MkDocs gives a built HTML file's template (see mkdocs.commands.build)."""
    if posixpath.basename(rel) == "404.html":  # error pages (each language's) use absolute links, from the site's own path
        return urlsplit(site_url or "/").path
    return posixpath.relpath(".", posixpath.dirname(rel) or ".")


def content_security_policy(hashes: list[str], frame_ancestors: list[str] | None) -> str:
    """A strict policy: only our own files, the listed inline-script hashes, no plugins.
    `frame_ancestors` None leaves that directive out (a meta tag cannot carry it)."""
    directives = [
        "default-src 'self'",  # styles, fonts, fetches, workers: the site's own files only
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "img-src 'self' data:",  # Material's icons are data: SVGs in its CSS
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if frame_ancestors is not None:
        directives.append("frame-ancestors " + (" ".join(frame_ancestors) if frame_ancestors else "'none'"))
    return "; ".join(directives)


def meta_tag(policy: str) -> str:
    if any(char in policy for char in '"<>&\n\r'):
        raise ValueError(f"a policy cannot be written in an attribute: {policy[:60]!r}")
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def with_meta_policy(page_html: str, policy: str) -> str:
    """The page with the policy's meta tag right after its charset (or first in its head), before
    any script; unchanged if it holds that tag already."""
    tag = meta_tag(policy)
    if tag in page_html:
        return page_html
    charset = CHARSET.search(page_html)
    if charset:
        at = charset.end()
    else:
        head = re.search(r"<head\b[^>]*>", page_html, re.I) or re.search(r"<!doctype[^>]*>", page_html, re.I)
        at = head.end() if head else 0
    return page_html[:at] + tag + page_html[at:]


def policy_first(page_html: str) -> bool:
    """Whether the page's first policy meta tag is in its head, before every script."""
    head = LexborHTMLParser(head_part(page_html), scripting=True).head
    for node in head.iter() if head is not None else []:
        if node.tag == "script":
            return False
        if node.tag == "meta" and (node.attributes.get("http-equiv") or "").lower() == "content-security-policy":
            return True
    return False


def page_urls(rel: str) -> list[str]:
    """The URL paths a host serves one HTML file at: `faq/index.html` -> `/faq/`, `/faq/index.html`."""
    path = "/" + rel
    return [path[: -len("index.html")], path] if path.endswith("/index.html") else [path]


def site_path(site_url: str | None) -> str:
    """The path the site is published under, as `_headers` rules start: '' at a host's root,
    '/learn' for https://example.org/learn/ (refused when a host would read it as a pattern)."""
    path = urlsplit(site_url or "").path.rstrip("/")
    if path and not SAFE_PATH.match(path):
        raise DataError("site_url", "", f"its path {path!r} cannot be written in _headers as it is (use letters, "
                        "digits and . _ ~ - only)")
    return path


def _rule(pattern: str, headers: dict[str, str], base: str = "") -> str:
    if not (pattern == "/*" or pattern == "/*.svg" or SAFE_PATH.match(pattern)):
        raise PageProblem(pattern.lstrip("/"), "", "its name cannot be written in _headers as it is (use letters, "
                          "digits and . _ ~ - only)")
    return "\n".join([base + pattern] + [f"  {name}: {value}" for name, value in headers.items()])


def site_hashes(scans: dict[str, PageScan], trusted: Callable[[str], set[str]]) -> list[str]:
    """One site-wide hash list, of the inline scripts the templates wrote for each page and only
    those (`check_site` names any other): instant navigation moves between pages without
    reloading the policy."""
    return sorted({csp_hash(script) for rel, scan in scans.items() for script in set(scan.scripts) & trusted(rel)})


def check_site(site_dir: Path, scans: dict[str, PageScan], trusted: Callable[[str], set[str]], policy: str,
               origins: list[str], embed_pages: set[str] | None) -> None:
    """Every page and file may hold only what `page_checks.py` allows; every one that does not is
    named, with the first thing it may not hold, a line each."""
    problems: list[DataError] = []
    for rel, scan in scans.items():
        try:
            checked_scripts(rel, scan, trusted)
            check_page(rel, scan, policy)
            check_embed_origins(rel, scan, origins, None if embed_pages is None else rel in embed_pages)
            check_share_pages(rel, scan, site_dir)
        except DataError as exc:
            problems.append(exc)
    raise_together([*problems, *file_problems(site_dir)])


def build_headers(site_dir: Path, embed_origins: list[str] | None, trusted: Callable[[str], set[str]],
                  scanned: dict[str, PageScan] | None = None, embed_pages: set[str] | None = None,
                  site_url: str | None = None) -> str:
    """The `_headers` text for a built site, once every page has passed the checks.

    `trusted(rel)` gives the inline scripts the templates wrote for the page at `rel`.
    `embed_origins`: the origins allowed to frame embed pages, from the config (none: no frame).
    `embed_pages`: the pages built from the embed's template (None: those that declare origins).
    `scanned`: pages already read as they were written (by the site's plugin), not read again.
    `site_url`: where the site is published; under a sub-path (/learn/) every rule starts with it.
    """
    return _checked_site(Path(site_dir), embed_origins, trusted, scanned, embed_pages, site_url)[0]


def _checked_site(site_dir: Path, embed_origins: list[str] | None, trusted: Callable[[str], set[str]],
                  scanned: dict[str, PageScan] | None, embed_pages: set[str] | None,
                  site_url: str | None = None) -> tuple[str, str]:
    """(`_headers` text, meta policy) once every page and file has passed the checks."""
    scans = read_site(site_dir, scanned)
    origins = [_embed_origin(o) for o in embed_origins or []]
    hashes = site_hashes(scans, trusted)
    policy = content_security_policy(hashes, None)
    check_site(site_dir, scans, trusted, policy, origins, embed_pages)
    return _headers_text(site_dir, scans, hashes, origins, site_path(site_url)), policy


def _headers_text(site_dir: Path, scans: dict[str, PageScan], hashes: list[str], origins: list[str],
                  base: str = "") -> str:
    """The rules, each path under `base` (the site's sub-path: the file sits at the root of what
    the host publishes, the site in its `base` folder)."""
    rules = [_rule("/*", COMMON_HEADERS, base), _rule("/*.svg", {"Content-Security-Policy": SVG_POLICY}, base)]
    embed = {"Content-Security-Policy": content_security_policy(hashes, origins)}
    for rel, scan in scans.items():
        if scan.embed_declarations:
            rules += [_rule(url, embed, base) for url in page_urls(rel)]
    for asset in sorted(site_dir.rglob("*")):
        if asset.is_file() and FINGERPRINTED_RE.search(asset.name):
            rules.append(_rule("/" + asset.relative_to(site_dir).as_posix(), {"Cache-Control": LONG_CACHE}, base))
    if len(rules) > MAX_RULES:
        raise DataError("_headers", "", f"it would hold {len(rules)} rules; Cloudflare Pages reads at most {MAX_RULES}")
    text = "\n\n".join(["# Generated by `python -m microsite.headers` after each build. Do not edit.", *rules]) + "\n"
    long = next((line for line in text.splitlines() if len(line) > MAX_LINE), None)
    if long:
        raise DataError("_headers", "", f"a line is {len(long)} characters long; Cloudflare Pages reads at most {MAX_LINE}")
    paths = served_paths(site_dir, base)
    clash = repeated_header(parse_rules(text), paths)
    if clash:
        raise DataError("_headers", "", clash)
    return text


def write_headers(site_dir: Path, embed_origins: list[str] | None, trusted: Callable[[str], set[str]],
                  scanned: dict[str, PageScan] | None = None, embed_pages: set[str] | None = None,
                  meta: bool = True, site_url: str | None = None) -> Path:
    """Check the site, write the policy's meta tag into every page (unless not `meta`), then
    `SITE_DIR/_headers` (last, whole or not at all; its rules under `site_url`'s path); return its
    path."""
    site_dir = Path(site_dir)
    text, policy = _checked_site(site_dir, embed_origins, trusted, scanned, embed_pages, site_url)
    if meta:
        write_meta_policies(site_dir, policy)
    target = site_dir / "_headers"
    partial = target.with_name("_headers.partial")
    partial.write_text(text, "utf-8")
    partial.replace(target)
    return target


def write_meta_policies(site_dir: Path, policy: str) -> None:
    """Put the policy's meta tag into every HTML file of the site, before any script."""
    for path in sorted(Path(site_dir).rglob("*.html")):
        page = path.read_text("utf-8")
        updated = with_meta_policy(page, policy)
        if not policy_first(updated):
            raise PageProblem(path.relative_to(site_dir).as_posix(), "", "its head holds a script before the place "
                              "the Content-Security-Policy goes (right after <meta charset>)")
        if updated != page:
            path.write_text(updated, "utf-8")


# --- how the two hosts read `_headers` --------------------------------------------------------------


def parse_rules(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(pattern, [(name, value)]) for each rule of a `_headers` text."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def netlify_regex(pattern: str) -> re.Pattern:
    """A rule's path as Netlify matches it (its headers parser, `for_regexp`): `*` anywhere in a
    segment is any text, `:name` one segment, a trailing slash optional, letters in any case."""
    def part(segment: str) -> str:
        if segment.startswith(":"):
            return "([^/]+)"
        if segment == "*":
            return "?(.*)"
        if "*" in segment:
            return segment.replace("*", "(.*)")
        return re.escape(segment)
    parts = [part(segment.rstrip()) for segment in pattern.split("/") if segment.rstrip()]
    return re.compile("^/" + "/".join(parts) + "/?$", re.I)


def cloudflare_regex(pattern: str) -> re.Pattern:
    """A rule's path as Cloudflare matches it (its rules engine): one `*` is any text, `:name` one
    segment, the rest exactly."""
    body = "(?P<splat>.*)".join(re.escape(piece) for piece in pattern.split("*"))
    body = re.sub(r":([A-Za-z]\w*)", r"(?P<\1>[^/]+)", body)
    return re.compile("^" + body + "$")


def served_paths(site_dir: Path, base: str = "") -> list[str]:
    """Every address the site answers at (under `base`, its sub-path), and a few it does not, as
    hosts see them."""
    paths = {"/", "/missing/", "/missing.svg", "/MISSING.SVG"}
    for path in Path(site_dir).rglob("*"):
        if path.is_file():
            rel = path.relative_to(site_dir).as_posix()
            paths.add("/" + rel)
            if rel == "index.html" or rel.endswith("/index.html"):
                folder = "/" + rel[: -len("index.html")]
                paths |= {folder, folder.rstrip("/") or "/"}
    return sorted({base + path for path in paths} | ({"/", base} if base else set()))


def repeated_header(rules: list[tuple[str, list[tuple[str, str]]]], paths: list[str]) -> str | None:
    """The first header that two rules set for one of `paths`, on either host, in words; or None."""
    for host, regex in (("Netlify", netlify_regex), ("Cloudflare", cloudflare_regex)):
        compiled = [(pattern, regex(pattern), {name.lower() for name, _ in headers}) for pattern, headers in rules]
        for path in paths:
            setters: dict[str, str] = {}
            for pattern, matcher, names in compiled:
                if matcher.match(path):
                    for name in names:
                        if name in setters:
                            return (f"two rules set {name} for {path} on {host} ({setters[name]} and {pattern}); "
                                    "hosts merge such headers differently")
                        setters[name] = pattern
    return None


def trusted_for_config(config: Any, env: Any) -> Callable[[str], set[str]]:
    """`trusted(rel)` for a site built from `config` with the theme environment `env`."""
    scripts = TemplateScripts(env)
    return lambda rel: scripts.for_page(config, base_url_for(rel, config.site_url))


def _embed_origin(value: str) -> str:
    """An https origin as browsers write it; under the development server, a page on this machine
    too (`site.with_local_embed_origin`: a build refuses one before it gets here)."""
    try:
        return normalise_origin(value)
    except ValueError:
        if value.startswith("http://"):
            return local_origin(value)
        raise


def _origin(value: str) -> str:
    try:
        return normalise_origin(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r}: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    from . import mkdocs_config  # the command reads the config as the build did, with MkDocs
    from .postbuild import site_arguments

    parser = argparse.ArgumentParser(prog="python -m microsite.headers", description=__doc__.splitlines()[0])
    parser.add_argument("--embed-origin", action="append", dest="embed_origins", metavar="ORIGIN", type=_origin,
                        help="a plain https://host[:port] origin allowed to frame embed pages (repeatable; default: "
                             "the practice's embed_origins); the embed pages must have been built with them")
    args = site_arguments(parser, argv)
    try:
        config = mkdocs_config.load(args.config)
        site = mkdocs_config.load_site_for(config)
        origins = args.embed_origins if args.embed_origins is not None else site.practice["embed_origins"]
        target = write_headers(args.site_dir, origins, mkdocs_config.trusted_scripts(config, site),
                               site_url=site.settings["site_url"])
    except ValueError as exc:  # DataError is a ValueError
        parser.exit(1, f"error: {exc}\n(Was the site built from {args.config}? Its templates say which scripts to trust.)\n")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
