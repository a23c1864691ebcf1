"""Scoring, as the browser does it: answers -> points per scale -> the first rule that is true.

This is the reference the JavaScript is checked against (through the shared test vectors).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

OPS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq}


def questions(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every question, in page order."""
    return [q for section in data["sections"] for q in section["questions"]]


def score(data: dict[str, Any], answers: Sequence[int]) -> dict[str, int]:
    """Points per scale for one option index per question."""
    totals = dict.fromkeys(data["scales"], 0)
    for question, choice in zip(questions(data), answers, strict=True):
        for scale, points in question["options"][choice]["points"].items():
            totals[scale] += points
    return totals


def condition_test(condition: dict[str, Any] | None) -> Callable[[Mapping[str, int]], bool]:
    """A rule's condition as a function of the scores (no condition: always true), built once: the
    build's reachability check runs every rule on every reachable set of totals."""
    if condition is None:
        return lambda scores: True
    if "all" in condition:
        tests = [condition_test(c) for c in condition["all"]]
        return lambda scores: all(test(scores) for test in tests)
    if "any" in condition:
        tests = [condition_test(c) for c in condition["any"]]
        return lambda scores: any(test(scores) for test in tests)
    compare, value, scale = OPS[condition["op"]], condition["value"], condition["scale"]
    plus, minus = condition.get("plus"), condition.get("minus")

    def test(scores: Mapping[str, int]) -> bool:
        left = scores[scale] + (scores[plus] if plus else 0) - (scores[minus] if minus else 0)
        return compare(left, value)
    return test


def rule_finder(data: dict[str, Any]) -> Callable[[Mapping[str, int]], int]:
    """Index of the first rule that is true for some scores (the fallback guarantees one)."""
    tests = [condition_test(rule.get("when")) for rule in data["rules"]]
    return lambda scores: next(i for i, test in enumerate(tests) if test(scores))


def first_rule(data: dict[str, Any], scores: Mapping[str, int]) -> int:
    """Index of the first rule that is true (the fallback guarantees one)."""
    return rule_finder(data)(scores)


def result_for(data: dict[str, Any], answers: Sequence[int]) -> str:
    return data["rules"][first_rule(data, score(data, answers))]["result"]


def total_band(data: dict[str, Any], scores: Mapping[str, int]) -> tuple[int, int] | None:
    """The shown total (the PHQ-4: mood plus worry points) and the index of its band, if the data
    has a total."""
    if "total" not in data:
        return None
    total = sum(scores[scale] for scale in data["total"]["scales"])
    band = next(i for i, b in enumerate(data["total"]["bands"]) if b["from"] <= total <= b["to"])
    return total, band


def reasons(data: dict[str, Any], scores: Mapping[str, int]) -> list[int]:
    """The rules whose reasons the result shows: every true rule that gives the same result as the
    first true one; the fallback (no `when`) only when it is the one that gave it, so "a mix,
    without a clear lean" never stands beside a reason that says otherwise."""
    tests = [condition_test(rule.get("when")) for rule in data["rules"]]
    hits = [i for i, test in enumerate(tests) if test(scores)]
    first = hits[0]
    winner = data["rules"][first]["result"]
    return [i for i in hits if data["rules"][i]["result"] == winner and ("when" in data["rules"][i] or i == first)]
