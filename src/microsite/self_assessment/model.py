"""Load `data/self-assessment.yml` (the questionnaire's meaning) and its words in one language
(`data/text/<lang>/self-assessment.yml`, see `data_text.py`), and check what a JSON Schema cannot.

The schema checks shapes and unknown keys; here we check meaning: unique ids, known scales and
results, one fallback rule at the end, and that every rule can be reached by some set of answers.
Scoring reads the meaning only, so it is the same in every language.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from operator import add
from pathlib import Path
from typing import Any

from ..data import DataError, load_yaml, validate
from ..data_text import Text, load_text
from ..i18n import SOURCE_LANGUAGE
from .scoring import questions, rule_finder

DEFAULT_DATA = "data/self-assessment.yml"
SCHEMA, TEXT_SCHEMA = "self-assessment", "self-assessment-text"


def load_model(path: str | Path = DEFAULT_DATA) -> dict[str, Any]:
    """The questionnaire's meaning only (ids, points, rules), read, validated against the schema,
    then checked (once per file text in a build): what scoring needs, in every language."""
    return load_yaml(path, SCHEMA, check=check)


def load_self_assessment(path: str | Path = DEFAULT_DATA, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """The questionnaire with its words in `lang` (`data/text/<lang>/self-assessment.yml`, or
    English while `lang` has none), in one structure: the meaning of `path` as `load_model` gives
    it, each scale a mapping with its `label`, and each section, question, option, rule and result
    with its words. `lang` of the result says which language the words are in."""
    return with_words(load_model(path), load_text(path, lang, TEXT_SCHEMA))


def scale_words(found: str | dict[str, str]) -> dict[str, str]:
    """A scale's words: `label` (for any count, and in the rules: 'mood points') and `one` (for a
    count the catalog's plural rule calls singular: 'mood point'; the label if not given)."""
    if isinstance(found, str):
        return {"label": found, "one": found}
    return {"label": found["other"], "one": found["one"]}


def with_words(data: dict[str, Any], text: Text) -> dict[str, Any]:
    """The meaning `data` with the words of `text` put in (a missing text: DataError naming the
    text file, the id and the language)."""
    sections = data["sections"]
    text.check_ids("scales", data["scales"], "scale")
    text.check_ids("sections", [section["id"] for section in sections], "section")
    text.check_ids("questions", [question["id"] for question in questions(data)], "question")
    text.check_ids("rules", [rule["id"] for rule in data["rules"]], "rule")
    text.check_ids("results", [result["id"] for result in data["results"]], "result")
    data["scales"] = {scale: scale_words(text.get(("scales", scale), f"the scale {scale!r}")) for scale in data["scales"]}
    for section in sections:
        section.update(text.get(("sections", section["id"]), f"the section {section['id']!r}"))
        for question in section["questions"]:
            found = text.get(("questions", question["id"]), f"the question {question['id']!r}")
            question.update({key: found[key] for key in ("text", "hint", "lang") if key in found})
            labels = text.get(("questions", question["id"], "options"), f"the options of the question {question['id']!r}")
            if len(labels) != len(question["options"]):
                raise DataError(text.source, f"questions.{question['id']}.options",
                                f"{len(labels)} options' words in the language {text.lang!r} for the "
                                f"{len(question['options'])} options of the question in the data file; expected one "
                                "for each, in the same order")
            for option, label in zip(question["options"], labels, strict=True):
                option["label"] = label
    for rule in data["rules"]:
        rule["why"] = text.get(("rules", rule["id"]), f"the rule {rule['id']!r} (why it leads to its result)")
    for result in data["results"]:
        result.update(text.get(("results", result["id"]), f"the result {result['id']!r}"))
        result["links"] = [{"text": text.get(("pages", page), f"the link to {page}"), "page": page}
                           for page in result.get("links", [])]
    if "total" in data:
        words = text.get(("total",), "the total shown with every result")
        bands = words["bands"]
        if len(bands) != len(data["total"]["bands"]):
            raise DataError(text.source, "total.bands", f"{len(bands)} bands' words in the language {text.lang!r} for "
                            f"the {len(data['total']['bands'])} bands of the data file; expected one for each, in the same order")
        data["total"].update({key: words[key] for key in ("text", "out_of") if key in words})
        for band, words_ in zip(data["total"]["bands"], bands, strict=True):
            band["text"] = words_
    data["lang"] = text.lang
    return data


