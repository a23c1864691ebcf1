"""Files a build makes, kept in the cache folder between builds (the site stylesheet, the share
image): each written whole (a build stopped half-way leaves no broken file), and, when the cache
folder cannot be written (a read-only checkout, a file where the folder goes), written into a
temporary folder instead, so the build still gets its file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path


def store(cache_dir: Path, name: str, write: Callable[[Path], None]) -> Path:
    """Write the file `name` into `cache_dir` with `write(path)`; return where it was written."""
    try:
        return _whole(Path(cache_dir) / name, write)
    except OSError:
        return _whole(Path(tempfile.mkdtemp(prefix="microsite-cache-")) / name, write)


def _whole(path: Path, write: Callable[[Path], None]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    write(partial)
    partial.replace(path)
    return path
