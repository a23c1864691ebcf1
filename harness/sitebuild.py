"""Build the site (or a variant of it) into a folder, and list what it publishes."""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Which practice folder a build uses (microsite.practice.PRACTICE_ENV): set by each build here, never
# taken from the shell, so a build reads exactly the practice its caller meant.
PRACTICE_ENV = "MICROSITE_PRACTICE"
# Our own site, as we ship it, whatever a practice has put in its copy's practice/ folder or
# mkdocs.yml: the practice file in our-site/ sets every value a practice may set back to ours.
OUR_SITE = Path(__file__).resolve().parent / "our-site"
OWN_SITE = {PRACTICE_ENV: str(OUR_SITE)}


def our_site_values() -> dict:
    """The values of our own site's practice file (our-site/practice.yml)."""
    return yaml.safe_load((OUR_SITE / "practice.yml").read_text("utf-8"))


# What every build imports, loaded once by the build server (`use_build_server`).
BUILD_IMPORTS = ["mkdocs.__main__", "mkdocs.commands.build", "material.plugins.search.plugin",
                 "mkdocs_static_i18n.plugin", "mkdocs_minify_html_plugin", "microsite.plugin",
                 "pymdownx.blocks", "pymdownx.superfences", "jsonschema", "yaml", "babel.dates",
                 "harness.build_warmup"]
_server: multiprocessing.context.ForkServerContext | None = None


def use_build_server() -> None:
    """Run each later `mkdocs_build` of this process in a fresh process forked from a server that
    has imported MkDocs, its plugins and ours once (multiprocessing's forkserver): a build as a
    new process runs it, without the half second each one spends importing. For the tests, which
    build often; a benchmark times the command itself, start-up included."""
    global _server
    if _server is None:
        _server = multiprocessing.get_context("forkserver")
        _server.set_forkserver_preload(BUILD_IMPORTS)
        # Started now, from the repository's root: the server imports from its working folder
        # (`harness.build_warmup`), whatever folder the first build is run from.
        here = os.getcwd()
        os.chdir(ROOT)
        try:
            multiprocessing.forkserver.ensure_running()
        finally:
            os.chdir(here)


def _served_build(args: list[str], env: dict[str, str], cwd: str, folder: str) -> None:
    """`mkdocs <args>` in the build server's new process, its output in `folder` (stdout, stderr)."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = ["mkdocs", *args]
    for fd, name in ((1, "stdout"), (2, "stderr")):
        with open(os.path.join(folder, name), "wb") as stream:
            os.dup2(stream.fileno(), fd)
    from mkdocs.__main__ import cli

    cli.main(args, prog_name="mkdocs")  # exits with the command's status; the streams are flushed


def _run_served(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    assert _server is not None
    with tempfile.TemporaryDirectory(prefix="build-output-") as folder:
        process = _server.Process(target=_served_build, args=(args, env, str(cwd), folder))
        process.start()
        process.join()
        out, err = (Path(folder, name) for name in ("stdout", "stderr"))
        return subprocess.CompletedProcess(["mkdocs", *args], process.exitcode,
                                           out.read_text("utf-8", "replace") if out.exists() else "",
                                           err.read_text("utf-8", "replace") if err.exists() else "")


def mkdocs_build(config: Path, site_dir: Path, check: bool = True,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a reader of the README would (with `env` added to the
    environment; without a practice folder in `env`, the one next to `config`, if any), in a new
    process (from the build server, after `use_build_server`); return the finished process."""
    inherited = {key: value for key, value in os.environ.items() if key != PRACTICE_ENV}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    args = ["build", "--strict", "-f", str(config), "-d", str(site_dir)]
    if _server is not None:
        result = _run_served(args, env, config.parent)
    else:
        result = subprocess.run([sys.executable, "-m", "mkdocs", *args],
                                capture_output=True, text=True, env=env, cwd=config.parent)
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


# The languages the site is built in, by the folder of their pages ("" for the default, at the root).
LANGUAGE_ROOTS = {"en": "", "es": "es/"}


def page_language(rel) -> str:
    """The language of a built file, by its folder (`es/faq/index.html` is Spanish)."""
    rel = Path(rel).as_posix()
    return next((lang for lang, root in LANGUAGE_ROOTS.items() if root and rel.startswith(root)), "en")


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site, sorted."""
    return sorted(site_dir.rglob("*.html"))


def translation_of(source: Path) -> str | None:
    """The language of a page written beside the default language's (`faq.es.md`: `es`), else None."""
    lang = Path(source.stem).suffix.lstrip(".")
    return lang if lang in LANGUAGE_ROOTS and LANGUAGE_ROOTS[lang] else None


def page_sources(lang: str | None = None, docs_dir: Path = ROOT / "docs") -> list[Path]:
    """The Markdown sources of one language's own pages, sorted: the default language's (`faq.md`;
    `lang` None), or those written in `lang` (`faq.es.md`)."""
    return sorted(p for p in docs_dir.rglob("*.md") if translation_of(p) == lang)


def built_page(site_dir: Path, source: Path, docs_dir: Path = ROOT / "docs") -> Path:
    """The built HTML of a page source: `faq.md` is `faq/index.html`, `faq.es.md` is `es/faq/index.html`."""
    lang = translation_of(source)
    rel = source.relative_to(docs_dir).as_posix().removesuffix(".md").removesuffix(f".{lang}" if lang else "")
    path = "index.html" if rel == "index" else rel.removesuffix("/index") + "/index.html"
    return site_dir / (LANGUAGE_ROOTS[lang] if lang else "") / path


def docs_page_urls(docs_dir: Path = ROOT / "docs") -> list[str]:
    """Directory URLs of every Markdown page in docs/ (what `use_directory_urls` publishes), in
    the default language."""
    urls = []
    for source in page_sources(None, docs_dir):
        rel = source.relative_to(docs_dir).with_suffix("").as_posix()
        urls.append("" if rel == "index" else rel.removesuffix("/index") + "/")
    return urls
