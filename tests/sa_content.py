"""The self-assessment as the site ships it (`data/self-assessment.yml`) and its test vectors, made
once per test process: several modules read them. The vectors take half a second to work out, so
they are made when a test first asks, not when the tests are collected."""

from __future__ import annotations

from functools import cache
from typing import Any

from harness.sitebuild import ROOT
from microsite.self_assessment.model import load_self_assessment
from microsite.self_assessment.vectors import vectors as all_vectors

DATA = load_self_assessment(ROOT / "data" / "self-assessment.yml")


@cache
def vectors() -> list[dict[str, Any]]:
    """Every reachable set of totals, as one set of answers and the result it must give."""
    return all_vectors(DATA)


@cache
def answers_by_result() -> dict[str, list[int]]:
    """One set of answers for each result (the first vector that gives it)."""
    found: dict[str, list[int]] = {}
    for vector in vectors():
        found.setdefault(vector["result"], vector["answers"])
    return found
