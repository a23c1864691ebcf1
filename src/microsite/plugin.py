"""The site's MkDocs plugin: the one place where config meets the blocks and post-build steps.

It validates `extra.practice` (filling in defaults so templates never test for missing keys),
checks the crisis region against the data, and hands the values the Markdown blocks need to them.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .crisis import check_region, load_crisis_lines
from .data import DataError
from .practice import resolve_practice


class MicrositeConfig(Config):
    crisis_data = config_options.Type(str, default="data/crisis-lines.yml")


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        try:
            practice = resolve_practice(config.extra.get("practice"), config.site_url)
            crisis_path = root / self.config.crisis_data
            check_region(load_crisis_lines(crisis_path), practice["region"])
        except DataError as exc:
            raise PluginError(str(exc)) from None
        config.extra["practice"] = practice
        config.mdx_configs.setdefault("microsite.crisis", {}).update(
            region=practice["region"], data=str(crisis_path)
        )
        return config

    def on_page_markdown(self, markdown, page, config, files):
        # MkDocs quietly renders broken front matter as text; stop the build instead.
        if markdown.startswith("---\n") and "\n---" in markdown[4:]:
            block = markdown[4:].split("\n---", 1)[0]
            try:
                yaml.safe_load(block)
            except yaml.YAMLError as exc:
                raise PluginError(f"{page.file.src_uri}: front matter is not valid YAML: {exc}") from None
        return markdown
