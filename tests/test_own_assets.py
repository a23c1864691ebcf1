"""Our own scripts and stylesheets are minified in the built site, keep their names, and still work.

The scoring module the site serves is checked against every test vector, like its source.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from harness.sitebuild import ROOT

SOURCES = sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))
# Stylesheets linked by name; site.css is minified and renamed with a content hash instead.
STYLESHEETS = [ROOT / "docs/assets/stylesheets" / "embed.css"]


def built(site_dir, source):
    return site_dir / source.relative_to(ROOT / "docs")


def test_every_script_of_ours_is_served_smaller_under_its_own_name(site_dir):
    assert SOURCES
    for source in SOURCES:
        served = built(site_dir, source)
        assert served.is_file(), served
        assert served.stat().st_size < source.stat().st_size, served.name
        lines = served.read_text("utf-8").splitlines()
        assert not [line for line in lines if line.lstrip().startswith(("//", "/*"))], f"{served.name}: comments left in"


def test_stylesheets_linked_by_name_are_served_minified(site_dir):
    for source in STYLESHEETS:
        served = built(site_dir, source).read_text("utf-8")
        assert len(served) < source.stat().st_size and "/*" not in served and "\n" not in served.strip(), source.name


def test_served_scripts_parse_as_modules(site_dir, tmp_path):
    for source in SOURCES:
        copy = tmp_path / (source.stem + ".mjs")  # .mjs: Node reads it as an ES module
        shutil.copy(built(site_dir, source), copy)
        result = subprocess.run(["node", "--check", str(copy)], capture_output=True, text=True)
        assert result.returncode == 0, f"{source.name}: {result.stderr}"


def test_served_scoring_gives_the_same_result_for_every_vector(site_dir, tmp_path):
    module = tmp_path / "self-assessment.mjs"
    shutil.copy(built(site_dir, ROOT / "docs/assets/javascripts/self-assessment.js"), module)
    result = subprocess.run(
        ["node", "--test", str(ROOT / "tests/js/self-assessment.test.mjs")],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "SA_MODULE": str(module)},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
