"""A small, valid crisis-lines file for tests, built fresh each time so a test can break one field."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

VALID = {
    "version": 1,
    "regions": {
        "US": {
            "name": "United States",
            "emergency": {"number": "911", "source": "https://example.gov/911", "checked": "2026-11-27"},
            "lines": [{
                "name": "Call and Text Line",
                "contact": [{"call": "988"}, {"text": "988"}, {"chat": "https://example.org/chat"}],
                "hours": "24 hours a day",
                "languages": ["English", "Spanish"],
                "source": "https://example.gov/988",
                "checked": "2026-11-27",
            }],
            "find_a_therapist": [{"name": "Finder", "url": "https://example.gov/find"}],
        },
        "GB": {
            "name": "United Kingdom",
            "emergency": {"number": "999", "source": "https://example.nhs.uk/999", "checked": "2026-11-26"},
            "lines": [{
                "name": "Listening Line",
                "contact": [{"call": "116 123"}, {"email": "jo@example.org"}],
                "hours": "Any time",
                "languages": ["English"],
                "source": "https://example.org/listen",
                "checked": "2026-11-26",
            }],
            "find_a_therapist": [{"name": "Talking Therapies", "url": "https://example.nhs.uk/talk"}],
        },
        "IE": {
            "name": "Ireland",
            "emergency": {"number": "112", "also": "999", "source": "https://example.ie/112", "checked": "2026-11-25"},
            "lines": [{
                "name": "Text Line",
                "contact": [{"text": "50808", "message": "TALK"}],
                "hours": "Any time",
                "languages": ["English"],
                "source": "https://example.ie/text",
                "checked": "2026-11-25",
            }],
            "find_a_therapist": [{"name": "Services", "url": "https://example.ie/services"}],
        },
    },
    "directory": {
        "name": "World Directory",
        "url": "https://directory.example/",
        "description": "Find a helpline in your country with the",
        "checked": "2026-11-27",
    },
}


def crisis_data() -> dict:
    """A deep copy of the valid data, safe to change."""
    return copy.deepcopy(VALID)


def write_crisis_data(path: Path, data: dict | None = None) -> Path:
    path.write_text(yaml.safe_dump(crisis_data() if data is None else data, sort_keys=False), "utf-8")
    return path
