"""The self-assessment in headless Chromium, served with the site's own headers (CSP included).

A reader reaches every result with the keyboard alone; crisis help appears the moment "Yes" is
chosen; skipped questions get an error summary; tampered share links are refused politely; the
page works without JavaScript; nothing is requested while answering; axe finds nothing in any state.
"""

from __future__ import annotations

import re

import pytest

from harness.browser import SCHEMES, VIEWPORTS, format_violations, open_settled, run_axe
from sa_content import DATA, answers_by_result

URL = "self-assessment/"
STEPS = [[q["id"] for q in section["questions"]] for section in DATA["sections"]]
QUESTIONS = [qid for step in STEPS for qid in step]
RESULTS = {result["id"]: result for result in DATA["results"]}
MAX_TABS = 80


def option(qid: str, index: int) -> str:
    """The radio for answer `index` of question `qid`."""
    return f'#sa-q-{qid} input[value="{index}"]'


def open_page(new_page, base_url, fragment="", **kwargs):
    page, watch = new_page(base_url, **kwargs)
    open_settled(page, base_url + URL + fragment)
    if kwargs.get("java_script", True):
        ready(page)
    return page, watch


def ready(page):
    page.wait_for_selector(".sa--js", state="attached")


def axe_clean(page, where):
    # Let CSS transitions finish (Material fades its tabs out when the page scrolls to the focus).
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity)")
    violations = run_axe(page)
    assert not violations, f"{where}:\n{format_violations(violations)}"


