"""The site's own questionnaire (data/self-assessment.yml) as the block renders it: what a content
edit should keep true, or change here on purpose. The block's machinery is tested on a fixture in
`test_self_assessment_block.py`.
"""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from crisis_fixture import write_crisis_data
from harness.sitebuild import ROOT
from microsite.self_assessment import SelfAssessmentExtension
from microsite.self_assessment.model import load_self_assessment

DATA_PATH = ROOT / "data" / "self-assessment.yml"
DATA = load_self_assessment(DATA_PATH)


@pytest.fixture
def soup(tmp_path):
    crisis = write_crisis_data(tmp_path / "crisis-lines.yml")
    html = markdown.markdown("/// self-assessment\n///\n", extensions=[SelfAssessmentExtension(
        data=str(DATA_PATH), crisis_data=str(crisis), region="GB", booking_url="https://practice.example/book")])
    return BeautifulSoup(html, "html.parser")


def result(soup, rid):
    return soup.select_one(f'.sa-result[data-result="{rid}"]')


NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
HOW_MANY = re.compile(rf"\b(\d+|{'|'.join(NUMBER_WORDS)}) (?:\w+ )?questions\b", re.I)


def test_as_many_questions_as_the_pages_say(soup):
    # Every "N (short/private) questions" on the pages that hold the questionnaire.
    said = {page: HOW_MANY.findall((ROOT / "docs" / page).read_text("utf-8"))
            for page in ("self-assessment.md", "self-assessment-embed.md")}
    assert said["self-assessment.md"], "the self-assessment page no longer says how many questions it asks"
    rendered = len(soup.select("fieldset.sa-q"))
    assert rendered == sum(len(section["questions"]) for section in DATA["sections"])
    for page, numbers in said.items():
        for number in numbers:
            assert (int(number) if number.isdigit() else NUMBER_WORDS.index(number.lower())) == rendered, (page, number)


def test_the_first_question_asks_about_safety_and_yes_is_the_crisis_answer(soup):
    first = soup.select_one("fieldset.sa-q")
    assert first["data-sa-question"] == "safety"
    assert [(r["name"], r.find_parent("label").get_text()) for r in soup.select("input[data-crisis]")] == [("safety", "Yes")]


def test_safety_comes_first_among_the_rules(soup):
    rules = [li.get_text() for li in soup.select(".sa-guide__rules > li")]
    assert rules[0] == "If your safety points are 1 or more: Please reach out for support now."
    assert "Otherwise, if your coaching points minus your therapy points is 4 or more: Coaching may fit you well." in rules
    assert rules[-1] == "Otherwise: Coaching or therapy could both help."


def test_the_phq4_scales_are_named_by_their_questions(soup):
    guide = soup.select_one(".sa-guide").get_text()
    assert "Nearly every day: 3 worry points (questions 8 and 9)" in guide
    assert "Several days: 1 worry point (questions 8 and 9)" in guide


def test_a_professional_is_suggested_for_more_than_one_reason(soup):
    assert len(result(soup, "professional").select(".sa-why li")) > 1


def test_the_results_that_need_them_lead_with_the_crisis_lines(soup):
    assert soup.select_one(".sa-result-crisis")["data-results"].split() == ["support-now", "professional-soon"]


def test_booking_only_where_coaching_fits(soup):
    assert [s["data-result"] for s in soup.select(".sa-result") if s.select_one(".sa-booking")] == ["coaching", "either"]


def test_therapist_directories_where_a_professional_is_suggested(soup):
    with_finders = {s["data-result"] for s in soup.select(".sa-result") if s.select_one(".sa-finders")}
    assert {"support-now", "professional-soon", "professional", "therapy"} <= with_finders
    assert "coaching" not in with_finders


def test_the_coaching_result_links_to_the_coaching_pages(soup):
    assert [a["href"] for a in result(soup, "coaching").select(".sa-links a")] == ["coaching.md", "differences.md"]


def test_the_phq4_is_credited_with_its_source_and_licence(soup):
    notes = soup.select("#sa-step-feeling .sa-note")
    assert notes[0].a["href"] == "https://doi.org/10.1176/appi.psy.50.6.613"
    assert notes[1].get_text().startswith("Developed by Drs. Robert L. Spitzer")
