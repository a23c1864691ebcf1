"""Scoring, as the browser does it: answers -> points per scale -> the first rule that is true.

This is the reference the JavaScript is checked against (through the shared test vectors).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
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


def holds(condition: dict[str, Any] | None, scores: dict[str, int]) -> bool:
    """Whether a rule's condition is true for these scores (no condition: always true)."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(c, scores) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, scores) for c in condition["any"])
    left = (scores[condition["scale"]] + (scores[condition["plus"]] if "plus" in condition else 0)
            - (scores[condition["minus"]] if "minus" in condition else 0))
    return OPS[condition["op"]](left, condition["value"])


def first_rule(data: dict[str, Any], scores: dict[str, int]) -> int:
    """Index of the first rule that is true (the fallback guarantees one)."""
    return next(i for i, rule in enumerate(data["rules"]) if holds(rule.get("when"), scores))


def result_for(data: dict[str, Any], answers: Sequence[int]) -> str:
    return data["rules"][first_rule(data, score(data, answers))]["result"]
