"""Generate projects to compare with: bare Material from the same Markdown (our data-driven blocks
rendered into it as plain Markdown, so both carry the same words), our own site copied
(so synthetic pages can be added), and synthetic pages for build-time scaling.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from harness.sitebuild import our_site_values, page_sources, translation_of
from microsite.i18n import words

from .block_markdown import DATA_BLOCKS, block_renderer
from .config import extension_entries, extension_name, read_config, write_config

# Top-level folders that are not part of what `mkdocs build` reads.
NOT_SITE_INPUT = {
    ".git", ".venv", ".pytest_cache", "node_modules", "site", "build", "bench-results",
    "benchmarks", "tests", "src", "scripts", "requirements", ".ci",
}
# Keys of mkdocs.yml that describe the content, not the theme or our plugin.
CONTENT_KEYS = ("site_name", "site_url", "site_description", "copyright", "use_directory_urls", "nav")
# Extensions bare Material does not have: pymdownx blocks and our own.
BLOCK_EXTENSIONS = re.compile(r"^(pymdownx\.blocks\.|microsite\.)")

BLOCK_OPEN = re.compile(r"^(?P<indent>\s*)/{3,}\s*(?P<name>[\w-]+)\s*(?:\|\s*(?P<title>.*?))?\s*$")
BLOCK_CLOSE = re.compile(r"^\s*/{3,}\s*$")
# Block arguments that are markup, not words.
UNTITLED_BLOCKS = {"html"}
FRONT_MATTER_DROPPED = ("template:",)


def strip_blocks(markdown: str, render: Callable[[str], str] | None = None) -> str:
    """Remove `/// name | title` ... `///` block fences and their options; keep the words. Our
    data-driven blocks (DATA_BLOCKS) have no words in the Markdown: `render` gives them theirs."""
    out: list[str] = []
    options_indent = None
    data_block: list[str] | None = None  # the source of a data block being read
    for line in markdown.splitlines():
        if data_block is not None:
            data_block.append(line)
            if BLOCK_CLOSE.match(line):
                indent = re.match(r"\s*", data_block[0]).group()
                source = "\n".join(b[len(indent):] for b in data_block) + "\n"
                out.extend(["", *(indent + r if r else r for r in render(source).splitlines()), ""])
                data_block = None
            continue
        if options_indent is not None:
            if line.strip() and line.startswith(options_indent + "    "):
                continue  # a block option such as `    type: note`
            options_indent = None
        if BLOCK_CLOSE.match(line):
            out.append("")
            continue
        opening = BLOCK_OPEN.match(line)
        if opening and opening["name"] in DATA_BLOCKS:
            if render is None:
                raise ValueError(f"/// {opening['name']} needs its data rendered: pass `render`")
            data_block = [line]
            continue
        if opening:
            title = opening["title"]
            if title and opening["name"] not in UNTITLED_BLOCKS:
                out.extend(["", f"{opening['indent']}**{title}**"])
            out.append("")
            options_indent = opening["indent"]
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def strip_front_matter_keys(markdown: str) -> str:
    """Drop front matter keys that need our templates (bare Material has no such template)."""
    if not markdown.startswith("---"):
        return markdown
    head, sep, body = markdown[3:].partition("\n---")
    kept = [line for line in head.splitlines() if not line.startswith(FRONT_MATTER_DROPPED)]
    return "---" + "\n".join(kept) + sep + body


def make_bare_project(root: Path, dest: Path, language: str | None = None) -> Path:
    """Write a bare-Material project for `root`'s docs/ into `dest`; return its mkdocs.yml.
    `language`: Material's interface language (`theme.language`), for a bare site in that
    language, published in its folder (`es/`) as ours is: its search loads that language's word
    rules, as ours does, and its navigation carries the same words as ours (our catalog's)."""
    ours = read_config(root / "mkdocs.yml")
    shutil.copytree(ours.docs_dir, dest / "docs", dirs_exist_ok=True)
    # One language a bare site: its own pages where they are written in it (`faq.es.md` as
    # `faq.md`), the default language's elsewhere, as ours falls back.
    for page in sorted((dest / "docs").rglob("*.md")):
        lang = translation_of(page)
        if lang and lang == language:
            page.replace(page.with_name(page.name.removesuffix(f".{lang}.md") + ".md"))
        elif lang:
            page.unlink()
    render = block_renderer(root / "mkdocs.yml")
    for page in (dest / "docs").rglob("*.md"):
        page.write_text(strip_front_matter_keys(strip_blocks(page.read_text("utf-8"), render)), "utf-8")
    config = {key: ours[key] for key in CONTENT_KEYS if ours[key] is not None}
    # The address and name of the site ours is built as (our own site's, whatever a practice's
    # copy of mkdocs.yml says), so that both carry the same words and links.
    config.update({key: value for key, value in our_site_values().items() if key in ("site_url", "site_name")})
    if language:
        config["nav"] = translated_nav(config.get("nav"), words(language))
        if config.get("site_url"):
            config["site_url"] = config["site_url"].rstrip("/") + f"/{language}/"
    config["theme"] = {"name": "material", **({"language": language} if language else {})}
    # The light/dark palette with its toggle is Material's own feature (its palette CSS, about
    # 2 KB gzip, and the toggle's markup), required of the site, so bare Material gets the same
    # block, read from our config so the two cannot drift. Our `font: false` is NOT copied: bare
    # keeps Material's default Google Fonts, whose requests go to another origin and so are
    # recorded but never counted in its same-origin bytes (bare is, if anything, measured light).
    if ours.theme.get("palette"):
        config["theme"]["palette"] = ours.theme["palette"]
    config["plugins"] = ["search"]
    config["markdown_extensions"] = [
        entry for entry in extension_entries(ours) if not BLOCK_EXTENSIONS.match(extension_name(entry))
    ]
    write_config(config, dest / "mkdocs.yml")
    return dest / "mkdocs.yml"


def translated_nav(nav, interface):
    """The navigation with its titles in the interface's language, as our plugin writes them."""
    if not isinstance(nav, list):
        return nav
    return [{interface.gettext(title): translated_nav(value, interface) for title, value in item.items()}
            if isinstance(item, dict) else item for item in nav]


def copy_project(root: Path, dest: Path) -> Path:
    """Copy what `mkdocs build` reads from `root` into `dest`; return the copy's mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in root.iterdir():
        if item.name in NOT_SITE_INPUT:
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name, dirs_exist_ok=True)
        else:
            shutil.copy2(item, dest / item.name)
    return dest / "mkdocs.yml"


def synthetic_page(number: int, words: list[str], length: int = 1000) -> str:
    """About `length` words of plain Markdown (headings, paragraphs, a list, a table)."""
    pick = (words[(number * 7919 + i) % len(words)] for i in range(length))
    chunks = [" ".join(next(pick) for _ in range(50)) for _ in range(length // 50)]
    parts = [f"---\ndescription: Synthetic page {number}.\n---\n\n# Synthetic page {number}\n"]
    for i, chunk in enumerate(chunks):
        if i % 5 == 0:
            parts.append(f"## Section {i // 5 + 1}\n")
        if i % 7 == 3:
            parts.append("\n".join(f"- {item}" for item in chunk.split(" ", 5)[:5]) + "\n")
        elif i % 11 == 5:
            cells = chunk.split()
            parts.append("| a | b |\n|---|---|\n" + "\n".join(f"| {cells[j]} | {cells[j + 1]} |" for j in range(0, 10, 2)) + "\n")
        else:
            parts.append(chunk[0].upper() + chunk[1:] + ".\n")
    return "\n".join(parts)


def add_synthetic_pages(config_path: Path, count: int) -> Path:
    """Add `count` synthetic pages (made of the site's own words) to a project; return a config
    that INHERITs `config_path` with them in its nav."""
    config = read_config(config_path)
    docs = Path(config.docs_dir)
    words = [w.lower() for page in page_sources(None, docs)
             for w in re.findall(r"[A-Za-z]{3,}", page.read_text("utf-8"))] or ["word"]
    folder = docs / "synthetic"
    folder.mkdir(exist_ok=True)
    entries = []
    for number in range(1, count + 1):
        (folder / f"page-{number}.md").write_text(synthetic_page(number, words), "utf-8")
        entries.append({f"Synthetic {number}": f"synthetic/page-{number}.md"})
    synthetic = config_path.with_name(f"{config_path.stem}-synthetic.yml")
    write_config({"INHERIT": config_path.name, "nav": [*(config.nav or []), {"Synthetic": entries}]}, synthetic)
    return synthetic
