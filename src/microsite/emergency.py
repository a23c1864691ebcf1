"""`/// emergency`: help now, short, for the first screen: the region's emergency number and first
crisis line, named with its country, and every other country one tap away (the home page, the top
of Get help now). Markdown inside the block follows it.

It is the crisis lines' own strip, so it reads as it does above the self-assessment.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from pymdownx.blocks.block import type_boolean

from .crisis import HELP_PAGE, CrisisExtension, check_region, load_crisis_lines, render_crisis_strip
from .data_text import mark_language
from .extension import SiteBlock
from .html import el


class Emergency(SiteBlock):
    """`/// emergency` renders the crisis strip for the region. Option `on_help_page: true` where
    the block sits on Get help now itself (its links then stay on the page)."""

    NAME = "emergency"
    ARGUMENT = False
    OPTIONS = {"on_help_page": [False, type_boolean]}

    def on_create(self, parent: etree.Element) -> etree.Element:
        data = load_crisis_lines(self.config["data"], self.config["lang"])
        region = check_region(data, self.config["region"])
        holder = el(parent, "div", class_="crisis-now")
        page = "" if self.options["on_help_page"] else HELP_PAGE
        render_crisis_strip(holder, data, region, page, title_id="crisis-now-title")
        mark_language(holder, data["lang"], self.config["lang"])
        return holder


class EmergencyExtension(CrisisExtension):
    """Registers the `emergency` block; `region` and `data` come from the site plugin."""

    BLOCKS = (Emergency,)
    REGION = "Region whose emergency number is shown."


def makeExtension(*args: Any, **kwargs: Any) -> EmergencyExtension:  # noqa: N802 (Python-Markdown's name)
    return EmergencyExtension(*args, **kwargs)
