"""Minify our own JavaScript in the built site, in place.

Our scripts are ES modules that import one another by name (the loader imports
`./self-assessment.js`), so they keep their names; only their comments and spaces go. rjsmin
keeps the line breaks that automatic semicolon insertion needs. Material's files are left as
they are: they come minified.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import rjsmin


def own_scripts(files: Iterable, docs_dir: str) -> list[str]:
    """Destination paths (in the site) of the JavaScript files that come from `docs_dir`,
    not already minified."""
    docs = Path(docs_dir).resolve()
    return sorted(
        f.dest_uri for f in files
        if f.is_javascript() and ".min." not in f.dest_uri and f.abs_src_path
        and Path(f.abs_src_path).resolve().is_relative_to(docs)
    )


def minify_scripts(site_dir: Path, dest_uris: Iterable[str]) -> None:
    for uri in dest_uris:
        path = site_dir / uri
        if path.is_file():
            path.write_text(rjsmin.jsmin(path.read_text("utf-8")), "utf-8")
