"""Fresh data stays fresh: old `checked` and `reviewed` dates are found, wherever they sit."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from crisis_fixture import write_crisis_data
from microsite.data import DataError
from microsite.freshness import (
    Dated,
    dated_items,
    find_lychee,
    lychee_command,
    page_dates,
    page_review,
    project,
    stale,
    stale_report,
    today_from_env,
    unreviewed,
)

TODAY = date(2026, 12, 2)
SOURCE = "data/crisis-lines.yml"


def line(name: str, checked) -> dict:
    return {"name": name, "contact": [{"call": "1"}], "source": "https://example.org/", "checked": checked}


def crisis(*lines: dict, **region_extra) -> dict:
    """A plain crisis tree (not schema-checked: the walk must not care what the schema allows)."""
    emergency = {"number": "999", "source": "https://example.org/999", "checked": "2026-11-27"}
    return {"version": 1, "regions": {"GB": {"name": "United Kingdom", "emergency": emergency,
                                             "lines": list(lines), **region_extra}}}


def labels(items) -> list[str]:
    return [item.label for item in items]


# --- crisis data -----------------------------------------------------------------------------------

def test_an_old_checked_date_is_listed_and_a_fresh_one_is_not(tmp_path):
    data = crisis(line("Samaritans", "2026-01-02"), line("Fresh Line", "2026-11-27"))
    report = stale_report(data, SOURCE, tmp_path / "docs", TODAY)
    assert report == [
        "data/crisis-lines.yml: regions.GB.lines[0] (Samaritans): checked 2026-01-02, 334 days ago (limit 180)"]


def test_every_mapping_with_checked_is_one_item_named_by_its_path_and_name():
    data = crisis(line("Samaritans", "2026-11-27"))
    data["directory"] = {"name": "Find A Helpline", "url": "https://example.org/", "checked": "2026-11-20"}
    assert dated_items(data, SOURCE) == [
        Dated("data/crisis-lines.yml: regions.GB.emergency", "checked", date(2026, 11, 27)),
        Dated("data/crisis-lines.yml: regions.GB.lines[0] (Samaritans)", "checked", date(2026, 11, 27)),
        Dated("data/crisis-lines.yml: directory (Find A Helpline)", "checked", date(2026, 11, 20)),
    ]


def test_new_keys_are_found_without_code_changes():
    # `abuse_lines`, `website`, `note` and `emergency.go_to` are being added to the schema now.
    data = crisis(line("Samaritans", "2026-11-27"),
                  abuse_lines=[{**line("Refuge", "2025-01-01"), "website": "https://example.org/", "note": "x"}])
    data["regions"]["GB"]["emergency"]["go_to"] = {"name": "A&E", "source": "https://example.org/ae",
                                                   "checked": "2025-02-01"}
    found = labels(dated_items(data, SOURCE))
    assert "data/crisis-lines.yml: regions.GB.abuse_lines[0] (Refuge)" in found
    assert "data/crisis-lines.yml: regions.GB.emergency.go_to (A&E)" in found
    assert len(found) == 4  # emergency, its go_to, the line and the abuse line
    assert [s.item.label for s in stale(dated_items(data, SOURCE), TODAY, 180)] == [
        "data/crisis-lines.yml: regions.GB.abuse_lines[0] (Refuge)",
        "data/crisis-lines.yml: regions.GB.emergency.go_to (A&E)",
    ]


def test_checked_may_be_text_or_a_date_object():
    # The crisis loader keeps dates as text; plain yaml.safe_load turns them into dates.
    items = dated_items(crisis(line("Text", "2026-11-01"), line("Object", date(2026, 11, 2))), SOURCE)
    assert [item.day for item in items[1:]] == [date(2026, 11, 1), date(2026, 11, 2)]


def test_a_checked_that_is_not_a_date_names_the_place():
    with pytest.raises(DataError, match=r"regions\.GB\.lines\[0\]\.checked: expected a YYYY-MM-DD date, got 'soon'"):
        dated_items(crisis(line("Samaritans", "soon")), SOURCE)


# --- pages -----------------------------------------------------------------------------------------

def write_page(docs, name: str, text: str):
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_page_dates_read_reviewed_from_front_matter(tmp_path):
    docs = tmp_path / "docs"
    write_page(docs, "index.md", "---\ndescription: Home\nreviewed: 2026-11-28\n---\n\n# Home\n")
    write_page(docs, "quoted.md", '---\nreviewed: "2025-10-01"\n...\n\n# Quoted\n')
    write_page(docs, "guides/deep.md", "---\nreviewed: 2024-01-31\n---\n# Deep\n")
    write_page(docs, "no-front-matter.md", "# Plain\n\n---\n\nreviewed: 2020-01-01\n")
    write_page(docs, "no-reviewed.md", "---\ndescription: Nothing dated\n---\n# None\n")
    write_page(docs, ".drafts/hidden.md", "---\nreviewed: 2020-01-01\n---\n")  # MkDocs skips dot-folders
    assert page_dates(docs) == [
        Dated("docs/guides/deep.md", "reviewed", date(2024, 1, 31)),
        Dated("docs/index.md", "reviewed", date(2026, 11, 28)),
        Dated("docs/quoted.md", "reviewed", date(2025, 10, 1)),
    ]


def test_a_page_whose_front_matter_cannot_be_read_is_named(tmp_path):
    write_page(tmp_path / "docs", "broken.md", "---\nreviewed: [2026-11-28\n---\n# Broken\n")
    with pytest.raises(DataError, match=r"docs/broken\.md: front matter is not valid: not valid YAML"):
        page_dates(tmp_path / "docs")


def test_a_reviewed_that_is_not_a_date_is_named(tmp_path):
    write_page(tmp_path / "docs", "faq.md", "---\nreviewed: last spring\n---\n")
    with pytest.raises(DataError, match=r"docs/faq\.md: reviewed: expected a YYYY-MM-DD date, got 'last spring'"):
        page_dates(tmp_path / "docs")


def test_stale_pages_use_their_own_limit(tmp_path):
    docs = tmp_path / "docs"
    write_page(docs, "old.md", f"---\nreviewed: {TODAY - timedelta(days=366)}\n---\n")
    write_page(docs, "year.md", f"---\nreviewed: {TODAY - timedelta(days=365)}\n---\n")
    data = crisis(line("Samaritans", str(TODAY - timedelta(days=200))))
    assert stale_report(data, SOURCE, docs, TODAY) == [
        "data/crisis-lines.yml: regions.GB.lines[0] (Samaritans): checked 2026-05-16, 200 days ago (limit 180)",
        "docs/old.md: reviewed 2025-12-01, 366 days ago (limit 365)",
    ]
    assert stale_report(data, SOURCE, docs, TODAY, crisis_days=200, page_days=366) == []


# --- ages and "today" ------------------------------------------------------------------------------

@pytest.mark.parametrize("age, is_stale", [(0, False), (179, False), (180, False), (181, True), (-3, False)])
def test_exactly_the_limit_is_not_stale(age, is_stale):
    item = Dated("x", "checked", TODAY - timedelta(days=age))
    assert [s.age_days for s in stale([item], TODAY, 180)] == ([age] if is_stale else [])


def test_stale_lists_the_oldest_first():
    items = [Dated(name, "checked", TODAY - timedelta(days=age)) for name, age in [("b", 200), ("a", 400), ("c", 300)]]
    assert [(s.item.label, s.age_days) for s in stale(items, TODAY, 180)] == [("a", 400), ("c", 300), ("b", 200)]


def test_today_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("MICROSITE_TODAY", "2030-01-15")
    assert today_from_env() == date(2030, 1, 15)
    monkeypatch.setenv("MICROSITE_TODAY", "15/01/2030")
    with pytest.raises(ValueError, match="MICROSITE_TODAY"):
        today_from_env()
    monkeypatch.delenv("MICROSITE_TODAY")
    assert today_from_env() == date.today()


# --- the project's settings ------------------------------------------------------------------------

MKDOCS_YML = """\
site_name: Tiny
site_url: https://learn.northside-coaching.com/sub/
plugins:
  - search
  - microsite:
      crisis_data: lines/crisis.yml
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
"""


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """A folder with a config MkDocs accepts (its docs folder exists), and no practice chosen."""
    monkeypatch.delenv("MICROSITE_PRACTICE", raising=False)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    return tmp_path


def test_project_reads_the_config_as_mkdocs_does(tiny):
    found = project(tiny / "mkdocs.yml")
    assert found.crisis_path == tiny / "lines" / "crisis.yml"
    assert found.crisis_source == "lines/crisis.yml"
    assert found.docs_dir == tiny / "docs"
    assert found.site_url == "https://learn.northside-coaching.com/sub/"


def test_project_defaults(tiny):
    (tiny / "mkdocs.yml").write_text("site_name: Plain\nplugins: [search, microsite]\n")
    found = project(tiny / "mkdocs.yml")
    assert (found.crisis_source, found.docs_dir, found.site_url) == ("data/crisis-lines.yml", tiny / "docs", None)


def test_project_follows_inherit_as_mkdocs_does(tiny):
    (tiny / "pages").mkdir()
    (tiny / "other.yml").write_text("INHERIT: mkdocs.yml\nsite_url: https://other.example/\ndocs_dir: pages\n")
    found = project(tiny / "other.yml")
    assert (found.crisis_source, found.docs_dir, found.site_url) == (
        "lines/crisis.yml", tiny / "pages", "https://other.example/")


def test_project_takes_the_address_from_the_practice_folder(tiny, monkeypatch):
    # As the build does: practice/practice.yml next to the config sets the site's address.
    (tiny / "practice").mkdir()
    (tiny / "practice" / "practice.yml").write_text("site_url: https://practice.example/learn\nname: Practice\n")
    assert project(tiny / "mkdocs.yml").site_url == "https://practice.example/learn/"
    monkeypatch.setenv("MICROSITE_PRACTICE", "none")
    assert project(tiny / "mkdocs.yml").site_url == "https://learn.northside-coaching.com/sub/"


# --- links (the command line only: no network here) -----------------------------------------------

LINKS_PAGE = """<!doctype html>
<a href="https://learn.northside-coaching.com/sub/faq/">our page</a>
<a href="http://LEARN.northside-coaching.com:8080/x">our page, other port</a>
<a href="https://learn.northside-coaching.com.elsewhere.com/">another site</a>
<a href="https://findahelpline.com/">external</a>
<a href="http://localhost:8000/">dev server</a> <a href="http://127.0.0.1/">loopback</a>
<a href="tel:988">call</a> <a href="sms:988">text</a> <a href="mailto:jo@samaritans.org">email</a>
<a href="faq/">local</a> <a href="/faq/">from the root, as in 404.html</a>
"""


def test_lychee_command_checks_only_external_web_links(tmp_path):
    argv = lychee_command("lychee", tmp_path, "https://learn.northside-coaching.com/sub/")
    assert argv[0] == "lychee" and argv[-1] == f"{tmp_path}/**/*.html"
    assert "--offline" not in argv and "--exclude-loopback" in argv
    excludes = [argv[i + 1] for i, arg in enumerate(argv) if arg == "--exclude"]
    assert r"^https?://learn\.northside-coaching\.com([:/?#]|$)" in excludes
    assert not any("northside" in e for e in lychee_command("lychee", tmp_path, None))


def test_lychee_would_check_exactly_the_external_links(tmp_path):
    # `--dump` lists what lychee would check, after every exclude, without any request.
    (tmp_path / "index.html").write_text(LINKS_PAGE, "utf-8")
    argv = lychee_command(find_lychee(), tmp_path, "https://learn.northside-coaching.com/sub/")
    result = subprocess.run(argv[:1] + ["--dump"] + argv[1:], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and "error" not in result.stderr.lower(), result.stderr
    assert sorted(result.stdout.split()) == [
        "https://findahelpline.com/", "https://learn.northside-coaching.com.elsewhere.com/"]


# --- the command -----------------------------------------------------------------------------------

@pytest.fixture
def tiny_project(tmp_path):
    """A mkdocs.yml with the plugin's `crisis_data` option, one page, and the test crisis data."""
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (tmp_path / "lines").mkdir()
    write_crisis_data(tmp_path / "lines" / "crisis.yml")
    write_page(tmp_path / "docs", "index.md", "---\ndescription: Home\nreviewed: 2026-11-01\n---\n# Home\n")
    return tmp_path


