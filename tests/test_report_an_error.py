""""Report an error" reaches a real place: the practice's contact, else the repository's issue
tracker (MkDocs' `repo_url`), else the About page's section on reporting an error."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from fixture_site import PRACTICE, inheriting_config, project_copy
from harness.sitebuild import html_pages
from microsite.i18n import words
from microsite.urls import new_issue_url

REPO = "https://github.com/northside/learn"


@pytest.mark.parametrize(("repo_url", "expected"), [
    (REPO, f"{REPO}/issues/new"),
    (f"{REPO}/", f"{REPO}/issues/new"),
    (f"{REPO}.git", f"{REPO}/issues/new"),
    ("https://gitlab.com/northside/sites/learn", "https://gitlab.com/northside/sites/learn/-/issues/new"),
    ("https://codeberg.org/northside/learn", "https://codeberg.org/northside/learn/issues/new"),
    ("https://git.northside.example/learn", None),  # a forge we do not know: no guess
    ("http://github.com/northside/learn", None),
    ("https://github.com/northside", None),  # an account, not a repository
    ("", None),
    (None, None),
])
def test_the_new_issue_page_of_a_repository(repo_url, expected):
    assert new_issue_url(repo_url) == expected


@pytest.fixture(scope="module")
def repo_site(build_once):
    def config(folder):
        path = inheriting_config(project_copy(folder), {k: v for k, v in PRACTICE.items() if k != "contact"})
        path.write_text(yaml.safe_dump({**yaml.safe_load(path.read_text("utf-8")), "repo_url": REPO}), "utf-8")
        return path

    return build_once("practice-with-repository", config)


def test_every_footer_reports_errors_to_the_repository_when_there_is_no_contact(repo_site):
    for page in html_pages(repo_site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        footer = soup.select_one(".md-copyright")
        if footer is None:  # the embed has no footer
            continue
        link = footer.find("a", string=words(soup.html["lang"]).gettext("Report an error"))
        assert link is not None and link["href"] == f"{REPO}/issues/new", page


def test_the_about_page_says_the_reports_are_public(repo_site):
    about = BeautifulSoup((repo_site / "about" / "index.html").read_text("utf-8"), "html.parser")
    contact = about.select_one("#report-an-error").find_next("p", class_="publisher-contact")
    assert contact.a["href"] == f"{REPO}/issues/new"
    assert "private" in contact.get_text()


def test_without_a_repository_or_contact_the_footer_leads_to_the_about_page(site_dir):
    footer = BeautifulSoup((site_dir / "faq" / "index.html").read_text("utf-8"), "html.parser").select_one(".md-copyright")
    assert footer.find("a", string="Report an error")["href"].endswith("about/#report-an-error")
