"""Data separates meaning from words: the meaning of a data file is written once, its words once
per language (`data/text/<lang>/<file>`, keyed by the same ids). A language whose text file lacks
a text fails, naming the text file, the id and the language; a language with no text file yet
shows the English words, marked as English; scoring is the same in every language.

Small files in a temporary folder (`crisis_fixture`, `sa_fixture`), one change per test.
"""

from __future__ import annotations

import copy

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from crisis_fixture import crisis_data, crisis_text, write_crisis_data
from fixture_site import PRACTICE, practice_config, project_copy
from harness.sitebuild import mkdocs_build
from microsite.crisis import CrisisExtension, load_crisis_lines
from microsite.data import DataError
from microsite.self_assessment import SelfAssessmentExtension
from microsite.self_assessment.model import load_self_assessment, model_json
from sa_fixture import sa_data, split_words, write_sa_data


def spanish_crisis() -> dict:
    """The fixture's crisis words in Spanish (a few words changed are enough to tell them apart)."""
    text = crisis_text()
    text["regions"]["US"]["name"] = "Estados Unidos"
    for words in text["lines"].values():
        words["name"] = "Línea " + words["name"]
    text["directory"]["description"] = "Busque una línea de ayuda en su país en"
    return text


def spanish_questionnaire() -> dict:
    _, text = split_words(sa_data())
    text["questions"]["safe"]["text"] = "¿Se siente en peligro?"
    text["questions"]["safe"]["options"] = ["No", "Sí"]
    return text


def crisis_error(tmp_path, text: dict, lang: str = "es") -> DataError:
    path = write_crisis_data(tmp_path / "crisis-lines.yml", others={lang: text})
    with pytest.raises(DataError) as caught:
        load_crisis_lines(path, lang)
    return caught.value


def test_a_language_with_its_text_file_gets_its_words_and_the_same_meaning(tmp_path):
    path = write_crisis_data(tmp_path / "crisis-lines.yml", others={"es": spanish_crisis()})
    english, spanish = load_crisis_lines(path, "en"), load_crisis_lines(path, "es")
    assert spanish["lang"] == "es" and spanish["regions"]["US"]["name"] == "Estados Unidos"
    line = spanish["regions"]["US"]["lines"][0]
    assert line["name"] == "Línea Call and Text Line"
    # Hours and languages are data, written in the page's language (the catalog, Babel's names).
    assert line["hours"] == "las 24 horas del día, los 7 días de la semana" and line["languages"] == ["inglés", "español"]
    assert english["regions"]["US"]["lines"][0]["languages"] == ["English", "Spanish"]
    for place in ("US", "GB", "IE"):  # numbers, ways and sources are the one meaning
        for key in ("emergency",):
            assert {k: v for k, v in english["regions"][place][key].items() if k != "note"} == \
                   {k: v for k, v in spanish["regions"][place][key].items() if k != "note"}
        assert [line["contact"] for line in english["regions"][place]["lines"]] == \
               [line["contact"] for line in spanish["regions"][place]["lines"]]


def test_a_missing_lines_words_fail_naming_the_text_file_the_id_and_the_language(tmp_path):
    text = spanish_crisis()
    del text["lines"]["listening-line"]
    error = crisis_error(tmp_path, text)
    assert error.source.endswith("text/es/crisis-lines.yml") and error.path == "lines.listening-line"
    assert "'es'" in error.problem and "listening-line" in error.problem


@pytest.mark.parametrize(("change", "path"), [
    (lambda text: text["regions"].pop("IE"), "regions.IE.name"),
    (lambda text: text["lines"]["text-line"].pop("name"), "lines.text-line"),  # the schema's: name is required
    (lambda text: text["find_a_therapist"].pop("finder"), "find_a_therapist.finder"),
])
def test_each_missing_text_names_its_place(tmp_path, change, path):
    text = spanish_crisis()
    change(text)
    error = crisis_error(tmp_path, text)
    assert error.path == path and "'es'" in error.problem and error.source.endswith("text/es/crisis-lines.yml"), error


def test_a_note_of_a_way_to_reach_a_line_is_found_by_its_id(tmp_path):
    data = crisis_data()
    data["regions"]["US"]["lines"][0]["contact"][0]["note"] = "then-press-1"
    path = write_crisis_data(tmp_path / "crisis-lines.yml", data)
    with pytest.raises(DataError) as caught:
        load_crisis_lines(path)
    assert caught.value.path == "lines.call-and-text-line.contact_notes.then-press-1"
    text = crisis_text()
    text["lines"]["call-and-text-line"]["contact_notes"] = {"then-press-1": "then press 1"}
    contact = load_crisis_lines(write_crisis_data(path, data, text))["regions"]["US"]["lines"][0]["contact"][0]
    assert contact == {"call": "988", "note": "then press 1"}


def test_words_for_an_id_the_data_does_not_have_are_refused(tmp_path):
    text = spanish_crisis()
    text["lines"]["listenning-line"] = {"name": "A misspelt id"}
    error = crisis_error(tmp_path, text)
    assert error.path == "lines.listenning-line" and "listening-line" in error.problem and "'es'" in error.problem


def test_words_in_the_meaning_file_are_refused(tmp_path):
    data = crisis_data()
    data["regions"]["IE"]["lines"][0]["name"] = "Text Line"
    path = write_crisis_data(tmp_path / "crisis-lines.yml", data)
    with pytest.raises(DataError) as caught:
        load_crisis_lines(path)
    assert caught.value.path == "regions.IE.lines[0].name" and "unknown key" in caught.value.problem


