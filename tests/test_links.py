"""No broken links or anchors anywhere in the built site (lychee, offline, with fragments)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path


def lychee() -> str:
    found = Path(sys.executable).with_name("lychee")
    return str(found) if found.exists() else (shutil.which("lychee") or "lychee")


def run_lychee(site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [lychee(), "--offline", "--include-fragments", "--no-progress", "--root-dir", str(site_dir),
         "--index-files", "index.html", "--format", "detailed", f"{site_dir}/**/*.html"],
        capture_output=True, text=True, cwd=site_dir,
    )


def test_no_broken_links_or_anchors(site_dir):
    result = run_lychee(site_dir)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Errors\.+0\b", result.stdout), result.stdout
    checked = int(re.search(r"Successful\.+(\d+)", result.stdout).group(1))
    assert checked > 100  # it really looked at the site


def test_lychee_finds_a_broken_anchor(tmp_path):
    # The checker itself must catch what we rely on it for.
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<!doctype html><h1 id="here">A</h1>', "utf-8")
    (tmp_path / "index.html").write_text(
        '<!doctype html><a href="a/#here">ok</a> <a href="a/#missing">broken</a> <a href="b/">gone</a>', "utf-8")
    result = run_lychee(tmp_path)
    assert result.returncode != 0
    assert re.search(r"Errors\.+2\b", result.stdout), result.stdout
    assert "#missing" in result.stdout and "Cannot find fragment" in result.stdout
