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
  our resolved values in `extra.microsite`, the practice's website and logo where Material looks
  for them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .data import DataError, config_file_problem
from .headers import trusted_for_config
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


def for_build(config: Any, site: Site) -> Any:
    """A copy of `config` holding the site's values; `config` itself is left as it was."""
    built = copy.copy(config)  # its own top-level values; nested ones are replaced, never changed
    for key, value in config_values(site, list(config.extra_css)).items():
        built[key] = value
    built["mdx_configs"] = {**config.mdx_configs, **{
        name: {**config.mdx_configs.get(name, {}), **options} for name, options in block_options(site).items()}}
    if site.practice_file and config.nav is not None:
        built["nav"] = practice_nav(config.nav, site.practice_file.pages, site.practice_file.hide)
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


def practice_files(site: Site) -> list[tuple[str, Path]]:
    """(uri, folder) for each file of the practice's own folder (`practice/docs/`), published in
    place of ours at the same uri; dot-files and dot-folders are left out, as MkDocs does."""
    own = site.practice_file.docs if site.practice_file else None
    if own is None:
        return []
    return [(path.relative_to(own).as_posix(), own) for path in sorted(own.rglob("*"))
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(own).parts)]


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


def template_config(config: Any, site: Site) -> Overlay:
    """The config as every template of the build sees it (see the module's docstring)."""
    replaced: dict[str, Any] = escaped_text(config)
    overlay = template_overlay(site, config.extra or {})
    replaced["extra"] = {**(config.extra or {}), **overlay["extra"]}
    if "theme" in overlay:
        replaced["theme"] = Overlay(config.theme, overlay["theme"])
    return Overlay(config, replaced)


def trusted_scripts(config: Any, site: Site, env: Any = None):
    """`trusted(rel)`: the inline scripts the theme's templates write for the page at `rel`, as
    they are rendered for this site (see `headers.TemplateScripts`)."""
    built = for_build(config, site)
    return trusted_for_config(template_config(built, site), env if env is not None else built.theme.get_env())

