"""Minify our own scripts and stylesheets in the built site, in place, under their own names.

Our scripts are ES modules that import one another by name (the loader imports
`./self-assessment.js`), and the self-assessment's stylesheet is linked by name too, so these
keep their names: only comments and spaces go. rjsmin keeps the line breaks that automatic
semicolon insertion needs; stylesheets go through csscompressor, as the site stylesheet does.
The site stylesheet is served under a hashed name, minified already (see `stylesheet.py`), and
Material's files come minified: both are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import csscompressor
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": csscompressor.compress}


def own_assets(site_dir: Path, docs_dir: Path) -> list[str]:
    """Site paths of our scripts and stylesheets: copied from `docs_dir` under their own names,
    not minified already (`.min.`: Material's files, the hashed site stylesheet)."""
    docs = Path(docs_dir)
    return sorted(
        rel for path in docs.rglob("*")
        if path.suffix in MINIFIERS and ".min." not in path.name and path.is_file()
        for rel in [path.relative_to(docs).as_posix()]
        if not any(part.startswith(".") for part in rel.split("/")) and (Path(site_dir) / rel).is_file()
    )


def minify_in_place(site_dir: Path, dest_uris: Iterable[str]) -> None:
    for uri in dest_uris:
        path = site_dir / uri
        if path.is_file():
            path.write_text(MINIFIERS[path.suffix](path.read_text("utf-8")), "utf-8")
