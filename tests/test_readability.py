"""Each content page's prose reads at US grade 8 or below (Flesch-Kincaid, textstat)."""

from __future__ import annotations

import pytest

from harness.sitebuild import ROOT
from readability import grade, page_prose, use_offline_cmudict, words

MAX_GRADE = 8.0
# The self-assessment pages (full and embedded) quote a validated screener word for word, so their
# wording is not ours to simplify; every other page in docs/ is measured.
CONTENT_PAGES = sorted(p.name for p in (ROOT / "docs").glob("*.md") if not p.name.startswith("self-assessment"))


@pytest.fixture(scope="session", autouse=True)
def offline_cmudict(tmp_path_factory):
    use_offline_cmudict(tmp_path_factory.mktemp("nltk_data"))


def built(site_dir, page: str) -> str:
    stem = page.removesuffix(".md")
    return (site_dir / ("index.html" if stem == "index" else f"{stem}/index.html")).read_text("utf-8")


def test_every_content_page_reads_at_grade_eight_or_below(site_dir, capsys):
    rows = []
    for page in CONTENT_PAGES:
        text = page_prose(built(site_dir, page))
        rows.append((page, words(text), grade(text)))
    with capsys.disabled():
        print("\n\npage                 words  grade")
        for page, count, level in rows:
            print(f"{page:20} {count:6} {level:6.1f}")
    too_hard = [(page, level) for page, _, level in rows if level > MAX_GRADE]
    assert not too_hard, f"above grade {MAX_GRADE}: {too_hard}"


def test_every_content_page_has_prose_to_measure(site_dir):
    assert all(words(page_prose(built(site_dir, page))) >= 50 for page in CONTENT_PAGES)


def test_grade_is_computed_offline_and_tells_easy_from_hard():
    easy = "The cat sat on the mat. We went home. It was fun."
    hard = ("Notwithstanding considerable methodological heterogeneity, psychotherapeutic interventions "
            "demonstrate substantial effectiveness across diagnostically differentiated populations.")
    assert grade(easy) < 3 < MAX_GRADE < grade(hard)


def test_prose_leaves_out_tables_code_references_and_permalinks():
    html = """<article><h2>Title<a class="headerlink" href="#t">¶</a></h2><p>Kept words here.</p>
    <table><tr><td>tablecell</td></tr></table><pre><code>codeword</code></pre>
    <div class="references"><ul><li>Referenceword, A. (2020).</li></ul></div>
    <p class="page-reviewed">Last reviewed 2026-11-27.</p></article>"""
    text = page_prose(html)
    assert "Kept words here." in text and "Title." in text
    for left_out in ("tablecell", "codeword", "Referenceword", "¶", "Last reviewed"):
        assert left_out not in text


def test_prose_ends_each_block_as_a_sentence():
    # Headings and list items without a full stop must not run into the next sentence.
    assert page_prose("<article><h2>Focus</h2><ul><li>one thing</li></ul></article>") == "Focus.\none thing."
