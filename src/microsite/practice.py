"""The practice block: where its values come from, their defaults and validation.

A practice writes its own values in `practice/practice.yml` (a folder of its own, next to
mkdocs.yml, that our updates never touch); `extra.practice` in mkdocs.yml holds our defaults. Each
file is read as plain data (see `data.parse_yaml`: no tag that runs code or reads the environment,
no alias) and checked before any template sees a value, and every message names the file the value
came from: text is plain text without invisible or bidirectional characters, addresses are parsed
as a browser reads them (see `urls.py`), the logo and share image must be images inside docs/,
colours are hex (their contrast is checked in `brand.py`), embed origins are written the one way
browsers report them, dates are not in the future (see `freshness.py`), and a site published at a
real address must say where readers can report an error.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .brand import DEFAULT_COLORS as DEFAULT_COLOURS
from .brand import normalise_colors
from .data import DataError, parse_yaml, read_data_file, validate
from .urls import contact_href, normalise_origin

SOURCE = "mkdocs.yml extra.practice"
# The practice's own folder, next to the site config, and its config file inside it.
PRACTICE_DIR = "practice"
PRACTICE_FILE = "practice.yml"
# Another folder for one command (a fixture practice in the tests, a second practice), or `none`
# for the site without any practice's values.
PRACTICE_ENV = "MICROSITE_PRACTICE"
NO_PRACTICE = "none"
# The site-level values a practice may set beside its practice block (schema: practice-site).
SITE_KEYS = ("site_url", "site_name", "site_description")
# The practice's own pages and images live in `practice/docs/`: a file there is published with the
# site, in place of ours at the same path. `pages` adds its pages to the navigation, `hide` leaves
# out pages of ours (schema: practice-site).
PRACTICE_DOCS = "docs"
PAGE_KEYS = ("pages", "hide")
# The header on a 320 px phone, beside the practice's logo, the menu, search, the palette toggle
# and "Get help now", holds three lines of about 10 letters (site.css): a longer word would be cut,
# a longer name is shortened by words.
HEADER_WORD = 10
HEADER_NAME = 30
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
SHARE_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".webp")  # what link previews show
# Hosts reserved for examples and tests (RFC 2606 and 6761): a site there is not published yet.
EXAMPLE_HOSTS = ("example.com", "example.net", "example.org", "localhost")
EXAMPLE_SUFFIXES = (".example", ".test", ".invalid", ".localhost", ".example.com", ".example.net", ".example.org")

DEFAULTS: dict[str, Any] = {
    "name": "Coaching or Therapy?",
    "short_name": None,  # the header falls back to site_name
    "website": None,  # falls back to site_url
    "booking_url": None,
    "logo": None,
    "share_image": None,  # None: the build draws one (see share_image.py)
    "colors": None,  # filled in: primary, accent and dark, see brand.py
    "region": "US",
    "embed_origins": [],
    "contact": None,
    "reviewer": None,
    "next_review": None,
    "languages": None,  # None: every language the site config builds
    "contact_url": None,  # derived: mailto: for an email address, else the page itself
    "report_url": None,  # derived (by the site): the contact's address, else the repository's new-issue page
}

EXPECTED = {
    "name": "the practice's name as plain text",
    "short_name": "a short plain-text name of at most 24 characters, or nothing",
    "website": "an http:// or https:// URL",
    "booking_url": "an http:// or https:// URL, or nothing",
    "logo": f"an image file under docs/ ({', '.join(t[1:] for t in IMAGE_TYPES)}), such as assets/images/logo.svg",
    "share_image": f"an image file under docs/ ({', '.join(t[1:] for t in SHARE_IMAGE_TYPES)}), such as assets/images/share.png",
    "colors": "a colour written #rrggbb or #rgb, such as #1d5c57, under the keys primary, accent and dark (link, accent)",
    "embed_origins": "a list of https:// origins such as https://www.example.com (no path)",
    "region": "a two-letter region code in capitals, such as US or GB",
    "contact": "an email address or an http:// or https:// URL where readers can reach you",
    "next_review": "a date written YYYY-MM-DD",
    "languages": "a list of language codes the site builds, such as [en, es]",
}


@dataclass(frozen=True)
class PracticeFile:
    """A practice's own config file, read and checked: its site-level values and its block."""

    path: Path
    source: str  # as messages name it, e.g. practice/practice.yml
    site: dict[str, str] = field(default_factory=dict)  # the SITE_KEYS it sets
    practice: dict[str, Any] = field(default_factory=dict)  # the practice block's keys
    pages: tuple[tuple[str, str], ...] = ()  # (title, file under docs/) added to the navigation
    hide: tuple[str, ...] = ()  # our pages left out

    @property
    def docs(self) -> Path | None:
        """The practice's own pages and images (`practice/docs/`), when it has them."""
        folder = self.path.parent / PRACTICE_DOCS
        return folder if folder.is_dir() else None


@dataclass(frozen=True)
class Layer:
    """One place practice values come from, and how messages name it."""

    source: str
    values: Any


