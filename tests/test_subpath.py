"""Hosted under a sub-path (site_url https://northside.example/learn/, served at /learn/).

Every page, in each language, loads with all its assets, every same-site link and asset answers,
search finds and opens pages (of the page's own language), instant navigation stays under /learn/,
the language switch leads to the same page in the other language, and the embed page loads there too.
"""

from __future__ import annotations

import functools
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urlsplit

import pytest

from harness.browser import open_settled, search, settle
from harness.server import serve_site
from harness.sitebuild import docs_page_urls

PREFIX = "/learn/"
URLS = [root + url for root in ("", "es/") for url in docs_page_urls() + ["404.html"]]  # both languages
REFS = """() => [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]
  .map((el) => el.href || el.src)"""


@pytest.fixture(scope="module")
def subpath_url(practice_site):
    with serve_site(practice_site, prefix=PREFIX) as url:
        yield url


def open_page(new_page, base_url, url):
    page, watch = new_page(base_url)
    failures = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failures.append(f"failed {r.url}"))
    response = open_settled(page, base_url + url)
    return page, watch, response, failures


@functools.cache  # the served site does not change: each address is asked once per process
def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.mark.browser
def test_server_refuses_paths_outside_the_prefix(subpath_url):
    root = subpath_url[: -len(PREFIX)] + "/"
    assert status_of(root + "faq/") == 404  # so a link that forgot the prefix would be caught


@pytest.mark.browser
@pytest.mark.parametrize("url", URLS)
def test_page_and_everything_it_links_to_load_under_the_prefix(new_page, subpath_url, url):
    page, watch, response, failures = open_page(new_page, subpath_url, url)
    assert response.ok or url.endswith("404.html"), url
    assert not failures, failures
    assert not watch.console_errors, watch.console_errors
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(subpath_url))
    same_site = {urldefrag(ref)[0] for ref in page.evaluate(REFS) if ref.startswith(origin)}
    assert same_site, "no links found"
    for ref in sorted(same_site):
        assert urlsplit(ref).path.startswith(PREFIX), f"{url}: {ref} is outside {PREFIX}"
        assert status_of(ref) == 200, f"{url}: {ref}"


@pytest.mark.browser
def test_search_finds_and_opens_a_page_under_the_prefix(new_page, subpath_url):
    page, watch, _, failures = open_page(new_page, subpath_url, "")
    first = search(page, "therapy")
    assert urlsplit(first.evaluate("a => a.href")).path.startswith(PREFIX)
    first.click()
    page.wait_for_url(lambda address: address != subpath_url)
    settle(page)
    assert urlsplit(page.url).path.startswith(PREFIX) and page.url != subpath_url
    assert not failures and not watch.console_errors, (failures, watch.console_errors)


@pytest.mark.browser
def test_instant_navigation_stays_under_the_prefix(new_page, subpath_url):
    page, watch, _, failures = open_page(new_page, subpath_url, "")
    page.locator(".md-tabs__link", has_text="FAQ").first.click()
    page.wait_for_url(f"**{PREFIX}faq/")
    settle(page)
    assert page.locator("h1").first.is_visible()
    assert not failures and not watch.console_errors, (failures, watch.console_errors)


@pytest.mark.browser
def test_embed_page_loads_under_the_prefix(new_page, subpath_url):
    page, watch, response, failures = open_page(new_page, subpath_url, "self-assessment-embed/")
    assert response.ok
    assert page.locator("[data-module='self-assessment']").count() == 1
    assert not failures and not watch.console_errors, (failures, watch.console_errors)


@pytest.mark.browser
def test_search_in_spanish_finds_the_spanish_pages(new_page, subpath_url):
    page, watch, _, failures = open_page(new_page, subpath_url, "es/")
    search(page, "therapy")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map((a) => a.href)")
    assert hrefs and all(urlsplit(href).path.startswith(f"{PREFIX}es/") for href in hrefs), hrefs
    assert not failures and not watch.console_errors, (failures, watch.console_errors)


@pytest.mark.browser
def test_the_language_switch_opens_the_same_page_in_the_other_language(new_page, subpath_url):
    page, watch, _, failures = open_page(new_page, subpath_url, "faq/")
    assert page.evaluate("() => document.documentElement.lang") == "en"
    page.locator(".md-select button").hover()  # Material's selector opens on hover or focus
    page.locator(".md-select__link[hreflang=es]").click()
    page.wait_for_url(f"**{PREFIX}es/faq/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.documentElement.lang") == "es"
    assert page.locator("header a.help-now").inner_text().strip() == "Obtenga ayuda ahora"
    page.locator(".md-select button").hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(f"**{PREFIX}faq/")
    assert page.evaluate("() => document.documentElement.lang") == "en"
    assert not failures and not watch.console_errors, (failures, watch.console_errors)
