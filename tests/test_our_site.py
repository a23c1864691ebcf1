"""The suite tests our own site, whatever a practice has set in its copy: a practice block, a
sub-path, colours and a booking link written into mkdocs.yml, and a practice/ folder beside it,
change nothing the suite's builds read (they build with harness/our-site/practice.yml)."""

from __future__ import annotations

import shutil

from fixture_site import PRACTICE, edited_config, practice_config, project_copy, write_practice_file
from harness.sitebuild import OWN_SITE, mkdocs_build

PRACTICE_IN_MKDOCS_YML = {**PRACTICE, "region": "GB", "booking_url": "https://northside.example/book",
                          "colors": {"primary": "#0b6e4f"}, "embed_origins": ["https://northside.example"]}
COMPARED = ("index.html", "get-help-now/index.html", "self-assessment/index.html", "es/index.html", "_headers",
            "robots.txt", "sitemap.xml")


def test_a_practice_written_into_mkdocs_yml_and_its_folder_leave_our_site_as_it_is(tmp_path, site_dir):
    root = project_copy(tmp_path / "practice-copy")
    edited_config(root, PRACTICE_IN_MKDOCS_YML, site_url="https://northside.example/learn/")
    write_practice_file(root, {"site_url": "https://northside.example/learn/", "name": "Northside",
                               "booking_url": "https://northside.example/book"})
    mkdocs_build(root / "mkdocs.yml", root / "site", env=OWN_SITE)
    for name in COMPARED:
        assert (root / "site" / name).read_bytes() == (site_dir / name).read_bytes(), name
    # ...and the same copy built as the practice's own site is the practice's (the check can fail).
    mkdocs_build(root / "mkdocs.yml", root / "theirs")
    assert "northside.example/learn/" in (root / "theirs" / "sitemap.xml").read_text("utf-8")


def test_a_fixture_practice_replaces_every_value_a_practice_wrote_into_mkdocs_yml(tmp_path):
    root = project_copy(tmp_path / "copy")
    config = practice_config(root, {"name": "Other Practice"})  # a test's practice: its own values, ours for the rest
    (tmp_path / "edited").mkdir()
    shutil.copyfile(edited_config(tmp_path / "edited", PRACTICE_IN_MKDOCS_YML), config)  # the practice's mkdocs.yml
    mkdocs_build(config, root / "site")
    html = (root / "site" / "index.html").read_text("utf-8")
    assert "northside.example/book" not in html and "Other Practice" in html
