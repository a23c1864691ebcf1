"""`/// emergency`: the configured region's emergency number in one line, for a page that points to
the crisis lines instead of listing them (the home page). Markdown inside the block follows it.

The line is rendered by the crisis lines' own function, so it reads as it does on Get help now.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from .crisis import CrisisExtension, check_region, load_crisis_lines, render_emergency
from .data_text import mark_language
from .extension import SiteBlock
from .html import el
from .i18n import words


class Emergency(SiteBlock):
    """`/// emergency` renders "If you or someone else is in danger right now, call …" for the region."""

    NAME = "emergency"
    ARGUMENT = False

    def on_create(self, parent: etree.Element) -> etree.Element:
        data = load_crisis_lines(self.config["data"], self.config["lang"])
        region = check_region(data, self.config["region"])
        holder = el(parent, "div", class_="crisis-now")
        render_emergency(holder, data["regions"][region], words(data["lang"]), sources=False)
        mark_language(holder, data["lang"], self.config["lang"])
        return holder


class EmergencyExtension(CrisisExtension):
    """Registers the `emergency` block; `region` and `data` come from the site plugin."""

    BLOCKS = (Emergency,)
    REGION = "Region whose emergency number is shown."


def makeExtension(*args: Any, **kwargs: Any) -> EmergencyExtension:  # noqa: N802 (Python-Markdown's name)
    return EmergencyExtension(*args, **kwargs)
