"""The `page` and `new_page` fixtures (tests/conftest.py): a fresh context per page, with the
variants a test asks for, closed after the test."""

from __future__ import annotations

import pytest

from harness.browser import VIEWPORTS

RUNS_SCRIPT = "<p id='p'>before</p><script>document.getElementById('p').textContent = 'after'</script>"


def shows(page, viewport: str, scheme: str, runs_script: bool) -> None:
    page.set_content(RUNS_SCRIPT)
    assert page.viewport_size == VIEWPORTS[viewport]
    assert page.evaluate(f"() => matchMedia('(prefers-color-scheme: {scheme})').matches")
    assert page.inner_text("#p") == ("after" if runs_script else "before")


@pytest.mark.browser
def test_the_default_page_is_desktop_light_with_javascript(page):
    shows(page, "desktop", "light", runs_script=True)


@pytest.mark.browser
@pytest.mark.parametrize("page", [{"viewport": "phone", "scheme": "dark", "java_script": False}], indirect=True)
def test_a_test_asks_for_a_variant_by_indirect_parametrisation(page):
    shows(page, "phone", "dark", runs_script=False)


@pytest.mark.browser
def test_each_page_has_its_own_context(new_page, browser):
    before = len(browser.contexts)
    first, _ = new_page()
    second, watch = new_page(viewport={"width": 500, "height": 600})
    assert first.context is not second.context and len(browser.contexts) == before + 2
    assert second.viewport_size == {"width": 500, "height": 600} and watch.requests == []


@pytest.fixture
def closed_after_the_test(browser):
    """Contexts to check once the test is over. Set up before `new_page` (it comes first in the
    test's arguments), so torn down after it: by then `new_page` must have closed them."""
    contexts = []
    yield contexts
    assert contexts and all(context not in browser.contexts for context in contexts), "a context was left open"


@pytest.mark.browser
def test_contexts_opened_by_a_test_stay_open_until_it_ends_then_close(closed_after_the_test, new_page):
    page, _ = new_page()
    closed_after_the_test.append(page.context)
    assert page.context.pages == [page] and not page.is_closed()
