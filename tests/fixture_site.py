"""A practice's own build of the site: other values in its practice block, under a sub-path.

A practice keeps its values in a folder of its own, `practice/practice.yml` next to our
mkdocs.yml, which every build finds (`practice_config`). Our own mkdocs.yml's `extra.practice`
still holds defaults, and a copy of it with that block edited builds too (`edited_config`); so does
a config that INHERITs ours (`inheriting_config`).
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import yaml

from harness.sitebuild import ROOT, our_site_values

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
PRACTICE_FILE = Path("practice") / "practice.yml"


def project_copy(target: Path) -> Path:
    """The build inputs (docs, overrides, data) copied into `target`, plus the practice's logo."""
    for name in ("docs", "overrides", "data"):
        shutil.copytree(ROOT / name, target / name)
    (target / "docs" / PRACTICE["logo"]).write_text(LOGO_SVG, "utf-8")
    return target


def practice_config(target: Path, practice: dict | None = None, site_url: str | None = SITE_URL,
                    **site: str) -> Path:
    """As a practice does it: our mkdocs.yml as it is, and `practice/practice.yml` holding its
    site address (and any other site-level value in `site`) and its practice block."""
    shutil.copyfile(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    # Every value of the practice block from our own site first (whatever a practice may have
    # written into mkdocs.yml), then the fixture practice's.
    ours = {key: value for key, value in our_site_values().items() if key not in ("site_url", "site_name", "website")}
    values = {"site_url": site_url, **site} if site_url else dict(site)
    values.update({**ours, **(PRACTICE if practice is None else practice)})
    write_practice_file(target, values)
    return target / "mkdocs.yml"


def write_practice_file(target: Path, values: dict | str) -> Path:
    """`target/practice/practice.yml` with `values` (or exactly the text given)."""
    path = target / PRACTICE_FILE
    path.parent.mkdir(exist_ok=True)
    path.write_text(values if isinstance(values, str) else yaml.safe_dump(values, sort_keys=False), "utf-8")
    return path


def inheriting_config(target: Path, practice: dict | None = None, site_url: str = SITE_URL) -> Path:
    """A mkdocs.yml that INHERITs ours and overrides the site URL and the `extra.practice` block."""
    shutil.rmtree(target / PRACTICE_FILE.parent, ignore_errors=True)  # only the config's own block
    config = {"INHERIT": str(ROOT / "mkdocs.yml"), "site_url": site_url,
              "extra": {"practice": PRACTICE if practice is None else practice}}
    path = target / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return path


def shared_practice(folder: Path) -> Path:
    """The practice's build as most tests use it: our project in `folder`, with PRACTICE in its
    practice folder (the shared build `practice_site` in tests/conftest.py)."""
    return practice_config(project_copy(folder))


def edited_config(target: Path, practice: dict | None = None, site_url: str = SITE_URL) -> Path:
    """A copy of our mkdocs.yml with `site_url` and the `extra.practice` block rewritten in place."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    text, count = re.subn(r"(?m)^site_url: .*$", f"site_url: {site_url}", text)
    assert count == 1, "mkdocs.yml has no site_url line"
    block = yaml.safe_dump({"practice": PRACTICE if practice is None else practice}, sort_keys=False)
    indented = "".join(f"  {line}\n" for line in block.splitlines())
    text, count = re.subn(r"(?m)^  practice:.*\n(?:    .*\n|\s*\n)*", indented, text)
    assert count == 1, "mkdocs.yml has no extra.practice block"
    shutil.rmtree(target / PRACTICE_FILE.parent, ignore_errors=True)  # only the config's own block
    path = target / "mkdocs.yml"
    path.write_text(text, "utf-8")
    return path


def content_day() -> date:
    """The latest day on which the repository's content says it was checked or reviewed: a build
    judged on that day finds no date in the future (and, content being kept fresh, none stale)."""
    from microsite.crisis import load_crisis_lines
    from microsite.freshness import dated_items, page_dates

    crisis = ROOT / "data" / "crisis-lines.yml"
    items = dated_items(load_crisis_lines(crisis), "data/crisis-lines.yml") + page_dates(ROOT / "docs")
    return max(item.day for item in items)
