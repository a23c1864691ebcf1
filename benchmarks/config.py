"""Read a site config as the build does (MkDocs' own reader), and write the benchmark's configs."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import yaml

from microsite import mkdocs_config


def read_config(path: Path) -> Any:
    """The config at `path`, read and validated by MkDocs (with `INHERIT`), as a build reads it."""
    return mkdocs_config.load(path)


def extension_entries(config: Any) -> list:
    """`markdown_extensions` as written in a config: a name, or a one-key mapping name -> options."""
    return [{name: config.mdx_configs[name]} if config.mdx_configs.get(name) else name
            for name in config.markdown_extensions]


def extension_name(entry) -> str:
    """`markdown_extensions` entries are names or one-key mappings of name -> options."""
    return entry if isinstance(entry, str) else next(iter(entry))


class _Dumper(yaml.SafeDumper):
    """Plain YAML; a function (an option such as pymdownx.emoji's `emoji_index`) as the
    `!!python/name:` tag MkDocs reads back."""


def _represent_function(dumper, function) -> yaml.Node:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{function.__module__}.{function.__qualname__}", "")


_Dumper.add_representer(types.FunctionType, _represent_function)


def write_config(config: dict, path: Path) -> None:
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), "utf-8")
