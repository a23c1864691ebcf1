"""What our templates need from the Jinja environment that renders them, whatever generator runs it:
the build language's catalog for `{% trans %}` and `_()` (jinja2.ext.i18n, "new style": values are
escaped where the template autoescapes), a way to link a page by its source file (`site_page`), and
filters for dates in words and for each language's base address in Material's `__config`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from jinja2.ext import i18n as jinja_i18n
from markupsafe import Markup

from .data import DataError
from .i18n import translations, words


def language_base(config_script: str, base_url: str, root: str) -> Markup:
    """Material's `__config` with `base` at the language's own folder (`../../es/`): its search
    index and sitemap are there. The default language's, at the root, is left as it is."""
    if not root:
        return Markup(config_script)
    old = '"base": ' + json.dumps(base_url)
    new = '"base": ' + json.dumps(base_url.rstrip("/") + "/" + root)
    if str(config_script).count(old) != 1:
        raise DataError("overrides/main.html", "block config",
                        f"Material's __config no longer holds {old} once: see how it writes `base`")
    return Markup(str(config_script).replace(old, new, 1))


def iso_date(day: Any) -> str:
    return day.isoformat() if isinstance(day, date) else str(day)


def install(env: Any, lang: str, page_address: Callable[[str], str], has_page: Callable[[str], bool]) -> Any:
    """Make `env` render our templates in `lang`; `page_address(src_uri)` gives the address (from
    the site's root) of the build's page made from `src_uri`, such as `es/about/` for `about.md`;
    `has_page(src_uri)` whether the build has it (a practice may hide some of ours)."""
    env.add_extension(jinja_i18n)
    env.install_gettext_translations(translations(lang), newstyle=True)
    interface = words(lang)
    env.globals["site_page"] = page_address
    env.globals["site_has"] = has_page
    env.filters["long_date"] = interface.date  # front matter's `reviewed`, written out in the language
    env.filters["iso_date"] = iso_date
    env.filters["language_base"] = language_base
    return env
