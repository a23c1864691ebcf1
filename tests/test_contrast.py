"""The WCAG contrast formula against published values, and the colour steps built on it."""

from __future__ import annotations

import pytest

from microsite.contrast import (
    BLACK,
    WHITE,
    blend,
    contrast_ratio,
    hue,
    lightness,
    mix_until,
    parse_hex,
    relative_luminance,
    to_hex,
    until_contrast,
    with_lightness,
)


@pytest.mark.parametrize(("fg", "bg", "expected"), [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
    ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
    ("#777777", "#ffffff", 4.48),  # ... and the next one, which does not
    ("#595959", "#ffffff", 7.0),   # the lightest grey that passes AAA on white
    ("#ff0000", "#ffffff", 4.0),
    ("#0000ff", "#ffffff", 8.59),
])
def test_contrast_ratio_matches_published_wcag_values(fg, bg, expected):
    assert contrast_ratio(parse_hex(fg), parse_hex(bg)) == pytest.approx(expected, abs=0.01)


def test_contrast_does_not_depend_on_which_colour_is_the_text():
    assert contrast_ratio(parse_hex("#1d5c57"), WHITE) == contrast_ratio(WHITE, parse_hex("#1d5c57"))


def test_luminance_runs_from_black_to_white():
    assert relative_luminance(BLACK) == 0 and relative_luminance(WHITE) == pytest.approx(1)


@pytest.mark.parametrize(("text", "rgb"), [("#1D5C57", (29, 92, 87)), ("#abc", (170, 187, 204)), ("#FFF", WHITE)])
def test_hex_is_read_in_either_case_and_short_form(text, rgb):
    assert parse_hex(text) == rgb
    assert to_hex(rgb) == ("#" + "".join(c * 2 for c in text[1:]) if len(text) == 4 else text).lower()


@pytest.mark.parametrize("text", ["red", "#12345", "#1234567", "1d5c57", "#gggggg", "#1d5c57;}", "", None, 123])
def test_anything_but_hex_is_refused(text):
    with pytest.raises(ValueError):
        parse_hex(text)


@pytest.mark.parametrize(("colour", "bg", "target", "lighten"), [
    ("#1d5c57", "#1e2928", 7.0, True),   # teal made readable on a dark page
    ("#a3471b", "#ffffff", 7.0, False),  # rust darkened for white
    ("#5b2a86", "#261e2c", 4.5, True),
])
def test_a_colour_moves_only_as_far_as_the_target_and_keeps_its_hue(colour, bg, target, lighten):
    rgb, bg_rgb = parse_hex(colour), parse_hex(bg)
    assert contrast_ratio(rgb, bg_rgb) < target  # the case needs a change
    moved = until_contrast(rgb, bg_rgb, target, lighten)
    assert contrast_ratio(moved, bg_rgb) >= target
    assert abs(hue(moved) - hue(rgb)) <= 3
    # It stops at the first shade that meets the target: a little less change would not do.
    back = with_lightness(moved, lightness(moved) + (-0.02 if lighten else 0.02))
    assert contrast_ratio(back, bg_rgb) < target


def test_a_colour_that_already_meets_the_target_is_kept():
    assert until_contrast(parse_hex("#1d5c57"), WHITE, 4.5, lighten=False) == parse_hex("#1d5c57")


def test_no_shade_that_meets_the_target_gives_white_or_black():
    mid = parse_hex("#777777")
    assert until_contrast(mid, mid, 30, lighten=True) == WHITE
    assert until_contrast(mid, mid, 30, lighten=False) == BLACK


def test_a_translucent_text_colour_is_made_opaque_enough_to_read():
    primary = parse_hex("#3f7f7a")  # white at 70% on it would be under 4.5:1
    assert contrast_ratio(blend(WHITE, primary, 0.7), primary) < 4.5
    assert contrast_ratio(mix_until(WHITE, primary, 0.7, 4.5), primary) >= 4.5
