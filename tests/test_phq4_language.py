"""The PHQ-4 keeps its published words: in a language whose official translation is not confirmed,
its items show in English, marked as English for screen readers, with a note in the page's language."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from harness.sitebuild import ROOT

PHQ4 = ("nervous", "worrying", "interest", "down")


def words(lang: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "text" / lang / "self-assessment.yml").read_text("utf-8"))["questions"]


def test_each_language_has_the_published_words_or_says_it_keeps_the_english():
    english = words("en")
    for folder in sorted((ROOT / "data" / "text").iterdir()):
        if folder.name == "en":
            continue
        for qid in PHQ4:
            question = words(folder.name)[qid]
            if question.get("lang") == "en":  # kept in English: exactly the English words
                assert {k: question[k] for k in ("text", "hint", "options")} == english[qid], (folder.name, qid)
            else:
                raise AssertionError(f"{folder.name}: {qid}: a PHQ-4 item in our own translation; keep the "
                                     "English words (lang: en) until the official translation is confirmed")


def test_the_spanish_page_marks_the_english_items(site_dir):
    page = BeautifulSoup((site_dir / "es" / "self-assessment" / "index.html").read_text("utf-8"), "html.parser")
    english = words("en")
    for qid in PHQ4:
        fieldset = page.select_one(f"#sa-q-{qid}")
        assert fieldset["lang"] == "en", qid
        assert english[qid]["text"] in fieldset.legend.get_text(), qid
    guide = page.select_one(".sa-guide__points")
    marked = [span.get_text() for span in guide.select('span[lang="en"]')]
    assert english["nervous"]["text"] in marked and "Several days" in marked
