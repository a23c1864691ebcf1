"""Hosted under a sub-path (site_url https://northside.example/learn/, served at /learn/).

Every same-site link and asset of every page, in each language, answers under the prefix; one page
of each kind (by the scripts it runs) loads in Chromium with everything its scripts ask for,
search finds and opens pages (of the page's own language), instant navigation stays under /learn/,
the language switch leads to the same page in the other language, and the embed page loads there too.
"""

from __future__ import annotations

import functools
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from harness.browser import open_settled, search, settle
from harness.server import serve_site
from harness.sitebuild import docs_page_urls

PREFIX = "/learn/"
URLS = [root + url for root in ("", "es/") for url in docs_page_urls() + ["404.html"]]  # both languages
LINKING = "a[href], link[href], script[src], img[src]"  # the elements whose addresses are checked
REFS = f"""() => [...document.querySelectorAll('{LINKING}')].map((el) => el.href || el.src)"""


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


def page_html(site_dir: Path, url: str) -> str:
    return (site_dir / (url if url.endswith(".html") else url + "index.html")).read_text("utf-8")


def kind_of(html: str) -> tuple:
    """What a page's scripts do depends on which scripts it loads and what they start (the
    modules our loader imports for `[data-module]` and `[data-zones]`, Material's header and
    search): pages alike in these ask the server for the same kinds of things."""
    tree = LexborHTMLParser(html)
    return (tuple(sorted(node.attributes.get("src") or "" for node in tree.css("script[src]"))),
            tuple(sorted(node.attributes.get("data-module") or "" for node in tree.css("[data-module]"))),
            *(tree.css_first(selector) is not None for selector in ("[data-zones]", ".md-header", ".md-search")))


def one_of_each_kind(site_dir: Path) -> list[str]:
    """The first page of each kind (`kind_of`) in each language."""
    kinds: dict[tuple, str] = {}
    for url in URLS:
        kinds.setdefault((url.startswith("es/"), kind_of(page_html(site_dir, url))), url)
    return list(kinds.values())


def assert_same_site_and_answering(url: str, refs: list[str], subpath_url: str) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(subpath_url))
    same_site = {urldefrag(ref)[0] for ref in refs if ref.startswith(origin)}
    assert same_site, f"{url}: no links found"
    for ref in sorted(same_site):
        assert urlsplit(ref).path.startswith(PREFIX), f"{url}: {ref} is outside {PREFIX}"
        assert status_of(ref) == 200, f"{url}: {ref}"


@pytest.mark.parametrize("url", URLS)
def test_every_link_and_asset_a_page_holds_answers_under_the_prefix(practice_site, subpath_url, url):
    tree = LexborHTMLParser(page_html(practice_site, url))
    refs = [node.attributes.get("href") or node.attributes.get("src") or ""
            for node in tree.css(LINKING)]
    assert_same_site_and_answering(url, [urljoin(subpath_url + url, ref) for ref in refs], subpath_url)


def test_each_kind_of_page_is_opened_in_the_browser(practice_site):
    # Guards the test below: every language's home page, Get help now, self-assessment and embed
    # are kinds of their own, and several pages share the content pages' kind.
    opened = one_of_each_kind(practice_site)
    assert {"", "es/", "get-help-now/", "self-assessment/", "es/self-assessment/", "self-assessment-embed/"} <= set(opened), opened
    assert len(opened) < len(URLS) / 2, opened


@pytest.mark.browser
def test_one_page_of_each_kind_loads_with_all_its_scripts_ask_for_under_the_prefix(new_page, practice_site, subpath_url):
    # Every page's own links are read from its HTML above; in Chromium, one page of each kind (by
    # what its scripts do), with every request its scripts make and every link once they ran.
    for url in one_of_each_kind(practice_site):
        page, watch, response, failures = open_page(new_page, subpath_url, url)
        assert response.ok or url.endswith("404.html"), url
        assert not failures, (url, failures)
        assert not watch.console_errors, (url, watch.console_errors)
        assert_same_site_and_answering(url, page.evaluate(REFS), subpath_url)
        page.context.close()  # one page at a time; the fixture's close after the test is then a no-op


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
