"""The `extra.practice` config block: defaults and validation."""

from __future__ import annotations

from typing import Any

from .data import DataError, validate

SOURCE = "mkdocs.yml extra.practice"

DEFAULTS: dict[str, Any] = {
    "name": "Coaching or Therapy?",
    "website": None,  # falls back to site_url
    "booking_url": None,
    "logo": None,
    "region": "US",
    "embed_origins": [],
}

EXPECTED = {
    "website": "an http:// or https:// URL",
    "booking_url": "an http:// or https:// URL, or nothing",
    "embed_origins": "a list of https:// origins such as https://www.example.com (no path)",
    "region": "a two-letter region code in capitals, such as US or GB",
}


def resolve_practice(raw: dict[str, Any] | None, site_url: str | None) -> dict[str, Any]:
    """Validate the block and return it with every key present (defaults filled in)."""
    raw = dict(raw or {})
    try:
        validate(raw, "practice", SOURCE)
    except DataError as exc:
        key = exc.path.split(".")[0].split("[")[0]
        if key in EXPECTED and "unknown key" not in exc.problem:
            raise DataError(SOURCE, exc.path, f"expected {EXPECTED[key]}, got {_value_at(raw, exc.path)!r}") from None
        raise
    practice = {**DEFAULTS, **{k: v for k, v in raw.items() if v is not None}}
    practice["website"] = practice["website"] or site_url or ""
    practice["embed_origins"] = list(practice["embed_origins"] or [])
    return practice


def _value_at(raw: dict[str, Any], path: str) -> Any:
    key, _, rest = path.partition("[")
    value = raw.get(key)
    if rest and isinstance(value, list):
        index = int(rest.rstrip("]"))
        return value[index] if index < len(value) else None
    return value
