"""Characters that change how text shows without showing themselves.

A right-to-left override turns "988" into "889" on screen while the link still dials 988; a
zero-width space makes two names that look alike differ. Text from config and data that holds one
is refused, naming the character, so what a reader sees is what the text says.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional controls: embeddings, overrides and isolates, the marks, and the Arabic letter mark.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Characters with no width or no glyph: zero-width space, (non-)joiners, word joiner and the
# invisible operators, the byte order mark, the soft hyphen, fillers that render as nothing, and tags.
INVISIBLE = ("\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064"
             "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0")
HIDDEN = re.compile(f"[{BIDI}{INVISIBLE}\U000e0000-\U000e007f]")


def describe(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and its Unicode name."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def hidden_character(text: str) -> str | None:
    """The first bidirectional control or invisible character in `text`, described, or None."""
    found = HIDDEN.search(text)
    return describe(found.group()) if found else None


def hidden_character_problem(text: str) -> str | None:
    """Why `text` may not be shown as it is, or None."""
    found = hidden_character(text)
    if found is None:
        return None
    return (f"it contains {found}, a character that changes how the text around it shows without showing "
            "itself (remove it)")
