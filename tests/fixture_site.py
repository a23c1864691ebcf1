"""A practice's own build of the site: other values in `extra.practice`, under a sub-path.

Two ways a practice customises, both built here: a small mkdocs.yml that INHERITs ours, or a copy
of ours with the `extra.practice` block edited.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from harness.sitebuild import ROOT

SITE_URL = "https://northside.example/learn/"
PRACTICE = {
    "name": "Northside Coaching Studio",
    "website": "https://northside.example/",
    "booking_url": "https://northside.example/book-a-call",
    "logo": "assets/images/practice-logo.svg",
    "region": "GB",
    "embed_origins": ["https://northside.example"],
}
LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#123"/></svg>'


def project_copy(target: Path) -> Path:
    """The build inputs (docs, overrides, data) copied into `target`, plus the practice's logo."""
    for name in ("docs", "overrides", "data"):
        shutil.copytree(ROOT / name, target / name)
    (target / "docs" / PRACTICE["logo"]).write_text(LOGO_SVG, "utf-8")
    return target


def inheriting_config(target: Path, practice: dict | None = None, site_url: str = SITE_URL) -> Path:
    """A practice's mkdocs.yml: INHERIT ours, override the site URL and the practice block."""
    config = {"INHERIT": str(ROOT / "mkdocs.yml"), "site_url": site_url,
              "extra": {"practice": PRACTICE if practice is None else practice}}
    path = target / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


def practice_config(folder: Path) -> Path:
    """The practice's build as most tests use it: our project in `folder`, INHERITed with PRACTICE
    (the shared build `practice_site` in tests/conftest.py)."""
    return inheriting_config(project_copy(folder))


def edited_config(target: Path, practice: dict | None = None, site_url: str = SITE_URL) -> Path:
    """A copy of our mkdocs.yml with `site_url` and the `extra.practice` block rewritten in place."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    text, count = re.subn(r"(?m)^site_url: .*$", f"site_url: {site_url}", text)
    assert count == 1, "mkdocs.yml has no site_url line"
    block = yaml.safe_dump({"practice": PRACTICE if practice is None else practice}, sort_keys=False)
    indented = "".join(f"  {line}\n" for line in block.splitlines())
    text, count = re.subn(r"(?m)^  practice:\n(?:    .*\n|\s*\n)*", indented, text)
    assert count == 1, "mkdocs.yml has no extra.practice block"
    path = target / "mkdocs.yml"
    path.write_text(text, "utf-8")
    return path
