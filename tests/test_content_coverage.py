"""Every point of the source article has a page, a heading and a stable anchor in the built site."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup

from article_points import POINTS, readme_table, site_path
from harness.sitebuild import ROOT


def test_the_article_has_seventeen_points_six_six_and_five():
    assert Counter(p.page for p in POINTS) == {"coaching.md": 6, "therapy.md": 6, "differences.md": 5}


def test_every_anchor_is_unique_on_its_page():
    assert len({(p.page, p.anchor) for p in POINTS}) == len(POINTS)


@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.anchor)
def test_anchor_is_written_explicitly_on_a_heading(point):
    # An explicit `{ #id }` keeps the link stable when someone rewords the heading.
    source = (ROOT / "docs" / point.page).read_text("utf-8")
    assert re.search(rf"^#{{2,4}} .+\{{ #{re.escape(point.anchor)} \}}$", source, re.M), point


@pytest.mark.parametrize("point", POINTS, ids=lambda p: p.anchor)
def test_anchor_is_a_heading_in_the_built_page(site_dir, point):
    soup = BeautifulSoup((site_dir / site_path(point.page)).read_text("utf-8"), "html.parser")
    target = soup.find(id=point.anchor)
    assert target is not None, f"{point.page}: no element with id {point.anchor!r}"
    assert target.name in ("h2", "h3", "h4"), f"{point.page}#{point.anchor} is a <{target.name}>"


def test_readme_anchor_table_matches_the_list():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert readme_table() in readme, "README.md anchor table is out of date: paste article_points.readme_table()"


CONTENT_PAGES = ("index.md", "coaching.md", "therapy.md", "differences.md", "faq.md",
                 "get-help-now.md", "sources.md", "about.md")


@pytest.mark.parametrize("page", CONTENT_PAGES)
def test_headings_do_not_skip_levels(site_dir, page):
    article = BeautifulSoup((site_dir / site_path(page)).read_text("utf-8"), "html.parser").select_one("article")
    levels = [int(h.name[1]) for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1, f"{page}: starts at h{levels[0]}"
    jumps = [(a, b) for a, b in pairwise(levels) if b > a + 1]
    assert not jumps, f"{page}: heading levels jump {jumps}"
