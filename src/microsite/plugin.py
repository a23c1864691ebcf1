"""The site's MkDocs plugin: a thin adapter between MkDocs' events and the core.

Each event hands MkDocs' objects to a core function and puts the result where MkDocs looks for it:
the site is checked and resolved once per build (`site.load_site`), MkDocs builds from a copy of
the config that holds the site's values (`mkdocs_config.for_build`), the generated stylesheet and
share image are published as real files, templates read an escaped view of the config, and once
the site is written every post-build step runs (`postbuild.post_build`: page checks, each page's
policy, `_headers`, `robots.txt`). `mkdocs build` writes into a staging folder that replaces the
site folder only when every step has passed (`staging.py`): the build's own copy of the config
points there while it runs, and back once it ends. The config MkDocs hands in is never changed,
and nothing of one build is kept for the next: a build may run any number of times in one process
(as `mkdocs serve` and mkdocs-static-i18n run it) with the same result.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import CountHandler

from . import mkdocs_config, staging
from .crisis import DEFAULT_DATA as CRISIS_DATA
from .data import DataError, front_matter
from .freshness import page_review
from .headers import trusted_for_config
from .page_checks import EMBED_TEMPLATES, read_page
from .postbuild import post_build
from .self_assessment.model import DEFAULT_DATA as SELF_ASSESSMENT_DATA
from .seo import faq_page_json_ld, website_json_ld
from .site import CACHE_DIR, LOCAL_EMBED_ENV, STYLESHEET, with_local_embed_origin

# Stale sources are reported, not counted: `strict: true` turns every MkDocs warning into a failed
# build, and a date passing must never break a build (scripts/check-sources is the hard check).
log = logging.getLogger("microsite")
info = logging.getLogger("mkdocs.plugins.microsite")


class MicrositeConfig(Config):
    crisis_data = config_options.Type(str, default=CRISIS_DATA)
    faq_page = config_options.Type(str, default="faq.md")  # source of the FAQPage structured data
    self_assessment_data = config_options.Type(str, default=SELF_ASSESSMENT_DATA)
    # The stylesheet (under docs/) that gets the generated brand colours and is served hashed, and
    # where the generated files are kept between builds (relative to mkdocs.yml; git-ignored).
    brand_stylesheet = config_options.Type(str, default=STYLESHEET)
    cache_dir = config_options.Type(str, default=CACHE_DIR)


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    command, dirty, staged = None, False, None

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty

    def on_config(self, config):
        try:
            self.site = mkdocs_config.load_site_for(config)
            local = os.environ.get(LOCAL_EMBED_ENV, "").strip()
            if local and self.command != "serve":
                raise DataError(LOCAL_EMBED_ENV, "", "a local page may embed the site only under the development "
                                "server (scripts/serve --embed-from ...), never in a build: unset it")
            if local:
                self.site = with_local_embed_origin(self.site, local)
                info.info(f"The development server lets {local} embed the self-assessment")
        except DataError as exc:
            raise PluginError(str(exc)) from None
        # Which values this build uses, said first (a practice deploying should see its own file).
        info.info(f"Practice config: {self.site.practice_file.path}" if self.site.practice_file
                  else "Practice config: none (our own site)")
        _report(self.site.date_warnings)
        return mkdocs_config.for_build(config, self.site)

    def on_pre_build(self, config):
        # `config` is this build's own copy (from on_config); its site_dir is set back when the build ends.
        if self.command == "build" and not self.dirty:  # not `serve`, whose folder is its own
            self.staged = staging.Staged(config)
            info.info(f"Writing the site into {self.staged.building}; it replaces {self.staged.final} "
                      "once every page is checked")

    def on_serve(self, server, config, builder):
        # `mkdocs serve` rebuilds when the practice's folder changes, as it does for mkdocs.yml.
        if self.site.practice_file:
            server.watch(str(self.site.practice_file.path.parent))
        return server

    def on_files(self, files, config):
        stylesheet = files.get_file_from_path(self.site.inputs.stylesheet)
        if stylesheet is not None:  # served under its hashed name, with the brand colours
            files.remove(stylesheet)
        # The practice's own pages and images, in place of ours at the same path; its hidden pages out.
        hidden = self.site.practice_file.hide if self.site.practice_file else ()
        for uri in hidden:
            page = files.get_file_from_path(uri)
            if page is not None:
                files.remove(page)
        for uri, folder in mkdocs_config.practice_files(self.site):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File(uri, str(folder), config.site_dir, config.use_directory_urls))
        for generated in self.site.generated:
            existing = files.get_file_from_path(generated.uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, generated.uri, abs_src_path=str(generated.path)))
        self.scanned, self.embed_pages = {}, set()
        return files

    def on_env(self, env, config, files):
        # MkDocs' Jinja does not escape; our templates print config values, so they do, and
        # Material's templates (which print their own HTML) stay as they are. MkDocs makes a new
        # environment for every build.
        ours = Path(config.theme.custom_dir)
        env.autoescape = lambda name: bool(name) and (ours / name).is_file()
        self.template_config = mkdocs_config.template_config(config, self.site)
        self.trusted = trusted_for_config(self.template_config, env)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        source = page.file.content_string
        try:
            front_matter(source, page.file.src_uri)  # read strictly, as MkDocs does not
        except DataError as exc:
            raise PluginError(str(exc)) from None
        # Printed by Material's templates (the page, the navigation, the footer) without
        # escaping. The page object is this build's own: the next build reads the file again.
        for key in ("title", "description", "author"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = Markup(escape(page.meta[key]))
        # One blank line per front-matter line: messages from the blocks then give the file's lines.
        if source.endswith(markdown) and markdown:
            return "\n" * source[: len(source) - len(markdown)].count("\n") + markdown
        return markdown

    def on_template_context(self, context, template_name, config):
        context["config"] = self.template_config
        return context

    def on_page_context(self, context, page, config, nav):
        context["config"] = self.template_config
        # Structured data for search engines; templates only print `json_ld`.
        settings, practice = self.site.settings, self.site.practice
        json_ld = []
        if page.is_homepage:
            json_ld.append(website_json_ld(settings["site_name"], settings["site_url"] or "/",
                                           settings["site_description"], practice["name"], practice["website"]))
        if page.file.src_uri == self.config.faq_page:
            json_ld.append(faq_page_json_ld(page.content or ""))
        context["json_ld"] = [item for item in json_ld if item]
        context["review"] = page_review(page.meta, practice, page.file.src_uri)
        return context

    @event_priority(-50)  # after the minifier: the page as it will be written
    def on_post_page(self, output, page, config):
        try:
            self.scanned[page.file.dest_uri] = read_page(page.file.src_uri, output, page.content)
        except DataError as exc:
            raise PluginError(str(exc)) from None
        if page.meta.get("template") in EMBED_TEMPLATES:
            self.embed_pages.add(page.file.dest_uri)
        return output

    @event_priority(-100)  # after every other plugin: the files as they will be published
    def on_post_build(self, config):
        try:
            # Under `mkdocs serve` the pages get no meta policy: its live reload is an inline script.
            post_build(Path(config.site_dir), docs_dir=Path(config.docs_dir), site_url=config.site_url,
                       embed_origins=self.site.practice["embed_origins"], trusted=self.trusted,
                       generated=self.site.generated, scanned=self.scanned, embed_pages=self.embed_pages,
                       meta=self.command != "serve")
        except DataError as exc:
            raise PluginError(str(exc)) from None
        if self.staged:  # every page written and checked: the build is whole
            self.staged, staged = None, self.staged
            staged.publish()

    def on_build_error(self, error):
        if self.staged:
            self.staged, staged = None, self.staged
            info.info(f"The site folder is unchanged; what this build wrote is in {staged.keep_failed()}")


def _report(lines):
    """Print each stale source and a passed next_review (never an error; see `log` above)."""
    if not lines:
        return
    if not log.handlers:  # once per process: MkDocs' own console handler, without the counter --strict reads
        log.addHandler(next((h for h in logging.getLogger("mkdocs").handlers if not isinstance(h, CountHandler)),
                            logging.StreamHandler()))
        log.propagate = False
    for line in lines:
        log.warning(line)
