"""data/self-assessment.yml: the schema and the checks beyond it. One test per malformation; each
error names the file, the path inside it and what was expected."""

from __future__ import annotations

import copy
import json

import pytest

from harness.sitebuild import ROOT
from microsite.data import DataError, forget_loaded, load_yaml, validate
from microsite.self_assessment.model import (
    SCHEMA,
    TEXT_SCHEMA,
    check_data,
    load_model,
    load_self_assessment,
    reachable_scores,
    reachable_totals,
)

DATA_FILE = ROOT / "data" / "self-assessment.yml"
SOURCE = "data/self-assessment.yml"
TEXT_SOURCE = "data/text/en/self-assessment.yml"


@pytest.fixture
def data():
    """A fresh copy of the real data, valid, for a test to break."""
    return copy.deepcopy(load_model(DATA_FILE))


def failure(data) -> DataError:
    with pytest.raises(DataError) as caught:
        check_data(data, SOURCE)
    assert str(caught.value).startswith(f"{SOURCE}: {caught.value.path}: ")
    return caught.value


def question_index(data, qid):
    for s, section in enumerate(data["sections"]):
        for q, question in enumerate(section["questions"]):
            if question["id"] == qid:
                return s, q
    raise KeyError(qid)


def test_the_real_file_is_valid():
    assert load_self_assessment(DATA_FILE)["version"] == 1


def test_first_line_points_editors_at_the_schema():
    first = DATA_FILE.read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../src/microsite/schemas/self-assessment.schema.json"
    schema = DATA_FILE.parent / first.split("$schema=", 1)[1]
    assert json.loads(schema.read_text("utf-8"))["title"] == "data/self-assessment.yml"


def test_a_file_is_checked_once_until_what_was_kept_is_forgotten(tmp_path):
    # Pages and the plugin load the same file in one build: checked once. The bench forgets what
    # was kept to time the cold check a build pays.
    copy_ = tmp_path / "self-assessment.yml"
    copy_.write_text(DATA_FILE.read_text("utf-8"), "utf-8")
    checked = []

    def check(data, source):
        checked.append(source)
        return data

    load_yaml(copy_, SCHEMA, check=check)
    load_yaml(copy_, SCHEMA, check=check)
    assert len(checked) == 1
    forget_loaded()
    load_yaml(copy_, SCHEMA, check=check)
    assert len(checked) == 2


def test_the_same_text_at_another_path_is_not_checked_again_and_a_broken_copy_names_its_own_path(tmp_path):
    # A copy of the project built in the same process (the tests' builds, a practice's check)
    # reads the same files at other paths: the data is the same, and an error still names the copy.
    checked = []

    def check(data, source):
        checked.append(source)
        return data

    text = DATA_FILE.read_text("utf-8")
    first, second = tmp_path / "a" / "self-assessment.yml", tmp_path / "b" / "self-assessment.yml"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(text, "utf-8")
    assert load_yaml(first, SCHEMA, check=check) == load_yaml(second, SCHEMA, check=check)
    assert checked == [str(first)]
    broken = text.replace("version: 1\n", "version: 1\ncolour: blue\n", 1)
    assert broken != text
    for path in (first, second):
        path.write_text(broken, "utf-8")
        with pytest.raises(DataError) as caught:
            load_yaml(path, SCHEMA, check=check)
        assert caught.value.source == str(path)


def test_errors_name_the_file_they_came_from(tmp_path):
    bad = tmp_path / "broken.yml"
    bad.write_text("version: 2\n", "utf-8")
    with pytest.raises(DataError, match=r"^.*broken\.yml: "):
        load_self_assessment(bad)


def test_unknown_key(data):
    s, q = question_index(data, "aim")
    data["sections"][s]["questions"][q]["colour"] = "blue"
    error = failure(data)
    assert error.path == f"sections[{s}].questions[{q}].colour"
    assert "unknown key" in error.problem


def test_duplicate_question_id(data):
    s, q = question_index(data, "focus")
    data["sections"][s]["questions"][q]["id"] = "aim"
    error = failure(data)
    assert error.path == f"sections[{s}].questions[{q}].id"
    assert "duplicate id 'aim'" in error.problem and "expected a unique id" in error.problem


def test_duplicate_result_id(data):
    data["results"][3]["id"] = data["results"][2]["id"]
    error = failure(data)
    assert error.path == "results[3].id"
    assert "duplicate id" in error.problem


def test_option_without_points(data):
    s, q = question_index(data, "lead")
    del data["sections"][s]["questions"][q]["options"][1]["points"]
    error = failure(data)
    assert error.path == f"sections[{s}].questions[{q}].options[1]"
    assert "'points' is a required property" in error.problem


def test_option_with_empty_points(data):
    s, q = question_index(data, "lead")
    data["sections"][s]["questions"][q]["options"][1]["points"] = {}
    error = failure(data)
    assert error.path == f"sections[{s}].questions[{q}].options[1].points"


def test_points_that_are_not_a_whole_number(data):
    s, q = question_index(data, "lead")
    data["sections"][s]["questions"][q]["options"][1]["points"]["coaching"] = "two"
    error = failure(data)
    assert error.path == f"sections[{s}].questions[{q}].options[1].points.coaching"
    assert "integer" in error.problem


def test_points_on_an_unknown_scale(data):
    s, q = question_index(data, "daily")
    data["sections"][s]["questions"][q]["options"][0]["points"] = {"coachnig": 2}
    error = failure(data)
    assert error.path == f"sections[{s}].questions[{q}].options[0].points.coachnig"
    assert "unknown scale 'coachnig'; expected one of: safety, coaching" in error.problem


