"""A Spanish reader in Chromium (browser language Spanish): the Spanish pages, search in Spanish,
the self-assessment from start to result, the crisis panel after "Sí", a share link opened again,
and the language switch keeping the page and the answers. The site never moves the reader to
another language by itself."""

from __future__ import annotations

import pytest

from harness.browser import open_settled, search
from sa_content import answers_by_result
from test_self_assessment_browser import answer_all, option, ready, shown_result

SPANISH = {"locale": "es-US", "timezone": "America/Los_Angeles"}  # a Spanish speaker in the US


def switch_to(page, code):
    """Choose a language as a reader does: open the header's language list, then the language."""
    page.focus("header .md-select button")
    page.click(f"header [data-languages] a[hreflang={code}]")


@pytest.mark.browser
def test_a_spanish_browser_is_never_moved_to_another_language(new_page, base_url):
    page, watch = new_page(base_url, **SPANISH)
    open_settled(page, base_url)
    assert page.url == base_url and page.evaluate("document.documentElement.lang") == "en"
    switch_to(page, "es")
    page.wait_for_url(base_url + "es/")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.locator("article h1").inner_text() == "¿Coach o terapeuta?"
    assert watch.other_origin_requests == [] and watch.page_errors == []


@pytest.mark.browser
def test_search_in_spanish_finds_the_spanish_pages(new_page, base_url):
    page, watch = new_page(base_url, **SPANISH)
    open_settled(page, base_url + "es/")
    search(page, "terapia")
    found = page.eval_on_selector_all(".md-search-result__item a", "links => links.map((a) => a.href)")
    assert found and all("/es/" in href for href in found), found
    assert watch.other_origin_requests == [] and watch.page_errors == []


@pytest.mark.browser
def test_the_spanish_self_assessment_from_start_to_result_and_back_from_a_link(new_page, base_url):
    page, watch = new_page(base_url, **SPANISH)
    open_settled(page, base_url + "es/self-assessment/")
    ready(page)
    # "Sí" to the safety question: the crisis lines at once, in Spanish.
    page.check(option("safety", 1))
    alert = page.locator("#sa-alert")
    assert alert.is_visible() and "Por favor, pida ayuda ahora" in alert.inner_text()
    assert page.is_visible("#sa-alert .crisis-line a[href^='tel:']")
    # A whole questionnaire to its result, in Spanish.
    page.reload()
    ready(page)
    answer_all(page, answers_by_result()["therapy"])
    assert shown_result(page) == ["therapy"]
    page.click('[data-action="share"]')
    link = page.input_value("#sa-share-url")
    assert link.startswith(base_url + "es/self-assessment/#answers=")
    # The link opened again, then the same answers in English through the language switch.
    page.goto("about:blank")
    open_settled(page, link)
    ready(page)
    assert shown_result(page) == ["therapy"] and "vienen de un enlace" in page.inner_text("#sa-notice")
    switch_to(page, "en")
    page.wait_for_url(base_url + "self-assessment/#answers=*")
    ready(page)
    assert shown_result(page) == ["therapy"]
    assert watch.other_origin_requests == [] and watch.page_errors == []
