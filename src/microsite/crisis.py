"""Crisis lines: load `data/crisis-lines.yml` and render it (the `/// crisis-lines` block).

The same renderer feeds the "Get help now" page and the crisis help of the self-assessment, so a
line is written once in the data and shown the same way everywhere. Every region we hold is
reachable from each place: on the self-assessment the practice's region comes first and every other
region opens in place (a `<details>`, so it works without JavaScript).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from typing import Any
from urllib.parse import urlsplit

from pymdownx.blocks.block import type_string_in

from . import contents
from .crisis_data import DEFAULT_DATA, load_crisis_lines
from .data import DataError
from .data_text import mark_language
from .extension import SiteBlock, SiteBlocksExtension
from .html import el, tail, with_link
from .i18n import Words, words
from .text import append_markdown, atomic

HELP_PAGE = "get-help-now.md"  # where every region is shown in full, with its sources


def check_region(data: dict[str, Any], region: str, source: str = "mkdocs.yml extra.practice") -> str:
    """Fail, naming the code and the valid ones, when `region` has no crisis lines."""
    if region not in data["regions"]:
        valid = ", ".join(sorted(data["regions"]))
        raise DataError(source, "region", f"no crisis lines for region {region!r}; expected one of: {valid}")
    return region


def ordered_regions(data: dict[str, Any], first: str) -> list[str]:
    """The configured region first, then the rest in alphabetical order."""
    return [first] + sorted(code for code in data["regions"] if code != first)


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


def render_source(parent: etree.Element, url: str, checked: str, t: Words, note: str | None = None) -> etree.Element:
    """"Source: example.org (checked November 27, 2026)." with the full URL as the link."""
    p = el(parent, "p", class_="crisis-source")
    contents.exclude_from_search(p)
    with_link(p, t.gettext("Source: %(site)s (checked %(date)s)."), "site", _site_name(url), url, date=t.date(checked))
    if note:
        append_markdown(p, " " + note)
    return p


def contact_link(parent: etree.Element, contact: dict[str, str], t: Words) -> etree.Element:
    """One way to reach a line: tel:, sms:, a chat page or an email address, and its note."""
    if "call" in contact:
        link = el(parent, "a", t.gettext("Call %(number)s") % {"number": contact["call"]}, href=f"tel:{_digits(contact['call'])}")
    elif "text" in contact:
        label = (t.gettext("Text %(message)s to %(number)s") % {"message": contact["message"], "number": contact["text"]}
                 if "message" in contact else t.gettext("Text %(number)s") % {"number": contact["text"]})
        link = el(parent, "a", label, href=f"sms:{_digits(contact['text'])}")
    elif "chat" in contact:
        link = el(parent, "a", t.gettext("Chat online"), href=contact["chat"])
    else:
        link = el(parent, "a", t.gettext("Email %(address)s") % {"address": contact["email"]}, href=f"mailto:{contact['email']}")
    if contact.get("note"):
        tail(link, t.gettext(" (%(note)s)") % {"note": contact["note"]})
    return link


def render_emergency(parent: etree.Element, region: dict[str, Any], t: Words, sources: bool = True,
                     id_: str | None = None) -> etree.Element:
    """The emergency number, named with its country (and where to go, where the health service says
    so), with sources. One whole sentence of the catalog for each case (one number or two, a place
    to go or not). `id_`: where a link to the country's help lands (inside its folded entry, so the
    browser opens it, with or without JavaScript)."""
    emergency = region["emergency"]
    go_to = emergency.get("go_to")
    p = el(parent, "p", class_="crisis-emergency", id=id_)
    tail(el(p, "strong", t.gettext("%(country)s:") % {"country": region["name"]}), " ")
    sentence = el(p, "span")
    if emergency.get("also"):
        message = (t.gettext("If you or someone else is in danger right now, call %(number)s or %(also)s, or go to %(place)s now.")
                   if go_to else t.gettext("If you or someone else is in danger right now, call %(number)s or %(also)s now."))
    else:
        message = (t.gettext("If you or someone else is in danger right now, call %(number)s, or go to %(place)s now.")
                   if go_to else t.gettext("If you or someone else is in danger right now, call %(number)s now."))
    values = {"place": go_to["text"] if go_to else ""}
    first = with_link(sentence, message.replace("%(also)s", "\0"), "number", emergency["number"],
                      f"tel:{_digits(emergency['number'])}", **values)
    if emergency.get("also"):  # the second number is a link of its own, where the sentence puts it
        before, _, after = (first.tail or "").partition("\0")
        tail(first, before)
        tail(el(sentence, "a", emergency["also"], href=f"tel:{_digits(emergency['also'])}"), after)
    if not sources:
        return p
    render_source(parent, emergency["source"], emergency["checked"], t, emergency.get("note"))
    if go_to and go_to["source"] != emergency["source"]:
        render_source(parent, go_to["source"], go_to["checked"], t)
    return p


ELSEWHERE = "elsewhere"  # the reader is in none of our regions: the worldwide directory first


def time_zones(data: dict[str, Any]) -> str:
    """Each region's time zones, as compact JSON for the page's script to pick the reader's region."""
    zones = {code: region["time_zones"] for code, region in data["regions"].items() if region.get("time_zones")}
    return json.dumps(zones, separators=(",", ":"), ensure_ascii=True)


