"""The site for one build, resolved: what every generator adapter hands to the core, and what the
core hands back. Nothing here needs MkDocs.

`SiteInputs` is what an adapter reads from its generator's config (the site's address, name and
description, our own practice block, the paths); `load_site` adds the practice's own file, checks
everything (the practice block, the brand's contrast, both data files, inside the project, and
every date: none in the future) and makes the generated files (the site stylesheet, the share
image) as real files in the cache folder. What the generator needs back comes from `Site`, each in
one place:

- `config_values`: the site-level values its config must hold (address, name, description, the
  stylesheet's served name);
- `template_values`: what our templates print, read from `config.extra.microsite`
  (`template_overlay`: with the practice's website and logo where Material's templates look);
- `block_options`: what our Markdown blocks need (region, data files, the practice);
- `generated`: the files to publish with the site;
- `date_warnings`: stale sources, a passed `next_review`, and a published site without a reviewer
  or a next review, for the adapter to print (a date passing never fails a build).

`generator_config` gathers the config's part as plain data, for a generator without our plugin.

An adapter applies them to a copy of its config, never to the config it was given, so a build can
run any number of times in one process with the same result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from . import practice as practice_module
from .brand import Brand, brand_css, resolve_brand
from .crisis import DEFAULT_DATA as CRISIS_DATA
from .crisis import check_region, load_crisis_lines
from .data import DataError, project_file
from .freshness import dates_report, today_from_env
from .i18n import words
from .languages import Language
from .practice import (
    EXPECTED,
    PracticeFile,
    docs_file,
    is_example_site,
    practice_layers,
    read_practice_file,
    resolve_practice,
    source_of,
)
from .self_assessment.model import DEFAULT_DATA as SELF_ASSESSMENT_DATA
from .self_assessment.model import load_self_assessment
from .share_image import SIZE as SHARE_IMAGE_SIZE
from .share_image import cached_share_image, image_size
from .stylesheet import GeneratedFile, site_stylesheet
from .urls import local_origin, new_issue_url

STYLESHEET = "assets/stylesheets/site.css"  # under docs/: gets the brand colours, then is served hashed
SHARE_IMAGE = "assets/images/share.png"  # where the drawn share image is published
CACHE_DIR = ".cache/microsite"  # relative to the config's folder; git-ignored, safe to delete
# Our Markdown blocks, by extension name, as `block_options` gives their options.
CRISIS_BLOCKS = ("microsite.crisis", "microsite.emergency")


@dataclass(frozen=True)
class SiteInputs:
    """What the core needs from a generator's config. Paths are relative to `root` unless absolute."""

    root: Path  # the config's folder
    docs_dir: Path
    site_url: str | None = None
    site_name: str = ""
    site_description: str | None = None
    repo_url: str | None = None  # where the site's sources live: "Report an error" opens an issue there
    practice: Any = None  # our config's own practice block (mkdocs.yml `extra.practice`)
    practice_source: str = practice_module.SOURCE  # how messages name that block
    practice_folder: Path | None = None  # the practice's own folder (see `practice.practice_folder`)
    options_source: str = ""  # how messages name the settings below, e.g. `plugins.microsite`
    crisis_data: str = CRISIS_DATA
    self_assessment_data: str = SELF_ASSESSMENT_DATA
    stylesheet: str = STYLESHEET
    cache_dir: str = CACHE_DIR


@dataclass(frozen=True)
class ShareImage:
    uri: str
    width: int
    height: int
    drawn: GeneratedFile | None = None  # None: the practice's own image, published from docs/


