"""Every page in real Chromium: light and dark, phone and desktop.

Each page is opened twice, in each scheme once and at each size once; which scheme goes with which
size alternates from page to page, so the shared parts of every page (the header, the navigation,
the footer) are seen in all four pairs, and each page's own content in both schemes and both sizes
(pairwise: half the loads of every page in every pair).

axe-core finds no violations, nothing is logged as an error, nothing is requested from another
origin, and "Get help now" in the page's language is reachable from the top of the page with the
keyboard alone. Served with the site's own `_headers`, no page breaks its Content-Security-Policy,
from its first script to a search (used at the desktop size, where the search box is in the
header; its web worker is a script of its own).
"""

from __future__ import annotations

import pytest

from harness.browser import (
    SCHEMES,
    VIEWPORTS,
    format_violations,
    listen_for_violations,
    open_settled,
    paired_with_sizes,
    policy_violations,
    run_axe,
    search,
)
from harness.sitebuild import docs_page_urls

MAX_TABS_TO_HELP = 8
URLS = docs_page_urls() + ["404.html"]
# Every page in both languages (the Spanish interface has longer words in the header and blocks).
ALL_URLS = URLS + [f"es/{url}" for url in URLS]
CASES = paired_with_sizes(ALL_URLS, SCHEMES)


@pytest.mark.browser
@pytest.mark.parametrize(("url", "scheme", "viewport"), CASES, ids=["-".join(case) for case in CASES])
def test_page_in_browser(new_page, base_url, url, scheme, viewport):
    page, watch = new_page(base_url, scheme=scheme, viewport=viewport)
    listen_for_violations(page)
    response = open_settled(page, base_url + url)
    assert response is not None and (response.ok or url.endswith("404.html")), url
    actual = page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
    assert actual == (scheme == "dark")
    violations = run_axe(page)
    assert not violations, f"{url} {scheme} {viewport}:\n{format_violations(violations)}"
    if page.locator(".md-header").count():  # the chrome-less embed shows crisis help in its body instead
        help_link_reachable_by_keyboard(page, url)
    if viewport == "desktop" and page.locator("input.md-search__input").count():  # the embed has no search
        search(page, "coach")
    assert policy_violations(page) == [], url
    assert not watch.console_errors, watch.console_errors
    assert not watch.page_errors, watch.page_errors
    assert not watch.other_origin_requests, watch.other_origin_requests


def tab_to_help_link(page) -> int | None:
    """Press Tab from the top of the page until the help link has focus; return the count."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for count in range(1, MAX_TABS_TO_HELP + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('help-now')"):
            return count
    return None


def help_root(url: str) -> str:
    """Where the help page of `url`'s language lives."""
    return "/es/" if url.startswith("es/") else "/"


def help_link_reachable_by_keyboard(page, url: str) -> None:
    """From the top of the page, a few Tab presses reach a visible link to Get help now in the
    page's own language."""
    tabs = tab_to_help_link(page)
    assert tabs is not None, f"{url}: help link not reached in {MAX_TABS_TO_HELP} Tab presses"
    assert page.locator("a.help-now").is_visible()
    target = page.evaluate("() => new URL(document.activeElement.href).pathname")
    assert target == f"{help_root(url)}get-help-now/", f"{url}: the help link leads to {target}"


def test_a_page_without_the_header_shows_crisis_help_in_its_body(site_dir):
    chromeless = {url: html for url in ALL_URLS if not url.endswith(".html")
                  for html in [(site_dir / url / "index.html").read_text("utf-8")] if "md-header" not in html}
    assert chromeless, "expected the embed among the pages without the site's header"
    for url, html in chromeless.items():
        assert "crisis-help" in html, url


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("url", ["", "es/"])
def test_help_link_opens_get_help_now_with_the_keyboard(new_page, base_url, url, viewport):
    # Every page's link is reached by keyboard in test_page_in_browser; here Enter follows it.
    page, _ = new_page(base_url, viewport=viewport)
    page.goto(base_url + url)
    help_link_reachable_by_keyboard(page, url)
    # Wait for the whole navigation (the crisis page links to itself too): closing a page while
    # a navigation is still in flight can hang the browser.
    with page.expect_navigation(url=f"**{help_root(url)}get-help-now/", wait_until="load"):
        page.keyboard.press("Enter")
