"""The `/// publisher` block: who publishes the site, who reviewed it, and how to reach them."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from microsite.data import DataError
from microsite.publisher import PublisherExtension

PRACTICE = {"name": "Northside Coaching", "website": "https://northside.example/", "contact": None,
            "contact_url": None, "report_url": None, "reviewer": None, "next_review": None}


def render(source="/// publisher\n///\n", **practice) -> BeautifulSoup:
    html = markdown.markdown(source, extensions=[PublisherExtension(practice={**PRACTICE, **practice})])
    return BeautifulSoup(html, "html.parser")


def test_publisher_name_links_to_the_website():
    link = render().select_one(".publisher a")
    assert link.get_text() == "Northside Coaching" and link["href"] == "https://northside.example/"


def test_publisher_without_a_website_is_plain_text():
    p = render(website="").select_one(".publisher p")
    assert p.a is None and p.get_text() == "This site is published by Northside Coaching."


def test_reviewer_and_review_dates_are_shown_when_set():
    text = render(reviewer={"name": "Dr A. Rivera", "role": "clinical psychologist", "reviewed": "2026-11-30"},
                  next_review="2027-05-31").select_one(".publisher").get_text(" ")
    assert "reviewed by Dr A. Rivera, clinical psychologist on November 30, 2026" in text
    assert "next review is due by May 31, 2027" in text


def test_no_reviewer_no_review_sentence():
    assert "reviewed" not in render().select_one(".publisher").get_text()


@pytest.mark.parametrize(("contact", "href", "words"), [
    ("hello@northside.example", "mailto:hello@northside.example", "hello@northside.example"),
    ("https://northside.example/contact", "https://northside.example/contact", "contact page"),
])
def test_contact_leads_to_the_address_or_page(contact, href, words):
    link = render("/// publisher\n    show: contact\n///\n", contact=contact, contact_url=href).select_one(".publisher-contact a")
    assert (link["href"], link.get_text()) == (href, words)


def test_without_a_contact_it_leads_to_the_error_reports_and_warns_they_are_public():
    issues = "https://github.com/northside/site/issues/new"
    p = render("/// publisher\n    show: contact\n///\n", report_url=issues).select_one(".publisher-contact")
    assert p.a["href"] == issues
    assert "do not write anything private" in p.get_text()


def test_without_a_contact_or_error_reports_it_leads_to_the_website():
    link = render("/// publisher\n    show: contact\n///\n").select_one(".publisher-contact a")
    assert link["href"] == "https://northside.example/"


def test_an_unknown_option_fails_with_its_line():
    with pytest.raises(DataError, match="line 2: the block `/// publisher` was not understood: option show: 'everything'"):
        render("\n/// publisher\n    show: everything\n///\n")


def test_about_page_shows_the_publisher_and_how_to_report_an_error(site_dir):
    about = BeautifulSoup((site_dir / "about" / "index.html").read_text("utf-8"), "html.parser")
    assert about.select_one(".publisher a") is not None
    report = about.select_one("#report-an-error")
    assert report.find_next("p", class_="publisher-contact").a["href"]


HOSTILE_NAME = "*Bold* <b>Co</b> [x](https://evil.example) &"


@pytest.mark.parametrize("show", ["publisher", "contact", "interest"])
def test_the_practices_name_stays_text_in_every_form_of_the_block(show):
    html = render(f"/// publisher\n    show: {show}\n///\n", name=HOSTILE_NAME, website="")
    assert HOSTILE_NAME in html.get_text()
    assert html.find(["b", "em", "strong"]) is None
    assert not html.find("a", href="https://evil.example")
