"""Every step that follows a build, over a built site folder, whatever generator built it.

In order: the generated files are in place (the site stylesheet, the drawn share image, each
language's own 404 page); our own scripts and stylesheets are minified under their own names; each
language gets its own search index and sitemap (`search_index.py`, `sitemaps.py`); each page and
file is checked (ids, inline scripts, anything that could run code or lead elsewhere:
`page_checks.py`); then each page gets its Content-Security-Policy in a `<meta>` tag, and
`_headers` and `robots.txt`, which describe the finished files, are written (`headers.py`,
`robots.py`). It runs once over the whole site, every language built: the site's plugin runs it at
the end of the last language's build (with the pages it already read, and knowing which were built
from the embed's template); after a build without it, run it yourself:

    python -m microsite.postbuild SITE_DIR [--config mkdocs.yml]

The config is read as the build read it (MkDocs' own reader, with `INHERIT`, and the practice's
folder: `practice/` next to it, or `MICROSITE_PRACTICE`). It writes what the plugin writes, with
one difference: it cannot know which template built a page, so an embed page is one that declares
`data-embed-origins` (which must then be exactly the configured origins).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .assets import minify_in_place, own_assets
from .data import DataError
from .headers import write_headers
from .languages import Language, only
from .page_checks import read_site
from .robots import write_robots
from .scan import PageScan
from .search_index import split_search_index
from .sitemaps import write_sitemaps
from .stylesheet import GeneratedFile


def place_generated(site_dir: Path, generated: Iterable[GeneratedFile]) -> None:
    """Copy each generated file into the site, unless the build already put it there."""
    for item in generated:
        target = Path(site_dir) / item.uri
        if not target.is_file() or target.read_bytes() != item.path.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(item.path, target)


def place_not_found(site_dir: Path, pages: dict[str, str]) -> None:
    """Write each language's 404 page (`404.html`, `es/404.html`): every language's build writes its
    own over the site's root, so the plugin keeps each one as it is rendered."""
    for rel, html in pages.items():
        target = Path(site_dir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, "utf-8")


def post_build(site_dir: Path, *, docs_dir: Path, site_url: str | None, embed_origins: list[str],
               trusted: Callable[[str], set[str]], generated: Iterable[GeneratedFile] = (),
               scanned: dict[str, PageScan] | None = None, embed_pages: set[str] | None = None,
               meta: bool = True, languages: list[Language] | None = None,
               not_found: dict[str, str] | None = None) -> None:
    """Run every post-build step over `site_dir` (see the module's docstring).

    `trusted(rel)`: the inline scripts the templates wrote for the page at `rel` (see
    `headers.TemplateScripts`); `embed_origins`: who may frame the embed pages; `embed_pages`: the
    pages built from the embed's template (None: those that declare `data-embed-origins`);
    `meta`: whether the pages get the policy's meta tag (not under `mkdocs serve`, whose live
    reload is an inline script); `languages`: the site's languages (by default one, at the root);
    `not_found`: each language's 404 page.
    """
    site_dir = Path(site_dir)
    languages = languages or only("en")
    place_generated(site_dir, generated)
    place_not_found(site_dir, not_found or {})
    assets = own_assets(site_dir, docs_dir)
    minify_in_place(site_dir, [language.root + rel for language in languages for rel in assets])
    split_search_index(site_dir, languages)
    write_sitemaps(site_dir, languages)
    pages = read_site(site_dir, scanned)
    write_headers(site_dir, embed_origins, trusted, pages, embed_pages, meta=meta, site_url=site_url)
    write_robots(site_dir, site_url, tuple(language.root for language in languages if language.root))


def site_arguments(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """The arguments of a command over a built site (`site_dir`, `--config`, and any `parser`
    already has), each checked."""
    parser.add_argument("site_dir", type=Path, metavar="SITE_DIR", help="the built site (folder with index.html)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="MKDOCS_YML",
                        help="the config the site was built from (its templates say which inline scripts to "
                             "trust; default: mkdocs.yml)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        parser.error(f"{args.site_dir} has no index.html: build the site first")
    if not args.config.is_file():
        parser.error(f"{args.config} not found: pass the site's config with --config")
    return args


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m microsite.postbuild", description=__doc__.splitlines()[0])
    args = site_arguments(parser, argv)
    from . import mkdocs_config  # the command reads the config as the build did, with MkDocs

    try:
        config = mkdocs_config.load(args.config)
        site = mkdocs_config.load_site_for(config)
        languages = mkdocs_config.site_languages(config, site.practice["languages"], site.sources["languages"])
        post_build(args.site_dir, docs_dir=site.inputs.docs_dir, site_url=site.settings["site_url"],
                   embed_origins=site.practice["embed_origins"],
                   trusted=mkdocs_config.trusted_scripts(config, site, languages=languages),
                   generated=site.generated, languages=languages)
    except DataError as exc:
        parser.exit(1, f"error: {exc}\n")
    print(f"wrote each page's policy, {args.site_dir / '_headers'} and {args.site_dir / 'robots.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
