"""The site's MkDocs plugin: the one place where config meets the blocks and post-build steps.

It checks the config files, `extra.practice` (filling in defaults so templates never test for
missing keys, and turning its colours into the stylesheet's brand properties and share image) and
the data files and the settings Material prints; hands the blocks the values they need; makes our
own templates escape what they print; and, once the site is built, checks every page (scripts,
ids, anything that could run code or lead elsewhere) before writing each page's policy, `_headers`
and `robots.txt`. `mkdocs build` writes into a staging folder that replaces the site folder only
when the build has finished (`staging.py`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import CountHandler

from . import staging
from .assets import minify_in_place, own_assets
from .brand import brand_css, resolve_brand
from .crisis import check_region, load_crisis_lines
from .data import DataError, config_file_problem, front_matter_text, project_file, yaml_problem
from .freshness import dates_report, today_from_env
from .headers import trusted_for_config, write_headers
from .ids import page_id_clash
from .practice import EXPECTED, SOURCE, resolve_practice
from .robots import write_robots
from .scan import scan_page
from .self_assessment.model import load_self_assessment
from .seo import faq_page_json_ld, website_json_ld
from .share_image import SIZE as SHARE_IMAGE_SIZE
from .share_image import cached_share_image, image_size
from .site_config import check_printed_settings, escaped_text
from .stylesheet import prepend_to_file, prepend_to_minified

# Stale sources are reported, not counted: `strict: true` turns every MkDocs warning into a failed
# build, and a date passing must never break a build (scripts/check-sources is the hard check).
log = logging.getLogger("microsite")
say = logging.getLogger("mkdocs.plugins.microsite")  # information, printed with MkDocs' own
EMBED_TEMPLATES = {"embed.html"}  # pages built from these may be framed by extra.practice.embed_origins


class MicrositeConfig(Config):
    crisis_data = config_options.Type(str, default="data/crisis-lines.yml")
    faq_page = config_options.Type(str, default="faq.md")  # source of the FAQPage structured data
    self_assessment_data = config_options.Type(str, default="data/self-assessment.yml")
    # The stylesheet that gets the generated brand colours (see brand.py), and where the drawn
    # share image is kept between builds (relative to mkdocs.yml; git-ignored).
    brand_stylesheet = config_options.Type(str, default="assets/stylesheets/site.css")
    cache_dir = config_options.Type(str, default=".cache/microsite")


class MicrositePlugin(BasePlugin[MicrositeConfig]):
    command, dirty, staged = None, False, None

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        try:
            problem = config_file_problem(Path(config.config_file_path))
            if problem:
                raise DataError(problem, "", "fix the config file")
            check_printed_settings(config)
            practice = resolve_practice(config.extra.get("practice"), config.site_url, config.docs_dir)
            self.brand = resolve_brand(practice["colors"])
            crisis_path = project_file(root, self.config.crisis_data, "plugins.microsite.crisis_data")
            crisis = load_crisis_lines(crisis_path)
            check_region(crisis, practice["region"])
            load_self_assessment(project_file(root, self.config.self_assessment_data,  # fail early, with the path
                                              "plugins.microsite.self_assessment_data"))
            _report_dates(crisis, self.config.crisis_data, config.docs_dir, practice)
        except DataError as exc:
            raise PluginError(str(exc)) from None
        # Plain text for our JSON-LD; HTML-escaped text for Material's templates, which print
        # these without escaping (ours autoescape, and leave Markup as it is).
        self.plain = {key: config[key] for key in ("site_name", "site_description")}
        for key, value in escaped_text(config).items():
            config[key] = value
        config.extra["practice"] = practice
        _brand_theme(config, practice)
        self.root = root
        for blocks in ("microsite.crisis", "microsite.emergency"):
            config.mdx_configs.setdefault(blocks, {}).update(region=practice["region"], data=str(crisis_path))
        config.mdx_configs.setdefault("microsite.self_assessment", {}).update(
            region=practice["region"], booking_url=practice["booking_url"] or "",
            data=str(root / self.config.self_assessment_data), crisis_data=str(crisis_path),
        )
        config.mdx_configs.setdefault("microsite.publisher", {}).update(practice=practice)
        return config

    @event_priority(-10)  # after the minify plugin has read the stylesheet it will write
    def on_pre_build(self, config):
        prepend_to_minified(config, self.config.brand_stylesheet, brand_css(self.brand))
        if self.command == "build" and not self.dirty:  # not `serve`, whose folder is its own
            self.staged = (config.site_dir, staging.begin(Path(config.site_dir)))
            config.site_dir = str(self.staged[1])
            say.info(f"Writing the site into {self.staged[1]}; it replaces {self.staged[0]} once every page is checked")

    def on_env(self, env, config, files):
        # MkDocs' Jinja does not escape; our templates print config values, so they do, and
        # Material's templates (which print their own HTML) stay as they are.
        ours = Path(config.theme.custom_dir)
        env.autoescape = lambda name: bool(name) and (ours / name).is_file()
        self.trusted = trusted_for_config(config, env)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        source = page.file.content_string
        front = front_matter_text(source)
        if front is not None:
            # MkDocs quietly renders broken front matter as text, and keeps the last of two equal keys.
            problem = yaml_problem("\n" + front)  # so its line numbers are the file's
            if problem:
                raise PluginError(f"{page.file.src_uri}: front matter is not valid: {problem}")
            for key in ("title", "description", "author"):  # printed by Material's templates without escaping
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = Markup(escape(page.meta[key]))
        # One blank line per front-matter line: messages from the blocks then give the file's lines.
        if source.endswith(markdown) and markdown:
            return "\n" * source[: len(source) - len(markdown)].count("\n") + markdown
        return markdown

    def on_page_context(self, context, page, config, nav):
        # Structured data for search engines; templates only print `json_ld`.
        practice = config.extra["practice"]
        json_ld = []
        if page.is_homepage:
            json_ld.append(website_json_ld(self.plain["site_name"], config.site_url or "/", self.plain["site_description"],
                                           practice["name"], practice["website"]))
        if page.file.src_uri == self.config.faq_page:
            json_ld.append(faq_page_json_ld(page.content or ""))
        context["json_ld"] = [item for item in json_ld if item]
        return context

    @event_priority(-50)  # after the minifier: the page as it will be written
    def on_post_page(self, output, page, config):
        scan = scan_page(output)
        problem = page_id_clash(scan.ids, page.content or "")
        if problem:
            raise PluginError(f"{page.file.src_uri}: {problem}")
        self.scanned[page.file.dest_uri] = scan  # read once: the security headers use it too
        if page.meta.get("template") in EMBED_TEMPLATES:
            self.embed_pages.add(page.file.dest_uri)
        return output

    def on_files(self, files, config):
        try:
            prepend_to_file(files, config, self.config.brand_stylesheet, brand_css(self.brand))
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        config.extra["practice"]["og_image"] = _share_image(files, config, self.root / self.config.cache_dir,
                                                            self.brand, self.plain)
        self.assets = own_assets(files, config.docs_dir)  # to minify once they are copied
        self.scanned, self.embed_pages = {}, set()
        return files

    @event_priority(-100)  # after every other plugin (minify writes fingerprinted files then)
    def on_post_build(self, config):
        minify_in_place(Path(config.site_dir), self.assets)
        # Security headers and robots.txt describe the finished files, so they come last.
        try:
            # Under `mkdocs serve` the pages get no meta policy: its live reload is an inline script.
            write_headers(Path(config.site_dir), config.extra["practice"]["embed_origins"], self.trusted, self.scanned,
                          self.embed_pages, meta=self.command != "serve")
        except DataError as exc:
            raise PluginError(str(exc)) from None
        write_robots(Path(config.site_dir), config.site_url)
        if self.staged:  # every page written and checked: the build is whole
            final, built = self.staged
            staging.publish(built, Path(final))
            config.site_dir, self.staged = final, None

    def on_build_error(self, error):
        if self.staged:
            final, built = self.staged
            kept = staging.keep_failed(built, Path(final))
            say.info(f"The site folder is unchanged; what this build wrote is in {kept}")
            self.staged = None


def _brand_theme(config, practice):
    """The practice's logo in the header, and the logo linking to the practice's own website."""
    if practice["logo"]:
        config.theme["logo"] = practice["logo"]
    if practice["website"] and practice["website"] != config.site_url:
        config.extra.setdefault("homepage", practice["website"])


def _share_image(files, config, cache_dir, brand, plain):
    """The og:image: the practice's own file as it is, or one drawn with its name and colours."""
    practice = config.extra["practice"]
    if practice["share_image"]:
        try:
            width, height = image_size(Path(config.docs_dir) / practice["share_image"])  # reads the header only
        except ValueError as exc:
            raise PluginError(f"{SOURCE}: share_image: expected {EXPECTED['share_image']}, "
                              f"got {practice['share_image']!r}, which {exc.args[0].removeprefix('it ')}") from None
        return {"path": practice["share_image"], "width": width, "height": height}
    colors = {"background": brand.light["--brand-primary"], "text": brand.light["--brand-on-primary"],
              "muted": brand.light["--brand-on-primary-muted"], "accent": brand.light["--brand-accent"]}
    # Under the practice's name, the site's; when they are one, what the site is for.
    subtitle = plain["site_name"] if plain["site_name"] != practice["name"] else plain["site_description"] or ""
    drawn = cached_share_image(cache_dir, practice["name"], subtitle, colors)
    uri = "assets/images/share.png"
    if files.get_file_from_path(uri):
        files.remove(files.get_file_from_path(uri))
    files.append(File.generated(config, uri, abs_src_path=str(drawn)))
    return {"path": uri, "width": SHARE_IMAGE_SIZE[0], "height": SHARE_IMAGE_SIZE[1]}


def _report_dates(crisis, crisis_source, docs_dir, practice):
    """Stop on a date in the future; print each source past its review age and a passed
    `next_review` (never an error; see `log` above)."""
    errors, lines = dates_report(crisis, crisis_source, Path(docs_dir), practice, SOURCE, today_from_env())
    if errors:
        raise DataError("", "", "\n".join(errors))
    if not lines:
        return
    if not log.handlers:  # MkDocs' own console handler, without the counter that --strict reads
        log.addHandler(next((h for h in logging.getLogger("mkdocs").handlers if not isinstance(h, CountHandler)),
                            logging.StreamHandler()))
        log.propagate = False
    for line in lines:
        log.warning(line)
