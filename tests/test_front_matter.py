"""Every page declares a description and the date it was last reviewed, and shows that date."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from bs4 import BeautifulSoup

from harness.sitebuild import LANGUAGE_ROOTS, built_page, page_sources
from microsite.freshness import PAGE_DAYS

PAGES = page_sources()  # in the default language; the date and names are written in English
SOURCES = [page for lang in LANGUAGE_ROOTS for page in page_sources(None if not LANGUAGE_ROOTS[lang] else lang)]


def front_matter(path) -> dict:
    text = path.read_text("utf-8")
    assert text.startswith("---\n"), f"{path.name}: no front matter"
    return yaml.safe_load(text[4:].split("\n---", 1)[0]) or {}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_page_has_a_description(path):
    description = front_matter(path).get("description")
    assert isinstance(description, str) and len(description.strip()) >= 20, f"{path.name}: description"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_page_has_a_reviewed_date_that_is_not_in_the_future(path):
    reviewed = front_matter(path).get("reviewed")
    assert isinstance(reviewed, dt.date), f"{path.name}: reviewed must be YYYY-MM-DD, got {reviewed!r}"
    assert reviewed <= dt.date.today(), f"{path.name}: reviewed date {reviewed} is in the future"


def review_line(site_dir, path):
    """The built page's line under its words: who wrote and reviewed it, and when."""
    return BeautifulSoup(built_page(site_dir, path).read_text("utf-8"), "html.parser").select_one(".page-reviewed")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_built_page_shows_the_reviewed_date(site_dir, path):
    shown = review_line(site_dir, path).select_one("time")
    reviewed = front_matter(path)["reviewed"]
    assert shown is not None, f"{path.name}: no review date on the page"
    assert shown["datetime"] == reviewed.isoformat()
    assert shown.get_text() == f"{reviewed:%B} {reviewed.day}, {reviewed.year}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_built_page_says_who_wrote_it_and_when_it_is_next_reviewed(site_dir, path):
    line = review_line(site_dir, path)
    reviewed = front_matter(path)["reviewed"]
    assert "Written by Coaching or Therapy?." in line.get_text(" ", strip=True), path.name
    next_review = line.select("time")[1]
    assert next_review["datetime"] == (reviewed + dt.timedelta(days=PAGE_DAYS)).isoformat()  # no practice next_review
