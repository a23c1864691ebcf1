"""Crisis lines: load `data/crisis-lines.yml` and render it (the `/// crisis-lines` block).

The same renderer feeds the "Get help now" page and the crisis help of the self-assessment, so a
line is written once in the data and shown the same way everywhere. Every region we hold is
reachable from each place: on the self-assessment the practice's region comes first and every other
region opens in place (a `<details>`, so it works without JavaScript).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markdown.extensions.toc import slugify
from pymdownx.blocks.block import type_string_in

from . import contents
from .data import DataError, load_yaml
from .extension import SiteBlock, SiteBlocksExtension
from .html import el, tail
from .text import append_markdown

DEFAULT_DATA = "data/crisis-lines.yml"
HELP_PAGE = "get-help-now.md"  # where every region is shown in full, with its sources
ABUSE_TITLE = "If someone is hurting or threatening you"


def load_crisis_lines(path: str | Path = DEFAULT_DATA) -> dict[str, Any]:
    """Read and validate the crisis data."""
    return load_yaml(path, "crisis-lines")


def check_region(data: dict[str, Any], region: str, source: str = "mkdocs.yml extra.practice") -> str:
    """Fail, naming the code and the valid ones, when `region` has no crisis lines."""
    if region not in data["regions"]:
        valid = ", ".join(sorted(data["regions"]))
        raise DataError(source, "region", f"no crisis lines for region {region!r}; expected one of: {valid}")
    return region


def ordered_regions(data: dict[str, Any], first: str) -> list[str]:
    """The configured region first, then the rest in alphabetical order."""
    return [first] + sorted(code for code in data["regions"] if code != first)


def long_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def _site_name(url: str) -> str:
    """The host of a source URL: short enough for a phone screen, enough to know whose page it is."""
    host = urlsplit(url).netloc
    return host[4:] if host.startswith("www.") else host


class Where:
    """Names places in the data file, for messages about ids made from it."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __call__(self, path: str) -> str:
        return f"{self.source}: {path}"


def render_source(parent: etree.Element, url: str, checked: str, note: str | None = None) -> etree.Element:
    """"Source: example.org (checked November 27, 2026)." with the full URL as the link."""
    p = el(parent, "p", "Source: ", class_="crisis-source")
    contents.exclude_from_search(p)
    tail(el(p, "a", _site_name(url), href=url), f" (checked {long_date(checked)}).")
    if note:
        append_markdown(p, " " + note)
    return p


def contact_link(parent: etree.Element, contact: dict[str, str]) -> etree.Element:
    """One way to reach a line: tel:, sms:, a chat page or an email address, and its note."""
    if "call" in contact:
        link = el(parent, "a", f"Call {contact['call']}", href=f"tel:{_digits(contact['call'])}")
    elif "text" in contact:
        label = f"Text {contact['message']} to {contact['text']}" if "message" in contact else f"Text {contact['text']}"
        link = el(parent, "a", label, href=f"sms:{_digits(contact['text'])}")
    elif "chat" in contact:
        link = el(parent, "a", "Chat online", href=contact["chat"])
    else:
        link = el(parent, "a", f"Email {contact['email']}", href=f"mailto:{contact['email']}")
    if contact.get("note"):
        tail(link, f" ({contact['note']})")
    return link


def render_emergency(parent: etree.Element, region: dict[str, Any], sources: bool = True) -> etree.Element:
    """The emergency number (and where to go, where the health service says so), with sources."""
    emergency = region["emergency"]
    p = el(parent, "p", "If you or someone else is in danger right now, call ", class_="crisis-emergency")
    link = tail(el(p, "a", emergency["number"], href=f"tel:{_digits(emergency['number'])}"), "")
    if emergency.get("also"):
        tail(link, " or ")
        link = tail(el(p, "a", emergency["also"], href=f"tel:{_digits(emergency['also'])}"), "")
    go_to = emergency.get("go_to")
    tail(link, f", or go to {go_to['text']} now." if go_to else " now.")
    if not sources:
        return p
    render_source(parent, emergency["source"], emergency["checked"], emergency.get("note"))
    if go_to and go_to["source"] != emergency["source"]:
        render_source(parent, go_to["source"], go_to["checked"])
    return p


