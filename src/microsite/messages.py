"""Gather the interface's messages into the template catalog, and keep each language's catalog in step.

Messages are found where they are written: our Python code (`words.gettext("…")`, `ngettext`,
`pgettext`), our templates (`{% trans %}…{% endtrans %}`, `_("…")`) and the site config's interface
words (the navigation's titles, the palette toggles' names, the permalinks' title). The template
is `src/microsite/locales/messages.pot`; each language's catalog is
`src/microsite/locales/<code>/LC_MESSAGES/messages.po`, edited by a translator (Poedit, Weblate or
any text editor) and compiled in memory by each build (see `i18n.py`).

    python -m microsite.messages update        # after changing a message: the template and every catalog
    python -m microsite.messages init CODE     # a catalog for a new language
    python -m microsite.messages check         # what is missing or stale (exits 1 if anything is)
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po

from .i18n import DOMAIN, LOCALES, catalog_path

ROOT = Path(__file__).resolve().parents[2]  # the repository: src/microsite/ is two levels down
PACKAGE = Path(__file__).resolve().parent
TEMPLATE = LOCALES / f"{DOMAIN}.pot"
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "_": None}
PROJECT = "Coaching or Therapy?"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
WIDTH = 100


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml for its words only: a tag such as `!!python/name:` is left unread."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def python_sources(package: Path = PACKAGE) -> list[Path]:
    return sorted(path for path in package.rglob("*.py") if path.name != "messages.py")


def template_sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / "overrides").rglob("*.html"))


def config_messages(config_file: Path) -> Iterator[tuple[str, str]]:
    """(message, where) for the interface words of a site config: nav titles, palette toggles,
    the permalinks' title."""
    config = yaml.load(config_file.read_text("utf-8"), Loader=_AnyTag) or {}
    for key in ("site_name", "site_description"):
        if isinstance(config.get(key), str):
            yield config[key], f"the site's {key.replace('_', ' ')} ({key}), unless a practice sets its own"
    # The publisher's name is ours (the practice block's default, the same words as site_name) or
    # a practice's own, which is a name: not gathered from a config's practice block.

    def nav(items: Any) -> Iterator[tuple[str, str]]:
        for item in items or []:
            if isinstance(item, dict):
                for title, value in item.items():
                    yield title, "the navigation (nav)"
                    if isinstance(value, list):
                        yield from nav(value)
    yield from nav(config.get("nav"))
    for scheme in (config.get("theme") or {}).get("palette") or []:
        name = ((scheme or {}).get("toggle") or {}).get("name")
        if isinstance(name, str):
            yield name, "a colour scheme toggle's label (theme.palette)"
    for extension in config.get("markdown_extensions") or []:
        if isinstance(extension, dict) and isinstance((extension.get("toc") or {}).get("permalink_title"), str):
            yield extension["toc"]["permalink_title"], "the permalinks' title (toc.permalink_title)"


def gather(root: Path = ROOT) -> Catalog:
    """Every message of the interface, as a template catalog."""
    catalog = Catalog(project=PROJECT, domain=DOMAIN, charset="utf-8", fuzzy=False)
    for path in python_sources(root / "src" / "microsite"):
        with path.open("rb") as source:
            for line, message, comments, context in extract("python", source, KEYWORDS):
                catalog.add(message, None, [(path.relative_to(root).as_posix(), line)],
                            auto_comments=comments, context=context)
    for path in template_sources(root):
        with path.open("rb") as source:
            options = {"extensions": "jinja2.ext.i18n", "trimmed": "false"}
            for line, message, comments, context in extract("jinja2.ext:babel_extract", source, KEYWORDS,
                                                             options=options):
                catalog.add(message, None, [(path.relative_to(root).as_posix(), line)],
                            auto_comments=comments, context=context)
    for message, where in config_messages(root / "mkdocs.yml"):
        known = catalog.get(message)
        if known is None:
            catalog.add(message, None, [("mkdocs.yml", None)], auto_comments=[where])  # type: ignore[list-item]  # Babel takes a location without a line
        else:
            known.locations.append(("mkdocs.yml", None))  # type: ignore[arg-type]  # as above
            known.auto_comments.append(where)
    return catalog


def _text(catalog: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, omit_header=False, sort_output=True, include_lineno=False)
    return out.getvalue().decode("utf-8")


def write_template(root: Path = ROOT) -> Catalog:
    template = gather(root)
    path = root / TEMPLATE.relative_to(ROOT)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_strip_dates(_text(template)), "utf-8")
    return template


