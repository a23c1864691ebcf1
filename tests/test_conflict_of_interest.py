"""The publisher's conflict of interest is said where the reader judges the advice: on About, and
next to every booking action, naming the practice (from its practice block)."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup

from fixture_site import PRACTICE
from harness.sitebuild import html_pages
from microsite.i18n import words
from microsite.publisher import interest_statement

EN = words("en")


def soup(page) -> BeautifulSoup:
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def test_the_statement_names_the_publisher_and_what_it_gains():
    text = interest_statement("Northside Coaching Studio", EN)
    assert "Northside Coaching Studio" in text and "coaching" in text and "book" in text


def test_every_booking_action_has_the_statement_beside_it(practice_site):
    found = 0
    for page in html_pages(practice_site):
        html = soup(page)
        said = words(html.html["lang"])  # each language's page says it in its language
        for link in html.find_all("a", href=PRACTICE["booking_url"]):
            holder = link.find_parent("p")
            beside = holder.find_next_sibling() if holder else None
            assert beside is not None and beside.get_text(" ", strip=True) == interest_statement(PRACTICE["name"], said), \
                (page, str(holder)[:200])
            found += 1
    assert found >= 2, "the home page and the self-assessment's results both offer booking"


def test_no_statement_about_booking_where_there_is_no_booking(site_dir):
    statement = interest_statement("Coaching or Therapy?", EN)
    for page in html_pages(site_dir):
        assert statement not in page.read_text("utf-8"), page
    about = soup(site_dir / "about" / "index.html").select_one(".publisher-interest")
    assert about.get_text() == interest_statement("Coaching or Therapy?", EN, booking=False)


def test_the_about_page_says_it_in_its_conflict_of_interest_section(practice_site):
    about = soup(practice_site / "about" / "index.html")
    section = about.select_one("#conflict-of-interest")
    assert section.find_next("p", class_="publisher-interest").get_text() == interest_statement(PRACTICE["name"], EN)


TRUST_PAGES = ("editorial-policy", "accessibility", "complaints", "what-happens-when-you-call")


def test_the_trust_pages_are_linked_from_about_and_every_footer(site_dir):
    about = soup(site_dir / "about" / "index.html").select_one("article")
    for name in TRUST_PAGES:
        assert about.find("a", href=lambda href, name=name: bool(href) and href.rstrip("/").endswith(name)), name
    for page in html_pages(site_dir):
        footer = soup(page).select_one(".md-copyright")
        if footer is None:  # the embed has no footer
            continue
        here = f"http://site/{page.relative_to(site_dir).as_posix()}"
        hrefs = [urljoin(here, a["href"]).removesuffix("index.html").rstrip("/") for a in footer.find_all("a")]
        assert all(any(href.endswith(name) for href in hrefs) for name in TRUST_PAGES), (page, hrefs)
