"""Our data-driven blocks as plain Markdown, for the bare copy: the same words as our pages (every
crisis line, the publisher, the questionnaire with its results and scoring guide) without our
markup, so that "over bare" weighs our machinery, not our words.

The HTML comes from the blocks' own extensions, configured by our plugin as in a real build, and
markdownify turns it into Markdown: nothing here renders a block a second time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import markdown
from markdownify import ATX, MarkdownConverter

DATA_BLOCKS = ("crisis-lines", "publisher", "self-assessment")


class PlainMarkdown(MarkdownConverter):
    """Headings our page keeps out of its table of contents become bold lines, so that bare
    Material does not list them in its own (which would weigh the bare page, not ours)."""

    def __init__(self, listed_ids: set[str], **options):
        super().__init__(heading_style=ATX, bullets="-", **options)
        self.listed_ids = listed_ids

    def convert_a(self, el, text, parent_tags):
        if "headerlink" in (el.get("class") or []):
            return ""  # a heading's permalink: bare Material's toc adds its own
        return super().convert_a(el, text, parent_tags)

    def convert_hN(self, n, el, text, parent_tags):  # noqa: N802 (markdownify's name)
        if el.get("id") in self.listed_ids:
            return super().convert_hN(n, el, text, parent_tags)
        return f"\n\n**{' '.join(text.split())}**\n\n" if text.strip() else ""


def _listed_ids(tokens: list[dict]) -> set[str]:
    return {t["id"] for t in tokens} | {i for t in tokens for i in _listed_ids(t["children"])}


def block_renderer(config_file: Path) -> Callable[[str], str]:
    """A function from a block's source (`/// name`, its options, `///`) to plain Markdown, with
    the extensions and options of a real build of `config_file`."""
    from mkdocs.config import load_config  # only the bare copy needs MkDocs' config machinery

    config = load_config(config_file=str(config_file))
    config = config.plugins.on_config(config)  # our plugin hands the blocks their data and region
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def render(source: str) -> str:
        html = md.reset().convert(source)
        listed = _listed_ids(getattr(md, "toc_tokens", []))
        return PlainMarkdown(listed).convert(html).strip() + "\n"

    return render
