"""The MkDocs settings that Material's templates print, checked before any page is written.

Material prints `site_url` (the canonical link), `site_author`, `repo_name`, `copyright`, the
social links and the logo's `extra.homepage` as they are, without escaping. Text settings are
escaped in the templates' view of the config (`TEXT_KEYS`, `mkdocs_config.template_config`; the
config itself keeps the user's values) and may not hold control or invisible characters;
every address is read as a browser reads it and must be http(s) (or mailto for a social link, or a
page of the site where a template allows one). Web fonts stay off (`theme.font: false`: Material's
default would load fonts from Google), analytics are refused, and extra scripts and stylesheets
must be files of the site: nothing is requested from another site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from .data import DataError
from .text import plain_text_problem
from .urls import WEB_SCHEMES, link_problem, url_problem

SOURCE = "mkdocs.yml"
# Printed by Material's templates without escaping; the templates' view escapes them (the JSON-LD
# and the share image use the plain text of the first two). A practice's file may set the first
# two: its values are checked as plain text by its schema (practice-site).
TEXT_KEYS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
ICON = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)*$")  # a Material icon name, e.g. fontawesome/brands/mastodon


def _text(value: Any, key: str) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise DataError(SOURCE, key, f"expected plain text, got {value!r:.60}")
    problem = plain_text_problem(value)
    if problem:
        raise DataError(SOURCE, key, f"{value!r:.80}: {problem}")


def _address(value: Any, key: str, schemes: tuple[str, ...] = WEB_SCHEMES, relative: bool = False) -> None:
    if value is None or value == "":
        return
    problem = link_problem(value, schemes, relative) if isinstance(value, str) else "expected an address as text"
    if problem:
        raise DataError(SOURCE, key, f"{value!r:.80} is not allowed: {problem}")


def _entries(value: Any, key: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise DataError(SOURCE, key, "expected a list of entries, each with its own keys")
    return value


def check_printed_settings(config: Any) -> None:
    """Raise DataError naming the first setting that a template would print unsafely."""
    for key in TEXT_KEYS:
        _text(config.get(key), key)
    if config.get("site_url"):
        problem = url_problem(config["site_url"], WEB_SCHEMES)
        if problem:
            raise DataError(SOURCE, "site_url", f"{config['site_url']!r:.80} is not allowed: {problem}")
    _address(config.get("repo_url"), "repo_url")
    _address(config.get("edit_uri"), "edit_uri", relative=True)
    theme = config.get("theme")
    font = theme.get("font") if hasattr(theme, "get") else None
    if font is not False:
        raise DataError(SOURCE, "theme.font", f"expected false, got {font!r:.60}: web fonts would be loaded from "
                        "another site (the site uses the reader's own fonts)")
    extra = config.get("extra") or {}
    if extra.get("analytics"):
        raise DataError(SOURCE, "extra.analytics", "the site has no analytics: nothing about a reader leaves their device")
    _address(extra.get("homepage"), "extra.homepage", relative=True)
    for i, social in enumerate(_entries(extra.get("social"), "extra.social")):
        _address(social.get("link"), f"extra.social[{i}].link", (*WEB_SCHEMES, "mailto"))
        _text(social.get("name"), f"extra.social[{i}].name")
        if not isinstance(social.get("icon"), str) or not ICON.match(social["icon"]):
            raise DataError(SOURCE, f"extra.social[{i}].icon", f"expected an icon name such as fontawesome/brands/mastodon, "
                            f"got {social.get('icon')!r:.60}")
    for i, alternate in enumerate(_entries(extra.get("alternate"), "extra.alternate")):
        _address(alternate.get("link"), f"extra.alternate[{i}].link", relative=True)
        _text(alternate.get("name"), f"extra.alternate[{i}].name")
        _text(alternate.get("lang"), f"extra.alternate[{i}].lang")
    for key in ("extra_css", "extra_javascript"):
        for i, item in enumerate(config.get(key) or []):
            path = str(getattr(item, "path", item))
            problem = link_problem(path, (), relative=True)
            if problem:
                raise DataError(SOURCE, f"{key}[{i}]", f"{path!r:.80}: expected a file of this site ({problem})")


def escaped_text(config: Any, translate: Callable[[str], str] = str) -> dict[str, Markup]:
    """The text settings as HTML-escaped text, for Material's templates (ours autoescape, and
    leave Markup as it is), each through `translate` (the catalog of the build's language: our own
    name and description are its messages, a practice's words are not and stay as written);
    `config` is left as it is."""
    return {key: Markup(escape(translate(config[key]))) for key in TEXT_KEYS if config.get(key)}

