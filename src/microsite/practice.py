"""The `extra.practice` config block: defaults and validation.

A practice pastes its own values here, so each one is checked before any template sees it: text is
plain text, addresses are parsed (see `urls.py`), the logo and share image must be images inside
docs/, colours are hex (their contrast is checked in `brand.py`), embed origins are written the one
way browsers report them, and a site published at a real address must say where readers can report
an error.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .brand import normalise_colors
from .data import DataError, validate
from .urls import contact_href, normalise_origin

SOURCE = "mkdocs.yml extra.practice"
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
SHARE_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".webp")  # what link previews show
# Hosts reserved for examples and tests (RFC 2606 and 6761): a site there is not published yet.
EXAMPLE_HOSTS = ("example.com", "example.net", "example.org", "localhost")
EXAMPLE_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".example.com", ".example.net", ".example.org")

DEFAULTS: dict[str, Any] = {
    "name": "Coaching or Therapy?",
    "short_name": None,  # the header falls back to site_name
    "website": None,  # falls back to site_url
    "booking_url": None,
    "logo": None,
    "share_image": None,  # None: the build draws one (see share_image.py)
    "colors": None,  # filled in: primary, accent and dark, see brand.py
    "region": "US",
    "embed_origins": [],
    "contact": None,
    "reviewer": None,
    "next_review": None,
    "contact_url": None,  # derived: mailto: for an email address, else the page itself
}

EXPECTED = {
    "name": "the practice's name as plain text",
    "short_name": "a short plain-text name of at most 24 characters, or nothing",
    "website": "an http:// or https:// URL",
    "booking_url": "an http:// or https:// URL, or nothing",
    "logo": f"an image file under docs/ ({', '.join(t[1:] for t in IMAGE_TYPES)}), such as assets/images/logo.svg",
    "share_image": f"an image file under docs/ ({', '.join(t[1:] for t in SHARE_IMAGE_TYPES)}), such as assets/images/share.png",
    "colors": "a colour written #rrggbb or #rgb, such as #1d5c57, under the keys primary, accent and dark (link, accent)",
    "embed_origins": "a list of https:// origins such as https://www.example.com (no path)",
    "region": "a two-letter region code in capitals, such as US or GB",
    "contact": "an email address or an http:// or https:// URL where readers can reach you",
    "next_review": "a date written YYYY-MM-DD",
}


def resolve_practice(raw: Any, site_url: str | None, docs_dir: str | Path | None = None) -> dict[str, Any]:
    """Validate the block and return it with every key present (defaults filled in)."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise DataError(SOURCE, "", f"expected a block of keys (name, website, region, ...), got {raw!r:.60}")
    raw = _dates_as_text(raw)
    try:
        validate(raw, "practice", SOURCE)
    except DataError as exc:
        key = exc.path.split(".")[0].split("[")[0]
        if key in EXPECTED and "unknown key" not in exc.problem:
            reason = f" ({exc.reason})" if exc.reason else ""
            raise DataError(SOURCE, exc.path, f"expected {EXPECTED[key]}, got {_value_at(raw, exc.path)!r}{reason}") from None
        raise
    practice = {**DEFAULTS, **{k: v for k, v in raw.items() if v is not None}}
    practice["website"] = practice["website"] or site_url or ""
    practice["contact_url"] = contact_href(practice["contact"]) if practice["contact"] else None
    # Browsers report origins in lower case without the default port: written so, they match.
    practice["embed_origins"] = list(dict.fromkeys(normalise_origin(o) for o in practice["embed_origins"] or []))
    practice["colors"] = normalise_colors(practice["colors"])
    for key, types in (("logo", IMAGE_TYPES), ("share_image", SHARE_IMAGE_TYPES)):
        if practice[key] and docs_dir is not None:
            _check_image(key, practice[key], types, Path(docs_dir))
    if not practice["contact"] and not is_example_site(site_url):
        raise DataError(SOURCE, "contact", f"required once site_url is a real address ({site_url}): expected {EXPECTED['contact']}, "
                        "so readers can report an error")
    return practice


def is_example_site(site_url: str | None) -> bool:
    """Whether the site's address is unset or reserved for examples (not published yet)."""
    host = (urlsplit(site_url or "").hostname or "").lower()
    return not host or host in EXAMPLE_HOSTS or host.endswith(EXAMPLE_SUFFIXES) or host == "127.0.0.1"


def _check_image(key: str, value: str, types: tuple[str, ...], docs_dir: Path) -> None:
    docs = docs_dir.resolve()
    path = (docs / value).resolve()
    if not path.is_relative_to(docs) or path.suffix.lower() not in types or not path.is_file():
        raise DataError(SOURCE, key, f"expected {EXPECTED[key]}, got {value!r}")


def _dates_as_text(raw: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' YAML turns 2027-06-01 into a date; the schema (and the pages) want the text."""
    def text(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: text(v) for k, v in value.items()}
        return value
    return text(raw)


def _value_at(raw: dict[str, Any], path: str) -> Any:
    key, _, rest = path.partition("[")
    value: Any = raw
    for part in key.split("."):  # colors.dark.link: the value itself, not its whole block
        value = value.get(part) if isinstance(value, dict) else None
    if rest and isinstance(value, list):
        index = int(rest.split("]")[0])
        return value[index] if index < len(value) else None
    return value
