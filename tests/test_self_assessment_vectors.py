"""Scoring in Python and the test vectors it writes for the JavaScript test (tests/js)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from harness.sitebuild import ROOT
from microsite.self_assessment.model import browser_model, leaves
from microsite.self_assessment.scoring import first_rule, reasons, result_for, score
from sa_content import DATA, vectors

QUESTIONS = [q["id"] for s in DATA["sections"] for q in s["questions"]]


def answers(**chosen) -> list[int]:
    """Everything at its first option (No, coaching-leaning, Not at all), except what is named."""
    return [chosen.get(q, 0) for q in QUESTIONS]


LEAN_THERAPY = {q: 2 for q in ("aim", "focus", "style", "lead", "daily", "past")}


def test_safety_yes_leads_whatever_else_is_answered():
    assert result_for(DATA, answers(safety=1)) == "support-now"
    assert result_for(DATA, answers(safety=1, nervous=3, worrying=3, impact=3, **LEAN_THERAPY)) == "support-now"


@pytest.mark.parametrize("items", [{"interest": 2, "down": 1}, {"nervous": 1, "worrying": 2}, {"impact": 2}])
def test_a_subscale_of_3_or_high_impact_suggests_a_professional(items):
    assert result_for(DATA, answers(**items)) == "professional"


@pytest.mark.parametrize("items", [{"interest": 1, "down": 1}, {"nervous": 2}, {"impact": 1}])
def test_just_below_those_lines_the_lean_decides(items):
    assert result_for(DATA, answers(**items)) == "coaching"


def test_a_clear_lean_toward_therapy():
    assert result_for(DATA, answers(**LEAN_THERAPY)) == "therapy"


def test_a_mixed_lean_means_either():
    assert result_for(DATA, answers(aim=2, focus=2, style=2)) == "either"  # 6 coaching, 6 therapy
    assert result_for(DATA, answers(aim=2, focus=1)) == "coaching"  # 9 - 3 = 6


def test_the_difference_rule_boundary():
    # coaching - therapy moves in steps of 2: 2 is "either", 4 is "coaching".
    two = answers(aim=2, focus=1, style=1, lead=1)  # coaching 7, therapy 5
    assert score(DATA, two)["coaching"] - score(DATA, two)["therapy"] == 2
    assert result_for(DATA, two) == "either"
    four = answers(aim=2, focus=1, style=1)
    assert score(DATA, four)["coaching"] - score(DATA, four)["therapy"] == 4
    assert result_for(DATA, four) == "coaching"


def test_every_rule_is_the_first_match_for_some_vector():
    hit = {first_rule(DATA, score(DATA, v["answers"])) for v in vectors()}
    assert hit == set(range(len(DATA["rules"])))


def left(leaf, scores) -> int:
    """A comparison's left side: the scale, plus or minus another."""
    return scores[leaf["scale"]] + scores.get(leaf.get("plus"), 0) - scores.get(leaf.get("minus"), 0)


def test_vectors_sit_on_both_sides_of_every_comparison():
    for r, rule in enumerate(DATA["rules"]):
        for leaf, path in leaves(rule.get("when"), f"rules[{r}].when"):
            lefts = {left(leaf, score(DATA, v["answers"])) for v in vectors()}
            below = [x for x in lefts if x < leaf["value"]]
            above = [x for x in lefts if x >= leaf["value"]]
            assert below and above, path
            assert leaf["value"] in lefts or min(above) - max(below) > 1, path  # the edge itself when reachable


# Answers and the result a reader must get, worked out by hand from the rules (as in the tests above).
BY_HAND = [
    (answers(safety=1), "support-now"),
    (answers(safety=1, nervous=3, worrying=3, impact=3, **LEAN_THERAPY), "support-now"),
    (answers(interest=2, down=1), "professional"),
    (answers(nervous=1, worrying=2), "professional"),
    (answers(impact=2), "professional"),
    (answers(interest=1, down=1), "coaching"),
    (answers(nervous=2), "coaching"),
    (answers(impact=1), "coaching"),
    (answers(**LEAN_THERAPY), "therapy"),
    (answers(aim=2, focus=2, style=2), "either"),
    (answers(aim=2, focus=1), "coaching"),
    (answers(daily=2), "therapist-first"),
    (answers(aim=2, focus=2, style=2, nervous=1, worrying=1, interest=1), "therapist-first"),
    (answers(nervous=1, worrying=1, interest=1), "therapist-first"),
]


def test_the_vectors_hold_the_results_worked_out_by_hand():
    # The JS test takes each vector's result as the truth: for these totals, it is the right one.
    by_totals = {tuple(score(DATA, v["answers"]).values()): v["result"] for v in vectors()}
    assert len(by_totals) == len(vectors())  # one vector per reachable set of totals
    for given, expected in BY_HAND:
        assert by_totals[tuple(score(DATA, given).values())] == expected, (given, expected)


def test_command_writes_the_model_and_the_vectors(tmp_path):
    out = tmp_path / "vectors.json"
    subprocess.run([sys.executable, "-m", "microsite.self_assessment.vectors", str(out)], cwd=ROOT, check=True)
    written = json.loads(out.read_text("utf-8"))
    assert written["model"] == browser_model(DATA)
    assert written["vectors"] == vectors()


