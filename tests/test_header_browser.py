"""The header on phones, in real Chromium, light and dark: the site's name is read whole (never
cut to "C…"), "Get help now" is on the first screen, and search, the palette toggle and the help
link are still reached with the keyboard alone.

The header's layout does not depend on the scheme (only its colours do: `site.css` and Material's
slate scheme change no size), so each test tries every width once, the schemes alternating from
width to width, and the next test the other way round: every width is seen in both schemes across
the file, at half the loads."""

from __future__ import annotations

import pytest

from harness.browser import open_settled

WIDTHS = (320, 360, 375, 414)
SCHEMES = ("light", "dark")
HEIGHT = 640
MAX_TABS = 8
NAME = ".md-header__topic:first-child .md-ellipsis"


@pytest.fixture
def page(new_page, request):
    width, scheme = request.param
    return new_page(viewport={"width": width, "height": HEIGHT}, scheme=scheme)[0]


def each_width(first: int) -> list:
    """Every width once, in alternating schemes, starting with SCHEMES[first]."""
    pairs = [(width, SCHEMES[(index + first) % 2]) for index, width in enumerate(WIDTHS)]
    return [pytest.param(pair, id=f"{pair[0]}px-{pair[1]}") for pair in pairs]


PAGES, FLIPPED = each_width(0), each_width(1)


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES, indirect=True)
def test_site_name_is_shown_whole(page, base_url):
    open_settled(page, base_url + "coaching/")
    name = page.locator(NAME)
    assert name.is_visible()
    box = page.evaluate(f"""() => {{
        const name = document.querySelector({NAME!r}), header = document.querySelector('.md-header');
        const r = name.getBoundingClientRect(), h = header.getBoundingClientRect();
        return {{text: name.textContent.trim(), scrollWidth: name.scrollWidth, clientWidth: name.clientWidth,
                 scrollHeight: name.scrollHeight, clientHeight: name.clientHeight,
                 left: r.left, right: r.right, top: r.top, bottom: r.bottom, headerBottom: h.bottom,
                 opacity: getComputedStyle(name.closest('.md-header__topic')).opacity}};
    }}""")
    assert box["text"] == page.evaluate("() => document.querySelector('meta[property=\"og:site_name\"]').content")
    assert box["scrollWidth"] <= box["clientWidth"], f"name cut sideways: {box}"
    assert box["scrollHeight"] <= box["clientHeight"], f"name cut below: {box}"
    assert box["clientWidth"] > 0 and box["opacity"] == "1", box
    assert 0 <= box["left"] and box["right"] <= page.viewport_size["width"], box
    assert 0 <= box["top"] and box["bottom"] <= box["headerBottom"], f"name spills out of the header: {box}"


@pytest.mark.browser
@pytest.mark.parametrize("page", FLIPPED, indirect=True)
def test_what_the_header_shows_after_scrolling_fits_it(page, base_url):
    # Material swaps the name for the page's title once the heading scrolls away; the home page's
    # title is the longest.
    open_settled(page, base_url)
    page.mouse.wheel(0, 2000)
    page.wait_for_function("() => document.querySelector('.md-header__title--active')")
    page.evaluate("() => document.getAnimations().forEach(a => a.finish())")  # the swap's fade
    shown = page.evaluate("""() => [...document.querySelectorAll('.md-header__topic')]
        .filter(t => getComputedStyle(t).opacity !== '0')
        .map(t => { const s = t.querySelector('.md-ellipsis');
                    return {text: s.textContent.trim(), fits: s.scrollWidth <= s.clientWidth && s.scrollHeight <= s.clientHeight}; })""")
    assert shown and all(t["fits"] for t in shown), shown


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES, indirect=True)
def test_help_link_is_on_the_first_screen(page, base_url):
    open_settled(page, base_url + "differences/")
    link = page.locator("header a.help-now")
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], box
    assert box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT, box
    # Its words on one line, whole.
    assert page.evaluate("() => { const a = document.querySelector('.help-now'); return a.scrollWidth <= a.clientWidth }")


@pytest.mark.browser
@pytest.mark.parametrize("page", FLIPPED, indirect=True)
def test_header_controls_are_reached_with_the_keyboard(page, base_url):
    open_settled(page, base_url)
    reached = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("""() => {
            const e = document.activeElement;
            if (e.matches('.md-search__input')) return 'search';
            if (e.closest('[data-md-component="palette"]')) return 'palette';
            if (e.matches('header a.help-now')) return 'help';
            return e.tagName;
        }"""))
    assert {"search", "palette", "help"} <= reached, reached


@pytest.mark.browser
@pytest.mark.parametrize("page", [pytest.param((320, "light"), id="320px")], indirect=True)
def test_palette_toggle_still_switches_the_scheme_by_keyboard(page, base_url):
    open_settled(page, base_url)
    before = page.evaluate("() => document.body.dataset.mdColorScheme")
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('[data-md-component=\"palette\"]')"):
            break
    else:
        pytest.fail(f"palette toggle not reached in {MAX_TABS} Tab presses")
    page.keyboard.press("ArrowDown")  # radios: the arrow keys choose the other scheme
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {before!r}")
