"""The site stylesheet as it is served: the generated brand properties, then our own rules,
minified, under a name that holds a hash of its text (`site.<hash>.min.css`).

The brand is not a file of its own: that would be one more request on a first visit. The text is
written as a real file in the build's cache folder, so any generator (or plugin) can copy it like
any other file; a new brand or a changed rule gets a new name, never a stale cache, and the name's
hash lets `_headers` cache it for a year.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from pathlib import Path

import csscompressor

from .cache import store
from .data import DataError

HASH_DIGITS = 8  # what `headers.FINGERPRINTED_RE` reads as a fingerprint (6 to 8 hex digits)


@dataclass(frozen=True)
class GeneratedFile:
    """A file the build makes: where it goes in the site (`uri`) and the real file it is (`path`)."""

    uri: str
    path: Path


def served_name(uri: str, text: str) -> str:
    """`assets/stylesheets/site.css` -> `assets/stylesheets/site.<hash>.min.css` for this text."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]
    stem, ext = posixpath.splitext(uri)
    return f"{stem}.{digest}.min{ext}"


def site_stylesheet(docs_dir: Path, uri: str, brand_css: str, cache_dir: Path) -> GeneratedFile:
    """Write `brand_css` followed by the stylesheet at `docs_dir/uri`, minified, into `cache_dir`
    (once per text: the file is named by its hash) and say where it goes in the site."""
    source = Path(docs_dir) / uri
    try:
        own = source.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        raise DataError(uri, "", "not found under docs/: the site stylesheet, where the brand colours go, "
                        "must be there") from None
    text = csscompressor.compress(brand_css + own)
    name = served_name(uri, text)
    path = Path(cache_dir) / posixpath.basename(name)
    if not path.is_file() or path.read_text("utf-8") != text:
        def write(target: Path) -> None:
            target.write_text(text, "utf-8")

        path = store(cache_dir, path.name, write)
    return GeneratedFile(name, path)