def test_command_without_arguments_prints_usage():
    result = subprocess.run([sys.executable, "-m", "microsite.self_assessment.vectors"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "OUT.json" in result.stderr


# --- struggle and severity ----------------------------------------------------------------------

RESULTS = {result["id"]: result for result in DATA["results"]}
COACHING_LEAN = {q: 0 for q in ("aim", "focus", "style", "lead")}  # four coaching-leaning answers


def test_the_reported_case_a_struggling_reader_is_pointed_to_a_therapist_or_doctor_first():
    # Four coaching answers, "Getting through the day is often hard" and "Yes, a lot" (the past).
    reported = answers(**COACHING_LEAN, daily=2, past=2)
    assert score(DATA, reported)["coaching"] - score(DATA, reported)["therapy"] >= 4  # still leans coaching
    assert result_for(DATA, reported) == "therapist-first"
    assert result_for(DATA, answers(**COACHING_LEAN, daily=2)) == "therapist-first"
    mixed = answers(aim=2, focus=2, style=2, nervous=1, worrying=1, interest=1)  # no lean, and a PHQ-4 of 3
    assert result_for(DATA, mixed) == "therapist-first"


def struggling(v) -> bool:
    s = score(DATA, v["answers"])
    return bool(s["hard-time"] or s["phq2"] + s["gad2"] >= 3)


def test_no_struggling_reader_gets_a_booking_link_as_the_first_or_primary_action():
    # The block puts a booking link after the therapist finders, and makes it primary only where
    # the result has none; so a struggling reader's result has no booking link, or finders first.
    hits = [v for v in vectors() if struggling(v)]
    assert len(hits) > 100
    for v in hits:
        result = RESULTS[v["result"]]
        assert not result.get("show_booking") or result.get("show_find_a_therapist"), v
        if not score(DATA, v["answers"])["safety"]:  # a "Yes" to safety: a crisis line comes first
            assert re.search(r"\b(doctor|therapist)", result["next_steps"][0]), v["result"]  # named as the first step


def test_no_result_shows_two_reasons_that_contradict():
    fallback = next(i for i, rule in enumerate(DATA["rules"]) if "when" not in rule)
    for v in vectors():
        shown = v["reasons"]
        assert shown and all(DATA["rules"][i]["result"] == v["result"] for i in shown)
        assert fallback not in shown or shown == [fallback], v  # "a mix, without a clear lean" stands alone
    # The reported case: a coaching lean and a hard time used to show "a mix" beside it.
    reported = score(DATA, answers(**COACHING_LEAN, daily=2))
    assert fallback not in reasons(DATA, reported)


def test_the_shown_band_matches_the_total():
    bands = DATA["total"]["bands"]
    seen = set()
    for v in vectors():
        s = score(DATA, v["answers"])
        assert v["total"] == s["phq2"] + s["gad2"]
        band = bands[v["band"]]
        assert band["from"] <= v["total"] <= band["to"]
        seen.add(v["band"])
    assert seen == set(range(len(bands)))
    assert [(b["from"], b["to"]) for b in bands] == [(0, 2), (3, 5), (6, 8), (9, 12)]  # NINDS, Kroenke et al. 2009
    assert [b["text"].split(" is the ")[1].split(" range")[0] for b in bands] == ["normal", "mild", "moderate", "severe"]


@pytest.mark.parametrize("hard", [{"daily": 2}, {"past": 2}, {"nervous": 1, "worrying": 1, "interest": 1}])
def test_any_sign_of_struggle_rules_out_coaching_alone(hard):
    assert result_for(DATA, answers(**hard)) != "coaching"


def test_no_reachable_answers_with_a_sign_of_struggle_end_in_coaching_alone():
    # Every reachable set of totals (so every combination the rules can tell apart).
    struggling = [v for v in vectors() if (lambda s: s["hard-time"] or s["phq2"] + s["gad2"] >= 3)(score(DATA, v["answers"]))]
    assert len(struggling) > 100
    assert not [v for v in struggling if v["result"] == "coaching"]


@pytest.mark.parametrize("total", [(3, 3, 3, 0), (3, 3, 2, 1), (2, 2, 2, 3)])
def test_a_severe_phq4_total_or_low_mood_every_day_brings_crisis_lines_into_the_result(total):
    chosen = dict(zip(("nervous", "worrying", "interest", "down"), total, strict=True))
    result = result_for(DATA, answers(**chosen))
    assert RESULTS[result].get("show_crisis"), result
    assert result != "support-now"  # no safety answer: calm, not an emergency


@pytest.mark.parametrize("total", [(1, 1, 0, 0), (2, 1, 1, 1), (2, 2, 2, 2)])
def test_mild_and_moderate_totals_do_not_show_the_crisis_result(total):
    chosen = dict(zip(("nervous", "worrying", "interest", "down"), total, strict=True))
    assert not RESULTS[result_for(DATA, answers(**chosen))].get("show_crisis")


def test_severity_words_differ_between_the_bands():
    severe = result_for(DATA, answers(nervous=3, worrying=3, interest=3, down=2))
    moderate = result_for(DATA, answers(nervous=2, worrying=2, interest=1, down=1))
    assert severe != moderate and RESULTS[severe]["title"] != RESULTS[moderate]["title"]
