"""Start a practice's own site: ask for (or take as options) its values, check each one as the
build does, and write `practice/practice.yml` (and its logo into `practice/docs/`). It never
writes over a file that exists. `scripts/init-practice --help` lists the options.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .brand import DEFAULT_COLORS, normalise_colors, resolve_brand
from .crisis_data import DEFAULT_DATA as CRISIS_DATA
from .crisis_data import load_meaning
from .data import DataError, validate
from .practice import (
    PRACTICE_DIR,
    PRACTICE_DOCS,
    PRACTICE_FILE,
    Layer,
    checked_layer,
    header_problem,
    is_example_site,
)

LOGO_DIR = "assets/images"
# (key, option, question); the order the questions come in.
FIELDS = (
    ("name", "--name", "The practice's name"),
    ("short_name", "--short-name", "A short name for the header on phones (Enter: the name)"),
    ("website", "--website", "The practice's website (https://...)"),
    ("site_url", "--site-url", "Where this site will be published (https://.../learn/)"),
    ("region", "--region", "Two-letter region whose crisis lines come first"),
    ("primary", "--primary", "Main colour, #rrggbb (Enter: deep teal)"),
    ("accent", "--accent", "Accent colour, #rrggbb (Enter: warm rust)"),
    ("booking_url", "--booking-url", "Where readers book a session (Enter: none)"),
    ("contact", "--contact", "An email address or page where readers reach you"),
    ("logo", "--logo", "A logo image file to copy in (Enter: none)"),
)
OPTIONAL = {"short_name", "primary", "accent", "booking_url", "logo"}


def check(key: str, value: str, values: dict[str, Any], root: Path) -> Any:
    """The value as the file will hold it, checked as the build checks it; DataError otherwise."""
    source = f"{PRACTICE_DIR}/{PRACTICE_FILE}"
    if key == "site_url":
        validate({"site_url": value}, "practice-site", source)
        return value if value.endswith("/") else value + "/"
    if key in ("primary", "accent"):
        checked_layer(Layer(source, {"colors": {key: value}}))
        colors = {**DEFAULT_COLORS, **values.get("colors", {}), key: value}
        resolve_brand(normalise_colors(colors), source)
        return value.lower()
    if key == "region":
        value = value.upper()
        regions = sorted(load_meaning(root / CRISIS_DATA)["regions"])
        if value not in regions:
            raise DataError(source, "region", f"{value!r} has no crisis lines here: expected one of {', '.join(regions)}")
        return value
    if key == "logo":
        path = Path(value).expanduser()
        if not path.is_file():
            raise DataError("--logo", "", f"{value!r}: the file does not exist")
        checked = f"{LOGO_DIR}/{path.name}"
        checked_layer(Layer(source, {"logo": checked}))
        return checked
    checked_layer(Layer(source, {key: value}))
    problem = header_problem(value, key, source) if key in ("short_name", "name") else None
    if problem and key == "short_name":
        raise DataError("", "", problem)
    if problem:
        print(f"  Note: {problem}")
    return value


def ask(question: str, default: str = "") -> str:
    shown = f" [{default}]" if default else ""
    try:
        return input(f"{question}{shown}: ").strip() or default
    except EOFError:
        return default


def collect(given: dict[str, str | None], root: Path, interactive: bool,
            prompt: Callable[[str, str], str] = ask) -> tuple[dict[str, Any], Path | None]:
    """The practice file's values and the logo file to copy; each answer checked as it comes."""
    values: dict[str, Any] = {}
    logo_file = None
    defaults = {"region": "US"}
    for key, option, question in FIELDS:
        value = given.get(key)
        while True:
            if value is None and interactive:
                value = prompt(question, defaults.get(key, ""))
            if not value:
                if key in OPTIONAL or (key == "contact" and is_example_site(values.get("site_url"))):
                    break
                if key == "region":
                    value = "US"
                    continue
                if not interactive:
                    raise DataError(option, "", f"needed: {question.split(' (')[0].lower()}")
                print(f"  {question.split(' (')[0]} is needed.")
                value = None
                continue
            try:
                checked = check(key, value, values, root)
            except DataError as exc:
                if not interactive:
                    raise
                print(f"  {exc}")
                value = None
                continue
            if key in ("primary", "accent"):
                values.setdefault("colors", {})[key] = checked
            elif key == "logo":
                values["logo"], logo_file = checked, Path(value).expanduser()
            else:
                values[key] = checked
            break
    return values, logo_file


def write(root: Path, values: dict[str, Any], logo_file: Path | None) -> list[Path]:
    """Write the practice's folder; refuse to write over anything that exists."""
    folder = root / PRACTICE_DIR
    target = folder / PRACTICE_FILE
    logo_target = folder / PRACTICE_DOCS / values["logo"] if logo_file else None
    for path in (target, logo_target):
        if path is not None and path.exists():
            raise DataError(str(path.relative_to(root)), "", "already exists: nothing was written (edit it, or move it "
                            "away to start again)")
    folder.mkdir(exist_ok=True)
    (folder / PRACTICE_DOCS).mkdir(exist_ok=True)
    written = []
    if logo_file and logo_target:
        logo_target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(logo_file, logo_target)
        written.append(logo_target)
    ordered = {"site_url": values.pop("site_url", None), **values}
    text = ("# The practice's own values (README: For a practice). Our updates never touch this folder.\n"
            + yaml.safe_dump({k: v for k, v in ordered.items() if v is not None}, sort_keys=False, allow_unicode=True))
    with target.open("x", encoding="utf-8") as out:  # "x": never over a file that appeared meanwhile
        out.write(text)
    written.append(target)
    return written


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/init-practice", description=__doc__.splitlines()[0])
    for key, option, question in FIELDS:
        parser.add_argument(option, dest=key, metavar="VALUE", help=question)
    parser.add_argument("--no-input", action="store_true", help="ask nothing: take only the options given")
    args = parser.parse_args(argv)
    root = root or Path.cwd()
    interactive = not args.no_input and sys.stdin.isatty()
    if (root / PRACTICE_DIR / PRACTICE_FILE).exists():
        print(f"error: {PRACTICE_DIR}/{PRACTICE_FILE} already exists: nothing was written (edit it, or move it "
              "away to start again)", file=sys.stderr)
        return 1
    try:
        values, logo_file = collect({key: getattr(args, key) for key, _, _ in FIELDS}, root, interactive)
        written = write(root, values, logo_file)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(root)}")
    print("Next: scripts/serve to see the site at http://127.0.0.1:8000/, then scripts/check-practice before "
          "you publish it (README: For a practice).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
