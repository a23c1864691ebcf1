"""The embed in a real iframe, on a host page made from the README's own snippet.

The site is served under /learn/ with its `_headers` and shown to the browser at the README's
address (https://learn.example.com/learn/), the host page at the allowed origin
(https://northside.example) or at another one. Both are public https origins to the browser, as
in real life (a public page may not frame a loopback address).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Error as PlaywrightError

from fixture_site import PRACTICE
from harness.browser import open_settled
from harness.server import serve_site
from harness.sitebuild import ROOT
from sa_content import DATA, answers_by_result

ALLOWED = PRACTICE["embed_origins"][0]
OTHER = "https://elsewhere.example"
README_ORIGIN = "https://learn.example.com"
PUBLIC_URL = README_ORIGIN + "/learn/"
STEPS = [[q["id"] for q in section["questions"]] for section in DATA["sections"]]
QUESTIONS = [qid for step in STEPS for qid in step]
# embed.js's own measure: the content's bottom edge plus a small margin.
CONTENT_HEIGHT = "() => Math.ceil(document.querySelector('.md-content').getBoundingClientRect().bottom + scrollY + 24)"


def readme_snippet() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    snippets = [s for s in re.findall(r"```html\n(.*?)```", readme, re.S) if "<iframe" in s]
    assert len(snippets) == 1, "the README should hold exactly one iframe snippet"
    return snippets[0]


@pytest.fixture(scope="module")
def site_url(practice_site):
    with serve_site(practice_site, prefix="/learn/") as url:
        yield url


def forward(route, site_url):
    try:
        route.fulfill(response=route.fetch(url=site_url + route.request.url[len(PUBLIC_URL):]))
    except PlaywrightError as exc:
        # A refused frame can drop its request while it is in flight; nothing is left to answer.
        if "disposed" not in str(exc) and "closed" not in str(exc):
            raise


def host_page(new_page, site_url, host_origin, path="self-assessment-embed/"):
    """A page at `host_origin` holding the README snippet; the site answers at README_ORIGIN."""
    snippet = readme_snippet().replace(README_ORIGIN + "/self-assessment-embed/", f"{PUBLIC_URL}{path}")
    html = ("<!doctype html><html lang='en'><head><title>Host</title></head><body>"
            "<script>window.heights = []; addEventListener('message', (e) => "
            "{ if (e.data && e.data.type) heights.push([e.origin, e.data.height]) })</script>"
            f"<h1>Practice page</h1>{snippet}</body></html>")
    page, watch = new_page(PUBLIC_URL)
    page.route(f"{host_origin}/**", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    # The real server answers for the public address, headers and all.
    page.route(f"{PUBLIC_URL}**", lambda route: forward(route, site_url))
    page.goto(f"{host_origin}/learn-more/", wait_until="load")  # the frame's load (or refusal) included
    return page, watch, page.frame_locator("#self-assessment")


@pytest.mark.browser
def test_allowed_host_shows_the_questionnaire_and_fits_its_height(new_page, site_url):
    page, watch, frame = host_page(new_page, site_url, ALLOWED)
    frame.locator("[data-module='self-assessment']").wait_for(state="attached")
    assert frame.locator(".md-tabs, .md-footer, .md-sidebar").count() == 0
    assert frame.locator("a", has_text="Get help now").first.is_visible()
    page.wait_for_function("() => heights.length > 0")
    origin, height = page.evaluate("() => heights[heights.length - 1]")
    assert origin == README_ORIGIN
    # The snippet applied it: the frame is as tall as the questionnaire reported.
    assert height > 600
    assert page.evaluate("() => document.getElementById('self-assessment').style.height") == f"{height}px"
    assert not watch.console_errors, watch.console_errors


def refused(page) -> bool:
    """Wait until the browser has refused to show the frame: it holds its own error page (so what
    the tests find missing in it is missing because of that, not because it has not loaded yet)."""
    [frame] = page.main_frame.child_frames
    if not frame.url.startswith("chrome-error://"):  # the host page's load may come first
        page.wait_for_event("framenavigated", lambda f: f == frame and f.url.startswith("chrome-error://"))
    return True


def embed_frame(page):
    """The embed's frame, once the questionnaire in it is enhanced."""
    frame = page.frame(url=re.compile(r"/self-assessment-embed/"))
    frame.wait_for_selector(".sa--js", state="attached")
    return frame


def unenhanced_height(new_page, site_url, width):
    """How tall the embed is as plain HTML (every step showing), at the frame's width."""
    page, _ = new_page(PUBLIC_URL, viewport={"width": width, "height": 900}, java_script=False)
    page.route(f"{PUBLIC_URL}**", lambda route: forward(route, site_url))
    open_settled(page, f"{PUBLIC_URL}self-assessment-embed/")
    box = page.locator(".md-content").bounding_box()
    return box["y"] + box["height"]


def heights_sent(page):
    return [height for _, height in page.evaluate("() => heights")]


