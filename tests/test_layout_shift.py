"""Nothing on any page moves while it loads (CLS 0), at phone and desktop sizes.

Material shows search and the palette toggle only once its script runs, and the self-assessment
script rearranges the questionnaire: each is a chance for the page to jump under the reader's
finger. The browser's own layout-shift entries are read after every script has finished.

On the phone size the CPU runs four times slower, as in Lighthouse's mobile run: the parser then
yields mid-page, and a page painted before all of its header is in would show a shift here. That
happens only now and then, so a second test makes it happen every time: the server pauses the page
at points inside the header, as a slow network may, and the browser paints what it has.
"""

from __future__ import annotations

import pytest

from harness.browser import VIEWPORTS
from harness.server import serve_site
from harness.sitebuild import docs_page_urls

# Every layout shift the page has had so far, with what moved.
SHIFTS_JS = """() => new Promise((resolve) => {
    const shifts = []
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            shifts.push({value: entry.value, moved: entry.sources.map((s) => (s.node ? s.node.nodeName + '.' + s.node.className : '?') + ' ' + JSON.stringify(s.previousRect) + ' -> ' + JSON.stringify(s.currentRect))})
        }
    }).observe({type: 'layout-shift', buffered: true})
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(shifts)))
})"""
# Material's script has run (it marks <html> and shows one palette toggle, where there is one), and
# so has ours, where the page holds the self-assessment.
SETTLED_JS = """() => document.documentElement.classList.contains('js')
    && [...document.querySelectorAll('[data-md-component="palette"]')].every(
        (form) => [...form.querySelectorAll('label')].some((label) => !label.hidden))
    && [...document.querySelectorAll('[data-module="self-assessment"]')].every(
        (root) => root.classList.contains('sa--js'))"""
PHONE_CPU_SLOWDOWN = 4
# Where a slow network may cut the header (bytes of the built, minified page): before the name, in
# the middle of it, just inside the help link, in the middle of its words, just after the header.
HEADER_CUTS = {
    "before the name": b"class=md-header__title",
    "inside the name": b"<span class=md-ellipsis> Coaching",
    "inside the help link": b"class=help-now href=../get-help-now/>",
    "inside its words": b"class=help-now href=../get-help-now/>Get",
    "after the header": b"</header>",
}


def shifts_while_loading(page, url: str) -> list[dict]:
    """Load `url`, wait until every script has run, and return the layout shifts the page had."""
    page.goto(url, wait_until="load")
    page.wait_for_function(SETTLED_JS)
    return page.evaluate(SHIFTS_JS)


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("url", docs_page_urls())
def test_nothing_moves_while_the_page_loads(new_page, base_url, url, viewport):
    page, watch = new_page(base_url, viewport=viewport)
    if viewport == "phone":
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
    shifts = shifts_while_loading(page, base_url + url)
    assert shifts == [], f"{url} ({viewport}) moved while loading: {shifts}"
    assert not watch.page_errors, watch.page_errors


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("cut", list(HEADER_CUTS))
def test_nothing_moves_when_the_page_arrives_cut_in_its_header(new_page, site_dir, cut, viewport):
    url = "sources/"
    assert HEADER_CUTS[cut] in (site_dir / url / "index.html").read_bytes(), f"the page no longer holds {HEADER_CUTS[cut]!r}"
    with serve_site(site_dir, pause_after=HEADER_CUTS[cut]) as base_url:
        page, watch = new_page(base_url, viewport=viewport)
        shifts = shifts_while_loading(page, base_url + url)
    assert shifts == [], f"{url} ({viewport}), cut {cut}, moved while loading: {shifts}"
    assert not watch.page_errors, watch.page_errors
