"""Nothing on any page moves while it loads (CLS 0), at phone and desktop sizes.

Material shows search and the palette toggle only once its script runs, and the self-assessment
script rearranges the questionnaire: each is a chance for the page to jump under the reader's
finger. A slow network or a slow phone makes the browser paint a page before all of it is in, at
any point. So the tests make those paints happen, every time: the server holds each page at a cut
(in the middle of its content; before its last byte, so that everything is painted before any of
its scripts runs; at six points in the header), the browser paints what it has, then
the rest comes, and the browser's own layout-shift entries are read once every script has run.
"""

from __future__ import annotations

import pytest

from harness.browser import VIEWPORTS, paired_with_sizes, settle
from harness.server import serve
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
# Two frames rendered: what the browser has of the page is on the screen.
PAINTED_JS = "() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))))"
# Where a slow network may cut the header (bytes of the built, minified page): before the name, in
# the middle of it, just inside the help link, in the middle of its words, inside the language
# button (before its icon), just after the header.
HEADER_CUTS = {
    "before the name": b"class=md-header__title",
    "inside the name": b"<span class=md-ellipsis> Coaching",
    "inside the help link": b"class=help-now href=../get-help-now/>",
    "inside its words": b"class=help-now href=../get-help-now/>Get",
    "inside the language button": b'aria-label="Select language" class="md-header__button md-icon">',
    "after the header": b"</header>",
}
# Where every page is cut: the bytes up to the cut, from the page itself.
PAGE_CUTS = {
    "in the middle of its content": lambda html: html[:(html.index(b"<article") + html.index(b"</article>")) // 2],
    "before its last byte": lambda html: html[:-1],
}


def shifts_when_cut(new_page, site_dir, path: str, cut: bytes, viewport: str) -> tuple[list[dict], list[str]]:
    """Load `path` from a server that holds it after `cut`; once the browser has painted that much,
    let the rest come, wait until every script has run, and return the layout shifts and the page's
    errors."""
    with serve(site_dir, pause_after=cut) as served:
        page, watch = new_page(served.url, viewport=viewport)
        page.goto(served.url + path, wait_until="commit")
        assert served.held.wait(10), f"{path}: the server never reached the cut"
        assert page.evaluate(PAINTED_JS)
        served.resume.set()
        settle(page)
        return page.evaluate(SHIFTS_JS), watch.page_errors


# Each page cut at each point once and seen at each size once, alternating (pairwise).
PAGE_CASES = paired_with_sizes(docs_page_urls(), list(PAGE_CUTS))


@pytest.mark.browser
@pytest.mark.parametrize(("url", "cut", "viewport"), PAGE_CASES, ids=["-".join(case) for case in PAGE_CASES])
def test_nothing_moves_while_the_page_loads(new_page, site_dir, url, cut, viewport):
    html = (site_dir / url / "index.html").read_bytes()
    shifts, errors = shifts_when_cut(new_page, site_dir, url, PAGE_CUTS[cut](html), viewport)
    assert shifts == [], f"{url} ({viewport}), cut {cut}, moved while loading: {shifts}"
    assert not errors, errors


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("cut", list(HEADER_CUTS))
def test_nothing_moves_when_the_page_arrives_cut_in_its_header(new_page, site_dir, cut, viewport):
    url = "sources/"
    assert HEADER_CUTS[cut] in (site_dir / url / "index.html").read_bytes(), f"the page no longer holds {HEADER_CUTS[cut]!r}"
    shifts, errors = shifts_when_cut(new_page, site_dir, url, HEADER_CUTS[cut], viewport)
    assert shifts == [], f"{url} ({viewport}), cut {cut}, moved while loading: {shifts}"
    assert not errors, errors
