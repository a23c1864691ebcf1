"""A reader in another country finds their own crisis lines on the self-assessment in one step.

The site is built for a practice in the United States (`region: US`); the reader is in the United
Kingdom. With and without JavaScript, from the panel at the top and from the alert that follows a
"Yes" to the safety question.
"""

from __future__ import annotations

import pytest

from fixture_site import PRACTICE, practice_config, project_copy
from harness.browser import open_settled
from harness.server import serve_site


@pytest.fixture(scope="module")
def us_site(build_once):
    site = build_once("practice-us", lambda folder: practice_config(project_copy(folder), {**PRACTICE, "region": "US"}))
    with serve_site(site, prefix="/learn/") as url:
        yield url


def uk_lines_visible(page, scope: str) -> bool:
    uk = page.locator(f"{scope} details.crisis-region", has=page.locator("summary", has_text="United Kingdom")).first
    return uk.locator('a[href="tel:999"]').is_visible() and uk.locator('a[href="tel:116123"]').is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("java_script", [True, False], ids=["js", "no-js"])
def test_a_uk_reader_opens_their_lines_from_the_panel_in_one_step(new_page, us_site, java_script):
    page, watch = new_page(us_site, java_script=java_script)
    open_settled(page, us_site + "self-assessment/")
    panel = ".sa-crisis"
    assert page.locator(f"{panel} .crisis-region").first.locator('a[href="tel:911"]').is_visible()  # the practice's first
    assert not uk_lines_visible(page, panel)
    page.locator(f"{panel} details.crisis-region:not([open]) summary", has_text="United Kingdom").click()  # the one step
    assert uk_lines_visible(page, panel)
    assert watch.page_errors == []


@pytest.mark.browser
def test_after_yes_to_the_safety_question_the_alert_opens_their_lines_in_one_step(new_page, us_site):
    page, watch = new_page(us_site)
    open_settled(page, us_site + "self-assessment/")  # the questionnaire's script listens before the answer
    page.check("#sa-q-safety input[data-crisis]")
    alert = "#sa-alert"
    assert page.locator(alert).is_visible()
    page.locator(f"{alert} details.crisis-region:not([open]) summary", has_text="United Kingdom").click()
    assert uk_lines_visible(page, alert)
    # Each region links to its full entry, with sources, on Get help now.
    more = page.locator(f"{alert} details.crisis-region", has=page.locator("summary", has_text="United Kingdom")).locator(".crisis-more a")
    assert more.get_attribute("href").endswith("get-help-now/#help-gb")
    assert watch.page_errors == []


@pytest.mark.browser
def test_the_keyboard_reaches_and_opens_a_region(new_page, us_site):
    page, _ = new_page(us_site)
    open_settled(page, us_site + "self-assessment/")
    summary = page.locator(".sa-crisis details.crisis-region:not([open]) summary", has_text="United Kingdom")
    for _ in range(80):  # Tab until the summary has focus
        page.keyboard.press("Tab")
        if summary.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the United Kingdom summary is not reachable by keyboard")
    page.keyboard.press("Enter")
    assert uk_lines_visible(page, ".sa-crisis")
