"""The `/// publisher` block names the practice from config, linked to its website."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from microsite.publisher import PublisherExtension


def render(**config) -> BeautifulSoup:
    html = markdown.markdown("/// publisher\n///\n", extensions=[PublisherExtension(**config)])
    return BeautifulSoup(html, "html.parser")


def test_publisher_name_links_to_the_website():
    link = render(name="Northside Coaching", website="https://northside.example/").select_one("p.publisher a")
    assert link.get_text() == "Northside Coaching" and link["href"] == "https://northside.example/"


def test_publisher_without_a_website_is_plain_text():
    p = render(name="Northside Coaching", website="").select_one("p.publisher")
    assert p.a is None and p.get_text() == "This site is published by Northside Coaching."


def test_about_page_shows_the_configured_publisher(site_dir):
    about = BeautifulSoup((site_dir / "about" / "index.html").read_text("utf-8"), "html.parser")
    assert about.select_one("p.publisher a") is not None
