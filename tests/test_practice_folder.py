"""A practice's own folder: its pages and images beside ours, its mistakes answered with messages
that fix them, its sub-path in `_headers`, the folder a host publishes, the command that starts
it, and the check that runs before it is published."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from fixture_site import PRACTICE, SITE_URL, practice_config, project_copy, write_practice_file
from harness.practice_check import main as practice_check
from harness.practice_check import pages_in_browser
from harness.sitebuild import ROOT, mkdocs_build
from microsite.brand import resolve_brand
from microsite.contrast import contrast_ratio, hue, parse_hex
from microsite.headers import cloudflare_regex, netlify_regex, repeated_header, served_paths, site_path
from microsite.init_practice import main as init_practice
from microsite.publish import lay_out
from microsite.site import KEPT_PAGES

PAGE = "---\ndescription: Who coaches at Northside.\nreviewed: 2026-11-30\n---\n\n# Our coaches\n\nSam and Alex.\n"


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("practice-folder"))


def build(root: Path, values: dict | str, env: dict | None = None) -> str:
    """Build with `values` as the practice's file; return the output (the build must fail)."""
    practice_config(root, {})
    write_practice_file(root, values)
    result = mkdocs_build(root / "mkdocs.yml", root / "out", check=False, env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    return output


def practice_text(**extra: str) -> str:
    return yaml.safe_dump({"site_url": SITE_URL, **PRACTICE}, sort_keys=False) + "".join(extra.values())


# --- messages that fix the mistake ----------------------------------------------------------------

@pytest.mark.parametrize("written", ['colors:\n  primary: #0b6e4f\n', 'colors:\n  primary: ""\n',
                                     'colors:\n  primary: "#1d5c57"\n  dark: {link: }\n'])
def test_an_empty_or_unquoted_colour_says_to_quote_it(copy, written):
    output = build(copy, practice_text(colors=written))
    assert "practice/practice.yml: colors." in output and "write the colour in quotes" in output, output
    if "#0b6e4f" in written:  # the colour YAML read as a comment is quoted back
        assert 'e.g. primary: "#0b6e4f"' in output, output


def test_a_colour_under_its_contrast_gets_the_nearest_passing_colour_of_its_hue(copy):
    output = build(copy, practice_text(colors='colors:\n  primary: "#f2a900"\n'))
    assert "practice/practice.yml: colors: too little contrast" in output, output
    suggested = output.split('colors.primary: "')[1][:7]
    assert suggested != "#f2a900"
    resolve_brand({"primary": suggested, "accent": "#a3471b", "dark": {}})  # it passes
    assert abs(hue(parse_hex(suggested)) - hue(parse_hex("#f2a900"))) <= 2  # the same hue
    assert contrast_ratio(parse_hex(suggested), (255, 255, 255)) < 7  # and near: not simply black


def test_a_missing_logo_says_the_file_does_not_exist(copy):
    output = build(copy, {"site_url": SITE_URL, **PRACTICE, "logo": "assets/images/no-such-logo.svg"})
    assert ("practice/practice.yml: logo: 'assets/images/no-such-logo.svg': the file does not exist "
            "(looked in ") in output, output


@pytest.mark.parametrize(("values", "expected"), [
    ({"short_name": "Northside Coaching Studios"}, "short_name: expected a short plain-text name of at most 24 "
     "characters, or nothing, got 'Northside Coaching Studios' (26 characters long, at most 24)"),
    ({"short_name": "Transformational"}, "short_name: 'Transformational': the word 'Transformational' is 16 "
     "characters long, and the header on a phone (320 px) fits words of at most 10"),
    ({"site_name": "N" * 81}, "site_name: 'NNNN"),
])
def test_limits_give_the_length(copy, values, expected):
    output = build(copy, {"site_url": SITE_URL, **PRACTICE, **values})
    assert f"practice/practice.yml: {expected}" in output, output
    if "site_name" in values:
        assert "is 81 characters long, at most 80" in output, output


def test_a_name_with_a_word_too_wide_for_a_phone_builds_and_says_so(tmp_path):
    root = project_copy(tmp_path)
    result = mkdocs_build(practice_config(root, {**PRACTICE, "name": "Psychotherapeutical Coaching"}), root / "site")
    assert ("practice/practice.yml: name: 'Psychotherapeutical Coaching': the word 'Psychotherapeutical' is 19 "
            "characters long, and the header on a phone (320 px) fits words of at most 10; set a short_name") in result.stderr


def test_pages_and_hide_name_what_is_missing(copy):
    output = build(copy, {"site_url": SITE_URL, **PRACTICE, "pages": [{"Our coaches": "coaches.md"}]})
    assert "practice/practice.yml: pages[0]: Our coaches: the file practice/docs/coaches.md does not exist" in output
    output = build(copy, {"site_url": SITE_URL, **PRACTICE, "hide": ["faqs.md"]})
    assert "practice/practice.yml: hide[0]: 'faqs.md' is not one of our pages" in output, output
    output = build(copy, {"site_url": SITE_URL, **PRACTICE, "hide": ["faq.md", "get-help-now.md"]})
    assert "practice/practice.yml: hide[1]: 'get-help-now.md' cannot be hidden: every page links to it" in output


def test_every_page_a_template_links_to_is_kept_or_looked_for_first():
    """A template links to a page a practice may hide only after asking whether the site has it."""
    for template in (ROOT / "overrides").rglob("*.html"):
        text = template.read_text("utf-8")
        for page in re.findall(r"site_page\(['\"]([^'\"]+)['\"]\)", text):
            assert page in KEPT_PAGES or f"site_has('{page}')" in text, f"{template.name} links to {page}"


def test_a_local_embed_origin_is_refused_by_a_build(copy):
    output = build(copy, {"site_url": SITE_URL, **PRACTICE}, env={"MICROSITE_LOCAL_EMBED_ORIGIN": "http://localhost:5500"})
    assert "MICROSITE_LOCAL_EMBED_ORIGIN: a local page may embed the site only under the development server" in output


# --- its own pages and images ---------------------------------------------------------------------

def test_own_pages_and_images_replace_add_and_hide_without_touching_ours(tmp_path):
    root = project_copy(tmp_path)
    ours = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    own = root / "practice" / "docs"
    (own / "assets" / "images").mkdir(parents=True)
    (own / "assets" / "images" / "own-logo.svg").write_text((ROOT / "docs/assets/images/favicon.svg").read_text())
    (own / "coaches.md").write_text(PAGE, "utf-8")
    (own / "accessibility.md").write_text(PAGE.replace("Our coaches", "How we make this site easy to use"), "utf-8")
    (own / "accessibility.es.md").write_text(PAGE.replace("Our coaches", "De dónde vienen los datos"), "utf-8")
    practice_config(root, {**PRACTICE, "logo": "assets/images/own-logo.svg", "pages": [{"Our coaches": "coaches.md"}],
                           "hide": ["self-assessment-embed.md", "faq.md"]})
    mkdocs_build(root / "mkdocs.yml", root / "site")
    site = root / "site"
    assert "Our coaches" in (site / "coaches" / "index.html").read_text("utf-8")
    assert "How we make this site easy to use" in (site / "accessibility" / "index.html").read_text("utf-8")
    # In Spanish: its page in Spanish where it wrote one, else its English page, marked as English.
    spanish = (site / "es" / "coaches" / "index.html").read_text("utf-8")
    assert "Our coaches" in spanish and "<div lang=en>" in spanish
    spanish = (site / "es" / "accessibility" / "index.html").read_text("utf-8")
    assert "De dónde vienen los datos" in spanish and "<div lang=en>" not in spanish
    for folder in (site, site / "es"):  # a hidden page is in no language, and no page links to it
        assert not (folder / "self-assessment-embed").exists() and not (folder / "faq").exists()
        assert 'href=faq/' not in (folder / "404.html").read_text("utf-8")
    assert "self-assessment-embed" not in (site / "_headers").read_text("utf-8")
    assert (site / "assets" / "images" / "own-logo.svg").is_file()
    assert "assets/images/own-logo.svg" in (site / "index.html").read_text("utf-8")
    assert {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()} == ours


# --- sub-path: _headers, the published folder -----------------------------------------------------

def test_headers_rules_start_with_the_sub_path_on_both_hosts_readings():
    assert site_path("https://northside.example/learn/") == "/learn" and site_path("https://a.example/") == ""
    for regex in (netlify_regex, cloudflare_regex):
        assert regex("/learn/*").match("/learn/faq/") and not regex("/learn/*").match("/faq/")
        assert regex("/learn/self-assessment-embed/").match("/learn/self-assessment-embed/")


def test_prefixed_rules_never_set_one_header_twice(practice_site):
    from harness.server import parse_headers_file

    rules = parse_headers_file(practice_site / "_headers")
    assert repeated_header(rules, served_paths(practice_site, "/learn")) is None
    doubled = rules + [("/learn/faq/", [("X-Frame-Options", "SAMEORIGIN")])]
    assert "two rules set x-frame-options for /learn/faq" in repeated_header(doubled, served_paths(practice_site, "/learn"))


def test_the_published_folder_holds_the_site_under_its_path(tmp_path, practice_site):
    target = lay_out(practice_site, tmp_path / "public", SITE_URL)
    assert target == tmp_path / "public" / "learn" and (target / "index.html").is_file()
    assert (tmp_path / "public" / "_headers").is_file() and not (target / "_headers").exists()
    at_root = lay_out(practice_site, tmp_path / "root", "https://northside.example/")
    assert at_root == tmp_path / "root" and (at_root / "_headers").is_file()
    with pytest.raises(ValueError):
        lay_out(practice_site, practice_site.parent, SITE_URL)


# --- scripts/init-practice ------------------------------------------------------------------------

def test_init_practice_checks_each_answer_and_never_writes_over_a_file(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "crisis-lines.yml").write_bytes((ROOT / "data" / "crisis-lines.yml").read_bytes())
    base = ["--no-input", "--name", "Northside Coaching Studio", "--website", "https://northside.example/",
            "--site-url", SITE_URL]
    assert init_practice([*base, "--region", "ZZ"], root=tmp_path) == 2
    assert "region: 'ZZ' has no crisis lines here: expected one of AU, CA, GB, IE, US" in capsys.readouterr().err
    assert init_practice([*base, "--primary", "#f2a900"], root=tmp_path) == 2
    assert 'colors.primary: "#9b6d00" instead of "#f2a900"' in capsys.readouterr().err
    assert init_practice([*base, "--logo", "missing.svg"], root=tmp_path) == 2
    assert "'missing.svg': the file does not exist" in capsys.readouterr().err
    assert not (tmp_path / "practice").exists()  # nothing written on a wrong answer
    assert init_practice([*base, "--region", "gb", "--primary", "#0B6E4F"], root=tmp_path) == 0
    assert "Next: scripts/serve" in capsys.readouterr().out
    written = yaml.safe_load((tmp_path / "practice" / "practice.yml").read_text("utf-8"))
    assert written == {"site_url": SITE_URL, "name": "Northside Coaching Studio",
                       "website": "https://northside.example/", "region": "GB", "colors": {"primary": "#0b6e4f"}}
    before = (tmp_path / "practice" / "practice.yml").read_bytes()
    assert init_practice([*base, "--name", "Other"], root=tmp_path) == 1
    assert "already exists: nothing was written" in capsys.readouterr().err
    assert (tmp_path / "practice" / "practice.yml").read_bytes() == before


def test_init_practice_asks_again_after_a_wrong_answer(tmp_path, monkeypatch, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "crisis-lines.yml").write_bytes((ROOT / "data" / "crisis-lines.yml").read_bytes())
    answers = iter(["Northside", "", "https://northside.example/", "https://northside.example/learn/",
                    "XX", "GB", "0b6e4f", "#0b6e4f", "", "", "", ""])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert init_practice([], root=tmp_path) == 0
    said = capsys.readouterr().out
    assert "'XX' has no crisis lines here" in said and "got '0b6e4f'" in said
    written = yaml.safe_load((tmp_path / "practice" / "practice.yml").read_text("utf-8"))
    assert written["region"] == "GB" and written["colors"] == {"primary": "#0b6e4f"}


# --- scripts/check-practice -----------------------------------------------------------------------

def with_added(page: Path, markup: str) -> None:
    html = page.read_text("utf-8")
    assert "</article>" in html, page
    page.write_text(html.replace("</article>", markup + "</article>", 1), "utf-8")


def test_the_practice_check_names_each_page_that_breaks_its_policy_requests_elsewhere_or_fails_axe(browser, site_dir, tmp_path):
    # The check's browser step on a copy of the built site cut to four pages: one clean, one with an
    # image from another site (its policy refuses it), one with its policy taken out (the request
    # goes out), and one with an image that says nothing (axe-core). The README's practice runs
    # the whole command on every page of a practice's site (test_readme_practice.py).
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    kept = {"index.html", "faq/index.html", "about/index.html", "coaching/index.html"}
    for page in copy.rglob("*.html"):
        if page.relative_to(copy).as_posix() not in kept:
            page.unlink()
    (copy / "_headers").unlink()  # each page's own policy, as on GitHub Pages
    with_added(copy / "faq" / "index.html", '<img src="https://tracker.example/sam.png" alt="Sam">')
    about = copy / "about" / "index.html"
    html, removed = re.subn(r"<meta[^>]*http-equiv=\"?content-security-policy[^>]*>", "", about.read_text("utf-8"), flags=re.I)
    assert removed == 1
    about.write_text(html, "utf-8")
    with_added(about, '<img src="https://tracker.example/alex.png" alt="Alex">')
    with_added(copy / "coaching" / "index.html", '<img src="../assets/images/favicon.svg">')
    problems = pages_in_browser(browser, copy, None)
    said: dict[str, str] = {}
    for problem in problems:
        rel, _, what = problem.partition(": ")
        said[rel] = said.get(rel, "") + what + "\n"
    assert sorted(said) == ["about/index.html", "coaching/index.html", "faq/index.html"], problems
    assert "violates the following Content Security Policy" in said["faq/index.html"]
    assert "requests to another site: ['https://tracker.example/alex.png']" in said["about/index.html"]
    assert "image-alt" in said["coaching/index.html"]


def test_the_practice_check_stops_at_a_failed_build_and_says_the_site_is_not_ready(tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Broken\nnav: [\n", "utf-8")
    assert practice_check([f"--config={config}", f"--site-dir={tmp_path / 'site'}"]) == 1
    said = capsys.readouterr().err
    assert "the strict build failed" in said and "not ready to publish: 1 problem(s)" in said, said
    assert not (tmp_path / "site").exists()