def run_cli(project_dir, *args):
    return subprocess.run([sys.executable, "-m", "microsite.freshness", *args], capture_output=True, text=True,
                          cwd=project_dir)


def test_command_passes_when_everything_is_fresh(tiny_project):
    result = run_cli(tiny_project, "--today", "2026-12-02")
    assert result.returncode == 0, result.stdout + result.stderr
    # The fixture: three emergency numbers, three lines and the directory.
    assert result.stdout == "All 7 crisis sources and 1 pages are within their review age.\n"


def test_command_fails_and_lists_what_is_stale(tiny_project):
    # Ireland's entries were checked on 2026-11-25: 181 days before this day; the rest 180 or fewer.
    result = run_cli(tiny_project, "--config", str(tiny_project / "mkdocs.yml"), "--today", "2027-05-25")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "lines/crisis.yml: regions.IE.emergency: checked 2026-11-25, 181 days ago (limit 180)",
        "lines/crisis.yml: regions.IE.lines[0] (Text Line): checked 2026-11-25, 181 days ago (limit 180)",
    ]


def test_command_takes_the_limits(tiny_project):
    result = run_cli(tiny_project, "--today", "2027-05-25", "--crisis-days", "181", "--page-days", "100")
    assert result.returncode == 1
    assert result.stdout == "docs/index.md: reviewed 2026-11-01, 205 days ago (limit 100)\n"


