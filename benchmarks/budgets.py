"""The byte budgets, in one place: tests/test_budgets.py enforces them, scripts/bench reports them.

KB here is 1,000 bytes; sizes are gzip-compressed bodies as a CDN would send them.
"""

from __future__ import annotations

from pathlib import Path

from .compress import gzip_size

KB = 1000
PAGE_MAX = 120 * KB  # any page, first visit, everything it loads
CONTENT_OVER_BARE = 2 * KB  # a content page, against bare Material built from the same docs/
SELF_ASSESSMENT_OVER_BARE = 10 * KB  # the self-assessment page(s)
SELF_ASSESSMENT_ASSETS = 8 * KB  # its own JS + CSS
REPEAT_VISIT_MAX = 10 * KB  # any page reached from another page (shared assets cached)

SELF_ASSESSMENT_PREFIX = "self-assessment"  # the page and its embeddable copy
# The self-assessment's own files (relative to docs/); each must exist.
SELF_ASSESSMENT_FILES = ("assets/javascripts/self-assessment.js", "assets/stylesheets/self-assessment.css")


def allowance_over_bare(page: str) -> int:
    return SELF_ASSESSMENT_OVER_BARE if page.startswith(SELF_ASSESSMENT_PREFIX) else CONTENT_OVER_BARE


def self_assessment_assets(docs_dir: Path) -> dict[str, int]:
    """Gzip size of each of the self-assessment's own JS and CSS files (modules it is split into
    count too: every asset whose name starts with `self-assessment`). Missing files raise."""
    missing = [name for name in SELF_ASSESSMENT_FILES if not (docs_dir / name).is_file()]
    if missing:
        raise FileNotFoundError(f"missing in {docs_dir}: {', '.join(missing)}")
    files = sorted(
        path for folder in ("assets/javascripts", "assets/stylesheets")
        for path in (docs_dir / folder).rglob("self-assessment*") if path.suffix in (".js", ".css", ".mjs")
    )
    return {path.relative_to(docs_dir).as_posix(): gzip_size(path.read_bytes()) for path in files}
