"""A practice's own values reach every place they belong, and the defaults reach none.

Built twice, once per way values reach the build (a practice's own folder, `practice/practice.yml`,
or our mkdocs.yml's `extra.practice` edited); bad values fail the build with a message that names
the file, the key and what was expected.
"""

from __future__ import annotations

import gzip
import json

import pytest
from bs4 import BeautifulSoup

from fixture_site import PRACTICE, SITE_URL, edited_config, practice_config, project_copy, shared_practice
from harness.server import parse_headers_file
from harness.sitebuild import html_pages, mkdocs_build, our_site_values

OURS = our_site_values()
DEFAULT_URLS = {OURS["site_url"], OURS["website"]}


@pytest.fixture(scope="module", params=["practice-folder", "edited"])
def practice_site(request, build_once):
    if request.param == "practice-folder":
        return build_once("practice", shared_practice)  # the build tests/conftest.py shares
    return build_once("practice-edited", lambda folder: edited_config(project_copy(folder)))


def soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_no_default_url_anywhere(practice_site):
    for path in sorted(p for p in practice_site.rglob("*") if p.is_file() and p.suffix in {".html", ".xml", ".txt", ""}):
        text = path.read_text("utf-8", errors="replace")
        for url in DEFAULT_URLS:
            assert url not in text, f"{path.relative_to(practice_site)} still has {url}"


def test_footer_names_and_links_the_practice_on_every_page(practice_site):
    for page in html_pages(practice_site):
        if "data-embed-origins" in page.read_text("utf-8"):
            continue  # the chrome-less embed has no footer
        footer = soup(page).select_one(".md-copyright__highlight")
        assert footer is not None, page
        link = footer.find("a")
        assert (link.get_text(strip=True), link["href"]) == (PRACTICE["name"], PRACTICE["website"]), page


def test_header_logo_is_the_practice_logo_linking_to_its_website(practice_site):
    for page in html_pages(practice_site):
        logo = soup(page).select_one("a.md-logo")
        if logo is None:  # chrome-less pages (the embed) have no header
            continue
        assert logo["href"] == PRACTICE["website"], page
        assert PRACTICE["name"] in logo["aria-label"], page
        assert logo.img and logo.img["src"].endswith(PRACTICE["logo"]), page


def test_about_page_names_the_practice(practice_site):
    about = soup(practice_site / "about" / "index.html").select_one("article")
    assert PRACTICE["name"] in about.get_text(), "About page does not name the practice"
    assert about.find("a", href=PRACTICE["website"]) is not None


def test_crisis_help_leads_with_the_configured_region(practice_site):
    regions = [s["id"] for s in soup(practice_site / "get-help-now" / "index.html").select(".crisis-region")]
    assert regions[0] == "region-gb", regions
    assert "region-us" in regions  # every region is still listed, after the configured one


def test_self_assessment_offers_the_booking_link(practice_site):
    assert PRACTICE["booking_url"] in (practice_site / "self-assessment" / "index.html").read_text("utf-8")


def test_urls_use_the_configured_site_url(practice_site):
    sitemap = (practice_site / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{SITE_URL}</loc>" in sitemap and f"<loc>{SITE_URL}faq/</loc>" in sitemap
    assert gzip.decompress((practice_site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (practice_site / "robots.txt").read_text("utf-8")
    faq = soup(practice_site / "faq" / "index.html")
    assert faq.find("link", rel="canonical")["href"] == f"{SITE_URL}faq/"
    assert faq.find("meta", property="og:image")["content"] == f"{SITE_URL}assets/images/share.png"
    home = soup(practice_site / "index.html")
    website = [json.loads(s.string) for s in home.find_all("script", type="application/ld+json")]
    assert [w["url"] for w in website if w["@type"] == "WebSite"] == [SITE_URL]
    assert website[0]["publisher"]["name"] == PRACTICE["name"]


def test_only_the_embed_origin_may_frame_the_embed(practice_site):
    rules = dict(parse_headers_file(practice_site / "_headers"))  # the site is under /learn/: so is every rule
    assert all(pattern.startswith("/learn/") for pattern in rules), list(rules)
    embed_policy = dict(rules["/learn/self-assessment-embed/"])["Content-Security-Policy"]
    assert "frame-ancestors https://northside.example" in embed_policy
    assert "/learn/" not in rules and dict(rules["/learn/*"])["X-Frame-Options"] == "DENY"  # no other page framed
    assert "frame-ancestors" not in (practice_site / "index.html").read_text("utf-8")  # a meta policy cannot say
    embed = soup(practice_site / "self-assessment-embed" / "index.html")
    assert json.loads(embed.find(attrs={"data-embed-origins": True})["data-embed-origins"]) == PRACTICE["embed_origins"]


# --- bad input ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bare_copy(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("bad-practice"))


@pytest.mark.parametrize(("how", "source"), [(practice_config, "practice/practice.yml"),
                                             (edited_config, "mkdocs.yml extra.practice")], ids=["practice-folder", "edited"])
@pytest.mark.parametrize(("key", "value", "expected"), [
    ("region", "ZZ", "expected one of: AU, CA, GB, IE, US"),
    ("embed_origins", ["http://northside.example"], "https:// origins"),
    ("embed_origins", ["https://northside.example/learn"], "no path"),
    ("booking_url", "ftp://northside.example/book", "http:// or https:// URL"),
    ("booking_url", "javascript:alert(1)", "http:// or https:// URL"),
    ("logo", "assets/images/missing.svg", "'assets/images/missing.svg': the file does not exist"),
    ("logo", "assets/images/logo.txt", "image file under docs/"),
])
def test_bad_value_fails_the_build_naming_the_file_and_key(bare_copy, how, source, key, value, expected):
    config = how(bare_copy, {**PRACTICE, key: value})
    result = mkdocs_build(config, bare_copy / "out", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{key}={value!r} built"
    assert f"{source}: {key}" in output, output
    assert expected in output, output


def test_good_values_build_from_the_same_copy(bare_copy):
    # Guards the test above: the copy builds, so each failure comes from the bad value.
    result = mkdocs_build(practice_config(bare_copy), bare_copy / "out-good", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
