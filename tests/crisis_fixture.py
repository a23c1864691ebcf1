"""A small, valid crisis-lines file and its English words for tests, built fresh each time so a
test can break one field: `crisis_data()` is the meaning (`data/crisis-lines.yml`), `crisis_text()`
its words (`data/text/en/crisis-lines.yml`)."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

VALID = {
    "version": 2,
    "regions": {
        "US": {
            "emergency": {"number": "911", "source": "https://example.gov/911", "checked": "2026-11-27"},
            "lines": [{
                "id": "call-and-text-line",
                "contact": [{"call": "988"}, {"text": "988"}, {"chat": "https://example.org/chat"}],
                "hours": "always",
                "languages": ["en", "es"],
                "source": "https://example.gov/988",
                "checked": "2026-11-27",
            }],
            "find_a_therapist": [{"id": "finder", "url": "https://example.gov/find"}],
        },
        "GB": {
            "emergency": {"number": "999", "source": "https://example.nhs.uk/999", "checked": "2026-11-26"},
            "lines": [{
                "id": "listening-line",
                "contact": [{"call": "116 123"}, {"email": "jo@example.org"}],
                "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:30"}],
                "languages": ["en"],
                "source": "https://example.org/listen",
                "checked": "2026-11-26",
            }],
            "find_a_therapist": [{"id": "talking-therapies", "url": "https://example.nhs.uk/talk"}],
        },
        "IE": {
            "emergency": {"number": "112", "also": "999", "source": "https://example.ie/112", "checked": "2026-11-25"},
            "lines": [{
                "id": "text-line",
                "contact": [{"text": "50808", "message": "TALK"}],
                "hours": "always",
                "languages": ["en"],
                "source": "https://example.ie/text",
                "checked": "2026-11-25",
            }],
            "find_a_therapist": [{"id": "services", "url": "https://example.ie/services"}],
        },
    },
    "directory": {"url": "https://directory.example/", "checked": "2026-11-27"},
}

TEXT = {
    "regions": {"US": {"name": "United States"}, "GB": {"name": "United Kingdom"}, "IE": {"name": "Ireland"}},
    "lines": {
        "call-and-text-line": {"name": "Call and Text Line"},
        "listening-line": {"name": "Listening Line"},
        "text-line": {"name": "Text Line"},
    },
    "find_a_therapist": {
        "finder": {"name": "Finder"}, "talking-therapies": {"name": "Talking Therapies"}, "services": {"name": "Services"},
    },
    "directory": {"name": "World Directory", "description": "Find a helpline in your country with the"},
}


def crisis_data() -> dict:
    """A deep copy of the valid data's meaning, safe to change."""
    return copy.deepcopy(VALID)


def crisis_text() -> dict:
    """A deep copy of the valid data's English words, safe to change."""
    return copy.deepcopy(TEXT)


def write_crisis_data(path: Path, data: dict | None = None, text: dict | None = None,
                      others: dict[str, dict] | None = None) -> Path:
    """Write the meaning at `path`, its English words (`text`) beside it in `text/en/`, and each
    other language's words in `others` (`{"es": {...}}`) in `text/<lang>/`; return `path`."""
    path.write_text(yaml.safe_dump(crisis_data() if data is None else data, sort_keys=False), "utf-8")
    for lang, words in {"en": crisis_text() if text is None else text, **(others or {})}.items():
        target = path.parent / "text" / lang / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(words, sort_keys=False, allow_unicode=True), "utf-8")
    return path
