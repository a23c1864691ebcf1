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

from .crisis import long_date
from .extension import SiteBlock, SiteBlocksExtension
from .html import el, tail
from .urls import is_email


def interest_statement(name: str, booking: bool = True) -> str:
    """The publisher's conflict of interest, in one sentence: on About and next to every booking
    action, where the reader judges what we say (what it gains, where the site offers booking)."""
    if booking:
        return f"This site is published by {name}, which offers paid coaching and gains if you book a session."
    return f"This site is published by {name}, which offers paid coaching."


def render_interest(holder: etree.Element, practice: dict[str, Any]) -> None:
    el(holder, "p", interest_statement(practice["name"], booking=bool(practice.get("booking_url"))),
       class_="publisher-interest")


def render_publisher(holder: etree.Element, practice: dict[str, Any]) -> None:
    """Who publishes the site, who reviewed it and when, and when it is next reviewed."""
    if practice.get("website"):
        p = el(holder, "p", "This site is published by ")
        tail(el(p, "a", practice["name"], href=practice["website"]), ".")
    else:
        el(holder, "p", f"This site is published by {practice['name']}.")
    reviewer = practice.get("reviewer")
    if reviewer:
        when = f" on {long_date(reviewer['reviewed'])}" if reviewer.get("reviewed") else ""
        el(holder, "p", f"The content was reviewed by {reviewer['name']}, {reviewer['role']}{when}.")
    if practice.get("next_review"):
        el(holder, "p", f"Its next review is due by {long_date(practice['next_review'])}.")


def render_contact(holder: etree.Element, practice: dict[str, Any]) -> None:
    """How to reach the publisher: the contact address, else the repository's error reports (a
    public page, so the reader is told not to write anything private there), else their website."""
    if practice.get("contact_url"):
        email = is_email(practice["contact"])
        p = el(holder, "p", "Email us at " if email else "Use our ", class_="publisher-contact")
        tail(el(p, "a", practice["contact"] if email else "contact page", href=practice["contact_url"]), ".")
    elif practice.get("report_url"):
        p = el(holder, "p", "Use our ", class_="publisher-contact")
        tail(el(p, "a", "public page for error reports", href=practice["report_url"]),
             ". Anyone can read it, so please do not write anything private there.")
    else:
        p = el(holder, "p", f"Contact {practice['name']} through ", class_="publisher-contact")
        tail(el(p, "a", "their website", href=practice["website"]), ".")


def render_booking(holder: etree.Element, practice: dict[str, Any]) -> None:
    """The practice's booking action: a button to its booking page, its conflict of interest beside it."""
    if not practice.get("booking_url"):
        return  # the block is then removed (`on_end`)
    p = el(holder, "p", "Ready to try coaching? ", class_="home-booking")
    el(p, "a", f"Book a session with {practice['name']}", href=practice["booking_url"],
       class_="md-button md-button--primary")
    el(holder, "p", interest_statement(practice["name"]), class_="home-interest")


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
        RENDERERS[show](holder, self.config["practice"])
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