def help_link(code: str, page: str) -> str:
    """Where a region's help is: its emergency number on Get help now (`page` is "" on that page
    itself), inside its folded entry, so that following the link opens it."""
    return f"{page}#help-{code.lower()}" if code != ELSEWHERE else f"{page}#crisis-directory"


def render_crisis_strip(parent: etree.Element, data: dict[str, Any], region: str, page: str,
                        title_id: str, more: str | None = None, chooser: bool = True,
                        title: str | None = None) -> etree.Element:
    """Help now, short: each region's emergency number and first line, to tap and call or text,
    named with its country (one region shown: the practice's, or the reader's once the page's
    script has chosen), then the other countries, each one tap away (`chooser`). Small enough to sit
    on the first screen of a phone. `page` is where every line is: Get help now ("" on it); `more`,
    where the link to every line goes (Get help now's list, unless given); `title`, its name
    ("Need help now?"; a second strip on a page takes another, so each region landmark has its own).
    """
    t = words(data["lang"])
    strip = el(parent, "section", class_="crisis-strip", aria_labelledby=title_id)
    codes = [*ordered_regions(data, region), ELSEWHERE]
    # "Need help now? Help for: Canada." on one line: each region's words, one shown.
    title_p = el(strip, "p", class_="crisis-strip__title", id=title_id, tabindex="-1")
    el(title_p, "strong", title or t.gettext("Need help now?"))
    for code in codes:
        name = data["regions"][code]["name"] if code != ELSEWHERE else t.gettext("anywhere else in the world")
        el(title_p, "span", " " + t.gettext("Help for: %(country)s.") % {"country": name}, class_="crisis-where",
           data_region=code, hidden="" if code != region else None)
    every = more or page + "#who-to-contact"
    for code in codes[:-1]:
        render_strip_region(strip, data, code, every, t, hidden=code != region)
    render_strip_elsewhere(strip, data, every, t)
    if chooser:
        render_chooser(strip, data, region, page, t)
    return strip


def _every_line(holder: etree.Element, href: str, t: Words) -> None:
    el(el(holder, "span"), "a", t.gettext("Every line"), href=href, class_="crisis-more-lines")


def render_strip_region(parent: etree.Element, data: dict[str, Any], code: str, every: str, t: Words,
                        hidden: bool) -> etree.Element:
    """One region's emergency number and first line, each named with the country, and a link to
    every line (`every`), in one paragraph."""
    place = data["regions"][code]
    holder = el(parent, "p", class_="crisis-strip__region", data_region=code, hidden="" if hidden else None)
    emergency = place["emergency"]
    numbers = [n for n in (emergency["number"], emergency.get("also")) if n]
    _tap_links(el(holder, "span", t.gettext("Emergency (%(country)s):") % {"country": place["name"]} + " "),
               [(t.gettext("call %(number)s") % {"number": n}, f"tel:{_digits(n)}") for n in numbers], t)
    main = place["lines"][0]
    # Only what a phone does in one tap; chat and email are with the line in the full list.
    ways = []
    for contact in main["contact"]:
        if "call" in contact:
            ways.append((t.gettext("call %(number)s") % {"number": contact["call"]}, f"tel:{_digits(contact['call'])}"))
        elif "text" in contact:
            label = (t.gettext("text %(message)s to %(number)s") % {"message": contact["message"], "number": contact["text"]}
                     if "message" in contact else t.gettext("text %(number)s") % {"number": contact["text"]})
            ways.append((label, f"sms:{_digits(contact['text'])}"))
    if ways:
        _tap_links(el(holder, "span", t.gettext("%(line)s (%(country)s):") % {"line": main["name"], "country": place["name"]}
                      + " "), ways, t)
    _every_line(holder, every, t)
    return holder


