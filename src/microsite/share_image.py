"""The default share image (og:image, 1200 x 630): the practice's name on its primary colour, a
line about the site under it, and a band of its accent colour.

Drawn with Pillow and a font shipped in this package (DejaVu Sans Bold, licence beside it in
fonts/), so a build needs no network and no browser. The inputs rarely change, so the image is
kept in a cache folder under a hash of everything that makes it (text, colours, font and this
module's code): the same image is never drawn twice.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
MARGIN = 80
ACCENT_BAR = 28  # a band of the accent colour along the bottom edge
TITLE_SIZES = range(100, 39, -4)  # the name shrinks until it fits in MAX_LINES
MAX_LINES = 3
SUBTITLE_SIZES = range(36, 23, -2)
SUBTITLE_LINES = 3
SUBTITLE_ROOM = 150  # height kept for the line about the site, when there is one
LINE_SPACING = 1.2


def cached_share_image(cache_dir: Path, title: str, subtitle: str, colors: dict[str, str],
                       font: Path = FONT) -> Path:
    """The image for these inputs, drawn only if the cache does not hold it yet.

    `colors`: background, text, muted (the subtitle) and accent, each #rrggbb.
    """
    digest = hashlib.sha256(json.dumps([title, subtitle, colors], sort_keys=True).encode("utf-8"))
    digest.update(font.read_bytes())
    digest.update(Path(__file__).read_bytes())  # this drawing code: a change to it draws again
    path = Path(cache_dir) / f"share-{digest.hexdigest()[:20]}.png"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")  # a build stopped half-way leaves no broken image
        draw(title, subtitle, colors, font).save(partial, "PNG", optimize=True)
        partial.replace(path)
    return path


def draw(title: str, subtitle: str, colors: dict[str, str], font: Path = FONT) -> Image.Image:
    image = Image.new("RGB", SIZE, colors["background"])
    pen = ImageDraw.Draw(image)
    width, height = SIZE
    pen.rectangle((0, height - ACCENT_BAR, width, height), fill=colors["accent"])
    text_width = width - 2 * MARGIN
    room = height - ACCENT_BAR - 2 * MARGIN
    small, sub_lines = fit(subtitle, font, text_width, SUBTITLE_ROOM, SUBTITLE_SIZES, SUBTITLE_LINES)
    gap = small.size if sub_lines else 0
    sub_height = round(len(sub_lines) * small.size * LINE_SPACING) + gap
    big, lines = fit(title, font, text_width, room - sub_height)
    block = round(len(lines) * big.size * LINE_SPACING) + sub_height
    y = MARGIN + max(0, (room - block) // 2)
    for line in lines:
        pen.text((MARGIN, y), line, font=big, fill=colors["text"])
        y += round(big.size * LINE_SPACING)
    y += gap
    for line in sub_lines:
        pen.text((MARGIN, y), line, font=small, fill=colors["muted"])
        y += round(small.size * LINE_SPACING)
    return image


def fit(text: str, font: Path, width: int, height: float, sizes: range = TITLE_SIZES,
        most: int = MAX_LINES) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of `sizes` at which `text` wraps into at most `most` lines within width x
    height; at the smallest size, what does not fit ends with an ellipsis."""
    for size in sizes:
        face = ImageFont.truetype(str(font), size)
        lines = wrap(text, face, width)
        if len(lines) <= most and len(lines) * size * LINE_SPACING <= height:
            return face, lines
    return face, shorten(lines, face, width, most)


def shorten(lines: list[str], face: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    """At most `most` lines; when some are left out, the last one kept ends with an ellipsis."""
    if len(lines) <= most:
        return lines
    lines = lines[:most]
    while lines[-1] and face.getlength(lines[-1] + "…") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return lines


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words into lines no wider than `width`; a word wider than a line is broken where it must."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
            continue
        while face.getlength(word) > width:
            cut = max([i for i in range(1, len(word)) if face.getlength(word[:i]) <= width] or [1])
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines
