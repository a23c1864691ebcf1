"""WCAG 2.x contrast between sRGB colours, and the few colour steps the brand needs.

Colours are (r, g, b) tuples of 0-255 integers. Lightness is moved in HSL, keeping the hue and
saturation, so a derived colour still reads as the practice's colour; every result is rounded to
8-bit channels before its ratio is measured, so the ratio checked is the ratio shipped.
"""

from __future__ import annotations

import colorsys
import re

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def parse_hex(value: str) -> RGB:
    """`#rrggbb` or `#rgb` (any case) as an (r, g, b) tuple; anything else is a ValueError."""
    if not isinstance(value, str) or not HEX.fullmatch(value):
        raise ValueError(f"expected a colour written #rrggbb or #rgb, got {value!r:.40}")
    digits = value[1:] if len(value) == 7 else "".join(c * 2 for c in value[1:])
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.x relative luminance (sRGB linearised; 0.04045 is the sRGB standard's threshold)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """From 1 (same luminance) to 21 (black on white); the order of the two does not matter."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(fg: RGB, bg: RGB, alpha: float) -> RGB:
    """`fg` at opacity `alpha` over an opaque `bg`: the colour the reader sees."""
    red, green, blue = (round(alpha * f + (1 - alpha) * b) for f, b in zip(fg, bg, strict=True))
    return red, green, blue


def hue(rgb: RGB) -> int:
    """Hue in degrees (0-359), as CSS hsl() and Material's --md-hue take it."""
    h, _, _ = colorsys.rgb_to_hls(*(c / 255 for c in rgb))
    return round(h * 360) % 360


def saturation(rgb: RGB) -> float:
    return colorsys.rgb_to_hls(*(c / 255 for c in rgb))[2]


def lightness(rgb: RGB) -> float:
    return colorsys.rgb_to_hls(*(c / 255 for c in rgb))[1]


def from_hsl(hue_degrees: float, saturation_: float, lightness: float) -> RGB:
    r, g, b = colorsys.hls_to_rgb(hue_degrees / 360, lightness, saturation_)
    return (round(r * 255), round(g * 255), round(b * 255))


def with_lightness(rgb: RGB, lightness: float) -> RGB:
    h, _, s = colorsys.rgb_to_hls(*(c / 255 for c in rgb))
    return from_hsl(h * 360, s, lightness)


def until_contrast(rgb: RGB, bg: RGB, target: float, lighten: bool) -> RGB:
    """The colour nearest `rgb` (lighter or darker in HSL) with at least `target` contrast on `bg`;
    `rgb` itself when it already has it, white or black when no shade of its hue does."""
    if contrast_ratio(rgb, bg) >= target:
        return rgb
    start = lightness(rgb)
    steps = 200
    for i in range(1, steps + 1):
        level = start + (1 - start) * i / steps if lighten else start * (1 - i / steps)
        candidate = with_lightness(rgb, level)
        if contrast_ratio(candidate, bg) >= target:
            return candidate
    return WHITE if lighten else BLACK


def mix_until(fg: RGB, bg: RGB, alpha: float, target: float) -> RGB:
    """`fg` over `bg` at `alpha`, made more opaque until it has `target` contrast on `bg`."""
    while alpha < 1 and contrast_ratio(blend(fg, bg, alpha), bg) < target:
        alpha = min(1.0, alpha + 0.02)
    return blend(fg, bg, alpha)