def test_rule_naming_an_unknown_scale(data):
    data["rules"][1]["when"] = {"any": [{"scale": "phq2", "op": ">=", "value": 3}, {"scale": "phq9", "op": ">=", "value": 3}]}
    error = failure(data)
    assert error.path == "rules[1].when.any[1].scale"
    assert "unknown scale 'phq9'" in error.problem


def test_rule_subtracting_an_unknown_scale(data):
    data["rules"][4]["when"]["minus"] = "therapyy"
    error = failure(data)
    assert error.path == "rules[4].when.minus"


def test_rule_leading_to_an_unknown_result(data):
    data["rules"][4]["result"] = "coach"
    error = failure(data)
    assert error.path == "rules[4].result"
    assert "unknown result 'coach'" in error.problem


def test_missing_fallback_rule(data):
    last = len(data["rules"]) - 1
    data["rules"][last]["when"] = {"scale": "coaching", "op": ">=", "value": 0}
    error = failure(data)
    assert error.path == f"rules[{last}]"
    assert "fallback" in error.problem


def test_fallback_rule_that_is_not_last(data):
    del data["rules"][2]["when"]
    error = failure(data)
    assert error.path == "rules[2].when"
    assert "only the last rule" in error.problem


def test_rule_no_answers_can_reach_because_points_cannot_add_up(data):
    data["rules"].insert(4, {"id": "never", "result": "coaching", "when": {"scale": "coaching", "op": ">=", "value": 13}})
    error = failure(data)
    assert error.path == "rules[4]"
    assert "no set of answers can reach this rule" in error.problem


def test_rule_no_answers_can_reach_because_earlier_rules_catch_all(data):
    # Right after "mood points 3 or more", a rule for 4 or more can never be the first to hold.
    after = 1 + next(i for i, r in enumerate(data["rules"]) if r.get("when") == {"scale": "phq2", "op": ">=", "value": 3})
    data["rules"].insert(after, {"id": "never", "result": "professional", "when": {"scale": "phq2", "op": ">=", "value": 4}})
    error = failure(data)
    assert error.path == f"rules[{after}]"


def text_failure(text) -> DataError:
    with pytest.raises(DataError) as caught:
        validate(text, TEXT_SCHEMA, TEXT_SOURCE)
    assert str(caught.value).startswith(f"{TEXT_SOURCE}: {caught.value.path}: ")
    return caught.value


@pytest.fixture
def text():
    """A fresh copy of the real English words, valid, for a test to break."""
    return copy.deepcopy(load_yaml(ROOT / TEXT_SOURCE, TEXT_SCHEMA))


def test_the_words_of_a_result_without_text(text):
    text["results"]["coaching"]["summary"] = []
    error = text_failure(text)
    assert error.path == "results.coaching.summary"
    assert "non-empty" in error.problem


def test_the_words_of_a_result_with_blank_title(text):
    text["results"]["therapy"]["title"] = "   "
    assert text_failure(text).path == "results.therapy.title"


def test_words_in_the_data_file_are_refused(data):
    # Meaning and words live apart: a title written in the data file is an unknown key there.
    data["results"][1]["title"] = "Therapy"
    error = failure(data)
    assert error.path == "results[1].title" and "unknown key" in error.problem


def test_result_no_rule_leads_to(data):
    data["results"].append({"id": "orphan"})
    error = failure(data)
    assert error.path == f"results[{len(data['results']) - 1}].id"
    assert "no rule leads to result 'orphan'" in error.problem


def test_old_version_number(data):
    data["version"] = 0
    assert failure(data).path == "version"


def test_reachable_totals_come_with_answers_that_give_them(data):
    from microsite.self_assessment.scoring import score
    scales = list(data["scales"])
    for totals, answers in list(reachable_scores(data).items())[:300]:
        assert tuple(score(data, answers)[s] for s in scales) == totals


def test_the_check_reads_the_same_totals_as_the_vectors(data):
    # The build's reachability check makes the totals without answers; the test vectors with them.
    assert reachable_totals(data) == set(reachable_scores(data))
    assert len(reachable_totals(data)) > 1000


def test_phq4_is_quoted_exactly():
    data = load_self_assessment(DATA_FILE)
    feeling = next(section for section in data["sections"] if section["id"] == "feeling")
    assert feeling["intro"] == "Over the last 2 weeks, how often have you been bothered by the following problems?"
    assert [q["text"] for q in feeling["questions"]] == [
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
    ]
    for question, scale in zip(feeling["questions"], ["gad2", "gad2", "phq2", "phq2"], strict=True):
        # The published scoring on its subscale (other scales may count an answer too).
        assert [(o["label"], o["points"][scale]) for o in question["options"]] == [
            ("Not at all", 0), ("Several days", 1), ("More than half the days", 2), ("Nearly every day", 3),
        ]
    assert any(note.startswith("Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                               "with an educational grant from Pfizer Inc. No permission required to reproduce, "
                               "translate, display or distribute.") for note in feeling["notes"])


def test_the_total_names_known_scales(data):
    data["total"]["scales"] = ["gad2", "phq"]
    error = failure(data)
    assert error.path == "total.scales[1]" and "unknown scale 'phq'" in error.problem


def test_the_totals_bands_leave_no_gap(data):
    data["total"]["bands"][1]["from"] = 4
    error = failure(data)
    assert error.path == "total.bands[1]" and "expected a band from 3" in error.problem


def test_the_totals_bands_reach_the_highest_total(data):
    data["total"]["bands"][-1]["to"] = 11
    error = failure(data)
    assert error.path == "total.bands" and "expected it to end at 12" in error.problem
