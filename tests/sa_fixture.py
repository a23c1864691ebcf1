"""A small, valid self-assessment for tests of the block, built fresh each time so a test can change it.

Two steps, three questions (one with a crisis answer, one with markup in its text), three scales,
rules with `all`, `any`, `plus`, `minus` and a fallback, and three results, each rule reachable:
enough to exercise every part of the block without depending on the site's own questionnaire.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

VALID = {
    "version": 3,
    "scales": {
        "safety": {"label": "safety points"},
        "goal": {"label": "goal points"},
        "care": {"label": "care <b>&</b> points"},
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
        {"result": "now", "when": {"scale": "safety", "op": ">=", "value": 1}, "why": "You said you feel unsafe."},
        {"result": "care", "why": "Care, first reason.", "when": {"any": [
            {"scale": "care", "op": ">=", "value": 3},
            {"all": [{"scale": "care", "op": ">=", "value": 2}, {"scale": "goal", "op": "==", "value": 0}]},
        ]}},
        {"result": "goal", "when": {"scale": "goal", "minus": "care", "op": ">=", "value": 2}, "why": "Goal reason."},
        {"result": "care", "when": {"scale": "care", "plus": "goal", "op": ">", "value": 2}, "why": "Care, second reason."},
        {"result": "goal", "why": "A mix."},
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


def write_sa_data(path: Path, data: dict | None = None) -> Path:
    path.write_text(yaml.safe_dump(sa_data() if data is None else data, sort_keys=False), "utf-8")
    return path