def _strip_dates(text: str) -> str:
    """The header without the creation and revision dates: the file changes only when a message does."""
    return re.sub(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', "", text, flags=re.M)


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as source:
        return read_po(source, locale=lang, domain=DOMAIN)


def update(root: Path = ROOT) -> list[Path]:
    """Write the template, then add its new messages to every catalog (a changed message is kept
    as a fuzzy suggestion, which no build shows until a translator confirms it)."""
    template = write_template(root)
    written = []
    for path in sorted((root / LOCALES.relative_to(ROOT)).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = path.parent.parent.name
        catalog = read_catalog(path, lang)
        catalog.update(template, update_header_comment=False)
        path.write_text(_strip_dates(_text(catalog)), "utf-8")
        written.append(path)
    return written


def init(lang: str, root: Path = ROOT) -> Path:
    """A new language's catalog, every message still to translate."""
    locale = Locale.parse(lang)
    template = write_template(root)
    path = root / catalog_path(lang).relative_to(ROOT)
    if path.exists():
        raise SystemExit(f"{path} exists already: run `python -m microsite.messages update`")
    catalog = Catalog(locale=locale, project=PROJECT, domain=DOMAIN, charset="utf-8", fuzzy=False)
    catalog.update(template)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_strip_dates(_text(catalog)), "utf-8")
    return path


def problems(root: Path = ROOT) -> list[str]:
    """Why the catalogs are not complete: a stale template, a message missing, untranslated,
    fuzzy or left over in a catalog, a plural form missing, a placeholder lost or added."""
    found = []
    template_path = root / TEMPLATE.relative_to(ROOT)
    template = gather(root)
    wanted = {(message.context, message.id): message for message in template if message.id}
    if not template_path.is_file() or {m.id for m in read_catalog(template_path) if m.id} != {m.id for m in template if m.id}:
        found.append(f"{template_path.relative_to(root)}: out of date; run `python -m microsite.messages update`")
    for path in sorted((root / LOCALES.relative_to(ROOT)).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = path.parent.parent.name
        catalog = read_catalog(path, lang)
        where = f"{path.relative_to(root)} ({lang})"
        have = {(message.context, message.id): message for message in catalog if message.id}
        for key in sorted(set(wanted) - set(have), key=str):
            found.append(f"{where}: missing {_name(key)}")
        for key in sorted(set(have) - set(wanted), key=str):  # (`update` sets old ones aside as #~ lines)
            found.append(f"{where}: {_name(key)} is no longer used")
        for key in sorted(set(wanted) & set(have), key=str):
            found += [f"{where}: {_name(key)}: {problem}" for problem in _entry_problems(have[key], catalog)]
    return found


def _name(key: tuple[Any, Any]) -> str:
    message = key[1]  # (context, id); a plural message's id is (singular, plural)
    text = message[0] if isinstance(message, tuple) else message
    return repr(text if len(text) < 60 else text[:57] + "...")


def _entry_problems(message: Any, catalog: Catalog) -> list[str]:
    if message.fuzzy:
        return ["fuzzy (a changed message: check the translation, then remove the fuzzy flag)"]
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    if not all(forms):
        return ["not translated" + (f" (it needs {catalog.num_plurals} plural forms)" if message.pluralizable else "")]
    if message.pluralizable and len(forms) != catalog.num_plurals:
        return [f"{len(forms)} plural forms, the language has {catalog.num_plurals}"]
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    wanted = set().union(*(PLACEHOLDER.findall(text) for text in ids))
    # A plural form may leave the number out (Spanish "una"), and one the source's forms use only
    # in some of them (a word's singular or plural, "%(one)s" or "%(other)s"): it must keep the rest.
    needed = wanted - {"n"} - (wanted - set.intersection(*(set(PLACEHOLDER.findall(text)) for text in ids)))
    for form in forms:
        got = set(PLACEHOLDER.findall(form))
        if (not needed <= got <= wanted) if message.pluralizable else got != wanted:
            return [f"placeholders {sorted(got)} in {form!r}, expected {sorted(wanted)}"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m microsite.messages", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="gather the messages; add new ones to every catalog")
    init_parser = commands.add_parser("init", help="start a catalog for a new language")
    init_parser.add_argument("lang", metavar="CODE", help="the language's code, such as fr or pt_BR")
    commands.add_parser("check", help="list what is missing or stale in the catalogs")
    args = parser.parse_args(argv)
    if args.command == "update":
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
        print(f"wrote {TEMPLATE.relative_to(ROOT)}")
    elif args.command == "init":
        print(f"wrote {init(args.lang).relative_to(ROOT)}: translate each message, then build")
    else:
        found = problems()
        print("\n".join(found) if found else "every catalog has every message")
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