def render_crisis_strip(parent: etree.Element, data: dict[str, Any], region: str, more: str,
                        title_id: str) -> etree.Element:
    """One short line of help: the region's emergency number and its main line, to tap and call or
    text, and a link to every other line (`more`). A labelled region, small enough to sit above a
    form without pushing it off a phone's screen.
    """
    place = data["regions"][region]
    strip = el(parent, "section", class_="crisis-strip", aria_labelledby=title_id)
    el(strip, "p", "Need help now?", class_="crisis-strip__title", id=title_id)
    emergency = place["emergency"]
    numbers = [n for n in (emergency["number"], emergency.get("also")) if n]
    _tap_links(el(strip, "p", "Emergency: "), [(f"call {n}", f"tel:{_digits(n)}") for n in numbers])
    main = place["lines"][0]
    # Only what a phone does in one tap; chat and email are with the line in the full list.
    ways = []
    for contact in main["contact"]:
        if "call" in contact:
            ways.append((f"call {contact['call']}", f"tel:{_digits(contact['call'])}"))
        elif "text" in contact:
            what = f"text {contact['message']} to" if "message" in contact else "text"
            ways.append((f"{what} {contact['text']}", f"sms:{_digits(contact['text'])}"))
    if ways:
        _tap_links(el(strip, "p", f"{main['name']}: "), ways)
    el(el(strip, "p"), "a", "Every line, and other countries", href=more)
    return strip


def _tap_links(item: etree.Element, links: list[tuple[str, str]]) -> None:
    """"call 1, text 2 or text 3": links in words, after what they reach."""
    for n, (text, href) in enumerate(links):
        link = el(item, "a", text, href=href)
        if n < len(links) - 1:
            tail(link, " or " if n == len(links) - 2 else ", ")


def render_line(parent: etree.Element, line: dict[str, Any], where: str, heading: str = "h4",
                compact: bool = False) -> etree.Element:
    """One line: name, description, ways to reach it, hours, languages, source and date checked.

    `compact`: name, ways and hours only, where the full line is one step away.
    """
    item = el(parent, "li", class_="crisis-line")
    # Its own id (as the table of contents would make it), since the table of contents skips it.
    el(item, heading, line["name"], id=slugify(line["name"], "-"), source=f"{where}.name")
    # The search index, which every page downloads, holds what a reader would search for: each
    # line's name (and each region's emergency number). Ways to reach a line, descriptions, hours,
    # languages and sources stay on the page only (a compact line sits where nothing is indexed).
    if line.get("description") and not compact:
        contents.exclude_from_search(append_markdown(el(item, "p"), line["description"]))
    ways = el(item, "ul", class_="crisis-line__ways")
    for contact in line["contact"]:
        contact_link(el(ways, "li"), contact)
    if compact:
        el(item, "p", f"Open: {line['hours']}.", class_="crisis-line__facts")
        return item
    contents.exclude_from_search(ways)
    facts = el(item, "p", class_="crisis-line__facts")
    contents.exclude_from_search(facts)
    el(facts, "span", f"Open: {line['hours']}.")
    el(facts, "span", f"Languages: {', '.join(line['languages'])}.")
    render_source(item, line["source"], line["checked"], line.get("note"))
    return item


def render_lines(parent: etree.Element, lines: list[dict[str, Any]], where: str, heading: str,
                 compact: bool = False) -> etree.Element:
    holder = el(parent, "ul", class_="crisis-lines")
    for i, line in enumerate(lines):
        render_line(holder, line, f"{where}[{i}]", heading, compact)
    return holder


def render_region_body(section: etree.Element, data: dict[str, Any], code: str, where: Where, level: int,
                       compact: bool = False) -> None:
    """A region's emergency number, its crisis lines and, where held, its lines for abuse.

    `compact` leaves out descriptions and sources, and links to the full region on Get help now.
    """
    region = data["regions"][code]
    render_emergency(section, region, sources=not compact)
    render_lines(section, region["lines"], where(f"regions.{code}.lines"), f"h{level + 1}", compact)
    if region.get("abuse_lines"):
        abuse = el(section, "section", class_="crisis-abuse")
        el(abuse, f"h{level + 1}", ABUSE_TITLE, class_="crisis-abuse__title", id=f"abuse-{code.lower()}",
           source=where(f"regions.{code}.abuse_lines"))
        contents.exclude_from_search(el(abuse, "p", f"If you are in danger now, call {region['emergency']['number']}. "
                                        "These lines can help you stay safe and plan what to do next."))
        render_lines(abuse, region["abuse_lines"], where(f"regions.{code}.abuse_lines"), f"h{level + 2}", compact)
    if compact:
        tail(el(el(section, "p", class_="crisis-more"), "a", "More about these lines, and where we checked them",
                href=f"{HELP_PAGE}#crisis-{code.lower()}"), ".")


