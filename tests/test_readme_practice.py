"""The README's "For a practice" section, followed literally on a copy of the repository: the
commands and files it shows, for its fictional GB practice under /learn/. A README change that
breaks the path breaks this test.

The copy is the working tree as a clone would hold it (tracked and new files, nothing ignored);
it uses our environment and `node_modules`, as `scripts/setup` would have made them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from selectolax.lexbor import LexborHTMLParser

from harness.browser import open_settled
from harness.server import parse_headers_file, serve_site
from harness.sitebuild import PRACTICE_ENV, ROOT

pytestmark = pytest.mark.browser  # the README's steps end with scripts/check-practice, which opens Chromium
SECTION = "## For a practice: brand and deploy the site"
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#0b6e4f"/></svg>'


def practice_section() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start:end if end != -1 else None]


def fenced(section: str, language: str, holding: str) -> str:
    """The one `language` code block of the section that holds `holding`."""
    found = [body for body in re.findall(rf"```{language}\n(.*?)```", section, re.S) if holding in body]
    assert len(found) == 1, f"the README's practice section should show one {language} block with {holding!r}"
    return found[0]


def file_named_before(section: str, block: str) -> str:
    """The path the README names just before a block, e.g. `practice/docs/coaches.md`."""
    before = section[: section.index(block)]
    return re.findall(r"`(practice/[^`\s]+)`", before)[-1]


def clone(target: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not name.startswith("practice/"):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)  # times kept: scripts/setup sees the pins installed
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    os.utime(target / "package-lock.json", (0, 0))  # installed already: `npm ci` must not run into ours
    # Our environment, seen from the copy's own .venv: its install stamps are the copy's, so
    # `scripts/setup` there finds everything installed and never reinstalls ours from the copy.
    venv = target / ".venv"
    venv.mkdir()
    for part in (ROOT / ".venv").iterdir():
        if not part.name.startswith("."):
            (venv / part.name).symlink_to(part)
    for stamp in (".installed-site", ".installed-test"):
        (venv / stamp).touch()
    return target


def run(script: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != PRACTICE_ENV}
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)


def follow_the_readme(folder: Path) -> None:
    """The README's steps, in its order, on a fresh copy in `folder / "copy"`; what each step
    printed in `folder / "outputs.json"`."""
    section = practice_section()
    root = clone(folder / "copy")
    init = fenced(section, "sh", "scripts/init-practice")
    logo = re.search(r"--logo (\S+)", init).group(1)
    (root / logo).write_text(LOGO, "utf-8")  # the owner's logo file, where the README says it is
    outputs = [run(init, root)]
    assert outputs[0].returncode == 0, outputs[0].stdout + outputs[0].stderr
    page = fenced(section, "markdown", "# Our coaches")
    target = root / file_named_before(section, page)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, "utf-8")
    pages = fenced(section, "yaml", "pages:")
    assert "at the end of `practice/practice.yml`" in section[: section.index(pages)]
    with (root / "practice" / "practice.yml").open("a", encoding="utf-8") as config:
        config.write(pages)
    outputs.append(run(fenced(section, "sh", "scripts/check-practice"), root))
    assert outputs[1].returncode == 0, outputs[1].stdout + outputs[1].stderr
    (folder / "outputs.json").write_text(json.dumps(
        [{"returncode": o.returncode, "stdout": o.stdout, "stderr": o.stderr} for o in outputs]), "utf-8")


@pytest.fixture(scope="module")
def followed(made_once):
    """The README followed once per run, whichever worker asks first: (copy, output of each step)."""
    folder = made_once("readme-practice", follow_the_readme)
    outputs = [SimpleNamespace(**step) for step in json.loads((folder / "outputs.json").read_text("utf-8"))]
    return folder / "copy", outputs


def test_init_writes_the_practice_folder_and_says_the_next_command(followed):
    root, outputs = followed
    assert "wrote practice/practice.yml" in outputs[0].stdout
    assert "Next: scripts/serve" in outputs[0].stdout
    assert (root / "practice" / "docs" / "assets" / "images").is_dir()
    # Nothing of ours was edited or added to: the practice's own files are all in practice/.
    for ours in ("docs", "data", "overrides"):
        theirs = sorted(p.relative_to(root).as_posix() for p in (root / ours).rglob("*") if p.is_file())
        assert theirs == sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / ours).rglob("*") if p.is_file())
        assert all((root / name).read_bytes() == (ROOT / name).read_bytes() for name in theirs)
    assert (root / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()


def test_the_practice_check_passes_and_names_the_config(followed):
    root, outputs = followed
    assert "Practice config:" in outputs[1].stdout + outputs[1].stderr
    assert "passed every check: ready to publish" in outputs[1].stdout
    pages = [page for page in (root / "site").rglob("*.html") if page != root / "site" / "404.html"]
    assert len(pages) > 20 and f"Opened {len(pages)} pages in Chromium" in outputs[1].stdout, outputs[1].stdout


def test_the_published_folder_holds_the_site_under_learn_with_prefixed_headers(followed):
    root, _ = followed
    public = root / "public"
    assert (public / "learn" / "index.html").is_file() and not (public / "learn" / "_headers").exists()
    rules = dict(parse_headers_file(public / "_headers"))
    assert rules and all(pattern.startswith("/learn/") for pattern in rules), list(rules)
    assert "/learn/self-assessment-embed/" in rules
    assert "Sitemap: https://northside.example/learn/sitemap.xml" in (public / "learn" / "robots.txt").read_text()


def test_own_page_added_and_hidden_page_left_out(followed):
    root, _ = followed
    site = root / "public" / "learn"
    assert "Our coaches" in (site / "coaches" / "index.html").read_text("utf-8")
    assert not (site / "faq").exists()
    nav = LexborHTMLParser((site / "index.html").read_text("utf-8"))
    assert any(a.text(strip=True) == "Our coaches" for a in nav.css("nav a"))


def test_gb_lines_come_first(followed):
    root, _ = followed
    help_page = LexborHTMLParser((root / "public" / "learn" / "get-help-now" / "index.html").read_text("utf-8"))
    assert help_page.css_first(".crisis-region").attributes["id"] == "region-gb"


@pytest.mark.parametrize("width", [320, 375])
def test_header_shows_the_practice_with_its_logo(followed, new_page, width):
    root, _ = followed
    with serve_site(root / "public") as url:  # as a host serves the folder: _headers at its top
        page, watch = new_page(url=url, viewport={"width": width, "height": 740})
        response = open_settled(page, url + "learn/")
        assert response.ok
        assert "frame-ancestors" not in (response.headers.get("content-security-policy") or "")
        header = page.evaluate("""() => {
            const logo = document.querySelector('.md-header .md-logo img');
            const name = document.querySelector('.md-header__topic:first-child .md-ellipsis');
            const box = (e) => e.getBoundingClientRect();
            return {logo: logo && logo.getAttribute('src'), logoWidth: logo ? box(logo).width : 0,
                    logoRight: logo ? box(logo).right : 0, name: name.textContent.trim(),
                    whole: name.scrollWidth <= name.clientWidth && name.scrollHeight <= name.clientHeight,
                    nameLeft: box(name).left, title: document.title};
        }""")
        assert header["logo"] and header["logo"].endswith("assets/images/northside-logo.svg"), header
        assert header["logoWidth"] > 0 and header["logoRight"] <= header["nameLeft"], header
        assert header["name"] == "Northside" and header["whole"], header
        assert "Northside Coaching Studio" in header["title"], header
        assert not watch.other_origin_requests and not watch.console_errors, (watch.other_origin_requests,
                                                                                watch.console_errors)