def test_two_lines_with_one_id_are_refused(tmp_path):
    path = write_crisis_data(tmp_path / "crisis-lines.yml")
    path.write_text(path.read_text("utf-8").replace("id: text-line", "id: listening-line"), "utf-8")
    with pytest.raises(DataError) as caught:
        load_crisis_lines(path)
    assert caught.value.path == "regions.IE.lines[0].id" and "regions.GB.lines[0]" in caught.value.problem


def test_a_language_without_a_text_file_shows_the_english_words_marked_as_english(tmp_path):
    path = write_crisis_data(tmp_path / "crisis-lines.yml")
    html = markdown.markdown("/// crisis-lines\n///\n", extensions=[CrisisExtension(region="US", data=str(path), lang="es")])
    help_ = BeautifulSoup(html, "html.parser").select_one(".crisis-help")
    assert help_["lang"] == "en" and "United States" in help_.get_text()
    write_crisis_data(path, others={"es": spanish_crisis()})
    html = markdown.markdown("/// crisis-lines\n///\n", extensions=[CrisisExtension(region="US", data=str(path), lang="es")])
    help_ = BeautifulSoup(html, "html.parser").select_one(".crisis-help")
    text = " ".join(help_.get_text(" ").split())
    assert not help_.has_attr("lang") and "Estados Unidos" in text
    # The block's own words, from the catalog, and dates by Babel: whole sentences in Spanish.
    assert "Si usted u otra persona está en peligro ahora mismo, llame ahora al 911" in text, text
    assert "Llamar al 988" in text and "Horario: las 24 horas del día" in text and "Idiomas: inglés y español." in text
    assert "Fuente: example.gov (revisado el 27 de noviembre de 2026)." in text, text


# --- the questionnaire ---------------------------------------------------------------------------

def sa_error(tmp_path, text: dict) -> DataError:
    path = write_sa_data(tmp_path / "self-assessment.yml", others={"es": text})
    with pytest.raises(DataError) as caught:
        load_self_assessment(path, "es")
    return caught.value


@pytest.mark.parametrize(("change", "path"), [
    (lambda text: text["questions"].pop("how"), "questions.how"),
    (lambda text: text["rules"].pop("care-second"), "rules.care-second"),
    (lambda text: text["results"]["goal"].pop("title"), "results.goal"),
    (lambda text: text["pages"].pop("coaching.md"), "pages.coaching.md"),
    (lambda text: text["scales"].pop("care"), "scales.care"),
])
def test_a_questionnaires_missing_text_fails_naming_the_file_the_id_and_the_language(tmp_path, change, path):
    text = spanish_questionnaire()
    change(text)
    error = sa_error(tmp_path, text)
    assert error.source.endswith("text/es/self-assessment.yml") and error.path.startswith(path), error
    assert "'es'" in error.problem


def test_an_answers_words_for_each_option_in_order(tmp_path):
    text = spanish_questionnaire()
    text["questions"]["want"]["options"].pop()
    error = sa_error(tmp_path, text)
    assert error.path == "questions.want.options" and "2 options' words" in error.problem and "'es'" in error.problem


def test_the_scoring_is_the_same_in_every_language(tmp_path):
    path = write_sa_data(tmp_path / "self-assessment.yml", others={"es": spanish_questionnaire()})
    english, spanish = load_self_assessment(path, "en"), load_self_assessment(path, "es")
    assert spanish["sections"][0]["questions"][0]["text"] == "¿Se siente en peligro?"
    assert model_json(spanish) == model_json(english)  # the page's script scores from the meaning only


def test_the_questionnaire_in_a_language_without_words_is_marked_as_english(tmp_path):
    path = write_sa_data(tmp_path / "self-assessment.yml")
    crisis = write_crisis_data(tmp_path / "crisis-lines.yml")
    extension = SelfAssessmentExtension(data=str(path), crisis_data=str(crisis), region="GB", booking_url="", lang="es")
    root = BeautifulSoup(markdown.markdown("/// self-assessment\n///\n", extensions=[extension]), "html.parser")
    assert root.select_one(".sa")["lang"] == "en"


def test_a_language_missing_a_text_fails_the_build_naming_the_file_the_id_and_the_language(tmp_path):
    root = project_copy(tmp_path / "project")
    text = copy.deepcopy(load_crisis_lines(root / "data" / "crisis-lines.yml"))  # every id of the real data
    words = {"regions": {code: {"name": region["name"]} | {key: region["emergency"][key]["text"]
                                                            for key in ("go_to", "by_text") if key in region["emergency"]}
                         for code, region in text["regions"].items()},
             "lines": {line["id"]: {"name": line["name"]} for region in text["regions"].values()
                       for kind in ("lines", "abuse_lines") for line in region.get(kind, [])},
             "find_a_therapist": {link["id"]: {"name": link["name"]} for region in text["regions"].values()
                                  for link in region["find_a_therapist"]},
             "directory": {"name": "x", "description": "y"}}
    missing = next(iter(words["lines"]))
    del words["lines"][missing]
    target = root / "data" / "text" / "es" / "crisis-lines.yml"  # the real data's meaning stays
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(words, allow_unicode=True), "utf-8")
    result = mkdocs_build(practice_config(root, PRACTICE), root / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"data/text/es/crisis-lines.yml: lines.{missing}: no words for the line {missing!r} in the language 'es'" in output, output
    assert "Traceback" not in output
