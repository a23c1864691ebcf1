"""Search engines and link previews: sitemap, robots.txt, structured data, share image, 404 page."""

from __future__ import annotations

import json
import struct

from bs4 import BeautifulSoup

from harness.sitebuild import our_site_values
from microsite.robots import main as robots_main
from microsite.robots import robots_txt
from microsite.seo import faq_entries, faq_page_json_ld

CONFIG = our_site_values()  # the site the suite builds (harness/our-site/practice.yml)
SITE_URL = CONFIG["site_url"]


def soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def json_ld(path) -> list[dict]:
    return [json.loads(s.string) for s in soup(path).find_all("script", type="application/ld+json")]


def test_sitemap_lists_pages_at_the_configured_url(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{SITE_URL}</loc>" in sitemap
    assert f"<loc>{SITE_URL}faq/</loc>" in sitemap


def test_robots_txt_points_at_the_sitemap(site_dir):
    robots = (site_dir / "robots.txt").read_text("utf-8").splitlines()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots
    assert "User-agent: *" in robots and "Disallow: /" not in robots


def test_home_page_has_website_data(site_dir):
    (website,) = [d for d in json_ld(site_dir / "index.html") if d["@type"] == "WebSite"]
    assert website["@context"] == "https://schema.org"
    assert website["url"] == SITE_URL and website["name"] == CONFIG["site_name"]
    assert website["publisher"]["name"] == CONFIG["name"]


def test_faq_data_matches_the_questions_on_the_page(site_dir):
    page = site_dir / "faq" / "index.html"
    (faq,) = [d for d in json_ld(page) if d["@type"] == "FAQPage"]
    questions = [h.get_text(" ", strip=True).removesuffix("¶").strip()
                 for h in soup(page).select("article h2, article h3") if h.get_text(strip=True).rstrip("¶").endswith("?")]
    assert questions, "the FAQ page has no questions (h2 or h3 ending in '?')"
    assert [q["name"] for q in faq["mainEntity"]] == questions
    for entry in faq["mainEntity"]:
        assert entry["@type"] == "Question" and entry["acceptedAnswer"]["@type"] == "Answer"
        assert len(entry["acceptedAnswer"]["text"]) >= 20, entry


def test_structured_data_only_where_it_belongs(site_dir, pages):
    for page in pages:
        types = [d["@type"] for d in json_ld(page)]
        rel = page.relative_to(site_dir).as_posix()
        expected = {"index.html": ["WebSite"], "faq/index.html": ["FAQPage"]}.get(rel.removeprefix("es/"), [])
        assert types == expected, rel


def test_faq_entries_take_questions_and_their_answers():
    html = """<h1>FAQ</h1><p>Intro.</p>
    <h2 id="a">Can a coach diagnose me?<a class="headerlink" href="#a">¶</a></h2>
    <p>No. Only a <a href="x">licensed</a> professional can.</p><ul><li>Ask them.</li></ul>
    <h2>More reading</h2><p>Not a question.</p>
    <h3>Is it private?</h3><p>Mostly &amp; usually.</p><script>ignored()</script>
    <h2>Empty?</h2>"""
    assert faq_entries(html) == [
        ("Can a coach diagnose me?", "No. Only a licensed professional can. Ask them."),
        ("Is it private?", "Mostly & usually."),
    ]
    assert faq_page_json_ld("<h2>Not a question</h2><p>x</p>") is None


def test_every_page_shares_the_default_image(site_dir, pages):
    image = site_dir / "assets" / "images" / "share.png"
    header = image.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1200, 630)
    for page in pages:
        doc = soup(page)
        assert doc.find("meta", property="og:image")["content"] == f"{SITE_URL}assets/images/share.png", page
        assert doc.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image", page


def test_404_page_helps_the_reader_on(site_dir):
    doc = soup(site_dir / "404.html")
    article = doc.select_one("article")
    assert "can't find" in article.get_text()
    help_links = [a["href"] for a in article.find_all("a") if "Get help now" in a.get_text()]
    assert help_links == ["/get-help-now/"]  # absolute: the 404 page is served at any depth
    assert doc.select_one("a.help-now")["href"] == "/get-help-now/"


def test_embed_page_is_kept_out_of_search_and_the_sitemap(site_dir):
    embed = soup(site_dir / "self-assessment-embed" / "index.html")
    assert embed.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "self-assessment-embed/" not in (site_dir / "sitemap.xml").read_text("utf-8")
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("self-assessment-embed/")]


def test_robots_honours_a_sub_path(tmp_path):
    assert robots_txt("https://northside.example/learn/").splitlines()[-1] == \
        "Sitemap: https://northside.example/learn/sitemap.xml"
    assert robots_main([str(tmp_path), "https://northside.example/learn"]) == 0
    assert (tmp_path / "robots.txt").read_text() == robots_txt("https://northside.example/learn/")
    assert robots_main([str(tmp_path), "northside.example"]) == 2
    assert "Sitemap" not in robots_txt(None)  # no address, no sitemap line to point at
