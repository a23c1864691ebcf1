"""The built site served with its own `_headers`: Chromium reports no policy violation.

Every page is opened with a listener for `securitypolicyviolation` installed before any page script
runs, and its search is used, in `tests/test_browser_pages.py` (one visit of each page checks
everything there). Here: the self-assessment answered start to finish, the headers, and proof that
the listener hears a violation. The policy is the one in each page's `<meta>`; the headers add what
a meta tag cannot (framing).
"""

from __future__ import annotations

import pytest

from harness.browser import listen_for_violations, open_settled, policy_violations
from harness.sitebuild import docs_page_urls

URLS = [root + url for root in ("", "es/") for url in docs_page_urls()]  # both languages


def open_watched(new_page, base_url, url):
    page, watch = new_page(base_url)
    listen_for_violations(page)
    response = open_settled(page, base_url + url)
    return page, watch, response


def assert_clean(page, watch, where):
    violations = policy_violations(page)
    assert violations == [], f"{where}: {violations}"
    assert watch.console_errors == [], f"{where}: {watch.console_errors}"
    assert watch.page_errors == [], f"{where}: {watch.page_errors}"


@pytest.mark.browser
def test_the_page_holds_the_policy_and_the_server_refuses_frames(new_page, base_url):
    page, _, response = open_watched(new_page, base_url, "")
    assert response.headers["x-frame-options"] == "DENY"
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self' 'sha256-" in policy and "object-src 'none'" in policy


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
    home = copy / "index.html"
    home.write_text(re.sub(r" 'sha256-[^']+'", "", home.read_text("utf-8")), "utf-8")
    with serve_site(copy) as url:
        page, watch = new_page(url)
        listen_for_violations(page)
        page.goto(url, wait_until="load")  # not settled: the scripts it blocks never run
        page.wait_for_function("() => window.__violations.length > 0")
        assert watch.console_errors
