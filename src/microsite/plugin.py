"""The site's MkDocs plugin: the one place where config meets the blocks and post-build steps.

It validates `extra.practice` (filling in defaults so templates never test for missing keys),
checks the crisis region against the data, and hands the values the Markdown blocks need to them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .crisis import check_region, load_crisis_lines
from .assets import minify_in_place, own_assets
from .data import DataError, yaml_problem
from .headers import write_headers
from .practice import SOURCE, resolve_practice
from .self_assessment.model import load_self_assessment
from .robots import write_robots
from .seo import faq_page_json_ld, website_json_ld


class MicrositeConfig(Config):
    crisis_data = config_options.Type(str, default="data/crisis-lines.yml")
    faq_page = config_options.Type(str, default="faq.md")  # source of the FAQPage structured data
    self_assessment_data = config_options.Type(str, default="data/self-assessment.yml")


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        try:
            practice = resolve_practice(config.extra.get("practice"), config.site_url)
            crisis_path = root / self.config.crisis_data
            check_region(load_crisis_lines(crisis_path), practice["region"])
            load_self_assessment(root / self.config.self_assessment_data)  # fail early, with the path
        except DataError as exc:
            raise PluginError(str(exc)) from None
        config.extra["practice"] = practice
        _brand_theme(config, practice)
        config.mdx_configs.setdefault("microsite.crisis", {}).update(
            region=practice["region"], data=str(crisis_path)
        )
        config.mdx_configs.setdefault("microsite.self_assessment", {}).update(
            region=practice["region"], booking_url=practice["booking_url"] or "",
            data=str(root / self.config.self_assessment_data), crisis_data=str(crisis_path),
        )
        config.mdx_configs.setdefault("microsite.publisher", {}).update(name=practice["name"], website=practice["website"])
        return config

    def on_page_markdown(self, markdown, page, config, files):
        # MkDocs quietly renders broken front matter as text; stop the build instead.
        if markdown.startswith("---\n") and "\n---" in markdown[4:]:
            problem = yaml_problem(markdown[4:].split("\n---", 1)[0])
            if problem:
                raise PluginError(f"{page.file.src_uri}: front matter is not valid YAML: {problem}")
        return markdown

    def on_page_context(self, context, page, config, nav):
        # Structured data for search engines; templates only print `json_ld`.
        practice = config.extra["practice"]
        json_ld = []
        if page.is_homepage:
            json_ld.append(website_json_ld(config.site_name, config.site_url or "/", config.site_description,
                                           practice["name"], practice["website"]))
        if page.file.src_uri == self.config.faq_page:
            json_ld.append(faq_page_json_ld(page.content or ""))
        context["json_ld"] = [item for item in json_ld if item]
        return context

    def on_files(self, files, config):
        self.assets = own_assets(files, config.docs_dir)  # to minify once they are copied
        return files

    @event_priority(-100)  # after every other plugin (minify writes fingerprinted files then)
    def on_post_build(self, config):
        minify_in_place(Path(config.site_dir), self.assets)
        # Security headers and robots.txt describe the finished files, so they come last.
        write_headers(Path(config.site_dir), config.extra["practice"]["embed_origins"])
        write_robots(Path(config.site_dir), config.site_url)


def _brand_theme(config, practice):
    """The practice's logo in the header, and the logo linking to the practice's own website."""
    if practice["logo"]:
        if not (Path(config.docs_dir) / practice["logo"]).is_file():
            raise PluginError(f"{SOURCE}: logo: expected an image file under docs/, got {practice['logo']!r}")
        config.theme["logo"] = practice["logo"]
    if practice["website"] and practice["website"] != config.site_url:
        config.extra.setdefault("homepage", practice["website"])
