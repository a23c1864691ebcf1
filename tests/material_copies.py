"""Our whole copies of Material's partials, held to the change we meant to make.

`overrides/partials/header.html` and `search.html` are Material's files with a small change of
ours. That change is recorded as a unified diff (Material's file -> our copy) in
`tests/material_copies/`, headed by the Material version it was made against. The test compares the
record with the diff between the installed Material's file and our copy, so a Material release
that changes a partial under us fails, showing what changed, instead of being masked by our copy.

Upgrading Material is a conscious step: after bumping the pin, run tests/test_material_copies.py;
where it fails, copy Material's new partial over ours, apply our change again (the record shows it),
then record the new diff with `.venv/bin/python tests/material_copies.py --record` and review it in
`git diff` before committing.
"""

from __future__ import annotations

import difflib
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
RECORDS = Path(__file__).resolve().parent / "material_copies"
COPIES = ("partials/header.html", "partials/search.html", "partials/toc.html")


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def record_path(name: str) -> Path:
    return RECORDS / f"{name}.diff"


def our_change(name: str, upstream: Path, copy: Path) -> str:
    """The unified diff from Material's file to our copy, headed by the Material version."""
    return "".join(difflib.unified_diff(
        upstream.read_text("utf-8").splitlines(keepends=True), copy.read_text("utf-8").splitlines(keepends=True),
        f"material {version('mkdocs-material')}/{name}", f"overrides/{name}",
    ))


def drift(name: str, upstream: Path, copy: Path, record: Path) -> str | None:
    """None when `copy` differs from `upstream` exactly as recorded; else what changed, as a diff
    from the recorded change to today's."""
    recorded = record.read_text("utf-8") if record.is_file() else ""
    actual = our_change(name, upstream, copy)
    if actual == recorded:
        return None
    changes = "".join(difflib.unified_diff(
        recorded.splitlines(keepends=True), actual.splitlines(keepends=True),
        f"recorded change ({record.relative_to(ROOT) if record.is_relative_to(ROOT) else record})",
        f"change today ({upstream} -> {copy})",
    ))
    return (f"{name}: our copy no longer differs from Material's file by the recorded change; Material or "
            f"the copy changed (see tests/material_copies.py on upgrading):\n{changes}")


def record_all() -> None:
    for name in COPIES:
        path = record_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(our_change(name, material_templates() / name, OVERRIDES / name), "utf-8")
        print(f"recorded {path.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: tests/material_copies.py --record  (after re-applying our change to a new Material partial)")
    record_all()