def test_command_refuses_a_bad_day_and_invalid_data(tiny_project):
    assert run_cli(tiny_project, "--today", "25/05/2027").returncode == 2
    (tiny_project / "lines" / "crisis.yml").write_text("version: 2\n", "utf-8")
    result = run_cli(tiny_project, "--today", "2026-12-02")
    assert result.returncode == 2
    assert "lines/crisis.yml" in result.stderr


# --- the build ----------------------------------------------------------------------------------

def _build_on(tmp_path, today: str):
    from fixture_site import practice_config, project_copy
    from harness.sitebuild import mkdocs_build

    root = project_copy(tmp_path)
    return mkdocs_build(practice_config(root), root / "site", check=False, env={"MICROSITE_TODAY": today})


def test_a_build_names_old_sources_as_a_warning_and_still_succeeds_in_strict_mode(tmp_path):
    result = _build_on(tmp_path, "2028-01-01")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" in output and "Out of date, please re-check: data/crisis-lines.yml: regions.US.emergency" in output
    assert "docs/faq.md: reviewed" in output


def test_a_build_on_a_day_when_all_is_fresh_says_nothing(tmp_path):
    from fixture_site import content_day

    result = _build_on(tmp_path, content_day().isoformat())  # the content's latest date: nothing in the future
    assert result.returncode == 0 and "Out of date" not in result.stdout + result.stderr