def tab_to(page, selector):
    """Press Tab until the focused element matches `selector` (keyboard only, no clicks)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached in {MAX_TABS} Tab presses")


def answer_by_keyboard(page, answers):
    """Tab into each radio group, Space to choose the first option, arrows to move to the answer."""
    given = iter(answers)
    for s, step in enumerate(STEPS):
        for qid in step:
            tab_to(page, f"#sa-q-{qid} input[type=radio]")
            page.keyboard.press("Space")
            for _ in range(next(given)):
                page.keyboard.press("ArrowDown")
        tab_to(page, '[data-action="result"]' if s == len(STEPS) - 1 else '[data-action="next"]')
        page.keyboard.press("Enter")


def shown_result(page):
    return page.evaluate("""() => [...document.querySelectorAll('.sa-result')]
        .filter((r) => !r.hidden && r.offsetParent !== null).map((r) => r.dataset.result)""")


def switch_scheme(page, scheme: str) -> None:
    """Switch the page to `scheme` ("default" or "slate") as the header's palette toggle does
    (Material's own script, on its radio input), without moving the focus."""
    page.evaluate("(s) => document.querySelector(`input[name='__palette'][data-md-color-scheme='${s}']`).click()", scheme)
    page.wait_for_function("(s) => document.body.dataset.mdColorScheme === s", arg=scheme)


def axe_clean_in_both_schemes(page, where):
    """axe finds nothing on the page as it is, light and dark; it is left light, focus unchanged."""
    focused = page.evaluate("() => document.activeElement.id")
    for scheme, name in (("default", "light"), ("slate", "dark")):
        switch_scheme(page, scheme)
        axe_clean(page, f"{where} ({name})")
    switch_scheme(page, "default")
    assert page.evaluate("() => document.activeElement.id") == focused


@pytest.mark.browser
def test_every_result_by_keyboard_alone_with_no_requests_and_no_axe_violations_light_or_dark(new_page, base_url):
    # One walk through every result with the keyboard; at each state axe runs in both schemes.
    page, watch = open_page(new_page, base_url, scheme="light")
    axe_clean_in_both_schemes(page, "start")
    loaded = len(watch.requests)
    tab_to(page, '[data-action="next"]')
    page.keyboard.press("Enter")
    assert page.is_visible(".sa-errors")
    axe_clean_in_both_schemes(page, "error")
    for result, answers in answers_by_result().items():
        answer_by_keyboard(page, answers)
        assert shown_result(page) == [result]
        assert page.evaluate("() => document.activeElement.id") == f"sa-result-{result}-title"
        assert page.locator("#sa-outcome").get_attribute("role") == "status"
        assert page.locator(".sa-mine__list li").count() == len(QUESTIONS)
        assert page.locator(f'.sa-result[data-result="{result}"] .sa-why li:visible').count() >= 1
        # Short crisis help sits inside the results that show it, and only there: right under the
        # title, or after the summary.
        with_lines = page.locator(f'.sa-result[data-result="{result}"] .crisis-strip a[href^="tel:"]:visible').count()
        assert bool(with_lines) == bool(RESULTS[result].get("show_crisis")), result
        if with_lines:
            before = page.evaluate("() => { const e = document.querySelector('.sa-result-crisis').previousElementSibling; return e.id || e.className }")
            after_summary = RESULTS[result].get("crisis_after") == "summary"
            assert before == ("sa-summary" if after_summary else f"sa-result-{result}-title"), result
        axe_clean_in_both_schemes(page, f"result {result}")
        tab_to(page, '[data-action="clear"]')
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.querySelectorAll('.sa-form input:checked').length") == 0
        assert shown_result(page) == []
    assert watch.requests[loaded:] == [], "requests while answering"
    assert not watch.page_errors and not watch.console_errors and not watch.dialogs


@pytest.mark.browser
def test_yes_to_safety_shows_crisis_lines_at_once_and_the_reader_can_go_on(new_page, base_url):
    page, watch = open_page(new_page, base_url)
    assert page.is_visible(".sa-crisis .crisis-line")  # the full panel, after the questionnaire
    assert not page.is_visible("#sa-alert")
    page.check('#sa-q-safety input[data-crisis]')
    assert page.is_visible("#sa-alert .crisis-line a[href^='tel:']")  # no button pressed
    page.click('[data-action="next"]')
    assert page.is_visible("#sa-step-looking-for")
    page.click('[data-action="back"]')
    page.check(option("safety", 0))
    assert not page.is_visible("#sa-alert")
    assert not watch.page_errors


@pytest.mark.browser
def test_skipped_question_gets_an_error_summary_linking_to_it(new_page, base_url):
    page, _ = open_page(new_page, base_url)
    page.check(option("safety", 0))
    page.click('[data-action="next"]')
    skipped = STEPS[1][2]
    for qid in STEPS[1]:
        if qid != skipped:
            page.check(option(qid, 0))
    page.click('[data-action="next"]')
    assert page.evaluate("() => document.activeElement.id") == "sa-errors"
    links = page.locator(".sa-errors__list a")
    assert links.count() == 1
    assert links.first.get_attribute("href") == f"#sa-q-{skipped}"
    assert page.is_visible(f"#sa-q-{skipped}-error")
    assert page.locator(".sa-error:visible").count() == 1
    links.first.click()
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == [skipped, "0"]  # the question's first answer
    assert "#" not in page.url
    page.check(option(skipped, 1))
    assert not page.is_visible(f"#sa-q-{skipped}-error")


TAMPERED = {
    "script": "#answers=1.<script>alert(1)</script>",
    "html": "#answers=%3Cimg%20src=x%20onerror=alert(1)%3E",
    "garbage": "#answers=1.99999999999999999",
    "huge": "#answers=1." + "0" * 20000,
    "old version": "#answers=0." + "0" * len(QUESTIONS),
    "newer version": f"#answers={DATA['version'] + 1}." + "0" * len(QUESTIONS),
}
# Fragments that are not share links: anchors on the page, old deep links, anything else.
NOT_SHARE_LINKS = ["#results", "#before-you-start", "#sa-q-aim", "#anything", "#%%%",
                   "#%3Cimg%20src=x%20onerror=alert(1)%3E"]


@pytest.mark.browser
def test_tampered_share_links_show_a_notice_and_an_empty_form(new_page, base_url):
    page, watch = new_page(base_url)
    for name, fragment in TAMPERED.items():
        page.goto("about:blank")
        open_settled(page, base_url + URL + fragment)
        ready(page)
        notice = page.locator("#sa-notice")
        assert notice.is_visible(), name
        assert "<" not in notice.inner_text() and notice.evaluate("(n) => n.children.length") == 0, name
        assert ("older version" in notice.inner_text()) == (name == "old version"), name
        assert ("newer version" in notice.inner_text()) == (name == "newer version"), name
        assert page.evaluate("() => document.querySelectorAll('.sa-form input:checked').length") == 0, name
        assert page.is_visible("#sa-step-safety") and shown_result(page) == [], name
        assert page.locator("img[src=x]").count() == 0, name
    assert watch.dialogs == [] and watch.page_errors == [] and watch.console_errors == []


@pytest.mark.browser
def test_a_fragment_that_is_not_a_share_link_is_left_alone(new_page, base_url):
    page, watch = new_page(base_url)
    for fragment in NOT_SHARE_LINKS:
        page.goto("about:blank")
        open_settled(page, base_url + URL + fragment)
        ready(page)
        assert not page.is_visible("#sa-notice") and page.inner_text("#sa-notice") == "", fragment
        assert page.is_visible("#sa-step-safety") and not page.is_visible("#sa-step-looking-for"), fragment
        assert page.inner_text("#sa-step-label") == f"Step 1 of {len(STEPS)}", fragment
        assert page.evaluate("() => document.querySelectorAll('.sa-form input:checked').length") == 0, fragment
        assert shown_result(page) == [], fragment
        # The form starts normally: the first step goes on to the second.
        page.check(option("safety", 0))
        page.click('[data-action="next"]')
        assert page.is_visible("#sa-step-looking-for"), fragment
    assert page.locator("img[src=x]").count() == 0
    assert watch.dialogs == [] and watch.page_errors == [] and watch.console_errors == []


def answer_all(page, answers):
    """Answer every question by clicking, step by step, and show the result."""
    for step, qids in enumerate(STEPS):
        for qid in qids:
            page.check(option(qid, answers[QUESTIONS.index(qid)]))
        page.click('[data-action="result"]' if step == len(STEPS) - 1 else '[data-action="next"]')


def share_link(answers):
    return f"#answers={DATA['version']}." + "".join(map(str, answers))


@pytest.mark.browser
def test_clearing_a_share_link_says_the_browser_history_may_still_hold_it(new_page, base_url):
    page, watch = open_page(new_page, base_url, share_link(answers_by_result()["therapy"]))
    assert shown_result(page) == ["therapy"]
    entries = page.evaluate("() => history.length")
    page.click('[data-action="clear"]')
    assert page.evaluate("() => location.hash") == ""
    assert "answers" not in page.url and "#" not in page.url
    state = page.evaluate("() => JSON.stringify([history.state, location.href])")
    assert "answers" not in state
    assert page.evaluate("() => history.length") == entries  # replaced, not a new entry
    assert page.evaluate("() => document.querySelectorAll('.sa-form input:checked').length") == 0
    notice = page.locator("#sa-notice")
    assert notice.is_visible()
    assert "cleared from this page and its address" in notice.inner_text()
    assert "history may still list the link" in notice.inner_text()
    # Announced: focus moves to it, as for the other notices, and it sits above the questions.
    assert page.evaluate("() => document.activeElement.id") == "sa-notice"
    assert page.evaluate("""() => !!(document.getElementById('sa-notice').compareDocumentPosition(
        document.getElementById('sa-form')) & Node.DOCUMENT_POSITION_FOLLOWING)""")
    assert page.is_visible("#sa-step-safety") and shown_result(page) == []
    axe_clean(page, "cleared after a share link")
    # Answering again and clearing again: the history may still hold that first link.
    answer_all(page, answers_by_result()["coaching"])
    assert not page.is_visible("#sa-notice")
    page.click('[data-action="clear"]')
    assert notice.is_visible() and "history" in notice.inner_text()
    assert not watch.page_errors and not watch.console_errors


@pytest.mark.browser
def test_clearing_without_a_share_link_says_nothing_about_history(new_page, base_url):
    page, watch = open_page(new_page, base_url)
    answer_all(page, answers_by_result()["coaching"])
    assert shown_result(page) == ["coaching"]
    page.click('[data-action="share"]')  # making a link does not put it in the address
    page.click('[data-action="clear"]')
    assert page.evaluate("() => location.hash") == ""
    assert not page.is_visible("#sa-notice") and "history" not in page.inner_text("#sa-notice")
    assert page.evaluate("() => document.activeElement.id") == "sa-h-safety"
    assert page.is_visible("#sa-step-safety") and shown_result(page) == []
    assert not watch.page_errors and not watch.console_errors


@pytest.mark.browser
def test_share_link_restores_the_answers_and_clear_empties_the_fragment(new_page, base_url):
    page, _ = open_page(new_page, base_url)
    answers = answers_by_result()["therapy"]
    for step, qids in enumerate(STEPS):
        for qid in qids:
            page.check(option(qid, answers[QUESTIONS.index(qid)]))
        page.click('[data-action="result"]' if step == len(STEPS) - 1 else '[data-action="next"]')
    page.click('[data-action="share"]')
    link = page.input_value("#sa-share-url")
    assert link.endswith("#answers=1." + "".join(map(str, answers)))
    assert page.is_visible("#sa-share-warning")
    page.goto("about:blank")
    open_settled(page, link)
    ready(page)
    assert shown_result(page) == ["therapy"]
    # Answers from a link may be someone else's: the page says where they come from, and says it first.
    notice = page.locator("#sa-notice")
    assert notice.is_visible() and "come from a link" in notice.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "sa-notice"
    axe_clean(page, "a result opened from a link")
    # Answers of the reader's own are theirs: the notice goes with a new result.
    page.click('[data-action="change"]')
    answer_all(page, answers_by_result()["coaching"])
    assert shown_result(page) == ["coaching"] and not page.is_visible("#sa-notice")
    page.click('[data-action="clear"]')
    assert "#" not in page.url
    assert shown_result(page) == [] and page.is_visible("#sa-step-safety")


@pytest.mark.browser
def test_print_shows_the_result_and_the_answers_not_the_form(new_page, base_url):
    page, _ = open_page(new_page, base_url, "#answers=1." + "".join(map(str, answers_by_result()["coaching"])))
    page.emulate_media(media="print")
    assert shown_result(page) == ["coaching"]
    assert page.is_visible(".sa-mine") and not page.is_visible(".sa-tools")
    assert not page.is_visible(".sa-form") and not page.is_visible(".sa-guide")


@pytest.mark.browser
def test_without_javascript_every_question_and_the_scoring_guide_show(new_page, base_url):
    page, watch = open_page(new_page, base_url, java_script=False)
    assert page.locator("fieldset.sa-q:visible").count() == len(QUESTIONS)
    assert page.locator("input[type=radio]:visible").count() == sum(
        len(q["options"]) for s in DATA["sections"] for q in s["questions"])
    assert page.is_visible(".sa-guide .sa-guide__rules")
    assert page.is_visible(".sa-crisis .crisis-line")
    assert not page.is_visible(".sa-nav") and not page.is_visible(".sa-progress")


@pytest.mark.browser
def test_printing_without_javascript_gives_every_question_and_the_scoring_guide(new_page, base_url):
    page, _ = open_page(new_page, base_url, java_script=False)
    page.emulate_media(media="print")
    assert page.locator("fieldset.sa-q:visible").count() == len(QUESTIONS)
    assert page.is_visible(".sa-guide .sa-guide__points") and page.is_visible(".sa-guide .sa-guide__rules")
    assert page.locator(".sa-guide .sa-guide__rules li:visible").count() >= len(DATA["rules"])


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_plain_form_has_no_axe_violations(new_page, base_url, scheme, viewport):
    # axe needs JavaScript itself, so the plain form is checked with only our script blocked.
    page, watch = new_page(base_url, scheme=scheme, viewport=viewport)
    page.route("**/self-assessment-loader.js", lambda route: route.abort())
    open_settled(page, base_url + URL, ours=False)
    assert page.locator(".sa--js").count() == 0 and page.is_visible(".sa-guide .sa-guide__rules")
    axe_clean(page, f"plain form ({scheme})")


@pytest.mark.browser
def test_instant_navigation_loads_it_once_and_init_is_idempotent(new_page, base_url, site_dir):
    page, watch = new_page(base_url)
    # Material matches links against sitemap.xml with the page's host but the sitemap's port;
    # serve the sitemap as a real host would (site_url = this server) so instant navigation runs.
    sitemap = (site_dir / "sitemap.xml").read_text("utf-8")
    site_url = min(re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap), key=len)  # the home page's: the site's address
    page.route("**/sitemap.xml", lambda route: route.fulfill(
        body=sitemap.replace(site_url, base_url), content_type="application/xml"))
    open_settled(page, base_url)  # Material has read the sitemap, too
    assert page.evaluate("() => !!window.document$")  # Material's instant navigation is on
    page.evaluate("() => { window.sameDocument = true }")
    for tab in (URL, "coaching/", URL):  # there, away and back again, all without a page load
        page.click(f'.md-tabs__link[href$="/{tab}"]')  # Material makes hrefs absolute
        page.wait_for_url(f"**/{tab}")
    ready(page)
    assert page.evaluate("() => window.sameDocument") is True
    page.evaluate("""async () => {
        const root = document.querySelector('[data-module="self-assessment"]')
        const m = await import(new URL('assets/javascripts/self-assessment.js', document.baseURI.replace(/self-assessment\\/.*$/, '')).href)
        m.init(root); m.init(root)
    }""")
    page.check(option("safety", 0))
    page.click('[data-action="next"]')
    assert page.is_visible("#sa-step-looking-for") and not page.is_visible("#sa-step-feeling")
    assert page.inner_text("#sa-step-label") == f"Step 2 of {len(STEPS)}"
    # Styled as on a page load: the site's stylesheet, loaded on the first page, holds its styles.
    assert page.locator(".sa-option").first.evaluate("el => getComputedStyle(el).display") == "flex"
    assert not watch.page_errors and not watch.console_errors
