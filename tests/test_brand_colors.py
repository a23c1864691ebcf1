"""The practice's colours become every brand colour of the site, in light and dark, each pair
checked for contrast; our stylesheets hold no colour of their own."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from PIL import ImageColor

from fixture_site import PRACTICE, practice_config, project_copy
from harness.sitebuild import ROOT, mkdocs_build
from microsite.brand import DEFAULT_COLORS, DERIVED, TEXT, derive, normalise_colors, resolve_brand
from microsite.contrast import contrast_ratio, hue, parse_hex
from microsite.data import DataError
from microsite.practice import resolve_practice

FIXTURE_COLORS = {"primary": "#5b2a86", "accent": "#1f6f43"}  # plum and forest green
SLATE = '[data-md-color-scheme="slate"]'
# Text colours chosen for legibility, not for the brand: white or black whatever the brand is.
NEUTRAL = {(":root", "--brand-on-primary"), (":root", "--brand-on-accent"), (":root", "--brand-help-bg"),
           (SLATE, "--brand-on-accent")}


# --- derivation -----------------------------------------------------------------------------

def test_default_brand_is_todays_teal_and_rust_and_passes_every_pair():
    brand = resolve_brand(normalise_colors(None))
    assert brand.light["--brand-primary"] == DEFAULT_COLORS["primary"] == "#1d5c57"
    assert brand.light["--brand-accent"] == DEFAULT_COLORS["accent"] == "#a3471b"
    assert all(pair.ratio >= pair.minimum for pair in brand.pairs)


def test_dark_variants_are_lightened_until_they_read_on_the_dark_page():
    brand = derive(normalise_colors(FIXTURE_COLORS))
    page = parse_hex(brand.dark["--brand-help-bg"])  # the slate page colour, from --md-hue
    assert brand.dark["--md-hue"] == str(hue(parse_hex(FIXTURE_COLORS["primary"])))
    for name, source in (("--brand-link", "primary"), ("--brand-accent", "accent")):
        derived, original = parse_hex(brand.dark[name]), parse_hex(FIXTURE_COLORS[source])
        assert contrast_ratio(original, page) < DERIVED <= contrast_ratio(derived, page), name
        assert sum(derived) > sum(original), name  # lighter, not replaced
        assert abs(hue(derived) - hue(original)) <= 3, name


def test_a_practice_may_set_the_dark_colours_itself():
    colors = normalise_colors({**FIXTURE_COLORS, "dark": {"link": "#D0B0F0", "accent": "#9e9"}})
    brand = resolve_brand(colors)
    assert (brand.dark["--brand-link"], brand.dark["--brand-accent"]) == ("#d0b0f0", "#99ee99")


def test_text_on_a_light_accent_is_dark():
    brand = derive(normalise_colors(FIXTURE_COLORS))
    assert brand.dark["--brand-on-accent"] == "#000000"
    assert brand.light["--brand-on-accent"] == "#ffffff"


@pytest.mark.parametrize(("colors", "pair", "ratio"), [
    ({"primary": "#dddddd"}, "links on the page (light): #dddddd on #ffffff", "1.36:1"),
    ({"accent": "#ff9900"}, "accent on the page (light: link hover, focus ring): #ff9900 on #ffffff", "2.14:1"),
    ({"dark": {"link": "#333333"}}, "links on the page (dark): #333333 on #1e2928", "1.18:1"),
])
def test_low_contrast_names_the_pair_and_its_ratio(colors, pair, ratio):
    with pytest.raises(DataError) as caught:
        resolve_brand(normalise_colors(colors))
    assert f"{pair} is {ratio}, under {TEXT:g}:1" in str(caught.value)
    assert str(caught.value).startswith("mkdocs.yml extra.practice: colors:")


@pytest.mark.parametrize(("colors", "path", "value"), [
    ({"primary": "red"}, "colors.primary", "'red'"),
    ({"accent": "#12345"}, "colors.accent", "'#12345'"),
    ({"primary": "#1d5c57;} body{display:none"}, "colors.primary", "body{display:none"),
    ({"dark": {"link": "rgb(1,2,3)"}}, "colors.dark.link", "'rgb(1,2,3)'"),
    ({"secondary": "#123456"}, "colors", "secondary"),
])
def test_only_hex_colours_are_accepted_naming_the_key(colors, path, value):
    with pytest.raises(DataError) as caught:
        resolve_practice({"colors": colors}, None)
    assert f"extra.practice: {path}" in str(caught.value) and value in str(caught.value)


def test_short_hex_is_accepted_and_written_out():
    practice = resolve_practice({"colors": {"primary": "#135", "accent": "#A3471B"}}, None)
    assert practice["colors"] == {"primary": "#113355", "accent": "#a3471b", "dark": {}}


# --- builds ---------------------------------------------------------------------------------

def brand_properties(site):
    """{(selector, property): value} of the brand properties in the built site stylesheet."""
    [css] = (site / "assets" / "stylesheets").glob("site.*.min.css")
    found = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css.read_text("utf-8")):
        for name, value in re.findall(r"(--brand-[\w-]+|--md-hue):([^;]+)", body):
            found[(selector.strip(), name)] = _long_hex(value.strip())
    return found


def _long_hex(value):
    """The minifier writes #fff for #ffffff; compare colours in one spelling."""
    return "#" + "".join(c * 2 for c in value[1:]) if re.fullmatch(r"#[0-9a-fA-F]{3,4}", value) else value.lower()


