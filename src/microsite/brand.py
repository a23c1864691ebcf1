"""The practice's two colours as every brand colour of the site, for the light and dark schemes.

`extra.practice.colors` gives a primary (header, buttons, links) and an accent (link hover, focus
ring, help link); the rest is derived here, and a practice may set the dark scheme's link and
accent itself. Each text/background pair the site shows is measured (WCAG 2.x) and a pair under
its minimum stops the build, naming the pair and its ratio. The result is CSS custom properties:
`brand_css` writes them, and the site stylesheet reads only those (see `stylesheet.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .contrast import (
    BLACK,
    RGB,
    WHITE,
    blend,
    contrast_ratio,
    from_hsl,
    hue,
    lightness,
    mix_until,
    parse_hex,
    saturation,
    to_hex,
    until_contrast,
    with_lightness,
)
from .data import DataError

SOURCE = "mkdocs.yml extra.practice"
DEFAULT_COLORS = {"primary": "#1d5c57", "accent": "#a3471b"}  # deep teal, warm rust
# WCAG 1.4.3 (AA) for text, and the least of every pair below: the focus ring too (1.4.11 would
# let it have 3:1), since the accent that draws it also colours the text of a hovered link.
TEXT = 4.5
# Derived colours aim above AA, so the reader's screen and a practice's override both have room;
# the help link leads to crisis lines, so it aims there too.
DERIVED = 7.0
# Material's pages: white with text #000000de in light; in the slate scheme the page is
# hsla(var(--md-hue), 15%, 14%, 1) with text hsla(var(--md-hue), 15%, 90%, 0.82). The hue is ours
# to set (--md-hue), so the dark page is tinted with the primary's hue and its colour is known here.
LIGHT_PAGE, LIGHT_TEXT = WHITE, blend(BLACK, WHITE, 0xDE / 255)
SLATE_SATURATION, SLATE_PAGE_LIGHTNESS, SLATE_TEXT_LIGHTNESS = 0.15, 0.14, 0.90
GREY_HUE = 225  # Material's own --md-hue, for a primary with (almost) no hue of its own
ACCENT_TRANSPARENT = 0x1A  # Material's --md-accent-fg-color--transparent: the accent at 10%
MUTED_ALPHA = 0.7          # Material's --md-primary-bg-color--light: text on primary at 70%


@dataclass(frozen=True)
class Pair:
    """One text (or ring) colour on one background, and the least contrast it needs."""
    label: str
    fg: RGB
    bg: RGB
    minimum: float
    colour: str = "primary"  # the key in `colors` that sets it (primary, accent, dark.link, dark.accent)

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.fg, self.bg)


@dataclass(frozen=True)
class Brand:
    light: dict[str, str]  # custom property -> CSS value, for :root (Material's `default` scheme)
    dark: dict[str, str]   # the same properties, as the `slate` scheme overrides them
    pairs: tuple[Pair, ...]


def normalise_colors(raw: dict | None) -> dict:
    """Validated `colors` with defaults filled in, every colour written #rrggbb in lower case."""
    raw = raw or {}
    dark = raw.get("dark") or {}
    return {
        "primary": to_hex(parse_hex(raw.get("primary") or DEFAULT_COLORS["primary"])),
        "accent": to_hex(parse_hex(raw.get("accent") or DEFAULT_COLORS["accent"])),
        "dark": {key: to_hex(parse_hex(dark[key])) for key in ("link", "accent") if dark.get(key)},
    }


def resolve_brand(colors: dict, source: str = SOURCE) -> Brand:
    """Every brand colour from normalised `colors`; a DataError when a pair is under its minimum
    (naming `source`, the file the colours came from)."""
    brand = derive(colors)
    low = [pair for pair in brand.pairs if pair.ratio < pair.minimum]
    if low:
        suggested = suggestions(colors)
        advice = "; ".join(f'colors.{key}: "{value}" instead of "{_given(colors, key)}"' for key, value in suggested.items())
        raise DataError(source, "colors", "too little contrast: " + "; ".join(
            f"{p.label}: {to_hex(p.fg)} on {to_hex(p.bg)} is {p.ratio:.2f}:1, under {p.minimum:g}:1" for p in low)
            + ". Text and links need 4.5:1 on their background: a darker colour for the light page, "
            "a lighter one (colors.dark) for the dark page."
            + (f" The nearest colours of the same hue that pass: {advice}." if advice else ""))
    return brand


def suggestions(colors: dict) -> dict[str, str]:
    """For each colour whose pairs are under their minimum, the shade of its hue nearest to it (in
    lightness, darker or lighter) with which every pair it sets passes."""
    found: dict[str, str] = {}
    for key in ("primary", "accent", "dark.link", "dark.accent"):
        given = _given(colors, key)
        if given is None or not _low(colors, key):
            continue
        rgb, start, steps = parse_hex(given), lightness(parse_hex(given)), 400
        for i in range(1, steps + 1):
            shades = [start * (1 - i / steps), start + (1 - start) * i / steps]
            passing = [c for c in (with_lightness(rgb, level) for level in shades)
                       if not _low(_with(colors, key, to_hex(c)), key)]
            if passing:
                found[key] = to_hex(passing[0])
                break
    return found


def _given(colors: dict, key: str) -> str | None:
    if key.startswith("dark."):
        return (colors.get("dark") or {}).get(key[5:])
    return colors.get(key)