def render_region(parent: etree.Element, data: dict[str, Any], code: str, where: Where, level: int = 3,
                  compact: bool = False) -> etree.Element:
    """A region under its own heading."""
    section = el(parent, "section", class_="crisis-region", id=f"region-{code.lower()}", source=where(f"regions.{code}"))
    el(section, f"h{level}", data["regions"][code]["name"], id=f"crisis-{code.lower()}", source=where(f"regions.{code}.name"))
    render_region_body(section, data, code, where, level, compact)
    return section


def render_other_regions(parent: etree.Element, data: dict[str, Any], first: str, where: Where, level: int,
                         with_first: bool = False) -> etree.Element:
    """Every other region (`with_first`: every region, `first` leading) as a short list; each opens
    in place, with or without JavaScript.

    No wrapper of their own: Material's search index un-excludes an excluded element when an
    element with the same tag inside it closes, so the excluded crisis help holds no nested <div>.
    """
    el(parent, "p", "Choose your country:" if with_first else "In another country? Choose yours:", class_="crisis-others")
    for code in ordered_regions(data, first)[0 if with_first else 1:]:
        details = el(parent, "details", class_="crisis-region crisis-region--other", id=f"region-{code.lower()}",
                     source=where(f"regions.{code}"))
        el(details, "summary", data["regions"][code]["name"])
        render_region_body(details, data, code, where, level, compact=True)
    return parent


def render_directory(parent: etree.Element, data: dict[str, Any], level: int = 3) -> etree.Element:
    """The worldwide directory, for readers outside the listed regions."""
    directory = data["directory"]
    section = el(parent, "section", class_="crisis-directory")
    el(section, f"h{level}", "Anywhere else in the world", id="crisis-directory")
    p = el(section, "p", directory["description"] + " ")
    tail(el(p, "a", directory["name"], href=directory["url"]), f" (checked {long_date(directory['checked'])}).")
    el(p, "span", " Its helplines have their own opening hours.")
    return section


def render_crisis_help(parent: etree.Element, data: dict[str, Any], region: str, show: str = "all",
                       source: str = DEFAULT_DATA, compact: bool = False, level: int | None = None) -> etree.Element:
    """`show: all` lists every region under its own heading (configured one first); `show: region`
    leads with the configured region (`compact`: without descriptions and sources) and lists the
    others, compact, to open in place; `show: choose`, where room is short (an embed), gives the
    configured region's emergency number and lists every region, that one first, to open in place.
    `level`: the regions' heading level (3 for `all`, else 4)."""
    where = Where(source)
    wrapper = el(parent, "div", class_="crisis-help")
    if show == "all":
        for code in ordered_regions(data, region):
            render_region(wrapper, data, code, where, level=3)
        render_directory(wrapper, data, level=3)
    elif show == "choose":
        render_emergency(wrapper, data["regions"][region], sources=False)
        # No heading of its own above the list: each region's lines sit one level under the panel's.
        render_other_regions(wrapper, data, region, where, level=(level or 4) - 1, with_first=True)
        render_directory(wrapper, data, level=level or 4)
    else:
        level = level or 4
        render_region(wrapper, data, region, where, level=level, compact=compact)
        render_other_regions(wrapper, data, region, where, level=level)
        render_directory(wrapper, data, level=level)
    return wrapper


class CrisisLines(SiteBlock):
    """`/// crisis-lines` renders the crisis data for the configured region (first) and the rest.

    Options: `show` = `all` (default; every region under its heading, configured one first) or
    `region` (the configured one, then the others to open in place).
    """

    NAME = "crisis-lines"
    ARGUMENT = False
    OPTIONS = {"show": ["all", type_string_in(["all", "region"])]}

    def on_create(self, parent: etree.Element) -> etree.Element:
        data = load_crisis_lines(self.config["data"])
        region = check_region(data, self.config["region"])
        help_ = render_crisis_help(parent, data, region, self.options["show"], self.config["data"])
        # The table of contents lists the regions; each region's lines are right under it.
        contents.keep_out_of_contents(help_.findall(".//li[@class='crisis-line']/*[1]"))
        contents.keep_out_of_contents(help_.findall(".//*[@class='crisis-abuse__title']"))
        return help_


class CrisisExtension(SiteBlocksExtension):
    """Registers the `crisis-lines` block; `region` and `data` come from the site plugin (as they
    do for every block that reads the crisis data: subclasses change BLOCKS and REGION)."""

    BLOCKS = (CrisisLines,)
    REGION = "Region whose lines come first."

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {
            "region": ["US", self.REGION],
            "data": [DEFAULT_DATA, "Path of the crisis-lines YAML file."],
        }
        super().__init__(*args, **kwargs)


def makeExtension(*args: Any, **kwargs: Any) -> CrisisExtension:  # noqa: N802 (Python-Markdown's name)
    return CrisisExtension(*args, **kwargs)
