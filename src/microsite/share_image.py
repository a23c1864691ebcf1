"""The default share image (og:image, 1200 x 630): the practice's name on its primary colour, a
line about the site under it, and a band of its accent colour.

Drawn with Pillow and a font shipped in this package (DejaVu Sans Bold, licence beside it in
fonts/), so a build needs no network and no browser. The inputs rarely change, so the image is
kept in a cache folder under a hash of everything that makes it (text, colours, font and this
module's code): the same image is never drawn twice; when the cache folder cannot be written, the
image is kept in a temporary folder instead (`cache.py`). Laying out the text measures each character a
bounded number of times, so a name of any length is drawn at once.

A practice's own image is read only as far as its header, and refused when its size is not one
link previews use (`image_size`).
"""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow is imported where an image is read or drawn: most builds find theirs cached
    from PIL import Image, ImageFont

from .cache import store

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
# A practice's own share image: what link previews show (at least 200 px a side, at most 4096 px
# and 5 MB, as the largest of them accept).
MIN_SIDE, MAX_SIDE, MAX_BYTES = 200, 4096, 5_000_000


def cached_share_image(cache_dir: Path, title: str, subtitle: str, colors: dict[str, str],
                       font: Path = FONT) -> Path:
    """The image for these inputs, drawn only if the cache does not hold it yet.

    `colors`: background, text, muted (the subtitle) and accent, each #rrggbb.
    """
    digest = hashlib.sha256(json.dumps([title, subtitle, colors], sort_keys=True).encode("utf-8"))
    digest.update(font.read_bytes())
    digest.update(Path(__file__).read_bytes())  # this drawing code: a change to it draws again
    name = f"share-{digest.hexdigest()[:20]}.png"
    path = Path(cache_dir) / name
    if path.is_file():
        return path
    image = draw(title, subtitle, colors, font)
    return store(cache_dir, name, lambda target: image.save(target, "PNG", optimize=True))


def image_size(path: Path) -> tuple[int, int]:
    """(width, height) of a practice's own share image, read from its header only; raises
    ValueError saying why it cannot be used (not an image, or a size link previews refuse)."""
    from PIL import Image, UnidentifiedImageError

    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise ValueError(f"it is {size} bytes; link previews take at most {MAX_BYTES}")
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError) as exc:
        if isinstance(exc, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
            raise ValueError(f"it is far larger than {MAX_SIDE} x {MAX_SIDE} pixels") from None
        raise ValueError("it is not a readable image") from None
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValueError(f"it is {width} x {height} pixels; link previews take {MIN_SIDE} to {MAX_SIDE} a side "
                         "(1200 x 630 is best)")
    return width, height


def draw(title: str, subtitle: str, colors: dict[str, str], font: Path = FONT) -> Image.Image:
    from PIL import Image, ImageDraw

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
    from PIL import ImageFont

    for size in sizes:
        face = ImageFont.truetype(str(font), size)
        lines = wrap(text, face, width, most)
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


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, most: int | None = None) -> list[str]:
    """Words into lines no wider than `width`; a word wider than a line is broken where it must.

    With `most`, it stops at `most` + 1 lines: enough to know the text does not fit. A line is
    measured as it grows, one character at a time up to its width, so the work is bounded by the
    length of the text times the length of a line.
    """
    lines: list[str] = []
    for word in text.split():
        if most is not None and len(lines) > most:
            break
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while word and (most is None or len(lines) <= most):
            cut = _longest_fit(word, face, width)
            lines.append(word[:cut])
            word = word[cut:]
    return lines


def _longest_fit(word: str, face: ImageFont.FreeTypeFont, width: int) -> int:
    """How many of `word`'s first characters fit in `width` (at least one)."""
    size = 1
    while size < len(word) and face.getlength(word[: size + 1]) <= width:
        size += 1
    return size
