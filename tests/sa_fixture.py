"""A small, valid self-assessment for tests of the block, built fresh each time so a test can change it.

Two steps, three questions (one with a crisis answer, one with markup in its text), three scales,
rules with `all`, `any`, `plus`, `minus` and a fallback, and three results, each rule reachable:
enough to exercise every part of the block without depending on the site's own questionnaire.

`sa_data()` gives it as `model.load_self_assessment` does, meaning and English words in one
structure, for a test to change either; `write_sa_data` writes it as the site keeps it: the
meaning at the path, the words in `text/en/` beside it (`split_words`).
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

VALID = {
    "version": 3,
    "scales": {
        "safety": {"label": "safety points", "one": "safety point"},
        "goal": {"label": "goal points", "one": "goal point"},
        "care": {"label": "care <b>&</b> points", "one": "care <b>&</b> point"},
    },
    "sections": [
        {
            "id": "first",
            "title": "First <i>step</i>",
            "intro": "An *intro* with [a link](https://example.org/intro).",
            "questions": [{
                "id": "safe",
                "text": "Do you feel unsafe?",
                "hint": "A hint <b>in bold?</b>",
                "options": [
                    {"label": "No", "points": {"safety": 0}},
                    {"label": "Yes", "points": {"safety": 1}, "crisis": True},
                ],
            }],
        },
        {
            "id": "second",
            "title": "Second step",
            "notes": ["A note with [a source](https://doi.org/10.1000/fixture)."],
            "questions": [
                {
                    "id": "want",
                    "text": "What do you want <script>alert(1)</script>?",
                    "options": [
                        {"label": "Goals & <plans>", "points": {"goal": 2}},
                        {"label": "Both", "points": {"goal": 1, "care": 1}},
                        {"label": "Care", "points": {"care": 2}},
                    ],
                },
                {
                    "id": "how",
                    "text": "How is it going?",
                    "options": [
                        {"label": "Fine", "points": {"goal": 0}},
                        {"label": "Hard", "points": {"care": 1}},
                    ],
                },
            ],
        },
    ],
    "total": {
        "scales": ["care"], "text": "Your care total:", "out_of": "out of 3.",
        "bands": [{"from": 0, "to": 1, "text": "Low, *in words*."}, {"from": 2, "to": 3, "text": "High <b>in words</b>."}],
    },
    "rules": [
        {"id": "unsafe", "result": "now", "when": {"scale": "safety", "op": ">=", "value": 1}, "why": "You said you feel unsafe."},
        {"id": "care-first", "result": "care", "why": "Care, first reason.", "when": {"any": [
            {"scale": "care", "op": ">=", "value": 3},
            {"all": [{"scale": "care", "op": ">=", "value": 2}, {"scale": "goal", "op": "==", "value": 0}]},
        ]}},
        {"id": "goal", "result": "goal", "when": {"scale": "goal", "minus": "care", "op": ">=", "value": 2}, "why": "Goal reason."},
        {"id": "care-second", "result": "care", "when": {"scale": "care", "plus": "goal", "op": ">", "value": 2}, "why": "Care, second reason."},
        {"id": "mix", "result": "goal", "why": "A mix."},
    ],
    "results": [
        {
            "id": "now", "title": "Reach out now", "show_crisis": True, "show_find_a_therapist": True,
            "summary": ["Please reach out."], "next_steps": ["Call a line."],
            "links": [{"text": "Get help now", "page": "get-help-now.md"}],
        },
        {
            "id": "care", "title": "Care may fit <you>", "show_find_a_therapist": True,
            "summary": ["Care **fits**.", "A second paragraph."], "next_steps": ["Find someone."],
        },
        {
            "id": "goal", "title": "Goals may fit", "show_booking": True,
            "summary": ["Goals fit."], "next_steps": ["Make a plan."],
            "links": [{"text": "Coaching", "page": "coaching.md"}, {"text": "Differences", "page": "differences.md#focus"}],
        },
    ],
}


def sa_data() -> dict:
    """A deep copy of the valid questionnaire, safe to change."""
    return copy.deepcopy(VALID)


def questions(data: dict) -> list[dict]:
    return [q for section in data["sections"] for q in section["questions"]]


WORDS = {"section": ("title", "intro", "notes"), "question": ("text", "hint"), "result": ("title", "summary", "next_steps")}


def split_words(data: dict) -> tuple[dict, dict]:
    """The meaning and the English words of a questionnaire given as `sa_data()` gives it."""
    data = copy.deepcopy(data)
    data.pop("lang", None)  # which language the words were loaded in
    text: dict = {"scales": {}, "sections": {}, "questions": {}, "rules": {}, "results": {}, "pages": {}}
    if isinstance(data.get("scales"), dict):
        text["scales"] = {scale: {"one": value["one"], "other": value.get("label")} if "one" in value else value.get("label")
                          for scale, value in data["scales"].items()}
        data["scales"] = list(data["scales"])
    for section in data.get("sections", []):
        text["sections"][section.get("id")] = {key: section.pop(key) for key in WORDS["section"] if key in section}
        for question in section.get("questions", []):
            words = {key: question.pop(key) for key in WORDS["question"] if key in question}
            words["options"] = [option.pop("label", None) for option in question.get("options", [])]
            text["questions"][question.get("id")] = words
    for rule in data.get("rules", []):
        text["rules"][rule.get("id")] = rule.pop("why", None)
    for result in data.get("results", []):
        text["results"][result.get("id")] = {key: result.pop(key) for key in WORDS["result"] if key in result}
        if "links" in result:
            text["pages"].update({link["page"]: link["text"] for link in result["links"]})
            result["links"] = [link["page"] for link in result["links"]]
    if isinstance(data.get("total"), dict):
        total = data["total"]
        text["total"] = {key: total.pop(key) for key in ("text", "out_of") if key in total}
        text["total"]["bands"] = [band.pop("text", None) for band in total.get("bands", [])]
    return data, text


def write_sa_data(path: Path, data: dict | None = None, others: dict[str, dict] | None = None) -> Path:
    """Write the questionnaire (`sa_data()` by default) at `path` and its English words in
    `text/en/` beside it, and each other language's words in `others` (`{"es": {...}}`)."""
    meaning, text = split_words(sa_data() if data is None else data)
    path.write_text(yaml.safe_dump(meaning, sort_keys=False), "utf-8")
    for lang, words in {"en": text, **(others or {})}.items():
        target = path.parent / "text" / lang / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(words, sort_keys=False, allow_unicode=True), "utf-8")
    return path
