"""The MkDocs side of the site config (adapter): MkDocs' own reader, and the core's values put
where MkDocs and the templates look for them.

- `load`: the one reader of the site config, MkDocs' `load_config` (with `INHERIT`), used by the
  plugin's build, `python -m microsite.postbuild`, `python -m microsite.headers`,
  `python -m microsite.freshness` and the benchmarks; `check_config_files` then refuses a key
  written twice in any file it read, and the settings Material prints are checked
  (`site_config.check_printed_settings`).
- `site_inputs`: what the core needs from that config (see `site.SiteInputs`).
- `for_build`: a copy of the config with the site's values (the practice's address and name, the
  stylesheet's served name, the blocks' options). The config MkDocs was given is never changed, so
  a build can run again on it (as `mkdocs serve` and mkdocs-static-i18n do) with the same result.
- `template_config`: the config as templates see it: the text settings Material's templates print
  as they are (`site_name`, `site_description`, `site_author`, `copyright`, `repo_name`) escaped,
  our own name and description in the build's language, our resolved values in `extra.microsite`,
  the practice's website and logo where Material looks for them, and the build's language as
  `theme.language` (Material's own words), with the palette toggles' names in that language.
- `site_languages`, `build_language`: the languages mkdocs-static-i18n builds (its `languages`,
  less those the practice leaves out) and the one the current build is for; without that plugin,
  one language, `theme.language`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .data import DataError, config_file_problem
from .headers import trusted_for_config
from .i18n import Words, words
from .languages import Language, choose, only
from .practice import practice_folder
from .site import (
    Site,
    SiteInputs,
    block_options,
    config_values,
    load_site,
    template_overlay,
)
from .site_config import check_printed_settings, escaped_text

PLUGIN = "microsite"  # our plugin's name in `plugins:`
I18N = "i18n"  # mkdocs-static-i18n's name in `plugins:`


def load(config_file: str | Path) -> Any:
    """The site config, read by MkDocs as a build reads it (plugins loaded, `INHERIT` followed)."""
    from mkdocs.config import load_config

    return load_config(config_file=str(config_file))


def check_config_files(config: Any) -> None:
    """A key written twice in the config file or a file it INHERITs (MkDocs keeps the last one
    without a word) is a DataError naming the file and the line."""
    problem = config_file_problem(Path(config.config_file_path))
    if problem:
        raise DataError(problem, "", "fix the config file")


def plugin_options(config: Any) -> Mapping[str, Any]:
    """Our plugin's options in `config`, or none when the config does not use it."""
    plugin = config.plugins.get(PLUGIN) if config.plugins else None
    return plugin.config if plugin is not None else {}


def i18n_plugin(config: Any) -> Any:
    """mkdocs-static-i18n, when the config builds more than one language with it."""
    return config.plugins.get(I18N) if config.plugins else None


def declared_languages(config: Any) -> list[tuple[Language, bool]]:
    """Every language the config names, and whether it builds it (`build:` in the plugin's list)."""
    plugin = i18n_plugin(config)
    if plugin is None:
        code = config.theme.get("language") or "en"
        return [(only(code)[0], True)]
    return [(Language(item.locale, item.name, "" if item.default else f"{item.locale}/", bool(item.default)),
             bool(item.build)) for item in plugin.config.languages if item.locale != "null"]


def site_languages(config: Any, chosen: list[str] | None = None, source: str = "",
                   declared: list[tuple[Language, bool]] | None = None) -> list[Language]:
    """The languages the site is built in: those the config builds, less those a practice leaves
    out (`chosen`, its `languages:`)."""
    declared = declared if declared is not None else declared_languages(config)
    return choose([language for language, build in declared if build], chosen, source)


def keep_languages(config: Any, languages: list[Language]) -> None:
    """Have mkdocs-static-i18n build these languages only (a practice may leave some out)."""
    plugin = i18n_plugin(config)
    if plugin is not None:
        codes = {language.code for language in languages}
        for item in plugin.config.languages:
            if item.locale != "null":
                item.build = item.locale in codes


def build_language(config: Any, languages: list[Language]) -> Language:
    """The language the current build is for: mkdocs-static-i18n builds the default first, then
    each other one, by running the build again (`current_language` says which)."""
    plugin = i18n_plugin(config)
    code = (plugin.current_language if plugin is not None else None) or config.theme.get("language") or "en"
    if plugin is not None and plugin.current_language is None:
        code = plugin.default_language
    return next((language for language in languages if language.code == code), languages[0])


def site_inputs(config: Any) -> SiteInputs:
    """What the core needs from a MkDocs config."""
    root = Path(config.config_file_path).resolve().parent
    options = plugin_options(config)
    paths = {key: options[key] for key in ("crisis_data", "self_assessment_data", "cache_dir") if options.get(key)}
    if options.get("brand_stylesheet"):
        paths["stylesheet"] = options["brand_stylesheet"]
    return SiteInputs(
        root=root, docs_dir=Path(config.docs_dir), site_url=config.site_url or None, site_name=config.site_name,
        site_description=config.site_description, repo_url=config.repo_url or None, practice=(config.extra or {}).get("practice"),
        practice_source=f"{Path(config.config_file_path).name} extra.practice",
        practice_folder=practice_folder(root), options_source=f"plugins.{PLUGIN}", **paths,
    )


def load_site_for(config: Any, with_files: bool = True) -> Site:
    """The core's site for a MkDocs config: its files and printed settings checked, the practice
    resolved."""
    check_config_files(config)
    check_printed_settings(config)
    return load_site(site_inputs(config), with_files=with_files)


def permalink_title(config: Any) -> str | None:
    """The permalinks' title as the config writes it (a message of the catalogs)."""
    title = config.mdx_configs.get("toc", {}).get("permalink_title")
    return title if isinstance(title, str) else None


