"""The bare-Material copy the byte budgets compare with: it must carry the words of our pages,
including those our data-driven blocks render from data/, and none of our markup."""

from __future__ import annotations

import re

import pytest

from benchmarks.baresite import make_bare_project, strip_blocks
from harness.sitebuild import ROOT
from microsite.crisis import load_crisis_lines
from microsite.self_assessment.model import load_self_assessment


def test_a_data_block_is_replaced_by_what_the_renderer_gives_it():
    seen = []

    def render(source):
        seen.append(source)
        return "## Lines\n\n- One line\n"

    bare = strip_blocks("Intro.\n\n  /// crisis-lines\n      show: region\n  ///\n\nAfter.\n", render)
    assert seen == ["/// crisis-lines\n    show: region\n///\n"]  # the whole block, its indent removed
    assert "  ## Lines\n\n  - One line\n" in bare and "///" not in bare and "show: region" not in bare
    assert bare.startswith("Intro.") and "After." in bare


def test_a_data_block_without_a_renderer_is_refused():
    with pytest.raises(ValueError, match="self-assessment"):
        strip_blocks("/// self-assessment\n///\n")


@pytest.fixture(scope="module")
def bare_docs(tmp_path_factory):
    project = make_bare_project(ROOT, tmp_path_factory.mktemp("bare") / "project")
    return project.parent / "docs"


def words(markdown: str) -> str:
    return " ".join(markdown.replace("\\", "").split())  # markdownify escapes Markdown's characters


def test_the_bare_copy_carries_every_crisis_line_and_no_markup_of_ours(bare_docs):
    page = (bare_docs / "get-help-now.md").read_text("utf-8")
    data = load_crisis_lines(ROOT / "data" / "crisis-lines.yml")
    names = [line["name"] for region in data["regions"].values()
             for line in region.get("lines", []) + region.get("abuse_lines", [])]
    assert names and [name for name in names if name not in words(page)] == []
    assert not re.search(r"<(div|section|details|span|form|input|ul|li|h\d)\b", page)


def test_the_bare_copy_carries_the_questions_results_and_scoring_guide(bare_docs):
    data = load_self_assessment(ROOT / "data" / "self-assessment.yml")
    texts = [q["text"] for s in data["sections"] for q in s["questions"]] + [r["title"] for r in data["results"]]
    for name in ("self-assessment.md", "self-assessment-embed.md"):
        page = words((bare_docs / name).read_text("utf-8"))
        assert [text for text in texts if " ".join(text.split()) not in page] == [], name
        assert "<form" not in page and "<input" not in page and "///" not in page


def test_the_bare_copy_names_the_publisher(bare_docs):
    assert "This site is published by" in (bare_docs / "about.md").read_text("utf-8")


def test_what_our_page_keeps_out_of_search_and_contents_the_bare_copy_keeps_out_too():
    from benchmarks.block_markdown import PlainMarkdown

    html = ('<h3 id="listed">Region</h3><h4 id="hidden">A line</h4>'
            '<p data-search-exclude="">Details.</p><ul><li data-search-exclude="">Call</li><li>Kept</li></ul>'
            '<form data-search-exclude=""><p data-search-exclude="">Question?</p></form>')
    markdown = PlainMarkdown({"listed"}).convert(html)
    assert "### Region" in markdown and "**A line**" in markdown and "#### A line" not in markdown
    assert "Details.\n{: data-search-exclude }" in markdown
    assert "- Call { data-search-exclude }" in markdown and "- Kept\n" in markdown
    assert "<div data-search-exclude markdown>\n\nQuestion?" in markdown