@dataclass(frozen=True)
class Site:
    inputs: SiteInputs
    settings: dict[str, Any]  # site_url, site_name, site_description: the config's, or the practice's
    practice: dict[str, Any]  # the practice block, resolved (every key present)
    brand: Brand
    crisis: dict[str, Any]
    practice_file: PracticeFile | None = None
    stylesheet: GeneratedFile | None = None
    share_image: ShareImage | None = None
    sources: dict[str, str] = field(default_factory=dict)  # practice key -> the file it came from
    date_warnings: tuple[str, ...] = ()  # stale sources, a passed next_review, a published site unreviewed

    @property
    def crisis_path(self) -> Path:
        return self.inputs.root / self.inputs.crisis_data

    @property
    def self_assessment_path(self) -> Path:
        return self.inputs.root / self.inputs.self_assessment_data

    @property
    def docs_folders(self) -> list[Path]:
        """Where the site's pages and images come from: the practice's own first, then ours."""
        own = self.practice_file.docs if self.practice_file else None
        return [own, Path(self.inputs.docs_dir)] if own else [Path(self.inputs.docs_dir)]

    def docs_file(self, uri: str) -> Path:
        """The file a page or image at `uri` is published from (the practice's, else ours)."""
        return docs_file(uri, self.docs_folders) or Path(self.inputs.docs_dir) / uri

    @property
    def generated(self) -> list[GeneratedFile]:
        """The files the build makes, to publish with the site."""
        files = [self.stylesheet] if self.stylesheet else []
        if self.share_image and self.share_image.drawn:
            files.append(self.share_image.drawn)
        return files


def with_slash(site_url: str | None) -> str | None:
    """The address as MkDocs keeps `site_url`: its path ends with `/`."""
    if not site_url:
        return None
    parts = urlsplit(site_url)
    return site_url if parts.path.endswith("/") else urlunsplit(parts._replace(path=parts.path + "/"))


def site_settings(inputs: SiteInputs, practice_file: PracticeFile | None) -> dict[str, Any]:
    """The site's address, name and description: the practice's file over the config's."""
    own = practice_file.site if practice_file else {}
    return {
        "site_url": with_slash(own.get("site_url", inputs.site_url)),
        "site_name": own.get("site_name", inputs.site_name),
        "site_description": own.get("site_description", inputs.site_description),
    }


def named_site(settings: dict[str, Any], practice_file: PracticeFile | None, name: str) -> dict[str, Any]:
    """A practice that names itself but not the site gets its name in the site's name (the browser
    tab, link previews): `Northside Coaching: Coaching or Therapy?`."""
    if practice_file is None or "site_name" in practice_file.site or not practice_file.practice.get("name"):
        return settings
    if name.strip() == str(settings["site_name"]).strip() or str(settings["site_name"]).startswith(f"{name}: "):
        return settings  # named already (a build run again on its own config: mkdocs serve, i18n)
    return {**settings, "site_name": f"{name}: {settings['site_name']}"}


def read_settings(inputs: SiteInputs) -> tuple[dict[str, Any], PracticeFile | None]:
    """The site settings and the practice's file, without checking the rest (for commands that
    only need the site's address)."""
    practice_file = read_practice_file(inputs.practice_folder, inputs.root) if inputs.practice_folder else None
    return site_settings(inputs, practice_file), practice_file


def load_site(inputs: SiteInputs, with_files: bool = True) -> Site:
    """Check everything a build reads, and make the generated files (unless `with_files` is False).

    Raises DataError naming the file (and the key in it) of the first problem.
    """
    settings, practice_file = read_settings(inputs)
    layers = practice_layers(inputs.practice, inputs.practice_source, practice_file)
    own_docs = practice_file.docs if practice_file else None
    practice = resolve_practice(None, settings["site_url"], inputs.docs_dir, layers=layers, own_docs=own_docs)
    if practice_file:
        check_hidden(practice_file, inputs.docs_dir)
    # Where a reader reports an error: the practice's contact, else the repository's issue tracker.
    practice["report_url"] = practice["contact_url"] or new_issue_url(inputs.repo_url)
    sources = {key: source_of(layers, key) for key in practice}
    settings = named_site(settings, practice_file, practice["name"])
    brand = resolve_brand(practice["colors"], sources["colors"])
    crisis = load_crisis_lines(data_file(inputs, "crisis_data"))
    check_region(crisis, practice["region"], sources["region"])
    load_self_assessment(data_file(inputs, "self_assessment_data"))  # fail early, with the path
    errors, warnings = dates_report(crisis, inputs.crisis_data, inputs.docs_dir, practice, sources, today_from_env(),
                                    own_docs=own_docs, hidden=practice_file.hide if practice_file else (),
                                    published=not is_example_site(settings["site_url"]))
    if errors:
        raise DataError("", "", "\n".join(errors))
    site = Site(inputs, settings, practice, brand, crisis, practice_file, sources=sources,
                date_warnings=tuple(warnings))
    site = replace(site, date_warnings=(*site.date_warnings, *header_warnings(site)))
    if not with_files:
        return site
    cache = inputs.root / inputs.cache_dir
    stylesheet = site_stylesheet(inputs.docs_dir, inputs.stylesheet, brand_css(brand), cache)
    return replace(site, stylesheet=stylesheet, share_image=share_image(site, cache))


