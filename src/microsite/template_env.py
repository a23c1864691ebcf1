"""What our templates need from the Jinja environment that renders them, whatever generator runs it:
the build language's catalog for `{% trans %}` and `_()` (jinja2.ext.i18n, "new style": values are
escaped where the template autoescapes), a way to link a page by its source file (`site_page`), and
filters for dates in words and for each language's base address in Material's `__config`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from types import CodeType
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
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


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per process, kept in memory: each language's build (and each rebuild
    of `mkdocs serve`, and each site built in the process) makes a new environment, which would
    parse and compile every template again. Jinja reads a kept template only while its source is
    unchanged (its checksum); never on disk. A template is kept by its name and file, and by
    whether it autoescapes: that is decided by its name when it is compiled (our overrides do,
    Material's do not), so two sites that share the theme's files share them compiled."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        self.strings: dict[tuple[str, bool], CodeType] = {}  # templates made from a string, by text and escaping

    def get_bucket(self, environment: Any, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, f"{self.get_cache_key(name, filename)}:{escapes(environment, name)}",
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def escapes(env: Any, name: str | None) -> bool:
    """Whether `env` compiles the template called `name` (None: one made from a string) to escape."""
    return bool(env.autoescape(name) if callable(env.autoescape) else env.autoescape)


# One store per way of compiling that is not the template's own: the extensions and the settings
# that change the syntax or the code Jinja writes.
_COMPILED: dict[tuple, CompiledTemplates] = {}


def compiled_templates(env: Any) -> CompiledTemplates:
    """The store of compiled templates for environments set up as `env` is."""
    syntax = (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
              env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
              env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline)
    way = (tuple(sorted(env.extensions)), *syntax, env.optimized, env.is_async, env.finalize)
    return _COMPILED.setdefault(way, CompiledTemplates())


def from_string(env: Any, source: str) -> Any:
    """`env.from_string(source)`, compiled once per process for environments set up alike (Jinja
    keeps no compiled string templates)."""
    store = env.bytecode_cache
    if not isinstance(store, CompiledTemplates):
        return env.from_string(source)
    key = (source, escapes(env, None))
    if key not in store.strings:
        store.strings[key] = env.compile(source)
    return env.template_class.from_code(env, store.strings[key], env.make_globals(None), None)


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
    env.bytecode_cache = compiled_templates(env)  # after the extensions: they are part of the way
    return env
