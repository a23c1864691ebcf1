"""Tables on a 375 px phone, in real Chromium: no word in any table cell is broken across two lines,
and no page with a table scrolls sideways."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from harness.browser import open_settled
from harness.sitebuild import docs_page_urls

WIDTH = 375
# Each word (a run of non-space characters) of each text node in a table cell: a word whose
# rectangles sit on more than one line box was broken mid-word.
BROKEN_WORDS = """() => {
    const broken = [];
    for (const cell of document.querySelectorAll('article table th, article table td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
                if (lines.size > 1) broken.push(match[0]);
            }
        }
    }
    return broken;
}"""


def pages_with_tables(site_dir) -> list[str]:
    found = []
    for url in docs_page_urls():
        html = site_dir / url / "index.html"
        if html.is_file() and BeautifulSoup(html.read_text("utf-8"), "html.parser").select("article table"):
            found.append(url)
    return found


@pytest.fixture
def page(new_page):
    return new_page(viewport={"width": WIDTH, "height": 740})[0]


def test_the_site_has_tables_to_check(site_dir):
    assert "differences/" in pages_with_tables(site_dir)


@pytest.mark.browser
def test_no_word_in_a_table_breaks_and_no_page_scrolls_sideways(page, base_url, site_dir):
    problems = {}
    for url in pages_with_tables(site_dir):
        open_settled(page, base_url + url)
        broken = page.evaluate(BROKEN_WORDS)
        scroll = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if broken or scroll > 0:
            problems[url] = {"broken words": broken, "sideways scroll (px)": scroll}
    assert not problems, problems


@pytest.mark.browser
def test_the_comparison_table_fits_without_scrolling_inside_itself(page, base_url):
    open_settled(page, base_url + "differences/")
    wrap = page.evaluate("""() => {
        const table = document.querySelector('.comparison table');
        const wrap = table.closest('.md-typeset__scrollwrap') || table.parentElement;
        return [wrap.scrollWidth, wrap.clientWidth];
    }""")
    assert wrap[0] <= wrap[1], f"the table scrolls inside its box: {wrap}"
