"""The crisis data: its meaning (`data/crisis-lines.yml`) and its words in one language
(`data/text/<lang>/crisis-lines.yml`, see `data_text.py`), read, checked and put together.

The meaning file holds what is the same in every language: each region's emergency numbers, each
line's id, ways to reach it, hours (as data: `always`, or spans of days and times), the codes of
the languages it answers in, its source and the day it was checked. The text file holds, by the
same ids, the region's name and where to go, each line's name, description and notes, and the
directory's words. `load_crisis_lines` gives both as one structure, in the shape the renderers read
(`crisis.py`): names, descriptions, notes, hours and languages as words of the page's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path
from typing import Any

from babel.dates import format_time, get_day_names

from .data import DataError, load_yaml
from .data_text import Text, load_text
from .i18n import SOURCE_LANGUAGE, Words, words

DEFAULT_DATA = "data/crisis-lines.yml"
SCHEMA, TEXT_SCHEMA = "crisis-lines", "crisis-lines-text"
LINE_KINDS = ("lines", "abuse_lines")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # Babel's day numbers: Monday is 0


def every_line(data: dict[str, Any]) -> Iterator[tuple[str, str, int, dict[str, Any]]]:
    """(region, kind, index, line) for every line of every region."""
    for code, region in data["regions"].items():
        for kind in LINE_KINDS:
            for i, line in enumerate(region.get(kind, [])):
                yield code, kind, i, line


def check_meaning(data: dict[str, Any], source: str) -> dict[str, Any]:
    """Ids a JSON Schema cannot check: each line's and each finder's id is unique in the file (its
    words are found by it), and a line's opening hours end after they start."""
    for what, items in (("line", [(f"regions.{c}.{k}[{i}]", line) for c, k, i, line in every_line(data)]),
                        ("find_a_therapist link", [(f"regions.{c}.find_a_therapist[{i}]", link)
                                                   for c, region in data["regions"].items()
                                                   for i, link in enumerate(region["find_a_therapist"])])):
        seen: dict[str, str] = {}
        for path, item in items:
            if item["id"] in seen:
                raise DataError(source, f"{path}.id", f"duplicate {what} id {item['id']!r} (already used at "
                                f"{seen[item['id']]}); expected a unique id")
            seen[item["id"]] = path
    for code, kind, i, line in every_line(data):
        for s, span in enumerate(line["hours"] if isinstance(line["hours"], list) else []):
            if span["to"] != "24:00" and span["to"] <= span["from"]:
                raise DataError(source, f"regions.{code}.{kind}[{i}].hours[{s}]",
                                f"it closes ({span['to']}) before it opens ({span['from']}); expected `to` after `from`")
    return data


def load_meaning(path: str | Path = DEFAULT_DATA) -> dict[str, Any]:
    """The crisis data's meaning only, checked (for what needs no words: sources, dates)."""
    return load_yaml(path, SCHEMA, check=check_meaning)


def load_crisis_lines(path: str | Path = DEFAULT_DATA, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """The crisis data with its words in `lang` (see the module's docstring). `lang` of the result
    says which language the words are in: `lang`, or English while `lang` has no text file."""
    data = load_meaning(path)
    text = load_text(path, lang, TEXT_SCHEMA)
    return with_words(data, text, words(text.lang))  # hours and languages named as the words are written


def opening_hours(hours: str | list[dict[str, Any]], interface: Words) -> str:
    """When a line is open, in the page's language: `24 hours a day, 7 days a week`, or each span
    as `Monday, Tuesday and Wednesday, 9:00 AM to 5:00 PM` (Babel's names and times)."""
    if hours == "always":
        return interface.gettext("24 hours a day, 7 days a week")
    if hours == "unconfirmed":
        return interface.gettext("not confirmed here; please check the line's website")
    names = get_day_names("wide", locale=interface.lang)
    spans = []
    for span in hours if isinstance(hours, list) else []:
        days = interface.list([names[DAYS.index(day)] for day in span["days"]])
        start, end = (format_time(_time(span[key]), format="short", locale=interface.lang) for key in ("from", "to"))
        spans.append(interface.gettext("%(days)s, %(start)s to %(end)s") % {"days": days, "start": start, "end": end})
    return interface.list(spans)


def _time(value: str) -> time:
    hour, minute = (int(part) for part in value.split(":"))
    return time(0, 0) if hour == 24 else time(hour, minute)


def with_words(data: dict[str, Any], text: Text, interface: Words) -> dict[str, Any]:
    """The meaning `data` with the words of `text` put in (a missing text: DataError naming the
    text file, the id and the language)."""
    text.check_ids("regions", data["regions"], "region")
    text.check_ids("lines", [line["id"] for *_, line in every_line(data)], "line")
    text.check_ids("find_a_therapist", [link["id"] for region in data["regions"].values()
                                        for link in region["find_a_therapist"]], "find_a_therapist link")
    for code, region in data["regions"].items():
        region["name"] = text.get(("regions", code, "name"), f"the region {code}'s name")
        emergency = region["emergency"]
        if "go_to" in emergency:
            emergency["go_to"]["text"] = text.get(("regions", code, "go_to"), f"where to go in an emergency in {code}")
        if "by_text" in emergency:
            emergency["by_text"]["text"] = text.get(("regions", code, "by_text"),
                                                    f"how to text the emergency number in {code}")
        note = text.get(("regions", code, "emergency_note"), "", required=False)
        if note:
            emergency["note"] = note
        for link in region["find_a_therapist"]:
            found = text.get(("find_a_therapist", link["id"]), f"the find_a_therapist link {link['id']!r}")
            link.update({key: found[key] for key in ("name", "note") if key in found})
    for *_, line in every_line(data):
        _line_words(line, text, interface)
    data["directory"].update(text.get(("directory",), "the directory"))
    data["lang"] = text.lang
    return data


def _line_words(line: dict[str, Any], text: Text, interface: Words) -> None:
    found = text.get(("lines", line["id"]), f"the line {line['id']!r}")
    line["name"] = text.get(("lines", line["id"], "name"), f"the line {line['id']!r}'s name")
    for key in ("description", "note"):
        if key in found:
            line[key] = found[key]
    for contact in line["contact"]:
        if "note" in contact:
            contact["note"] = text.get(("lines", line["id"], "contact_notes", contact["note"]),
                                       f"the note {contact['note']!r} of a way to reach the line {line['id']!r}")
    line["hours"] = opening_hours(line["hours"], interface)
    if found.get("hours_note"):
        line["hours_note"] = found["hours_note"]
    names = [interface.language_name(code) for code in line["languages"]]
    line["languages"] = names + ([found["more_languages"]] if found.get("more_languages") else [])
