"""A build is published whole or not at all.

MkDocs writes straight into the site folder, so a build that stops part-way (killed, out of disk,
a check that fails in its last step) leaves pages without their policy, or without `_headers`,
where a deploy step or a hand upload would take them. So `mkdocs build` writes into a staging
folder beside the site folder (`.site.building-<pid>`); only a build that finished, checks and
all, replaces the site folder with it, by two renames. At every moment the site folder is the
last whole build, or for an instant absent (a deploy then fails loudly; it never uploads half a
site). A failed build's pages are kept in `.site.failed` to look at; the site folder is untouched.
Hidden files of the old site folder (`.git`, `.nojekyll`), which MkDocs keeps too, move across.

`Staged` does this for one build: it points that build's own config (never the one the user
gave: see `mkdocs_config.for_build`) at the staging folder, and back when the build ends.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any


def _sibling(site_dir: Path, kind: str) -> Path:
    return site_dir.with_name(f".{site_dir.name}.{kind}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def begin(site_dir: Path) -> Path:
    """An empty staging folder for a build of `site_dir` (and no folder left by a build that died)."""
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for old in site_dir.parent.glob(f".{site_dir.name}.building-*"):
        pid = old.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not _alive(int(pid)) or int(pid) == os.getpid():
            shutil.rmtree(old, ignore_errors=True)
    staging = _sibling(site_dir, f"building-{os.getpid()}")
    staging.mkdir()
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Put the finished build in place of `site_dir`."""
    staging, site_dir = Path(staging), Path(site_dir).resolve()
    if site_dir.is_dir():
        for hidden in site_dir.iterdir():
            if hidden.name.startswith(".") and not (staging / hidden.name).exists():
                shutil.move(str(hidden), staging / hidden.name)
        old = _sibling(site_dir, f"old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        try:
            os.rename(site_dir, old)
        except OSError:  # a mount point or a folder in use: empty it and move the new files in
            _replace_contents(staging, site_dir)
            return
        os.rename(staging, site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, site_dir)


def _replace_contents(staging: Path, site_dir: Path) -> None:
    for entry in site_dir.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in staging.iterdir():
        shutil.move(str(entry), site_dir / entry.name)
    staging.rmdir()


def keep_failed(staging: Path, site_dir: Path) -> Path:
    """Keep a failed build's pages beside the site folder, to look at; return where."""
    failed = _sibling(Path(site_dir).resolve(), "failed")
    shutil.rmtree(failed, ignore_errors=True)
    if Path(staging).is_dir():
        os.rename(staging, failed)
    return failed


class Staged:
    """One build under way in a staging folder: `config` (the build's own copy of the config) has
    its `site_dir` there until `publish` or `keep_failed` sets it back."""

    def __init__(self, config: Any) -> None:
        self.config, self.final = config, Path(config["site_dir"])
        self.building = begin(self.final)
        config["site_dir"] = str(self.building)

    def publish(self) -> None:
        self.config["site_dir"] = str(self.final)
        publish(self.building, self.final)

    def keep_failed(self) -> Path:
        self.config["site_dir"] = str(self.final)
        return keep_failed(self.building, self.final)