def go_through(frame, answers):
    """What a reader does: try to go on without answering, answer every step, see the result, ask
    for a link, then clear everything; `answers` holds one option index per question."""
    frame.click('[data-action="next"]')  # the error summary
    frame.wait_for_selector(".sa-errors", state="visible")
    states = [frame.evaluate(CONTENT_HEIGHT)]
    for step, qids in enumerate(STEPS):
        for qid in qids:
            frame.check(f'#sa-q-{qid} input[value="{answers[QUESTIONS.index(qid)]}"]')
            states.append(frame.evaluate(CONTENT_HEIGHT))  # a "Yes" to safety opens the crisis lines here
        frame.click('[data-action="result"]' if step == len(STEPS) - 1 else '[data-action="next"]')
        states.append(frame.evaluate(CONTENT_HEIGHT))
    frame.click('[data-action="share"]')
    states.append(frame.evaluate(CONTENT_HEIGHT))
    frame.click('[data-action="clear"]')
    states.append(frame.evaluate(CONTENT_HEIGHT))
    return states


def readers() -> dict[str, list[int]]:
    """A crisis answer, and two readers who say no to it and get other results."""
    return {result: answers_by_result()[result] for result in ("support-now", "coaching", "therapy")}


@pytest.mark.browser
def test_the_host_hears_the_same_heights_whatever_the_reader_answers(new_page, site_url):
    readers_ = readers()
    assert readers_["support-now"][0] == 1 and readers_["coaching"][0] == readers_["therapy"][0] == 0  # "Yes" / "No"
    heard, fits = {}, {}
    for result, answers in readers_.items():
        page, watch, _ = host_page(new_page, site_url, ALLOWED)
        frame = embed_frame(page)
        page.wait_for_function("() => heights.length > 0")
        states = go_through(frame, answers)
        frame.wait_for_timeout(300)  # time for any message a change would have sent
        heard[result] = heights_sent(page)
        fits[result] = (max(states), heard[result][-1])
        assert not watch.page_errors  # (a frame may not use the clipboard: the reader copies the link)
        # Measuring on a hidden copy sets only its width, through the CSSOM, which the policy allows.
        assert not [e for e in watch.console_errors if "Content Security Policy" in e], watch.console_errors
    assert heard["support-now"] == heard["coaching"] == heard["therapy"], heard
    assert len(heard["coaching"]) == 1, heard  # sent when ready; nothing the reader did sent another
    for result, (tallest, reported) in fits.items():
        # Usable: every state the reader passed through fits in the frame, without scrolling it.
        assert tallest <= reported, (result, tallest, reported)


@pytest.mark.browser
def test_the_height_is_sent_again_only_for_a_new_width_and_fits_a_phone(new_page, site_url):
    heard = {}
    for result in ("support-now", "coaching"):
        page, _, _ = host_page(new_page, site_url, ALLOWED)
        frame = embed_frame(page)
        page.wait_for_function("() => heights.length > 0")
        go_through(frame, readers()[result])
        page.set_viewport_size({"width": 375, "height": 740})  # the host page on a phone: a narrower frame
        page.wait_for_function("() => heights.length > 1")
        frame.wait_for_timeout(300)
        heard[result] = heights_sent(page)
    assert heard["support-now"] == heard["coaching"], heard
    wide, narrow = heard["coaching"]
    assert narrow > wide  # the text wraps into more lines
    # Measured, not guessed: the phone-width height is the tallest state a reader can reach, not
    # every part of the questionnaire shown at once (the page without its script).
    plain = unenhanced_height(new_page, site_url, 375)
    assert narrow < 0.8 * plain, (narrow, plain)


@pytest.mark.browser
def test_share_link_from_the_embed_opens_the_main_self_assessment_page(new_page, site_url):
    result, answers = "therapy", answers_by_result()["therapy"]
    page, watch, _ = host_page(new_page, site_url, ALLOWED)
    frame = embed_frame(page)
    for step, qids in enumerate(STEPS):
        for qid in qids:
            frame.check(f'#sa-q-{qid} input[value="{answers[QUESTIONS.index(qid)]}"]')
        frame.click('[data-action="result"]' if step == len(STEPS) - 1 else '[data-action="next"]')
    frame.click('[data-action="share"]')
    link = frame.input_value("#sa-share-url")
    assert link == f"{PUBLIC_URL}self-assessment/#answers={DATA['version']}." + "".join(map(str, answers))
    open_settled(page, link)
    page.wait_for_selector(".sa--js", state="attached")
    # The result shows, and says that the answers came from a link (they may be someone else's).
    assert page.url == link and "come from a link" in page.locator("#sa-notice").inner_text()
    shown = page.evaluate("""() => [...document.querySelectorAll('.sa-result')]
        .filter((r) => !r.hidden && r.offsetParent !== null).map((r) => r.dataset.result)""")
    assert shown == [result]
    assert page.locator(".sa-form input:checked").count() == len(QUESTIONS)
    assert not watch.page_errors


@pytest.mark.browser
def test_links_in_the_embed_open_in_the_top_window(new_page, site_url):
    page, _, frame = host_page(new_page, site_url, ALLOWED)
    frame.locator("a", has_text="Get help now").first.click()
    page.wait_for_url(f"{PUBLIC_URL}get-help-now/")
    assert page.locator("h1").first.is_visible()


@pytest.mark.browser
def test_other_hosts_cannot_frame_the_embed(new_page, site_url):
    page, _, frame = host_page(new_page, site_url, OTHER)
    assert refused(page)
    assert frame.locator("[data-module='self-assessment']").count() == 0
    assert page.evaluate("() => heights") == []


@pytest.mark.browser
def test_ordinary_pages_refuse_every_frame(new_page, site_url):
    page, _, frame = host_page(new_page, site_url, ALLOWED, path="self-assessment/")
    assert refused(page)
    assert frame.locator("[data-module='self-assessment']").count() == 0