def practice_folder(config_dir: Path, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The practice folder a build of the config in `config_dir` uses, or None.

    `MICROSITE_PRACTICE` names another folder (relative to the current directory), or `none`;
    unset or empty, it is `practice/` next to the config when that folder exists.
    """
    chosen = environ.get(PRACTICE_ENV, "").strip()
    if chosen.lower() == NO_PRACTICE:
        return None
    if chosen:
        folder = Path(chosen).resolve()
        if not (folder / PRACTICE_FILE).is_file():
            raise DataError(f"{PRACTICE_ENV}={chosen}", "", f"no {PRACTICE_FILE} in {folder}: name a practice's "
                            f"folder (the one that holds its {PRACTICE_FILE}), or {NO_PRACTICE}")
        return folder
    folder = Path(config_dir) / PRACTICE_DIR
    return folder if (folder / PRACTICE_FILE).is_file() else None


def read_practice_file(folder: Path, config_dir: Path) -> PracticeFile:
    """Read `folder/practice.yml` as plain data and check its site-level values (the practice block
    is checked with the other layers, by `resolve_practice`)."""
    path = Path(folder) / PRACTICE_FILE
    try:
        source = path.resolve().relative_to(Path(config_dir).resolve()).as_posix()
    except ValueError:
        source = str(path)
    raw = parse_yaml(read_data_file(path, source), source)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise DataError(source, "", f"expected keys and values (site_url, name, region, ...), got {raw!r:.60}")
    site = {key: raw[key] for key in SITE_KEYS + PAGE_KEYS if raw.get(key) is not None}
    validate(site, "practice-site", source)
    pages = tuple((title, file) for item in site.pop("pages", []) for title, file in item.items())
    hide = tuple(site.pop("hide", []))
    docs = path.parent / PRACTICE_DOCS
    for index, (title, file) in enumerate(pages):
        if not (docs / file).is_file():
            folder = Path(source).parent / PRACTICE_DOCS
            raise DataError(source, f"pages[{index}]", f"{title}: the file {folder.as_posix()}/{file} does not "
                            "exist (a practice's own pages go in the docs folder beside its practice.yml)")
    return PracticeFile(path, source, site, {k: v for k, v in raw.items() if k not in SITE_KEYS + PAGE_KEYS},
                        pages, hide)


def practice_layers(block: Any, block_source: str, practice_file: PracticeFile | None) -> list[Layer]:
    """Our config's block first, then the practice's file: a key in the file replaces ours."""
    layers = [Layer(block_source, block)]
    if practice_file is not None:
        layers.append(Layer(practice_file.source, practice_file.practice))
    return layers


def source_of(layers: Sequence[Layer], key: str) -> str:
    """The file that gave `key` its value (the last layer that sets it), else the last layer."""
    for layer in reversed(layers):
        if isinstance(layer.values, dict) and key in layer.values:
            return layer.source
    return layers[-1].source


def practice_values(layers: Sequence[Layer]) -> tuple[dict[str, Any], dict[str, str]]:
    """The values the layers set (each layer checked on its own, a later one replacing an earlier
    one's keys), and the file each key came from; no defaults filled in."""
    merged: dict[str, Any] = {}
    for layer in layers:
        merged.update(checked_layer(layer))
    return merged, {key: source_of(layers, key) for key in merged}


def resolve_practice(raw: Any, site_url: str | None, docs_dir: str | Path | None = None,
                     layers: Sequence[Layer] | None = None, own_docs: Path | None = None) -> dict[str, Any]:
    """Validate the block and return it with every key present (defaults filled in).

    `layers` (see `practice_layers`) replaces `raw` when a practice's file adds its own values;
    each layer is checked on its own, so a message names the file the value came from.
    `own_docs`: the practice's own pages and images, looked in before `docs_dir`.
    """
    layers = list(layers) if layers is not None else [Layer(SOURCE, raw)]
    merged, _ = practice_values(layers)
    practice = {**DEFAULTS, **{k: v for k, v in merged.items() if v is not None}}
    practice["website"] = practice["website"] or site_url or ""
    practice["contact_url"] = contact_href(practice["contact"]) if practice["contact"] else None
    # Browsers report origins in lower case without the default port: written so, they match.
    practice["embed_origins"] = list(dict.fromkeys(normalise_origin(o) for o in practice["embed_origins"] or []))
    practice["colors"] = normalise_colors(practice["colors"])
    for key, types in (("logo", IMAGE_TYPES), ("share_image", SHARE_IMAGE_TYPES)):
        if practice[key] and docs_dir is not None:
            folders = [Path(own_docs)] if own_docs else []
            _check_image(source_of(layers, key), key, practice[key], types, [*folders, Path(docs_dir)])
    if not practice["contact"] and not is_example_site(site_url):
        raise DataError(layers[-1].source, "contact", f"required once site_url is a real address ({site_url}): "
                        f"expected {EXPECTED['contact']}, so readers can report an error")
    return practice


def checked_layer(layer: Layer) -> dict[str, Any]:
    raw = {} if layer.values is None else layer.values
    if not isinstance(raw, dict):
        raise DataError(layer.source, "", f"expected a block of keys (name, website, region, ...), got {raw!r:.60}")
    raw = _dates_as_text(raw)
    _check_colours_written(layer.source, raw.get("colors"))
    try:
        validate(raw, "practice", layer.source)
    except DataError as exc:
        key = exc.path.split(".")[0].split("[")[0]
        if key in EXPECTED and "unknown key" not in exc.problem:
            reason = f" ({exc.reason})" if exc.reason else ""
            raise DataError(layer.source, exc.path,
                            f"expected {EXPECTED[key]}, got {_value_at(raw, exc.path)!r}{reason}") from None
        raise
    return raw


def _check_colours_written(source: str, colors: Any) -> None:
    """A colour left empty, or written without quotes (`primary: #0b6e4f` is a YAML comment: the
    value is lost), is an error that says to quote it, never a silent default."""
    if not isinstance(colors, dict):
        return
    dark = colors.get("dark")
    named = [(k, v) for k, v in colors.items() if k != "dark"]
    named += [(f"dark.{k}", v) for k, v in dark.items()] if isinstance(dark, dict) else []
    for key, value in named:
        if value is None or (isinstance(value, str) and not value.strip()):
            example = _written_colour(source, key.split(".")[-1]) or DEFAULT_COLOURS.get(key, "#1d5c57")
            raise DataError(source, f"colors.{key}", f'is empty: write the colour in quotes, e.g. {key.split(".")[-1]}: '
                            f'"{example}" (without quotes, # starts a YAML comment and the colour is lost)')


def _written_colour(source: str, key: str) -> str | None:
    """The colour the file holds after `key:` without quotes (YAML read it as a comment), to quote
    back to the owner; None when the file cannot be read here or holds none."""
    path = Path(source.split(" ")[0])
    try:
        text = path.read_text("utf-8") if path.is_file() else ""
    except OSError:
        return None
    match = re.search(rf"(?m)^\s*{re.escape(key)}:\s*(#[0-9A-Fa-f]{{3,6}})\b", text)
    return match.group(1) if match else None


def header_problem(name: str, key: str, source: str) -> str | None:
    """Why the header on a phone cannot show `name` whole (a word too wide), or None."""
    long = next((word for word in name.split() if len(word) > HEADER_WORD), None)
    if not long:
        return None
    hint = "" if key == "short_name" else "; set a short_name for the header"
    return (f"{source}: {key}: {name!r:.80}: the word {long!r:.40} is {len(long)} characters long, and the header "
            f"on a phone (320 px) fits words of at most {HEADER_WORD}{hint}")


def header_name(name: str) -> str:
    """`name` as the header shows it: whole, or shortened by words to HEADER_NAME characters with
    an ellipsis."""
    words = name.split()
    if len(name) <= HEADER_NAME:
        return name
    shown = ""
    for word in words:
        if len(f"{shown} {word}".strip()) + 1 > HEADER_NAME:
            break
        shown = f"{shown} {word}".strip()
    return shown + "…"


def is_example_site(site_url: str | None) -> bool:
    """Whether the site's address is unset or reserved for examples (not published yet)."""
    host = (urlsplit(site_url or "").hostname or "").lower()
    return not host or host in EXAMPLE_HOSTS or host.endswith(EXAMPLE_SUFFIXES) or host == "127.0.0.1"


def docs_file(value: str, folders: Sequence[Path]) -> Path | None:
    """The file at `value` in the first of `folders` that holds it (the practice's before ours),
    or None; never a file outside its folder."""
    for folder in folders:
        root = Path(folder).resolve()
        path = (root / value).resolve()
        if path.is_relative_to(root) and path.is_file():
            return path
    return None


def _check_image(source: str, key: str, value: str, types: tuple[str, ...], folders: Sequence[Path]) -> None:
    if Path(value).suffix.lower() not in types or ".." in Path(value).parts:
        raise DataError(source, key, f"expected {EXPECTED[key]}, got {value!r}")
    if docs_file(value, folders) is None:
        where = " or ".join(f"{_shown(folder)}/" for folder in folders)
        raise DataError(source, key, f"{value!r}: the file does not exist (looked in {where}; the path is "
                        "relative to that folder, e.g. assets/images/logo.svg)")


def _shown(folder: Path) -> str:
    """A folder as a message shows it: relative to the current directory when inside it."""
    try:
        return Path(folder).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return Path(folder).as_posix()


def _dates_as_text(raw: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' YAML turns 2027-06-01 into a date; the schema (and the pages) want the text."""
    def text(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: text(v) for k, v in value.items()}
        return value
    return text(raw)


def _value_at(raw: dict[str, Any], path: str) -> Any:
    key, _, rest = path.partition("[")
    value: Any = raw
    for part in key.split("."):  # colors.dark.link: the value itself, not its whole block
        value = value.get(part) if isinstance(value, dict) else None
    if rest and isinstance(value, list):
        index = int(rest.split("]")[0])
        return value[index] if index < len(value) else None
    return value
