"""Shared fixtures: the site is built once per test session and served once; each browser test
gets fresh pages (own context: cookies, storage and cache start empty), closed after the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.browser import launch, watched_page
from harness.server import serve_site
from harness.sitebuild import OWN_SITE, ROOT, html_pages, mkdocs_build


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site built from the repository's own mkdocs.yml (without any practice's folder)."""
    out = tmp_path_factory.mktemp("site")
    mkdocs_build(ROOT / "mkdocs.yml", out, env=OWN_SITE)
    return out


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
