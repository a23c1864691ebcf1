"""The words of a data file, per language, apart from its meaning.

A data file (`data/crisis-lines.yml`, `data/self-assessment.yml`) holds what is written once: ids,
numbers, points, rules, addresses, dates. Its words live beside it, one file per language, keyed by
the same stable ids: `data/text/<lang>/<file>` (`data/text/es/crisis-lines.yml`), each checked
against its own schema (`<name>-text`).

English is the default language and its text file must exist. Another language either has its
file, and then every id has its words in it (a missing or unknown id stops the build, naming the
file, the id and the language), or has none yet: its pages then show the English words, marked
as English, and the build says so once (`Text.fallback`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data import DataError, load_yaml
from .i18n import SOURCE_LANGUAGE

TEXT_DIR = "text"


def text_path(data_file: Path, lang: str) -> Path:
    """Where a data file's words in `lang` are: `data/text/es/crisis-lines.yml`."""
    data_file = Path(data_file)
    return data_file.parent / TEXT_DIR / lang / data_file.name


@dataclass(frozen=True)
class Text:
    """The words of one data file in one language."""

    asked: str  # the language the page is in
    lang: str  # the language of these words: `asked`, or English when `asked` has no file yet
    values: dict[str, Any]
    source: str  # the text file, as messages name it

    @property
    def fallback(self) -> bool:
        return self.lang != self.asked

    def note(self, data_file: str | Path) -> str:
        """What the build says when a language shows the English words of a data file."""
        return (f"{text_path(Path(data_file), self.asked)} not found: the {self.asked!r} pages show the "
                f"{self.lang!r} words of {data_file} ({self.source}) until it is written")

    def get(self, path: Iterable[str], what: str, required: bool = True) -> Any:
        """The words at `path` (ids and keys, e.g. ("questions", "safety", "text")), or a
        DataError naming the file, the place and the language when a required one is missing."""
        path = list(path)
        value: Any = self.values
        for key in path:
            value = value.get(key) if isinstance(value, Mapping) else None
            if value is None:
                break
        if value is None and required:
            raise DataError(self.source, ".".join(path), f"no words for {what} in the language {self.lang!r}: "
                            f"every id of the data file needs its words in each language's text file")
        return value

    def check_ids(self, section: str, known: Iterable[str], what: str) -> None:
        """Every id in `section` of the text is one the data file has (a text for an id that is
        gone, or misspelt, would never show)."""
        known = list(known)
        for key in self.values.get(section) or {}:
            if key not in known:
                raise DataError(self.source, f"{section}.{key}", f"no {what} has the id {key!r} in the data file "
                                f"(language {self.lang!r}); expected one of: {', '.join(map(str, known))}")


def mark_language(element: Any, words_lang: str, page_lang: str) -> Any:
    """Mark an element whose data words are in another language than its page (a language with
    no text file yet shows the English words): `lang="en"`, so screen readers read them as English."""
    if words_lang != page_lang:
        element.set("lang", words_lang)
    return element


def load_text(data_file: str | Path, lang: str, schema: str, default: str = SOURCE_LANGUAGE) -> Text:
    """The words of `data_file` in `lang`, or in `default` when `lang` has no text file yet."""
    path = text_path(Path(data_file), lang)
    if not path.is_file() and lang != default:
        found = load_text(data_file, default, schema, default)
        return Text(lang, found.lang, found.values, found.source)
    try:
        values = load_yaml(path, schema)
    except DataError as exc:  # the file is named; say the language too
        raise DataError(exc.source, exc.path, f"{exc.problem} (the words in the language {lang!r})", exc.reason) from None
    return Text(lang, lang, values, str(path))
