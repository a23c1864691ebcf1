"""The practice's own site, checked before it is published (`scripts/check-practice`).

What the project's tests check on our fixture configs, checked here on the practice's own config:
the strict build, every link and anchor (lychee, offline), each page in Chromium served as a host
serves it (under its sub-path, with its `_headers`): no Content-Security-Policy violation or script
error, no request to another site, no axe-core finding; the practice's region's crisis lines first
on Get help now and in the self-assessment; the embed framed only by its origins. The folder it
checked is the one to publish (`--site-dir`).

    python -m harness.practice_check [--config mkdocs.yml] [--site-dir site]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from microsite.publish import lay_out

from .browser import format_violations, open_settled, run_axe, running_chromium, watched_page
from .server import parse_headers_file, serve_site
from .sitebuild import PRACTICE_ENV, html_pages, mkdocs_build

PHONE = {"width": 375, "height": 740}


def build(config: Path, site_dir: Path) -> list[str]:
    """Build with the practice's values (its folder, or the one MICROSITE_PRACTICE names)."""
    chosen = os.environ.get(PRACTICE_ENV)
    result = mkdocs_build(config, site_dir, check=False, env={PRACTICE_ENV: chosen} if chosen else None)
    print(next((line.strip() for line in result.stderr.splitlines() if "Practice config:" in line), ""))
    return [] if result.returncode == 0 else [f"the strict build failed:\n{result.stdout}{result.stderr}"]


def links(site_dir: Path, site_url: str | None) -> list[str]:
    """Every link and anchor, in the folder as a host publishes it (under the site's path)."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "published"
        lay_out(site_dir, root, site_url)
        result = subprocess.run(
            [str(Path(sys.executable).with_name("lychee")), "--offline", "--include-fragments", "--no-progress",
             "--root-dir", str(root), "--index-files", "index.html", "--format", "detailed",
             # The error page's links are absolute (it is served at any address), and lychee reads
             # those as files; they are the pages' own, checked here in the pages.
             *[str(page) for page in html_pages(root) if page.name != "404.html"]],
            capture_output=True, text=True, cwd=root)
    return [] if result.returncode == 0 else [f"broken links or anchors:\n{result.stdout}{result.stderr}"]


def region_first(site_dir: Path, region: str) -> list[str]:
    """The practice's region leads the crisis lines on Get help now and in the self-assessment."""
    problems = []
    for page, scope in (("get-help-now/index.html", ""), ("self-assessment/index.html", ".sa-crisis ")):
        path = site_dir / page
        if not path.is_file():
            problems.append(f"{page}: missing")
            continue
        first = LexborHTMLParser(path.read_text("utf-8")).css_first(f"{scope}.crisis-region")
        if first is None or first.attributes.get("id") != f"region-{region.lower()}":
            found = first.attributes.get("id") if first is not None else "no crisis lines"
            problems.append(f"{page}: the crisis lines start with {found}, not region-{region.lower()}")
    return problems


def embed_framing(site_dir: Path, site_url: str | None, origins: list[str]) -> list[str]:
    base = urlsplit(site_url or "").path.rstrip("/")
    rules = dict(parse_headers_file(site_dir / "_headers"))
    policy = dict(rules.get(f"{base}/self-assessment-embed/", [])).get("Content-Security-Policy", "")
    expected = "frame-ancestors " + (" ".join(origins) if origins else "'none'")
    return [] if expected in policy else [f"_headers: the embed's rule does not say {expected!r}"]


def in_browser(site_dir: Path, site_url: str | None) -> list[str]:
    """Every page in Chromium, on a phone, served under the site's path with its `_headers`."""
    with running_chromium() as browser:
        return pages_in_browser(browser, site_dir, site_url)


def pages_in_browser(browser, site_dir: Path, site_url: str | None) -> list[str]:
    """`in_browser` with a browser already running."""
    prefix = urlsplit(site_url or "").path or "/"
    problems = []
    pages = [rel for path in html_pages(site_dir) if (rel := path.relative_to(site_dir).as_posix()) != "404.html"]
    with serve_site(site_dir, prefix=prefix) as url:
        for rel in pages:
            address = url + rel.removesuffix("index.html")
            page, watch = watched_page(browser, url, viewport=PHONE)
            try:
                open_settled(page, address)
                violations = run_axe(page)
            finally:
                page.context.close()
            errors = watch.console_errors + watch.page_errors
            if errors:
                problems.append(f"{rel}: errors in the browser (a policy violation?): {errors}")
            if watch.other_origin_requests:
                problems.append(f"{rel}: requests to another site: {watch.other_origin_requests}")
            if violations:
                problems.append(f"{rel}: accessibility (axe-core):\n{format_violations(violations)}")
    print(f"Opened {len(pages)} pages in Chromium (phone size), each checked by axe-core.")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/check-practice", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="MKDOCS_YML")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), metavar="SITE_DIR",
                        help="where the checked site is built (default: site)")
    args = parser.parse_args(argv)
    config, site_dir = args.config.resolve(), args.site_dir.resolve()
    problems = build(config, site_dir)
    if not problems:
        from microsite import mkdocs_config

        site = mkdocs_config.load_site_for(mkdocs_config.load(config), with_files=False)
        site_url, practice = site.settings["site_url"], site.practice
        for step in (lambda: links(site_dir, site_url), lambda: region_first(site_dir, practice["region"]),
                     lambda: embed_framing(site_dir, site_url, practice["embed_origins"]),
                     lambda: in_browser(site_dir, site_url)):
            problems += step()
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    if problems:
        print(f"The practice's site is not ready to publish: {len(problems)} problem(s) above.", file=sys.stderr)
        return 1
    print(f"The practice's site in {site_dir} passed every check: ready to publish.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
