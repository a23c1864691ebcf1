"""Checks over every built HTML page: metadata, safety links and privacy (no other origins)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from harness.sitebuild import ROOT, our_site_values, page_language
from microsite.i18n import words

CONFIG = our_site_values()  # the site the suite builds (harness/our-site/practice.yml)
SITE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(CONFIG["site_url"]))


def soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def content_pages(pages, site_dir):
    """Pages readers land on (the 404 page has no canonical URL of its own)."""
    return [p for p in pages if p.name != "404.html"]  # each language's 404 page


def test_every_page_has_lang_title_description_canonical(pages, site_dir):
    for page in content_pages(pages, site_dir):
        doc = soup(page)
        name = page.relative_to(site_dir)
        assert doc.html.get("lang") == page_language(name), name
        assert doc.title and doc.title.string.strip(), name
        description = doc.find("meta", attrs={"name": "description"})
        assert description and len(description["content"].strip()) >= 40, name
        canonical = doc.find("link", rel="canonical")
        assert canonical and canonical["href"].startswith(CONFIG["site_url"]), name


def test_titles_are_unique(pages, site_dir):
    for lang in ("en", "es"):
        titles = [soup(p).title.string.strip() for p in content_pages(pages, site_dir)
                  if page_language(p.relative_to(site_dir)) == lang]
        assert len(titles) > 5 and len(titles) == len(set(titles)), titles


def test_sharing_tags_on_every_page(pages, site_dir):
    for page in content_pages(pages, site_dir):
        doc = soup(page)
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            tag = doc.find("meta", property=prop)
            assert tag and tag["content"].strip(), (page.relative_to(site_dir), prop)
        for name in ("twitter:card", "twitter:title", "twitter:description"):
            tag = doc.find("meta", attrs={"name": name})
            assert tag and tag["content"].strip(), (page.relative_to(site_dir), name)
        assert doc.find("meta", property="og:url")["content"] == doc.find("link", rel="canonical")["href"]


def test_pages_use_their_own_description(site_dir):
    home = soup(site_dir / "index.html").find("meta", attrs={"name": "description"})["content"]
    faq = soup(site_dir / "faq" / "index.html").find("meta", attrs={"name": "description"})["content"]
    assert home != faq


LOADED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src"}
LOADED_LINK_RELS = {"stylesheet", "preconnect", "preload", "prefetch", "dns-prefetch", "icon", "modulepreload"}


def loaded_urls(doc):
    for tag, attr in LOADED.items():
        for node in doc.find_all(tag):
            if node.get(attr):
                yield node[attr]
    for node in doc.find_all("link"):
        if LOADED_LINK_RELS & set(node.get("rel", [])):
            yield node["href"]


def test_no_resource_loaded_from_another_origin(pages, site_dir):
    for page in pages:
        for url in loaded_urls(soup(page)):
            parts = urlsplit(url)
            assert not parts.netloc and parts.scheme in ("", "data"), (page.relative_to(site_dir), url)


def test_help_link_in_header_of_every_page(pages, site_dir):
    for page in pages:
        doc = soup(page)
        if doc.find("meta", attrs={"name": "robots", "content": "noindex"}) and not doc.find("header"):
            continue  # the chrome-less embed shows crisis help in its body instead
        link = doc.select_one("header a.help-now")
        lang = page_language(page.relative_to(site_dir))
        assert link and link.get_text(strip=True) == words(lang).gettext("Get help now"), page.relative_to(site_dir)
        target = urljoin(f"https://x/{page.relative_to(site_dir).as_posix()}", link["href"])
        root = "" if lang == "en" else f"{lang}/"  # the help page in the page's own language
        assert target == f"https://x/{root}get-help-now/", (page.relative_to(site_dir), link["href"])


def test_footer_names_the_publisher_and_the_limits(pages, site_dir):
    practice_name = CONFIG["name"]
    for page in pages:
        footer = soup(page).find("footer")
        if footer is None:
            continue  # embed page: no footer by design, checked by its own tests
        text = " ".join(footer.get_text(" ").split())
        interface = words(page_language(page.relative_to(site_dir)))
        # Our own default name is a catalog message (a practice's own name is not, and stays as written).
        assert interface.gettext(practice_name) in text, page.relative_to(site_dir)
        limits = interface.gettext(
            "This site is for education only. It is not a diagnosis, medical advice, or a substitute for care "
            "from a qualified professional.")
        assert limits in text and ("not a diagnosis" in limits or "No es un diagnóstico" in limits), page


@pytest.mark.parametrize("needle", ["None", ">null<", "href=\"\"", "href=\"None\""])
def test_no_empty_values_leak_into_pages(pages, site_dir, needle):
    for page in pages:
        text = page.read_text("utf-8")
        if needle == "None":
            visible = soup(page).get_text(" ")
            assert " None " not in f" {visible} ", page.relative_to(site_dir)
        else:
            assert needle not in text, (page.relative_to(site_dir), needle)


def test_default_site_has_no_booking_button(pages, site_dir):
    # Without `booking_url` there is nothing to book: no booking block, no "Book a coaching" link.
    assert (site_dir / "self-assessment" / "index.html").is_file()
    for page in pages:
        doc = soup(page)
        assert not doc.select(".sa-booking"), page.relative_to(site_dir)
        links = [a.get_text(" ", strip=True) for a in doc.find_all("a")]
        assert not [text for text in links if text.lower().startswith("book")], (page.relative_to(site_dir), links)


def test_page_shows_last_reviewed_date(site_dir):
    for name in ("coaching", "therapy", "differences"):
        rel = f"{name}/index.html"
        reviewed = yaml.safe_load((ROOT / "docs" / f"{name}.md").read_text("utf-8").split("---")[1])["reviewed"]
        text = " ".join(soup(site_dir / rel).get_text(" ").split())
        assert f"Last reviewed {reviewed:%B} {reviewed.day}, {reviewed.year}" in text, rel
        # In Spanish, in Spanish words and order (Babel's, not the C library's %B).
        text = " ".join(soup(site_dir / "es" / rel).get_text(" ").split())
        assert f"Última revisión: {words('es').date(reviewed)}" in text and " de 20" in text, rel