def render_strip_elsewhere(parent: etree.Element, data: dict[str, Any], every: str, t: Words) -> etree.Element:
    """For a reader in none of our regions: their own emergency number, then the directory."""
    directory = data["directory"]
    holder = el(parent, "p", class_="crisis-strip__region", data_region=ELSEWHERE, hidden="")
    el(holder, "span", t.gettext("Emergency: call your local emergency number."))
    with_link(el(holder, "span"), " " + t.gettext("%(description)s %(directory)s."), "directory", directory["name"],
              directory["url"], description=directory["description"])
    _every_line(holder, every, t)
    return holder


def render_chooser(parent: etree.Element, data: dict[str, Any], region: str, page: str, t: Words) -> etree.Element:
    """"Not there? Choose: United Kingdom · Canada · ... · Elsewhere": one tap
    to change. Without JavaScript each is a link to that country's help on Get help now, inside its
    folded entry, which the browser opens; the script shows it in place instead, and hides the one
    already shown. It reads the regions' time zones from `data-zones`. Nothing is sent or stored."""
    holder = el(parent, "p", t.gettext("Not there? Choose:") + " ", class_="crisis-choose", data_zones=time_zones(data),
                data_shown=region)
    for code in [*ordered_regions(data, region), ELSEWHERE]:
        name = data["regions"][code]["name"] if code != ELSEWHERE else t.gettext("Elsewhere")
        el(el(holder, "span", class_="crisis-choose__item", hidden="" if code == region else None), "a", name,
           href=help_link(code, page), data_choose=code)
    return holder


def _tap_links(item: etree.Element, links: list[tuple[str, str]], t: Words) -> None:
    """"call 1, text 2 or text 3": links in words, after what they reach, joined as the language
    joins a list of choices (Babel's "or" list)."""
    marks = [f"\0{n}\0" for n in range(len(links))]
    joined = t.list(marks, style="or")
    for n, (text, href) in enumerate(links):
        before, _, joined = joined.partition(marks[n])
        if n == 0:
            item.text = atomic((item.text or "") + before)
        else:
            tail(item[-1], before)
        el(item, "a", text, href=href)
    tail(item[-1], joined)


def render_line(parent: etree.Element, line: dict[str, Any], where: str, t: Words, heading: str = "h4",
                compact: bool = False) -> etree.Element:
    """One line: name, description, ways to reach it, hours, languages, source and date checked.

    `compact`: name, ways and hours only, where the full line is one step away.
    """
    item = el(parent, "li", class_="crisis-line")
    # Its own id, the line's id in the data: the same in every language, since the table of
    # contents skips it.
    el(item, heading, line["name"], id=line["id"], source=f"{where}.name")
    # The search index, which every page downloads, holds what a reader would search for: each
    # line's name (and each region's emergency number). Ways to reach a line, descriptions, hours,
    # languages and sources stay on the page only (a compact line sits where nothing is indexed).
    if line.get("description") and not compact:
        contents.exclude_from_search(append_markdown(el(item, "p"), line["description"]))
    ways = el(item, "ul", class_="crisis-line__ways")
    for contact in line["contact"]:
        contact_link(el(ways, "li"), contact, t)
    if compact:
        el(item, "p", t.gettext("Open: %(hours)s.") % {"hours": line["hours"]}, class_="crisis-line__facts")
        return item
    contents.exclude_from_search(ways)
    facts = el(item, "p", class_="crisis-line__facts")
    contents.exclude_from_search(facts)
    el(facts, "span", t.gettext("Open: %(hours)s.") % {"hours": line["hours"]})
    if line.get("hours_note"):
        el(facts, "span", line["hours_note"])
    el(facts, "span", t.gettext("Languages: %(languages)s.") % {"languages": t.list(line["languages"])})
    render_source(item, line["source"], line["checked"], t, line.get("note"))
    return item


def render_lines(parent: etree.Element, lines: list[dict[str, Any]], where: str, t: Words, heading: str,
                 compact: bool = False) -> etree.Element:
    holder = el(parent, "ul", class_="crisis-lines")
    for i, line in enumerate(lines):
        render_line(holder, line, f"{where}[{i}]", t, heading, compact)
    return holder


