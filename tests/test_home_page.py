"""The home page as a landing page: its paths, the crisis help, the practice's booking link only
where one is configured, the optional short name in the header; accessible at 320 and 1440 px."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from fixture_site import PRACTICE, practice_config, project_copy
from harness.browser import format_violations, open_settled, run_axe
from harness.sitebuild import mkdocs_build

BOOKING = "https://northside.example/book-a-call?from=guide&lang=en"
SHORT_NAME = "Northside <i>"


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@pytest.fixture(scope="module")
def practice_home(build_once):
    """The home page of a practice's build with a booking link and a short name."""
    site = build_once("practice-booking-short-name", lambda folder: practice_config(
        project_copy(folder), {**PRACTICE, "booking_url": BOOKING, "short_name": SHORT_NAME}))
    return soup(site / "index.html")


def test_home_uses_its_own_template_and_offers_every_path(site_dir):
    article = soup(site_dir / "index.html").select_one("article")
    paths = [a["href"] for a in article.select(".home-paths h3 a:not(.headerlink)")]
    assert paths == ["coaching/", "therapy/", "differences/", "self-assessment/"]


def test_the_question_and_the_short_answer_come_first(site_dir):
    article = soup(site_dir / "index.html").select_one("article")
    headings = [h.get("id") for h in article.find_all(["h1", "h2"])]
    assert headings[:2] == ["coach-or-therapist", "thirty-second-answer"]


def test_crisis_help_is_on_the_home_page_before_the_paths(site_dir):
    article = soup(site_dir / "index.html").select_one("article")
    crisis = article.select_one(".crisis-now")
    assert crisis is not None
    shown = crisis.select(".crisis-strip__region:not([hidden])")  # region US in mkdocs.yml
    assert [s["data-region"] for s in shown] == ["US"]
    assert [a["href"] for a in shown[0].select('a[href^="tel:"]')][0] == "tel:911"
    assert "Emergency (United States): call 911" in shown[0].get_text()
    assert "get-help-now/" in [a["href"] for a in crisis.find_all("a")]
    assert crisis.find_next("ul", class_="home-paths") is not None


def test_no_booking_link_without_a_booking_url(site_dir):
    assert soup(site_dir / "index.html").select_one(".home-booking") is None


def test_booking_link_when_configured(practice_home):
    booking = practice_home.select_one("article .home-booking")
    assert booking is not None
    assert booking.a["href"] == BOOKING
    assert PRACTICE["name"] in booking.a.get_text()
    # With the page's words, before the date it was last reviewed.
    assert booking.find_next(class_="page-reviewed") is not None


def test_the_header_shows_the_short_name_as_text(practice_home):
    name = practice_home.select_one(".md-header__topic .md-ellipsis")
    assert name.get_text(strip=True) == SHORT_NAME
    assert not name.find("i")


def test_the_header_shows_the_site_name_without_a_short_name(site_dir):
    name = soup(site_dir / "index.html").select_one(".md-header__topic .md-ellipsis")
    assert name.get_text(strip=True) == "Coaching or Therapy?"


@pytest.mark.parametrize("short_name", ["A name far too long for a phone's header", ""])
def test_a_bad_short_name_fails_the_build_naming_the_key(tmp_path, short_name):
    root = project_copy(tmp_path)
    result = mkdocs_build(practice_config(root, {**PRACTICE, "short_name": short_name}), root / "out", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "practice/practice.yml: short_name" in output and "at most 24 characters" in output, output


@pytest.fixture
def page(new_page, request):
    width, scheme = request.param
    return new_page(viewport={"width": width, "height": 800}, scheme=scheme)[0]


@pytest.mark.browser
@pytest.mark.parametrize("page", [pytest.param((w, s), id=f"{w}px-{s}") for w in (320, 1440) for s in ("light", "dark")],
                         indirect=True)
def test_home_reads_well_and_passes_axe(page, base_url):
    open_settled(page, base_url)
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for selector in ('.home-paths a[href$="self-assessment/"]', '.crisis-now a[href$="get-help-now/"]'):
        assert page.locator(selector).first.is_visible(), selector
    violations = run_axe(page)
    assert not violations, format_violations(violations)


@pytest.mark.browser
@pytest.mark.parametrize("page", [pytest.param((320, "light"), id="320px")], indirect=True)
def test_a_whole_card_leads_to_its_page(page, base_url):
    open_settled(page, base_url)
    card = page.locator(".home-paths > li").last
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 5, box["y"] + box["height"] - 5)  # a corner, not the words
    page.wait_for_url("**/self-assessment/")
