"""How every built page loads: nothing but stylesheets holds back the first paint.

Material's bundle is deferred (fetched after the stylesheets, run after parsing), and still runs
before our modules, which need what it sets up (`document$`). A page with the self-assessment
has its stylesheet in the head, so the questionnaire does not move when the script starts.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

BUNDLE = "assets/javascripts/bundle."


def soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_material_bundle_is_deferred_and_runs_before_our_modules(pages, site_dir):
    for page in pages:
        scripts = [s for s in soup(page).find_all("script") if s.get("src")]
        bundles = [s for s in scripts if BUNDLE in s["src"]]
        name = page.relative_to(site_dir)
        assert len(bundles) == 1, name
        assert bundles[0].has_attr("defer"), f"{name}: Material's bundle is not deferred"
        # Deferred classic scripts and modules run in document order: the bundle must come first.
        modules = [s for s in scripts if s.get("type") == "module"]
        assert modules, name
        assert all(scripts.index(bundles[0]) < scripts.index(m) for m in modules), name


def test_no_script_in_the_head_waits_for_the_network(pages, site_dir):
    for page in pages:
        head = soup(page).head
        blocking = [s["src"] for s in head.find_all("script", src=True)
                    if not (s.has_attr("defer") or s.has_attr("async") or s.get("type") == "module")]
        assert blocking == [], f"{page.relative_to(site_dir)}: {blocking}"


def test_self_assessment_pages_load_its_styles_in_the_head(pages, site_dir):
    holders = [page for page in pages if soup(page).select_one('[data-module="self-assessment"]')]
    assert len(holders) == 2, holders  # the page and its embeddable copy
    for page in holders:
        link = soup(page).head.select_one("link#sa-styles[rel=stylesheet]")
        assert link is not None, page.relative_to(site_dir)
        assert (page.parent / link["href"]).resolve() == (site_dir / "assets/stylesheets/self-assessment.css").resolve()


def test_other_pages_do_not_load_the_self_assessment_styles(pages, site_dir):
    for page in pages:
        doc = soup(page)
        if not doc.select_one('[data-module="self-assessment"]'):
            assert doc.select_one("link#sa-styles") is None, page.relative_to(site_dir)