@pytest.fixture(scope="module")
def fixture_site(build_once):
    return build_once("practice-brand-colors",
                      lambda folder: practice_config(project_copy(folder), {**PRACTICE, "colors": FIXTURE_COLORS}))


def test_fixture_colours_change_every_brand_colour_in_light_and_dark(site_dir, fixture_site):
    ours, theirs = brand_properties(site_dir), brand_properties(fixture_site)
    assert ours.keys() == theirs.keys()
    assert {selector for selector, _ in ours} == {":root", SLATE}
    assert {(":root", "--brand-primary"), (SLATE, "--md-hue"), (SLATE, "--brand-link")} <= ours.keys()
    changed = {key for key in ours if ours[key] != theirs[key]}
    assert changed == ours.keys() - NEUTRAL
    assert all(ours[key] in ("#ffffff", "#000000") for key in NEUTRAL)
    left = {value for key, value in ours.items() if key not in NEUTRAL} & set(theirs.values())
    assert not left, f"default colours left in the fixture brand: {left}"
    assert theirs[(":root", "--brand-primary")] == FIXTURE_COLORS["primary"]


def test_each_brand_gets_its_own_stylesheet_name_and_one_stylesheet_of_ours(site_dir, fixture_site):
    def ours(site):
        links = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser").find_all("link", rel="stylesheet")
        return [link["href"] for link in links if "material" not in link["href"] and "/main." not in link["href"]
                and "/palette." not in link["href"]]
    assert len(ours(site_dir)) == 1 and len(ours(fixture_site)) == 1
    assert ours(site_dir) != ours(fixture_site)  # a new brand is never served from a stale cache


def test_a_low_contrast_primary_fails_the_build_naming_the_pair_and_ratio(tmp_path):
    root = project_copy(tmp_path)
    result = mkdocs_build(practice_config(root, {**PRACTICE, "colors": {"primary": "#dddddd"}}), root / "site",
                          check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "links on the page (light): #dddddd on #ffffff is 1.36:1, under 4.5:1" in output, output
    assert "Traceback" not in output


# --- our stylesheets ------------------------------------------------------------------------

STYLESHEETS = sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css"))
ALLOWED = "colour literal:"  # a comment saying why, on the same line, lets a literal stand
KEYWORDS = {"transparent", "currentcolor"}  # no colour of their own
NAMED = re.compile(r"(?<![\w-])(" + "|".join(sorted(set(ImageColor.colormap) - KEYWORDS, key=len, reverse=True))
                   + r")(?![\w-])", re.IGNORECASE)
LITERAL = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(", re.IGNORECASE)


def colour_literals(css: str) -> list[str]:
    """Lines of `css` with a colour written out, unless a comment on the line says why."""
    found = []
    for number, line in enumerate(css.splitlines(), 1):
        if ALLOWED in line:
            continue
        code = re.sub(r"/\*.*?\*/|\"[^\"]*\"|'[^']*'", "", line)  # comments and strings are no colour
        if LITERAL.search(code) or NAMED.search(code.split(":", 1)[-1] if ":" in code else ""):
            found.append(f"{number}: {line.strip()}")
    return found


@pytest.mark.parametrize("sheet", STYLESHEETS, ids=lambda p: p.name)
def test_our_stylesheets_write_no_colour_of_their_own(sheet):
    css = sheet.read_text("utf-8")
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.DOTALL)  # keep line numbers
    assert not colour_literals(css), f"{sheet.name}: colours written out: {colour_literals(css)}"


@pytest.mark.parametrize("line", [
    "  color: #8c2a12;", "  background: #fff;", "  border: 1px solid rgb(0 0 0 / 50%);", "  color: hsl(180, 15%, 14%);",
    "  outline-color: White;", "  border-left: 0.2rem solid rebeccapurple;", "  --x: var(--brand-help-fg, #8c2a12);",
])
def test_the_scan_finds_each_way_of_writing_a_colour(line):
    assert colour_literals(line)


@pytest.mark.parametrize("line", [
    "  white-space: nowrap;", "  color: var(--brand-link);", "  font-family: \"Noto Sans\";", "  color: inherit;",
    "  color: black; /* colour literal: print on paper */", ".md-header, .red-flag {", "  background: transparent;",
])
def test_the_scan_leaves_other_words_and_explained_literals_alone(line):
    assert not colour_literals(line)
