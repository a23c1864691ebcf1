"""Build the site (or a variant of it) into a folder, and list what it publishes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Which practice folder a build uses (microsite.practice.PRACTICE_ENV): set by each build here, never
# taken from the shell, so a build reads exactly the practice its caller meant.
PRACTICE_ENV = "MICROSITE_PRACTICE"
# Our own site, without any practice's values (whatever a practice has put in practice/).
OWN_SITE = {PRACTICE_ENV: "none"}


def mkdocs_build(config: Path, site_dir: Path, check: bool = True,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a reader of the README would (with `env` added to the
    environment; without a practice folder in `env`, the one next to `config`, if any); return the
    finished process."""
    inherited = {key: value for key, value in os.environ.items() if key != PRACTICE_ENV}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config.parent,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


# The languages the site is built in, by the folder of their pages ("" for the default, at the root).
LANGUAGE_ROOTS = {"en": "", "es": "es/"}


def page_language(rel) -> str:
    """The language of a built file, by its folder (`es/faq/index.html` is Spanish)."""
    rel = Path(rel).as_posix()
    return next((lang for lang, root in LANGUAGE_ROOTS.items() if root and rel.startswith(root)), "en")


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site, sorted."""
    return sorted(site_dir.rglob("*.html"))


def docs_page_urls(docs_dir: Path = ROOT / "docs") -> list[str]:
    """Directory URLs of every Markdown page in docs/ (what `use_directory_urls` publishes)."""
    urls = []
    for source in sorted(docs_dir.rglob("*.md")):
        rel = source.relative_to(docs_dir).with_suffix("").as_posix()
        urls.append("" if rel == "index" else rel.removesuffix("/index") + "/")
    return urls