# --- a published site names who reviewed it and when it is next reviewed -----------------------

REVIEWER = {"name": "Dr Sam Rivera", "role": "clinical psychologist", "reviewed": "2026-11-30"}
SOURCES = {"reviewer": "practice/practice.yml", "next_review": "mkdocs.yml extra.practice"}


@pytest.mark.parametrize(("practice", "missing"), [
    ({}, ["reviewer", "next_review"]),
    ({"reviewer": REVIEWER}, ["next_review"]),
    ({"next_review": "2027-06-01"}, ["reviewer"]),
    ({"reviewer": REVIEWER, "next_review": "2027-06-01"}, []),
])
def test_a_published_site_without_a_reviewer_or_next_review_is_told_naming_the_file(practice, missing):
    lines = unreviewed(practice, SOURCES, published=True)
    assert [line.split(": ")[1] for line in lines] == [f"no {key}" for key in missing]
    for key, text in zip(missing, lines, strict=True):
        assert text.startswith(f"{SOURCES[key]}: no {key}: ")


def test_a_site_not_published_yet_is_not_told():
    assert unreviewed({}, SOURCES, published=False) == []


# --- who stands behind each page --------------------------------------------------------------

PUBLISHER = {"name": "Northside Coaching", "reviewer": None, "next_review": None}


def test_a_page_without_a_review_date_has_no_review_line():
    assert page_review({}, PUBLISHER, "docs/faq.md") is None


def test_the_author_is_the_pages_own_else_the_publisher():
    assert page_review({"reviewed": date(2026, 11, 1)}, PUBLISHER, "docs/faq.md").author == "Northside Coaching"
    own = page_review({"reviewed": date(2026, 11, 1), "author": "Ana Ruiz"}, PUBLISHER, "docs/faq.md")
    assert own.author == "Ana Ruiz"


def test_the_next_review_is_the_practices_or_sooner_when_the_page_would_go_stale():
    meta = {"reviewed": date(2026, 11, 1)}
    assert page_review(meta, PUBLISHER, "x", page_days=365).next_review == date(2027, 11, 1)
    later = {**PUBLISHER, "next_review": "2028-01-01"}
    assert page_review(meta, later, "x", page_days=365).next_review == date(2027, 11, 1)
    sooner = {**PUBLISHER, "next_review": "2027-05-31", "reviewer": REVIEWER}
    review = page_review(meta, sooner, "x", page_days=365)
    assert review.next_review == date(2027, 5, 31) and review.reviewer == REVIEWER


def test_a_review_date_that_is_not_a_date_names_the_page():
    with pytest.raises(DataError, match="docs/faq.md"):
        page_review({"reviewed": "soon"}, PUBLISHER, "docs/faq.md")
