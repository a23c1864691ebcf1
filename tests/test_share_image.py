"""The share image (og:image) shows the practice's name and colours, is drawn once per brand, and
a practice's own image is used as it is."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from fixture_site import PRACTICE, SITE_URL, practice_config, project_copy
from harness.sitebuild import mkdocs_build
from microsite import share_image
from microsite.brand import normalise_colors, resolve_brand
from microsite.contrast import contrast_ratio, parse_hex

TEAL = {"background": "#1d5c57", "text": "#ffffff", "muted": "#bbcecd", "accent": "#a3471b"}
PLUM = {"background": "#5b2a86", "text": "#ffffff", "muted": "#cebfdb", "accent": "#1f6f43"}


def pixels(image: Image.Image) -> dict[tuple[int, int, int], int]:
    return {colour: count for count, colour in image.convert("RGB").getcolors(maxcolors=1 << 20)}


def test_image_is_1200_by_630_in_the_brand_colours_with_the_name_in_text_colour():
    image = share_image.draw("Northside Coaching Studio", "Coaching or Therapy?", PLUM)
    assert image.size == (1200, 630)
    counts = pixels(image)
    assert counts[parse_hex(PLUM["background"])] > 1200 * 630 // 2
    assert counts[parse_hex(PLUM["accent"])] >= 1200 * share_image.ACCENT_BAR
    assert counts.get(parse_hex(PLUM["text"]), 0) > 2000  # the name, in solid strokes
    assert parse_hex(TEAL["background"]) not in counts


def test_the_text_colour_the_build_gives_reads_on_the_background():
    brand = resolve_brand(normalise_colors({"primary": "#5b2a86", "accent": "#1f6f43"}))
    text, background = (parse_hex(brand.light[name]) for name in ("--brand-on-primary", "--brand-primary"))
    assert contrast_ratio(text, background) >= 4.5


def test_another_name_or_colour_draws_another_image():
    base = share_image.draw("Northside", "", TEAL).tobytes()
    assert share_image.draw("Southside", "", TEAL).tobytes() != base
    assert share_image.draw("Northside", "", {**TEAL, "background": "#5b2a86"}).tobytes() != base


def test_a_long_name_wraps_and_shrinks_to_fit():
    width = 1200 - 2 * share_image.MARGIN
    short_face, short = share_image.fit("Northside", share_image.FONT, width, 400)
    name = "The Northside Coaching and Counselling Studio of Greater Manchester and the Surrounding Areas"
    face, lines = share_image.fit(name, share_image.FONT, width, 400)
    assert len(short) == 1 and 1 < len(lines) <= share_image.MAX_LINES
    assert face.size < short_face.size
    assert all(face.getlength(line) <= width for line in lines)
    assert " ".join(lines) == name


def test_a_name_too_long_for_any_size_ends_with_an_ellipsis_inside_the_image():
    width = 1200 - 2 * share_image.MARGIN
    face, lines = share_image.fit("Counselling " * 40 + "Supercalifragilistic" * 8, share_image.FONT, width, 400)
    assert len(lines) == share_image.MAX_LINES and lines[-1].endswith("…")
    assert all(face.getlength(line) <= width for line in lines)


def test_the_cache_draws_each_brand_once(tmp_path, monkeypatch):
    draws = []
    real_draw = share_image.draw
    monkeypatch.setattr(share_image, "draw", lambda *args: draws.append(args) or real_draw(*args))
    first = share_image.cached_share_image(tmp_path, "Northside", "", TEAL)
    stamp = (first.stat().st_ino, first.stat().st_mtime_ns)
    again = share_image.cached_share_image(tmp_path, "Northside", "", TEAL)
    assert again == first and (again.stat().st_ino, again.stat().st_mtime_ns) == stamp
    assert len(draws) == 1
    other = share_image.cached_share_image(tmp_path, "Northside", "", PLUM)
    assert other != first and len(draws) == 2
    with Image.open(first) as image:
        assert image.size == (1200, 630)


# --- builds ---------------------------------------------------------------------------------

def og_image(site):
    doc = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    return [doc.find("meta", property=f"og:image{part}")["content"] for part in ("", ":width", ":height")]


def test_a_build_draws_the_practice_image_and_a_second_build_reuses_it(tmp_path):
    root = project_copy(tmp_path)
    config = practice_config(root, {**PRACTICE, "colors": {"primary": "#5b2a86", "accent": "#1f6f43"}})
    mkdocs_build(config, root / "site")
    assert og_image(root / "site") == [f"{SITE_URL}assets/images/share.png", "1200", "630"]
    with Image.open(root / "site" / "assets" / "images" / "share.png") as image:
        assert image.size == (1200, 630)
        counts = pixels(image)
    assert parse_hex("#5b2a86") in counts and parse_hex("#1f6f43") in counts
    def stamps():
        return sorted((p.name, p.stat().st_ino, p.stat().st_mtime_ns) for p in (root / ".cache" / "microsite").glob("share-*.png"))

    first = stamps()
    assert first  # drawn once per different text (each language's site name under the practice's)
    mkdocs_build(config, root / "site-again")
    assert stamps() == first


def test_a_practice_image_is_used_as_it_is(tmp_path):
    root = project_copy(tmp_path)
    own = root / "docs" / "assets" / "images" / "practice-share.jpg"
    Image.new("RGB", (1000, 500), "#123456").save(own, "JPEG")
    config = practice_config(root, {**PRACTICE, "share_image": "assets/images/practice-share.jpg"})
    mkdocs_build(config, root / "site")
    assert og_image(root / "site") == [f"{SITE_URL}assets/images/practice-share.jpg", "1000", "500"]
    assert (root / "site" / "assets" / "images" / "practice-share.jpg").read_bytes() == own.read_bytes()
    assert not list((root / ".cache" / "microsite").glob("share-*.png"))  # nothing drawn


@pytest.mark.parametrize(("value", "expected"), [
    ("assets/images/missing.png", "share_image: 'assets/images/missing.png': the file does not exist (looked in docs/"),
    ("assets/images/favicon.svg", "share_image: expected an image file under docs/ (png, jpg, jpeg, webp)"),
    ("../mkdocs.yml", "share_image: expected an image file under docs/ (png, jpg, jpeg, webp)"),
])
def test_a_share_image_that_is_not_a_picture_in_docs_fails_naming_the_key(tmp_path, value, expected):
    root = project_copy(tmp_path)
    result = mkdocs_build(practice_config(root, {**PRACTICE, "share_image": value}), root / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"practice/practice.yml: {expected}" in output, output


def test_a_share_image_that_cannot_be_read_fails_naming_the_key(tmp_path):
    root = project_copy(tmp_path)
    (root / "docs" / "assets" / "images" / "broken.png").write_text("<svg>not a png</svg>", "utf-8")
    result = mkdocs_build(practice_config(root, {**PRACTICE, "share_image": "assets/images/broken.png"}),
                          root / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "practice/practice.yml: share_image: expected an image file under docs/" in output, output
    assert "'assets/images/broken.png', which is not a readable image" in output, output
