"""Shared fixtures: each site (ours, and each fixture config) is built once per test run, for
every xdist worker; each worker serves it and runs Chromium once; each browser test gets fresh
pages (own context: cookies, storage and cache start empty), closed after the test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from fixture_site import shared_practice
from harness.browser import launch, watched_page
from harness.server import serve_site
from harness.sitebuild import OWN_SITE, ROOT, html_pages, mkdocs_build, use_build_server


@pytest.hookimpl(tryfirst=True)  # before `-m` selects: a test that opens Chromium is a browser test
def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def made_once(tmp_path_factory) -> Callable[[str, Callable[[Path], object]], Path]:
    """A factory: `made_once(name, make)` runs `make(folder)` once per test run, in an empty folder
    of its own, and returns that folder; every xdist worker that asks for the same `name` gets the
    same folder, filled. The first worker to ask makes it, under a file lock; the others wait for
    it. For what takes long and many tests read: a build (`build_once`), pages' measured weights."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each worker's temporary folder sits in the run's
    shared = shared / "made-once"

    def made(name: str, make: Callable[[Path], object]) -> Path:
        folder, done = shared / name, shared / f"{name}.done"
        shared.mkdir(parents=True, exist_ok=True)
        with FileLock(shared / f"{name}.lock"):
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
                folder.mkdir()
                make(folder)
                done.touch()
        return folder

    return made


@pytest.fixture(scope="session")
def build_once(made_once) -> Callable[..., Path]:
    """A factory: `build_once(name, write_config, env=None)` builds a site once per test run and
    returns its folder; every xdist worker that asks for the same `name` gets the same folder.

    `write_config(folder)` gets an empty folder of its own, writes there what the build needs
    (e.g. `inheriting_config(project_copy(folder), ...)`) and returns the config file to build;
    the site is built into `folder / "site"` with `mkdocs build --strict` (`env` added to the
    environment). One name, one config: a test that needs another config takes another name.
    Builds that must fail, or that a test changes, stay in the test's own `tmp_path`.
    """
    def build(name: str, write_config: Callable[[Path], Path], env: dict[str, str] | None = None) -> Path:
        return made_once(name, lambda folder: mkdocs_build(write_config(folder), folder / "site", env=env)) / "site"

    return build


@pytest.fixture(scope="session")
def site_dir(build_once) -> Path:
    """The site built from the repository's own mkdocs.yml (without any practice's folder)."""
    return build_once("site", lambda folder: ROOT / "mkdocs.yml", env=OWN_SITE)


@pytest.fixture(scope="session")
def practice_site(build_once) -> Path:
    """A practice's own build: fixture_site.PRACTICE through INHERIT, at its sub-path URL."""
    return build_once("practice", shared_practice)


@pytest.fixture(scope="session")
def pages(site_dir) -> list[Path]:
    return html_pages(site_dir)


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve_site(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = launch(playwright_instance)
    yield browser
    browser.close()


@pytest.fixture
def new_page(browser, request):
    """A factory: `page, watch = new_page(url=None, scheme=, viewport=, java_script=)` opens a page
    in a fresh context watching the origin of `url` (default: the session's site). Every context
    it opened is closed after the test, passed or failed."""
    contexts = []

    def open_page(url: str | None = None, **options):
        page, watch = watched_page(browser, url or request.getfixturevalue("base_url"), **options)
        contexts.append(page.context)
        return page, watch

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page, request):
    """A fresh page on the session's site. Variants by indirect parametrisation, e.g.
    `@pytest.mark.parametrize("page", [{"viewport": "phone", "java_script": False}], indirect=True)`."""
    page, _ = new_page(**getattr(request, "param", {}))
    return page


def pytest_configure(config):
    # Every build a test runs starts from MkDocs and the plugins already imported (harness.sitebuild);
    # in each process that runs tests (xdist's controller runs none).
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        use_build_server()
