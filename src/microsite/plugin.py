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
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import CountHandler

from . import mkdocs_config, staging, template_env
from .crisis import DEFAULT_DATA as CRISIS_DATA
from .data import DataError, front_matter
from .freshness import page_review
from .headers import trusted_for_config
from .i18n import words
from .languages import Language, alternates
from .page_checks import EMBED_TEMPLATES, check_content, raise_together, read_page
from .postbuild import post_build
from .scan import PageScan
from .self_assessment.model import DEFAULT_DATA as SELF_ASSESSMENT_DATA
from .seo import faq_page_json_ld, website_json_ld
from .site import CACHE_DIR, LOCAL_EMBED_ENV, STYLESHEET, translated_practice, with_local_embed_origin

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


@dataclass
class Run:
    """What the builds of one `mkdocs build` share: mkdocs-static-i18n runs each further
    language's build inside the first one's last step, and the post-build steps wait for all."""

    languages: list[Language]
    depth: int = 0  # builds under way: the outermost one runs the post-build steps
    scanned: dict[str, PageScan] = field(default_factory=dict)  # every page, by its file in the site
    trusted: dict[str, Any] = field(default_factory=dict)  # each language's `trusted(rel)`, by its folder
    embed_pages: set[str] = field(default_factory=set)  # pages built from the embed's template
    page_problems: list[DataError] = field(default_factory=list)  # the language's pages that break a rule


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    run: Run | None = None
    declared: list | None = None  # the languages the config names, as it names them (read once a build)
    permalink: str | None = None  # the permalinks' title as the config writes it (read once a build)
    nav: list | None = None  # the navigation as the config writes it (read once a build)
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
            # A new `mkdocs build`, a rebuild of `serve`, or another site's build: MkDocs keeps one
            # plugin for the process, so the config is read afresh as written. A further language's
            # build (inside this one) gets our own copy of the config, with our values.
            new_run = self.run is None or self.run.depth == 0
            if new_run:
                self.declared = mkdocs_config.declared_languages(config)
                self.permalink = mkdocs_config.permalink_title(config)
                self.nav = config.nav
            languages = mkdocs_config.site_languages(config, self.site.practice["languages"],
                                                     self.site.sources["languages"], self.declared)
        except DataError as exc:
            raise PluginError(str(exc)) from None
        mkdocs_config.keep_languages(config, languages)
        if new_run:
            self.run = Run(languages)
            # Which values this build uses, said first (a practice deploying should see its own file).
            info.info(f"Practice config: {self.site.practice_file.path}" if self.site.practice_file
                      else "Practice config: none (our own site)")
            if local:
                info.info(f"The development server lets {local} embed the self-assessment")
            _report(self.site.date_warnings)
        self.language = mkdocs_config.build_language(config, self.run.languages)
        return mkdocs_config.for_build(config, self.site, self.language.code, self.permalink, self.nav)

    def on_pre_build(self, config):
        # `config` is this build's own copy (from on_config); its site_dir is set back when the build
        # ends. mkdocs-static-i18n's further languages build inside the first one, on its config,
        # so into the same staging folder.
        if self.run.depth == 0 and self.command == "build" and not self.dirty:  # not `serve`, whose folder is its own
            self.staged = staging.Staged(config)
            info.info(f"Writing the site into {self.staged.building}; it replaces {self.staged.final} "
                      "once every page is checked")
        self.run.depth += 1

    def on_serve(self, server, config, builder):
        # `mkdocs serve` rebuilds when the practice's folder changes, as it does for mkdocs.yml.
        if self.site.practice_file:
            server.watch(str(self.site.practice_file.path.parent))
        return server

    def _place_files(self, files, config):
        stylesheet = files.get_file_from_path(self.site.inputs.stylesheet)
        if stylesheet is not None:  # served under its hashed name, with the brand colours
            files.remove(stylesheet)
        # The practice's own pages and images, in place of ours at the same path; its hidden pages
        # out, in every language. mkdocs-static-i18n (after this) takes only files under docs/ and
        # makes them again there for each language, so the practice's files enter as docs/ files
        # and get their own source back once it has placed them (`on_files_placed`).
        hidden = self.site.practice_file.hide if self.site.practice_file else ()
        codes = [language.code for language in self.run.languages]
        for uri in hidden:
            for variant in mkdocs_config.localized_uris(uri, codes):
                page = files.get_file_from_path(variant)
                if page is not None:
                    files.remove(page)
        for uri in mkdocs_config.practice_files(self.site):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
        for generated in self.site.generated:
            existing = files.get_file_from_path(generated.uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, generated.uri, abs_src_path=str(generated.path)))
        return files

    @event_priority(-110)  # after mkdocs-static-i18n's (-100)
    def _own_sources(self, files, config):
        sources = mkdocs_config.practice_files(self.site)
        for file in files:
            if file.src_uri in sources:
                file.abs_src_path = str(sources[file.src_uri])
        return files

    on_files = CombinedEvent(_place_files, _own_sources)

    def on_nav(self, nav, config, files):
        # The navigation's titles written in mkdocs.yml are interface words: in the build's language.
        interface = words(self.language.code)

        def translate(items):
            for item in items:
                if isinstance(getattr(item, "title", None), str):
                    item.title = interface.gettext(item.title)
                translate(getattr(item, "children", None) or [])
        translate(nav.items)
        return nav

    def on_env(self, env, config, files):
        # MkDocs' Jinja does not escape; our templates print config values, so they do, and
        # Material's templates (which print their own HTML) stay as they are. MkDocs makes a new
        # environment for every build.
        ours = Path(config.theme.custom_dir)
        env.autoescape = cache(lambda name: bool(name) and (ours / name).is_file())  # asked at every render
        self.files = files  # the build's own files (mkdocs-static-i18n's, for a language's build)
        # Our templates' words, from the build language's catalog (`{% trans %}`, `_()`); they
        # link to a page by its source file (`site_page("about.md") | url`): the language's own page.
        try:
            template_env.install(env, self.language.code, self.page_address, self.has_page)
        except DataError as exc:
            raise PluginError(str(exc)) from None
        self.template_config = mkdocs_config.template_config(config, self.site, self.language, self.run.languages)
        self.run.trusted[self.language.root] = trusted_for_config(self.template_config, env)
        return env

    def _page(self, src_uri: str):
        found = self.files.get_file_from_path(src_uri)
        return found if found is not None and found.is_documentation_page() else None

    def has_page(self, src_uri: str) -> bool:
        return self._page(src_uri) is not None

    def page_address(self, src_uri: str) -> str:
        found = self._page(src_uri)
        if found is None:
            raise PluginError(f"a template links to the page {src_uri!r}, which is not in docs/")
        return found.url or "./"

    @event_priority(100)  # before mkdocs-static-i18n's (50), which joins the lines again without the last newline
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
        # The same page in every language, for the language switch (from the site's root).
        context["alternates"] = alternates(self.run.languages, self.language, page.url)
        # The language of the page's words: a page not yet written in this language is built from
        # the default language's file (mkdocs-static-i18n marks the file it used).
        context["page_lang"] = getattr(page.file, "locale", None) or self.language.code
        # Structured data for search engines; templates only print `json_ld`.
        settings, practice = self.site.settings, self.site.practice
        json_ld = []
        if page.is_homepage or (nav is not None and page is nav.homepage):  # each language's home
            interface = words(self.language.code)  # our own name and description are catalog messages
            json_ld.append(website_json_ld(interface.gettext(settings["site_name"]),
                                           (settings["site_url"] or "/") + self.language.root,
                                           settings["site_description"] and interface.gettext(settings["site_description"]),
                                           interface.gettext(practice["name"]), practice["website"]))
        if getattr(page.file, "norm_src_uri", page.file.src_uri) == self.config.faq_page:  # `faq.es.md` too
            json_ld.append(faq_page_json_ld(page.content or ""))
        context["json_ld"] = [item for item in json_ld if item]
        # Our default name in the page's language (a practice's own name stays as written).
        context["review"] = page_review(page.meta, translated_practice(practice, self.language.code), page.file.src_uri)
        return context

    @event_priority(-50)  # after the minifier: the page as it will be written
    def on_post_page(self, output, page, config):
        try:
            scan = self.run.scanned[page.file.dest_uri] = read_page(page.file.src_uri, output, page.content)
            check_content(page.file.dest_uri, scan)
        except DataError as exc:  # named with every other once this language's pages are written
            self.run.page_problems.append(exc)
        if page.meta.get("template") in EMBED_TEMPLATES:
            self.run.embed_pages.add(page.file.dest_uri)
        return output

    @event_priority(-50)  # after the minifier
    def on_post_template(self, output_content, template_name, config):
        # Each language's build writes the theme's pages at the site's root: another language's
        # 404 page goes into its own folder, and the default language's stays at the root.
        if not self.language.default and template_name in ("404.html", "sitemap.xml"):
            if template_name == "404.html":
                target = Path(config.site_dir) / self.language.root / template_name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(output_content, "utf-8")
            return ""  # MkDocs writes nothing for an empty page (sitemaps: see sitemaps.py)
        return output_content

    @event_priority(-50)  # before mkdocs-static-i18n (-100) builds the next language
    def _pages_checked(self, config):
        # After each language's pages, not only after the last language: MkDocs stops a further
        # language's build under --strict at its first warning, before the post-build steps.
        problems, self.run.page_problems = self.run.page_problems, []
        try:
            raise_together(problems)
        except DataError as exc:
            raise PluginError(str(exc)) from None

    @event_priority(-200)  # after every other plugin, and after mkdocs-static-i18n's other languages
    def _finish(self, config):
        self.run.depth -= 1
        if self.run.depth > 0:  # a further language's build: the outermost one finishes the site
            return
        try:
            # Under `mkdocs serve` the pages get no meta policy: its live reload is an inline script.
            post_build(Path(config.site_dir), docs_dir=Path(config.docs_dir), site_url=self.site.settings["site_url"],
                       embed_origins=self.site.practice["embed_origins"],
                       trusted=mkdocs_config.language_trust(self.run.trusted), generated=self.site.generated,
                       scanned=self.run.scanned, embed_pages=self.run.embed_pages, meta=self.command != "serve",
                       languages=self.run.languages)
        except DataError as exc:
            raise PluginError(str(exc)) from None
        if self.staged:  # every page written and checked: the build is whole
            self.staged, staged = None, self.staged
            staged.publish()

    on_post_build = CombinedEvent(_pages_checked, _finish)

    def on_build_error(self, error):
        if self.run is not None:
            self.run.depth = 0
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
