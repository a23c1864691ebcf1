"""Security headers for the built site, as a `_headers` file (Netlify / Cloudflare Pages format).

The Content-Security-Policy trusts inline scripts by hash, and only scripts the theme's templates
wrote (ours or Material's): each template's inline scripts are read from its source and rendered
for the page at hand (they differ only by the page's depth). A script in a page that no template
wrote (pasted into Markdown, or slipped in through a value) is not trusted: it ends the build,
naming the page, instead of being hashed because it happens to be there.

No two rules set the same header for one path, because hosts disagree on how they merge such
headers (Netlify keeps one, Cloudflare joins them with commas): `/*` carries the headers every
response shares, each page's own URLs carry its policy, and fingerprinted assets their cache
lifetime.

Run after any static build: `python -m microsite.headers SITE_DIR [--config mkdocs.yml]
[--embed-origin https://...]`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import posixpath
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .data import DataError
from .scan import PageScan, scan_page
from .urls import normalise_origin

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
}
LONG_CACHE = "public, max-age=31536000, immutable"


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline script the browser would run (no `src`, a JavaScript type)."""
    return scan_page(page_html).scripts


def csp_hash(script: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class UntrustedScript(DataError):
    """A page holds an inline script that no template wrote."""


class TemplateScripts:
    """The inline scripts the theme's templates write: read once from the template sources (a
    template in an earlier folder of the search path hides one of the same name later), rendered
    per page. They use only `config` and `base_url`."""

    def __init__(self, env: Any) -> None:
        self.env, self.templates, self._rendered = env, [], {}
        names: set[str] = set()
        for folder in env.loader.searchpath:
            for top, dirs, files in os.walk(folder):
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # .icons: thousands of SVGs
                for file in files:
                    name = Path(top, file).relative_to(folder).as_posix()
                    if file.endswith(".html") and name not in names:
                        names.add(name)
                        source = Path(top, file).read_text("utf-8")
                        self.templates += [(name, env.from_string(body)) for body in inline_scripts(source)]

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


def content_security_policy(hashes: list[str], frame_ancestors: list[str]) -> str:
    """A strict policy: only our own files, the listed inline-script hashes, no plugins."""
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # Material's icons are data: SVGs in its CSS
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors " + (" ".join(frame_ancestors) if frame_ancestors else "'none'"),
    ]
    return "; ".join(directives)


def page_urls(rel: str) -> list[str]:
    """The URL paths a host serves one HTML file at: `faq/index.html` -> `/faq/`, `/faq/index.html`."""
    path = "/" + rel
    return [path[: -len("index.html")], path] if path.endswith("/index.html") else [path]


def _rule(pattern: str, headers: dict[str, str]) -> str:
    return "\n".join([pattern] + [f"  {name}: {value}" for name, value in headers.items()])


def checked_scripts(rel: str, scan: PageScan, trusted: Callable[[str], set[str]]) -> list[str]:
    """The page's inline scripts; each must be one a template wrote for that page."""
    allowed = trusted(rel)
    for script in scan.scripts:
        if script not in allowed:
            raise UntrustedScript(rel, "", f"it holds an inline script that no template wrote ({' '.join(script.split())[:80]!r}). "
                                  "Scripts belong in files under docs/assets/javascripts/, listed in mkdocs.yml.")
    return scan.scripts


def build_headers(site_dir: Path, embed_origins: list[str] | None, trusted: Callable[[str], set[str]],
                  scanned: dict[str, PageScan] | None = None) -> str:
    """The `_headers` text for a built site.

    `trusted(rel)` gives the inline scripts the templates wrote for the page at `rel`.
    `embed_origins` (if given) are the origins allowed to frame embed pages; otherwise each embed
    page's own `data-embed-origins` list is used. Every other page refuses framing.
    `scanned`: pages already read as they were written (by the site's plugin), not read again.
    """
    site_dir = Path(site_dir)
    scanned = scanned or {}
    scans = {rel: scanned.get(rel) or scan_page(path.read_text("utf-8"))
             for path in sorted(site_dir.rglob("*.html")) for rel in [path.relative_to(site_dir).as_posix()]}
    # One site-wide hash list: instant navigation moves between pages without reloading the policy.
    hashes = sorted({csp_hash(script) for rel, scan in scans.items() for script in checked_scripts(rel, scan, trusted)})
    rules = ["# Generated by `python -m microsite.headers` after each build. Do not edit.",
             _rule("/*", COMMON_HEADERS)]
    for rel, scan in scans.items():
        if scan.embed_origins is None:
            headers = {"Content-Security-Policy": content_security_policy(hashes, []), "X-Frame-Options": "DENY"}
        else:
            declared = [normalise_origin(origin) for origin in json.loads(scan.embed_origins)]
            origins = declared if embed_origins is None else [normalise_origin(o) for o in embed_origins]
            headers = {"Content-Security-Policy": content_security_policy(hashes, origins)}
        rules += [_rule(url, headers) for url in page_urls(rel)]
    for asset in sorted(site_dir.rglob("*")):
        if asset.is_file() and FINGERPRINTED_RE.search(asset.name):
            rules.append(_rule("/" + asset.relative_to(site_dir).as_posix(), {"Cache-Control": LONG_CACHE}))
    return "\n\n".join(rules) + "\n"


def write_headers(site_dir: Path, embed_origins: list[str] | None, trusted: Callable[[str], set[str]],
                  scanned: dict[str, PageScan] | None = None) -> Path:
    """Write `SITE_DIR/_headers` and return its path."""
    target = Path(site_dir) / "_headers"
    target.write_text(build_headers(site_dir, embed_origins, trusted, scanned), "utf-8")
    return target


def trusted_for_config(config: Any, env: Any) -> Callable[[str], set[str]]:
    """`trusted(rel)` for a site built from `config` with the theme environment `env`."""
    scripts = TemplateScripts(env)
    return lambda rel: scripts.for_page(config, base_url_for(rel, config.site_url))


def _origin(value: str) -> str:
    try:
        return normalise_origin(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r}: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m microsite.headers", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site (folder with index.html)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="the MkDocs config it was built from (its theme's templates say which inline scripts to trust)")
    parser.add_argument("--embed-origin", action="append", dest="embed_origins", metavar="ORIGIN", type=_origin,
                        help="a plain https://host[:port] origin allowed to frame embed pages (repeatable; default: "
                             "the origins each embed page declares)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.error(f"{args.site_dir} has no index.html: build the site first")
    if not args.config.is_file():
        parser.error(f"{args.config} not found: pass the site's MkDocs config with --config")
    from mkdocs.config import load_config  # only the command needs MkDocs itself

    config = load_config(config_file=str(args.config))
    try:
        target = write_headers(args.site_dir, args.embed_origins, trusted_for_config(config, config.theme.get_env()))
    except DataError as exc:
        parser.exit(1, f"error: {exc}\n(Was the site built from {args.config}? Its templates say which scripts to trust.)\n")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
