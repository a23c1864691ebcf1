"""Every built page is valid HTML according to the Nu HTML Checker (vnu-jar)."""

from __future__ import annotations

import json
import re
import subprocess

from harness.sitebuild import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material writes these two hidden toggles in base.html, outside any block a theme override can
# replace (see README, Testing). Filtered exactly: the message, on those two inputs only.
UPSTREAM = 'Attribute “autocomplete” is only allowed when the input type is'
# The flagged tag is one of those two inputs, however the minifier quotes and orders attributes.
UPSTREAM_FLAGGED = re.compile(r"""^<input\b(?=[^>]*\bid=["']?__(?:drawer|search)["'\s>])(?=[^>]*\bautocomplete=)[^>]*>$""")


def vnu_messages(target) -> list[dict]:
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only", str(target)],
        capture_output=True, text=True,
    )
    return json.loads(result.stderr or "{}").get("messages", [])


def is_upstream(message: dict) -> bool:
    start = message.get("hiliteStart", 0)
    flagged = message.get("extract", "")[start:start + message.get("hiliteLength", 0)]
    return message["message"].startswith(UPSTREAM) and UPSTREAM_FLAGGED.search(flagged) is not None


def test_nu_checker_reports_no_errors(site_dir):
    messages = [m for m in vnu_messages(site_dir) if not is_upstream(m)]
    listing = "\n".join(f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages)
    assert not messages, listing


def test_filter_only_hides_material_toggles(site_dir):
    upstream = [m for m in vnu_messages(site_dir / "index.html") if is_upstream(m)]
    assert len(upstream) == 2, upstream  # the filter still has something to filter: keep it honest


def test_nu_checker_catches_invalid_html(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><p><div id="a"></div><span id="a"></span>', "utf-8")
    assert [m for m in vnu_messages(page) if not is_upstream(m)]
