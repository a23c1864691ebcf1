"""Security headers for the built site, as a `_headers` file (Netlify / Cloudflare Pages format).

Pure functions over the built HTML: find every inline script, hash it for the
Content-Security-Policy, and write one rule per page. No two rules set the same header for one
path, because hosts disagree on how they merge such headers (Netlify keeps one, Cloudflare joins
them with commas): `/*` carries the headers every response shares, each page's own URLs carry its
policy, and fingerprinted assets their cache lifetime.

Run after any static build: `python -m microsite.headers SITE_DIR [--embed-origin https://...]`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import json
import re
import sys
from pathlib import Path

# Script types a browser runs; anything else (application/json, application/ld+json) is data.
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
ATTR_RE = re.compile(r"""([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# Fingerprinted assets carry a content hash: Material's name.1a2b3c4d.min.js / .css, and the
# minify plugin's name.1a2b3c.min.css (cache_safe): 6 to 8 hex digits, what the two produce.
FINGERPRINTED_RE = re.compile(r"\.[0-9a-f]{6,8}\.min\.(?:js|css)$")
# Pages rendered by the embed template carry this attribute (with their allowed origins).
EMBED_ATTR = "data-embed-origins"

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


def _attrs(text: str) -> dict[str, str]:
    return {m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in ATTR_RE.finditer(text)}


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline script the browser would run (no `src`, a JavaScript type)."""
    found = []
    for match in SCRIPT_RE.finditer(page_html):
        attrs = _attrs(match[1])
        if "src" not in attrs and attrs.get("type", "").strip().lower() in JS_TYPES:
            found.append(match[2])
    return found


def csp_hash(script: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def embed_origins_in(page_html: str) -> list[str] | None:
    """The origins an embed page declares (JSON in `data-embed-origins`), or None if not an embed."""
    # The tag's attributes are read like any other (quoted either way, or not at all: a minifier
    # drops the quotes of a value such as `[]`).
    match = re.search(r"<\w+\b([^>]*\b" + EMBED_ATTR + r"\b[^>]*)>", page_html)
    if not match:
        return None
    return list(json.loads(_attrs(match[1])[EMBED_ATTR]))


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


def build_headers(site_dir: Path, embed_origins: list[str] | None = None) -> str:
    """The `_headers` text for a built site.

    `embed_origins` (if given) are the origins allowed to frame embed pages; otherwise each embed
    page's own `data-embed-origins` list is used. Every other page refuses framing.
    """
    site_dir = Path(site_dir)
    pages = {p.relative_to(site_dir).as_posix(): p.read_text("utf-8") for p in sorted(site_dir.rglob("*.html"))}
    # One site-wide hash list: instant navigation moves between pages without reloading the policy.
    hashes = sorted({csp_hash(script) for text in pages.values() for script in inline_scripts(text)})
    rules = ["# Generated by `python -m microsite.headers` after each build. Do not edit.",
             _rule("/*", COMMON_HEADERS)]
    for rel, text in pages.items():
        declared = embed_origins_in(text)
        if declared is None:
            headers = {"Content-Security-Policy": content_security_policy(hashes, []), "X-Frame-Options": "DENY"}
        else:
            origins = declared if embed_origins is None else list(embed_origins)
            headers = {"Content-Security-Policy": content_security_policy(hashes, origins)}
        rules += [_rule(url, headers) for url in page_urls(rel)]
    for asset in sorted(site_dir.rglob("*")):
        if asset.is_file() and FINGERPRINTED_RE.search(asset.name):
            rules.append(_rule("/" + asset.relative_to(site_dir).as_posix(), {"Cache-Control": LONG_CACHE}))
    return "\n\n".join(rules) + "\n"


def write_headers(site_dir: Path, embed_origins: list[str] | None = None) -> Path:
    """Write `SITE_DIR/_headers` and return its path."""
    target = Path(site_dir) / "_headers"
    target.write_text(build_headers(site_dir, embed_origins), "utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m microsite.headers", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="the built site (folder with index.html)")
    parser.add_argument("--embed-origin", action="append", dest="embed_origins", metavar="ORIGIN",
                        help="an https:// origin allowed to frame embed pages (repeatable; default: "
                             "the origins each embed page declares)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.error(f"{args.site_dir} has no index.html: build the site first")
    print(f"wrote {write_headers(args.site_dir, args.embed_origins)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
