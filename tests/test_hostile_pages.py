"""Hostile markup in a page, a file or a block: the build refuses it naming the page, and where it
got through anyway (a page edited after the build), the page's own policy stops it without any
header, as GitHub Pages serves the site.

Each probe is written into a copy of the project and built with the repository's mkdocs.yml; the
message must name the page and what it holds, with no traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from fixture_site import PRACTICE, inheriting_config, project_copy
from harness.server import serve_site
from harness.sitebuild import mkdocs_build
from hostile import MARKER

ALERT = f"alert('{MARKER}')"
EVIL = "https://evil.example"


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("hostile-pages"))


def build(root, config=None):
    result = mkdocs_build(config or inheriting_config(root), root / "site", check=False)
    return result.returncode, result.stdout + result.stderr


def with_page_change(root, page, old, new):
    path = root / "docs" / page
    original = path.read_text("utf-8")
    assert old in original, (page, old)
    path.write_text(original.replace(old, new, 1), "utf-8")
    return lambda: path.write_text(original, "utf-8")


# Each probe is a page of its own. Those caught as each page is written stop the build once the
# language's pages are written; those caught over the whole site (what a page's meta tags, scripts
# and embed origins may be) only after every language: one build for each kind, every page named.
WHILE_WRITTEN = [
    ("base", f'<base href="{EVIL}/">', "a <base> element"),
    ("handler", f'<p onmouseover="{ALERT}">hover</p>', "an event handler <p onmouseover="),
    ("svg-handler", f'<svg><image href="x.png" onerror="{ALERT}"/></svg>', "an event handler <image onerror="),
    ("js-link", f"[see this](javascript:{ALERT})", "a script address <a href="),
    ("entity-link", f"[see this](javascript&colon;{ALERT})", "a script address <a href="),
    ("tab-link", f'<a href="jav&#x09;ascript&colon;{ALERT}">see</a>', "a script address <a href="),
    ("svg-animate", f'<svg><a><animate attributeName="href" values="#;javascript:{ALERT}"/></a></svg>',
     "a script address <animate values="),
    ("srcdoc", f'<iframe srcdoc="<script>{ALERT}</script>"></iframe>', "a frame with its own document"),
    ("referrer", '<meta name="referrer" content="unsafe-url">', "a <meta name=referrer>"),
]
OVER_THE_SITE = [
    ("refresh", f'<meta http-equiv="refresh" content="0; url={EVIL}/">', "<meta http-equiv='refresh'>"),
    ("set-cookie", '<meta http-equiv="set-cookie" content="a=b">', "<meta http-equiv='set-cookie'>"),
    ("own-policy", "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'unsafe-inline'\">",
     "<meta http-equiv='content-security-policy'>"),
    # With scripting on, a browser reads <noscript> as text up to the first </noscript>: the script is real.
    ("noscript", f'<noscript><p title="</noscript><script>{ALERT}</script>"></p></noscript>', "no template wrote"),
    ("noscript-refresh", f'<noscript><meta http-equiv="refresh" content="0; url={EVIL}/"></noscript>',
     "<meta http-equiv='refresh'>"),
    ("embed-origins", f"<div data-embed-origins='[\"{EVIL}\"]'></div>", "not an embed page"),
]


def probe_lines(output: str, probe: str) -> list[str]:
    """The lines of the build's output that name the probe's English page."""
    return [line for line in output.splitlines() if re.search(rf"(^|[\s'\"])probe-{probe}/index\.html:", line)]


@pytest.mark.parametrize("probes", [WHILE_WRITTEN, OVER_THE_SITE], ids=["while-written", "over-the-site"])
def test_every_page_that_could_run_code_or_lead_elsewhere_fails_the_build_each_named_with_what_it_holds(copy, probes):
    pages = [copy / "docs" / f"probe-{probe}.md" for probe, _, _ in probes]
    for page, (_, markup, _) in zip(pages, probes, strict=True):
        page.write_text(f"# A probe\n\n{markup}\n\nSome words.\n", "utf-8")
    # The probes are in no navigation: MkDocs says so without a warning (--strict would stop the
    # Spanish build at it, before the checks over the whole site).
    config = copy / "probes.yml"
    config.write_text(yaml.safe_dump({"INHERIT": inheriting_config(copy).name, "validation": {"omitted_files": "info"}}), "utf-8")
    try:
        code, output = build(copy, config)
    finally:
        for page in pages:
            page.unlink()
    assert code != 0 and "Traceback" not in output, output
    for probe, _, expected in probes:
        said = probe_lines(output, probe)
        assert len(said) == 1 and expected in said[0], (probe, output)


def test_the_unchanged_copy_builds(copy):
    # Guards the probes above and below: each failure comes from the one change it makes.
    code, output = build(copy)
    assert code == 0, output


def test_embed_origins_declared_twice_on_the_embed_page_fail(copy):
    restore = with_page_change(copy, "self-assessment-embed.md", "## Before you start",
                               f"<div data-embed-origins='[\"{EVIL}\"]'></div>\n\n## Before you start")
    try:
        code, output = build(copy)
    finally:
        restore()
    assert code != 0 and "self-assessment-embed/index.html" in output and "not the configured ones" in output, output


BLOCK_PROBES = [
    # The checked model replaced: "Yes" to the safety question would then say "Coaching may fit you well".
    ("self-assessment.md", "/// self-assessment\n", "/// self-assessment\n    attrs: {data-model: '{\"version\":1}'}\n",
     "option attrs"),
    ("self-assessment.md", "/// self-assessment\n", "/// self-assessment\n    attrs: {data-module: nope}\n", "option attrs"),
    ("self-assessment.md", "/// self-assessment\n", f'/// self-assessment\n    attrs: {{onmouseover: "{ALERT}"}}\n',
     "option attrs"),
    ("get-help-now.md", "/// crisis-lines\n", f'/// crisis-lines\n    attrs: {{onmouseover: "{ALERT}"}}\n', "option attrs"),
    ("self-assessment-embed.md", "    share_page: self-assessment.md\n", f"    share_page: {EVIL}/collect\n",
     "option share_page"),
    ("self-assessment-embed.md", "    share_page: self-assessment.md\n", "    share_page: //evil.example/collect.md\n",
     "option share_page"),
]


@pytest.mark.parametrize(("page", "old", "new", "expected"), BLOCK_PROBES, ids=[f"{p[0]}-{i}" for i, p in enumerate(BLOCK_PROBES)])
def test_a_block_option_that_reaches_the_model_or_handlers_fails_the_build(copy, page, old, new, expected):
    restore = with_page_change(copy, page, old, new)
    try:
        code, output = build(copy)
    finally:
        restore()
    assert code != 0 and page in output and expected in output and "not understood" in output, output
    assert "Traceback" not in output, output


def test_a_share_page_that_is_not_a_page_of_the_site_fails_even_without_strict(copy):
    # MkDocs' own link check only warns, and only `strict` turns that into a failure: ours does not
    # depend on it.
    restore = with_page_change(copy, "self-assessment-embed.md", "    share_page: self-assessment.md\n",
                               "    share_page: no-such-page.md\n")
    config = inheriting_config(copy)
    settings = yaml.safe_load(config.read_text("utf-8"))
    config.write_text(yaml.safe_dump({**settings, "strict": False}, sort_keys=False), "utf-8")
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(copy / "loose")],
                                capture_output=True, text=True, cwd=copy)
    finally:
        restore()
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "share_page link" in output and "does not lead to a page of this site" in output, output


FILE_PROBES = [
    ("assets/images/evil-script.svg", f'<svg xmlns="http://www.w3.org/2000/svg"><script>{ALERT}</script></svg>', "a <script> element"),
    ("assets/images/evil-handler.svg", f'<svg xmlns="http://www.w3.org/2000/svg" onload="{ALERT}"/>', "an event handler (onload=)"),
    ("assets/images/evil-address.svg", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
     f'<a x:href="javascript:{ALERT}"><rect/></a></svg>', "a script address"),
    ("assets/images/evil-stylesheet.svg", '<?xml-stylesheet href="x.xsl" type="text/xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
     "processing instruction"),
    ("assets/images/evil-entities.svg", '<!DOCTYPE svg [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>', "declares XML entities"),
    ("assets/images/evil.SVG", '<svg xmlns="http://www.w3.org/2000/svg"/>', "in lower case"),
    ("evil.xhtml", f'<html xmlns="http://www.w3.org/1999/xhtml"><script>{ALERT}</script></html>', "a .xhtml file"),
]


def test_every_file_that_would_run_script_when_opened_fails_the_build_each_named_with_its_reason(copy):
    # One build for every probe: the build names each file on a line of its own, so each probe
    # still shows that its check works (a check that stopped would leave its file unnamed).
    for name, content, _ in FILE_PROBES:
        (copy / "docs" / name).write_text(content, "utf-8")
    try:
        code, output = build(copy)
    finally:
        for name, _, _ in FILE_PROBES:
            (copy / "docs" / name).unlink()
    assert code != 0 and "Traceback" not in output, output
    for name, _, expected in FILE_PROBES:
        said = [line for line in output.splitlines() if name in line]
        assert len(said) == 1 and expected in said[0], (name, output)


def test_a_page_of_its_own_with_a_script_no_template_wrote_fails_the_build(copy):
    path = copy / "docs" / "evil.html"
    path.write_text(f"<p>a page of its own</p><script>{ALERT}</script>", "utf-8")
    try:
        code, output = build(copy)
    finally:
        path.unlink()
    assert code != 0 and "evil.html" in output and "no template wrote" in output, output
    assert "Traceback" not in output, output


def test_an_svg_logo_with_a_script_fails_the_build(copy):
    logo = copy / "docs" / PRACTICE["logo"]
    original = logo.read_text("utf-8")
    logo.write_text(original.replace("<rect", f'<rect onclick="{ALERT}"'), "utf-8")
    try:
        code, output = build(copy)
    finally:
        logo.write_text(original, "utf-8")
    assert code != 0 and "practice-logo.svg" in output and "an event handler (onclick=)" in output, output


# --- in a browser, with no header at all -------------------------------------------------------

INJECTED = "".join([  # what a page edited after the build might hold, just after its policy
    f"<script>{ALERT}</script>",
    f'<img src="x" onerror="{ALERT}">',
    f'<a id="probe-link" href="javascript:{ALERT}">probe</a>',
    f'<script src="{EVIL}/x.js"></script>',
    f'<img src="{EVIL}/pixel.png" alt="">',
    f'<link rel="stylesheet" href="{EVIL}/x.css">',
    f'<base href="{EVIL}/">',
])


def policy_stops(page) -> list[str]:
    """The addresses of requests the page's policy stops before they are sent, as they happen."""
    stopped: list[str] = []
    page.on("requestfailed", lambda request: stopped.append(request.url) if request.failure == "csp" else None)
    return stopped


