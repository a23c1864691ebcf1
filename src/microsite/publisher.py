"""`/// publisher`: who stands behind the site, from `extra.practice`.

The About page says who publishes the site, who reviewed it and when, and how to report an error.
These live in config only, so a practice that rebrands the site never edits content.
Options: `show: publisher` (default: publisher, reviewer, review dates) or `show: contact` (how to
reach the publisher, for "Report an error").
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from pymdownx.blocks.block import type_string_in

from .extension import SiteBlock, SiteBlocksExtension
from .html import el, with_link
from .i18n import Words, words
from .urls import is_email


def render_publisher(parent: etree.Element, practice: dict[str, Any], t: Words) -> etree.Element:
    """Who publishes the site, who reviewed it and when, and when it is next reviewed."""
    holder = el(parent, "div", class_="publisher")
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
    return holder


def render_contact(parent: etree.Element, practice: dict[str, Any], t: Words) -> etree.Element:
    """How to reach the publisher: the contact address, or else their website."""
    p = el(parent, "p", class_="publisher-contact")
    if practice.get("contact_url"):
        if is_email(practice["contact"]):
            with_link(p, t.gettext("Email us at %(address)s."), "address", practice["contact"], practice["contact_url"])
        else:
            with_link(p, t.gettext("Use our %(page)s."), "page", t.gettext("contact page"), practice["contact_url"])
    else:
        with_link(p, t.gettext("Contact %(name)s through %(website)s."), "website", t.gettext("their website"),
                  practice["website"], name=practice["name"])
    return p


class Publisher(SiteBlock):
    """`/// publisher` renders the publishing practice (or, with `show: contact`, how to reach it)."""

    NAME = "publisher"
    ARGUMENT = False
    OPTIONS = {"show": ["publisher", type_string_in(["publisher", "contact"])]}

    def on_create(self, parent: etree.Element) -> etree.Element:
        practice = self.config["practice"]
        t = words(self.config["lang"])
        if self.options["show"] == "contact":
            return render_contact(parent, practice, t)
        return render_publisher(parent, practice, t)


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
