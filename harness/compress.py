"""How a CDN compresses text: which files, which encodings, which levels."""

from __future__ import annotations

import gzip

import brotli

# Text types a CDN compresses on the fly; images (except SVG) and fonts are already compressed.
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}
# Levels close to what hosts use for on-the-fly compression (gzip 6 is zlib's default).
GZIP_LEVEL = 6
BROTLI_QUALITY = 5
ENCODINGS = ("br", "gzip")


def is_text(name: str) -> bool:
    return any(name.endswith(suffix) for suffix in TEXT_SUFFIXES)


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    if encoding == "br":
        return brotli.compress(data, quality=BROTLI_QUALITY)
    raise ValueError(f"unknown encoding: {encoding}")


def gzip_size(data: bytes) -> int:
    return len(compress(data, "gzip"))