# Pages every page links to (the header, the footer, the 404 page): crisis help, who publishes the
# site and how it is held to account. A practice may replace them with its own, never hide them.
KEPT_PAGES = ("index.md", "get-help-now.md", "about.md", "self-assessment.md", "editorial-policy.md",
              "accessibility.md", "complaints.md", "what-happens-when-you-call.md")


def check_hidden(practice_file: PracticeFile, docs_dir: Path) -> None:
    """Each page the practice hides is one of ours (a name mistyped would hide nothing), and not
    one that every page links to."""
    for index, page in enumerate(practice_file.hide):
        if page in KEPT_PAGES:
            raise DataError(practice_file.source, f"hide[{index}]", f"{page!r} cannot be hidden: every page links "
                            "to it (it may be replaced by a page of the same name in practice/docs/)")
        if not (Path(docs_dir) / page).is_file():
            raise DataError(practice_file.source, f"hide[{index}]", f"{page!r} is not one of our pages (a path under "
                            f"{Path(docs_dir).name}/, such as faq.md)")


# `scripts/serve --embed-from http://localhost:5500` sets it: the development server then lets that
# local page embed the self-assessment. A build refuses it (a published site never trusts a page
# on a reader's own machine).
LOCAL_EMBED_ENV = "MICROSITE_LOCAL_EMBED_ORIGIN"


def with_local_embed_origin(site: Site, origin: str) -> Site:
    """The site with a local page (http://localhost:PORT) among its embed origins, for the
    development server only."""
    try:
        local = local_origin(origin)
    except ValueError as exc:
        raise DataError(f"{LOCAL_EMBED_ENV} (scripts/serve --embed-from)", "", str(exc)) from None
    origins = list(dict.fromkeys([*site.practice["embed_origins"], local]))
    return replace(site, practice={**site.practice, "embed_origins": origins})


def data_file(inputs: SiteInputs, option: str) -> Path:
    """A data file the inputs name (`crisis_data`, `self_assessment_data`), refused when it leads
    outside the project (a file linked to one elsewhere would be read, and quoted in errors)."""
    setting = f"{inputs.options_source}.{option}" if inputs.options_source else option
    return project_file(inputs.root, getattr(inputs, option), setting)


def share_image(site: Site, cache_dir: Path) -> ShareImage:
    """The og:image: the practice's own file as it is, or one drawn with its name and colours."""
    practice = site.practice
    if practice["share_image"]:
        try:
            width, height = image_size(site.docs_file(practice["share_image"]))  # reads the header only
        except ValueError as exc:
            raise DataError(site.sources["share_image"], "share_image", f"expected {EXPECTED['share_image']}, "
                            f"got {practice['share_image']!r}, which {exc.args[0].removeprefix('it ')}") from None
        return ShareImage(practice["share_image"], width, height)
    light = site.brand.light
    colors = {"background": light["--brand-primary"], "text": light["--brand-on-primary"],
              "muted": light["--brand-on-primary-muted"], "accent": light["--brand-accent"]}
    # Under the practice's name, the site's; when they are one, what the site is for.
    name, description = site.settings["site_name"], site.settings["site_description"]
    name = name.removeprefix(f"{practice['name']}: ")  # a site named after the practice: what it is for
    subtitle = name if name != practice["name"] else description or ""
    drawn = cached_share_image(cache_dir, practice["name"], subtitle, colors)
    return ShareImage(SHARE_IMAGE, *SHARE_IMAGE_SIZE, drawn=GeneratedFile(SHARE_IMAGE, drawn))