def _with(colors: dict, key: str, value: str) -> dict:
    if key.startswith("dark."):
        return {**colors, "dark": {**(colors.get("dark") or {}), key[5:]: value}}
    return {**colors, key: value}


def _low(colors: dict, key: str) -> bool:
    return any(pair.colour == key and pair.ratio < pair.minimum for pair in derive(colors).pairs)


def derive(colors: dict) -> Brand:
    primary, accent = parse_hex(colors["primary"]), parse_hex(colors["accent"])
    on_primary = _best_text(primary)
    on_primary_muted = mix_until(on_primary, primary, MUTED_ALPHA, TEXT)
    primary_dark = with_lightness(primary, max(0.0, lightness(primary) - 0.08))
    primary_light = with_lightness(primary, min(1.0, lightness(primary) + 0.10))
    help_fg = until_contrast(accent, WHITE, DERIVED, lighten=False)

    md_hue = hue(primary) if saturation(primary) >= 0.1 else GREY_HUE
    slate_page = from_hsl(md_hue, SLATE_SATURATION, SLATE_PAGE_LIGHTNESS)
    slate_text = blend(from_hsl(md_hue, SLATE_SATURATION, SLATE_TEXT_LIGHTNESS), slate_page, 0.82)
    dark = colors.get("dark") or {}
    link_key = "dark.link" if "link" in dark else "primary"
    accent_key = "dark.accent" if "accent" in dark else "accent"
    dark_link = parse_hex(dark["link"]) if "link" in dark else until_contrast(primary, slate_page, DERIVED, lighten=True)
    dark_accent = parse_hex(dark["accent"]) if "accent" in dark else until_contrast(accent, slate_page, DERIVED, lighten=True)
    dark_help_fg = until_contrast(dark_accent, slate_page, DERIVED, lighten=True)

    light_highlight = blend(accent, LIGHT_PAGE, ACCENT_TRANSPARENT / 255)
    dark_highlight = blend(dark_accent, slate_page, ACCENT_TRANSPARENT / 255)
    pairs = (
        Pair("text on primary (header, buttons, share image)", on_primary, primary, TEXT),
        Pair("muted text on primary (header search)", on_primary_muted, primary, TEXT),
        Pair("text on primary-dark (button hover)", on_primary, primary_dark, TEXT),
        Pair("links on the page (light)", primary, LIGHT_PAGE, TEXT),
        Pair("accent on the page (light: link hover, focus ring)", accent, LIGHT_PAGE, TEXT, "accent"),
        Pair("text on accent (light: button hover)", _best_text(accent), accent, TEXT, "accent"),
        Pair("help link on its background (light)", help_fg, WHITE, TEXT, "accent"),
        Pair("page text on the accent highlight (light)", LIGHT_TEXT, light_highlight, TEXT, "accent"),
        Pair("links on the page (dark)", dark_link, slate_page, TEXT, link_key),
        Pair("accent on the page (dark: link hover, focus ring)", dark_accent, slate_page, TEXT, accent_key),
        Pair("text on accent (dark: button hover)", _best_text(dark_accent), dark_accent, TEXT, accent_key),
        Pair("help link on its background (dark)", dark_help_fg, slate_page, TEXT, accent_key),
        Pair("page text on the accent highlight (dark)", slate_text, dark_highlight, TEXT, accent_key),
    )
    light = {
        "--brand-primary": to_hex(primary),
        "--brand-primary-light": to_hex(primary_light),
        "--brand-primary-dark": to_hex(primary_dark),
        "--brand-on-primary": to_hex(on_primary),
        "--brand-on-primary-muted": to_hex(on_primary_muted),
        "--brand-link": to_hex(primary),
        "--brand-accent": to_hex(accent),
        "--brand-accent-transparent": f"{to_hex(accent)}{ACCENT_TRANSPARENT:02x}",
        "--brand-on-accent": to_hex(_best_text(accent)),
        "--brand-help-bg": to_hex(WHITE),
        "--brand-help-fg": to_hex(help_fg),
    }
    dark_props = {
        "--md-hue": str(md_hue),
        "--brand-link": to_hex(dark_link),
        "--brand-accent": to_hex(dark_accent),
        "--brand-accent-transparent": f"{to_hex(dark_accent)}{ACCENT_TRANSPARENT:02x}",
        "--brand-on-accent": to_hex(_best_text(dark_accent)),
        "--brand-help-bg": to_hex(slate_page),
        "--brand-help-fg": to_hex(dark_help_fg),
    }
    return Brand(light, dark_props, pairs)


def brand_css(brand: Brand) -> str:
    """The properties as CSS, to stand before the site stylesheet's own rules."""
    def block(selector: str, props: dict[str, str]) -> str:
        return selector + " {\n" + "".join(f"  {name}: {value};\n" for name, value in props.items()) + "}\n"
    return ("/* Brand colours, generated from the practice's colors (microsite.brand). */\n"
            + block(":root", brand.light) + block('[data-md-color-scheme="slate"]', brand.dark))


def _best_text(bg: RGB) -> RGB:
    """White or black text, whichever reads better on `bg`."""
    return WHITE if contrast_ratio(WHITE, bg) >= contrast_ratio(BLACK, bg) else BLACK