def inject_after_policy(page_html: str) -> str:
    marker = '<meta http-equiv="Content-Security-Policy"'
    start = page_html.index(marker)
    end = page_html.index(">", start) + 1
    return page_html[:end] + INJECTED + page_html[end:]


@pytest.mark.browser
def test_without_headers_no_probe_runs_loads_from_another_site_or_redirects(new_page, site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    (site / "_headers").unlink()  # as GitHub Pages serves it: none of our headers
    for page in ("index.html", "faq/index.html", "self-assessment/index.html"):
        path = site / page
        path.write_text(inject_after_policy(path.read_text("utf-8")), "utf-8")
    with serve_site(site, apply_headers=False) as base_url:
        for url in ("", "faq/", "self-assessment/"):
            page, watch = new_page(base_url)
            stopped = policy_stops(page)
            page.goto(base_url + url, wait_until="networkidle")
            page.click("#probe-link")
            page.wait_for_timeout(300)
            assert watch.dialogs == [], (url, watch.dialogs)
            # Chromium reports a request the policy stopped, though it never leaves the browser.
            assert [r for r in watch.other_origin_requests if r not in stopped] == [], (url, watch.other_origin_requests)
            assert len(stopped) >= 3, stopped  # the script, the image, the stylesheet
            assert page.url == base_url + url, (url, page.url)
            # The page still works: Material's bundle (from this site, not from the <base>) ran.
            assert page.evaluate("() => typeof window.document$ !== 'undefined'"), url
            page.context.close()


@pytest.mark.browser
def test_the_probe_page_runs_the_probes_without_its_policy(new_page, site_dir, tmp_path):
    # Guards the test above: the same injected page, with its policy taken out, runs them.
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    path = site / "faq" / "index.html"
    html = inject_after_policy(path.read_text("utf-8"))
    start = html.index('<meta http-equiv="Content-Security-Policy"')
    path.write_text(html[:start] + html[html.index(">", start) + 1:], "utf-8")
    with serve_site(site, apply_headers=False) as base_url:
        page, watch = new_page(base_url)
        stopped = policy_stops(page)
        page.goto(base_url + "faq/", wait_until="networkidle")
        assert watch.dialogs and [r for r in watch.other_origin_requests if r not in stopped], watch.other_origin_requests
