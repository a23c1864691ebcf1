"""Crisis lines: load `data/crisis-lines.yml` and render it (the `/// crisis-lines` block).

The same renderer feeds the "Get help now" page and the crisis panel of the self-assessment, so a
line is written once in the data and shown the same way everywhere.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markdown.extensions.toc import slugify
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string_in

from . import contents
from .data import DataError, load_yaml
from .html import el

DEFAULT_DATA = "data/crisis-lines.yml"


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


def _long_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def _site_name(url: str) -> str:
    """The host of a source URL: short enough for a phone screen, enough to know whose page it is."""
    host = urlsplit(url).netloc
    return host[4:] if host.startswith("www.") else host


def render_source(parent: etree.Element, url: str, checked: str) -> etree.Element:
    """"Source: example.org (checked November 27, 2026)." with the full URL as the link."""
    p = el(parent, "p", "Source: ", class_="crisis-source")
    contents.exclude_from_search(p)
    link = el(p, "a", _site_name(url), href=url)
    link.tail = f" (checked {_long_date(checked)})."
    return p


def contact_link(parent: etree.Element, contact: dict[str, str]) -> etree.Element:
    """One way to reach a line: tel:, sms:, a chat page or an email address."""
    if "call" in contact:
        return el(parent, "a", f"Call {contact['call']}", href=f"tel:{_digits(contact['call'])}")
    if "text" in contact:
        label = f"Text {contact['message']} to {contact['text']}" if "message" in contact else f"Text {contact['text']}"
        return el(parent, "a", label, href=f"sms:{_digits(contact['text'])}")
    if "chat" in contact:
        return el(parent, "a", "Chat online", href=contact["chat"])
    return el(parent, "a", f"Email {contact['email']}", href=f"mailto:{contact['email']}")


def render_emergency(parent: etree.Element, region: dict[str, Any]) -> etree.Element:
    """The emergency number, in a sentence that says when to use it."""
    emergency = region["emergency"]
    p = el(parent, "p", "If you or someone else is in danger right now, call ", class_="crisis-emergency")
    link = el(p, "a", emergency["number"], href=f"tel:{_digits(emergency['number'])}")
    link.tail = " now."
    if emergency.get("also"):
        link.tail = " or "
        also = el(p, "a", emergency["also"], href=f"tel:{_digits(emergency['also'])}")
        also.tail = " now."
    render_source(parent, emergency["source"], emergency["checked"])
    return p


def render_line(parent: etree.Element, line: dict[str, Any], heading: str = "h4") -> etree.Element:
    """One crisis line: name, ways to reach it, hours, languages, source and date checked."""
    item = el(parent, "li", class_="crisis-line")
    # Its own id (as the table of contents would make it), since the table of contents skips it.
    el(item, heading, line["name"], id=slugify(line["name"], "-"))
    # The search index, which every page downloads, holds what a reader would search for: names
    # and numbers. Descriptions, hours, languages and sources stay on the page only.
    if line.get("description"):
        contents.exclude_from_search(el(item, "p", line["description"]))
    ways = el(item, "ul", class_="crisis-line__ways")
    for contact in line["contact"]:
        contact_link(el(ways, "li"), contact)
    facts = el(item, "p", class_="crisis-line__facts")
    contents.exclude_from_search(facts)
    el(facts, "span", f"Open: {line['hours']}.")
    el(facts, "span", f"Languages: {', '.join(line['languages'])}.")
    render_source(item, line["source"], line["checked"])
    return item


def render_region(parent: etree.Element, data: dict[str, Any], code: str, heading: str = "h3") -> etree.Element:
    """A region's emergency number and its lines."""
    region = data["regions"][code]
    section = el(parent, "section", class_="crisis-region", id=f"region-{code.lower()}")
    el(section, heading, region["name"], id=f"crisis-{code.lower()}")
    render_emergency(section, region)
    lines = el(section, "ul", class_="crisis-lines")
    for line in region["lines"]:
        render_line(lines, line, heading=f"h{int(heading[1]) + 1}")
    return section


def render_directory(parent: etree.Element, data: dict[str, Any], heading: str = "h3") -> etree.Element:
    """The worldwide directory, for readers outside the listed regions."""
    directory = data["directory"]
    section = el(parent, "section", class_="crisis-directory")
    el(section, heading, "Anywhere else in the world", id="crisis-directory")
    p = el(section, "p", directory["description"] + " ")
    link = el(p, "a", directory["name"], href=directory["url"])
    link.tail = f" (checked {_long_date(directory['checked'])})."
    return section


def render_crisis_help(parent: etree.Element, data: dict[str, Any], region: str, show: str = "all") -> etree.Element:
    """`show: all` lists every region (configured one first); `show: region` only the configured one."""
    wrapper = el(parent, "div", class_="crisis-help")
    codes = ordered_regions(data, region) if show == "all" else [region]
    for code in codes:
        render_region(wrapper, data, code, heading="h3" if show == "all" else "h4")
    render_directory(wrapper, data, heading="h3" if show == "all" else "h4")
    return wrapper


class CrisisLines(Block):
    """`/// crisis-lines` renders the crisis data for the configured region (first) and the rest.

    Options: `show` = `all` (default; every region, configured one first) or `region` (only it).
    """

    NAME = "crisis-lines"
    ARGUMENT = False
    OPTIONS = {"show": ["all", type_string_in(["all", "region"])]}

    def on_create(self, parent: etree.Element) -> etree.Element:
        data = load_crisis_lines(self.config["data"])
        region = check_region(data, self.config["region"])
        help_ = render_crisis_help(parent, data, region, self.options["show"])
        # The table of contents lists the regions; each region's lines are right under it.
        contents.keep_out_of_contents(help_.findall(".//li[@class='crisis-line']/*[1]"))
        return help_


class CrisisExtension(BlocksExtension):
    """Registers the `crisis-lines` block; `region` and `data` come from the site plugin."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {
            "region": ["US", "Region whose lines come first."],
            "data": [DEFAULT_DATA, "Path of the crisis-lines YAML file."],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:  # noqa: N802 (Markdown's API name)
        block_mgr.register(CrisisLines, self.getConfigs())
        contents.register(md)


def makeExtension(*args: Any, **kwargs: Any) -> CrisisExtension:  # noqa: N802
    return CrisisExtension(*args, **kwargs)
