"""The built site served with its own `_headers`: Chromium reports no policy violation anywhere.

Every page is opened, and the self-assessment is answered start to finish, with a listener for
`securitypolicyviolation` installed before any page script runs.
"""

from __future__ import annotations

import pytest

from harness.sitebuild import docs_page_urls

URLS = [root + url for root in ("", "es/") for url in docs_page_urls() + ["404.html"]]  # both languages
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def open_watched(new_page, base_url, url):
    page, watch = new_page(base_url)
    page.add_init_script(LISTEN)
    response = page.goto(base_url + url, wait_until="networkidle")
    return page, watch, response


def assert_clean(page, watch, where):
    violations = page.evaluate("() => window.__violations")
    assert violations == [], f"{where}: {violations}"
    assert watch.console_errors == [], f"{where}: {watch.console_errors}"
    assert watch.page_errors == [], f"{where}: {watch.page_errors}"


@pytest.mark.browser
def test_the_server_sends_the_policy(new_page, base_url):
    page, _, response = open_watched(new_page, base_url, "")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


@pytest.mark.browser
@pytest.mark.parametrize("url", URLS)
def test_page_runs_without_violations(new_page, base_url, url):
    page, watch, _ = open_watched(new_page, base_url, url)
    # Open the search, which starts Material's web worker, and type a query.
    if page.locator("input.md-search__input").count():
        page.locator("input.md-search__input").click()
        page.keyboard.type("coach")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert_clean(page, watch, url)


def answer_everything(page):
    """Answer each question with its first option, step by step, then ask for the result."""
    root = page.locator("[data-module='self-assessment']")
    for _ in range(40):  # more than enough steps for one question a screen
        for fieldset in root.locator("fieldset:visible").all():
            if not fieldset.locator("input:checked").count():
                fieldset.locator("input[type=radio]").first.check()
        result = root.locator("[data-action='result']:visible")
        if result.count():
            result.click()
            break
        root.locator("[data-action='next']:visible").click()
    return root.locator("[role=status]").first


@pytest.mark.browser
@pytest.mark.parametrize("url", [u for u in URLS if u.removeprefix("es/").startswith("self-assessment")])
def test_self_assessment_runs_without_violations(new_page, base_url, url):
    page, watch, _ = open_watched(new_page, base_url, url)
    status = answer_everything(page)
    status.wait_for(state="visible")
    assert status.inner_text().strip(), "no result shown"
    assert_clean(page, watch, url)


@pytest.mark.browser
def test_listener_catches_a_missing_hash(new_page, site_dir, tmp_path):
    # Guards the tests above: with the hashes removed, the same check reports violations.
    import re
    import shutil

    from harness.server import serve_site

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    headers = copy / "_headers"
    headers.write_text(re.sub(r" 'sha256-[^']+'", "", headers.read_text("utf-8")), "utf-8")
    with serve_site(copy) as url:
        page, watch, _ = open_watched(new_page, url, "")
        assert page.evaluate("() => window.__violations"), "no violation recorded"
        assert watch.console_errors