def for_build(config: Any, site: Site, lang: str = "en", permalink: str | None = None,
              nav: list[Any] | None = None) -> Any:
    """A copy of `config` holding the site's values for a build in `lang`; `config` itself is left
    as it was. `permalink` and `nav`: the permalinks' title and the navigation as first written
    (mkdocs-static-i18n runs the next language's build on the copy, where the title is already in
    the last build's language and the navigation holds the practice's pages)."""
    built = copy.copy(config)  # its own top-level values; nested ones are replaced, never changed
    for key, value in config_values(site, list(config.extra_css)).items():
        built[key] = value
    options = block_options(site, lang)
    permalink = permalink or permalink_title(config)
    if permalink:  # the permalinks' title, in the page's language
        options["toc"] = {"permalink_title": words(lang).gettext(permalink)}
    built["mdx_configs"] = {**config.mdx_configs, **{
        name: {**config.mdx_configs.get(name, {}), **values} for name, values in options.items()}}
    nav = nav if nav is not None else config.nav
    if site.practice_file and nav is not None:
        built["nav"] = practice_nav(nav, site.practice_file.pages, site.practice_file.hide)
    return built


def practice_nav(nav: list[Any], pages: Sequence[tuple[str, str]], hidden: Sequence[str]) -> list[Any]:
    """Our navigation without the pages a practice hides (a section left empty goes too), with
    its own pages after ours."""
    def kept(items: list[Any]) -> list[Any]:
        out = []
        for item in items:
            if isinstance(item, dict):
                title, value = next(iter(item.items()))
                if isinstance(value, list):
                    value = kept(value)
                    if value:
                        out.append({title: value})
                elif value not in hidden:
                    out.append(item)
            elif item not in hidden:
                out.append(item)
        return out
    return kept(list(nav)) + [{title: file} for title, file in pages]


def practice_files(site: Site) -> dict[str, Path]:
    """The files of the practice's own folder (`practice/docs/`), by the uri they are published at
    in place of ours; dot-files and dot-folders are left out, as MkDocs does."""
    own = site.practice_file.docs if site.practice_file else None
    if own is None:
        return {}
    return {path.relative_to(own).as_posix(): path for path in sorted(own.rglob("*"))
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(own).parts)}


def localized_uris(uri: str, codes: Sequence[str]) -> list[str]:
    """A page's source and its translations beside it (`faq.md`, `faq.es.md`), as mkdocs-static-i18n
    names them."""
    stem, dot, suffix = uri.rpartition(".")
    return [uri] + ([f"{stem}.{code}.{suffix}" for code in codes] if dot else [])


class Overlay(Mapping):
    """A read-only view of a mapping (a config, a theme) with some keys replaced; Jinja reads it
    by attribute (`config.site_name`) or by key, and everything else comes from the original."""

    def __init__(self, base: Any, replaced: Mapping[str, Any]) -> None:
        self._base, self._replaced = base, dict(replaced)

    def __getitem__(self, key: str) -> Any:
        return self._replaced[key] if key in self._replaced else self._base[key]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._replaced:
            return self._replaced[name]
        try:
            return self._base[name]
        except (KeyError, TypeError):
            return getattr(self._base, name)

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self._base), **self._replaced})

    def __len__(self) -> int:
        return len(set(self._base) | set(self._replaced))

    def __contains__(self, key: object) -> bool:
        return key in self._replaced or key in self._base


def translated_palette(palette: Any, interface: Words) -> Any:
    """Material's palette with each toggle's name (its label) in the interface's language."""
    if not isinstance(palette, list):
        return palette
    return [{**scheme, "toggle": {**scheme["toggle"], "name": interface.gettext(scheme["toggle"]["name"])}}
            if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict)
            and isinstance(scheme["toggle"].get("name"), str) else scheme for scheme in palette]


def template_config(config: Any, site: Site, language: Language | None = None,
                    languages: list[Language] | None = None) -> Overlay:
    """The config as every template of the build sees it (see the module's docstring)."""
    language = language or only(config.theme.get("language") or "en")[0]
    interface = words(language.code)
    # Our own name and description (the config's, not a practice's) are catalog messages: in the
    # build's language; a practice's own words are not in the catalog and stay as written.
    replaced: dict[str, Any] = escaped_text(config, interface.gettext)
    overlay = template_overlay(site, config.extra or {}, language, languages or [language])
    replaced["extra"] = {**(config.extra or {}), **overlay["extra"]}
    theme = {**overlay.get("theme", {}), "language": language.code}
    if config.theme.get("palette"):
        theme["palette"] = translated_palette(config.theme["palette"], interface)
    replaced["theme"] = Overlay(config.theme, theme)
    return Overlay(config, replaced)


def trusted_scripts(config: Any, site: Site, env: Any = None, languages: list[Language] | None = None):
    """`trusted(rel)`: the inline scripts the theme's templates write for the page at `rel`, as
    they are rendered for this site in the page's language (see `headers.TemplateScripts`)."""
    languages = languages or site_languages(config)
    built = {language.code: for_build(config, site, language.code) for language in languages}  # config: as read
    env = env if env is not None else config.theme.get_env()
    by_language = {language.root: trusted_for_config(template_config(built[language.code], site, language, languages),
                                                     env) for language in languages}
    return language_trust(by_language)


def language_trust(by_root: Mapping[str, Any]):
    """One `trusted(rel)` for the whole site from each language's (by its folder): a page is
    trusted with its own language's templates; a language's 404 page, like the root's, uses
    links from the site's root."""
    def trusted(rel: str) -> set[str]:
        root = next((root for root in by_root if root and rel.startswith(root)), "")
        own = rel[len(root):]
        return by_root[root](own if own == "404.html" else rel)
    return trusted

