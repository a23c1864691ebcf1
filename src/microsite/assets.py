"""Minify our own scripts and stylesheets in the built site, in place, under their own names.

Our scripts are ES modules that import one another by name (the loader imports
`./self-assessment.js`), and the self-assessment's stylesheet is linked by name too, so these
keep their names: only comments and spaces go. rjsmin keeps the line breaks that automatic
semicolon insertion needs; stylesheets go through csscompressor, as the minify plugin's do.
Files the minify plugin has already renamed (`site.css`) are no longer at their source path and
are left alone, as are Material's files, which come minified.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import csscompressor
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": csscompressor.compress}


def own_assets(files: Iterable, docs_dir: str) -> list[str]:
    """Site paths of the scripts and stylesheets that come from `docs_dir`, not already minified."""
    docs = Path(docs_dir).resolve()
    return sorted(
        f.dest_uri for f in files
        if Path(f.dest_uri).suffix in MINIFIERS and ".min." not in f.dest_uri and f.abs_src_path
        and Path(f.abs_src_path).resolve().is_relative_to(docs)
    )


def minify_in_place(site_dir: Path, dest_uris: Iterable[str]) -> None:
    for uri in dest_uris:
        path = site_dir / uri
        if path.is_file():
            path.write_text(MINIFIERS[path.suffix](path.read_text("utf-8")), "utf-8")
