"""In the browser, the page shows the colours the build derived and checked, in both schemes:
links, the header, the help link and the dark page itself (whose colour the check assumed)."""

from __future__ import annotations

import pytest

from microsite.brand import normalise_colors, resolve_brand
from microsite.contrast import parse_hex

pytestmark = pytest.mark.browser
BRAND = resolve_brand(normalise_colors(None))  # mkdocs.yml sets no colours: the defaults


@pytest.fixture(params=["light", "dark"])
def page(request, browser, base_url):
    context = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "differences/")
    page.scheme = request.param
    yield page
    context.close()


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
