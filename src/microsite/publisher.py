"""`/// publisher`: who stands behind the site, from `extra.practice`.

The About page says who publishes the site, who reviewed it and when, and how to report an error.
These live in config only, so a practice that rebrands the site never edits content.
Options: `show: publisher` (default: publisher, reviewer, review dates), `show: contact` (how to
reach the publisher, for "Report an error"), `show: interest` (its conflict of interest) or
`show: booking` (the practice's booking action, with its conflict of interest beside it, near the
top of the home page; nothing without a `booking_url`).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from pymdownx.blocks.block import type_string_in

from .extension import SiteBlock, SiteBlocksExtension
from .html import el, with_link
from .i18n import Words, words
from .urls import is_email


def interest_statement(name: str, t: Words, booking: bool = True) -> str:
    """The publisher's conflict of interest, in one sentence: on About and next to every booking
    action, where the reader judges what we say (what it gains, where the site offers booking)."""
    if booking:
        return t.gettext("This site is published by %(name)s, which offers paid coaching and gains if you book a "
                         "session.") % {"name": name}
    return t.gettext("This site is published by %(name)s, which offers paid coaching.") % {"name": name}


def render_interest(holder: etree.Element, practice: dict[str, Any], t: Words) -> None:
    el(holder, "p", interest_statement(practice["name"], t, booking=bool(practice.get("booking_url"))),
       class_="publisher-interest")


def render_publisher(holder: etree.Element, practice: dict[str, Any], t: Words) -> None:
    """Who publishes the site, who reviewed it and when, and when it is next reviewed."""
    if practice.get("website"):
        with_link(el(holder, "p"), t.gettext("This site is published by %(name)s."), "name", practice["name"],
                  practice["website"])
    else:
        el(holder, "p", t.gettext("This site is published by %(name)s.") % {"name": practice["name"]})
    reviewer = practice.get("reviewer")
    if reviewer:
        values = {"name": reviewer["name"], "role": reviewer["role"]}
        if reviewer.get("reviewed"):
            message = t.gettext("The content was reviewed by %(name)s, %(role)s on %(date)s.")
            values["date"] = t.date(reviewer["reviewed"])
        else:
            message = t.gettext("The content was reviewed by %(name)s, %(role)s.")
        el(holder, "p", message % values)
    if practice.get("next_review"):
        el(holder, "p", t.gettext("Its next review is due by %(date)s.") % {"date": t.date(practice["next_review"])})


def render_contact(holder: etree.Element, practice: dict[str, Any], t: Words) -> None:
    """How to reach the publisher: the contact address, else the repository's error reports (a
    public page, so the reader is told not to write anything private there), else their website."""
    p = el(holder, "p", class_="publisher-contact")
    if practice.get("contact_url"):
        if is_email(practice["contact"]):
            with_link(p, t.gettext("Email us at %(address)s."), "address", practice["contact"], practice["contact_url"])
        else:
            with_link(p, t.gettext("Use our %(page)s."), "page", t.gettext("contact page"), practice["contact_url"])
    elif practice.get("report_url"):
        with_link(p, t.gettext("Use our %(page)s. Anyone can read it, so please do not write anything private "
                               "there."), "page", t.gettext("public page for error reports"), practice["report_url"])
    else:
        with_link(p, t.gettext("Contact %(name)s through %(website)s."), "website", t.gettext("their website"),
                  practice["website"], name=practice["name"])


def render_booking(holder: etree.Element, practice: dict[str, Any], t: Words) -> None:
    """The practice's booking action: a button to its booking page, its conflict of interest beside it."""
    if not practice.get("booking_url"):
        return  # the block is then removed (`on_end`)
    p = el(holder, "p", t.gettext("Ready to try coaching?") + " ", class_="home-booking")
    el(p, "a", t.gettext("Book a session with %(name)s") % {"name": practice["name"]}, href=practice["booking_url"],
       class_="md-button md-button--primary")
    el(holder, "p", interest_statement(practice["name"], t), class_="home-interest")


RENDERERS = {"publisher": render_publisher, "contact": render_contact, "interest": render_interest,
             "booking": render_booking}


class Publisher(SiteBlock):
    """`/// publisher` renders the publishing practice, or with `show:` how to reach it, its
    conflict of interest or its booking action."""

    NAME = "publisher"
    ARGUMENT = False
    OPTIONS = {"show": ["publisher", type_string_in(list(RENDERERS))]}

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parent = parent
        show = self.options["show"]
        # The block's element is always a <div> that the form fills: pymdownx reads the text of a
        # returned <p> again as Markdown, which would turn a practice's name into markup.
        holder = el(parent, "div", class_="publisher" if show == "publisher" else None)
        RENDERERS[show](holder, self.config["practice"], words(self.config["lang"]))
        return holder

    def on_end(self, block: etree.Element) -> None:
        if self.options["show"] == "booking" and not self.config["practice"].get("booking_url"):
            self.parent.remove(block)  # no booking page: the home page stays as it is


class PublisherExtension(SiteBlocksExtension):
    """Registers the `publisher` block; `practice` (the resolved config block) comes from the plugin."""

    BLOCKS = (Publisher,)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.config = {
            "practice": [{"name": "Coaching or Therapy?", "website": ""}, "The resolved extra.practice block."],
        }
        super().__init__(*args, **kwargs)


def makeExtension(*args: Any, **kwargs: Any) -> PublisherExtension:  # noqa: N802 (Python-Markdown's name)
    return PublisherExtension(*args, **kwargs)