def render_region_body(section: etree.Element, data: dict[str, Any], code: str, where: Where, level: int,
                       compact: bool = False) -> None:
    """A region's emergency number, its crisis lines and, where held, its lines for abuse.

    `compact` leaves out descriptions and sources, and links to the full region on Get help now.
    """
    t = words(data["lang"])
    region = data["regions"][code]
    render_emergency(section, region, t, sources=not compact, id_=f"help-{code.lower()}")
    if region["emergency"].get("by_text"):
        render_by_text(section, region["emergency"]["by_text"], t, sources=not compact)
    render_lines(section, region["lines"], where(f"regions.{code}.lines"), t, f"h{level + 1}", compact)
    if region.get("abuse_lines"):
        abuse = el(section, "section", class_="crisis-abuse")
        el(abuse, f"h{level + 1}", t.gettext("If someone is hurting or threatening you"), class_="crisis-abuse__title",
           id=f"abuse-{code.lower()}", source=where(f"regions.{code}.abuse_lines"))
        contents.exclude_from_search(el(abuse, "p", t.gettext(
            "If you are in danger now, call %(number)s (%(country)s). These lines can help you stay safe and plan "
            "what to do next.") % {"number": region["emergency"]["number"], "country": region["name"]}))
        render_lines(abuse, region["abuse_lines"], where(f"regions.{code}.abuse_lines"), t, f"h{level + 2}", compact)
    if compact:
        with_link(el(section, "p", class_="crisis-more"), t.gettext("%(link)s."), "link",
                  t.gettext("More about these lines, and where we checked them"), help_link(code, HELP_PAGE))


def render_by_text(parent: etree.Element, by_text: dict[str, Any], t: Words, sources: bool = True) -> etree.Element:
    """The emergency number by text, for a reader who cannot make a voice call: who may use it and
    what to do first (the data's words), then the link that texts it."""
    p = el(parent, "p", class_="crisis-by-text")
    append_markdown(p, by_text["text"] + " ")
    el(p, "a", t.gettext("Text %(number)s") % {"number": by_text["number"]}, href=f"sms:{_digits(by_text['number'])}")
    contents.exclude_from_search(p)
    if sources:
        render_source(parent, by_text["source"], by_text["checked"], t)
    return p


def render_region(parent: etree.Element, data: dict[str, Any], code: str, where: Where, level: int = 3,
                  compact: bool = False, open_: bool = False) -> etree.Element:
    """A region under its own heading, folded (a `<details>`, so it opens with or without
    JavaScript): the region shown first is open, every other one a tap away."""
    details = el(parent, "details", class_="crisis-region", id=f"region-{code.lower()}", data_region=code,
                 open="" if open_ else None, source=where(f"regions.{code}"))
    el(el(details, "summary"), f"h{level}", data["regions"][code]["name"], id=f"crisis-{code.lower()}",
       source=where(f"regions.{code}.name"))
    render_region_body(details, data, code, where, level, compact)
    return details


def render_directory(parent: etree.Element, data: dict[str, Any], level: int = 3) -> etree.Element:
    """The worldwide directory, for readers outside the listed regions."""
    t = words(data["lang"])
    directory = data["directory"]
    section = el(parent, "section", class_="crisis-directory", data_directory="")
    el(section, f"h{level}", t.gettext("Anywhere else in the world"), id="crisis-directory")
    el(section, "p", t.gettext("If you or someone else is in danger right now, call your local emergency number."),
       class_="crisis-emergency")
    p = el(section, "p")
    with_link(p, t.gettext("%(description)s %(directory)s (checked %(date)s)."), "directory", directory["name"],
              directory["url"], description=directory["description"], date=t.date(directory["checked"]))
    el(p, "span", " " + t.gettext("Its helplines have their own opening hours."))
    return section


def render_crisis_help(parent: etree.Element, data: dict[str, Any], region: str, show: str = "all",
                       source: str = DEFAULT_DATA, compact: bool = False, level: int | None = None) -> etree.Element:
    """Every region under its own heading, the configured one first and open, the others folded,
    then the worldwide directory. The page's script opens the reader's region and puts it first
    (or the directory, for a reader elsewhere). `show: all` gives each region in full; `show:
    region` (the self-assessment) `compact` (without descriptions and sources). `level`: the
    regions' heading level (3 for `all`, else 4)."""
    where = Where(source)
    wrapper = el(parent, "div", class_="crisis-help")
    level = level or (3 if show == "all" else 4)
    for code in ordered_regions(data, region):
        render_region(wrapper, data, code, where, level=level, compact=compact and show != "all", open_=code == region)
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
        data = load_crisis_lines(self.config["data"], self.config["lang"])
        region = check_region(data, self.config["region"])
        help_ = render_crisis_help(parent, data, region, self.options["show"], self.config["data"])
        mark_language(help_, data["lang"], self.config["lang"])
        # The list of countries at the top of the page is where a reader jumps from; a region's
        # heading sits in its summary, which may hold no link (a permalink would be a control in a
        # control), so neither the regions nor their lines are in the table of contents.
        contents.keep_out_of_contents(help_.findall(".//summary/*"))
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
