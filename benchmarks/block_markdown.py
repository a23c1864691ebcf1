"""Our data-driven blocks as plain Markdown, for the bare copy: the same words as our pages (every
crisis line, each region's short help, the publisher, the questionnaire with its results and scoring guide) without our
markup, so that "over bare" weighs our machinery, not our words.

The HTML comes from the blocks' own extensions, configured by our plugin as in a real build, and
markdownify turns it into Markdown: nothing here renders a block a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import markdown
from markdownify import ATX, MarkdownConverter

DATA_BLOCKS = ("crisis-lines", "emergency", "publisher", "self-assessment")


SEARCH_EXCLUDE = "data-search-exclude"  # Material's own marker, which our blocks set
NESTED_IN = {"li", "ul", "ol", "table", "blockquote"}  # where an HTML block cannot start in Markdown


def _excluded(el) -> bool:
    return any(node.has_attr(SEARCH_EXCLUDE) for node in (el, *el.parents) if hasattr(node, "has_attr"))


class PlainMarkdown(MarkdownConverter):
    """What our page keeps out of its table of contents and its search index, the bare copy keeps
    out too, so that bare Material does not carry it in its own (every page downloads the search
    index: that would weigh the bare pages, not ours). Headings out of the contents become bold
    lines; parts out of search keep Material's marker, by `attr_list` on paragraphs and list items,
    or in a `<div markdown>` (`md_in_html`) around a larger part."""

    def __init__(self, listed_ids: set[str], **options):
        super().__init__(heading_style=ATX, bullets="-", **options)
        self.listed_ids = listed_ids

    def convert_a(self, el, text, parent_tags):
        if "headerlink" in (el.get("class") or []):
            return ""  # a heading's permalink: bare Material's toc adds its own
        return super().convert_a(el, text, parent_tags)

    def convert_p(self, el, text, parent_tags):
        converted = super().convert_p(el, text, parent_tags)
        if not _excluded(el) or "_inline" in parent_tags or not converted.strip():
            return converted
        return converted.rstrip("\n") + f"\n{{: {SEARCH_EXCLUDE} }}\n\n"

    def convert_li(self, el, text, parent_tags):
        if _excluded(el) and text.strip() and "\n" not in text.strip():
            text = text.rstrip() + f" {{ {SEARCH_EXCLUDE} }}"
        return super().convert_li(el, text, parent_tags)

    def convert_div(self, el, text, parent_tags):
        return self._part(el, super().convert_div(el, text, parent_tags), parent_tags)

    def _part(self, el, converted: str, parent_tags) -> str:
        """A part marked itself (not by an ancestor), where Markdown allows an HTML block."""
        if not el.has_attr(SEARCH_EXCLUDE) or _excluded(el.parent) or NESTED_IN & set(parent_tags) or not converted.strip():
            return converted
        return f"\n\n<div {SEARCH_EXCLUDE} markdown>\n\n{converted.strip()}\n\n</div>\n\n"

    def convert_form(self, el, text, parent_tags):
        return self._part(el, text, parent_tags)

    convert_section = convert_form
    convert_fieldset = convert_form
    convert_details = convert_form

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
