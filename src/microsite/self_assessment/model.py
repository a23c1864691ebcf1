"""Load `data/self-assessment.yml` and check what a JSON Schema cannot.

The schema checks shapes and unknown keys; here we check meaning: unique ids, known scales and
results, one fallback rule at the end, and that every rule can be reached by some set of answers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from operator import add
from pathlib import Path
from typing import Any

from ..data import DataError, load_yaml, validate
from .scoring import questions, rule_finder

DEFAULT_DATA = "data/self-assessment.yml"
SCHEMA = "self-assessment"


def load_self_assessment(path: str | Path = DEFAULT_DATA) -> dict[str, Any]:
    """Read, validate against the schema, then check the meaning (once per file text in a build)."""
    return load_yaml(path, SCHEMA, check=check)


def check_data(data: Any, source: str) -> dict[str, Any]:
    """Schema and meaning checks for data already in memory (used by tests)."""
    return check(validate(data, SCHEMA, source), source)


def check(data: dict[str, Any], source: str) -> dict[str, Any]:
    _check_unique_ids(data, source)
    _check_points(data, source)
    _check_rules(data, source)
    _check_reachable(data, source)
    return data


def _check_unique_ids(data: dict[str, Any], source: str) -> None:
    """Sections, questions and results each need their own unique ids (they become HTML ids)."""
    sections: dict[str, str] = {}
    questions_: dict[str, str] = {}
    for s, section in enumerate(data["sections"]):
        _unique(sections, section["id"], f"sections[{s}].id", source)
        for q, question in enumerate(section["questions"]):
            _unique(questions_, question["id"], f"sections[{s}].questions[{q}].id", source)
    results: dict[str, str] = {}
    for r, result in enumerate(data["results"]):
        _unique(results, result["id"], f"results[{r}].id", source)


def _unique(seen: dict[str, str], value: str, path: str, source: str) -> None:
    if value in seen:
        raise DataError(source, path, f"duplicate id {value!r} (already used at {seen[value]}); expected a unique id")
    seen[value] = path


def _check_points(data: dict[str, Any], source: str) -> None:
    for s, section in enumerate(data["sections"]):
        for q, question in enumerate(section["questions"]):
            for o, option in enumerate(question["options"]):
                for scale in option["points"]:
                    if scale not in data["scales"]:
                        path = f"sections[{s}].questions[{q}].options[{o}].points.{scale}"
                        raise DataError(source, path, _unknown_scale(scale, data))


def _unknown_scale(scale: str, data: dict[str, Any]) -> str:
    return f"unknown scale {scale!r}; expected one of: {', '.join(data['scales'])}"


def leaves(condition: dict[str, Any] | None, path: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Every comparison inside a condition, with its path."""
    if condition is None:
        return
    for key in ("all", "any"):
        if key in condition:
            for i, child in enumerate(condition[key]):
                yield from leaves(child, f"{path}.{key}[{i}]")
            return
    yield condition, path


def _check_rules(data: dict[str, Any], source: str) -> None:
    results = [result["id"] for result in data["results"]]
    rules = data["rules"]
    for r, rule in enumerate(rules):
        if rule["result"] not in results:
            raise DataError(source, f"rules[{r}].result", f"unknown result {rule['result']!r}; expected one of: {', '.join(results)}")
        for leaf, path in leaves(rule.get("when"), f"rules[{r}].when"):
            for key in ("scale", "plus", "minus"):
                if key in leaf and leaf[key] not in data["scales"]:
                    raise DataError(source, f"{path}.{key}", _unknown_scale(leaf[key], data))
        if "when" not in rule and r != len(rules) - 1:
            raise DataError(source, f"rules[{r}].when", "missing; only the last rule (the fallback) may have no `when`")
    if "when" in rules[-1]:
        raise DataError(source, f"rules[{len(rules) - 1}]", "the last rule must be a fallback with no `when`, so every set of answers gets a result")
    used = {rule["result"] for rule in rules}
    for r, result in enumerate(data["results"]):
        if result["id"] not in used:
            raise DataError(source, f"results[{r}].id", f"no rule leads to result {result['id']!r}; expected at least one rule with `result: {result['id']}`")


def reachable_scores(data: dict[str, Any]) -> dict[tuple[int, ...], tuple[int, ...]]:
    """Every reachable combination of scale totals, each with one set of answers that gives it.

    Built question by question, so the work grows with the number of distinct totals, not with
    the number of answer combinations.
    """
    scales = list(data["scales"])
    reach: dict[tuple[int, ...], tuple[int, ...]] = {tuple(0 for _ in scales): ()}
    for question in questions(data):
        steps = [tuple(option["points"].get(s, 0) for s in scales) for option in question["options"]]
        nxt: dict[tuple[int, ...], tuple[int, ...]] = {}
        for totals, answers in reach.items():
            for choice, step in enumerate(steps):
                nxt.setdefault(tuple(map(add, totals, step)), answers + (choice,))  # one step per scale
        reach = nxt
    return reach


def _check_reachable(data: dict[str, Any], source: str) -> None:
    scales, rule_for, rules = list(data["scales"]), rule_finder(data), len(data["rules"])
    hit: set[int] = set()
    for totals in reachable_scores(data):
        hit.add(rule_for(dict(zip(scales, totals, strict=True))))
        if len(hit) == rules:  # every rule reached: the rest cannot change the answer
            return
    for r in range(rules):
        if r not in hit:
            raise DataError(
                source, f"rules[{r}]",
                "no set of answers can reach this rule (earlier rules catch every case, or its condition "
                "asks for points the options cannot give); expected a rule some answers can reach",
            )


def browser_model(data: dict[str, Any]) -> dict[str, Any]:
    """What the page's script needs to score: no wording, only ids, points and rules."""
    return {
        "version": data["version"],
        "scales": list(data["scales"]),
        "questions": [
            {"id": q["id"], "options": [o["points"] for o in q["options"]]} for q in questions(data)
        ],
        "rules": [{"result": rule["result"], **({"when": rule["when"]} if "when" in rule else {})} for rule in data["rules"]],
    }


def model_json(data: dict[str, Any]) -> str:
    """The model as compact JSON, with <, > and & escaped so it is inert wherever it is embedded."""
    text = json.dumps(browser_model(data), separators=(",", ":"), ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
