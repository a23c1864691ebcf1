"""Every page's prose reads at US grade 8 or below by two formulas, Flesch-Kincaid and SMOG (textstat).

Every page in docs/ is measured, the self-assessment and its embed too, with the words of the
questionnaire (questions, answers, results and the guide to scoring by hand). The PHQ-4's items are
quoted word for word; they are short and plain, and they are measured with the rest.
"""

from __future__ import annotations

import pytest

from harness.sitebuild import page_sources
from readability import FORMULAS, grade, page_prose, smog, use_offline_cmudict, words

MAX_GRADE = 8.0
PAGES = [p.name for p in page_sources()]  # English; the Spanish pages: test_readability_es.py


@pytest.fixture(scope="session", autouse=True)
def offline_cmudict(tmp_path_factory):
    use_offline_cmudict(tmp_path_factory.mktemp("nltk_data"))


def built(site_dir, page: str) -> str:
    stem = page.removesuffix(".md")
    return (site_dir / ("index.html" if stem == "index" else f"{stem}/index.html")).read_text("utf-8")


def test_every_page_reads_at_grade_eight_or_below_by_both_formulas(site_dir, capsys):
    rows = []
    for page in PAGES:
        text = page_prose(built(site_dir, page))
        rows.append((page, words(text), {name: formula(text) for name, formula in FORMULAS.items()}))
    worst = {name: max(rows, key=lambda row: row[2][name]) for name in FORMULAS}
    with capsys.disabled():
        print("\n\npage                             words  " + "  ".join(f"{name:>14}" for name in FORMULAS))
        for page, count, scores in rows:
            print(f"{page:32} {count:6}  " + "  ".join(f"{scores[name]:14.1f}" for name in FORMULAS))
        for name, (page, _, scores) in worst.items():
            print(f"worst by {name}: {page} at grade {scores[name]:.1f} (goal: {MAX_GRADE} or below)")
    too_hard = [(page, name, round(scores[name], 1)) for page, _, scores in rows
                for name in FORMULAS if scores[name] > MAX_GRADE]
    assert not too_hard, f"above grade {MAX_GRADE}: {too_hard}"


def test_every_page_has_prose_to_measure(site_dir):
    # Both formulas want a page of some length (SMOG was made for 30 sentences or more).
    short = [page for page in PAGES if words(page_prose(built(site_dir, page))) < 150]
    assert not short, short


def test_both_formulas_are_computed_offline_and_tell_easy_from_hard():
    easy = "The cat sat on the mat. We went home. It was fun. " * 10
    hard = ("Notwithstanding considerable methodological heterogeneity, psychotherapeutic interventions "
            "demonstrate substantial effectiveness across diagnostically differentiated populations. ") * 10
    assert grade(easy) < 3 < MAX_GRADE < grade(hard)
    assert smog(easy) < 5 < MAX_GRADE < smog(hard)


def test_prose_leaves_out_tables_code_references_and_permalinks():
    html = """<article><h2>Title<a class="headerlink" href="#t">¶</a></h2><p>Kept words here.</p>
    <table><tr><td>tablecell</td></tr></table><pre><code>codeword</code></pre>
    <div class="references"><ul><li>Referenceword, A. (2020).</li></ul></div>
    <p class="page-reviewed">Last reviewed 2026-11-27.</p></article>"""
    text = page_prose(html)
    assert "Kept words here." in text and "Title." in text
    for left_out in ("tablecell", "codeword", "Referenceword", "¶", "Last reviewed"):
        assert left_out not in text


def test_prose_keeps_a_forms_questions_and_answers():
    html = """<article><form><fieldset><legend>How often have you felt down</legend>
    <label><input type="radio" name="q"> Several days</label></fieldset>
    <p>Your result says why.</p></form></article>"""
    assert page_prose(html) == "How often have you felt down.\nSeveral days.\nYour result says why."


def test_prose_ends_each_block_as_a_sentence():
    # Headings and list items without a full stop must not run into the next sentence.
    assert page_prose("<article><h2>Focus</h2><ul><li>one thing</li></ul></article>") == "Focus.\none thing."
