"""How every built page loads: nothing but stylesheets holds back the first paint.

Material's bundle stays where Material puts it, a plain script at the end of the body (deferred, it
ran after the first paint and held the main thread there: more blocking time, a later largest
paint), and runs before our modules, which need what it sets up (`document$`). The self-assessment's styles are in
the site's stylesheet, in the head of every page, so the questionnaire does not move when the script
starts, however the reader arrives.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

BUNDLE = "assets/javascripts/bundle."


def soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_material_bundle_ends_the_body_and_runs_before_our_modules(pages, site_dir):
    for page in pages:
        scripts = [s for s in soup(page).find_all("script") if s.get("src")]
        bundles = [s for s in scripts if BUNDLE in s["src"]]
        name = page.relative_to(site_dir)
        assert len(bundles) == 1, name
        assert not (bundles[0].has_attr("defer") or bundles[0].has_attr("async")), f"{name}: Material's bundle is deferred"
        assert bundles[0].find_parent("body"), f"{name}: Material's bundle is not in the body"
        # A module runs after the parse, so after a plain script met before it: the bundle comes first.
        modules = [s for s in scripts if s.get("type") == "module"]
        assert modules, name
        assert all(scripts.index(bundles[0]) < scripts.index(m) for m in modules), name


def test_no_script_in_the_head_waits_for_the_network(pages, site_dir):
    for page in pages:
        head = soup(page).head
        blocking = [s["src"] for s in head.find_all("script", src=True)
                    if not (s.has_attr("defer") or s.has_attr("async") or s.get("type") == "module")]
        assert blocking == [], f"{page.relative_to(site_dir)}: {blocking}"


def head_styles(page, site_dir):
    """The text of every stylesheet of ours the page's head links."""
    links = soup(page).head.select("link[rel=stylesheet][href]")
    # 404.html links from the site's root (it is served at any depth); other pages relatively.
    files = [(site_dir / link["href"].lstrip("/") if link["href"].startswith("/") else page.parent / link["href"]).resolve()
             for link in links]
    return "".join(f.read_text("utf-8") for f in files if f.is_relative_to(site_dir.resolve()) and f.is_file())


def test_the_self_assessment_is_styled_from_the_head_of_every_page(pages, site_dir):
    # In the site's stylesheet: a page reached by instant navigation is styled before its script runs.
    holders = [page for page in pages if soup(page).select_one('[data-module="self-assessment"]')]
    # The page and its embeddable copy, in each language.
    assert sorted(page.relative_to(site_dir).as_posix() for page in holders) == sorted(
        f"{root}{name}/index.html" for root in ("", "es/") for name in ("self-assessment", "self-assessment-embed"))
    for page in pages:
        styles = head_styles(page, site_dir)
        assert ".sa-option" in styles and ".sa-enhancing" in styles, page.relative_to(site_dir)
