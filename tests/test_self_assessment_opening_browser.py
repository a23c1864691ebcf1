"""The self-assessment opens on its questions, with crisis help one tap away all the same.

A short crisis strip (the practice's region's emergency number and main line, and a link to every
line) stands before the first question; the full panel opens when "Yes" is chosen for safety, and
leads the results that show it; without JavaScript the full panel is on the page.
"""

from __future__ import annotations

import pytest

from harness.browser import VIEWPORTS, open_settled
from harness.sitebuild import ROOT, our_site_values
from microsite.crisis import load_crisis_lines
from sa_content import DATA, vectors
from test_self_assessment_browser import axe_clean

URL = "self-assessment/"
PHONE = VIEWPORTS["phone"]


REGION = our_site_values()["region"]


def crisis_answers() -> list[int]:
    """Answers whose result shows the crisis lines."""
    return next(v["answers"] for v in vectors()
                if any(r["id"] == v["result"] and r.get("show_crisis") for r in DATA["results"]))

LINES = load_crisis_lines(ROOT / "data" / "crisis-lines.yml")["regions"][REGION]


def tel(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


@pytest.fixture
def page(new_page):
    page, watch = new_page(viewport="phone")
    page.errors = watch.page_errors
    return page


@pytest.fixture
def page_without_js(new_page):
    return new_page(viewport="phone", java_script=False)[0]


def open_enhanced(page, base_url, fragment=""):
    page.goto("about:blank")  # a new document each time, not a jump within the page
    open_settled(page, base_url + URL + fragment)
    page.wait_for_selector(".sa--js", state="attached")


def top(page, selector: str) -> float:
    return page.evaluate("(s) => document.querySelector(s).getBoundingClientRect().top + scrollY", selector)


@pytest.mark.browser
def test_the_first_question_starts_within_a_phone_screen_and_a_half(page, base_url):
    open_enhanced(page, base_url)
    first = top(page, "fieldset.sa-q")
    assert first < 1.5 * PHONE["height"], f"the first question starts {first:.0f} px down"
    assert top(page, ".crisis-strip") < first  # the crisis strip comes before it
    assert not page.errors


@pytest.mark.browser
def test_the_strip_calls_the_emergency_number_and_the_main_line_and_links_to_every_line(page, base_url):
    open_enhanced(page, base_url)
    strip = page.locator("section.crisis-strip").first
    assert strip.is_visible()
    label = strip.get_attribute("aria-labelledby")
    assert page.locator(f"#{label}").inner_text().strip()  # a labelled region
    hrefs = strip.locator("a:visible").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert tel(LINES["emergency"]["number"]) in hrefs
    main_calls = [tel(c["call"]) for c in LINES["lines"][0]["contact"] if "call" in c]
    assert main_calls and set(main_calls) <= set(hrefs)
    # Every link says what it does, and one leads to the full panel with every line and region.
    for link in strip.locator("a:visible").all():
        assert link.inner_text().strip()
    more = strip.locator("a.crisis-more-lines:visible")
    assert more.count() == 1
    more.click()
    panel = page.locator("#" + more.get_attribute("href").split("#", 1)[1])
    assert panel.is_visible() and panel.locator("details.crisis-region:not([open])").count() >= 1
    assert panel.locator(f'a[href="{main_calls[0]}"]').first.is_visible()


@pytest.mark.browser
def test_the_strip_is_smaller_than_the_first_question(page, base_url):
    open_enhanced(page, base_url)
    strip = page.locator("section.crisis-strip").first.bounding_box()
    first = page.locator("fieldset.sa-q").first.bounding_box()
    assert strip["height"] < first["height"], (strip, first)


@pytest.mark.browser
def test_the_keyboard_reaches_the_strip_before_the_first_answer(page, base_url):
    open_enhanced(page, base_url)
    order = []
    for _ in range(60):
        page.keyboard.press("Tab")
        here = page.evaluate("""() => { const e = document.activeElement
            return e.closest('.crisis-strip') ? 'strip' : e.matches('fieldset.sa-q input') ? 'answer' : '' }""")
        if here and (not order or order[-1] != here):
            order.append(here)
        if here == "answer":
            break
    assert order == ["strip", "answer"]


@pytest.mark.browser
def test_yes_opens_the_full_lines_at_once_and_they_lead_the_result(page, base_url):
    open_enhanced(page, base_url)
    alert = page.locator("[data-sa-part='alert']")
    assert not alert.is_visible()
    page.check("input[data-crisis]")  # no button pressed
    assert alert.is_visible()
    assert alert.locator(f'a[href="{tel(LINES["emergency"]["number"])}"]').first.is_visible()
    for line in LINES["lines"]:
        assert alert.locator(".crisis-line", has_text=line["name"]).first.is_visible(), line["name"]
    # "Talk soon" (low mood every day) opens with its title and summary, then the short help.
    open_enhanced(page, base_url, f"#answers={DATA['version']}." + "".join(map(str, crisis_answers())))
    result = page.locator(".sa-result:visible")
    # Only the fragment changes, so `goto` may return before the script has restored the answers.
    result.first.wait_for(state="visible", timeout=5000)
    assert result.count() == 1
    kids = result.locator(":scope > *:visible").evaluate_all("(els) => els.map((e) => e.dataset.saPart || e.className || e.tagName)")
    lines = kids.index("result-lines")
    assert kids[0] == "H2" and set(kids[1:lines]) == {"sa-summary"}, kids  # title, summary, then the help
    first = result.locator('[data-sa-part="result-lines"]')
    assert first.locator(f'a[href="{tel(LINES["emergency"]["number"])}"]').first.is_visible()
    assert not page.errors


@pytest.mark.browser
def test_without_javascript_the_full_panel_is_on_the_page(page_without_js, base_url):
    page = page_without_js
    page.goto(base_url + URL)
    panel = page.locator("section.sa-crisis")
    assert panel.is_visible()
    assert panel.locator(f'a[href="{tel(LINES["emergency"]["number"])}"]').first.is_visible()
    for line in LINES["lines"]:
        assert panel.locator(".crisis-line", has_text=line["name"]).first.is_visible(), line["name"]
    assert panel.locator("details.crisis-region:not([open])").count() >= 1  # other regions, to open in place
    assert page.locator("section.crisis-strip a[href^='tel:']").first.is_visible()


@pytest.mark.browser
def test_the_opening_has_no_axe_violations(page, base_url):
    open_enhanced(page, base_url)
    axe_clean(page, "the opening, on a phone")
    page.check("input[data-crisis]")
    axe_clean(page, "after Yes to safety, on a phone")


@pytest.mark.browser
def test_a_questionnaire_without_a_crisis_answer_still_works(page, base_url):
    # The page's own script blocked, the crisis answer and its alert removed, then the module run.
    page.route("**/self-assessment-loader.js", lambda route: route.abort())
    open_settled(page, base_url + URL, ours=False)
    page.evaluate("""async () => {
        document.querySelector('[data-sa-part="alert"]').remove()
        for (const input of document.querySelectorAll('input[data-crisis]')) input.removeAttribute('data-crisis')
        const root = document.querySelector('[data-module="self-assessment"]')
        const m = await import(new URL('../assets/javascripts/self-assessment.js', location.href).href)
        await m.init(root)
    }""")
    answers = vectors()[0]["answers"]
    steps = [[q["id"] for q in s["questions"]] for s in DATA["sections"]]
    given = iter(answers)
    for s, step in enumerate(steps):
        for qid in step:
            page.check(f'[data-sa-question="{qid}"] input[value="{next(given)}"]')
        page.click('[data-action="result"]' if s == len(steps) - 1 else '[data-action="next"]')
    assert page.locator(".sa-result:visible").evaluate_all("(r) => r.map((x) => x.dataset.result)") == [vectors()[0]["result"]]
    page.click('[data-action="clear"]')
    assert page.locator(".sa-result:visible").count() == 0
    assert not page.errors
