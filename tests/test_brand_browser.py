"""In the browser, the page shows the colours the build derived and checked, in both schemes:
links, the header, the help link and the dark page itself (whose colour the check assumed)."""

from __future__ import annotations

import pytest

from microsite.brand import normalise_colors, resolve_brand
from microsite.contrast import parse_hex

pytestmark = pytest.mark.browser
BRAND = resolve_brand(normalise_colors(None))  # mkdocs.yml sets no colours: the defaults


@pytest.fixture(params=["light", "dark"])
def page(request, new_page, base_url):
    page, _ = new_page(scheme=request.param, viewport="desktop")
    page.goto(base_url + "differences/")
    page.scheme = request.param
    return page


def expected(scheme: str, name: str) -> str:
    value = (BRAND.dark if scheme == "dark" and name in BRAND.dark else BRAND.light)[name]
    return "rgb({}, {}, {})".format(*parse_hex(value))


def style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}")


def test_the_scheme_is_the_one_asked_for(page):
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if page.scheme == "dark" else "default")


def test_links_header_and_help_link_show_the_generated_colours(page):
    assert style(page, ".md-content a[href]:not(.headerlink):not(.md-button)", "color") == expected(page.scheme, "--brand-link")
    assert style(page, ".md-header", "backgroundColor") == expected(page.scheme, "--brand-primary")
    assert style(page, ".md-header", "color") == expected(page.scheme, "--brand-on-primary")
    assert style(page, ".help-now", "color") == expected(page.scheme, "--brand-help-fg")
    assert style(page, ".help-now", "backgroundColor") == expected(page.scheme, "--brand-help-bg")


def test_the_page_background_is_the_one_the_contrast_check_assumed(page):
    background = style(page, "body", "backgroundColor")
    if page.scheme == "dark":  # the help link's dark background is the slate page, from --md-hue
        assert background == expected("dark", "--brand-help-bg")
    else:
        assert background == "rgb(255, 255, 255)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_controls_and_rings_take_a_colour_checked_against_what_is_behind_them(new_page, base_url, scheme):
    # The brand primary is checked against white only: on the dark page, the radios, the progress
    # bar and another country's box take the link colour; on the header's primary bar, the focus
    # ring takes the header's text colour.
    page, _ = new_page(scheme=scheme, viewport="phone")
    page.goto(base_url + "self-assessment/")
    link = expected(scheme, "--brand-link")
    assert style(page, ".sa-option input", "accentColor") == link
    assert style(page, ".sa-progress progress", "accentColor") == link
    assert style(page, "details.crisis-region:not([open])", "borderTopColor") == link
    page.focus(".md-header .help-now")
    assert style(page, ".md-header .help-now", "outlineColor") == expected(scheme, "--brand-on-primary")