def config_values(site: Site, extra_css: list[Any]) -> dict[str, Any]:
    """The site-level values a generator's config holds for this site: its address, name and
    description (the practice's, where its file sets them), and `extra_css` with the site
    stylesheet under its served name (other entries as they are)."""
    source, served = site.inputs.stylesheet, site.stylesheet.uri if site.stylesheet else site.inputs.stylesheet
    return {**site.settings, "extra_css": [served if str(item) == source else item for item in extra_css]}


def template_values(site: Site, language: Language | None = None,
                    languages: list[Language] | None = None) -> dict[str, Any]:
    """What our templates print (as `config.extra.microsite`): plain values, escaped by the
    templates; `language`: the build's (`code`, `name`, `root`), `languages`: every one built."""
    share = site.share_image
    language = language or Language("en", "English", "", True)
    return {
        "practice": translated_practice(site.practice, language.code),
        # our default name in the page's language (a catalog message); a practice's stays as written
        "header_name": words(language.code).gettext(header_name(site)),
        "share_image": {"path": share.uri, "width": share.width, "height": share.height} if share else None,
        "language": asdict(language),
        "languages": [asdict(item) for item in languages or [language]],
    }


def header_name(site: Site) -> str:
    """The name in the header: the practice's short name, else its name (where a practice set one),
    else the site's name."""
    practice, own = site.practice, site.practice_file.practice if site.practice_file else {}
    if practice["short_name"]:
        return practice_module.header_name(practice["short_name"])
    if own.get("name"):
        return practice_module.header_name(practice["name"])
    return site.settings["site_name"]


def header_warnings(site: Site) -> list[str]:
    """A short name the header cannot show whole is an error; a name, a warning (the name is the
    practice's, shown whole everywhere else): both say the word's length and the limit."""
    practice, own = site.practice, site.practice_file.practice if site.practice_file else {}
    if practice["short_name"]:
        problem = practice_module.header_problem(practice["short_name"], "short_name", site.sources["short_name"])
        if problem:
            raise DataError("", "", problem)
    elif own.get("name"):
        problem = practice_module.header_problem(practice["name"], "name", site.sources["name"])
        return [problem] if problem else []
    return []


def translated_practice(practice: dict[str, Any], lang: str) -> dict[str, Any]:
    """The practice block with our default name in `lang` (a catalog message); a practice's own
    name is not in the catalog and stays as written."""
    return {**practice, "name": words(lang).gettext(practice["name"])} if practice.get("name") else practice


def template_overlay(site: Site, extra: Mapping[str, Any], language: Language | None = None,
                     languages: list[Language] | None = None) -> dict[str, Any]:
    """What templates read beyond the site-level values, as keys to add to the config's `extra`
    and `theme`: our values (`extra.microsite`), and where Material's templates look for the
    practice's website (`extra.homepage`, unless the config sets its own) and logo (`theme.logo`)."""
    overlay: dict[str, Any] = {"extra": {"microsite": template_values(site, language, languages)}}
    website = site.practice["website"]
    if not extra.get("homepage") and website and website != site.settings["site_url"]:
        overlay["extra"]["homepage"] = website
    if site.practice["logo"]:
        overlay["theme"] = {"logo": site.practice["logo"]}
    return overlay


def generator_config(site: Site, extra_css: list[Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """Everything a generator's config needs for this site, as plain data, for a generator that
    runs without our plugin (its config merges these over ours; then `postbuild` runs)."""
    return {**config_values(site, extra_css), **template_overlay(site, extra)}


def block_options(site: Site, lang: str = "en") -> dict[str, dict[str, Any]]:
    """Each of our Markdown blocks' options for this site in the language `lang`, by extension name."""
    region, crisis = site.practice["region"], str(site.crisis_path)
    options = {name: {"region": region, "data": crisis} for name in CRISIS_BLOCKS}
    options["microsite.self_assessment"] = {
        "region": region, "booking_url": site.practice["booking_url"] or "", "publisher": site.practice["name"],
        "data": str(site.self_assessment_path), "crisis_data": crisis,
    }
    options["microsite.publisher"] = {"practice": translated_practice(site.practice, lang)}
    for values in options.values():
        values["lang"] = lang
    return options
