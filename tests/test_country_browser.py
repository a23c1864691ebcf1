"""Help for the reader where they are, on the default (US) build, in Chromium with each reader's
time zone and language: the first number on the home page, Get help now, the self-assessment and a
"talk soon" result is their country's, named with it (the worldwide directory for a reader in none
of our regions); without JavaScript the practice's region is named and every other one is one tap
away; a tap on a country changes the help in place; nothing is sent and nothing is stored.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from harness.browser import open_settled, settle

# time zone, language, the region the page should show, its name, its emergency number
READERS = [
    ("Europe/London", "en-GB", "GB", "United Kingdom", "tel:999"),
    ("America/Toronto", "en-CA", "CA", "Canada", "tel:911"),
    ("Europe/Dublin", "en-IE", "IE", "Ireland", "tel:112"),
    ("Australia/Sydney", "en-AU", "AU", "Australia", "tel:000"),
    ("America/Chicago", "en-US", "US", "United States", "tel:911"),
    ("Asia/Tokyo", "ja-JP", "elsewhere", None, None),
]
TALK_SOON = "self-assessment/#answers=1.000000011130"  # low mood nearly every day: "talk soon"

# The first tap-to-call link a reader can see inside `scope`, in page order, with the words of its
# paragraph and where it sits on the screen.
FIRST_TEL = """(scope) => {
    const root = document.querySelector(scope)
    const link = [...root.querySelectorAll('a[href^="tel:"]')].find((a) => a.checkVisibility())
    if (!link) return null
    const box = link.getBoundingClientRect()
    return { href: link.getAttribute('href'), label: link.closest('p, li').textContent, top: box.top, bottom: box.bottom }
}"""
STORED = "() => [Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort(), document.cookie]"


def shown_strips(page, scope: str = "article") -> list[str]:
    return page.eval_on_selector_all(f"{scope} .crisis-strip__region", "els => els.filter((e) => e.getClientRects().length).map((e) => e.dataset.region)")


@pytest.mark.browser
@pytest.mark.parametrize(("zone", "language", "code", "name", "emergency"), READERS, ids=[r[0] for r in READERS])
def test_the_first_number_a_reader_sees_is_their_countrys_and_named(new_page, base_url, zone, language, code, name, emergency):
    page, watch = new_page(base_url, viewport="phone", timezone=zone, locale=language)
    for path, scope in (("", "article"), ("get-help-now/", "article"), ("self-assessment/", "article"),
                        (TALK_SOON, ".sa-result:not([hidden])")):
        page.goto("about:blank")  # a new document each time, not a jump within the page
        open_settled(page, base_url + path)
        first = page.evaluate(FIRST_TEL, scope)
        if name is None:  # in none of our regions: the directory and their local emergency number first
            assert first is None or "call your local emergency number" in page.inner_text(scope).split(first["label"])[0], path
            where = page.locator(f'{scope} .crisis-strip__region[data-region="elsewhere"]').first
            assert where.is_visible(), path
            assert "call your local emergency number" in where.inner_text()
            assert where.locator('a[href="https://findahelpline.com/"]').is_visible()
        else:
            assert first is not None, path
            assert first["href"] == emergency and name in first["label"], (path, first)
        assert shown_strips(page, scope) == [code], path
        if path == "get-help-now/":
            get_help_now_opens_with_the_readers_lines(page, code, name)
    assert watch.other_origin_requests == [] and watch.page_errors == []
    assert page.evaluate(STORED)[2] == ""


def get_help_now_opens_with_the_readers_lines(page, code: str, name: str | None) -> None:
    """Get help now at 375 x 740, as it opens: the country's emergency number and first line on the
    first screen, its full entry open and first, every other country folded, one tap away."""
    if name is not None:
        first = page.evaluate(FIRST_TEL, "article")
        assert first["bottom"] <= 740, first
        calls = page.locator('article .crisis-strip__region:not([hidden]) a[href^="tel:"], '
                             'article .crisis-strip__region:not([hidden]) a[href^="sms:"]')
        assert calls.count() >= 2 and calls.nth(1).bounding_box()["y"] + calls.nth(1).bounding_box()["height"] <= 740
        entries = page.eval_on_selector_all("article .crisis-help > details", "els => els.map((d) => [d.dataset.region, d.open])")
        assert entries[0] == [code, True] and all(not is_open for _, is_open in entries[1:])
    else:
        order = page.eval_on_selector_all("article .crisis-help > *", "els => els.map((e) => e.dataset.region || e.className)")
        assert order[0] == "crisis-directory"


@pytest.mark.browser
def test_the_page_says_which_country_it_shows_and_one_tap_changes_it_sending_and_storing_nothing(new_page, base_url):
    page, watch = new_page(base_url, viewport="phone", timezone="Europe/London", locale="en-GB")
    open_settled(page, base_url + "self-assessment/")
    strip = page.locator("article .crisis-strip").first
    assert "Help for: United Kingdom." in strip.inner_text()
    stored, asked = page.evaluate(STORED), len(watch.requests)
    strip.locator('[data-choose="CA"]').click()  # one tap
    assert "Help for: Canada." in strip.inner_text()
    assert page.evaluate("document.activeElement.innerText") == "Need help now? Help for: Canada."
    assert shown_strips(page) == ["CA"]
    assert page.url == base_url + "self-assessment/"  # changed in place
    assert strip.locator('[data-choose="GB"]').is_visible() and not strip.locator('[data-choose="CA"]').is_visible()
    # The panel after the questions leads with Canada, open; the result's finders are Canada's too.
    entries = page.eval_on_selector_all(".sa-crisis .crisis-help > details", "els => els.map((d) => [d.dataset.region, d.open])")
    assert entries[0] == ["CA", True]
    assert page.evaluate(STORED) == stored and len(watch.requests) == asked
    assert watch.page_errors == []


@pytest.mark.browser
def test_a_result_shows_the_readers_own_therapist_finder(new_page, base_url):
    page, _ = new_page(base_url, viewport="phone", timezone="America/Toronto", locale="en-CA")
    open_settled(page, base_url + TALK_SOON)
    finders = page.locator(".sa-result:not([hidden]) .sa-finders")
    visible = [f for f in finders.all() if f.is_visible()]
    assert len(visible) == 1 and visible[0].get_attribute("data-region") == "CA"
    assert visible[0].inner_text().startswith("Canada:")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "get-help-now/", "self-assessment/"])
def test_without_java_script_the_practices_region_is_named_and_every_other_is_one_tap_away(new_page, base_url, path):
    page, watch = new_page(base_url, viewport="phone", java_script=False, timezone="Europe/London", locale="en-GB")
    open_settled(page, base_url + path)
    first = page.evaluate(FIRST_TEL, "article")
    assert first["href"] == "tel:911" and "United States" in first["label"]
    assert shown_strips(page) == ["US"]
    # One tap on the United Kingdom opens its help: its number in view, its entry open.
    page.locator("article .crisis-choose").first.get_by_role("link", name="United Kingdom").click()
    settle(page)
    assert page.url.endswith("get-help-now/#help-gb")
    uk = page.locator("#region-gb")
    assert uk.get_attribute("open") is not None and uk.locator('a[href="tel:999"]').first.is_visible()
    assert watch.other_origin_requests == []


@pytest.mark.browser
def test_after_yes_the_first_number_is_on_screen_and_the_kind_words_follow_it(new_page, base_url):
    page, _ = new_page(base_url, viewport="phone", timezone="Europe/Dublin", locale="en-IE")
    open_settled(page, base_url + "self-assessment/")
    page.locator("#sa-q-safety input[data-crisis]").check()
    first = page.evaluate(FIRST_TEL, "#sa-alert")
    assert first["href"] == "tel:112" and "Ireland" in first["label"]
    assert 0 <= first["top"] and first["bottom"] <= 740, first
    words = page.locator("#sa-alert > p").first
    tel = page.locator('#sa-alert a[href="tel:112"]').first
    assert tel.bounding_box()["y"] < words.bounding_box()["y"]  # the numbers, then the kind words


def tz_database_places() -> list[tuple[str, str]]:
    """Every place in the time zone database (its zone.tab, from the pinned `tzdata` package) with
    the country it is in: (country code, zone)."""
    table = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    return [(row[0], row[2]) for line in table.splitlines() if line and not line.startswith("#")
            for row in [line.split("\t")]]


# For each zone: the region country.js picks (from the page's own chooser) for the zone's name as
# the database writes it (Firefox, Safari) and as Chromium writes it (an older name: Asia/Calcutta).
PICKS_JS = """async (zones) => {
    const { regionFor } = await import(new URL('assets/javascripts/country.js', document.baseURI).href)
    const chooser = JSON.parse(document.querySelector('[data-zones]').dataset.zones)
    return zones.map((zone) => {
        const chromium = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
        return [zone, chromium, regionFor(chooser, zone, 'none'), regionFor(chooser, chromium, 'none')]
    })
}"""


@pytest.mark.browser
def test_every_place_of_a_region_in_the_time_zone_database_picks_that_region(new_page, base_url):
    page, watch = new_page(base_url, viewport="phone", timezone="America/Indiana/Indianapolis", locale="en-US")
    open_settled(page, base_url)
    # A reader in Indianapolis (Chromium calls the zone America/Indianapolis) sees their country first.
    assert shown_strips(page) == ["US"]
    regions = page.eval_on_selector_all("[data-zones] [data-choose]", "els => els.map((e) => e.dataset.choose)")
    places = [(code, zone) for code, zone in tz_database_places() if code in regions]
    assert {code for code, _ in places} == set(regions) - {"elsewhere"}, "a region is in no row of zone.tab"
    picks = page.evaluate(PICKS_JS, [zone for _, zone in places])
    wrong = [(code, zone, chromium, picked, picked_chromium)
             for (code, _), (zone, chromium, picked, picked_chromium) in zip(places, picks, strict=True)
             if (picked, picked_chromium) != (code, code)]
    assert wrong == [], "zones missing from their region's time_zones (data/crisis-lines.yml): " + repr(wrong)
    assert watch.page_errors == []
