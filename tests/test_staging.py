"""A build is published whole or not at all: the site folder is the last whole build, whatever
happens to the one under way (a check that fails in its last step, a build that is killed)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from fixture_site import inheriting_config, project_copy
from harness.sitebuild import mkdocs_build
from microsite import staging


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_publish_puts_the_new_build_in_place_and_keeps_hidden_files(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    (site / ".nojekyll").write_text("")
    built = staging.begin(site)
    (built / "index.html").write_text("new")
    staging.publish(built, site)
    assert tree(site) == {"index.html": b"new", ".nojekyll": b""}
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_folder_left_by_a_build_that_died_is_removed(tmp_path):
    dead = tmp_path / ".site.building-999999999"
    dead.mkdir()
    (dead / "half.html").write_text("half")
    built = staging.begin(tmp_path / "site")
    assert not dead.exists() and built.is_dir() and not any(built.iterdir())


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("staging"))
    mkdocs_build(inheriting_config(root), root / "site")
    (root / "site" / ".git").write_text("kept", "utf-8")  # what a deploy tool may keep in the folder
    return root


def test_a_build_that_fails_in_its_last_step_leaves_the_site_as_it_was(copy):
    before = tree(copy / "site")
    faq = copy / "docs" / "faq.md"
    original = faq.read_text("utf-8")
    faq.write_text(original + "\n<script>alert(1)</script>\n", "utf-8")  # refused after every page is written
    try:
        result = mkdocs_build(inheriting_config(copy), copy / "site", check=False)
    finally:
        faq.write_text(original, "utf-8")
    assert result.returncode != 0 and "no template wrote" in result.stderr
    assert tree(copy / "site") == before
    assert not list(copy.glob(".site.building-*"))
    assert (copy / ".site.failed" / "faq" / "index.html").is_file()  # kept aside, to look at


def test_a_build_killed_part_way_leaves_the_site_as_it_was(copy):
    before = tree(copy / "site")
    config = inheriting_config(copy)
    faq = copy / "docs" / "faq.md"
    faq.write_text(faq.read_text("utf-8") + "\nA new paragraph.\n", "utf-8")  # a finished build would show it
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(copy / "site")],
                               cwd=copy, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    while process.poll() is None and not list(copy.glob(".site.building-*/**/*.html")):
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the build ended before it could be stopped part-way"
    assert tree(copy / "site") == before
    # The next build clears what the killed one left, and publishes.
    mkdocs_build(config, copy / "site")
    assert not list(copy.glob(".site.building-*")) and (copy / "site" / ".git").read_text("utf-8") == "kept"
    assert "A new paragraph." in (copy / "site" / "faq" / "index.html").read_text("utf-8")
