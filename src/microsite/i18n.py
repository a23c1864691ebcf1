"""Interface words per language: one gettext catalog (.po) per language, read with Babel and
compiled in memory at build time (no compiled file is kept), and dates, lists and language names
written the way each language writes them (Babel's locale data, not the C library's `%B`).

Messages are written in English in the code and templates (`words.gettext("Get help now")`,
`{% trans %}`), which makes English the source language: it needs no catalog. Every other language
has `locales/<code>/LC_MESSAGES/messages.po`; `python -m microsite.messages` gathers the messages
into `locales/messages.pot` and adds new ones to each catalog, and a test checks that every catalog
translates every message (plural forms included). Placeholders are named: `%(name)s`.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .data import DataError

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the language the messages are written in (the catalogs' msgids)
ListStyle = Literal["standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"]


def catalog_path(lang: str, locales: Path = LOCALES) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_languages(locales: Path = LOCALES) -> list[str]:
    """The languages with a catalog, and the source language."""
    found = {path.parent.parent.name for path in locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return sorted(found | {SOURCE_LANGUAGE})


def check_language(lang: str, source: str, key: str = "language") -> str:
    """A language code Babel knows (`es`, `pt_BR`), or a DataError naming where it was written."""
    try:
        Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        raise DataError(source, key, f"{lang!r} is not a language code (expected one such as en, es or pt_BR)") from None
    return lang


@lru_cache(maxsize=16)
def _compiled(text: str, lang: str, source: str) -> Translations:
    try:
        catalog = read_po(io.StringIO(text), locale=lang, domain=DOMAIN, abort_invalid=True)
    except Exception as exc:  # Babel's PoFileError, or a header it cannot read
        raise DataError(source, "", f"not a valid gettext catalog ({exc})") from None
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # a fuzzy (unchecked) translation is never shown
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def translations(lang: str, locales: Path = LOCALES) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (the source language needs none: its words are the msgids)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = catalog_path(lang, locales)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise DataError(str(path), "", f"no interface catalog for the language {lang!r}; expected one of: "
                        f"{', '.join(catalog_languages(locales))} (see docs-dev/languages.md to add one)") from None
    return _compiled(text, lang, str(path))


@dataclass(frozen=True)
class Words:
    """The interface in one language: its catalog, and Babel's way of writing dates and lists."""

    lang: str
    catalog: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form for `n` (the catalog's plural rule); fill in `%(n)s` and other names yourself."""
        return self.catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.catalog.pgettext(context, message)

    def date(self, value: date | str) -> str:
        """A day written out in full: `November 27, 2026`, `27 de noviembre de 2026`."""
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
        return format_date(day, format="long", locale=self.lang)

    def list(self, items: Iterable[str], style: ListStyle = "standard") -> str:
        """`a, b and c` (`standard`) or `a, b or c` (`or`), in this language."""
        return format_list(list(items), style=style, locale=self.lang)

    def language_name(self, code: str) -> str:
        """A language's name in this language: `es` is `Spanish` in English, `español` in Spanish."""
        return Locale.parse(code).get_display_name(self.lang) or code


def words(lang: str = SOURCE_LANGUAGE, locales: Path = LOCALES) -> Words:
    """The interface words of `lang` (its catalog is read again when the file changed: mkdocs serve)."""
    return Words(lang, translations(lang, locales))