def check_data(data: Any, source: str) -> dict[str, Any]:
    """Schema and meaning checks for data already in memory (used by tests)."""
    return check(validate(data, SCHEMA, source), source)


def check(data: dict[str, Any], source: str) -> dict[str, Any]:
    _check_unique_ids(data, source)
    _check_points(data, source)
    _check_rules(data, source)
    _check_reachable(data, source)
    _check_total(data, source)
    return data


def _check_total(data: dict[str, Any], source: str) -> None:
    """The total's scales exist, and its bands run from 0 to the highest total the answers can
    give, in order, without a gap or an overlap."""
    if "total" not in data:
        return
    total = data["total"]
    for s, scale in enumerate(total["scales"]):
        if scale not in data["scales"]:
            raise DataError(source, f"total.scales[{s}]", _unknown_scale(scale, data))
    top = sum(max(o["points"].get(scale, 0) for o in q["options"]) for q in questions(data) for scale in total["scales"])
    expected = 0
    for b, band in enumerate(total["bands"]):
        if band["from"] != expected or band["to"] < band["from"]:
            raise DataError(source, f"total.bands[{b}]", f"from {band['from']} to {band['to']}; expected a band from {expected}")
        expected = band["to"] + 1
    if expected - 1 != top:
        raise DataError(source, "total.bands", f"the last band ends at {expected - 1}; expected it to end at {top}, the highest total")


def _check_unique_ids(data: dict[str, Any], source: str) -> None:
    """Sections, questions and results each need their own unique ids (they become HTML ids), and
    rules too (their words are found by them)."""
    sections: dict[str, str] = {}
    questions_: dict[str, str] = {}
    for s, section in enumerate(data["sections"]):
        _unique(sections, section["id"], f"sections[{s}].id", source)
        for q, question in enumerate(section["questions"]):
            _unique(questions_, question["id"], f"sections[{s}].questions[{q}].id", source)
    results: dict[str, str] = {}
    for r, result in enumerate(data["results"]):
        _unique(results, result["id"], f"results[{r}].id", source)
    rules: dict[str, str] = {}  # their words are found by them
    for r, rule in enumerate(data["rules"]):
        _unique(rules, rule["id"], f"rules[{r}].id", source)


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
        steps = _steps(question, scales)
        nxt: dict[tuple[int, ...], tuple[int, ...]] = {}
        for totals, answers in reach.items():
            for choice, step in enumerate(steps):
                nxt.setdefault(tuple(map(add, totals, step)), answers + (choice,))  # one step per scale
        reach = nxt
    return reach


def _steps(question: dict[str, Any], scales: list[str]) -> list[tuple[int, ...]]:
    """Each option's points, one number per scale."""
    return [tuple(option["points"].get(s, 0) for s in scales) for option in question["options"]]


def reachable_totals(data: dict[str, Any]) -> set[tuple[int, ...]]:
    """The totals of `reachable_scores` alone: the check every build runs needs no answers, and
    makes the set in half the time without them."""
    scales = list(data["scales"])
    reach = {tuple(0 for _ in scales)}
    for question in questions(data):
        steps = set(_steps(question, scales))
        reach = {tuple(map(add, totals, step)) for totals in reach for step in steps}  # one step per scale
    return reach


def _check_reachable(data: dict[str, Any], source: str) -> None:
    scales, rule_for, rules = list(data["scales"]), rule_finder(data), len(data["rules"])
    hit: set[int] = set()
    for totals in reachable_totals(data):
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
        **({"total": {"scales": data["total"]["scales"], "bands": [[b["from"], b["to"]] for b in data["total"]["bands"]]}}
           if "total" in data else {}),
    }


def model_json(data: dict[str, Any]) -> str:
    """The model as compact JSON, with <, > and & escaped so it is inert wherever it is embedded."""
    text = json.dumps(browser_model(data), separators=(",", ":"), ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
