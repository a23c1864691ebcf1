"""The site's languages: which are built, where each one's pages live, and a page in another language.

The default language is at the site's root, every other one under a folder named by its code
(`es/`), with the same pages at the same paths below it (a page not yet written in a language is
built there in the default language's words). So the same page in another language is found by
its path alone, on the server (the language switch, the sitemaps) as in the browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .data import DataError


@dataclass(frozen=True)
class Language:
    code: str  # `en`, `es`: the `lang` of its pages, and its interface catalog
    name: str  # its own name, as the language switch shows it: `English`, `Español`
    root: str = ""  # where its pages are, from the site's root: "" for the default, else `es/`
    default: bool = False


def only(code: str, name: str = "") -> list[Language]:
    """A site in one language, at the root."""
    return [Language(code, name or code, "", True)]


def choose(languages: Sequence[Language], chosen: Sequence[str] | None, source: str) -> list[Language]:
    """The languages a practice keeps (`languages:` in its file; None keeps every one). The default
    language cannot be left out: its pages are the ones every other language falls back to."""
    if chosen is None:
        return list(languages)
    known = {language.code: language for language in languages}
    for i, code in enumerate(chosen):
        if code not in known:
            raise DataError(source, f"languages[{i}]", f"the site has no language {code!r}; expected some of: "
                            f"{', '.join(known)}")
    default = next(language for language in languages if language.default)
    if default.code not in chosen:
        raise DataError(source, "languages", f"must include {default.code!r}, the default language: every "
                        "other language's pages fall back to it")
    return [language for language in languages if language.code in chosen]


def language_of(languages: Sequence[Language], rel: str) -> Language:
    """The language whose folder holds the site path `rel` (the default holds everything else)."""
    for language in languages:
        if language.root and rel.startswith(language.root):
            return language
    return next(language for language in languages if language.default)


def path_in_language(url: str, language: Language) -> str:
    """A page's address below its language's folder: `es/faq/` is `faq/`."""
    return url[len(language.root):] if language.root and url.startswith(language.root) else url


def alternates(languages: Sequence[Language], current: Language, url: str) -> list[dict[str, object]]:
    """The page at `url` (from the site's root, as MkDocs writes `page.url`) in every language:
    `code`, `name`, `url` (from the site's root), `root` and whether it is this one."""
    path = path_in_language(url, current)
    return [{"code": language.code, "name": language.name, "url": language.root + path or "./", "root": language.root or "./",
             "current": language.code == current.code} for language in languages]
