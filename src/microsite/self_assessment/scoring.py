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
