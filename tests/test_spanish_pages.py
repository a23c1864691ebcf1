"""The Spanish pages are the English pages in Spanish: the same pages, the same anchors (ids stay
the English ones, so a deep link works in both languages) and the same links, in the same order."""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from harness.sitebuild import built_page, page_sources

ENGLISH = page_sources()
SPANISH = page_sources("es")


def article(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")


def heading_ids(page) -> list[str]:
    return [h["id"] for h in page.select("h1, h2, h3, h4, h5, h6") if h.get("id")]


def link_targets(page) -> Counter:
    return Counter(a["href"] for a in page.select("a[href]") if "headerlink" not in (a.get("class") or []))


def spanish_of(english):
    return english.with_name(english.name.removesuffix(".md") + ".es.md")


def test_every_page_is_written_in_both_languages():
    assert [spanish_of(p) for p in ENGLISH] == SPANISH


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_the_spanish_page_has_the_same_anchors_and_links(site_dir, english):
    ours, theirs = (article(built_page(site_dir, p)) for p in (english, spanish_of(english)))
    assert heading_ids(theirs) == heading_ids(ours)
    assert link_targets(theirs) == link_targets(ours)


def test_the_comparison_finds_a_changed_anchor_and_a_missing_link():
    english = BeautifulSoup('<h2 id="a">A</h2><a href="sources/#x">x</a><a href="faq/">y</a>', "html.parser")
    spanish = BeautifulSoup('<h2 id="b">B</h2><a href="sources/#x">x</a>', "html.parser")
    assert heading_ids(spanish) != heading_ids(english)
    assert link_targets(english) - link_targets(spanish) == Counter({"faq/": 1})
