"""Shared fixtures: the site is built once per test session and served once."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import launch
from serve import serve_site
from sitebuild import ROOT, html_pages, mkdocs_build


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site built from the repository's own mkdocs.yml."""
    out = tmp_path_factory.mktemp("site")
    mkdocs_build(ROOT / "mkdocs.yml", out)
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

