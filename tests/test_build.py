"""The site builds in strict mode, and broken input fails the build with MkDocs' own message."""

from __future__ import annotations

import shutil

import pytest

from fixture_site import project_copy as copy_inputs
from harness.sitebuild import ROOT, mkdocs_build


def test_site_builds_with_every_nav_page(site_dir):
    for page in ("index.html", "coaching/index.html", "therapy/index.html", "differences/index.html",
                 "self-assessment/index.html", "faq/index.html", "get-help-now/index.html",
                 "sources/index.html", "about/index.html", "404.html", "sitemap.xml"):
        assert (site_dir / page).is_file(), page


@pytest.fixture
def project_copy(tmp_path):
    """A throwaway copy of the project's build inputs, to break on purpose."""
    copy_inputs(tmp_path)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_invalid_front_matter_fails_the_build(project_copy):
    page = project_copy / "docs" / "faq.md"
    page.write_text("---\ndescription: [unclosed\nreviewed: 2026-01-01\n---\n\n# FAQ\n", "utf-8")
    result = mkdocs_build(project_copy / "mkdocs.yml", project_copy / "out", check=False)
    assert result.returncode != 0
    assert "faq.md" in result.stderr


def test_nav_entry_to_missing_file_fails_the_build(project_copy):
    (project_copy / "docs" / "faq.md").unlink()
    result = mkdocs_build(project_copy / "mkdocs.yml", project_copy / "out", check=False)
    assert result.returncode != 0
    assert "faq.md" in result.stderr and "not found" in result.stderr


def test_copy_builds_before_it_is_broken(project_copy):
    # Guards the two tests above: they fail for the reason they name, not because copies never build.
    result = mkdocs_build(project_copy / "mkdocs.yml", project_copy / "out", check=False)
    assert result.returncode == 0, result.stderr
