"""Every Spanish page reads as easy or easier by two Spanish formulas (textstat): Fernández-Huerta
(80 or more is "fácil") and Szigriszt-Pazos on the INFLESZ scale (65 to 80 is "bastante fácil", 80
or more "fácil"; we hold 70). The prose is measured as for the English pages (`readability.py`)."""

from __future__ import annotations

import pytest
import textstat

from harness.sitebuild import built_page, page_sources
from readability import page_prose, words

FERNANDEZ_HUERTA_MIN = 80.0
SZIGRISZT_PAZOS_MIN = 70.0
PAGES = page_sources("es")


@pytest.fixture
def spanish():
    """textstat's language is process-wide: Spanish syllables for these tests only."""
    textstat.set_lang("es")
    yield
    textstat.set_lang("en_US")


def test_every_spanish_page_reads_as_easy_or_easier(site_dir, spanish, capsys):
    rows = []
    for page in PAGES:
        text = page_prose(built_page(site_dir, page).read_text("utf-8"))
        rows.append((page.name, words(text), textstat.fernandez_huerta(text), textstat.szigriszt_pazos(text)))
    with capsys.disabled():
        print("\n\npage                                   words  Fernández-Huerta  Szigriszt-Pazos")
        for name, count, fh, sp in rows:
            print(f"{name:38} {count:6}  {fh:16.1f}  {sp:15.1f}")
    too_hard = [(name, round(fh, 1), round(sp, 1)) for name, _, fh, sp in rows
                if fh < FERNANDEZ_HUERTA_MIN or sp < SZIGRISZT_PAZOS_MIN]
    assert PAGES and not too_hard, f"below {FERNANDEZ_HUERTA_MIN} / {SZIGRISZT_PAZOS_MIN}: {too_hard}"


def test_the_spanish_formulas_tell_easy_from_hard(spanish):
    easy = "El coach le ayuda. Usted elige una meta. Luego hace un plan. Paso a paso, avanza."
    hard = ("La psicoterapia interpersonal constituye una intervención estructurada, fundamentada "
            "empíricamente, orientada a la resolución de dificultades interpersonales contemporáneas "
            "asociadas a la sintomatología depresiva característica.")
    assert textstat.fernandez_huerta(easy) >= FERNANDEZ_HUERTA_MIN > textstat.fernandez_huerta(hard)
    assert textstat.szigriszt_pazos(easy) >= SZIGRISZT_PAZOS_MIN > textstat.szigriszt_pazos(hard)
