"""The site in more than one language, as built: English at the root, Spanish under es/.

Every page says its language and links to itself in the other one; the Spanish interface holds no
English (its pages' own words are English for now, marked `lang="en"`); each language has its own
404 page, search index, sitemap and base address for Material's script; a practice can leave a
language out, and a language it names wrongly stops the build naming the file.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from fixture_site import PRACTICE, practice_config, project_copy
from harness.sitebuild import built_page, mkdocs_build, page_language, page_sources

# Words of the interface (ours, in the catalog, the blocks and the script's texts; Material's):
# on a Spanish page, none may show outside what is marked as another language's words.
ENGLISH_INTERFACE = (
    "Get help now", "Last reviewed", "Published by", "Reviewed by", "Report an error", "About and privacy",
    "for education only", "not a diagnosis", "Home", "Key differences", "Self-assessment", "Sources", "Therapy",
    "Switch to dark mode", "Switch to light mode", "Link to this section", "We can't find that page",
    "Questions people ask", "Ready to try coaching", "Book a session", "Skip to content", "Search",
    "Table of contents", "Previous", "Next", "Back", "Step", "Choose an answer", "See my result", "Link copied",
    "Need help now", "Emergency", "Every line", "In another country", "Anywhere else in the world", "Call ",
    "Text ", "Chat online", "Open:", "Languages:", "Source:", "checked", "If you or someone else is in danger",
    "What your answers may suggest", "How to score it yourself", "Print or save as PDF", "Change my answers",
    "Copy a link", "Clear my answers", "There is a problem", "Your answers", "Next steps", "Read more",
    "Find a licensed therapist", "Book a coaching session", "This site is published by", "Email us at",
    "If you need help right now", "Please reach out now", "website", "Otherwise", "or more", "your answers",
    "This is not a diagnosis", "What leads to this result", "Points for each answer", "Which result",
    "Select the link above", "Link to your answers", "points", "hours a day", "English", "Spanish",
    "More about these lines", "Its helplines", "published by", "reviewed by", "Help for:", "Not there?",
    "Elsewhere", "anywhere else in the world", "Your result", "Ask a doctor",
)
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "content")
JSON_TEXT = ("data-sa-text",)  # the words the block hands the script


def soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def interface_text(path) -> str:
    """What a Spanish page shows and says outside the parts marked as another language's words:
    its text, its labels and titles, and the texts it hands its scripts."""
    doc = soup(path)
    for node in doc.select("[lang]"):
        if node.decomposed:  # inside one taken out already
            continue
        if node.name != "html" and node.get("lang") != "es" and node.parent is not None:
            node.decompose()
    for node in doc(["script", "style", "svg", "title"]):  # a title holds the page's own title: its words
        node.decompose()
    for meta in doc.select("meta[property], meta[name]"):  # sharing text: the page's own title and description
        meta.decompose()
    parts = [doc.get_text(" ")]
    for node in doc.find_all(True):
        parts += [str(node[name]) for name in ATTRIBUTES if node.get(name)]
        for name in JSON_TEXT:
            if node.get(name):
                parts += [str(value) for value in json.loads(node[name]).values()]
    return " ".join(" ".join(parts).split())


def english_words(text: str) -> list[str]:
    return [word for word in ENGLISH_INTERFACE if re.search(rf"(?<![\w-]){re.escape(word.strip())}(?![\w-])", text)]


def spanish_pages(pages, site_dir):
    found = [page for page in pages if page_language(page.relative_to(site_dir)) == "es"]
    assert len(found) >= 11, found  # every page, the embed and the 404 page
    return found


def test_the_spanish_interface_has_no_english_word(pages, site_dir):
    for page in spanish_pages(pages, site_dir):
        assert english_words(interface_text(page)) == [], page.relative_to(site_dir)


def test_the_english_word_check_finds_an_english_word(site_dir, tmp_path):
    # Guards the test above: the check sees the interface, and not the page's marked English words.
    page = tmp_path / "page.html"
    doc = soup(site_dir / "es" / "faq" / "index.html")
    assert english_words(interface_text(site_dir / "es" / "faq" / "index.html")) == []
    assert doc.select_one("article [lang=en]")  # English words of the page's own are there, marked
    doc.select_one("header a.help-now").string = "Get help now"
    page.write_text(str(doc), "utf-8")
    assert english_words(interface_text(page)) == ["Get help now"]


def test_every_page_says_its_language_and_marks_the_words_of_another(pages, site_dir):
    written = {built_page(site_dir, p).relative_to(site_dir).as_posix() for p in page_sources("es")}
    for page in pages:
        rel = page.relative_to(site_dir)
        doc = soup(page)
        assert doc.html["lang"] == page_language(rel), rel
        if page_language(rel) == "es" and page.name == "index.html" and rel.as_posix() not in written:
            # A page not written in Spanish: its words are the English page's, marked so.
            assert doc.select_one("article [lang=en]"), rel
        if rel.as_posix() in written:  # written in Spanish: no wrapper marks its words as English
            assert not doc.select_one("article > div[lang]"), rel


def test_every_page_links_to_itself_in_each_language(pages, site_dir):
    for page in pages:
        rel = page.relative_to(site_dir).as_posix()
        if rel.endswith("404.html") or "self-assessment-embed" in rel:
            continue  # the 404 pages link to each language's pages; the embed has no header
        links = soup(page).select("header [data-languages] a[hreflang]")
        assert {link["hreflang"] for link in links} == {"en", "es"}, rel
        here = f"https://x/{rel}"
        path = rel.removeprefix("es/").removesuffix("index.html")
        targets = {link["hreflang"]: urljoin(here, link["href"]) for link in links}
        assert targets == {"en": f"https://x/{path}", "es": f"https://x/es/{path}"}, rel
        assert all(link["lang"] == link["hreflang"] for link in links)
        current = [link["hreflang"] for link in links if link.get("aria-current")]
        assert current == [page_language(rel)], rel


def test_each_language_has_its_own_404_page(site_dir):
    english, spanish = soup(site_dir / "404.html"), soup(site_dir / "es" / "404.html")
    assert english.html["lang"] == "en" and "We can't find that page" in english.get_text()
    assert spanish.html["lang"] == "es" and "No encontramos esa página" in spanish.get_text()
    # Links from the site's root (a 404 page is served at any depth), to the language's own pages.
    help_link = spanish.select_one("header a.help-now")["href"]
    assert help_link.endswith("/es/get-help-now/") and help_link.startswith("/"), help_link


def test_materials_script_sees_each_language_as_a_site_of_its_own(site_dir):
    def base(rel):
        return json.loads(soup(site_dir / rel).select_one("#__config").string)["base"]
    assert base("faq/index.html") == ".."
    assert base("es/faq/index.html") == "../../es/"
    assert base("es/index.html") == "../es/"
    assert base("es/404.html") == "/es/"


def test_each_language_has_its_own_search_index(site_dir):
    english = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    spanish = json.loads((site_dir / "es" / "search" / "search_index.json").read_text("utf-8"))
    assert english["config"]["lang"] == ["en"] and spanish["config"]["lang"] == ["es"]
    english_pages = {doc["location"].split("#")[0] for doc in english["docs"]}
    spanish_pages = {doc["location"].split("#")[0] for doc in spanish["docs"]}
    assert "faq/" in english_pages and english_pages == spanish_pages  # the same pages, from each root
    assert not any(doc["location"].startswith("es/") for doc in english["docs"] + spanish["docs"])
    assert len(spanish["docs"]) == len({json.dumps(doc, sort_keys=True) for doc in spanish["docs"]})


def test_each_language_has_a_sitemap_naming_every_language_of_each_page(site_dir):
    site_url = "https://www.example.org/"
    sitemaps = {lang: (site_dir / root / "sitemap.xml").read_text("utf-8") for lang, root in (("en", ""), ("es", "es/"))}
    for lang, text in sitemaps.items():
        locs = re.findall(r"<loc>(.*?)</loc>", text)
        assert len(locs) >= 9, lang
        assert all(loc.startswith(site_url + ("es/" if lang == "es" else "")) for loc in locs), locs
        assert "self-assessment-embed" not in text  # noindex
        assert f'hreflang="en" href="{site_url}faq/"' in text and f'hreflang="es" href="{site_url}es/faq/"' in text
        assert f'hreflang="x-default" href="{site_url}faq/"' in text
        assert gzip.decompress((site_dir / ("" if lang == "en" else "es") / "sitemap.xml.gz").read_bytes()).decode() == text
    assert not any("/es/" in loc for loc in re.findall(r"<loc>(.*?)</loc>", sitemaps["en"]))
    robots = (site_dir / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {site_url}sitemap.xml\n" in robots and f"Sitemap: {site_url}es/sitemap.xml\n" in robots


def test_the_embed_and_the_share_link_stay_in_the_language(site_dir):
    embed = soup(site_dir / "es" / "self-assessment-embed" / "index.html")
    share = embed.select_one("[data-sa-part=share-page]")
    assert share is not None and urljoin("https://x/es/self-assessment-embed/", share["href"]) == \
        "https://x/es/self-assessment/"
    assert embed.html["lang"] == "es"
    headers = (site_dir / "_headers").read_text("utf-8")
    assert "/es/self-assessment-embed/\n  Content-Security-Policy:" in headers


# --- a practice's choice of languages ---------------------------------------------------------------

@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("languages"))


def test_a_practice_can_leave_a_language_out(copy, tmp_path):
    practice_config(copy, {**PRACTICE, "languages": ["en"]})
    mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert (tmp_path / "site" / "faq" / "index.html").is_file()
    assert not (tmp_path / "site" / "es").exists()
    home = soup(tmp_path / "site" / "index.html")
    assert not home.select("[data-languages]")  # no switch with one language
    assert "es/sitemap.xml" not in (tmp_path / "site" / "robots.txt").read_text("utf-8")


@pytest.mark.parametrize(("languages", "expected"), [
    (["en", "fr"], "languages[1]: the site has no language 'fr'; expected some of: en, es"),
    (["es"], "languages: must include 'en', the default language"),
    (["EN"], "languages[0]: expected a list of language codes"),
])
def test_a_language_the_site_does_not_build_stops_the_build_naming_the_file(copy, tmp_path, languages, expected):
    practice_config(copy, {**PRACTICE, "languages": languages})
    result = mkdocs_build(copy / "mkdocs.yml", tmp_path / "site", check=False)
    assert result.returncode != 0 and f"practice/practice.yml: {expected}" in result.stderr, result.stderr


def test_a_language_without_a_catalog_stops_the_build_naming_it(copy, tmp_path):
    practice_config(copy, PRACTICE)
    config = copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("        - locale: es\n          name: Español\n",
                                   "        - locale: es\n          name: Español\n        - locale: fr\n          name: Français\n"),
                      "utf-8")
    try:
        result = mkdocs_build(config, tmp_path / "site", check=False)
    finally:
        config.write_text(text, "utf-8")
    assert result.returncode != 0 and "no interface catalog for the language 'fr'" in result.stderr, result.stderr
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
